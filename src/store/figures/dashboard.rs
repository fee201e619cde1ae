//! The owner's figures for a range of days, from the aggregates (never from every visit), and
//! the same figures computed the slow way from the raw rows, which the tests compare against.
//!
//! Definitions (days are UTC day numbers; a range is `from_day ..= to_day`):
//! - visits count when made in the range, refunded or not; spend is before refunds;
//! - a member visits in a range when they have a visit in it; repeat members have two or more;
//! - weeks are 7-day blocks from `from_day` (the last may be shorter); a member is new in the
//!   week of their first visit ever, returning in a week they visit after that week began;
//! - days between visits are the gaps between a member's visiting days within the range;
//! - a cohort is the members whose first visit ever fell in a month of the range; `retained[k]`
//!   counts those visiting in the cohort's month + k (only months within the range); the
//!   last month of the range counts only up to its last day, and when that is not the
//!   month's own last day (a month in progress) every cohort says so (`last_to_date`);
//! - top customers are over their whole history, by spend after refunds, and by visits;
//! - points issued are earned plus referral bonuses; redeemed, expired, refunded are what left
//!   by each way; the redemption rate is redeemed / issued;
//! - referrals, ratings and tickets count when made, given or opened in the range.

use super::members::{MemberFigures, MemberIndex, Span, member_figures};
use crate::store::{Result, Store};
use serde::Serialize;
use std::collections::HashMap;

