//! The checks, run in the transaction of each event that may cross a threshold: they read only
//! that card's, that person's or that member's events of the same day or week (by index), never
//! the whole history.

use super::Raise;
use crate::domain::checks::{Finding, just_passes};
use crate::store::Result;

const DAY: i64 = 86_400;

/// An event seen by the checks: its name in `alert_events` and when it happened.
pub(in crate::store) type Seen = (String, i64);

impl super::Room<'_, '_> {
    /// A loyalty transaction on a card (`event`: a sale, a redemption or a claim): too many in
    /// a day?
    pub(in crate::store) fn card_used(
        &self,
        customer_id: i64,
        event: &str,
        at: i64,
        staff: Option<&str>,
    ) -> Result<()> {
        let day = self.rules.checks.local(at).day;
        self.over(
            Over {
                bucket: format!("busy_card:{customer_id}:{day}"),
                event,
                at,
                limit: self.rules.checks.card_transactions_per_day,
                finding: |count, limit| Finding::BusyCard { count, limit },
                customer_id: Some(customer_id),
                staff,
            },
            || {
                Ok(self
                    .card_transactions(customer_id, at - 2 * DAY, at + 2 * DAY)?
                    .into_iter()
                    .filter(|(_, t)| self.rules.checks.local(*t).day == day)
                    .collect())
            },
        )
    }

