//! A member's tier, from the points they earned: decided when it is read (so a review date
//! needs no job to have run) and kept when a sale moves it.

use crate::domain::tiers::{Place, YEAR};
use crate::store::Result;
use serde::Serialize;

/// A member's tier as the counter, the receipt and their page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierView {
    #[serde(flatten)]
    pub place: Place,
    /// Points earned in the last 12 months.
    pub earned: i64,
    /// The tier above and the points still to earn for it.
    pub next: Option<(String, i64)>,
    /// When a member may next move down.
    pub review_at: i64,
}

impl super::Room<'_, '_> {
    /// Points `customer_id` earned (sales and referral bonuses) in `(to − 12 months, to]`.
    fn earned_in_year(&self, customer_id: i64, to: i64) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT COALESCE(SUM(points), 0) FROM points_events
                 WHERE customer_id = ?1 AND kind IN ('earn', 'referral') AND points > 0
                   AND at > ?2 AND at <= ?3",
            )?
            .query_row((customer_id, to - YEAR, to), |r| r.get(0))?)
    }

    /// The member's tier at `now`, when the program has tiers.
    pub(in crate::store) fn tier_of(&self, customer_id: i64, now: i64) -> Result<Option<TierView>> {
        let Some(tiers) = self.program_at(now).1.tiers.clone() else {
            return Ok(None);
        };
        let (held, held_at): (i64, Option<i64>) = self.tx.query_row(
            "SELECT tier, tier_at FROM customers WHERE id = ?1",
            [customer_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let earned = self.earned_in_year(customer_id, now)?;
        let tier = tiers.now(
            held.max(0) as usize,
            held_at,
            |review| self.earned_in_year(customer_id, review),
            earned,
            now,
        )?;
        Ok(Some(TierView {
            place: tiers.place(tier),
            earned,
            next: tiers
                .next(tier)
                .map(|l| (l.name.clone(), l.from_points - earned)),
            review_at: tiers.next_review(now),
        }))
    }

    /// Keeps the member's tier as it stands at `now` (after a sale, which may move it up, or
    /// once a review has moved it down).
    pub(in crate::store) fn keep_tier(&self, customer_id: i64, now: i64) -> Result<()> {
        if let Some(t) = self.tier_of(customer_id, now)? {
            self.tx
                .prepare_cached(
                    "UPDATE customers SET tier = ?2, tier_at = ?3
                     WHERE id = ?1 AND (tier <> ?2 OR tier_at IS NULL OR tier_at < ?4)",
                )?
                .execute((
                    customer_id,
                    t.place.tier as i64,
                    now,
                    self.program_at(now)
                        .1
                        .tiers
                        .as_ref()
                        .map_or(0, |tiers| tiers.last_review(now)),
                ))?;
        }
        Ok(())
    }
}
