//! The member figures (repeat visits, frequency, weeks, cohorts, days between visits): the
//! compact index of every member's visiting days, and the one tally both ways of computing
//! the figures share, added up member by member and in parts that merge across threads.

use super::dashboard::{BUCKETS, Cohort, Week, median_of_counts, month_end, month_label, month_of};
use crate::store::Result;
use std::collections::HashMap;

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
pub(super) struct Span {
    pub(super) from: i64,
    pub(super) to: i64,
    pub(super) weeks: usize,
    pub(super) first_month: i64,
    pub(super) last_month: i64,
    /// For every day of the range, by position: its week and its month (counted from the
    /// range's first), so the loop over members' days neither divides nor looks dates up.
    pub(super) week_at: Vec<u32>,
    pub(super) month_at: Vec<u32>,
}

impl Span {
    pub(super) fn new(from: i64, to: i64) -> Span {
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
pub(super) struct Tally {
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
    pub(super) fn new(span: &Span) -> Tally {
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

    pub(super) fn add(&mut self, span: &Span, (first, all_days, all_visits): MemberDays<'_>) {
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

    pub(super) fn finish(self, span: &Span) -> MemberFigures {
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
pub(super) fn member_figures(span: &Span, index: &MemberIndex) -> MemberFigures {
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

pub(super) struct MemberFigures {
    pub(super) visiting: i64,
    pub(super) repeat: i64,
    pub(super) freq: Vec<i64>,
    pub(super) median_gap: Option<f64>,
    pub(super) weeks: Vec<Week>,
    pub(super) cohorts: Vec<Cohort>,
}
