//! The support figures computed the slow way, from the raw rows (tickets and their history,
//! visits, ratings) by the definitions in `support_figures.rs`, without the aggregates or the
//! views that define them: the tests and the benchmark compare the two.

use crate::domain::support::Status;
use crate::store::Result;
use crate::store::figures::overdue::{Pending, day_end};
use crate::store::figures::support_figures::{
    BACK_DAYS, Counts, DAY, Gathered, SupportFigures, wait_bucket,
};
use std::collections::{HashMap, HashSet};

struct Ticket {
    customer: Option<i64>,
    opened_at: i64,
    channel: String,
    severity: i64,
    status: Status,
    resolved_at: Option<i64>,
    first_reply_at: Option<i64>,
    reopened: i64,
    contacts: i64,
}

impl super::Room<'_, '_> {
    /// This till's own tickets, their history read event by event.
    fn raw_tickets(&self) -> Result<Vec<Ticket>> {
        let c = &self.tx;
        let mut tickets: HashMap<i64, Ticket> = HashMap::new();
        let mut stmt = c.prepare(
            "SELECT id, customer_id, opened_at, channel, severity, status, resolved_at
             FROM tickets WHERE origin IS NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            tickets.insert(
                r.get(0)?,
                Ticket {
                    customer: r.get(1)?,
                    opened_at: r.get(2)?,
                    channel: r.get(3)?,
                    severity: r.get(4)?,
                    status: {
                        let text: String = r.get(5)?;
                        Status::parse(&text).unwrap_or(Status::Open)
                    },
                    resolved_at: r.get(6)?,
                    first_reply_at: None,
                    reopened: 0,
                    contacts: 0,
                },
            );
        }
        drop(rows);
        let mut stmt = c.prepare("SELECT ticket_id, at, kind, actor FROM ticket_events")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(t) = tickets.get_mut(&r.get::<_, i64>(0)?) else {
                continue;
            };
            let at: i64 = r.get(1)?;
            let kind: String = r.get(2)?;
            let by_customer = r.get::<_, Option<String>>(3)?.as_deref() == Some("customer");
            if matches!(kind.as_str(), "note" | "waiting" | "resolved") && !by_customer {
                t.first_reply_at = Some(t.first_reply_at.map_or(at, |f| f.min(at)));
            }
            if kind == "reopened" {
                t.reopened += 1;
                t.contacts += 1;
            } else if kind == "note" && by_customer {
                t.contacts += 1;
            }
        }
        Ok(tickets.into_values().collect())
    }

    /// The support figures from the raw rows.
    pub fn support_figures_brute_force(
        &self,
        from_day: i64,
        to_day: i64,
        now: i64,
    ) -> Result<SupportFigures> {
        let c = &self.tx;
        let today = now.div_euclid(DAY);
        let tickets = self.raw_tickets()?;
        let mut visits_of: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut own_visits: HashMap<i64, (i64, Option<i64>, String)> = HashMap::new();
        let mut g = Gathered::default();
        let mut stmt = c.prepare("SELECT id, at, customer_id, origin, staff FROM visits")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, at, customer): (i64, i64, Option<i64>) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Some(cu) = customer {
                visits_of.entry(cu).or_default().push(at);
            }
            if r.get::<_, Option<String>>(3)?.is_none() {
                let staff = r.get::<_, Option<String>>(4)?.unwrap_or_default();
                own_visits.insert(id, (at, customer, staff));
                g.visits += i64::from((from_day..=to_day).contains(&at.div_euclid(DAY)));
            }
        }
        drop(rows);
        let in_range = |at: i64| (from_day..=to_day).contains(&at.div_euclid(DAY));
        for t in tickets.iter().filter(|t| in_range(t.opened_at)) {
            let resolved = matches!(t.status, Status::Resolved | Status::Confirmed);
            let confirmed = t.status == Status::Confirmed;
            *g.counts.entry((t.severity, t.channel.clone())).or_default() += Counts {
                tickets: 1,
                replied: i64::from(t.first_reply_at.is_some()),
                resolved: i64::from(resolved),
                confirmed: i64::from(confirmed),
                reopened: i64::from(t.reopened > 0 && !confirmed),
                unconfirmed: i64::from(t.status == Status::Resolved && t.reopened == 0),
                contacts: t.contacts,
                contacted: i64::from(t.contacts > 0),
                anonymous: i64::from(t.customer.is_none()),
            };
            for (measure, end) in [("reply", t.first_reply_at), ("resolve", t.resolved_at)] {
                let Some(end) = end else { continue };
                let minutes = wait_bucket(end - t.opened_at);
                for dim in [format!("s{}", t.severity), t.channel.clone()] {
                    *g.waits
                        .entry((measure.to_string(), dim))
                        .or_default()
                        .entry(minutes)
                        .or_default() += 1;
                }
            }
        }
        for days in BACK_DAYS {
            let (mut confirmed, mut other) = ((0, 0), (0, 0));
            for t in &tickets {
                let Some(customer) = t.customer else { continue };
                let anchor = t.resolved_at.unwrap_or(t.opened_at);
                let day = anchor.div_euclid(DAY);
                if day < from_day || day > to_day.min(today - days - 1) {
                    continue;
                }
                let back = visits_of
                    .get(&customer)
                    .is_some_and(|v| v.iter().any(|&at| at > anchor && at <= anchor + days * DAY));
                let to = if t.status == Status::Confirmed {
                    &mut confirmed
                } else {
                    &mut other
                };
                to.0 += 1;
                to.1 += i64::from(back);
            }
            g.back.push((confirmed, other));
        }
        let mut complained: HashSet<i64> = HashSet::new();
        let mut stmt = c.prepare("SELECT customer_id, channel FROM tickets")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(id), channel) = (r.get::<_, Option<i64>>(0)?, r.get::<_, String>(1)?)
                && channel != "rating"
            {
                complained.insert(id);
            }
        }
        drop(rows);
        let mut stmt = c.prepare("SELECT visit_id, stars FROM ratings")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some((at, customer, staff)) = own_visits.get(&r.get::<_, i64>(0)?) else {
                continue;
            };
            if !in_range(*at) {
                continue;
            }
            let grp = match customer {
                None => "anonymous",
                Some(id) if complained.contains(id) => "complained",
                Some(_) => "quiet",
            };
            let stars: i64 = r.get(1)?;
            g.ratings
                .entry((grp.to_string(), staff.clone()))
                .or_default()[(stars - 1).clamp(0, 4) as usize] += 1;
        }
        drop(rows);
        let targets = self.rules.targets;
        let last = to_day.min(today);
        let first = tickets.iter().map(|t| t.opened_at.div_euclid(DAY)).min();
        let overdue = (first.map_or(i64::MAX, |f| from_day.max(f))..=last)
            .map(|day| {
                let t = day_end(day, now);
                let n = tickets
                    .iter()
                    .filter(|k| {
                        Pending {
                            severity: k.severity,
                            opened_at: k.opened_at,
                            first_reply_at: k.first_reply_at,
                            resolved_at: k.resolved_at,
                        }
                        .overdue_at(&targets, t)
                    })
                    .count();
                (day, n as i64)
            })
            .collect();
        let mut f = g.finish(from_day, to_day, today, overdue);
        f.common_problems = self.support().common_problems()?;
        Ok(f)
    }
}
