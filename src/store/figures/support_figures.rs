//! The support figures for a range of days, from the aggregates of schema 16 (see
//! `migrations/0016_support_figures.sql`), which say whether good support pays: how long
//! customers wait for a reply and a resolution, how often the customer confirms the fix, how
//! much effort they had to make, and whether they came back afterwards. `support_brute.rs`
//! computes the same figures from the raw rows, which the tests compare against.
//!
//! Definitions (days are UTC day numbers; a range is `from_day ..= to_day`; only this till's
//! own tickets count):
//! - a ticket is in the range when it was opened in it;
//! - the wait for the first reply runs from the opening to the first staff note or step, or
//!   message to the customer (a resolution before any reply is the reply); the wait for the
//!   resolution to the latest resolution of a ticket resolved now. A clock that went back
//!   counts as no wait. Waits are in minutes to two significant figures (rounded down: 2 h 17
//!   min counts as 130 minutes), and the median is the middle one (of two, the shorter);
//! - of the tickets ever resolved, each is *confirmed* (the customer said it is sorted),
//!   *reopened* (once or more, and not confirmed since) or *unconfirmed* (resolved, neither);
//! - repeat contacts are the customer's own notes and each reopening, after the first contact;
//! - came back within N days: a member's visit, at any shop of the chain, in the N days after
//!   the ticket was resolved (or opened, while it is not), for tickets resolved in the range
//!   and at least N days ago (younger ones cannot be judged yet); *confirmed* tickets against
//!   all others;
//! - ratings count by the day of the visit they rate; a member *complained* if they ever opened
//!   a ticket themselves (one a low rating opened does not count), else they are *quiet*;
//! - a ticket is overdue on a day when, at the day's end (or now, today), it is past its reply
//!   target without a reply, or past its resolve target unresolved; the series of those counts
//!   starts at the first ticket at the earliest.
//!
//! Shares of fewer than [`FEW`] carry the counts only: "3 of 3" says more than "100%".

use crate::store::Result;
use serde::Serialize;
use std::collections::BTreeMap;

pub(in crate::store) const DAY: i64 = 86_400;
/// Below this many, a share has no percentage: the counts are all there is to go by.
pub const FEW: i64 = 10;
/// The came-back windows, in days.
pub const BACK_DAYS: [i64; 2] = [30, 90];
/// Block sizes of the day aggregates, by level.
const WIDTHS: [i64; 5] = [1, 4, 16, 64, 256];
/// The waits' buckets, in minutes (their lower bounds): the `wait_buckets` table of schema 16.
pub const WAIT_BUCKETS: [i64; 50] = [
    0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 45, 60, 75, 90, 120, 150, 180, 240, 300,
    360, 480, 600, 720, 900, 1080, 1440, 1800, 2160, 2880, 3600, 4320, 5760, 7200, 8640, 10080,
    14400, 20160, 30240, 40320, 60480, 86400, 129600, 172800, 259200, 525600,
];

/// A part of a whole, with its percentage when the whole is at least [`FEW`].
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Share {
    pub part: i64,
    pub whole: i64,
    pub percent: Option<f64>,
}

impl Share {
    pub fn new(part: i64, whole: i64) -> Share {
        Share {
            part,
            whole,
            percent: (whole >= FEW).then(|| 100.0 * part as f64 / whole as f64),
        }
    }
}

/// How long a group of tickets waited, with how many it is measured on. The median is known
/// to its bucket: at least `median_minutes`, less than `median_below` (`None`: no end).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Wait {
    /// Tickets that have had it (a reply; a resolution).
    pub tickets: i64,
    pub median_minutes: Option<i64>,
    pub median_below: Option<i64>,
}

/// A wait over all the range's tickets, by severity (1 to 3) and by channel.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Waits {
    pub all: Wait,
    pub by_severity: Vec<(i64, Wait)>,
    pub by_channel: Vec<(String, Wait)>,
}

/// Whether members came back within `days` after a confirmed ticket and after any other.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CameBack {
    pub days: i64,
    pub after_confirmed: Share,
    pub after_other: Share,
    /// The last day whose resolutions could be judged (`None`: none of the range yet).
    pub judged_to_day: Option<i64>,
}

