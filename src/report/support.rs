//! The support figures in words (the dashboard, `regulars stats`) and as CSV files: how long
//! customers waited, how tickets ended, the effort they made, whether they came back, and the
//! ratings of the quiet ones and by staff on duty. A share of fewer than
//! [`FEW`](crate::store::FEW) tickets is given as its counts, saying they are too few.

use super::{day_label, one_decimal, write};
use crate::i18n::Language;
use crate::store::{RatedGroup, Share, SupportFigures, Wait};
use std::path::{Path, PathBuf};

/// A wait in minutes, the local way: "45 min", "3 h", "3 h 10 min", "2 d", "2 d 4 h" (a wait
/// of days is told to the hour).
pub fn duration(minutes: i64, w: &Language) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (d, h, m) {
        (0, 0, _) => w.t_args("dur-minutes", &[("minutes", m.into())]),
        (0, _, 0) => w.t_args("dur-hours-only", &[("hours", h.into())]),
        (0, _, _) => w.t_args("dur-hours", &[("hours", h.into()), ("minutes", m.into())]),
        (_, 0, _) => w.t_args("dur-days-only", &[("days", d.into())]),
        _ => w.t_args("dur-days", &[("days", d.into()), ("hours", h.into())]),
    }
}

/// "7 of 20 (35.0%)", or just "3 of 3" when too few for a percentage (the row says so once:
/// see [`few_note`]).
pub fn share(s: &Share, w: &Language) -> String {
    let counts = [
        ("part", w.number(s.part).into()),
        ("whole", w.number(s.whole).into()),
    ];
    match s.percent {
        Some(p) => {
            let mut args = counts.to_vec();
            args.push(("percent", format!("{}%", w.numbers.fixed(p, 1)).into()));
            w.t_args("dash-share", &args)
        }
        None if s.whole == 0 => w.t("dash-share-none"),
        None => w.t_args("dash-share-few", &counts),
    }
}

/// The median, as the span of its bucket: "2 h–2 h 30 min", "over 1 year".
fn median(wait: &Wait, w: &Language) -> String {
    match (wait.median_minutes, wait.median_below) {
        (Some(lo), Some(hi)) => w.t_args(
            "dur-span",
            &[
                ("from", duration(lo, w).into()),
                ("to", duration(hi, w).into()),
            ],
        ),
        (Some(lo), None) => w.t_args("dur-over", &[("from", duration(lo, w).into())]),
        _ => w.t("dash-none"),
    }
}

fn rated(r: &RatedGroup, w: &Language) -> String {
    super::rating_words(r.average, r.rated, w)
}

/// `value`, followed by "(too few for a percentage)" when one of `shares` is too few for one.
fn few_note(value: String, shares: &[&Share], w: &Language) -> String {
    if shares.iter().any(|s| s.whole > 0 && s.percent.is_none()) {
        w.t_args("dash-few-note", &[("value", value.into())])
    } else {
        value
    }
}