pub(super) const DAY: i64 = 86_400;
/// Visit-count buckets of the frequency histogram: (label, lowest, highest).
pub const BUCKETS: &[(&str, i64, i64)] = &[
    ("1", 1, 1),
    ("2", 2, 2),
    ("3", 3, 3),
    ("4", 4, 4),
    ("5", 5, 5),
    ("6-10", 6, 10),
    ("11+", 11, i64::MAX),
];
pub(super) const TOP: usize = 10;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Week {
    pub start_day: i64,
    pub new_members: i64,
    pub returning_members: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cohort {
    /// "2026-01"
    pub month: String,
    pub size: i64,
    pub retained: Vec<i64>,
    /// The last of `retained` is a month not over at the range's end (counted to date), not a
    /// whole month: on 6 December, November's "+1 month" holds six days of December.
    pub last_to_date: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopCustomer {
    pub code: String,
    pub name: Option<String>,
    pub visits: i64,
    /// Lifetime spend after refunds, minor units.
    pub spend: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Funnel {
    /// Members whose code brought at least one friend in the range.
    pub codes_shared: i64,
    pub friends_enrolled: i64,
    /// Friends who made their first qualifying purchase: both were rewarded.
    pub rewarded: i64,
    pub pending: i64,
    /// Refused, by reason.
    pub refused: Vec<(String, i64)>,
    /// Of the friends enrolled, those brought within [`REFERRAL_MOMENT_DAYS`] after their
    /// referrer redeemed a reward (the moment the counter and the receipt ask), and the rest.
    pub after_redemption: i64,
    pub other_times: i64,
}

/// How long after a redemption a referral counts as made "right after" it.
pub const REFERRAL_MOMENT_DAYS: i64 = 7;

/// Every figure of the owner's dashboard for one range.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figures {
    pub from_day: i64,
    pub to_day: i64,
    pub visits: i64,
    pub member_visits: i64,
    pub anonymous_visits: i64,
    pub visiting_members: i64,
    pub repeat_members: i64,
    pub repeat_visit_rate: f64,
    pub weeks: Vec<Week>,
    /// Members by their number of visits in the range, in [`BUCKETS`] order.
    pub frequency: Vec<(String, i64)>,
    pub median_days_between_visits: Option<f64>,
    pub cohorts: Vec<Cohort>,
    pub top_by_spend: Vec<TopCustomer>,
    pub top_by_visits: Vec<TopCustomer>,
    pub member_spend: i64,
    pub anonymous_spend: i64,
    pub member_average_spend: Option<f64>,
    pub anonymous_average_spend: Option<f64>,
    pub refunded: i64,
    pub points_issued: i64,
    pub points_redeemed: i64,
    pub points_expired: i64,
    pub points_refunded: i64,
    pub points_adjusted: i64,
    pub redemption_rate: f64,
    /// Points held now, not expired: the shop's liability (not limited to the range).
    pub points_outstanding: i64,
    pub referrals: Funnel,
    pub ratings: [i64; 5],
    pub rating_average: Option<f64>,
    pub tickets_opened: i64,
    pub tickets_resolved: i64,
    pub tickets_open_now: i64,
    /// Of those, past their reply or resolve target (`[support] reply_within`,
    /// `resolve_within`) now.
    pub tickets_overdue_now: i64,
    pub median_hours_to_resolve: Option<f64>,
    /// Everything about support: waits, outcomes, effort, coming back, ratings.
    pub support: crate::store::SupportFigures,
}

impl Figures {
    /// How many months the longest cohort row runs to: the columns of the retention table.
    pub fn cohort_months(&self) -> usize {
        self.cohorts
            .iter()
            .map(|c| c.retained.len())
            .max()
            .unwrap_or(0)
    }
}

/// The month index (year × 12 + month − 1) of a UTC day number.
pub fn month_of(day: i64) -> i64 {
    let date = jiff::Timestamp::from_second(day * DAY)
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
        .unwrap_or_default();
    i64::from(date.year()) * 12 + i64::from(date.month()) - 1
}

/// The last day (UTC day number) of month `m` (as [`month_of`] numbers them).
pub(super) fn month_end(m: i64) -> i64 {
    let next = m + 1;
    jiff::civil::date(
        next.div_euclid(12) as i16,
        (next.rem_euclid(12) + 1) as i8,
        1,
    )
    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
    .map_or(i64::MAX, |z| z.timestamp().as_second().div_euclid(DAY) - 1)
}

pub(super) fn month_label(m: i64) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// A range starting before the first visit starts at it (so "all time" is not centuries of
/// empty weeks); one ending before it starts is just its last day.
pub(super) fn clamp(from_day: i64, to_day: i64, first: Option<i64>) -> (i64, i64) {
    let from = match first {
        Some(f) if from_day < f => f.min(to_day),
        _ => from_day,
    };
    (from.min(to_day), to_day)
}

/// The median of values given as `counts[value]`.
pub(super) fn median_of_counts(counts: &[u64]) -> Option<f64> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let nth = |k: u64| {
        let mut seen = 0;
        for (v, c) in counts.iter().enumerate() {
            seen += c;
            if seen > k {
                return v as f64;
            }
        }
        unreachable!("k < n")
    };
    Some(if n % 2 == 1 {
        nth(n / 2)
    } else {
        (nth(n / 2 - 1) + nth(n / 2)) / 2.0
    })
}

pub(super) fn rate(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

pub(super) fn average(total: i64, n: i64) -> Option<f64> {
    (n > 0).then(|| total as f64 / n as f64)
}

/// Totals both ways share the shape of.
#[derive(Default)]
pub(super) struct Totals {
    pub(super) visits: i64,
    pub(super) member_visits: i64,
    pub(super) member_spend: i64,
    pub(super) anon_spend: i64,
    pub(super) refunded: i64,
    pub(super) points: HashMap<String, i64>,
    /// The support figures, computed their own way (aggregates or raw rows).
    pub(super) support: Option<crate::store::SupportFigures>,
}

impl super::Room<'_, '_> {
    /// The figures from the aggregates (reading the member index afresh; [`Store::figures`]
    /// keeps it between calls).
    pub fn figures(&self, from_day: i64, to_day: i64, now: i64) -> Result<Figures> {
        let index = MemberIndex::load(&self.tx)?;
        self.figures_with(&index, from_day, to_day, now)
    }

    /// The figures from the aggregates, with the member index already read.
    pub fn figures_with(
        &self,
        index: &MemberIndex,
        from_day: i64,
        to_day: i64,
        now: i64,
    ) -> Result<Figures> {
        let c = &self.tx;
        let first: Option<i64> = c.query_row("SELECT MIN(day) FROM agg_days", [], |r| r.get(0))?;
        let (from_day, to_day) = clamp(from_day, to_day, first);
        let mut t = Totals::default();
        (
            t.visits,
            t.member_visits,
            t.member_spend,
            t.anon_spend,
            t.refunded,
        ) = c.query_row(
            "SELECT COALESCE(SUM(visits), 0), COALESCE(SUM(member_visits), 0),
                    COALESCE(SUM(member_spend), 0), COALESCE(SUM(anon_spend), 0),
                    COALESCE(SUM(refunded), 0)
             FROM agg_days WHERE day BETWEEN ?1 AND ?2",
            (from_day, to_day),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let mut stmt = c.prepare_cached(
            "SELECT kind, SUM(points) FROM agg_points_days WHERE day BETWEEN ?1 AND ?2 GROUP BY kind",
        )?;
        for row in stmt.query_map((from_day, to_day), |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (k, p): (String, i64) = row?;
            t.points.insert(k, p);
        }
        drop(stmt);
        let top = |order: &str| -> Result<Vec<TopCustomer>> {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT c.code, c.name, a.visits, a.spend - a.refunded
                 FROM agg_customers a JOIN customers c ON c.id = a.customer_id
                 ORDER BY {order}, a.customer_id LIMIT {TOP}"
            ))?;
            let rows = stmt.query_map([], |r| {
                Ok(TopCustomer {
                    code: crate::domain::code::CustomerCode::from_stored(r.get(0)?).to_string(),
                    name: r.get(1)?,
                    visits: r.get(2)?,
                    spend: r.get(3)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let top_by_spend = top("a.spend - a.refunded DESC")?;
        let top_by_visits = top("a.visits DESC")?;
        let m = member_figures(&Span::new(from_day, to_day), index);
        t.support = Some(self.support_figures(from_day, to_day, now)?);
        self.assemble(from_day, to_day, now, t, m, (top_by_spend, top_by_visits))
    }

    /// The figures both ways share: totals and member figures in, plus the small tables
    /// (referrals, ratings, tickets) read directly.
    pub(super) fn assemble(
        &self,
        from_day: i64,
        to_day: i64,
        now: i64,
        mut t: Totals,
        m: MemberFigures,
        (top_by_spend, top_by_visits): (Vec<TopCustomer>, Vec<TopCustomer>),
    ) -> Result<Figures> {
        let support = t
            .support
            .take()
            .expect("both ways compute the support figures");
        let c = &self.tx;
        let (lo, hi) = (from_day * DAY, (to_day + 1) * DAY);
        let p = |k: &str| t.points.get(k).copied().unwrap_or(0);
        let issued = p("earn") + p("referral");
        // Every balance is the sum of its events, so all balances are the sum of all events.
        let held: i64 = c.query_row(
            "SELECT COALESCE(SUM(points), 0) FROM agg_points_days",
            [],
            |r| r.get(0),
        )?;
        let lapsed: i64 = c.query_row(
            "SELECT COALESCE(SUM(remaining), 0) FROM points_events
             WHERE remaining > 0 AND expires_at <= ?1",
            [now],
            |r| r.get(0),
        )?;
        // Every referral figure in one pass over the range's rows (the index on `at` covers
        // them); distinct referrers are counted here rather than in a temporary SQL b-tree.
        let (mut friends_enrolled, mut rewarded, mut pending) = (0i64, 0i64, 0i64);
        let mut referrers = std::collections::HashSet::new();
        let mut refusals: HashMap<String, i64> = HashMap::new();
        let mut after_redemption = 0i64;
        let mut stmt = c.prepare_cached(
            "SELECT f.status, f.referrer_id, f.reason,
                    EXISTS (SELECT 1 FROM redemptions d WHERE d.customer_id = f.referrer_id
                            AND d.at <= f.at AND d.at >= f.at - ?3)
             FROM referrals f WHERE f.at >= ?1 AND f.at < ?2",
        )?;
        let mut rows = stmt.query((lo, hi, REFERRAL_MOMENT_DAYS * DAY))?;
        while let Some(r) = rows.next()? {
            match r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)? {
                "refused" => {
                    let reason = r.get::<_, Option<String>>(2)?;
                    *refusals
                        .entry(reason.unwrap_or_else(|| "unknown".into()))
                        .or_default() += 1;
                    continue;
                }
                "rewarded" => rewarded += 1,
                "pending" => pending += 1,
                _ => {}
            }
            friends_enrolled += 1;
            after_redemption += r.get::<_, i64>(3)?;
            referrers.insert(r.get::<_, i64>(1)?);
        }
        drop(rows);
        drop(stmt);
        let codes_shared = referrers.len() as i64;
        let mut refused: Vec<(String, i64)> = refusals.into_iter().collect();
        refused.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut ratings = [0i64; 5];
        let mut stmt = c.prepare_cached(
            "SELECT r.stars, COUNT(*) FROM ratings r JOIN visits v ON v.id = r.visit_id
             WHERE r.first_at >= ?1 AND r.first_at < ?2 AND v.origin IS NULL
             GROUP BY r.stars",
        )?;
        for row in stmt.query_map((lo, hi), |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
            let (stars, n) = row?;
            ratings[(stars - 1).clamp(0, 4) as usize] = n;
        }
        drop(stmt);
        let rated: i64 = ratings.iter().sum();
        let star_sum: i64 = ratings
            .iter()
            .enumerate()
            .map(|(i, n)| (i as i64 + 1) * n)
            .sum();
        Ok(Figures {
            from_day,
            to_day,
            visits: t.visits,
            member_visits: t.member_visits,
            anonymous_visits: t.visits - t.member_visits,
            visiting_members: m.visiting,
            repeat_members: m.repeat,
            repeat_visit_rate: rate(m.repeat, m.visiting),
            weeks: m.weeks,
            frequency: BUCKETS
                .iter()
                .zip(m.freq)
                .map(|(b, n)| (b.0.to_string(), n))
                .collect(),
            median_days_between_visits: m.median_gap,
            cohorts: m.cohorts,
            top_by_spend,
            top_by_visits,
            member_spend: t.member_spend,
            anonymous_spend: t.anon_spend,
            member_average_spend: average(t.member_spend, t.member_visits),
            anonymous_average_spend: average(t.anon_spend, t.visits - t.member_visits),
            refunded: t.refunded,
            points_issued: issued,
            points_redeemed: -p("redeem"),
            points_expired: -p("expire"),
            points_refunded: -p("refund"),
            points_adjusted: p("adjust"),
            redemption_rate: rate(-p("redeem"), issued),
            points_outstanding: held - lapsed,
            referrals: Funnel {
                codes_shared,
                friends_enrolled,
                rewarded,
                pending,
                refused,
                after_redemption,
                other_times: friends_enrolled - after_redemption,
            },
            ratings,
            rating_average: average(star_sum, rated),
            tickets_opened: support.tickets,
            tickets_resolved: support.resolved,
            tickets_open_now: c.query_row(
                "SELECT COUNT(*) FROM tickets WHERE status IN ('open', 'waiting') AND origin IS NULL",
                [],
                |r| r.get(0),
            )?,
            tickets_overdue_now: self.overdue_at(now)?,
            median_hours_to_resolve: support
                .resolution
                .all
                .median_minutes
                .map(|m| m as f64 / 60.0),
            support,
        })
    }
}

impl Store {
    /// The owner's figures for `from_day ..= to_day`. The member index is read once, kept,
    /// and brought up to date from the change log on each call.
    pub fn figures(&mut self, from_day: i64, to_day: i64, now: i64) -> Result<Figures> {
        let mut kept = self.member_index.take();
        let out = self.read(|tx| {
            let index = match kept.as_mut() {
                Some(index) => {
                    index.refresh(&tx.tx)?;
                    index
                }
                None => kept.insert(MemberIndex::load(&tx.tx)?),
            };
            tx.figures().figures_with(index, from_day, to_day, now)
        });
        // An index that failed half-way through catching up is read afresh next time.
        self.member_index = if out.is_ok() { kept } else { None };
        out
    }
}
