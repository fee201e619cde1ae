//! The owner's figures as CSV files (one per figure, and the raw visits of the range), for
//! `regulars stats --csv DIR` and the dashboard's Export button.

use crate::domain::spreadsheet::safe_cell;
use crate::i18n::Language;
use crate::store::{Figures, Store};
use std::path::{Path, PathBuf};

/// A UTC day number as YYYY-MM-DD.
pub fn day_label(day: i64) -> String {
    jiff::Timestamp::from_second(day * 86_400)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| day.to_string())
}

/// The UTC day number of a YYYY-MM-DD date.
pub fn day_of(date: &str) -> Option<i64> {
    let d: jiff::civil::Date = date.trim().parse().ok()?;
    let z = d.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok()?;
    Some(z.timestamp().as_second().div_euclid(86_400))
}

/// Why the figures could not be written as CSV files.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Result of writing a report.
pub type Result<T, E = ReportError> = std::result::Result<T, E>;

fn write(dir: &Path, name: &str, header: &[&str], rows: Vec<Vec<String>>) -> Result<PathBuf> {
    let path = dir.join(name);
    let written = (|| -> std::result::Result<(), csv::Error> {
        let mut w = csv::Writer::from_path(&path)?;
        w.write_record(header)?;
        for r in rows {
            // Names and codes come from customers: never a formula in the owner's spreadsheet.
            w.write_record(r.iter().map(|c| safe_cell(c).into_owned()))?;
        }
        w.flush()?;
        Ok(())
    })();
    written.map_err(|e| ReportError::Write {
        path: path.clone(),
        source: e.into(),
    })?;
    Ok(path)
}

/// Writes every figure (and the range's visits) as CSV into `dir`; returns the files.
pub fn write_csv(
    dir: &Path,
    f: &Figures,
    store: &mut Store,
    currency: crate::domain::money::Currency,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| ReportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut summary = summary(f, currency);
    summary.extend(support::summary(&f.support));
    files.push(write(
        dir,
        "summary.csv",
        &["figure", "value"],
        summary.into_iter().map(|(k, v)| vec![k, v]).collect(),
    )?);
    files.extend(support_csv(dir, &f.support)?);
    files.extend(member_tables(dir, f)?);
    files.extend(customer_tables(dir, f, currency)?);
    files.push(visits_table(dir, f, store, currency)?);
    Ok(files)
}

