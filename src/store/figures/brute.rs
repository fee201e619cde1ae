//! The owner's figures computed the slow way, from the raw rows (visits, points events): the
//! oracle the tests and benchmarks compare the aggregates against. Built only with the
//! `oracles` feature (the tests and benchmarks turn it on), never into the shop's program.

use super::dashboard::{DAY, Figures, TOP, TopCustomer, Totals, clamp};
use super::members::{Span, Tally};
use crate::store::Result;
use std::collections::HashMap;

impl super::Room<'_, '_> {
    /// The same figures computed from the raw rows (visits, points events): the slow way,
    /// which the tests and benchmarks compare the aggregates against.
    pub fn figures_brute_force(&self, from_day: i64, to_day: i64, now: i64) -> Result<Figures> {
        let c = &self.tx;
        let first: Option<i64> = c.query_row(
            "SELECT MIN(at) / 86400 FROM visits WHERE origin IS NULL",
            [],
            |r| r.get(0),
        )?;
        let (from_day, to_day) = clamp(from_day, to_day, first);
        let mut t = Totals::default();
        let mut first_ever: HashMap<i64, i64> = HashMap::new();
        let mut lifetime: HashMap<i64, (i64, i64)> = HashMap::new();
        let mut per_day: HashMap<(i64, i64), i64> = HashMap::new();
        let mut stmt =
            c.prepare("SELECT at, amount, refunded, customer_id FROM visits WHERE origin IS NULL")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })?;
        for row in rows {
            let (at, amount, refunded, customer) = row?;
            let day = at / DAY;
            if let Some(id) = customer {
                let f = first_ever.entry(id).or_insert(day);
                *f = (*f).min(day);
                let l = lifetime.entry(id).or_insert((0, 0));
                l.0 += 1;
                l.1 += amount - refunded;
            }
            if !(from_day..=to_day).contains(&day) {
                continue;
            }
            t.visits += 1;
            t.refunded += refunded;
            match customer {
                Some(id) => {
                    t.member_visits += 1;
                    t.member_spend += amount;
                    *per_day.entry((id, day)).or_insert(0) += 1;
                }
                None => t.anon_spend += amount,
            }
        }
        drop(stmt);
        let mut members: HashMap<i64, (Vec<i32>, Vec<u32>)> = HashMap::new();
        let mut per_day: Vec<((i64, i64), i64)> = per_day.into_iter().collect();
        per_day.sort_unstable();
        for ((id, day), n) in per_day {
            let m = members.entry(id).or_default();
            m.0.push(day as i32);
            m.1.push(n as u32);
        }
        let span = Span::new(from_day, to_day);
        let mut tally = Tally::new(&span);
        for (id, (d, v)) in &members {
            tally.add(&span, (first_ever[id], d, v));
        }
        let m = tally.finish(&span);
        let mut stmt =
            c.prepare("SELECT at, kind, points FROM points_events WHERE origin IS NULL")?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })? {
            let (at, kind, points) = row?;
            if (from_day..=to_day).contains(&(at / DAY)) {
                *t.points.entry(kind).or_insert(0) += points;
            }
        }
        drop(stmt);
        let mut codes: HashMap<i64, (String, Option<String>)> = HashMap::new();
        let mut stmt = c.prepare("SELECT id, code, name FROM customers")?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (id, code, name): (i64, String, Option<String>) = row?;
            codes.insert(id, (code, name));
        }
        drop(stmt);
        let mut all: Vec<(i64, i64, i64)> =
            lifetime.iter().map(|(id, (v, s))| (*id, *v, *s)).collect();
        let to_top = |rows: &[(i64, i64, i64)]| -> Vec<TopCustomer> {
            rows.iter()
                .take(TOP)
                .map(|(id, v, s)| TopCustomer {
                    code: crate::domain::code::CustomerCode::from_stored(codes[id].0.clone())
                        .to_string(),
                    name: codes[id].1.clone(),
                    visits: *v,
                    spend: *s,
                })
                .collect()
        };
        all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let top_by_spend = to_top(&all);
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top_by_visits = to_top(&all);
        t.support = Some(self.support_figures_brute_force(from_day, to_day, now)?);
        self.assemble(from_day, to_day, now, t, m, (top_by_spend, top_by_visits))
    }
}
