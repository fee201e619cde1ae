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
    finding_words(w, &a.finding, a.staff.as_deref())
}

/// A finding in words, with the member of staff it names.
pub fn finding_words(w: &Language, finding: &Finding, staff: Option<&str>) -> String {
    let staff = staff.unwrap_or_default().to_string();
    match finding {
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
    who_words(
        w,
        a.customer.as_deref(),
        a.customer_name.as_deref(),
        a.staff.as_deref(),
    )
}

fn who_words(w: &Language, code: Option<&str>, name: Option<&str>, staff: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(code) = code {
        parts.push(w.t_args(
            "alert-card",
            &[
                ("code", code.to_string().into()),
                ("name", name.unwrap_or_default().to_string().into()),
            ],
        ));
    }
    if let Some(staff) = staff.filter(|s| !s.is_empty()) {
        parts.push(w.t_args("alert-staff", &[("staff", staff.to_string().into())]));
    }
    parts.join(" · ")
}

/// "acknowledged … by …: note", once an alert is.
fn acked_words(
    w: &Language,
    at: Option<i64>,
    by: Option<&str>,
    note: Option<&str>,
) -> Option<String> {
    at.map(|at| {
        w.t_args(
            "alert-acked",
            &[
                ("when", w.date_time(at).into()),
                ("by", by.unwrap_or_default().to_string().into()),
                ("note", note.unwrap_or_default().to_string().into()),
            ],
        )
    })
}

/// A list of alerts in words: how many are open, then each (`(open, words)`); `all` when the
/// acknowledged ones were asked for too.
pub fn list_words(w: &Language, all: bool, items: &[(bool, String)]) -> String {
    if items.is_empty() {
        return w.t(if all {
            "alerts-none-all"
        } else {
            "alerts-none"
        });
    }
    let open = items.iter().filter(|i| i.0).count();
    let mut lines = vec![w.t_args("alerts-count", &[("count", open.into())])];
    lines.extend(items.iter().map(|i| i.1.clone()));
    lines.join("\n")
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
    lines.extend(
        acked_words(w, a.acked_at, a.acked_by.as_deref(), a.note.as_deref())
            .map(|l| format!("    {l}")),
    );
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

/// The hour (local) from which the day's summary goes out.
pub const SUMMARY_FROM_MINUTE: u16 = 7 * 60;

/// Queues the owner's daily summary by email (`[alerts] email`) through the outbox: once a
/// local day, from 07:00, with every alert not yet in a summary; the alerts are marked in the
/// same transaction, so none is told twice or lost. Returns how many alerts it carries.
pub fn queue_summary(
    store: &mut crate::store::Store,
    shop: &crate::config::ShopConfig,
    email: Option<&str>,
    now: i64,
) -> Result<usize, crate::store::StoreError> {
    let Some(to) = email else {
        return Ok(0);
    };
    let local = store.rules().checks.local(now);
    if local.minute < SUMMARY_FROM_MINUTE {
        return Ok(0);
    }
    let w = shop.words().0;
    store.write(|tx| {
        let key = format!("alerts-summary:{}", local.day);
        let already = tx.messages().message_by_key(&key)?;
        let alerts = tx.checks().not_emailed()?;
        if already.is_some() || alerts.is_empty() {
            return Ok(0);
        }
        let (subject, body) = summary(w, &shop.name, &alerts);
        let facts = serde_json::json!({ "subject": subject, "body": body });
        tx.messages().queue_owner_email(&key, to, &facts, now)?;
        let ids: Vec<i64> = alerts.iter().map(|a| a.id).collect();
        tx.checks().mark_emailed(&ids, now)?;
        Ok(alerts.len())
    })
}

/// Another shop's alert, as the chain's view lists it: which shop and till, what, whose card,
/// who was signed in, and the owner's note once acknowledged there.
pub fn describe_chain(w: &Language, a: &crate::central::ChainAlert) -> String {
    let mut lines = vec![format!(
        "{} ({}) {} · {}: {}",
        a.shop_id,
        a.till_id,
        w.date_time(a.at),
        kind_name(w, a.kind),
        finding_words(w, &a.finding, a.staff.as_deref())
    )];
    let card = a
        .card
        .clone()
        .map(|c| crate::domain::code::CustomerCode::from_stored(c).to_string());
    let who = who_words(w, card.as_deref(), a.name.as_deref(), a.staff.as_deref());
    if !who.is_empty() {
        lines.push(format!("    {who}"));
    }
    lines.extend(
        acked_words(w, a.acked_at, a.acked_by.as_deref(), a.note.as_deref())
            .map(|l| format!("    {l}")),
    );
    lines.join("\n")
}
