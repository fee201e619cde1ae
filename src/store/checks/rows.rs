//! The checks computed from the raw rows of the whole history: what the alerts raised event by
//! event (`watch.rs`) must add up to. A history loaded in bulk (the demo) gets its alerts this
//! way once; the tests compare the two.

use super::Raise;
use crate::domain::checks::{Checks, Finding, just_passes};
use crate::store::Result;
use std::collections::BTreeMap;

/// An event as the rules read it: its name, when, who was signed in.
#[derive(Debug, Clone)]
struct Row {
    event: String,
    at: i64,
    staff: Option<String>,
}

impl super::Room<'_, '_> {
    /// Every alert the checks raise over the stored history, by bucket.
    pub fn alerts_from_rows(&self) -> Result<BTreeMap<String, Raise>> {
        let c = &self.rules.checks;
        let mut out = BTreeMap::new();
        let mut put = |r: Raise| {
            out.insert(r.bucket.clone(), r);
        };
        // A card's transactions in a day.
        if c.card_transactions_per_day > 0 {
            let rows = self.rows(
                "SELECT customer_id, 'visit:' || id, at, staff FROM visits
                     WHERE customer_id IS NOT NULL AND claimed_at IS NULL
                 UNION ALL SELECT customer_id, 'claim:' || id, claimed_at, NULL FROM visits
                     WHERE claimed_at IS NOT NULL
                 UNION ALL SELECT customer_id, 'redemption:' || id, at, actor FROM redemptions",
            )?;
            let limit = c.card_transactions_per_day;
            for ((customer, day), rows) in group(rows, |cust, at| (cust, c.local(at).day)) {
                if let Some(r) = over(&rows, limit, format!("busy_card:{customer}:{day}"), |n| {
                    Finding::BusyCard { count: n, limit }
                }) {
                    put(Raise {
                        customer_id: Some(customer),
                        ..r
                    });
                }
            }
        }
        for r in self.after_hours_rows()? {
            put(r);
        }
        for r in self.own_card_rows()? {
            put(r);
        }
        for r in self.split_rows()? {
            put(r);
        }
        if c.adjustments_per_week > 0 {
            let limit = c.adjustments_per_week;
            let mut by: BTreeMap<(String, i64), Vec<Row>> = BTreeMap::new();
            for (_, row) in self.rows(
                "SELECT 0, 'points:' || id, at, actor FROM points_events WHERE kind = 'adjust'",
            )? {
                let actor = row.staff.clone().unwrap_or_default();
                by.entry((actor, c.local(row.at).week))
                    .or_default()
                    .push(row);
            }
            for ((actor, week), rows) in by {
                if let Some(r) = over(&rows, limit, format!("adjustments:{actor}:{week}"), |n| {
                    Finding::Adjustments { count: n, limit }
                }) {
                    put(r);
                }
            }
        }
        if c.refund_after_redeem {
            for r in self.refund_rows()? {
                put(r);
            }
        }
        for r in self.claim_rows()? {
            put(r);
        }
        if c.referrals_per_week > 0 {
            let limit = c.referrals_per_week;
            let rows =
                self.rows("SELECT referrer_id, 'referral:' || id, at, NULL FROM referrals")?;
            for ((referrer, week), rows) in group(rows, |cust, at| (cust, c.local(at).week)) {
                if let Some(r) = over(
                    &rows,
                    limit,
                    format!("referral_burst:{referrer}:{week}"),
                    |n| Finding::ReferralBurst { count: n, limit },
                ) {
                    put(Raise {
                        customer_id: Some(referrer),
                        staff: None,
                        ..r
                    });
                }
            }
        }
        Ok(out)
    }

    /// Raises every alert of the stored history not raised yet (after a bulk load). Returns
    /// how many were raised.
    pub fn raise_from_rows(&self) -> Result<usize> {
        let all = self.alerts_from_rows()?;
        let mut raised = 0;
        for r in all.values() {
            let known = self
                .optional::<i64>("SELECT id FROM alerts WHERE bucket = ?1", [&r.bucket])?
                .is_some();
            if !known {
                self.raise(r)?;
                self.tx.execute(
                    "UPDATE alerts SET last_at = ?2 WHERE bucket = ?1",
                    (
                        &r.bucket,
                        r.events.iter().map(|e| e.1).max().unwrap_or(r.at),
                    ),
                )?;
                raised += 1;
            }
        }
        Ok(raised)
    }

