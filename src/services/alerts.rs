//! The checks' alerts in words, for the command line, the dashboard, the counter's line and
//! the owner's daily summary by email.

use crate::domain::checks::{AlertKind, Finding};
use crate::i18n::Language;
use crate::store::AlertView;

/// The check's name: "Busy card".
pub fn kind_name(w: &Language, kind: AlertKind) -> String {
    w.t(&format!("alert-kind-{}", kind.as_str().replace('_', "-")))
}

/// What the check found: "7 loyalty transactions on this card in a day (more than 5)".
pub fn found(w: &Language, a: &AlertView) -> String {
    let staff = a.staff.clone().unwrap_or_default();
    match &a.finding {
        Finding::BusyCard { count, limit } => w.t_args(
            "alert-found-busy-card",
            &[("count", (*count).into()), ("limit", (*limit).into())],
        ),
        Finding::OwnCard { count, points } => w.t_args(
            "alert-found-own-card",
            &[
                ("staff", staff.into()),
                ("count", (*count).into()),
                ("points", (*points).into()),
            ],
        ),
        Finding::Adjustments { count, limit } => w.t_args(
            "alert-found-adjustments",
            &[
                ("staff", staff.into()),
                ("count", (*count).into()),
                ("limit", (*limit).into()),
            ],
        ),
        Finding::RefundAfterRedeem { due, taken } => w.t_args(
            "alert-found-refund",
            &[("due", (*due).into()), ("taken", (*taken).into())],
        ),
        Finding::LateClaim { hours, limit } => w.t_args(
            "alert-found-late-claim",
            &[("hours", (*hours).into()), ("limit", (*limit).into())],
        ),
        Finding::ManyClaims { count, limit } => w.t_args(
            "alert-found-many-claims",
            &[("count", (*count).into()), ("limit", (*limit).into())],
        ),
        Finding::SplitSales { count, minutes } => w.t_args(
            "alert-found-split",
            &[("count", (*count).into()), ("minutes", (*minutes).into())],
        ),
        Finding::AfterHours { count } => {
            w.t_args("alert-found-after-hours", &[("count", (*count).into())])
        }
        Finding::ReferralBurst { count, limit } => w.t_args(
            "alert-found-referrals",
            &[("count", (*count).into()), ("limit", (*limit).into())],
        ),
    }
}

/// Whose card and who was signed in: "card 7KQ2-M4XR (Līga Ozola) · signed in: Cara".
pub fn who(w: &Language, a: &AlertView) -> String {
    let mut parts = Vec::new();
    if let Some(code) = &a.customer {
        parts.push(w.t_args(
            "alert-card",
            &[
                ("code", code.clone().into()),
                ("name", a.customer_name.clone().unwrap_or_default().into()),
            ],
        ));
    }
    if let Some(staff) = a.staff.as_deref().filter(|s| !s.is_empty()) {
        parts.push(w.t_args("alert-staff", &[("staff", staff.to_string().into())]));
    }
    parts.join(" · ")
}

/// An alert in a few lines: what, whose, when, the events behind it, and the owner's note.
pub fn describe(w: &Language, a: &AlertView) -> String {
    let mut lines = vec![format!(
        "#{} {} · {}: {}",
        a.id,
        w.date_time(a.at),
        kind_name(w, a.kind),
        found(w, a)
    )];
    let who = who(w, a);
    if !who.is_empty() {
        lines.push(format!("    {who}"));
    }
    lines.push(format!(
        "    {}",
        w.t_args("alert-events", &[("events", a.events.join(", ").into())])
    ));
    if let Some(at) = a.acked_at {
        lines.push(format!(
            "    {}",
            w.t_args(
                "alert-acked",
                &[
                    ("when", w.date_time(at).into()),
                    ("by", a.acked_by.clone().unwrap_or_default().into()),
                    ("note", a.note.clone().unwrap_or_default().into()),
                ]
            )
        ));
    }
    lines.join("\n")
}

/// The owner's daily summary: its subject and text.
pub fn summary(w: &Language, shop: &str, alerts: &[AlertView]) -> (String, String) {
    let subject = w.t_args(
        "alerts-email-subject",
        &[
            ("shop", shop.to_string().into()),
            ("count", alerts.len().into()),
        ],
    );
    let mut body = vec![w.t("alerts-email-intro"), String::new()];
    body.extend(alerts.iter().map(|a| describe(w, a)));
    (subject, body.join("\n"))
}
