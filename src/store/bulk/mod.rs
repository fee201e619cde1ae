//! A history loaded in bulk, for `regulars demo` at scale: the store's own rules for enrolling,
//! selling, refunding, redeeming, expiring and settling referrals, applied to the history in
//! memory and written out at the end in one pass. Secondary indexes are built after the rows
//! and the aggregates are computed from them, which is many times faster than a transaction
//! per sale. It can only fill a shop that has no customers and no visits yet.
//!
//! The demo tests generate the same history both ways (through [`Tx`](crate::store::Tx) operations
//! and through a [`Bulk`]) and compare every table row by row, so the two cannot drift apart.

mod loyalty;
mod rows;
mod write;

use rows::*;

use crate::domain::{
    code::{CustomerCode, ReferralCode},
    contact::{normalize_email, normalize_phone},
    ledger::{EventKind, Lot, allocate, refund_reversal, vouchers_due},
    program::Program,
    referral::{Person, ReferralStatus, RefusalReason, is_self_referral, within_cap},
};
use crate::store::loyalty::referrals::THIRTY_DAYS;
use crate::store::{ProgramVersion, Result, ShopRules, Store, StoreError};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::rc::Rc;

/// What a sale did, as far as a generator needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkSale {
    pub customer_id: Option<i64>,
    pub balance: i64,
    /// The status of a referral the sale settled (rewarded or refused).
    pub referral: Option<ReferralStatus>,
}

/// What an enrolment did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkEnrolled {
    pub id: i64,
    pub code: String,
    pub referral_code: String,
    /// The status of the referral opened with it (pending or refused).
    pub referral: Option<ReferralStatus>,
}

/// A history being built in memory; [`Bulk::write`] stores it.
pub struct Bulk {
    rules: ShopRules,
    programs: Vec<ProgramVersion>,
    customers: Rows<Customer>,
    /// Customers by card code and by referral code, packed ([`packed`]).
    codes: HashMap<u64, i64>,
    referral_codes: HashMap<u64, i64>,
    phones: HashMap<String, i64>,
    emails: HashMap<String, i64>,
    visits: Rows<Visit>,
    receipts: Receipts,
    events: Rows<Event>,
    allocations: Vec<(i64, i64, i64)>,
    vouchers: Rows<Voucher>,
    redemptions: Rows<Redemption>,
    refunds: Rows<Refund>,
    referrals: Rows<Referral>,
    /// Lots with an expiry date that may have points left: (expires_at, event id).
    expiring: BTreeSet<(i64, i64)>,
    texts: HashMap<String, Rc<str>>,
}

