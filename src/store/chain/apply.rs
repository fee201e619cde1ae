//! Applying what other tills of the chain wrote: by global id, in order, in one transaction
//! with the cursor it reaches, so each event is applied here exactly once. What cannot be
//! applied exactly (a phone or card already someone else's here, a spend beyond the points
//! known here) is applied as far as it safely can and kept in `sync_problems`.

use crate::store::chain::sync::{Applied, RemoteEvent};
use crate::store::{Result, StoreError};
use serde::Deserialize;

#[derive(Deserialize)]
struct CustomerPayload {
    gid: String,
    code: String,
    referral_code: String,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    language: Option<String>,
    enrolled_at: i64,
    erased_at: Option<i64>,
    /// The customer this card was merged into.
    #[serde(default)]
    merged_into: Option<String>,
    /// When its details last changed (events of earlier versions have none).
    #[serde(default)]
    details_at: Option<i64>,
    /// The birthday given with consent: when, and where.
    #[serde(default)]
    birthday: Option<String>,
    #[serde(default)]
    birthday_consent_at: Option<i64>,
    #[serde(default)]
    birthday_source: Option<String>,
}

impl super::Room<'_, '_> {
    /// Applies other tills' events in order and moves the cursor past them, all or nothing.
    pub fn apply_remote(&self, events: &[RemoteEvent], now: i64) -> Result<Applied> {
        let state = self.sync_state()?.ok_or_else(|| StoreError::NotInChain)?;
        self.tx.execute("UPDATE sync_state SET applying = 1", [])?;
        let mut done = Applied {
            cursor: state.cursor,
            ..Applied::default()
        };
        for e in events {
            if e.seq <= done.cursor {
                done.known += 1;
                continue;
            }
            let outcome = match e.kind.as_str() {
                "customer" => self.apply_customer(e, now),
                "visit" => self.apply_visit(e, now),
                "refund" => self.apply_refund(e, now),
                "points" => self.apply_points(e, now),
                "rating" => self.apply_rating(e, now),
                "ticket" => self.apply_ticket(e, now),
                "ticket_event" => self.apply_ticket_event(e, now),
                "note" => self.apply_note(e, now),
                "consent" => self.apply_consent(e, now),
                "chat_link" => self.apply_chat_link(e, now),
                "voucher" => self.apply_voucher(e, now),
                "opening_stamps" => self.apply_opening_stamps(e, now),
                // Each shop's alerts are its own: the chain's view reads them centrally.
                "alert" => Ok(Outcome::Known),
                other => self.problem(e, now, "unknown", &format!("an event of kind '{other}'")),
            }?;
            match outcome {
                Outcome::Applied => done.applied += 1,
                Outcome::Known => done.known += 1,
                Outcome::Problem => done.problems += 1,
            }
            done.cursor = e.seq;
        }
        let mut tills: Vec<(&str, &str)> = events
            .iter()
            .map(|e| (e.till_id.as_str(), e.shop_id.as_str()))
            .collect();
        tills.sort_unstable();
        tills.dedup();
        self.note_tills(&tills)?;
        self.tx.execute(
            "UPDATE sync_state SET applying = 0, cursor = ?1",
            [done.cursor],
        )?;
        Ok(done)
    }