/// The headline figures, one (name, value) each.
fn summary(f: &Figures, currency: crate::domain::money::Currency) -> Vec<(String, String)> {
    let money = |m: i64| currency.format(m);
    let opt = |v: Option<f64>| v.map(|x| format!("{x:.2}")).unwrap_or_default();
    vec![
        ("from", day_label(f.from_day)),
        ("to", day_label(f.to_day)),
        ("visits", f.visits.to_string()),
        ("member_visits", f.member_visits.to_string()),
        ("anonymous_visits", f.anonymous_visits.to_string()),
        ("visiting_members", f.visiting_members.to_string()),
        ("repeat_members", f.repeat_members.to_string()),
        ("repeat_visit_rate", format!("{:.4}", f.repeat_visit_rate)),
        (
            "median_days_between_visits",
            opt(f.median_days_between_visits),
        ),
        ("member_spend", money(f.member_spend)),
        ("anonymous_spend", money(f.anonymous_spend)),
        (
            "member_average_spend",
            opt(f
                .member_average_spend
                .map(|x| x / currency.minor_per_major() as f64)),
        ),
        (
            "anonymous_average_spend",
            opt(f
                .anonymous_average_spend
                .map(|x| x / currency.minor_per_major() as f64)),
        ),
        ("refunded", money(f.refunded)),
        ("points_issued", f.points_issued.to_string()),
        ("points_redeemed", f.points_redeemed.to_string()),
        ("points_expired", f.points_expired.to_string()),
        ("points_refunded", f.points_refunded.to_string()),
        ("points_adjusted", f.points_adjusted.to_string()),
        ("redemption_rate", format!("{:.4}", f.redemption_rate)),
        ("points_outstanding", f.points_outstanding.to_string()),
        (
            "referral_codes_shared",
            f.referrals.codes_shared.to_string(),
        ),
        (
            "referral_friends_enrolled",
            f.referrals.friends_enrolled.to_string(),
        ),
        ("referrals_rewarded", f.referrals.rewarded.to_string()),
        ("referrals_pending", f.referrals.pending.to_string()),
        (
            "referrals_after_redemption",
            f.referrals.after_redemption.to_string(),
        ),
        ("referrals_other_times", f.referrals.other_times.to_string()),
        ("rating_average", opt(f.rating_average)),
        ("tickets_opened", f.tickets_opened.to_string()),
        ("tickets_resolved", f.tickets_resolved.to_string()),
        ("tickets_open_now", f.tickets_open_now.to_string()),
        ("tickets_overdue_now", f.tickets_overdue_now.to_string()),
        ("median_hours_to_resolve", opt(f.median_hours_to_resolve)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect::<Vec<_>>()
}

/// New and returning members by week, visit frequency and cohorts.
fn member_tables(dir: &Path, f: &Figures) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    files.push(write(
        dir,
        "weeks.csv",
        &["week_starting", "new_members", "returning_members"],
        f.weeks
            .iter()
            .map(|w| {
                vec![
                    day_label(w.start_day),
                    w.new_members.to_string(),
                    w.returning_members.to_string(),
                ]
            })
            .collect(),
    )?);
    files.push(write(
        dir,
        "visit_frequency.csv",
        &["visits_in_range", "members"],
        f.frequency
            .iter()
            .map(|(b, n)| vec![b.clone(), n.to_string()])
            .collect(),
    )?);
    let longest = f.cohort_months();
    let mut header = vec!["cohort".to_string(), "members".to_string()];
    header.extend((0..longest).map(|k| format!("month_{k}")));
    // The last month counted may not be over: say so rather than let it read as a collapse.
    header.push("last_month_to_date".to_string());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    files.push(write(
        dir,
        "cohorts.csv",
        &header_refs,
        f.cohorts
            .iter()
            .map(|c| {
                let mut r = vec![c.month.clone(), c.size.to_string()];
                r.extend(c.retained.iter().map(|n| n.to_string()));
                r.resize(longest + 2, String::new());
                r.push(c.last_to_date.to_string());
                r
            })
            .collect(),
    )?);
    Ok(files)
}

/// The top customers, refused referrals and ratings.
fn customer_tables(
    dir: &Path,
    f: &Figures,
    currency: crate::domain::money::Currency,
) -> Result<Vec<PathBuf>> {
    let money = |m: i64| currency.format(m);
    let mut files = Vec::new();
    for (name, list) in [
        ("top_by_spend.csv", &f.top_by_spend),
        ("top_by_visits.csv", &f.top_by_visits),
    ] {
        files.push(write(
            dir,
            name,
            &["code", "name", "visits", "spend"],
            list.iter()
                .map(|t| {
                    vec![
                        t.code.clone(),
                        t.name.clone().unwrap_or_default(),
                        t.visits.to_string(),
                        money(t.spend),
                    ]
                })
                .collect(),
        )?);
    }
    files.push(write(
        dir,
        "referrals_refused.csv",
        &["reason", "referrals"],
        f.referrals
            .refused
            .iter()
            .map(|(r, n)| vec![r.clone(), n.to_string()])
            .collect(),
    )?);
    files.push(write(
        dir,
        "ratings.csv",
        &["stars", "ratings"],
        f.ratings
            .iter()
            .enumerate()
            .map(|(i, n)| vec![(i + 1).to_string(), n.to_string()])
            .collect(),
    )?);
    Ok(files)
}

/// The range's visits, one row each.
fn visits_table(
    dir: &Path,
    f: &Figures,
    store: &mut Store,
    currency: crate::domain::money::Currency,
) -> Result<PathBuf> {
    let money = |m: i64| currency.format(m);
    let visits = store.read(|tx| {
        tx.counter()
            .visits_between(f.from_day * 86_400, (f.to_day + 1) * 86_400)
    })?;
    write(
        dir,
        "visits.csv",
        &[
            "visit",
            "at",
            "amount",
            "refunded",
            "customer",
            "receipt",
            "points_earned",
        ],
        visits
            .into_iter()
            .map(|v| {
                vec![
                    format!("V{}", v.id),
                    crate::clock::local_time(v.at),
                    money(v.amount),
                    money(v.refunded),
                    v.customer.unwrap_or_default(),
                    v.receipt.unwrap_or_default(),
                    v.points_earned.to_string(),
                ]
            })
            .collect(),
    )
}

/// A share as a percentage, the local way.
pub fn pct(x: f64, w: &Language) -> String {
    format!("{}%", w.numbers.fixed(x * 100.0, 1))
}

/// A figure with one decimal, the local way (`-` when there is none).
pub fn one_decimal(x: Option<f64>, w: &Language) -> String {
    x.map(|v| w.numbers.fixed(v, 1))
        .unwrap_or_else(|| w.t("dash-none"))
}

/// An average rating in words: "4.50 of 5 (12 ratings)", or "no ratings".
pub fn rating_words(average: Option<f64>, count: i64, w: &Language) -> String {
    match average {
        Some(r) => w.t_args(
            "dash-rating-value",
            &[
                ("average", w.numbers.fixed(r, 2).into()),
                ("count", count.into()),
            ],
        ),
        None => w.t("dash-no-ratings"),
    }
}

/// Words for one frame of figures: the language and the shop's currency.
pub struct Say<'a> {
    pub w: &'a Language,
    pub currency: crate::domain::money::Currency,
}