impl Store {
    /// Starts a bulk history for this store, which must have no customers and no visits.
    pub fn bulk(&mut self) -> Result<Bulk> {
        let c = &self.conn;
        let (customers, visits): (i64, i64) = c.query_row(
            "SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM visits)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if customers > 0 || visits > 0 {
            return Err(StoreError::BulkNotEmpty);
        }
        if self.programs.is_empty() {
            return Err(StoreError::NoProgram);
        }
        let next = |table: &str| -> Result<i64> {
            Ok(c.query_row(
                &format!("SELECT COALESCE(MAX(rowid), 0) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        Ok(Bulk {
            rules: self.rules.clone(),
            programs: self.programs.clone(),
            customers: Rows::new(next("customers")?),
            codes: HashMap::new(),
            referral_codes: HashMap::new(),
            phones: HashMap::new(),
            emails: HashMap::new(),
            visits: Rows::new(next("visits")?),
            receipts: Receipts::default(),
            events: Rows::new(next("points_events")?),
            allocations: Vec::new(),
            vouchers: Rows::new(next("vouchers")?),
            redemptions: Rows::new(next("redemptions")?),
            refunds: Rows::new(next("refunds")?),
            referrals: Rows::new(next("referrals")?),
            expiring: BTreeSet::new(),
            texts: HashMap::new(),
        })
    }
}

impl Bulk {
    /// Makes room for about `visits` visits, sparing the copies of growing one by one.
    pub fn reserve(&mut self, customers: usize, visits: usize) {
        self.customers.rows.reserve(customers);
        self.codes.reserve(customers);
        self.referral_codes.reserve(customers);
        self.phones.reserve(customers);
        self.emails.reserve(customers);
        self.visits.rows.reserve(visits);
        self.receipts.reserve(visits);
        self.events.rows.reserve(visits);
    }

    /// The program in force at `at` (as [`crate::store::Tx`] decides it).
    fn program_at(&self, at: i64) -> (i64, &Program) {
        crate::store::program_in_force(&self.programs, at)
    }

    fn text(&mut self, s: &str) -> Rc<str> {
        if let Some(t) = self.texts.get(s) {
            return t.clone();
        }
        let t: Rc<str> = Rc::from(s);
        self.texts.insert(s.to_string(), t.clone());
        t
    }

    fn customer_id(&self, code_text: &str) -> Result<i64> {
        let code = CustomerCode::parse(code_text)?;
        self.codes
            .get(&packed(code.as_str()))
            .copied()
            .ok_or_else(|| StoreError::NoSuchCustomer(code.to_string()))
    }

    fn display_code(&self, id: i64) -> String {
        CustomerCode::from_stored(self.customers.get(id).code.clone()).to_string()
    }

    /// As `tx.people().enroll`.
    pub fn enroll(
        &mut self,
        new: &crate::store::NewCustomer,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<BulkEnrolled> {
        let name = crate::domain::contact::customer_name(&new.name).ok_or(StoreError::BadName)?;
        let nonempty = crate::store::people::customers::nonempty;
        let phone = nonempty(&new.phone)
            .map(|p| normalize_phone(p, self.rules.country_code.as_deref()))
            .transpose()?;
        let email = nonempty(&new.email).map(normalize_email).transpose()?;
        let referrer = match nonempty(&new.referred_by) {
            Some(text) => {
                let code = ReferralCode::parse(text)?;
                Some(
                    *self
                        .referral_codes
                        .get(&packed(code.as_str()))
                        .ok_or_else(|| StoreError::NoSuchReferralCode(code.to_string()))?,
                )
            }
            None => None,
        };
        if let Some(p) = &phone
            && let Some(existing) = self.phones.get(p)
        {
            return Err(StoreError::DuplicatePhone {
                phone: p.clone(),
                code: self.display_code(*existing),
            });
        }
        if let Some(e) = &email
            && let Some(existing) = self.emails.get(e)
        {
            return Err(StoreError::DuplicateEmail {
                email: e.clone(),
                code: self.display_code(*existing),
            });
        }
        let id = self.customers.next_id();
        let mut drawn = None;
        for _ in 0..crate::store::people::customers::CODE_ATTEMPTS {
            let code = CustomerCode::from_random(random());
            let referral = ReferralCode::from_random(random());
            if !self.codes.contains_key(&packed(code.as_str()))
                && !self.referral_codes.contains_key(&packed(referral.as_str()))
            {
                drawn = Some((code, referral));
                break;
            }
        }
        let (code, referral) = drawn
            .ok_or_else(|| StoreError::Damaged("could not draw an unused customer code".into()))?;
        self.codes.insert(packed(code.as_str()), id);
        self.referral_codes.insert(packed(referral.as_str()), id);
        if let Some(p) = &phone {
            self.phones.insert(p.clone(), id);
        }
        if let Some(e) = &email {
            self.emails.insert(e.clone(), id);
        }
        self.customers.push(Customer {
            code: code.as_str().to_string(),
            referral_code: referral.as_str().to_string(),
            name: name.to_string(),
            phone,
            email,
            enrolled_at: now,
            balance: 0,
            stamps: 0,
            lots: Vec::new(),
            vouchers: Vec::new(),
            pending_referral: None,
            has_visits: false,
            rewarded: Vec::new(),
        });
        let referral_status = referrer.map(|r| self.open_referral(r, id, now));
        Ok(BulkEnrolled {
            id,
            code: code.to_string(),
            referral_code: referral.to_string(),
            referral: referral_status,
        })
    }

    fn open_referral(&mut self, referrer: i64, friend: i64, now: i64) -> ReferralStatus {
        let person = |c: &Customer, id: i64| (id, c.phone.clone(), c.email.clone());
        let (rid, rphone, remail) = person(self.customers.get(referrer), referrer);
        let (fid, fphone, femail) = person(self.customers.get(friend), friend);
        let f = self.customers.get(friend);
        let refused = if is_self_referral(
            &Person {
                id: Some(rid),
                phone: rphone.as_deref(),
                email: remail.as_deref(),
            },
            &Person {
                id: Some(fid),
                phone: fphone.as_deref(),
                email: femail.as_deref(),
            },
        ) {
            Some(RefusalReason::SelfReferral)
        } else if f.pending_referral.is_some() {
            Some(RefusalReason::SecondReferrer)
        } else if f.has_visits {
            Some(RefusalReason::ExistingCustomer)
        } else {
            None
        };
        let id = self.referrals.push(Referral {
            referrer,
            friend,
            at: now,
            status: if refused.is_some() {
                ReferralStatus::Refused
            } else {
                ReferralStatus::Pending
            },
            reason: refused.map(RefusalReason::as_str),
            decided_at: refused.map(|_| now),
            visit: None,
        });
        if refused.is_none() {
            self.customers.get_mut(friend).pending_referral = Some(id);
        }
        self.referrals.get(id).status
    }

    /// As `tx.counter().record_sale`.
    pub fn sale(&mut self, sale: &crate::store::NewSale) -> Result<BulkSale> {
        if sale.amount <= 0 {
            return Err(crate::domain::money::AmountError::Zero.into());
        }
        let receipt = match sale.receipt.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(r) => Some(crate::store::counter::sales::check_receipt(r)?),
        };
        if let Some(r) = &receipt
            && let Some(first) = self.receipts.find(r)
        {
            let customer_id = self.visits.get(first).customer;
            return Ok(BulkSale {
                customer_id,
                balance: customer_id.map_or(0, |c| self.customers.get(c).balance),
                referral: None,
            });
        }
        let customer = match sale.customer.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(code) => Some(self.customer_id(code)?),
        };
        let (program_id, program) = self.program_at(sale.at);
        let crate::domain::sale::Earning {
            qualifying,
            points,
            stamped,
        } = crate::domain::sale::earning(program, sale.amount, customer.is_some());
        let visit = self.visits.next_id();
        let receipt = match receipt {
            Some(r) => Some(self.receipts.insert(&r, visit)?),
            None => None,
        };
        self.visits.push(Visit {
            at: sale.at,
            amount: sale.amount,
            customer,
            receipt,
            program_id,
            points,
            stamped,
            refunded: 0,
            earn_event: None,
        });
        let Some(customer) = customer else {
            return Ok(BulkSale {
                customer_id: None,
                balance: 0,
                referral: None,
            });
        };
        let stamps_before = self.customers.get(customer).stamps;
        self.customers.get_mut(customer).has_visits = true;
        self.expire(Some(customer), sale.at)?;
        if points > 0 {
            let earn = self.credit(
                customer,
                EventKind::Earn,
                points,
                sale.at,
                Key::Earn(visit),
                Some(visit),
                None,
                None,
            );
            self.visits.get_mut(visit).earn_event = Some(earn);
        }
        if stamped {
            self.customers.get_mut(customer).stamps += 1;
            self.sync_vouchers(customer, stamps_before, stamps_before + 1, sale.at, visit);
        }
        let referral = if qualifying {
            self.settle_referral(customer, visit, sale.at)
        } else {
            None
        };
        Ok(BulkSale {
            customer_id: Some(customer),
            balance: self.customers.get(customer).balance,
            referral,
        })
    }

    /// As `tx.counter().refund`, for a till's receipt number.
    pub fn refund(
        &mut self,
        receipt: &str,
        amount: Option<i64>,
        now: i64,
        actor: Option<&str>,
    ) -> Result<()> {
        let receipt = crate::store::counter::sales::check_receipt(receipt.trim())?;
        let visit = self
            .receipts
            .find(&receipt)
            .ok_or_else(|| StoreError::UnknownReceipt(receipt.clone()))?;
        let v = self.visits.get(visit);
        let (sale_amount, refunded, earned, customer, stamped) =
            (v.amount, v.refunded, v.points, v.customer, v.stamped);
        let crate::domain::sale::RefundTake {
            amount,
            full: fully,
        } = crate::store::counter::refunds::refund_to_take(
            &receipt,
            sale_amount,
            refunded,
            amount,
            self.rules.currency,
        )?;
        let due = refund_reversal(earned, sale_amount, refunded, amount);
        self.visits.get_mut(visit).refunded += amount;
        let actor = actor.map(|a| self.text(a));
        let refund = self.refunds.push(Refund {
            visit,
            at: now,
            amount,
            due,
            reversed: 0,
            actor: actor.clone(),
        });
        let Some(customer) = customer else {
            return Ok(());
        };
        self.expire(Some(customer), now)?;
        let reversed = due.min(self.customers.get(customer).balance);
        if reversed > 0 {
            let own: Vec<i64> = self.visits.get(visit).earn_event.into_iter().collect();
            let reason = self.text("refund");
            self.spend(
                customer,
                EventKind::Refund,
                reversed,
                now,
                Key::Refund(refund),
                Some(visit),
                Some(reason),
                actor,
                &own,
                "the refund",
            )?;
            self.refunds.get_mut(refund).reversed = reversed;
        }
        if fully && stamped {
            self.visits.get_mut(visit).stamped = false;
            let c = self.customers.get_mut(customer);
            c.stamps -= 1;
            let stamps = c.stamps;
            self.sync_vouchers(customer, stamps + 1, stamps, now, visit);
        }
        Ok(())
    }
}