    pub(in crate::store) fn problem(
        &self,
        e: &RemoteEvent,
        now: i64,
        kind: &str,
        detail: &str,
    ) -> Result<Outcome> {
        self.tx
            .prepare_cached(
                "INSERT INTO sync_problems (at, key, kind, detail) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((now, &e.key, kind, detail))?;
        Ok(Outcome::Problem)
    }

    /// The row with this global id: another till's by the index on their gids, this till's
    /// own by the row id its gid begins with (its last eight characters are random).
    pub(super) fn id_by_gid(&self, table: &str, gid: &str) -> Result<Option<i64>> {
        let remote = self.optional(
            &format!("SELECT id FROM {table} WHERE gid = ?1 AND origin IS NOT NULL"),
            [gid],
        )?;
        if remote.is_some() {
            return Ok(remote);
        }
        let own = gid
            .len()
            .checked_sub(8)
            .and_then(|n| gid.get(..n))
            .and_then(|hex| i64::from_str_radix(hex, 16).ok());
        match own {
            Some(id) => self.optional(
                &format!("SELECT id FROM {table} WHERE id = ?1 AND gid = ?2"),
                (id, gid),
            ),
            None => Ok(None),
        }
    }

    /// An event's customer, which may be none (an anonymous visit): `None` when it names one
    /// this till does not know.
    pub(super) fn named_customer(&self, gid: Option<&str>) -> Result<Option<Option<i64>>> {
        match gid {
            Some(gid) => Ok(self.customer_by_gid(gid)?.map(Some)),
            None => Ok(Some(None)),
        }
    }

    /// The customer with this global id, or the one their card was merged into.
    pub(super) fn customer_by_gid(&self, gid: &str) -> Result<Option<i64>> {
        match self.id_by_gid("customers", gid)? {
            Some(id) => self.optional(
                "SELECT COALESCE(merged_into, id) FROM customers WHERE id = ?1",
                [id],
            ),
            None => Ok(None),
        }
    }

    fn apply_customer(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(c) = serde_json::from_str::<CustomerPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a customer event that does not parse");
        };
        // A phone or email another customer here already has: keep this one without it, and
        // put the pair on the owner's merge list.
        let taken = |column: &str, value: &Option<String>| -> Result<Option<i64>> {
            match value {
                Some(v) => self.optional(
                    &format!("SELECT id FROM customers WHERE {column} = ?1 AND gid IS NOT ?2"),
                    (v, &c.gid),
                ),
                None => Ok(None),
            }
        };
        let phone_owner = taken("phone", &c.phone)?;
        let email_owner = taken("email", &c.email)?;
        let phone = c.phone.clone().filter(|_| phone_owner.is_none());
        let email = c.email.clone().filter(|_| email_owner.is_none());
        let row = self.id_by_gid("customers", &c.gid)?;
        // Erased at another till: erased here too, with what this till holds about them.
        if let (Some(id), Some(at)) = (row, c.erased_at) {
            let erased = self
                .optional::<Option<i64>>("SELECT erased_at FROM customers WHERE id = ?1", [id])?
                .flatten();
            if erased.is_none() {
                self.people().erase_customer_id(id, at)?;
            }
        }
        let outcome = if let Some(id) = row {
            self.tx
                .prepare_cached(
                    // Never on an erased customer: an older event (a change another till
                    // made before it heard of the erasure) brings no personal details back.
                    // The change stamped later wins; the same stamp, the larger details.
                    "UPDATE customers SET name = ?2, phone = ?3, email = ?4, language = ?5,
                     details_at = COALESCE(?6, details_at), birthday = ?7,
                     birthday_consent_at = ?8, birthday_source = ?9
                     WHERE id = ?1 AND erased_at IS NULL
                       AND (?6 IS NULL OR details_at < ?6 OR (details_at = ?6
                            AND json_array(name, phone, email, language, birthday)
                                <= json_array(?2, ?3, ?4, ?5, ?7)))",
                )?
                .execute(rusqlite::params![
                    id,
                    &c.name,
                    &phone,
                    &email,
                    &c.language,
                    c.details_at,
                    &c.birthday,
                    c.birthday_consent_at,
                    &c.birthday_source,
                ])?;
            Outcome::Applied
        } else {
            let code_taken: Option<i64> =
                self.optional("SELECT id FROM customers WHERE code = ?1", [&c.code])?;
            if code_taken.is_some() {
                return self.problem(
                    e,
                    now,
                    "code",
                    &format!("card {} is another customer's here", c.code),
                );
            }
            let referral = match self.optional::<i64>(
                "SELECT id FROM customers WHERE referral_code = ?1",
                [&c.referral_code],
            )? {
                Some(_) => format!("{}-{}", c.referral_code, &c.gid[..4.min(c.gid.len())]),
                None => c.referral_code.clone(),
            };
            self.tx
                .prepare_cached(
                    "INSERT INTO customers (code, referral_code, name, phone, email, enrolled_at,
                     erased_at, language, gid, origin, details_at, birthday, birthday_consent_at,
                     birthday_source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )?
                .execute(rusqlite::params![
                    &c.code,
                    &referral,
                    &c.name,
                    &phone,
                    &email,
                    c.enrolled_at,
                    c.erased_at,
                    &c.language,
                    &c.gid,
                    &e.till_id,
                    c.details_at.unwrap_or(0),
                    &c.birthday,
                    c.birthday_consent_at,
                    &c.birthday_source,
                ])?;
            Outcome::Applied
        };
        let this = match row {
            Some(id) => id,
            None => self.tx.last_insert_rowid(),
        };
        for (what, owner) in [("phone", phone_owner), ("email", email_owner)] {
            if let Some(other) = owner {
                let code: String = self.tx.query_row(
                    "SELECT code FROM customers WHERE id = ?1",
                    [other],
                    |r| r.get(0),
                )?;
                self.tx
                    .prepare_cached(
                        "INSERT INTO sync_problems (at, key, kind, detail, customer_a, customer_b)
                         VALUES (?1, ?2, 'duplicate', ?3, ?4, ?5)",
                    )?
                    .execute((
                        now,
                        &e.key,
                        format!("{code} {} have the same {what}", c.code),
                        other,
                        this,
                    ))?;
            }
        }
        // A merge: the two customers become one here too, the same one every till keeps
        // (see `merge_customers`), whatever else was merged here first.
        if let Some(other) = &c.merged_into {
            let Some(other) = self.customer_by_gid(other)? else {
                return self.problem(e, now, "missing", "a merge into an unknown customer");
            };
            let this = self.optional::<i64>(
                "SELECT COALESCE(merged_into, id) FROM customers WHERE id = ?1",
                [this],
            )?;
            if let Some(this) = this
                && this != other
            {
                let (kept, gone) = self.people().kept_and_gone(this, other)?;
                self.people().fold_customer(kept, gone, now)?;
            }
        }
        Ok(outcome)
    }
}
pub(in crate::store) enum Outcome {
    Applied,
    Known,
    Problem,
}