/// The support figures as (name, value) rows.
pub fn support_rows(f: &SupportFigures, w: &Language) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut row = |k: &str, v: String| rows.push((w.t(k), v));
    row(
        "dash-first-reply",
        w.t_args(
            "dash-first-reply-value",
            &[
                ("median", median(&f.first_reply.all, w).into()),
                ("count", w.number(f.first_reply.all.tickets).into()),
                ("unreplied", w.number(f.unreplied).into()),
            ],
        ),
    );
    row(
        "dash-resolution",
        w.t_args(
            "dash-resolution-value",
            &[
                ("median", median(&f.resolution.all, w).into()),
                ("count", w.number(f.resolution.all.tickets).into()),
            ],
        ),
    );
    let outcomes = w.t_args(
        "dash-outcomes-value",
        &[
            ("ever", w.number(f.ever_resolved).into()),
            ("confirmed", share(&f.confirmed, w).into()),
            ("reopened", share(&f.reopened, w).into()),
            ("unconfirmed", share(&f.unconfirmed, w).into()),
        ],
    );
    row("dash-outcomes", few_note(outcomes, &[&f.confirmed], w));
    let effort = w.t_args(
        "dash-effort-value",
        &[
            ("contacts", w.number(f.repeat_contacts).into()),
            ("per", one_decimal(f.contacts_per_ticket, w).into()),
            ("share", share(&f.with_repeat_contact, w).into()),
        ],
    );
    row(
        "dash-effort",
        few_note(effort, &[&f.with_repeat_contact], w),
    );
    for c in &f.came_back {
        let name = w.t_args("dash-came-back", &[("days", c.days.into())]);
        let value = match c.judged_to_day {
            Some(day) => few_note(
                w.t_args(
                    "dash-came-back-value",
                    &[
                        ("confirmed", share(&c.after_confirmed, w).into()),
                        ("other", share(&c.after_other, w).into()),
                        ("until", day_label(day).into()),
                    ],
                ),
                &[&c.after_confirmed, &c.after_other],
                w,
            ),
            None => w.t_args("dash-came-back-early", &[("days", c.days.into())]),
        };
        rows.push((name, value));
    }
    let mut row = |k: &str, v: String| rows.push((w.t(k), v));
    row(
        "dash-rated-visits",
        few_note(share(&f.rated_visits, w), &[&f.rated_visits], w),
    );
    row(
        "dash-quiet",
        w.t_args(
            "dash-quiet-value",
            &[
                ("quiet", rated(&f.quiet, w).into()),
                ("complained", rated(&f.complained, w).into()),
                ("anonymous", rated(&f.anonymous_ratings, w).into()),
            ],
        ),
    );
    rows
}

/// The waits by severity and by channel, and the ratings by staff member (the owner's eyes
/// only): header and rows of each table.
pub fn support_tables(f: &SupportFigures, w: &Language) -> [Vec<Vec<String>>; 2] {
    let mut waits = vec![vec![
        String::new(),
        w.t("dash-tickets"),
        w.t("dash-first-reply"),
        w.t("dash-resolution"),
    ]];
    let names = ["severity-minor", "severity-normal", "severity-urgent"];
    let by_severity = f.by_severity.iter().zip(&f.first_reply.by_severity);
    for (((_, n), (_, reply)), (_, resolve)) in by_severity.zip(&f.resolution.by_severity) {
        let s = waits.len() - 1;
        waits.push(wait_row(w.t(names[s.min(2)]), *n, reply, resolve, w));
    }
    let by_channel = f.by_channel.iter().zip(&f.first_reply.by_channel);
    for (((channel, n), (_, reply)), (_, resolve)) in by_channel.zip(&f.resolution.by_channel) {
        let name = w.t(&format!("ticket-channel-{channel}"));
        waits.push(wait_row(name, *n, reply, resolve, w));
    }
    let mut staff = vec![vec![
        w.t("dash-staff"),
        w.t("dash-average-rating"),
        w.t("dash-low-ratings"),
    ]];
    for s in &f.by_staff {
        staff.push(vec![s.staff.clone(), rated(&s.ratings, w), {
            let low = Share::new(s.ratings.low, s.ratings.rated);
            few_note(share(&low, w), &[&low], w)
        }]);
    }
    [waits, staff]
}

fn wait_row(name: String, tickets: i64, reply: &Wait, resolve: &Wait, w: &Language) -> Vec<String> {
    let cell = |wait: &Wait| {
        w.t_args(
            "dash-wait-cell",
            &[
                ("median", median(wait, w).into()),
                ("count", w.number(wait.tickets).into()),
            ],
        )
    };
    vec![name, w.number(tickets), cell(reply), cell(resolve)]
}