/// Ratings of one group of visits.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rated {
    pub rated: i64,
    pub average: Option<f64>,
    /// Rated 3 stars or fewer.
    pub low: i64,
}

/// One staff member's visits' ratings (the owner's eyes only).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StaffRatings {
    pub staff: String,
    pub ratings: Rated,
}

/// Every support figure for one range.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SupportFigures {
    pub tickets: i64,
    /// Of them, about an anonymous receipt (no member to come back).
    pub anonymous_tickets: i64,
    pub by_severity: Vec<(i64, i64)>,
    pub by_channel: Vec<(String, i64)>,
    /// Still without a reply.
    pub unreplied: i64,
    pub first_reply: Waits,
    pub resolution: Waits,
    /// Resolved now (confirmed or not).
    pub resolved: i64,
    /// Resolved at least once; the whole of the three outcomes.
    pub ever_resolved: i64,
    pub confirmed: Share,
    pub reopened: Share,
    pub unconfirmed: Share,
    pub repeat_contacts: i64,
    pub contacts_per_ticket: Option<f64>,
    pub with_repeat_contact: Share,
    pub came_back: Vec<CameBack>,
    /// (day, tickets overdue at its end), for each day of the range up to today.
    pub overdue_by_day: Vec<(i64, i64)>,
    /// Visits of the range that were rated.
    pub rated_visits: Share,
    pub quiet: Rated,
    pub complained: Rated,
    pub anonymous_ratings: Rated,
    pub by_staff: Vec<StaffRatings>,
    /// The kinds of problem of the till's whole history, most common first, with the kept
    /// answers most used for each (not limited to the range).
    pub common_problems: Vec<crate::store::CommonProblem>,
}

/// The bucket of a wait of `seconds` (as the aggregates keep it): the lower bound, in minutes.
pub fn wait_bucket(seconds: i64) -> i64 {
    let m = seconds.max(0) / 60;
    let i = WAIT_BUCKETS.partition_point(|&b| b <= m);
    WAIT_BUCKETS[i.saturating_sub(1)]
}

/// The bucket after the one starting at `minutes`.
fn bucket_end(minutes: i64) -> Option<i64> {
    let i = WAIT_BUCKETS.partition_point(|&b| b <= minutes);
    WAIT_BUCKETS.get(i).copied()
}

/// The lower median of values given as (value, count) in ascending order of value.
pub(in crate::store) fn lower_median(counts: &BTreeMap<i64, i64>) -> Option<i64> {
    let n: i64 = counts.values().sum();
    let k = (n + 1) / 2;
    let mut seen = 0;
    for (v, c) in counts {
        seen += c;
        if seen >= k && n > 0 {
            return Some(*v);
        }
    }
    None
}

fn merge(into: &mut BTreeMap<i64, i64>, from: BTreeMap<i64, i64>) {
    for (k, v) in from {
        *into.entry(k).or_default() += v;
    }
}

/// The runs of blocks, `(level, first, last)`, that together cover `from ..= to` exactly.
pub(in crate::store) fn cover(from: i64, to: i64) -> Vec<(usize, i64, i64)> {
    let mut runs: Vec<(usize, i64, i64)> = Vec::new();
    let (mut lo, end) = (from.max(0), to + 1);
    while lo < end {
        let level = (0..WIDTHS.len())
            .rev()
            .find(|&l| lo % WIDTHS[l] == 0 && lo + WIDTHS[l] <= end)
            .unwrap_or(0);
        let block = lo / WIDTHS[level];
        match runs.last_mut() {
            Some((l, _, last)) if *l == level && *last + 1 == block => *last = block,
            _ => runs.push((level, block, block)),
        }
        lo += WIDTHS[level];
    }
    runs
}

