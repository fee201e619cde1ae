//! This till's side of a chain: joining it, the outbox the triggers fill (migration 0008), and
//! applying what other tills wrote.
//!
//! Applying is idempotent by global id and runs in one transaction with the cursor it reaches,
//! so an event is applied here exactly once whatever fails in between. Rows another till wrote
//! keep its name in `origin`; this till never expires their lots (their own till does, and its
//! expiry arrives like any other event), so no lot is expired twice.

use super::{Result, StoreError, Tx};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

pub use crate::domain::chain::{Answer, OutboxEvent, RemoteEvent};

/// Where this till stands in its chain.
#[derive(Debug, Clone, Serialize)]
pub struct SyncState {
    pub till_id: String,
    pub shop_id: String,
    /// The last central event applied here.
    pub cursor: i64,
    pub last_contact: Option<i64>,
    pub offline_since: Option<i64>,
    pub last_error: Option<String>,
    /// Events written here and not yet acknowledged by the central store.
    pub to_send: i64,
    /// When the oldest of them happened.
    pub oldest_unsent: Option<i64>,
    /// Events the central store refused (same key, other content), kept for the owner.
    pub rejected: i64,
    /// Others' events that could not be applied exactly (see `sync_problems`).
    pub problems: i64,
}

/// What joining a chain did.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    pub till_id: String,
    /// Events of the history before joining, queued to send.
    pub queued: i64,
    /// False when this till had joined before (nothing changed).
    pub new: bool,
}

/// What applying a batch did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Applied {
    pub applied: i64,
    /// Already here (an event seen before).
    pub known: i64,
    pub problems: i64,
    pub cursor: i64,
}

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
}

#[derive(Deserialize)]
struct VisitPayload {
    gid: String,
    customer: Option<String>,
    at: i64,
    amount: i64,
    points_earned: i64,
    refunded: i64,
    claimed_at: Option<i64>,
}

#[derive(Deserialize)]
struct PointsPayload {
    gid: String,
    customer: String,
    at: i64,
    kind: String,
    points: i64,
    expires_at: Option<i64>,
    visit: Option<String>,
    reason: Option<String>,
    actor: Option<String>,
    #[serde(default)]
    lots: Vec<(String, i64)>,
}

