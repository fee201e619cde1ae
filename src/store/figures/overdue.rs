//! The overdue tickets by day: how many were past their reply or resolve target at the end of
//! each day (today: now), from the changes by day kept in `agg_overdue_days` (schema 16),
//! and the schema's copy of the targets, kept equal to the configuration's.

use crate::domain::support::{Targets, overdue_spans};
use crate::store::Result;
use crate::store::figures::support_figures::{DAY, cover};

/// Whether a ticket is overdue at `t`, from its row (the series of overdue counts).
pub(in crate::store) struct Pending {
    pub severity: i64,
    pub opened_at: i64,
    pub first_reply_at: Option<i64>,
    pub resolved_at: Option<i64>,
}

impl Pending {
    /// Overdue at `t` as the counter would have said then, by the domain's rule.
    pub(super) fn overdue_at(&self, targets: &Targets, t: i64) -> bool {
        let i = (self.severity.clamp(1, 3) - 1) as usize;
        t >= self.opened_at
            && overdue_spans(
                targets.reply[i],
                targets.resolve[i],
                self.opened_at,
                self.first_reply_at,
                self.resolved_at,
            )
            .iter()
            .any(|span| span.contains(t))
    }
}

/// The moment a day's overdue count is taken: its last second, or now for today.
#[cfg(any(test, feature = "oracles"))]
pub(in crate::store) fn day_end(day: i64, now: i64) -> i64 {
    ((day + 1) * DAY - 1).min(now)
}

impl super::Room<'_, '_> {
    /// Tickets overdue at the end of each day of the range (from the first ticket's day at the
    /// earliest, up to today, whose count is taken now): the changes of the count by day
    /// summed from the first day on.
    pub(super) fn overdue_by_day(
        &self,
        from_day: i64,
        to_day: i64,
        now: i64,
    ) -> Result<Vec<(i64, i64)>> {
        let today = now.div_euclid(DAY);
        let last = to_day.min(today);
        let c = &self.tx;
        // Nothing is overdue before the first ticket: the series starts there at the earliest.
        let first: Option<i64> = c
            .prepare_cached("SELECT MIN(block) FROM agg_ticket_days WHERE level = 0")?
            .query_row([], |r| r.get(0))?;
        let Some(first) = first else {
            return Ok(Vec::new());
        };
        let from_day = from_day.max(first);
        if last < from_day {
            return Ok(Vec::new());
        }
        let mut count = 0i64;
        for (level, first, last) in cover(0, from_day - 1) {
            count += c
                .prepare_cached(
                    "SELECT COALESCE(SUM(delta), 0) FROM agg_overdue_days
                     WHERE level = ?1 AND block BETWEEN ?2 AND ?3",
                )?
                .query_row((level as i64, first, last), |r| r.get::<_, i64>(0))?;
        }
        let mut changes: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
        let mut stmt = c.prepare_cached(
            "SELECT block, delta FROM agg_overdue_days WHERE level = 0 AND block BETWEEN ?1 AND ?2",
        )?;
        for row in stmt.query_map((from_day, last), |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (day, delta) = row?;
            changes.insert(day, delta);
        }
        let mut out: Vec<(i64, i64)> = (from_day..=last)
            .map(|day| {
                count += changes.get(&day).copied().unwrap_or(0);
                (day, count)
            })
            .collect();
        if last == today {
            out.last_mut().expect("the range has a day").1 = self.overdue_at(now)?;
        }
        Ok(out)
    }

    /// Tickets overdue at `now` by the figures' definition (those not resolved by then).
    pub(super) fn overdue_at(&self, now: i64) -> Result<i64> {
        let targets = self.rules.targets;
        let mut stmt = self.tx.prepare_cached(
            "SELECT severity, opened_at, first_reply_at, resolved_at FROM tickets
             WHERE origin IS NULL AND resolved_at IS NULL
             UNION ALL
             SELECT severity, opened_at, first_reply_at, resolved_at FROM tickets
             WHERE origin IS NULL AND resolved_at > ?1",
        )?;
        let rows = stmt.query_map([now], |r| {
            Ok(Pending {
                severity: r.get(0)?,
                opened_at: r.get(1)?,
                first_reply_at: r.get(2)?,
                resolved_at: r.get(3)?,
            })
        })?;
        let mut n = 0;
        for p in rows {
            n += i64::from(p?.overdue_at(&targets, now));
        }
        Ok(n)
    }
}

impl crate::store::Store {
    /// Keeps the schema's copy of the reply and resolve targets equal to the configuration's,
    /// counting the overdue tickets by day afresh when they changed.
    pub(in crate::store) fn keep_targets(&mut self) -> Result<()> {
        let targets = self.rules.targets;
        let want: Vec<(i64, i64, i64)> = (1..=3)
            .map(|s| {
                (
                    s,
                    targets.reply[s as usize - 1],
                    targets.resolve[s as usize - 1],
                )
            })
            .collect();
        let kept: Vec<(i64, i64, i64)> = self
            .conn
            .prepare("SELECT severity, reply, resolve FROM support_targets ORDER BY severity")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if kept == want {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM support_targets", [])?;
        for (severity, reply, resolve) in want {
            tx.execute(
                "INSERT INTO support_targets VALUES (?1, ?2, ?3)",
                (severity, reply, resolve),
            )?;
        }
        tx.execute("DELETE FROM agg_overdue_days", [])?;
        tx.execute(
            "INSERT INTO agg_overdue_days SELECT * FROM agg_overdue_days_fresh",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }
}