/// The most common problems (all time) and their usual fixes: header and rows.
pub fn problems_table(f: &SupportFigures, w: &Language) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        w.t("dash-problem"),
        w.t("dash-tickets"),
        w.t("dash-usual-fixes"),
    ]];
    for p in &f.common_problems {
        let fixes = if p.fixes.is_empty() {
            w.t("dash-no-fixes")
        } else {
            p.fixes
                .iter()
                .map(|a| {
                    w.t_args(
                        "dash-fix",
                        &[
                            ("body", a.body.as_str().into()),
                            ("uses", w.number(a.uses).into()),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        rows.push(vec![
            w.t(&format!("problem-{}", p.problem)),
            w.number(p.tickets),
            fixes,
        ]);
    }
    rows
}

/// The support figures' own rows of `summary.csv`.
pub(super) fn summary(f: &SupportFigures) -> Vec<(String, String)> {
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let pct = |s: &Share| s.percent.map(|p| format!("{p:.1}")).unwrap_or_default();
    let mut rows = vec![
        ("support_tickets".to_string(), f.tickets.to_string()),
        ("support_unreplied".into(), f.unreplied.to_string()),
        (
            "median_minutes_to_first_reply".into(),
            opt(f.first_reply.all.median_minutes),
        ),
        (
            "median_minutes_to_resolution".into(),
            opt(f.resolution.all.median_minutes),
        ),
        ("ever_resolved".into(), f.ever_resolved.to_string()),
        ("confirmed".into(), f.confirmed.part.to_string()),
        ("confirmed_percent".into(), pct(&f.confirmed)),
        ("reopened".into(), f.reopened.part.to_string()),
        ("reopened_percent".into(), pct(&f.reopened)),
        ("unconfirmed".into(), f.unconfirmed.part.to_string()),
        ("unconfirmed_percent".into(), pct(&f.unconfirmed)),
        ("repeat_contacts".into(), f.repeat_contacts.to_string()),
        (
            "tickets_with_repeat_contact".into(),
            f.with_repeat_contact.part.to_string(),
        ),
        ("rated_visits".into(), f.rated_visits.part.to_string()),
        ("rated_visits_percent".into(), pct(&f.rated_visits)),
    ];
    for (name, r) in [
        ("quiet", &f.quiet),
        ("complained", &f.complained),
        ("anonymous", &f.anonymous_ratings),
    ] {
        rows.push((format!("ratings_{name}"), r.rated.to_string()));
        rows.push((
            format!("rating_average_{name}"),
            r.average.map(|a| format!("{a:.2}")).unwrap_or_default(),
        ));
    }
    rows
}

/// The support figures' tables as CSV files in `dir`.
pub fn support_csv(dir: &Path, f: &SupportFigures) -> super::Result<Vec<PathBuf>> {
    let opt = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    let mut waits = Vec::new();
    for (measure, all) in [
        ("first_reply", &f.first_reply),
        ("resolution", &f.resolution),
    ] {
        let severity = all
            .by_severity
            .iter()
            .map(|(s, w)| ("severity", s.to_string(), w));
        let channel = all
            .by_channel
            .iter()
            .map(|(c, w)| ("channel", c.clone(), w));
        for (by, value, wait) in std::iter::once(("all", String::new(), &all.all))
            .chain(severity)
            .chain(channel)
        {
            waits.push(vec![
                measure.to_string(),
                by.to_string(),
                value,
                wait.tickets.to_string(),
                opt(wait.median_minutes),
            ]);
        }
    }
    let came_back = f
        .came_back
        .iter()
        .flat_map(|c| {
            [("confirmed", c.after_confirmed), ("other", c.after_other)].map(|(after, s)| {
                vec![
                    c.days.to_string(),
                    after.to_string(),
                    s.whole.to_string(),
                    s.part.to_string(),
                    s.percent.map(|p| format!("{p:.1}")).unwrap_or_default(),
                    c.judged_to_day.map(day_label).unwrap_or_default(),
                ]
            })
        })
        .collect();
    Ok(vec![
        write(
            dir,
            "support_waits.csv",
            &["wait", "by", "value", "tickets", "median_minutes"],
            waits,
        )?,
        write(
            dir,
            "support_came_back.csv",
            &[
                "within_days",
                "after",
                "tickets",
                "came_back",
                "percent",
                "judged_to",
            ],
            came_back,
        )?,
        write(
            dir,
            "tickets_overdue_by_day.csv",
            &["day", "overdue"],
            f.overdue_by_day
                .iter()
                .map(|(d, n)| vec![day_label(*d), n.to_string()])
                .collect(),
        )?,
        write(
            dir,
            "ratings_by_staff.csv",
            &["staff", "ratings", "average", "low"],
            f.by_staff
                .iter()
                .map(|s| {
                    vec![
                        s.staff.clone(),
                        s.ratings.rated.to_string(),
                        s.ratings
                            .average
                            .map(|a| format!("{a:.2}"))
                            .unwrap_or_default(),
                        s.ratings.low.to_string(),
                    ]
                })
                .collect(),
        )?,
    ])
}
