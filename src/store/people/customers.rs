//! Customers: enrolment, lookup and the customer panel's view (export and erasure are in
//! `privacy.rs`).

use crate::domain::referral::ReferralOutcome;
use crate::domain::{
    code::{CustomerCode, ReferralCode},
    contact::{normalize_email, normalize_phone},
};
use crate::store::{Result, Store, StoreError};
use rusqlite::{OptionalExtension, Row};
use serde::Serialize;

/// Attempts at drawing an unused random code before giving up (collisions are rare: 2^30 codes).
pub(in crate::store) const CODE_ATTEMPTS: usize = 20;

/// What the cashier types to enroll someone.
#[derive(Debug, Clone, Default)]
pub struct NewCustomer {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A friend's referral code, as typed or scanned.
    pub referred_by: Option<String>,
    /// The language the customer reads (a shipped locale's tag); `None`: not asked, so their
    /// pages follow their browser.
    pub language: Option<String>,
    /// The birthday they agreed to give (MM-DD), for the birthday reward; given at the counter.
    pub birthday: Option<String>,
    /// Consent to reward news and offers they gave at enrolment: the channel and the exact
    /// words they were shown, in the language given.
    pub consents: Vec<ConsentShown>,
    /// Stamps on the paper card they bring (credited by the counter, with its approval rule;
    /// `enroll` itself leaves them).
    pub paper_stamps: i64,
}

/// Consent given with an enrolment, with the words shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentShown {
    pub channel: crate::domain::messages::Channel,
    pub wording: String,
    pub language: String,
}

/// A field of [`NewCustomer`], to say which one an enrolment was refused for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewCustomerField {
    Name,
    Phone,
    Email,
    ReferredBy,
}

impl StoreError {
    /// Which field of the enrolment form this error is about, when it is about one.
    pub fn new_customer_field(&self) -> Option<NewCustomerField> {
        use crate::domain::contact::ContactError as C;
        match self {
            StoreError::BadName => Some(NewCustomerField::Name),
            StoreError::Contact(C::PhoneShape(_) | C::PhoneLength(_))
            | StoreError::DuplicatePhone { .. } => Some(NewCustomerField::Phone),
            StoreError::Contact(C::EmailShape(_)) | StoreError::DuplicateEmail { .. } => {
                Some(NewCustomerField::Email)
            }
            StoreError::NoSuchReferralCode(_) | StoreError::Code(_) => {
                Some(NewCustomerField::ReferredBy)
            }
            _ => None,
        }
    }
}

/// A newly enrolled customer.
#[derive(Debug, Clone, Serialize)]
pub struct Enrolled {
    pub id: i64,
    pub code: String,
    pub referral_code: String,
    pub name: String,
    pub balance: i64,
    /// What happened to the referral code given at enrolment, if any.
    pub referral: Option<ReferralOutcome>,
}

/// One line of "what's next" for the customer panel and the receipt.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Progress {
    pub reward_id: String,
    pub reward_name: String,
    /// "visits" or "points".
    pub unit: &'static str,
    pub remaining: i64,
}

impl Progress {
    /// "2 more visits to Free coffee".
    pub fn describe(&self) -> String {
        let unit = match (self.unit, self.remaining) {
            ("visits", 1) => "visit",
            ("points", 1) => "point",
            (u, _) => u,
        };
        if self.unit == "visits" {
            format!(
                "{} more {unit} to {} (stamp card)",
                self.remaining, self.reward_name
            )
        } else {
            format!("{} more {unit} to {}", self.remaining, self.reward_name)
        }
    }
}

/// A reward the customer can take now.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Available {
    pub reward_id: String,
    pub reward_name: String,
    /// "voucher" (stamp card, free) or "points".
    pub pay_with: &'static str,
    pub cost: i64,
}

/// Everything the counter shows about a customer.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerView {
    pub id: i64,
    pub code: String,
    pub referral_code: String,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub enrolled_at: i64,
    pub erased: bool,
    pub balance: i64,
    pub stamps: i64,
    pub visits: i64,
    pub last_visit_at: Option<i64>,
    pub progress: Vec<Progress>,
    pub rewards_available: Vec<Available>,
    /// The last refit of who is slipping away put them on the list worth a call.
    pub slipping: bool,
    /// Their tier, when the program has tiers.
    pub tier: Option<crate::store::TierView>,
    /// The reward of a welcome-back offer they hold, to say at the counter.
    pub welcome_back: Option<String>,
    /// A reward they redeemed within [`JUST_REDEEMED_SECONDS`]: the moment they are most
    /// likely to bring a friend, so the counter and the receipt ask them to.
    pub just_redeemed: Option<String>,
}