/// Counts of tickets (as `agg_ticket_days` keeps them), summed.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(in crate::store) struct Counts {
    pub tickets: i64,
    pub replied: i64,
    pub resolved: i64,
    pub confirmed: i64,
    pub reopened: i64,
    pub unconfirmed: i64,
    pub contacts: i64,
    pub contacted: i64,
    pub anonymous: i64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tickets += o.tickets;
        self.replied += o.replied;
        self.resolved += o.resolved;
        self.confirmed += o.confirmed;
        self.reopened += o.reopened;
        self.unconfirmed += o.unconfirmed;
        self.contacts += o.contacts;
        self.contacted += o.contacted;
        self.anonymous += o.anonymous;
    }
}

/// What both ways of computing the figures gather before they are put together.
#[derive(Debug, Default)]
pub(in crate::store) struct Gathered {
    /// By (severity, channel).
    pub counts: BTreeMap<(i64, String), Counts>,
    /// By (measure, dim): the waits' counts by minutes.
    pub waits: BTreeMap<(String, String), BTreeMap<i64, i64>>,
    /// By came-back window: (confirmed, other) as (tickets, came back).
    pub back: Vec<((i64, i64), (i64, i64))>,
    /// By (group, staff): counts of stars 1 to 5.
    pub ratings: BTreeMap<(String, String), [i64; 5]>,
    pub visits: i64,
}

fn rated(stars: &[i64; 5]) -> Rated {
    let n: i64 = stars.iter().sum();
    let sum: i64 = stars
        .iter()
        .enumerate()
        .map(|(i, c)| (i as i64 + 1) * c)
        .sum();
    Rated {
        rated: n,
        average: (n > 0).then(|| sum as f64 / n as f64),
        low: stars[..3].iter().sum(),
    }
}

const CHANNELS: [&str; 5] = ["portal", "rating", "counter", "phone", "email"];

impl Gathered {
    fn wait(&self, measure: &str, dims: &[String]) -> Wait {
        let mut all: BTreeMap<i64, i64> = BTreeMap::new();
        for d in dims {
            if let Some(w) = self.waits.get(&(measure.to_string(), d.clone())) {
                for (m, n) in w {
                    *all.entry(*m).or_default() += n;
                }
            }
        }
        let median = lower_median(&all);
        Wait {
            tickets: all.values().sum(),
            median_minutes: median,
            median_below: median.and_then(bucket_end),
        }
    }

    fn waits(&self, measure: &str) -> Waits {
        let severities: Vec<String> = (1..=3).map(|s| format!("s{s}")).collect();
        Waits {
            all: self.wait(measure, &severities),
            by_severity: (1..=3)
                .map(|s| (s, self.wait(measure, &[format!("s{s}")])))
                .collect(),
            by_channel: CHANNELS
                .iter()
                .map(|c| (c.to_string(), self.wait(measure, &[c.to_string()])))
                .collect(),
        }
    }

