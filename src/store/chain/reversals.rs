//! Refunds on a chain's till: the points a refund takes back are decided by the central
//! store, which knows what is left of the balance across every shop, so a refund in one shop
//! and a redemption in another can never take the same points twice, nor leave the tills
//! disagreeing. The refund itself (the money, the visit) is recorded at once; its reversal
//! waits in `refunds.reversal_pending` until a sync settles it under a key the central store
//! answers the same way however often it is asked.

use crate::store::Result;

/// A refund's points reversal to settle with the central store.
#[derive(Debug, Clone)]
pub struct Reversal {
    pub refund_id: i64,
    /// The central store's key for it: the same on every retry.
    pub key: String,
    /// The customer's global id.
    pub customer: String,
    /// The refunded sale's global id, and the points it earned.
    pub visit: String,
    pub earned: i64,
    /// What to take back: the points due, floored at the balance known here.
    pub points: i64,
}

/// A pending reversal as read: refund, points due, customer, sale's global id, points the
/// sale earned, and what is left of them after the refunds already taken back.
type Pending = (i64, i64, Option<i64>, Option<String>, i64, i64);

impl super::Room<'_, '_> {
    /// Pending reversals whose customer the central store knows (sent before), oldest first.
    pub fn reversals_due(&self, now: i64) -> Result<Vec<Reversal>> {
        let Some(state) = self.sync_state()? else {
            return Ok(Vec::new());
        };
        let pending: Vec<Pending> = self
            .tx
            .prepare_cached(
                "SELECT r.id, r.points_due, c.id, v.gid, v.points_earned,
                        v.points_earned + (SELECT COALESCE(SUM(e.points), 0) FROM points_events e
                                           WHERE e.visit_id = v.id AND e.kind = 'refund')
                 FROM refunds r
                 JOIN visits v ON v.id = r.visit_id
                 LEFT JOIN customers k ON k.id = v.customer_id
                 LEFT JOIN customers c ON c.id = COALESCE(k.merged_into, k.id)
                 WHERE r.reversal_pending = 1 ORDER BY r.id",
            )?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut due = Vec::new();
        // `left`: what the sale earned less what its refunds took back already, in any shop.
        for (refund_id, points_due, customer, visit, earned, left) in pending {
            let Some(customer) = customer else {
                self.tx.execute(
                    "UPDATE refunds SET reversal_pending = 0 WHERE id = ?1",
                    [refund_id],
                )?;
                continue;
            };
            let Some(visit) = visit else {
                continue;
            };
            let Some(gid) = self
                .optional::<Option<String>>("SELECT gid FROM customers WHERE id = ?1", [customer])?
                .flatten()
            else {
                continue;
            };
            self.loyalty().expire_due(Some(customer), now)?;
            due.push(Reversal {
                refund_id,
                key: format!("refund:{}:{refund_id}", state.instance),
                customer: gid,
                visit,
                earned,
                points: points_due
                    .min(self.loyalty().balance_of(customer)?)
                    .min(left.max(0)),
            });
        }
        Ok(due)
    }

    /// Records what the central store took back for `r` (`taken`, under its key) and closes
    /// the reversal.
    pub fn settle_reversal(&self, r: &Reversal, taken: i64) -> Result<()> {
        let (visit_id, at, by, customer) = self.tx.query_row(
            "SELECT r.visit_id, r.at, r.actor, r.approved_by, COALESCE(k.merged_into, k.id)
             FROM refunds r
             JOIN visits v ON v.id = r.visit_id JOIN customers k ON k.id = v.customer_id
             WHERE r.id = ?1",
            [r.refund_id],
            |row| {
                let by = crate::domain::staff::Actor {
                    name: row.get(2)?,
                    approved_by: row.get(3)?,
                };
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    by,
                    row.get::<_, i64>(4)?,
                ))
            },
        )?;
        let points = taken.min(self.loyalty().balance_of(customer)?);
        self.counter().reverse_refund(
            r.refund_id,
            visit_id,
            customer,
            points,
            at,
            &by,
            Some(&r.key),
        )?;
        self.tx.execute(
            "UPDATE refunds SET reversal_pending = 0 WHERE id = ?1",
            [r.refund_id],
        )?;
        Ok(())
    }

    /// Where a refund stands: points taken back, whether that is still pending, and the
    /// customer's balance now.
    pub fn refund_standing(&self, refund_id: i64) -> Result<(i64, bool, i64)> {
        Ok(self.tx.query_row(
            "SELECT r.points_reversed, r.reversal_pending, COALESCE(c.balance, 0) FROM refunds r
             JOIN visits v ON v.id = r.visit_id LEFT JOIN customers c ON c.id = v.customer_id
             WHERE r.id = ?1",
            [refund_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?)
    }
}