impl Tx<'_> {
    /// Joins the chain as `till_id` of `shop_id`: from now on every write here is queued for the
    /// central store, and the history so far is queued first (customers, then visits, then
    /// points, so each event finds what it refers to). Joining again as the same till changes
    /// nothing; as another till it is refused.
    pub fn join_chain(&self, till_id: &str, shop_id: &str) -> Result<Joined> {
        if let Some(s) = self.sync_state()? {
            if s.till_id != till_id {
                return Err(StoreError::Invalid(format!(
                    "this database is till '{}' of the chain; it cannot also be '{till_id}' \
                     (give each till its own data folder)",
                    s.till_id
                )));
            }
            return Ok(Joined {
                till_id: s.till_id,
                queued: 0,
                new: false,
            });
        }
        let tx = &self.tx;
        tx.execute(
            "INSERT INTO sync_state (id, till_id, shop_id) VALUES (1, ?1, ?2)",
            (till_id, shop_id),
        )?;
        for table in ["customers", "visits", "points_events"] {
            tx.execute(
                &format!(
                    "UPDATE {table} SET gid = printf('%08x', id) || lower(hex(randomblob(4)))
                     WHERE gid IS NULL"
                ),
                [],
            )?;
        }
        // The history so far, each row's event in the order they happened.
        let mut queued = 0;
        for (kind, table, at) in [
            ("customer", "customers", "enrolled_at"),
            ("visit", "visits", "at"),
            ("points", "points_events", "at"),
        ] {
            queued += tx.execute(
                &format!(
                    "INSERT INTO outbox (key, kind, at, row_id)
                     SELECT printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000
                            AS INTEGER)) || lower(hex(randomblob(10))), '{kind}', {at}, id
                     FROM {table} ORDER BY id"
                ),
                [],
            )? as i64;
        }
        Ok(Joined {
            till_id: till_id.to_string(),
            queued,
            new: true,
        })
    }

    /// This till's place in its chain; `None` before it joins one.
    pub fn sync_state(&self) -> Result<Option<SyncState>> {
        let state = self
            .tx
            .prepare_cached(
                "SELECT till_id, shop_id, cursor, last_contact, offline_since, last_error
                 FROM sync_state WHERE id = 1",
            )?
            .query_row([], |r| {
                Ok(SyncState {
                    till_id: r.get(0)?,
                    shop_id: r.get(1)?,
                    cursor: r.get(2)?,
                    last_contact: r.get(3)?,
                    offline_since: r.get(4)?,
                    last_error: r.get(5)?,
                    to_send: 0,
                    oldest_unsent: None,
                    rejected: 0,
                    problems: 0,
                })
            })
            .optional()?;
        let Some(mut state) = state else {
            return Ok(None);
        };
        (state.to_send, state.oldest_unsent) = self.tx.query_row(
            "SELECT COUNT(*), MIN(at) FROM outbox
             WHERE seq > (SELECT sent_through FROM sync_state)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        state.rejected = self.tx.query_row(
            "SELECT COUNT(*) FROM outbox WHERE answer = 'rejected'",
            [],
            |r| r.get(0),
        )?;
        state.problems = self
            .tx
            .query_row("SELECT COUNT(*) FROM sync_problems", [], |r| r.get(0))?;
        Ok(Some(state))
    }

    /// Up to `limit` unsent events, oldest first. Their content is written now if this is
    /// their first sending, and kept: a resend is the same bytes.
    pub fn outbox(&self, limit: usize) -> Result<Vec<OutboxEvent>> {
        let from: i64 = self
            .tx
            .query_row("SELECT sent_through FROM sync_state", [], |r| r.get(0))?;
        for (kind, table) in [
            ("customer", "customers"),
            ("visit", "visits"),
            ("points", "points_events"),
        ] {
            self.tx
                .prepare_cached(&format!(
                    "UPDATE {table} SET gid = printf('%08x', id) || lower(hex(randomblob(4)))
                     WHERE gid IS NULL AND id IN (SELECT row_id FROM outbox
                       WHERE kind = '{kind}' AND seq > ?1 ORDER BY seq LIMIT ?2)"
                ))?
                .execute((from, limit as i64))?;
        }
        self.tx
            .prepare_cached(
                "UPDATE outbox SET payload = CASE kind
                   WHEN 'customer' THEN (SELECT payload FROM sync_customer s WHERE s.id = row_id)
                   WHEN 'visit' THEN (SELECT payload FROM sync_visit s WHERE s.id = row_id)
                   ELSE (SELECT payload FROM sync_points s WHERE s.id = row_id) END
                 WHERE seq > ?1 AND seq <= (SELECT MAX(seq) FROM
                       (SELECT seq FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2))
                   AND payload IS NULL",
            )?
            .execute((from, limit as i64))?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT seq, key, kind, at, payload FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt
            .query_map((from, limit as i64), |r| {
                Ok(OutboxEvent {
                    seq: r.get(0)?,
                    key: r.get(1)?,
                    kind: r.get(2)?,
                    at: r.get(3)?,
                    payload: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Records the central store's answers to `sent` (a batch from [`Tx::outbox`], in order):
    /// those events are sent, whatever the answer.
    pub fn mark_sent(
        &self,
        sent: &[OutboxEvent],
        answers: &[(String, Answer)],
        now: i64,
    ) -> Result<()> {
        let seq: std::collections::HashMap<&str, i64> =
            sent.iter().map(|e| (e.key.as_str(), e.seq)).collect();
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE outbox SET sent_at = ?2, answer = ?3 WHERE seq = ?1")?;
        for (key, answer) in answers {
            if let Some(seq) = seq.get(key.as_str()) {
                stmt.execute((seq, now, answer.as_str()))?;
            }
        }
        if let Some(last) = sent.last() {
            self.tx.execute(
                "UPDATE sync_state SET sent_through = MAX(sent_through, ?1)",
                [last.seq],
            )?;
        }
        Ok(())
    }

    /// This till's number in its chain, once the central store has given it one.
    pub fn till_number(&self) -> Result<Option<u32>> {
        Ok(self
            .optional::<Option<u32>>("SELECT till_number FROM sync_state", [])?
            .flatten())
    }

    /// Keeps this till's number in the chain, which the codes of customers enrolled here from
    /// now on begin with.
    pub fn set_till_number(&self, number: i32) -> Result<()> {
        self.tx
            .execute("UPDATE sync_state SET till_number = ?1", [number])?;
        Ok(())
    }

    /// Records whether the central store answered: `error` is `None` when it did.
    pub fn note_contact(&self, now: i64, error: Option<&str>) -> Result<()> {
        match error {
            None => self.tx.execute(
                "UPDATE sync_state SET last_contact = ?1, offline_since = NULL, last_error = NULL",
                [now],
            )?,
            Some(e) => self.tx.execute(
                "UPDATE sync_state SET offline_since = COALESCE(offline_since, ?1), last_error = ?2",
                (now, e),
            )?,
        };
        Ok(())
    }

    /// Applies other tills' events in order and moves the cursor past them, all or nothing.
    pub fn apply_remote(&self, events: &[RemoteEvent], now: i64) -> Result<Applied> {
        let state = self
            .sync_state()?
            .ok_or_else(|| StoreError::Invalid("this till has not joined a chain".into()))?;
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
                "points" => self.apply_points(e, now),
                other => self.problem(e, now, "unknown", &format!("an event of kind '{other}'")),
            }?;
            match outcome {
                Outcome::Applied => done.applied += 1,
                Outcome::Known => done.known += 1,
                Outcome::Problem => done.problems += 1,
            }
            done.cursor = e.seq;
        }
        self.tx.execute(
            "UPDATE sync_state SET applying = 0, cursor = ?1",
            [done.cursor],
        )?;
        Ok(done)
    }

    fn problem(&self, e: &RemoteEvent, now: i64, kind: &str, detail: &str) -> Result<Outcome> {
        self.tx
            .prepare_cached(
                "INSERT INTO sync_problems (at, key, kind, detail) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((now, &e.key, kind, detail))?;
        Ok(Outcome::Problem)
    }

    /// The row with this global id: another till's by the index on their gids, this till's
    /// own by the row id its gid begins with (its last eight characters are random).
    fn id_by_gid(&self, table: &str, gid: &str) -> Result<Option<i64>> {
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
        let outcome = if let Some(id) = self.id_by_gid("customers", &c.gid)? {
            self.tx
                .prepare_cached(
                    "UPDATE customers SET name = ?2, phone = ?3, email = ?4, language = ?5,
                     erased_at = ?6 WHERE id = ?1",
                )?
                .execute((id, &c.name, &phone, &email, &c.language, c.erased_at))?;
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
                     erased_at, language, gid, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute((
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
                ))?;
            Outcome::Applied
        };
        for (what, owner) in [("phone", phone_owner), ("email", email_owner)] {
            if let Some(other) = owner {
                let code: String = self.tx.query_row(
                    "SELECT code FROM customers WHERE id = ?1",
                    [other],
                    |r| r.get(0),
                )?;
                self.problem(
                    e,
                    now,
                    "duplicate",
                    &format!("{code} {} have the same {what}", c.code),
                )?;
            }
        }
        Ok(outcome)
    }

    fn apply_visit(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(v) = serde_json::from_str::<VisitPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a visit event that does not parse");
        };
        let customer = match &v.customer {
            Some(gid) => match self.id_by_gid("customers", gid)? {
                Some(id) => Some(id),
                None => return self.problem(e, now, "missing", "a visit of an unknown customer"),
            },
            None => None,
        };
        if let Some(id) = self.id_by_gid("visits", &v.gid)? {
            self.tx
                .prepare_cached(
                    "UPDATE visits SET refunded = ?2, claimed_at = ?3, customer_id = ?4 WHERE id = ?1",
                )?
                .execute((id, v.refunded, v.claimed_at, customer))?;
            return Ok(Outcome::Applied);
        }
        let (program_id, _) = self.program_at(v.at);
        self.tx
            .prepare_cached(
                "INSERT INTO visits (at, amount, customer_id, program_id, points_earned, refunded,
                 claimed_at, gid, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute((
                v.at,
                v.amount,
                customer,
                program_id,
                v.points_earned,
                v.refunded,
                v.claimed_at,
                &v.gid,
                &e.till_id,
            ))?;
        Ok(Outcome::Applied)
    }

    fn apply_points(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(p) = serde_json::from_str::<PointsPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a points event that does not parse");
        };
        if self.id_by_gid("points_events", &p.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.id_by_gid("customers", &p.customer)? else {
            return self.problem(e, now, "missing", "points of an unknown customer");
        };
        let visit = match &p.visit {
            Some(gid) => self.id_by_gid("visits", gid)?,
            None => None,
        };
        let key = format!("chain:{}", p.gid);
        if p.points > 0 {
            self.tx
                .prepare_cached(
                    "INSERT INTO points_events (customer_id, at, kind, points, idempotency_key,
                     visit_id, expires_at, remaining, reason, actor, gid, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?8, ?9, ?10, ?11)",
                )?
                .execute((
                    customer,
                    p.at,
                    &p.kind,
                    p.points,
                    &key,
                    visit,
                    p.expires_at,
                    &p.reason,
                    &p.actor,
                    &p.gid,
                    &e.till_id,
                ))?;
            self.tx
                .prepare_cached("UPDATE customers SET balance = balance + ?2 WHERE id = ?1")?
                .execute((customer, p.points))?;
            return Ok(Outcome::Applied);
        }
        // A spend: the lots its till named first, then soonest-expiring, never below zero.
        let wanted = -p.points;
        let mut taken: Vec<(i64, i64)> = Vec::new();
        let mut left = wanted;
        for (lot_gid, points) in &p.lots {
            let Some(lot) = self.id_by_gid("points_events", lot_gid)? else {
                continue;
            };
            if let Some(remaining) = self.optional::<i64>(
                "SELECT remaining FROM points_events
                 WHERE id = ?1 AND customer_id = ?2 AND remaining > 0",
                (lot, customer),
            )? {
                let take = remaining.min(*points).min(left);
                if take > 0 {
                    taken.push((lot, take));
                    left -= take;
                }
            }
        }
        if left > 0 {
            let mut stmt = self.tx.prepare_cached(
                "SELECT id, remaining FROM points_events WHERE customer_id = ?1 AND remaining > 0
                 ORDER BY expires_at IS NULL, expires_at, id",
            )?;
            let lots: Vec<(i64, i64)> = stmt
                .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (lot, remaining) in lots {
                let already = taken.iter().find(|t| t.0 == lot).map_or(0, |t| t.1);
                let take = (remaining - already).min(left);
                if take > 0 {
                    taken.push((lot, take));
                    left -= take;
                }
                if left == 0 {
                    break;
                }
            }
        }
        let spent = wanted - left;
        if spent > 0 {
            self.tx
                .prepare_cached(
                    "INSERT INTO points_events (customer_id, at, kind, points, idempotency_key,
                     visit_id, reason, actor, gid, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute((
                    customer, p.at, &p.kind, -spent, &key, visit, &p.reason, &p.actor, &p.gid,
                    &e.till_id,
                ))?;
            let spend_id = self.tx.last_insert_rowid();
            for (lot, points) in &taken {
                self.tx
                    .prepare_cached(
                        "INSERT INTO points_allocations (spend_id, lot_id, points) VALUES (?1, ?2, ?3)
                         ON CONFLICT (spend_id, lot_id) DO UPDATE SET points = points + excluded.points",
                    )?
                    .execute((spend_id, lot, points))?;
                self.tx
                    .prepare_cached(
                        "UPDATE points_events SET remaining = remaining - ?2 WHERE id = ?1",
                    )?
                    .execute((lot, points))?;
            }
            self.tx
                .prepare_cached("UPDATE customers SET balance = balance - ?2 WHERE id = ?1")?
                .execute((customer, spent))?;
        }
        if left > 0 {
            let code: String = self.tx.query_row(
                "SELECT code FROM customers WHERE id = ?1",
                [customer],
                |r| r.get(0),
            )?;
            return self.problem(
                e,
                now,
                "short",
                &format!(
                    "{code}: another till spent {wanted} points, {left} more than this till knew of"
                ),
            );
        }
        Ok(Outcome::Applied)
    }
}

enum Outcome {
    Applied,
    Known,
    Problem,
}

impl Tx<'_> {
    /// The newest `limit` problems applying other tills' events, newest first.
    pub fn sync_problems(&self, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT at, detail FROM sync_problems ORDER BY id DESC LIMIT ?1")?;
        let rows = stmt
            .query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