    pub(in crate::store) fn finish(
        self,
        from_day: i64,
        to_day: i64,
        today: i64,
        overdue_by_day: Vec<(i64, i64)>,
    ) -> SupportFigures {
        let mut total = Counts::default();
        let mut by_severity = [0i64; 3];
        let mut by_channel: BTreeMap<&str, i64> = CHANNELS.iter().map(|c| (*c, 0)).collect();
        for ((severity, channel), c) in &self.counts {
            total += *c;
            by_severity[(*severity - 1).clamp(0, 2) as usize] += c.tickets;
            if let Some(n) = by_channel.get_mut(channel.as_str()) {
                *n += c.tickets;
            }
        }
        let ever = total.confirmed + total.reopened + total.unconfirmed;
        let came_back = BACK_DAYS
            .iter()
            .zip(&self.back)
            .map(|(days, ((ct, cb), (ot, ob)))| {
                let last = to_day.min(today - days - 1);
                CameBack {
                    days: *days,
                    after_confirmed: Share::new(*cb, *ct),
                    after_other: Share::new(*ob, *ot),
                    judged_to_day: (last >= from_day).then_some(last),
                }
            })
            .collect();
        let mut groups: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
        let mut staff: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
        for ((grp, who), stars) in &self.ratings {
            let g = groups.entry(grp.as_str()).or_default();
            for i in 0..5 {
                g[i] += stars[i];
            }
            if !who.is_empty() {
                let s = staff.entry(who.as_str()).or_default();
                for i in 0..5 {
                    s[i] += stars[i];
                }
            }
        }
        let group = |g: &str| rated(groups.get(g).unwrap_or(&[0; 5]));
        let rated_visits: i64 = groups.values().flatten().sum();
        SupportFigures {
            tickets: total.tickets,
            anonymous_tickets: total.anonymous,
            by_severity: (1..=3).zip(by_severity).collect(),
            by_channel: CHANNELS
                .iter()
                .map(|c| (c.to_string(), by_channel[c]))
                .collect(),
            unreplied: total.tickets - total.replied,
            first_reply: self.waits("reply"),
            resolution: self.waits("resolve"),
            resolved: total.resolved,
            ever_resolved: ever,
            confirmed: Share::new(total.confirmed, ever),
            reopened: Share::new(total.reopened, ever),
            unconfirmed: Share::new(total.unconfirmed, ever),
            repeat_contacts: total.contacts,
            contacts_per_ticket: (total.tickets > 0)
                .then(|| total.contacts as f64 / total.tickets as f64),
            with_repeat_contact: Share::new(total.contacted, total.tickets),
            came_back,
            overdue_by_day,
            rated_visits: Share::new(rated_visits, self.visits),
            quiet: group("quiet"),
            complained: group("complained"),
            anonymous_ratings: group("anonymous"),
            by_staff: staff
                .into_iter()
                .map(|(s, stars)| StaffRatings {
                    staff: s.to_string(),
                    ratings: rated(&stars),
                })
                .collect(),
            common_problems: Vec::new(),
        }
    }
}

