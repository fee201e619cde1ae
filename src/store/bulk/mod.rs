//! A history loaded in bulk, for `regulars demo` at scale: the store's own rules for enrolling,
//! selling, refunding, redeeming, expiring and settling referrals, applied to the history in
//! memory and written out at the end in one pass. Secondary indexes are built after the rows
//! and the aggregates are computed from them, which is many times faster than a transaction
//! per sale. It can only fill a shop that has no customers and no visits yet.
//!
//! The demo tests generate the same history both ways (through [`Tx`](crate::store::Tx) operations
//! and through a [`Bulk`]) and compare every table row by row, so the two cannot drift apart.

use crate::store::loyalty::referrals::THIRTY_DAYS;
use crate::store::{ProgramVersion, Result, ShopRules, Store, StoreError};
use crate::domain::{
    code::{CustomerCode, ReferralCode},
    contact::{normalize_email, normalize_phone},
    ledger::{EventKind, Lot, allocate, refund_reversal, vouchers_due},
    program::Program,
    referral::{Person, RefusalReason, is_self_referral, within_cap},
};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Page cache while the rows are written, in KiB.
const LOAD_CACHE_KIB: i64 = 2 * 1024 * 1024;

/// The aggregate tables a bulk load fills.
const AGGREGATES: &[&str] = &[
    "agg_days",
    "agg_customer_days",
    "agg_customers",
    "agg_points_days",
];

/// The tables a bulk load fills, in the order they are written.
const TABLES: &[&str] = &[
    "customers",
    "referrals",
    "visits",
    "points_events",
    "points_allocations",
    "vouchers",
    "redemptions",
    "refunds",
];

struct Customer {
    code: String,
    referral_code: String,
    name: String,
    phone: Option<String>,
    email: Option<String>,
    enrolled_at: i64,
    balance: i64,
    stamps: i64,
    /// Lots with points left: (expiry, event id).
    lots: Vec<(Option<i64>, i64)>,
    vouchers: Vec<i64>,
    pending_referral: Option<i64>,
    has_visits: bool,
    /// When referrals this customer made were rewarded.
    rewarded: Vec<i64>,
}

struct Visit {
    at: i64,
    amount: i64,
    customer: Option<i64>,
    /// Where its receipt number is in [`Receipts`].
    receipt: Option<Span>,
    program_id: i64,
    points: i64,
    stamped: bool,
    refunded: i64,
    earn_event: Option<i64>,
}

/// An event's idempotency key, spelt out when written (as the store spells it).
#[derive(Clone, Copy)]
enum Key {
    Earn(i64),
    Expire(i64),
    Redemption(i64),
    Refund(i64),
    Referral(i64, &'static str),
}

impl Key {
    fn text(self) -> String {
        match self {
            Key::Earn(visit) => crate::store::counter::sales::earn_key(visit),
            Key::Expire(lot) => format!("expire:{lot}"),
            Key::Redemption(id) => format!("redemption:{id}"),
            Key::Refund(id) => format!("refund:{id}"),
            Key::Referral(id, side) => format!("referral:{id}:{side}"),
        }
    }
}

struct Event {
    customer: i64,
    at: i64,
    kind: EventKind,
    points: i64,
    key: Key,
    visit: Option<i64>,
    expires_at: Option<i64>,
    remaining: Option<i64>,
    reason: Option<Rc<str>>,
    actor: Option<Rc<str>>,
}

struct Voucher {
    customer: i64,
    reward: Rc<str>,
    issued_at: i64,
    visit: Option<i64>,
    used_at: Option<i64>,
    voided_at: Option<i64>,
}

struct Redemption {
    customer: i64,
    at: i64,
    reward: Rc<str>,
    reward_name: Rc<str>,
    points: i64,
    voucher: Option<i64>,
    event: Option<i64>,
    actor: Option<Rc<str>>,
}

struct Refund {
    visit: i64,
    at: i64,
    amount: i64,
    due: i64,
    reversed: i64,
    actor: Option<Rc<str>>,
}

struct Referral {
    referrer: i64,
    friend: i64,
    at: i64,
    status: &'static str,
    reason: Option<&'static str>,
    decided_at: Option<i64>,
    visit: Option<i64>,
}

/// A card or referral code (canonical: 7 characters of an ASCII alphabet) as one number, so
/// looking a customer up reads no string.
fn packed(code: &str) -> u64 {
    assert!(
        code.len() <= 8 && code.is_ascii(),
        "codes are 7 ASCII characters"
    );
    code.bytes().fold(0, |k, b| k << 8 | u64::from(b))
}

/// Where a receipt number is in [`Receipts::all`]: (start, length).
type Span = (u32, u32);

/// Every receipt number end to end, and a table of visits by receipt number: no allocation
/// per receipt, which at millions of visits is most of the memory and of the time to free it.
#[derive(Default)]
struct Receipts {
    all: String,
    table: hashbrown::HashTable<(Span, i64)>,
    hasher: foldhash::fast::FixedState,
}

impl Receipts {
    fn text(&self, (start, len): Span) -> &str {
        &self.all[start as usize..(start + len) as usize]
    }