    /// Rows of `(id, event, at, staff)`, oldest first.
    fn rows(&self, sql: &str) -> Result<Vec<(i64, Row)>> {
        let mut stmt = self
            .tx
            .prepare(&format!("SELECT * FROM ({sql}) ORDER BY 3, 2"))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                Row {
                    event: r.get(1)?,
                    at: r.get(2)?,
                    staff: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Member sales as `(customer, row, one more number)`, in the order `sql` gives them.
    fn sales_with(&self, sql: &str) -> Result<Vec<(i64, Row, i64)>> {
        let mut stmt = self.tx.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Row {
                    event: r.get(1)?,
                    at: r.get(2)?,
                    staff: r.get(3)?,
                },
                r.get::<_, i64>(4)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn after_hours_rows(&self) -> Result<Vec<Raise>> {
        let c = &self.rules.checks;
        if c.opening_hours.is_none() {
            return Ok(vec![]);
        }
        let rows = self.rows(
            "SELECT 0, 'visit:' || id, at, staff FROM visits
                 WHERE customer_id IS NOT NULL AND claimed_at IS NULL AND origin IS NULL
             UNION ALL SELECT 0, 'redemption:' || id, at, actor FROM redemptions WHERE origin IS NULL
             UNION ALL SELECT 0, 'points:' || id, at, actor FROM points_events
                 WHERE kind = 'adjust' AND origin IS NULL
             UNION ALL SELECT 0, 'refund:' || r.id, r.at, r.actor FROM refunds r
                 JOIN visits v ON v.id = r.visit_id
                 WHERE v.customer_id IS NOT NULL AND (v.claimed_at IS NULL OR v.claimed_at < r.at)
                 AND r.origin IS NULL",
        )?;
        let mut by: BTreeMap<(i64, String), Vec<Row>> = BTreeMap::new();
        for (_, row) in rows.into_iter().filter(|(_, r)| c.after_hours(r.at)) {
            let staff = row.staff.clone().unwrap_or_default();
            by.entry((c.local(row.at).day, staff))
                .or_default()
                .push(row);
        }
        Ok(by
            .into_iter()
            .map(|((day, staff), rows)| {
                let n = rows.len() as i64;
                over(&rows, 0, format!("after_hours:{day}:{staff}"), |_| {
                    Finding::AfterHours { count: n }
                })
                .expect("one row or more")
            })
            .collect())
    }

    fn own_card_rows(&self) -> Result<Vec<Raise>> {
        let c = &self.rules.checks;
        if !c.own_card {
            return Ok(vec![]);
        }
        let rows = self.sales_with(
            "SELECT v.customer_id, 'visit:' || v.id, v.at, v.staff, v.points_earned FROM visits v
             JOIN staff s ON s.name = v.staff AND s.card_id = v.customer_id
             WHERE v.points_earned > 0 AND v.claimed_at IS NULL ORDER BY v.at, v.id",
        )?;
        let mut by: BTreeMap<(String, i64), (i64, Vec<Row>, i64)> = BTreeMap::new();
        for (customer, row, points) in rows {
            let staff = row.staff.clone().unwrap_or_default();
            let e = by
                .entry((staff, c.local(row.at).day))
                .or_insert((customer, vec![], 0));
            e.1.push(row);
            e.2 += points;
        }
        Ok(by
            .into_iter()
            .map(|((staff, day), (customer, rows, points))| {
                let count = rows.len() as i64;
                Raise {
                    customer_id: Some(customer),
                    ..over(&rows, 0, format!("own_card:{staff}:{day}"), |_| {
                        Finding::OwnCard { count, points }
                    })
                    .expect("one row or more")
                }
            })
            .collect())
    }

    fn split_rows(&self) -> Result<Vec<Raise>> {
        let c = &self.rules.checks;
        if c.split_sales <= 0 || c.split_minutes <= 0 {
            return Ok(vec![]);
        }
        let rows = self.sales_with(
            "SELECT customer_id, 'visit:' || id, at, staff, amount FROM visits
             WHERE customer_id IS NOT NULL AND claimed_at IS NULL ORDER BY at, id",
        )?;
        let mut by_card: BTreeMap<i64, Vec<Row>> = BTreeMap::new();
        for (customer, row, amount) in rows {
            if just_passes(self.program_at(row.at).1, amount) {
                by_card.entry(customer).or_default().push(row);
            }
        }
        let mut out: BTreeMap<String, Raise> = BTreeMap::new();
        for (customer, sales) in by_card {
            for (i, s) in sales.iter().enumerate() {
                let window: Vec<&Row> = sales[..=i]
                    .iter()
                    .filter(|w| w.at >= s.at - c.split_minutes * 60)
                    .collect();
                if (window.len() as i64) < c.split_sales {
                    continue;
                }
                let bucket = format!("split_sales:{customer}:{}", c.local(s.at).day);
                let r = out.entry(bucket.clone()).or_insert_with(|| Raise {
                    bucket,
                    finding: Finding::SplitSales {
                        count: 0,
                        minutes: c.split_minutes,
                    },
                    customer_id: Some(customer),
                    staff: s.staff.clone(),
                    at: s.at,
                    events: vec![],
                });
                for w in window {
                    if !r.events.iter().any(|e| e.0 == w.event) {
                        r.events.push((w.event.clone(), w.at));
                    }
                }
                r.finding = Finding::SplitSales {
                    count: r.events.len() as i64,
                    minutes: c.split_minutes,
                };
            }
        }
        Ok(out.into_values().collect())
    }

    fn refund_rows(&self) -> Result<Vec<Raise>> {
        let mut stmt = self.tx.prepare(
            "SELECT r.id, r.visit_id, v.customer_id, r.points_due, r.points_reversed, r.at,
                    r.actor, v.at
             FROM refunds r JOIN visits v ON v.id = r.visit_id
             WHERE v.customer_id IS NOT NULL AND r.points_reversed < r.points_due
                 AND r.reversal_pending = 0 AND r.origin IS NULL",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = vec![];
        for (id, visit, customer, due, taken, at, actor, sale_at) in rows {
            let spent = self.rewards_from_sale(visit, at)?;
            if spent.is_empty() {
                continue;
            }
            let mut events = vec![
                (format!("visit:{visit}"), sale_at),
                (format!("refund:{id}"), at),
            ];
            events.extend(spent);
            out.push(Raise {
                bucket: format!("refund_after_redeem:{id}"),
                finding: Finding::RefundAfterRedeem { due, taken },
                customer_id: Some(customer),
                staff: actor,
                at,
                events,
            });
        }
        Ok(out)
    }

    fn claim_rows(&self) -> Result<Vec<Raise>> {
        let c: &Checks = &self.rules.checks;
        let mut stmt = self.tx.prepare(
            "SELECT customer_id, id, at, claimed_at FROM visits WHERE claimed_at IS NOT NULL
             ORDER BY claimed_at, id",
        )?;
        let claims = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = vec![];
        let mut by: BTreeMap<(i64, i64), Vec<Row>> = BTreeMap::new();
        for (customer, visit, sale_at, at) in claims {
            let event = format!("claim:{visit}");
            if let Some(hours) = c.late_claim(sale_at, at) {
                out.push(Raise {
                    bucket: format!("claims:late:{visit}"),
                    finding: Finding::LateClaim {
                        hours,
                        limit: c.claim_after_hours,
                    },
                    customer_id: Some(customer),
                    staff: None,
                    at,
                    events: vec![(event.clone(), at)],
                });
            }
            by.entry((customer, c.local(at).week))
                .or_default()
                .push(Row {
                    event,
                    at,
                    staff: None,
                });
        }
        if c.claims_per_week > 0 {
            let limit = c.claims_per_week;
            for ((customer, week), rows) in by {
                if let Some(r) = over(
                    &rows,
                    limit,
                    format!("claims:many:{customer}:{week}"),
                    |n| Finding::ManyClaims { count: n, limit },
                ) {
                    out.push(Raise {
                        customer_id: Some(customer),
                        ..r
                    });
                }
            }
        }
        Ok(out)
    }
}

/// Rows grouped by a key made of their first column and their time, oldest first in each.
fn group<K: Ord>(rows: Vec<(i64, Row)>, key: impl Fn(i64, i64) -> K) -> BTreeMap<K, Vec<Row>> {
    let mut by: BTreeMap<K, Vec<Row>> = BTreeMap::new();
    for (id, row) in rows {
        by.entry(key(id, row.at)).or_default().push(row);
    }
    by
}

/// The alert a bucket's rows (oldest first) raise when there are more than `limit`: raised by
/// the row that crossed it, with every row of the bucket behind it.
fn over(
    rows: &[Row],
    limit: i64,
    bucket: String,
    finding: impl Fn(i64) -> Finding,
) -> Option<Raise> {
    let crossing = rows.get(usize::try_from(limit).ok()?)?;
    Some(Raise {
        bucket,
        finding: finding(rows.len() as i64),
        customer_id: None,
        staff: crossing.staff.clone(),
        at: crossing.at,
        events: rows.iter().map(|r| (r.event.clone(), r.at)).collect(),
    })
}
