//! Sales across the chain: another till's visits (with their points and stamps), refunds and
//! points events applied here, each by its global id, a spend beyond the points known here
//! kept as a problem for the owner.

use crate::store::Result;
use crate::store::chain::apply::Outcome;
use crate::store::chain::sync::RemoteEvent;
use crate::store::figures::folds::Visit;
use serde::Deserialize;

#[derive(Deserialize)]
struct VisitPayload {
    gid: String,
    customer: Option<String>,
    at: i64,
    amount: i64,
    points_earned: i64,
    claimed_at: Option<i64>,
    /// The number on its receipt at the till that made it.
    #[serde(default)]
    label: Option<String>,
    /// What its receipt's QR code names it by, chain-wide.
    #[serde(default)]
    token_id: Option<i64>,
    /// Whether it put a stamp on the customer's card.
    #[serde(default)]
    stamped: bool,
    /// The code printed under its QR (none from a till older than codes).
    #[serde(default)]
    receipt_code: Option<String>,
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
    /// Absent from a till older than schema 19.
    approved_by: Option<String>,
    #[serde(default)]
    lots: Vec<(String, i64)>,
}

impl super::Room<'_, '_> {
    /// Whether a receipt code is already some visit's here.
    fn code_taken(&self, code: &str) -> Result<bool> {
        Ok(self
            .optional::<i64>("SELECT id FROM visits WHERE receipt_code = ?1", [code])?
            .is_some())
    }

    pub(super) fn apply_visit(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(v) = serde_json::from_str::<VisitPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a visit event that does not parse");
        };
        let Some(customer) = self.named_customer(v.customer.as_deref())? else {
            return self.problem(e, now, "missing", "a visit of an unknown customer");
        };
        if let Some(id) = self.id_by_gid("visits", &v.gid)? {
            // A claim made at another till (refunds are events of their own); this till's
            // own sales keep their figures right.
            let (own, refunded, was_customer, stamped): (bool, i64, Option<i64>, bool) =
                self.tx.query_row(
                    "SELECT origin IS NULL, refunded, customer_id, stamped FROM visits
                     WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
            self.tx
                .prepare_cached(
                    "UPDATE visits SET claimed_at = COALESCE(claimed_at, ?2),
                     customer_id = COALESCE(?3, customer_id) WHERE id = ?1",
                )?
                .execute((id, v.claimed_at, customer))?;
            if own && was_customer.is_none() && customer.is_some() {
                let before = Visit {
                    at: v.at,
                    amount: v.amount,
                    customer: None,
                    refunded,
                };
                self.figures()
                    .visit_changed(before, Visit { customer, ..before })?;
            }
            // A claim's stamp, once.
            if let (None, Some(c), false, true) = (was_customer, customer, stamped, v.stamped) {
                self.stamp_from_chain(c, id, v.at)?;
            }
            return Ok(Outcome::Applied);
        }
        let (program_id, _) = self.program_at(v.at);
        self.tx
            .prepare_cached(
                "INSERT INTO visits (at, amount, customer_id, program_id, points_earned, refunded,
                 claimed_at, gid, origin, origin_receipt, origin_token, receipt_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(rusqlite::params![
                v.at,
                v.amount,
                customer,
                program_id,
                v.points_earned,
                0,
                v.claimed_at,
                &v.gid,
                &e.till_id,
                &v.label,
                v.token_id,
                // A code already here (two tills' codes can meet, however rarely) stays
                // the first one's: the second receipt still opens by its QR.
                v.receipt_code
                    .as_deref()
                    .filter(|c| !self.code_taken(c).unwrap_or(true)),
            ])?;
        if let (Some(c), true) = (customer, v.stamped) {
            self.stamp_from_chain(c, self.tx.last_insert_rowid(), v.at)?;
        }
        Ok(Outcome::Applied)
    }

    /// A refund another till made: the sale's refunded amount adds it up (never past the
    /// sale's amount); its points come as that till's points event.
    pub(super) fn apply_refund(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        #[derive(Deserialize)]
        struct RefundPayload {
            gid: String,
            visit: String,
            at: i64,
            amount: i64,
            actor: Option<String>,
            approved_by: Option<String>,
        }
        let Ok(r) = serde_json::from_str::<RefundPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a refund event that does not parse");
        };
        if self.id_by_gid("refunds", &r.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(visit) = self.id_by_gid("visits", &r.visit)? else {
            return self.problem(e, now, "missing", "a refund of an unknown sale");
        };
        let (own, at, amount, refunded, customer): (bool, i64, i64, i64, Option<i64>) =
            self.tx.query_row(
                "SELECT origin IS NULL, at, amount, refunded, customer_id FROM visits
                 WHERE id = ?1",
                [visit],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                },
            )?;
        let added = r.amount.min(amount - refunded).max(0);
        self.tx
            .prepare_cached(
                "INSERT INTO refunds (visit_id, at, amount, points_due, points_reversed, actor,
                 approved_by, gid, origin) VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                visit,
                r.at,
                r.amount,
                &r.actor,
                &r.approved_by,
                &r.gid,
                &e.till_id,
            ))?;
        if added > 0 {
            self.tx
                .prepare_cached("UPDATE visits SET refunded = refunded + ?2 WHERE id = ?1")?
                .execute((visit, added))?;
            if own {
                let before = Visit {
                    at,
                    amount,
                    customer,
                    refunded,
                };
                let after = Visit {
                    refunded: refunded + added,
                    ..before
                };
                self.figures().visit_changed(before, after)?;
            }
            self.unstamp_from_chain(visit, r.at)?;
        }
        Ok(Outcome::Applied)
    }

    pub(super) fn apply_points(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(p) = serde_json::from_str::<PointsPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a points event that does not parse");
        };
        if self.id_by_gid("points_events", &p.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.customer_by_gid(&p.customer)? else {
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
                     visit_id, expires_at, remaining, reason, actor, approved_by, gid, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?8, ?9, ?10, ?11, ?12)",
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
                    &p.approved_by,
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
                     visit_id, reason, actor, approved_by, gid, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )?
                .execute((
                    customer,
                    p.at,
                    &p.kind,
                    -spent,
                    &key,
                    visit,
                    &p.reason,
                    &p.actor,
                    &p.approved_by,
                    &p.gid,
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