    fn reserve(&mut self, receipts: usize) {
        self.all.reserve(receipts * 9);
        let (all, hasher) = (&self.all, &self.hasher);
        self.table.reserve(receipts, |((s, l), _)| {
            hasher.hash_one(&all[*s as usize..(*s + *l) as usize])
        });
    }

    fn find(&self, receipt: &str) -> Option<i64> {
        self.table
            .find(self.hasher.hash_one(receipt), |(span, _)| {
                self.text(*span) == receipt
            })
            .map(|(_, visit)| *visit)
    }

    fn insert(&mut self, receipt: &str, visit: i64) -> Result<Span> {
        let start = u32::try_from(self.all.len() + receipt.len())
            .map(|end| end - receipt.len() as u32)
            .map_err(|_| {
                StoreError::Damaged("a bulk load holds up to 4 GB of receipt numbers".into())
            })?;
        self.all.push_str(receipt);
        let span = (start, receipt.len() as u32);
        let (all, hasher) = (&self.all, &self.hasher);
        let text = |(s, l): Span| &all[s as usize..(s + l) as usize];
        self.table
            .insert_unique(hasher.hash_one(receipt), (span, visit), |(span, _)| {
                hasher.hash_one(text(*span))
            });
        Ok(span)
    }
}

/// Rows of one table, numbered from the table's next free id.
struct Rows<T> {
    first_id: i64,
    rows: Vec<T>,
}

impl<T> Rows<T> {
    fn new(first_id: i64) -> Rows<T> {
        Rows {
            first_id,
            rows: Vec::new(),
        }
    }
    fn push(&mut self, row: T) -> i64 {
        self.rows.push(row);
        self.first_id + self.rows.len() as i64 - 1
    }
    fn get(&self, id: i64) -> &T {
        &self.rows[(id - self.first_id) as usize]
    }
    fn get_mut(&mut self, id: i64) -> &mut T {
        &mut self.rows[(id - self.first_id) as usize]
    }
    fn next_id(&self) -> i64 {
        self.first_id + self.rows.len() as i64
    }
}

/// What a sale did, as far as a generator needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkSale {
    pub customer_id: Option<i64>,
    pub balance: i64,
    /// The status of a referral the sale settled ("rewarded" or "refused").
    pub referral: Option<&'static str>,
}