impl Say<'_> {
    pub fn t(&self, id: &str, args: &[crate::i18n::Arg]) -> String {
        self.w.t_args(id, args)
    }
    pub fn n(&self, n: i64) -> fluent_bundle::FluentValue<'static> {
        self.w.number(n).into()
    }
    pub fn money(&self, m: i64) -> String {
        self.w.amount(m, self.currency)
    }
    pub fn average(&self, a: Option<f64>) -> String {
        a.map(|v| self.money(v.round() as i64))
            .unwrap_or_else(|| self.w.t("dash-none"))
    }
}

/// The owner's headline figures for a range, in words: (name, value) rows, for the dashboard
/// and `regulars stats`.
pub fn headline(
    f: &Figures,
    w: &Language,
    currency: crate::domain::money::Currency,
) -> Vec<(String, String)> {
    let say = Say { w, currency };
    let mut rows = Vec::new();
    let mut row = |k: &str, v: String| rows.push((w.t(k), v));
    row(
        "dash-repeat-rate",
        say.t(
            "dash-repeat-rate-value",
            &[
                ("rate", pct(f.repeat_visit_rate, w).into()),
                ("repeat", say.n(f.repeat_members)),
                ("visiting", say.n(f.visiting_members)),
            ],
        ),
    );
    row(
        "dash-visits",
        say.t(
            "dash-visits-value",
            &[
                ("visits", say.n(f.visits)),
                ("members", say.n(f.member_visits)),
                ("anonymous", say.n(f.anonymous_visits)),
            ],
        ),
    );
    row(
        "dash-median-days",
        one_decimal(f.median_days_between_visits, w),
    );
    row(
        "dash-average-spend",
        say.t(
            "dash-average-spend-value",
            &[
                ("members", say.average(f.member_average_spend).into()),
                ("anonymous", say.average(f.anonymous_average_spend).into()),
            ],
        ),
    );
    row(
        "dash-points",
        say.t(
            "dash-points-value",
            &[
                ("issued", say.n(f.points_issued)),
                ("redeemed", say.n(f.points_redeemed)),
                ("expired", say.n(f.points_expired)),
                ("outstanding", say.n(f.points_outstanding)),
            ],
        ),
    );
    row("dash-redemption-rate", pct(f.redemption_rate, w));
    let refused: i64 = f.referrals.refused.iter().map(|r| r.1).sum();
    row(
        "dash-referrals",
        say.t(
            "dash-referrals-value",
            &[
                ("shared", say.n(f.referrals.codes_shared)),
                ("enrolled", say.n(f.referrals.friends_enrolled)),
                ("rewarded", say.n(f.referrals.rewarded)),
                ("pending", say.n(f.referrals.pending)),
                ("refused", say.n(refused)),
            ],
        ),
    );
    row(
        "dash-referral-moment",
        say.t(
            "dash-referral-moment-value",
            &[
                ("after", say.n(f.referrals.after_redemption)),
                ("other", say.n(f.referrals.other_times)),
                ("days", crate::store::REFERRAL_MOMENT_DAYS.into()),
            ],
        ),
    );
    let rated: i64 = f.ratings.iter().sum();
    row(
        "dash-average-rating",
        rating_words(f.rating_average, rated, w),
    );
    let median = match f.median_hours_to_resolve {
        Some(h) => say.t("dash-hours", &[("hours", one_decimal(Some(h), w).into())]),
        None => w.t("dash-none"),
    };
    row(
        "dash-tickets",
        say.t(
            "dash-tickets-value",
            &[
                ("opened", say.n(f.tickets_opened)),
                ("resolved", say.n(f.tickets_resolved)),
                ("open", say.n(f.tickets_open_now)),
                ("median", median.into()),
            ],
        ),
    );
    row(
        "dash-overdue",
        say.t(
            "dash-overdue-value",
            &[("count", say.n(f.tickets_overdue_now))],
        ),
    );
    rows
}

mod support;
pub use support::{duration, problems_table, share, support_csv, support_rows, support_tables};
