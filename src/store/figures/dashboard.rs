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

use crate::store::{Result, Store, Tx};
use serde::Serialize;
use std::collections::HashMap;

const DAY: i64 = 86_400;
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
const TOP: usize = 10;

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
fn month_end(m: i64) -> i64 {
    let next = m + 1;
    jiff::civil::date(
        next.div_euclid(12) as i16,
        (next.rem_euclid(12) + 1) as i8,
        1,
    )
    .to_zoned_datetime(jiff::tz::TimeZone::UTC)
    .map_or(i64::MAX, |z| z.timestamp().as_second().div_euclid(DAY) - 1)
}

fn month_label(m: i64) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// A range starting before the first visit starts at it (so "all time" is not centuries of
/// empty weeks); one ending before it starts is just its last day.
fn clamp(from_day: i64, to_day: i64, first: Option<i64>) -> (i64, i64) {
    let from = match first {
        Some(f) if from_day < f => f.min(to_day),
        _ => from_day,
    };
    (from.min(to_day), to_day)
}

/// The median of values given as `counts[value]`.
fn median_of_counts(counts: &[u64]) -> Option<f64> {
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

fn rate(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn average(total: i64, n: i64) -> Option<f64> {
    (n > 0).then(|| total as f64 / n as f64)
}

/// Every member's visiting days, compactly: read once from the per-member-day aggregate (in
/// its own key order), then brought up to date from the change log, re-reading only the
/// members whose aggregates changed since. Kept by the store between calls.
#[derive(Debug, Default)]
pub struct MemberIndex {
    /// The last change-log entry this index includes.
    version: i64,
    /// Members as first read, by id: member `i`'s rows are `offsets[i] .. offsets[i + 1]`.
    ids: Vec<i64>,
    offsets: Vec<u32>,
    first_day: Vec<i32>,
    days: Vec<i32>,
    visits: Vec<u32>,
    /// Per member first read: [`NOT_REREAD`], or where its re-read rows are in `reread`.
    replaced: Vec<u32>,
    /// Members re-read since the first read: changed ones, and new ones (listed in `added`).
    reread: Vec<Member>,
    added: HashMap<i64, u32>,
}

const NOT_REREAD: u32 = u32::MAX;

#[derive(Debug, Default)]
struct Member {
    first_day: i32,
    days: Vec<i32>,
    visits: Vec<u32>,
}

/// One member as the figures see it: their first day ever, then their visiting days
/// (ascending) with the visits made on each.
type MemberDays<'a> = (i64, &'a [i32], &'a [u32]);

fn log_version(c: &rusqlite::Connection) -> Result<(i64, i64)> {
    Ok(c.query_row(
        // Two subqueries, so each reads one end of the key instead of the whole log.
        "SELECT COALESCE((SELECT MAX(version) FROM agg_member_log), 0),
                COALESCE((SELECT MIN(version) FROM agg_member_log), 0)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

impl MemberIndex {
    /// Reads every member's aggregates into a new index.
    pub fn load(c: &rusqlite::Connection) -> Result<MemberIndex> {
        let mut index = MemberIndex {
            version: log_version(c)?.0,
            offsets: vec![0],
            ..MemberIndex::default()
        };
        let mut firsts =
            c.prepare("SELECT customer_id, first_day FROM agg_customers ORDER BY customer_id")?;
        let mut firsts = firsts.query([])?;
        let mut days = c.prepare(
            "SELECT customer_id, day, visits FROM agg_customer_days ORDER BY customer_id, day",
        )?;
        let mut days = days.query([])?;
        let mut current: Option<i64> = None;
        while let Some(row) = days.next()? {
            let (id, day, visits): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
            if current != Some(id) {
                // The member's first day: agg_customers is read in the same order.
                loop {
                    let f = firsts.next()?.ok_or_else(disagree)?;
                    let fid: i64 = f.get(0)?;
                    if fid == id {
                        index.ids.push(id);
                        index.first_day.push(f.get::<_, i64>(1)? as i32);
                        index.offsets.push(index.days.len() as u32);
                        break;
                    }
                }
                current = Some(id);
            }
            index.days.push(day as i32);
            index.visits.push(visits as u32);
            *index.offsets.last_mut().expect("a member first") = index.days.len() as u32;
        }
        index.replaced = vec![NOT_REREAD; index.ids.len()];
        Ok(index)
    }

    /// Brings the index up to the latest aggregates: re-reads the members logged as changed
    /// since it was read, or everything when that is most of it or the log no longer reaches
    /// back far enough.
    pub fn refresh(&mut self, c: &rusqlite::Connection) -> Result<()> {
        let (latest, oldest) = log_version(c)?;
        if latest == self.version {
            return Ok(());
        }
        let afresh = || -> Result<bool> {
            if oldest > self.version + 1 || latest < self.version {
                return Ok(true);
            }
            Ok(c.prepare_cached(
                "SELECT 1 FROM agg_member_log WHERE version > ?1 AND customer_id IS NULL",
            )?
            .exists([self.version])?)
        };
        if afresh()? || self.reread.len() > self.ids.len() / 4 + 1_000 {
            *self = MemberIndex::load(c)?;
            return Ok(());
        }
        let mut stmt =
            c.prepare_cached("SELECT DISTINCT customer_id FROM agg_member_log WHERE version > ?1")?;
        let changed: Vec<i64> = stmt
            .query_map([self.version], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in changed {
            let member = Self::read_member(c, id)?;
            let slot = match self.ids.binary_search(&id) {
                Ok(i) => &mut self.replaced[i],
                Err(_) => self.added.entry(id).or_insert(NOT_REREAD),
            };
            if *slot == NOT_REREAD {
                *slot = self.reread.len() as u32;
                self.reread.push(member);
            } else {
                self.reread[*slot as usize] = member;
            }
        }
        self.version = latest;
        Ok(())
    }

    fn read_member(c: &rusqlite::Connection, id: i64) -> Result<Member> {
        let first_day: i64 = c
            .prepare_cached("SELECT first_day FROM agg_customers WHERE customer_id = ?1")?
            .query_row([id], |r| r.get(0))
            .map_err(|_| disagree())?;
        let mut member = Member {
            first_day: first_day as i32,
            ..Member::default()
        };
        let mut stmt = c.prepare_cached(
            "SELECT day, visits FROM agg_customer_days WHERE customer_id = ?1 ORDER BY day",
        )?;
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            member.days.push(row.get::<_, i64>(0)? as i32);
            member.visits.push(row.get::<_, i64>(1)? as u32);
        }
        Ok(member)
    }

    /// Members in part `k` of `n` (the parts together hold each member once).
    fn each_in_part(&self, k: usize, n: usize, mut f: impl FnMut(MemberDays<'_>)) {
        let len = self.ids.len();
        for i in len * k / n..len * (k + 1) / n {
            match self.replaced[i] {
                NOT_REREAD => {
                    let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
                    f((
                        i64::from(self.first_day[i]),
                        &self.days[a..b],
                        &self.visits[a..b],
                    ));
                }
                r => self.reread[r as usize].visit(&mut f),
            }
        }
        if k + 1 == n {
            for r in self.added.values() {
                self.reread[*r as usize].visit(&mut f);
            }
        }
    }
}

impl Member {
    fn visit(&self, f: &mut impl FnMut(MemberDays<'_>)) {
        f((i64::from(self.first_day), &self.days, &self.visits));
    }
}

fn disagree() -> crate::store::StoreError {
    crate::store::StoreError::AggregatesDisagree
}

/// What the member figures are computed over: the range, its weeks and the month of each day.
struct Span {
    from: i64,
    to: i64,
    weeks: usize,
    first_month: i64,
    last_month: i64,
    /// For every day of the range, by position: its week and its month (counted from the
    /// range's first), so the loop over members' days neither divides nor looks dates up.
    week_at: Vec<u32>,
    month_at: Vec<u32>,
}

impl Span {
    fn new(from: i64, to: i64) -> Span {
        let first_month = month_of(from);
        Span {
            from,
            to,
            weeks: ((to - from) / 7 + 1) as usize,
            first_month,
            last_month: month_of(to),
            week_at: (0..=to - from).map(|d| (d / 7) as u32).collect(),
            month_at: (from..=to)
                .map(|d| (month_of(d) - first_month) as u32)
                .collect(),
        }
    }
}

/// The member figures over a set of members: the one implementation both ways share, added
/// up member by member, and in parts that merge.
struct Tally {
    visiting: i64,
    repeat: i64,
    freq: Vec<i64>,
    /// Gaps between visiting days, counted by length: the median without sorting them all.
    gaps: Vec<u64>,
    new_w: Vec<i64>,
    ret_w: Vec<i64>,
    /// Per month of the range: the cohort's size and members retained `k` months later.
    cohorts: Vec<(i64, Vec<i64>)>,
}

impl Tally {
    fn new(span: &Span) -> Tally {
        Tally {
            visiting: 0,
            repeat: 0,
            freq: vec![0; BUCKETS.len()],
            gaps: vec![0; (span.to - span.from + 1).max(1) as usize],
            new_w: vec![0; span.weeks],
            ret_w: vec![0; span.weeks],
            cohorts: (span.first_month..=span.last_month)
                .map(|m| (0, vec![0; (span.last_month - m + 1) as usize]))
                .collect(),
        }
    }

    fn add(&mut self, span: &Span, (first, all_days, all_visits): MemberDays<'_>) {
        let (from, to) = (span.from, span.to);
        let lo = all_days.partition_point(|d| i64::from(*d) < from);
        let hi = all_days.partition_point(|d| i64::from(*d) <= to);
        if lo == hi {
            return;
        }
        // One pass over the member's days in the range: visits, gaps, weeks and months.
        let joined = first - from;
        let cohort = (first >= from && first <= to).then(|| span.month_at[joined as usize]);
        let mut total = 0i64;
        let (mut prev, mut last_week, mut last_month) = (None, u32::MAX, u32::MAX);
        for (&day, &visits) in all_days[lo..hi].iter().zip(&all_visits[lo..hi]) {
            total += i64::from(visits);
            if let Some(p) = prev {
                self.gaps[(day - p) as usize] += 1;
            }
            prev = Some(day);
            let at = (i64::from(day) - from) as usize;
            let week = span.week_at[at];
            if week != last_week {
                last_week = week;
                // New in the week of their first visit ever, returning in any later one.
                if joined >= 7 * i64::from(week) {
                    self.new_w[week as usize] += 1;
                } else {
                    self.ret_w[week as usize] += 1;
                }
            }
            if let Some(c) = cohort {
                let month = span.month_at[at];
                if month != last_month {
                    last_month = month;
                    let retained = &mut self.cohorts[c as usize].1;
                    if let Some(r) = month
                        .checked_sub(c)
                        .and_then(|k| retained.get_mut(k as usize))
                    {
                        *r += 1;
                    }
                }
            }
        }
        if let Some(c) = cohort {
            self.cohorts[c as usize].0 += 1;
        }
        self.visiting += 1;
        if total >= 2 {
            self.repeat += 1;
        }
        if let Some(b) = BUCKETS.iter().position(|b| (b.1..=b.2).contains(&total)) {
            self.freq[b] += 1;
        }
    }

    fn merge(mut self, other: Tally) -> Tally {
        fn add_all<T: std::ops::AddAssign + Copy>(a: &mut [T], b: &[T]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += *y);
        }
        self.visiting += other.visiting;
        self.repeat += other.repeat;
        add_all(&mut self.freq, &other.freq);
        add_all(&mut self.gaps, &other.gaps);
        add_all(&mut self.new_w, &other.new_w);
        add_all(&mut self.ret_w, &other.ret_w);
        for (mine, theirs) in self.cohorts.iter_mut().zip(&other.cohorts) {
            mine.0 += theirs.0;
            add_all(&mut mine.1, &theirs.1);
        }
        self
    }

    fn finish(self, span: &Span) -> MemberFigures {
        MemberFigures {
            visiting: self.visiting,
            repeat: self.repeat,
            freq: self.freq,
            median_gap: median_of_counts(&self.gaps),
            weeks: (0..span.weeks)
                .map(|w| Week {
                    start_day: span.from + 7 * w as i64,
                    new_members: self.new_w[w],
                    returning_members: self.ret_w[w],
                })
                .collect(),
            cohorts: (span.first_month..)
                .zip(self.cohorts)
                .filter(|(_, (size, _))| *size > 0)
                .map(|(m, (size, retained))| Cohort {
                    month: month_label(m),
                    size,
                    retained,
                    last_to_date: span.to < month_end(span.last_month),
                })
                .collect(),
        }
    }
}

/// Members per thread below which the figures are computed on one thread.
const MEMBERS_PER_THREAD: usize = 50_000;

/// The member figures from the index, on up to as many threads as there are cores.
fn member_figures(span: &Span, index: &MemberIndex) -> MemberFigures {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let n = (index.ids.len() / MEMBERS_PER_THREAD).clamp(1, cores.min(8));
    let tally = |k: usize| {
        let mut t = Tally::new(span);
        index.each_in_part(k, n, |m| t.add(span, m));
        t
    };
    let total = if n == 1 {
        tally(0)
    } else {
        std::thread::scope(|s| {
            let parts: Vec<_> = (1..n).map(|k| s.spawn(move || tally(k))).collect();
            let mine = tally(0);
            parts
                .into_iter()
                .map(|p| p.join().expect("a figures thread panicked"))
                .fold(mine, Tally::merge)
        })
    };
    total.finish(span)
}

struct MemberFigures {
    visiting: i64,
    repeat: i64,
    freq: Vec<i64>,
    median_gap: Option<f64>,
    weeks: Vec<Week>,
    cohorts: Vec<Cohort>,
}

/// Totals both ways share the shape of.
#[derive(Default)]
struct Totals {
    visits: i64,
    member_visits: i64,
    member_spend: i64,
    anon_spend: i64,
    refunded: i64,
    points: HashMap<String, i64>,
    /// The support figures, computed their own way (aggregates or raw rows).
    support: Option<crate::store::SupportFigures>,
}

impl Tx<'_> {
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

    /// The figures both ways share: totals and member figures in, plus the small tables
    /// (referrals, ratings, tickets) read directly.
    fn assemble(
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
            tx.figures_with(index, from_day, to_day, now)
        });
        // An index that failed half-way through catching up is read afresh next time.
        self.member_index = if out.is_ok() { kept } else { None };
        out
    }
}