/// What an enrolment did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkEnrolled {
    pub id: i64,
    pub code: String,
    pub referral_code: String,
    /// The status of the referral opened with it ("pending" or "refused").
    pub referral: Option<&'static str>,
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

    /// As [`crate::store::Tx::enroll`].
    pub fn enroll(
        &mut self,
        new: &crate::store::NewCustomer,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<BulkEnrolled> {
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > crate::store::people::customers::MAX_NAME_CHARS {
            return Err(StoreError::BadName);
        }
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

    fn open_referral(&mut self, referrer: i64, friend: i64, now: i64) -> &'static str {
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
                "refused"
            } else {
                "pending"
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

    /// As [`crate::store::Tx::record_sale`].
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

    #[allow(clippy::too_many_arguments)]
    fn credit(
        &mut self,
        customer: i64,
        kind: EventKind,
        points: i64,
        at: i64,
        key: Key,
        visit: Option<i64>,
        reason: Option<Rc<str>>,
        actor: Option<Rc<str>>,
    ) -> i64 {
        let expires_at = self.program_at(at).1.expires_at(at);
        let id = self.events.push(Event {
            customer,
            at,
            kind,
            points,
            key,
            visit,
            expires_at,
            remaining: Some(points),
            reason,
            actor,
        });
        if let Some(e) = expires_at {
            self.expiring.insert((e, id));
        }
        let c = self.customers.get_mut(customer);
        c.lots.push((expires_at, id));
        c.balance += points;
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn spend(
        &mut self,
        customer: i64,
        kind: EventKind,
        points: i64,
        at: i64,
        key: Key,
        visit: Option<i64>,
        reason: Option<Rc<str>>,
        actor: Option<Rc<str>>,
        first: &[i64],
        what: &str,
    ) -> Result<i64> {
        let lots: Vec<Lot> = self
            .customers
            .get(customer)
            .lots
            .iter()
            .map(|&(expires_at, id)| Lot {
                id,
                remaining: self.events.get(id).remaining.unwrap_or(0),
                expires_at,
            })
            .collect();
        let taken = allocate(&lots, points, first).map_err(|s| StoreError::NotEnoughPoints {
            what: what.to_string(),
            needed: s.needed,
            balance: s.available,
        })?;
        let id = self.events.push(Event {
            customer,
            at,
            kind,
            points: -points,
            key,
            visit,
            expires_at: None,
            remaining: None,
            reason,
            actor,
        });
        for (lot, p) in taken {
            self.allocations.push((id, lot, p));
            let e = self.events.get_mut(lot);
            e.remaining = e.remaining.map(|r| r - p);
        }
        let events = &self.events;
        let c = self.customers.get_mut(customer);
        c.lots
            .retain(|(_, l)| events.get(*l).remaining.unwrap_or(0) > 0);
        c.balance -= points;
        Ok(id)
    }

    /// As [`crate::store::Tx::expire_due`]: one customer's lots past their date, or everyone's.
    fn expire(&mut self, customer: Option<i64>, now: i64) -> Result<()> {
        let due: Vec<(i64, i64)> = match customer {
            Some(c) => {
                let lots = &self.customers.get(c).lots;
                if !lots.iter().any(|(x, _)| x.is_some_and(|x| x <= now)) {
                    return Ok(());
                }
                let mut due: Vec<(i64, i64)> = lots
                    .iter()
                    .filter_map(|&(x, id)| x.filter(|x| *x <= now).map(|x| (x, id)))
                    .collect();
                due.sort_unstable();
                due
            }
            None => {
                let mut due = Vec::new();
                while let Some(&(x, id)) = self.expiring.first()
                    && x <= now
                {
                    self.expiring.pop_first();
                    if self.events.get(id).remaining.unwrap_or(0) > 0 {
                        due.push((x, id));
                    }
                }
                due
            }
        };
        let reason = self.text("points expired");
        for (_, lot) in due {
            let e = self.events.get(lot);
            let (owner, remaining) = (e.customer, e.remaining.unwrap_or(0));
            self.spend(
                owner,
                EventKind::Expire,
                remaining,
                now,
                Key::Expire(lot),
                None,
                Some(reason.clone()),
                None,
                &[lot],
                "expiry",
            )?;
        }
        Ok(())
    }

    /// As [`crate::store::Tx::expire_due`] for every customer.
    pub fn expire_due(&mut self, now: i64) -> Result<()> {
        self.expire(None, now)
    }

    fn sync_vouchers(&mut self, customer: i64, before: i64, stamps: i64, now: i64, visit: i64) {
        let Some(rule) = self.program_at(now).1.stamps.clone() else {
            return;
        };
        let due = vouchers_due(stamps, rule.every);
        if due == vouchers_due(before, rule.every) {
            return;
        }
        let held = self
            .customers
            .get(customer)
            .vouchers
            .iter()
            .filter(|v| self.vouchers.get(**v).voided_at.is_none())
            .count() as i64;
        let reward = self.text(&rule.reward);
        for _ in held..due {
            let id = self.vouchers.push(Voucher {
                customer,
                reward: reward.clone(),
                issued_at: now,
                visit: Some(visit),
                used_at: None,
                voided_at: None,
            });
            self.customers.get_mut(customer).vouchers.push(id);
        }
        for _ in due..held {
            let newest = self
                .customers
                .get(customer)
                .vouchers
                .iter()
                .rev()
                .find(|v| {
                    let v = self.vouchers.get(**v);
                    v.used_at.is_none() && v.voided_at.is_none()
                })
                .copied();
            if let Some(v) = newest {
                self.vouchers.get_mut(v).voided_at = Some(now);
            }
        }
    }

    fn settle_referral(&mut self, friend: i64, visit: i64, at: i64) -> Option<&'static str> {
        let id = self.customers.get_mut(friend).pending_referral.take()?;
        let rule = self.program_at(at).1.referral.clone();
        let referrer = self.referrals.get(id).referrer;
        let recent = self
            .customers
            .get(referrer)
            .rewarded
            .iter()
            .filter(|d| **d > at - THIRTY_DAYS)
            .count() as u32;
        if !within_cap(recent, rule.cap_per_30_days) {
            let r = self.referrals.get_mut(id);
            r.status = "refused";
            r.reason = Some(RefusalReason::CapReached.as_str());
            r.decided_at = Some(at);
            r.visit = Some(visit);
            return Some("refused");
        }
        let reason = self.text("referral bonus");
        for (who, points, side) in [
            (friend, rule.friend_bonus, "friend"),
            (referrer, rule.referrer_bonus, "referrer"),
        ] {
            if points > 0 {
                self.credit(
                    who,
                    EventKind::Referral,
                    points,
                    at,
                    Key::Referral(id, side),
                    Some(visit),
                    Some(reason.clone()),
                    None,
                );
            }
        }
        let r = self.referrals.get_mut(id);
        r.status = "rewarded";
        r.decided_at = Some(at);
        r.visit = Some(visit);
        self.customers.get_mut(referrer).rewarded.push(at);
        Some("rewarded")
    }

    /// Stamp-card vouchers the customer holds and has not used.
    pub fn unused_vouchers(&self, customer: i64) -> i64 {
        self.customers
            .get(customer)
            .vouchers
            .iter()
            .filter(|v| {
                let v = self.vouchers.get(**v);
                v.used_at.is_none() && v.voided_at.is_none()
            })
            .count() as i64
    }

    /// As [`crate::store::Tx::redeem`].
    pub fn redeem(
        &mut self,
        code_text: &str,
        reward_id: &str,
        now: i64,
        actor: Option<&str>,
    ) -> Result<()> {
        let customer = self.customer_id(code_text)?;
        let program = &self.programs.last().expect("checked").program;
        let reward = crate::store::loyalty::ledger::reward_of(program, reward_id)?;
        self.expire(Some(customer), now)?;
        let voucher = self
            .customers
            .get(customer)
            .vouchers
            .iter()
            .find(|v| {
                let v = self.vouchers.get(**v);
                *v.reward == *reward.id && v.used_at.is_none() && v.voided_at.is_none()
            })
            .copied();
        let (reward_text, name, actor) = (
            self.text(&reward.id),
            self.text(&reward.name),
            actor.map(|a| self.text(a)),
        );
        let id = self.redemptions.push(Redemption {
            customer,
            at: now,
            reward: reward_text,
            reward_name: name.clone(),
            points: if voucher.is_some() { 0 } else { reward.cost },
            voucher,
            event: None,
            actor: actor.clone(),
        });
        if let Some(v) = voucher {
            self.vouchers.get_mut(v).used_at = Some(now);
            return Ok(());
        }
        match self.spend(
            customer,
            EventKind::Redeem,
            reward.cost,
            now,
            Key::Redemption(id),
            None,
            Some(name),
            actor,
            &[],
            &reward.name,
        ) {
            Ok(event) => {
                self.redemptions.get_mut(id).event = Some(event);
                Ok(())
            }
            Err(e) => {
                self.redemptions.rows.pop();
                Err(e)
            }
        }
    }

    /// As [`crate::store::Tx::refund`], for a till's receipt number.
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
        } = crate::store::counter::sales::refund_to_take(
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

    /// Rows to write, for a progress bar.
    pub fn rows(&self) -> u64 {
        (self.customers.rows.len()
            + self.referrals.rows.len()
            + self.visits.rows.len()
            + self.events.rows.len()
            + self.allocations.len()
            + self.vouchers.rows.len()
            + self.redemptions.rows.len()
            + self.refunds.rows.len()) as u64
    }

    /// Writes the history into `store` in one transaction: the rows, the aggregates, then the
    /// secondary indexes, calling `progress(stage, done, of)` as it goes ("writing" rows out of
    /// [`Bulk::rows`], then "indexing"). Nothing is written unless all of it is.
    pub fn write(self, store: &mut Store, progress: &mut Progress<'_>) -> Result<()> {
        // The rows come from the store's own rules (a test compares them with the store's
        // operations, row for row), so the checks a till's writes need are off for the load:
        // foreign keys, and CHECK constraints, whose `IN (…)` lists cost more than the insert.
        // The shop is empty, so an in-memory rollback journal is enough (an error still rolls
        // everything back) and spares writing each page twice through the WAL; a larger cache
        // keeps the index pages being filled in memory.
        let c = &store.conn;
        c.pragma_update(None, "foreign_keys", "OFF")?;
        c.pragma_update(None, "ignore_check_constraints", "ON")?;
        c.pragma_update(None, "journal_mode", "MEMORY")?;
        c.pragma_update(None, "cache_size", -LOAD_CACHE_KIB)?;
        let out = store.write(|tx| self.write_rows(&tx.tx, progress));
        let c = &store.conn;
        c.pragma_update(None, "cache_size", -crate::store::BULK_CACHE_KIB)?;
        c.pragma_update(None, "journal_mode", "WAL")?;
        c.pragma_update(None, "ignore_check_constraints", "OFF")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        out
    }

    fn write_rows(&self, c: &rusqlite::Connection, progress: &mut Progress<'_>) -> Result<()> {
        // Secondary indexes are dropped and built again after the rows: one sort each instead
        // of millions of scattered inserts.
        let list = TABLES
            .iter()
            .chain(AGGREGATES)
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let indexes: Vec<(String, String)> = c
            .prepare(&format!(
                "SELECT name, sql FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list})"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            c.execute(&format!("DROP INDEX {name}"), [])?;
        }
        // So are the support figures' triggers on these tables (a visit may bring a member
        // back after a ticket) and the pages' change counters: the shop is empty, so there is
        // nothing for them to count, the figures are made afresh from their views after the
        // rows, and a page no one has served has no counter to move.
        let triggers: Vec<(String, String)> = c
            .prepare(&format!(
                "SELECT name, sql FROM sqlite_master
                 WHERE type = 'trigger' AND (name LIKE 'agg\\_%' ESCAPE '\\' OR name LIKE 'page\\_%' ESCAPE '\\')
                   AND tbl_name IN ({list})"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &triggers {
            c.execute(&format!("DROP TRIGGER {name}"), [])?;
        }
        let mut w = Writer {
            c,
            done: 0,
            of: self.rows(),
            progress,
        };
        // Rows go in id order and SQLite numbers them the same way (checked after each table),
        // which lets it append instead of looking each id up.
        w.rows(
            "INSERT INTO customers (code, referral_code, name, phone, email, enrolled_at, balance, stamps)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.customers,
            |s, r| {
                s.execute((
                    &r.code,
                    &r.referral_code,
                    &r.name,
                    &r.phone,
                    &r.email,
                    r.enrolled_at,
                    r.balance,
                    r.stamps,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO referrals (referrer_id, friend_id, at, status, reason, decided_at, visit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            &self.referrals,
            |s, r| {
                s.execute((
                    r.referrer,
                    r.friend,
                    r.at,
                    r.status,
                    r.reason,
                    r.decided_at,
                    r.visit,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO visits (at, amount, customer_id, receipt_no, program_id, points_earned, stamped, refunded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.visits,
            |s, r| {
                s.execute((
                    r.at,
                    r.amount,
                    r.customer,
                    r.receipt.map(|span| self.receipts.text(span)),
                    r.program_id,
                    r.points,
                    r.stamped,
                    r.refunded,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO points_events
             (customer_id, at, kind, points, idempotency_key, visit_id, expires_at, remaining, reason, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &self.events,
            |s, r| {
                s.execute((
                    r.customer,
                    r.at,
                    r.kind.as_str(),
                    r.points,
                    r.key.text(),
                    r.visit,
                    r.expires_at,
                    r.remaining,
                    r.reason.as_deref(),
                    r.actor.as_deref(),
                ))
            },
        )?;
        let mut stmt = c.prepare(
            "INSERT INTO points_allocations (spend_id, lot_id, points) VALUES (?1, ?2, ?3)",
        )?;
        for (spend, lot, points) in &self.allocations {
            stmt.execute((spend, lot, points))?;
            w.tick();
        }
        w.rows(
            "INSERT INTO vouchers (customer_id, reward_id, issued_at, visit_id, used_at, voided_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &self.vouchers,
            |s, r| {
                s.execute((
                    r.customer,
                    &*r.reward,
                    r.issued_at,
                    r.visit,
                    r.used_at,
                    r.voided_at,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO redemptions (customer_id, at, reward_id, reward_name, points, voucher_id, event_id, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.redemptions,
            |s, r| {
                s.execute((
                    r.customer,
                    r.at,
                    &*r.reward,
                    &*r.reward_name,
                    r.points,
                    r.voucher,
                    r.event,
                    r.actor.as_deref(),
                ))
            },
        )?;
        w.rows(
            "INSERT INTO refunds (visit_id, at, amount, points_due, points_reversed, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &self.refunds,
            |s, r| {
                s.execute((
                    r.visit,
                    r.at,
                    r.amount,
                    r.due,
                    r.reversed,
                    r.actor.as_deref(),
                ))
            },
        )?;
        self.write_aggregates(&mut w)?;
        (w.progress)("writing", w.done, self.rows());
        for (i, (_, sql)) in indexes.iter().enumerate() {
            (w.progress)("indexing", i as u64, indexes.len() as u64);
            c.execute(sql, [])?;
        }
        for (_, sql) in &triggers {
            c.execute(sql, [])?;
        }
        for table in ["agg_ticket_back", "agg_rating_days"] {
            c.execute(&format!("DELETE FROM {table}"), [])?;
            c.execute(
                &format!("INSERT INTO {table} SELECT * FROM {table}_fresh"),
                [],
            )?;
        }
        c.execute("INSERT INTO agg_member_log (customer_id) VALUES (NULL)", [])?;
        Ok(())
    }

    /// The aggregates of the rows (as `stats --rebuild` computes them from the tables), in
    /// each table's key order.
    fn write_aggregates(&self, w: &mut Writer<'_, '_>) -> Result<()> {
        let day = |at: i64| at / crate::store::figures::aggregates::DAY;
        let mut days: std::collections::BTreeMap<i64, [i64; 5]> = Default::default();
        // Per member: their (day, visits, spend) rows, and lifetime totals.
        let first = self.customers.first_id;
        let n = self.customers.rows.len();
        let mut member_days: Vec<Vec<(i64, i64, i64)>> = (0..n).map(|_| Vec::new()).collect();
        let mut lifetime = vec![(i64::MAX, i64::MIN, 0i64, 0i64, 0i64); n];
        for v in &self.visits.rows {
            let d = day(v.at);
            let t = days.entry(d).or_default();
            t[0] += 1;
            t[4] += v.refunded;
            let Some(cust) = v.customer else {
                t[3] += v.amount;
                continue;
            };
            t[1] += 1;
            t[2] += v.amount;
            let i = (cust - first) as usize;
            match member_days[i].last_mut() {
                Some(last) if last.0 == d => {
                    last.1 += 1;
                    last.2 += v.amount;
                }
                _ => member_days[i].push((d, 1, v.amount)),
            }
            let l = &mut lifetime[i];
            *l = (
                l.0.min(d),
                l.1.max(d),
                l.2 + 1,
                l.3 + v.amount,
                l.4 + v.refunded,
            );
        }
        let mut stmt = w.c.prepare(
            "INSERT INTO agg_days (day, visits, member_visits, member_spend, anon_spend, refunded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (d, t) in &days {
            stmt.execute((d, t[0], t[1], t[2], t[3], t[4]))?;
        }
        let mut stmt = w.c.prepare(
            "INSERT INTO agg_customer_days (customer_id, day, visits, spend) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, rows) in member_days.iter().enumerate() {
            for (d, visits, spend) in rows {
                stmt.execute((first + i as i64, d, visits, spend))?;
            }
        }
        let mut stmt = w.c.prepare(
            "INSERT INTO agg_customers (customer_id, first_day, last_day, visits, spend, refunded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, l) in lifetime.iter().enumerate() {
            if l.2 > 0 {
                stmt.execute((first + i as i64, l.0, l.1, l.2, l.3, l.4))?;
            }
        }
        let mut points: std::collections::BTreeMap<(i64, &str), i64> = Default::default();
        for e in &self.events.rows {
            *points.entry((day(e.at), e.kind.as_str())).or_default() += e.points;
        }
        let mut stmt =
            w.c.prepare("INSERT INTO agg_points_days (day, kind, points) VALUES (?1, ?2, ?3)")?;
        for ((d, kind), p) in &points {
            stmt.execute((d, kind, p))?;
        }
        Ok(())
    }
}

/// Told how a bulk write is going: (stage, done, out of).
pub type Progress<'a> = dyn FnMut(&str, u64, u64) + 'a;

/// Writes rows with a progress count.
struct Writer<'c, 'p> {
    c: &'c rusqlite::Connection,
    done: u64,
    of: u64,
    progress: &'p mut Progress<'p>,
}

impl Writer<'_, '_> {
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(65_536) {
            (self.progress)("writing", self.done, self.of);
        }
    }

    /// Inserts `rows` in order with `insert`, checking SQLite numbered them as the load did.
    fn rows<T>(
        &mut self,
        sql: &str,
        rows: &Rows<T>,
        insert: impl Fn(&mut rusqlite::Statement<'_>, &T) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        let mut stmt = self.c.prepare(sql)?;
        for r in &rows.rows {
            insert(&mut stmt, r)?;
            self.tick();
        }
        if !rows.rows.is_empty() && self.c.last_insert_rowid() != rows.next_id() - 1 {
            return Err(StoreError::Damaged(format!(
                "bulk load: rows were numbered out of step at `{sql}`"
            )));
        }
        Ok(())
    }
}