impl super::Room<'_, '_> {
    /// The support figures for `from_day ..= to_day`, from the aggregates.
    pub fn support_figures(&self, from_day: i64, to_day: i64, now: i64) -> Result<SupportFigures> {
        let c = &self.tx;
        let today = now.div_euclid(DAY);
        let mut g = Gathered::default();
        for (level, first, last) in cover(from_day, to_day) {
            let mut stmt = c.prepare_cached(
                "SELECT severity, channel, SUM(tickets), SUM(replied), SUM(resolved),
                        SUM(confirmed), SUM(reopened), SUM(unconfirmed), SUM(contacts),
                        SUM(contacted), SUM(anonymous)
                 FROM agg_ticket_days WHERE level = ?1 AND block BETWEEN ?2 AND ?3
                 GROUP BY severity, channel",
            )?;
            let mut rows = stmt.query((level as i64, first, last))?;
            while let Some(r) = rows.next()? {
                *g.counts.entry((r.get(0)?, r.get(1)?)).or_default() += Counts {
                    tickets: r.get(2)?,
                    replied: r.get(3)?,
                    resolved: r.get(4)?,
                    confirmed: r.get(5)?,
                    reopened: r.get(6)?,
                    unconfirmed: r.get(7)?,
                    contacts: r.get(8)?,
                    contacted: r.get(9)?,
                    anonymous: r.get(10)?,
                };
            }
            drop(rows);
            // Summed here rather than by SQL's GROUP BY: the rows come in key order already.
            let mut stmt = c.prepare_cached(
                "SELECT measure, dim, minutes, n FROM agg_ticket_times
                 WHERE level = ?1 AND block BETWEEN ?2 AND ?3",
            )?;
            let mut rows = stmt.query((level as i64, first, last))?;
            let mut key: Option<(String, String)> = None;
            let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
            while let Some(r) = rows.next()? {
                let text = |i: usize| -> Result<&str> {
                    Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?)
                };
                let (measure, dim) = (text(0)?, text(1)?);
                if key.as_ref().is_none_or(|(m, d)| m != measure || d != dim) {
                    if let Some(k) = key.take() {
                        merge(g.waits.entry(k).or_default(), std::mem::take(&mut counts));
                    }
                    key = Some((measure.to_string(), dim.to_string()));
                }
                *counts.entry(r.get(2)?).or_default() += r.get::<_, i64>(3)?;
            }
            if let Some(k) = key {
                merge(g.waits.entry(k).or_default(), counts);
            }
        }
        for days in BACK_DAYS {
            let (mut confirmed, mut other) = ((0, 0), (0, 0));
            for (level, first, last) in cover(from_day, to_day.min(today - days - 1)) {
                let mut stmt = c.prepare_cached(
                    "SELECT confirmed, SUM(tickets), SUM(back_30), SUM(back_90) FROM agg_ticket_back
                     WHERE level = ?1 AND block BETWEEN ?2 AND ?3 GROUP BY confirmed",
                )?;
                let mut rows = stmt.query((level as i64, first, last))?;
                while let Some(r) = rows.next()? {
                    let back: i64 = r.get(if days == 30 { 2 } else { 3 })?;
                    let to = if r.get::<_, i64>(0)? == 1 {
                        &mut confirmed
                    } else {
                        &mut other
                    };
                    to.0 += r.get::<_, i64>(1)?;
                    to.1 += back;
                }
            }
            g.back.push((confirmed, other));
        }
        let mut stmt = c.prepare_cached(
            "SELECT grp, staff, stars, SUM(n) FROM agg_rating_days WHERE day BETWEEN ?1 AND ?2
             GROUP BY grp, staff, stars",
        )?;
        let mut rows = stmt.query((from_day, to_day))?;
        while let Some(r) = rows.next()? {
            let stars: i64 = r.get(2)?;
            g.ratings.entry((r.get(0)?, r.get(1)?)).or_default()
                [(stars - 1).clamp(0, 4) as usize] += r.get::<_, i64>(3)?;
        }
        drop(rows);
        drop(stmt);
        g.visits = c.query_row(
            "SELECT COALESCE(SUM(visits), 0) FROM agg_days WHERE day BETWEEN ?1 AND ?2",
            (from_day, to_day),
            |r| r.get(0),
        )?;
        let overdue = self.overdue_by_day(from_day, to_day, now)?;
        let mut f = g.finish(from_day, to_day, today, overdue);
        f.common_problems = self.support().common_problems()?;
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_fall_in_human_steps() {
        assert!(WAIT_BUCKETS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(wait_bucket(-5), 0);
        assert_eq!(wait_bucket(59), 0);
        assert_eq!(wait_bucket(7 * 60 + 59), 6);
        assert_eq!(wait_bucket(137 * 60), 120);
        assert_eq!(bucket_end(120), Some(150));
        assert_eq!(wait_bucket(3 * 86_400), 4_320);
        assert_eq!(wait_bucket(900 * 86_400), 525_600);
        assert_eq!(bucket_end(525_600), None);
    }

    #[test]
    fn blocks_cover_a_range_exactly_once() {
        for (from, to) in [
            (0, 0),
            (3, 300),
            (0, 1000),
            (255, 257),
            (17, 31),
            (20_000, 20_730),
        ] {
            let mut days = Vec::new();
            for (level, first, last) in cover(from, to) {
                for b in first..=last {
                    days.extend(b * WIDTHS[level]..(b + 1) * WIDTHS[level]);
                }
            }
            days.sort();
            assert_eq!(days, (from..=to).collect::<Vec<_>>(), "{from}..={to}");
            assert!(cover(from, to).len() <= 9, "{:?}", cover(from, to));
        }
    }

    #[test]
    fn the_median_is_the_middle_one_of_two_the_smaller() {
        let m = |v: &[(i64, i64)]| lower_median(&v.iter().copied().collect());
        assert_eq!(m(&[]), None);
        assert_eq!(m(&[(5, 1)]), Some(5));
        assert_eq!(m(&[(5, 1), (9, 1)]), Some(5));
        assert_eq!(m(&[(5, 1), (9, 2)]), Some(9));
        assert_eq!(m(&[(1, 3), (2, 1), (3, 3)]), Some(2));
    }

    #[test]
    fn few_have_no_percentage() {
        assert_eq!(Share::new(3, 3).percent, None);
        assert_eq!(Share::new(5, 10).percent, Some(50.0));
    }
}