/// How long after a redemption the counter and the receipt invite the member to share their
/// referral code (the same visit, give or take).
pub const JUST_REDEEMED_SECONDS: i64 = 2 * 3600;

/// The columns every customer query reads, in [`CustomerRow::from_row`] order.
pub(in crate::store) const CUSTOMER_COLUMNS: &str =
    "id, code, referral_code, name, phone, email, enrolled_at, erased_at, balance, stamps";

/// A customer as stored.
#[derive(Debug, Clone)]
pub(in crate::store) struct CustomerRow {
    pub id: i64,
    pub code: String,
    pub referral_code: String,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub enrolled_at: i64,
    pub erased_at: Option<i64>,
    pub balance: i64,
    pub stamps: i64,
}

/// What an imported customer brings beyond a new one's details.
#[derive(Debug, Default)]
pub(super) struct Brought<'a> {
    /// Their card (stored form), kept so it still works here.
    pub card: Option<&'a str>,
    pub language: Option<&'a str>,
    /// MM-DD, given as an import's.
    pub birthday: Option<&'a str>,
}

/// A stored card code as people read it.
pub(in crate::store) fn display_code(stored: String) -> String {
    CustomerCode::from_stored(stored).to_string()
}

impl CustomerRow {
    pub(in crate::store) fn from_row(r: &Row<'_>) -> rusqlite::Result<CustomerRow> {
        Ok(CustomerRow {
            id: r.get(0)?,
            code: r.get(1)?,
            referral_code: r.get(2)?,
            name: r.get(3)?,
            phone: r.get(4)?,
            email: r.get(5)?,
            enrolled_at: r.get(6)?,
            erased_at: r.get(7)?,
            balance: r.get(8)?,
            stamps: r.get(9)?,
        })
    }

    pub(in crate::store) fn display_code(&self) -> String {
        CustomerCode::from_stored(self.code.clone()).to_string()
    }

    pub(super) fn display_referral_code(&self) -> String {
        ReferralCode::from_stored(self.referral_code.clone()).to_string()
    }
}