    /// A card's sales, claims and redemptions in `[from, to]`.
    pub(in crate::store) fn card_transactions(
        &self,
        customer_id: i64,
        from: i64,
        to: i64,
    ) -> Result<Vec<Seen>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT 'visit:' || id, at FROM visits WHERE customer_id = ?1 AND claimed_at IS NULL
                 AND at BETWEEN ?2 AND ?3
             UNION ALL
             SELECT 'claim:' || id, claimed_at FROM visits WHERE customer_id = ?1
                 AND claimed_at BETWEEN ?2 AND ?3
             UNION ALL
             SELECT 'redemption:' || id, at FROM redemptions WHERE customer_id = ?1
                 AND at BETWEEN ?2 AND ?3",
        )?;
        let rows = stmt.query_map((customer_id, from, to), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Loyalty activity at the counter (a member's sale, a redemption, an adjustment, a
    /// refund): outside opening hours?
    pub(in crate::store) fn activity(
        &self,
        event: &str,
        at: i64,
        staff: Option<&str>,
    ) -> Result<()> {
        if !self.rules.checks.after_hours(at) {
            return Ok(());
        }
        let day = self.rules.checks.local(at).day;
        let id = self.raise(&Raise {
            bucket: format!("after_hours:{day}:{}", staff.unwrap_or_default()),
            finding: Finding::AfterHours { count: 1 },
            customer_id: None,
            staff: staff.map(str::to_string),
            at,
            events: vec![(event.to_string(), at)],
        })?;
        let count = self.events_behind(id)?;
        self.set_finding(id, &Finding::AfterHours { count })
    }

    /// A member's sale: on the card of the staff member who rang it up? One of several split
    /// to pass a threshold?
    pub(in crate::store) fn sale_made(
        &self,
        visit_id: i64,
        customer_id: i64,
        amount: i64,
        points: i64,
        at: i64,
        staff: Option<&str>,
    ) -> Result<()> {
        let event = format!("visit:{visit_id}");
        self.card_used(customer_id, &event, at, staff)?;
        self.activity(&event, at, staff)?;
        if let Some(staff) = staff
            && self.rules.checks.own_card
            && points > 0
            && self.staff_card(staff)? == Some(customer_id)
        {
            let day = self.rules.checks.local(at).day;
            let id = self.raise(&Raise {
                bucket: format!("own_card:{staff}:{day}"),
                finding: Finding::OwnCard { count: 1, points },
                customer_id: Some(customer_id),
                staff: Some(staff.to_string()),
                at,
                events: vec![(event.clone(), at)],
            })?;
            let (count, points) = self.tx.query_row(
                "SELECT COUNT(*), COALESCE(SUM(v.points_earned), 0) FROM alert_events e
                 JOIN visits v ON v.id = CAST(substr(e.event, 7) AS INTEGER)
                 WHERE e.alert_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            self.set_finding(id, &Finding::OwnCard { count, points })?;
        }
        self.split_sale(customer_id, amount, at, staff)
    }

    fn split_sale(
        &self,
        customer_id: i64,
        amount: i64,
        at: i64,
        staff: Option<&str>,
    ) -> Result<()> {
        let c = &self.rules.checks;
        if c.split_sales <= 0 || c.split_minutes <= 0 || !just_passes(self.program_at(at).1, amount)
        {
            return Ok(());
        }
        let window = self.split_window(customer_id, at)?;
        if (window.len() as i64) < c.split_sales {
            return Ok(());
        }
        let day = c.local(at).day;
        let id = self.raise(&Raise {
            bucket: format!("split_sales:{customer_id}:{day}"),
            finding: Finding::SplitSales {
                count: 0,
                minutes: c.split_minutes,
            },
            customer_id: Some(customer_id),
            staff: staff.map(str::to_string),
            at,
            events: window,
        })?;
        let count = self.events_behind(id)?;
        self.set_finding(
            id,
            &Finding::SplitSales {
                count,
                minutes: c.split_minutes,
            },
        )
    }

    /// The card's sales that just passed a threshold in the `split_minutes` up to `at`.
    pub(in crate::store) fn split_window(&self, customer_id: i64, at: i64) -> Result<Vec<Seen>> {
        let from = at - self.rules.checks.split_minutes * 60;
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, at, amount FROM visits WHERE customer_id = ?1 AND claimed_at IS NULL
                 AND at BETWEEN ?2 AND ?3 ORDER BY at, id",
        )?;
        let rows = stmt.query_map((customer_id, from, at), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, t, amount) = row?;
            if just_passes(self.program_at(t).1, amount) {
                out.push((format!("visit:{id}"), t));
            }
        }
        Ok(out)
    }

    /// A hand adjustment by `actor`: too many by one person in a week?
    pub(in crate::store) fn adjusted(&self, event_id: i64, actor: &str, at: i64) -> Result<()> {
        let event = format!("points:{event_id}");
        self.activity(&event, at, Some(actor))?;
        let week = self.rules.checks.local(at).week;
        self.over(
            Over {
                bucket: format!("adjustments:{actor}:{week}"),
                event: &event,
                at,
                limit: self.rules.checks.adjustments_per_week,
                finding: |count, limit| Finding::Adjustments { count, limit },
                customer_id: None,
                staff: Some(actor),
            },
            || {
                self.in_week(
                    "SELECT 'points:' || id, at FROM points_events
                     WHERE kind = 'adjust' AND actor = ?1 AND at BETWEEN ?2 AND ?3",
                    actor,
                    at,
                )
            },
        )
    }

    /// A refund of a member's sale: of a sale whose points were spent on a reward and could
    /// not all be taken back (`reversal`: the points due and taken, known at once on a till
    /// that works alone)?
    pub(in crate::store) fn refunded(
        &self,
        (refund_id, visit_id, customer_id): (i64, i64, i64),
        reversal: Option<(i64, i64)>,
        at: i64,
        by: Option<&str>,
    ) -> Result<()> {
        self.activity(&format!("refund:{refund_id}"), at, by)?;
        let Some((due, taken)) = reversal else {
            return Ok(());
        };
        if !self.rules.checks.refund_after_redeem || taken >= due {
            return Ok(());
        }
        let spent = self.rewards_from_sale(visit_id, at)?;
        if spent.is_empty() {
            return Ok(());
        }
        let mut events = vec![
            (format!("visit:{visit_id}"), 0),
            (format!("refund:{refund_id}"), at),
        ];
        events[0].1 = self
            .optional::<i64>("SELECT at FROM visits WHERE id = ?1", [visit_id])?
            .unwrap_or(at);
        events.extend(spent);
        self.raise(&Raise {
            bucket: format!("refund_after_redeem:{refund_id}"),
            finding: Finding::RefundAfterRedeem { due, taken },
            customer_id: Some(customer_id),
            staff: by.map(str::to_string),
            at,
            events,
        })?;
        Ok(())
    }

    /// The redemptions (by `at`) that spent points a sale earned.
    pub(in crate::store) fn rewards_from_sale(&self, visit_id: i64, at: i64) -> Result<Vec<Seen>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT DISTINCT 'redemption:' || r.id, r.at FROM points_events lot
             JOIN points_allocations a ON a.lot_id = lot.id
             JOIN points_events s ON s.id = a.spend_id AND s.kind = 'redeem' AND s.at <= ?2
             JOIN redemptions r ON r.event_id = s.id
             WHERE lot.idempotency_key = ?1",
        )?;
        let key = crate::store::counter::sales::earn_key(visit_id);
        let rows = stmt.query_map((key, at), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An anonymous receipt claimed for a member: long after the sale? One of many claimed by
    /// this phone or email this week?
    pub(in crate::store) fn claimed(
        &self,
        visit_id: i64,
        customer_id: i64,
        sale_at: i64,
        at: i64,
    ) -> Result<()> {
        let c = &self.rules.checks;
        self.card_used(customer_id, &format!("claim:{visit_id}"), at, None)?;
        let event = (format!("claim:{visit_id}"), at);
        if let Some(hours) = c.late_claim(sale_at, at) {
            self.raise(&Raise {
                bucket: format!("claims:late:{visit_id}"),
                finding: Finding::LateClaim {
                    hours,
                    limit: c.claim_after_hours,
                },
                customer_id: Some(customer_id),
                staff: None,
                at,
                events: vec![event],
            })?;
        }
        let week = c.local(at).week;
        self.over(
            Over {
                bucket: format!("claims:many:{customer_id}:{week}"),
                event: &format!("claim:{visit_id}"),
                at,
                limit: c.claims_per_week,
                finding: |count, limit| Finding::ManyClaims { count, limit },
                customer_id: Some(customer_id),
                staff: None,
            },
            || {
                self.in_week(
                    "SELECT 'claim:' || id, claimed_at FROM visits WHERE customer_id = ?1
                     AND claimed_at BETWEEN ?2 AND ?3",
                    customer_id,
                    at,
                )
            },
        )
    }

    /// A referral opened by a member: more than `referrals_per_week` from them this week?
    pub(in crate::store) fn referred(
        &self,
        referral_id: i64,
        referrer_id: i64,
        at: i64,
    ) -> Result<()> {
        let week = self.rules.checks.local(at).week;
        self.over(
            Over {
                bucket: format!("referral_burst:{referrer_id}:{week}"),
                event: &format!("referral:{referral_id}"),
                at,
                limit: self.rules.checks.referrals_per_week,
                finding: |count, limit| Finding::ReferralBurst { count, limit },
                customer_id: Some(referrer_id),
                staff: None,
            },
            || {
                self.in_week(
                    "SELECT 'referral:' || id, at FROM referrals WHERE referrer_id = ?1
                     AND at BETWEEN ?2 AND ?3",
                    referrer_id,
                    at,
                )
            },
        )
    }

    /// A count over a limit in one subject's day or week: a later event joins the alert
    /// already raised; otherwise `in_period` gives the period's events, and more than `limit`
    /// raise it (0 turns the check off).
    fn over(&self, o: Over<'_>, in_period: impl FnOnce() -> Result<Vec<Seen>>) -> Result<()> {
        if o.limit <= 0 {
            return Ok(());
        }
        if let Some(id) = self.join(&o.bucket, o.event, o.at)? {
            let count = self.events_behind(id)?;
            return self.set_finding(id, &(o.finding)(count, o.limit));
        }
        let events = in_period()?;
        let count = events.len() as i64;
        if count > o.limit {
            self.raise(&Raise {
                bucket: o.bucket,
                finding: (o.finding)(count, o.limit),
                customer_id: o.customer_id,
                staff: o.staff.map(str::to_string),
                at: o.at,
                events,
            })?;
        }
        Ok(())
    }

    /// The events `sql` gives for `subject` (`?1`) between `?2` and `?3`, that fall in the
    /// shop's week of `at`.
    fn in_week(&self, sql: &str, subject: impl rusqlite::ToSql, at: i64) -> Result<Vec<Seen>> {
        let c = &self.rules.checks;
        let week = c.local(at).week;
        let mut stmt = self.tx.prepare_cached(sql)?;
        let rows = stmt
            .query_map((subject, at - 8 * DAY, at + 8 * DAY), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<Seen>>>()?;
        Ok(rows
            .into_iter()
            .filter(|(_, t)| c.local(*t).week == week)
            .collect())
    }
}

/// A count-over-limit check: its bucket, the event at hand, the limit, the finding it makes of
/// a count, and whom it is about.
struct Over<'a> {
    bucket: String,
    event: &'a str,
    at: i64,
    limit: i64,
    finding: fn(i64, i64) -> Finding,
    customer_id: Option<i64>,
    staff: Option<&'a str>,
}
