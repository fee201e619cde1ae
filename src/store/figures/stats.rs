//! The owner's first figures: customers, visits, repeat-visit rate, points outstanding.

use crate::store::{Result, Store};
use serde::Serialize;

/// Owner figures for a date range (visits on the UTC days that `[from, to)` covers).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Customers enrolled (all time, erased ones included as anonymous numbers).
    pub customers: i64,
    /// Visits in the range, members' and anonymous.
    pub visits: i64,
    pub member_visits: i64,
    /// Members with at least one visit in the range.
    pub visiting_customers: i64,
    /// Share of visiting members with two or more visits in the range (0 when none visited).
    pub repeat_visit_rate: f64,
    /// Sales in the range, in minor units, before refunds.
    pub sales_total: i64,
    pub refunds_total: i64,
    /// Points customers hold now, not yet expired: the shop's liability.
    pub points_outstanding: i64,
    pub referrals_pending: i64,
    pub referrals_rewarded: i64,
    pub referrals_refused: i64,
}

impl Store {
    /// Figures for visits in `[from, to)`; `None` leaves that end open.
    pub fn stats(&mut self, from: Option<i64>, to: Option<i64>, now: i64) -> Result<Stats> {
        // Members visiting and repeating come from the owner figures' member index.
        let (d_lo, d_hi) = (
            from.unwrap_or(i64::MIN).div_euclid(86_400),
            to.unwrap_or(i64::MAX).saturating_sub(1).div_euclid(86_400),
        );
        let last: Option<i64> =
            self.connection()
                .query_row("SELECT MAX(day) FROM agg_days", [], |r| r.get(0))?;
        let (visiting, repeat) = match last {
            Some(last) if d_lo <= last.min(d_hi) => {
                let f = self.figures(d_lo, last.min(d_hi), now)?;
                (f.visiting_members, f.repeat_members)
            }
            _ => (0, 0),
        };
        self.stats_with_members(from, to, now, (visiting, repeat))
    }

    /// [`Store::stats`] with the visiting and repeating member counts already known (from
    /// the owner figures of the same range), so they are not counted twice.
    pub fn stats_with_members(
        &mut self,
        from: Option<i64>,
        to: Option<i64>,
        now: i64,
        (visiting, repeat): (i64, i64),
    ) -> Result<Stats> {
        self.read(|tx| {
            let c = &tx.tx;
            let lo = from.unwrap_or(i64::MIN);
            let hi = to.unwrap_or(i64::MAX);
            // This till's members: those a chain's other tills enrolled count there.
            let customers: i64 = c.query_row(
                "SELECT COUNT(*) FROM customers WHERE origin IS NULL",
                [],
                |r| r.get(0),
            )?;
            // From the aggregates (UTC days), never by reading every visit.
            let (d_lo, d_hi) = (lo.div_euclid(86_400), (hi.saturating_sub(1)).div_euclid(86_400));
            let (visits, member_visits, sales_total, refunds_total): (i64, i64, i64, i64) = c
                .query_row(
                    "SELECT COALESCE(SUM(visits), 0), COALESCE(SUM(member_visits), 0),
                            COALESCE(SUM(member_spend + anon_spend), 0), COALESCE(SUM(refunded), 0)
                     FROM agg_days WHERE day >= ?1 AND day <= ?2",
                    (d_lo, d_hi),
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
            let held: i64 =
                c.query_row("SELECT COALESCE(SUM(points), 0) FROM agg_points_days", [], |r| r.get(0))?;
            let lapsed: i64 = c.query_row(
                "SELECT COALESCE(SUM(remaining), 0) FROM points_events WHERE remaining > 0 AND expires_at <= ?1",
                [now],
                |r| r.get(0),
            )?;
            let referrals = |status: &str| -> rusqlite::Result<i64> {
                c.query_row(
                    "SELECT COUNT(*) FROM referrals WHERE status = ?1",
                    [status],
                    |r| r.get(0),
                )
            };
            Ok(Stats {
                from,
                to,
                customers,
                visits,
                member_visits,
                visiting_customers: visiting,
                repeat_visit_rate: if visiting == 0 {
                    0.0
                } else {
                    repeat as f64 / visiting as f64
                },
                sales_total,
                refunds_total,
                points_outstanding: held - lapsed,
                referrals_pending: referrals("pending")?,
                referrals_rewarded: referrals("rewarded")?,
                referrals_refused: referrals("refused")?,
            })
        })
    }
}