impl super::Room<'_, '_> {
    /// Sets (or with `None` clears) the language a customer reads.
    pub fn set_language(&self, customer_id: i64, language: Option<&str>) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE customers SET language = ?2 WHERE id = ?1")?
            .execute((customer_id, language))?;
        Ok(())
    }

    /// Sets the language of the customer with this code (as typed or scanned).
    pub fn set_customer_language(&self, code: &str, language: Option<&str>) -> Result<()> {
        let id = self.customer(code)?.0.id;
        self.set_language(id, language)
    }

    /// The language a customer chose, if any.
    pub fn language_of(&self, customer_id: i64) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT language FROM customers WHERE id = ?1")?
            .query_row([customer_id], |r| r.get(0))?)
    }

    /// The customer with this (already parsed) code; for a card merged into another
    /// customer, that customer.
    pub(in crate::store) fn customer_by_code(&self, code: &CustomerCode) -> Result<CustomerRow> {
        let id: i64 = self
            .tx
            .prepare_cached("SELECT COALESCE(merged_into, id) FROM customers WHERE code = ?1")?
            .query_row([code.as_str()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NoSuchCustomer(code.to_string()))?;
        self.customer_by_id(id)
    }

    /// The customer with this code as typed or scanned.
    pub fn customer(&self, code_text: &str) -> Result<CustomerRowHandle> {
        let code = CustomerCode::parse(code_text)?;
        Ok(CustomerRowHandle(self.customer_by_code(&code)?))
    }

    pub(in crate::store) fn customer_by_id(&self, id: i64) -> Result<CustomerRow> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?1"
            ))?
            .query_row([id], CustomerRow::from_row)?)
    }

    fn customer_where(&self, column: &str, value: &str) -> Result<Option<CustomerRow>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers WHERE {column} = ?1"
            ))?
            .query_row([value], CustomerRow::from_row)
            .optional()?)
    }

    /// Enrolls a customer. `random` supplies fresh random numbers for the codes.
    pub fn enroll(
        &self,
        new: &NewCustomer,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<Enrolled> {
        let name = crate::domain::contact::customer_name(&new.name).ok_or(StoreError::BadName)?;
        let phone = nonempty(&new.phone)
            .map(|p| normalize_phone(p, self.rules.country_code.as_deref()))
            .transpose()?;
        let email = nonempty(&new.email).map(normalize_email).transpose()?;
        let referrer = match nonempty(&new.referred_by) {
            Some(text) => Some(self.loyalty().referrer_by_code(text)?),
            None => None,
        };
        if let Some(p) = &phone
            && let Some(existing) = self.customer_where("phone", p)?
        {
            return Err(StoreError::DuplicatePhone {
                phone: p.clone(),
                code: existing.display_code(),
            });
        }
        if let Some(e) = &email
            && let Some(existing) = self.customer_where("email", e)?
        {
            return Err(StoreError::DuplicateEmail {
                email: e.clone(),
                code: existing.display_code(),
            });
        }
        let (phone, email) = (phone.as_deref(), email.as_deref());
        let id = self.insert_customer_with(name, phone, email, now, random, &Brought::default())?;
        if let Some(language) = nonempty(&new.language) {
            self.set_language(id, Some(language))?;
        }
        let referral = match referrer {
            Some(referrer) => Some(self.loyalty().open_referral(&referrer, id, now)?),
            None => None,
        };
        let row = self.customer_by_id(id)?;
        if let Some(birthday) = nonempty(&new.birthday) {
            self.loyalty()
                .set_birthday(&row.display_code(), Some(birthday), "counter", now)?;
        }
        for c in &new.consents {
            self.messages().record_consent(
                id,
                &crate::store::NewConsent {
                    channel: c.channel,
                    given: true,
                    source: crate::store::ConsentSource::Counter,
                    wording: &c.wording,
                    language: Some(&c.language),
                    actor: None,
                    at: now,
                },
            )?;
        }
        Ok(Enrolled {
            id,
            code: row.display_code(),
            referral_code: row.display_referral_code(),
            name: name.to_string(),
            balance: row.balance,
            referral,
        })
    }

    /// Inserts a customer with what an import brings: the card `card` (stored form) when given,
    /// else a new random one; their language and birthday in the same row.
    pub(super) fn insert_customer_with(
        &self,
        name: &str,
        phone: Option<&str>,
        email: Option<&str>,
        now: i64,
        random: &mut dyn FnMut() -> u64,
        brought: &Brought<'_>,
    ) -> Result<i64> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO customers (code, referral_code, name, phone, email, enrolled_at,
                                    language, birthday, birthday_consent_at, birthday_source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                     CASE WHEN ?8 IS NOT NULL THEN ?6 END,
                     CASE WHEN ?8 IS NOT NULL THEN 'import' END)",
        )?;
        let card = brought.card;
        let till = self.chain().till_number()?;
        for _ in 0..CODE_ATTEMPTS {
            let code = match (card, till) {
                (Some(c), _) => CustomerCode::from_stored(c.to_string()),
                (None, Some(n)) => CustomerCode::for_till(n, random()),
                (None, None) => CustomerCode::from_random(random()),
            };
            let referral = ReferralCode::from_random(random());
            let row = (code.as_str(), referral.as_str(), name, phone, email, now);
            let more = (brought.language, brought.birthday);
            match stmt.execute(rusqlite::params![
                row.0, row.1, row.2, row.3, row.4, row.5, more.0, more.1
            ]) {
                Ok(_) => return Ok(self.tx.last_insert_rowid()),
                Err(e) if crate::store::error::is_unique_violation(&e) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
            "could not draw an unused customer code; try again".into(),
        )))
    }

    /// Customers matching a code, a phone number or part of a name, best matches first.
    pub fn find_customers(&self, text: &str, limit: usize, now: i64) -> Result<Vec<CustomerView>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Vec::new());
        }
        if let Ok(code) = CustomerCode::parse(text)
            && let Ok(row) = self.customer_by_code(&code)
        {
            return Ok(vec![self.view_of(row, now)?]);
        }
        if let Ok(phone) = normalize_phone(text, self.rules.country_code.as_deref())
            && let Some(row) = self.customer_where("phone", &phone)?
        {
            return Ok(vec![self.view_of(row, now)?]);
        }
        if let Ok(email) = normalize_email(text)
            && let Some(row) = self.customer_where("email", &email)?
        {
            return Ok(vec![self.view_of(row, now)?]);
        }
        let pattern = format!(
            "%{}%",
            text.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let rows: Vec<CustomerRow> = self
            .tx
            .prepare_cached(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customers
                 WHERE name LIKE ?1 ESCAPE '\\' AND merged_into IS NULL
                 ORDER BY (name LIKE ?2 ESCAPE '\\') DESC, name COLLATE NOCASE, id LIMIT ?3"
            ))?
            .query_map(
                (&pattern, &pattern[1..], limit as i64),
                CustomerRow::from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(|r| self.view_of(r, now)).collect()
    }

    /// The customer panel's view of a customer.
    pub(in crate::store) fn view_of(&self, row: CustomerRow, now: i64) -> Result<CustomerView> {
        let (visits, last_visit_at): (i64, Option<i64>) = self
            .tx
            .prepare_cached("SELECT COUNT(*), MAX(at) FROM visits WHERE customer_id = ?1")?
            .query_row([row.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let program = self.program_now();
        let mut progress = Vec::new();
        let mut rewards_available = Vec::new();
        let mut vouchers = self.tx.prepare_cached(
            "SELECT reward_id FROM vouchers
             WHERE customer_id = ?1 AND used_at IS NULL AND voided_at IS NULL
               AND (valid_until IS NULL OR valid_until >= ?2) ORDER BY id",
        )?;
        for reward_id in vouchers.query_map((row.id, now), |r| r.get::<_, String>(0))? {
            let reward_id = reward_id?;
            let reward_name = program
                .reward(&reward_id)
                .map_or_else(|| reward_id.clone(), |r| r.name.clone());
            rewards_available.push(Available {
                reward_id,
                reward_name,
                pay_with: "voucher",
                cost: 0,
            });
        }
        if let Some(stamps) = &program.stamps
            && let Some(reward) = program.reward(&stamps.reward)
        {
            let every = i64::from(stamps.every);
            progress.push(Progress {
                reward_id: reward.id.clone(),
                reward_name: reward.name.clone(),
                unit: "visits",
                remaining: every - row.stamps % every,
            });
        }
        let balance = self.loyalty().balance_now(row.id, row.balance, now)?;
        for reward in &program.rewards {
            if reward.cost <= balance {
                rewards_available.push(Available {
                    reward_id: reward.id.clone(),
                    reward_name: reward.name.clone(),
                    pay_with: "points",
                    cost: reward.cost,
                });
            }
        }
        if let Some(next) = program
            .rewards
            .iter()
            .filter(|r| r.cost > balance)
            .min_by_key(|r| r.cost)
        {
            progress.push(Progress {
                reward_id: next.id.clone(),
                reward_name: next.name.clone(),
                unit: "points",
                remaining: next.cost - balance,
            });
        }
        Ok(CustomerView {
            id: row.id,
            code: row.display_code(),
            referral_code: row.display_referral_code(),
            name: row.name,
            phone: row.phone,
            email: row.email,
            enrolled_at: row.enrolled_at,
            erased: row.erased_at.is_some(),
            balance,
            stamps: row.stamps,
            visits,
            last_visit_at,
            progress,
            rewards_available,
            slipping: self.figures().is_slipping(row.id)?,
            tier: self.loyalty().tier_of(row.id, now)?,
            welcome_back: self
                .figures()
                .welcome_back_offer(row.id, now)?
                .map(|id| program.reward(&id).map_or(id, |r| r.name.clone())),
            just_redeemed: self.optional(
                "SELECT reward_name FROM redemptions WHERE customer_id = ?1 AND at > ?2
                 AND at <= ?3 ORDER BY at DESC, id DESC LIMIT 1",
                (row.id, now - JUST_REDEEMED_SECONDS, now),
            )?,
        })
    }

    /// The customer panel's view of the customer with this code, inside this transaction.
    pub fn view(&self, code_text: &str, now: i64) -> Result<CustomerView> {
        let row = self.customer(code_text)?.0;
        self.view_of(row, now)
    }
}

/// A customer looked up by code; opaque outside the store.
#[derive(Debug, Clone)]
pub struct CustomerRowHandle(pub(in crate::store) CustomerRow);

impl CustomerRowHandle {
    /// The customer's id.
    pub fn id(&self) -> i64 {
        self.0.id
    }
}

impl Store {
    /// Enrolls a customer in its own transaction. A referral refused because the person is
    /// already enrolled is still recorded for the owner's review.
    pub fn enroll(
        &mut self,
        new: &NewCustomer,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<Enrolled> {
        match self.write(|tx| tx.people().enroll(new, now, random)) {
            Err(e @ (StoreError::DuplicatePhone { .. } | StoreError::DuplicateEmail { .. })) => {
                if let (
                    Some(text),
                    StoreError::DuplicatePhone { code, .. }
                    | StoreError::DuplicateEmail { code, .. },
                ) = (nonempty(&new.referred_by), &e)
                {
                    let code = code.clone();
                    self.write(|tx| {
                        let referrer = tx.loyalty().referrer_by_code(text)?;
                        let existing =
                            tx.people().customer_by_code(&CustomerCode::parse(&code)?)?;
                        tx.loyalty().refuse_existing(&referrer, existing.id, now)
                    })?;
                }
                Err(e)
            }
            other => other,
        }
    }

    /// The customer panel's view of the customer with this code.
    pub fn customer_view(&mut self, code_text: &str, now: i64) -> Result<CustomerView> {
        self.read(|tx| {
            let row = tx.people().customer(code_text)?.0;
            tx.people().view_of(row, now)
        })
    }
}

pub(in crate::store) fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
