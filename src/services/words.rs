//! The store's facts in the reader's words: a customer's timeline and support tickets, for the
//! counter window and the command line alike.

use crate::domain::money::Currency;
use crate::i18n::Language;
use crate::store::{Happened, TicketView, TimelineEntry};

/// One timeline line (without its time).
pub fn timeline_entry(w: &Language, currency: Currency, e: &TimelineEntry) -> String {
    let visit = || e.visit_id.unwrap_or_default().to_string();
    let ticket = || e.ticket_id.unwrap_or_default().to_string();
    let (mut text, body, actor) = match &e.what {
        Happened::Enrolled => (w.t("timeline-enrolled"), None, None),
        Happened::Visit {
            amount,
            refunded,
            receipt,
            points,
        } => (
            visit_words(
                w,
                currency,
                &visit(),
                (*amount, *refunded),
                receipt,
                *points,
            ),
            None,
            None,
        ),
        Happened::Points {
            event,
            points,
            reason,
            actor,
            approved_by,
        } => {
            let who = actor.as_deref().map(|a| match approved_by {
                Some(o) => w.t_args(
                    "timeline-approved",
                    &[("who", a.into()), ("owner", o.as_str().into())],
                ),
                None => a.to_string(),
            });
            (
                points_words(w, event, *points, reason.as_deref()),
                None,
                who,
            )
        }
        Happened::Rating { stars, comment } => (
            w.t_args(
                "timeline-rating",
                &[("visit", visit().into()), ("stars", (*stars).into())],
            ),
            comment.as_deref(),
            None,
        ),
        Happened::Ticket {
            channel,
            summary,
            body,
            actor,
        } => {
            let mut text = w.t_args(
                "timeline-ticket",
                &[
                    ("ticket", ticket().into()),
                    ("channel", w.ticket_channel(*channel).into()),
                ],
            );
            if e.visit_id.is_some() {
                text.push(' ');
                text.push_str(&w.t_args("timeline-about-visit", &[("visit", visit().into())]));
            }
            text.push_str(": ");
            text.push_str(summary);
            (text, body.as_deref(), actor.clone())
        }
        Happened::TicketUpdate { event, body, actor } => (
            w.t_args(
                &format!("timeline-ticket-{event}"),
                &[("ticket", ticket().into())],
            ),
            body.as_deref(),
            actor.clone(),
        ),
        Happened::Note { body, actor } => {
            (w.t("timeline-note"), Some(body.as_str()), actor.clone())
        }
        Happened::Message {
            message,
            channel,
            state,
            subject,
        } => (
            message_words(w, *message, *channel, *state),
            subject.as_deref(),
            None,
        ),
        Happened::Consent {
            channel,
            given,
            source,
        } => (
            w.t_args(
                if *given {
                    "timeline-consent-given"
                } else {
                    "timeline-consent-withdrawn"
                },
                &[
                    (
                        "channel",
                        w.t(&format!("message-channel-{}", channel.as_str())).into(),
                    ),
                    ("source", w.t(&format!("consent-source-{source}")).into()),
                ],
            ),
            None,
            None,
        ),
    };
    if let Some(b) = body {
        text.push_str(": ");
        text.push_str(b);
    }
    if let Some(a) = actor {
        text.push(' ');
        text.push_str(&w.t_args("timeline-by", &[("who", a.into())]));
    }
    text
}

/// A visit: its amount, receipt and points, and what was refunded.
fn visit_words(
    w: &Language,
    currency: Currency,
    visit: &str,
    (amount, refunded): (i64, i64),
    receipt: &str,
    points: i64,
) -> String {
    let mut text = w.t_args(
        "timeline-visit",
        &[
            ("visit", visit.into()),
            ("amount", w.amount(amount, currency).into()),
            ("receipt", receipt.into()),
            ("points", points.into()),
        ],
    );
    if refunded > 0 {
        let refunded = w.amount(refunded, currency);
        text.push_str(", ");
        text.push_str(&w.t_args("timeline-refunded", &[("amount", refunded.into())]));
    }
    text
}

/// Points added or taken away, and why.
fn points_words(w: &Language, event: &str, points: i64, reason: Option<&str>) -> String {
    let signed = if points < 0 {
        format!("−{}", w.number(-points))
    } else {
        format!("+{}", w.number(points))
    };
    let text = w.t_args(
        "timeline-points",
        &[
            ("event", w.t(&format!("points-event-{event}")).into()),
            ("signed", signed.into()),
            ("count", points.abs().into()),
        ],
    );
    match reason {
        Some(r) => format!("{text} ({r})"),
        None => text,
    }
}

/// A message to the customer: what kind, by which channel, and how it went.
fn message_words(
    w: &Language,
    message: crate::domain::messages::Kind,
    channel: crate::domain::messages::Channel,
    state: crate::domain::messages::State,
) -> String {
    w.t_args(
        "timeline-message",
        &[
            (
                "kind",
                w.t(&format!(
                    "message-kind-{}",
                    message.as_str().replace('_', "-")
                ))
                .into(),
            ),
            (
                "channel",
                w.t(&format!("message-channel-{}", channel.as_str())).into(),
            ),
            (
                "state",
                w.t(&format!("message-state-{}", state.as_str())).into(),
            ),
        ],
    )
}

/// A ticket in one line for a list: number, state, who it is about and what it is.
pub fn ticket_line(w: &Language, t: &TicketView) -> String {
    let about = t
        .visit_id
        .map(|v| {
            format!(
                " {}",
                w.t_args("ticket-about-visit", &[("visit", v.to_string().into())])
            )
        })
        .unwrap_or_default();
    format!(
        "#{} [{}] {}{about}",
        t.id,
        w.ticket_status(t.status),
        t.summary
    )
}

/// What the customer wrote since the shop's last step on a ticket, as staff read it.
pub fn customer_wrote(w: &Language, t: &TicketView, words: &str) -> String {
    let id = if t.status == crate::domain::support::Status::Resolved {
        "ticket-customer-wrote"
    } else {
        "ticket-customer-wrote-open"
    };
    w.t_args(id, &[("text", words.into())])
}

/// "Overdue: the first reply was due 2 Dec, 14:05", for a ticket past a target.
pub fn overdue(w: &Language, t: &TicketView) -> Option<String> {
    use crate::domain::support::Overdue;
    let (id, due) = match t.overdue? {
        Overdue::Reply => ("ticket-overdue-reply", t.reply_by),
        Overdue::Resolve => ("ticket-overdue-resolve", t.resolve_by),
    };
    Some(w.t_args(id, &[("when", w.date_time(due).into())]))
}

/// What the cashier reads about a referral: attached, rewarded or refused (and why).
pub fn referral(w: &Language, r: &crate::domain::referral::ReferralOutcome) -> String {
    let name = r
        .referrer_name
        .clone()
        .unwrap_or_else(|| r.referrer.clone());
    let (friend, referrer) = r.promised;
    use crate::domain::referral::{ReferralStatus, RefusalReason};
    let why = || {
        r.reason
            .map(|why| refusal(w, why.as_str()))
            .unwrap_or_default()
    };
    match (r.status, r.reason) {
        (ReferralStatus::Refused, Some(RefusalReason::CapReached)) => {
            w.t_args("referral-cap", &[("why", why().into())])
        }
        (ReferralStatus::Refused, _) => w.t_args(
            "referral-refused",
            &[("name", name.into()), ("why", why().into())],
        ),
        (ReferralStatus::Rewarded, _) => w.t_args(
            "referral-rewarded",
            &[
                ("name", name.into()),
                ("friend", r.friend_bonus.into()),
                ("referrer", r.referrer_bonus.into()),
            ],
        ),
        _ => w.t_args(
            "referral-pending",
            &[
                ("name", name.into()),
                ("friend", friend.into()),
                ("referrer", referrer.into()),
            ],
        ),
    }
}

/// Why a referral was refused, from its stored reason.
pub fn refusal(w: &Language, reason: &str) -> String {
    w.t(&format!("referral-why-{reason}"))
}

/// Why a scan was not a usable code.
pub fn scan_problem(w: &Language, p: &crate::devices::scanner::ScanProblem) -> String {
    let (id, args) = p.message();
    let args: Vec<crate::i18n::Arg> = args.into_iter().map(|(k, v)| (k, v.into())).collect();
    w.t_args(id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::scanner::ScanProblem;
    use crate::domain::support::{Channel, ContactVia, Status};

    /// Ids built from stored words (a ticket's status, a ledger event's kind…) exist in every
    /// shipped language, so no one reads a raw id like `ticket-status-waiting`.
    #[test]
    fn every_word_made_from_a_stored_value_has_a_message() {
        let mut ids: Vec<String> = Vec::new();
        ids.extend(
            Status::ALL
                .iter()
                .map(|s| format!("ticket-status-{}", s.as_str())),
        );
        ids.extend(
            Channel::ALL
                .iter()
                .map(|c| format!("ticket-channel-{}", c.as_str())),
        );
        ids.extend(
            ContactVia::ALL
                .iter()
                .map(|c| format!("contact-via-{}", c.as_str())),
        );
        for k in ["redeem", "refund", "referral", "adjust", "expire"] {
            ids.push(format!("points-event-{k}"));
        }
        // Every kind `ticket_events` holds: "opened", "note", and each status a ticket moves to.
        for k in [
            "note",
            "waiting",
            "resolved",
            "confirmed",
            "reopened",
            "open",
        ] {
            ids.push(format!("timeline-ticket-{k}"));
        }
        for k in [
            "opened",
            "note",
            "waiting",
            "resolved",
            "confirmed",
            "reopened",
            "open",
        ] {
            ids.push(format!("cli-ticket-event-{k}"));
        }
        for r in [
            "self_referral",
            "existing_customer",
            "second_referrer",
            "cap_reached",
        ] {
            ids.push(format!("referral-why-{r}"));
        }
        for s in ["pending", "rewarded", "refused"] {
            ids.push(format!("referral-status-{s}"));
        }
        let problems = [
            ScanProblem::TooLong,
            ScanProblem::HalfCode(3),
            ScanProblem::Binary,
            ScanProblem::Control,
            ScanProblem::Empty,
            ScanProblem::DigitCount(5),
            ScanProblem::CheckDigit("EAN-13"),
            ScanProblem::CardCheck,
            ScanProblem::NotOurs,
        ];
        ids.extend(problems.iter().map(|p| p.message().0.to_string()));
        for w in crate::i18n::catalog().all() {
            for id in &ids {
                assert_ne!(&w.t(id), id, "{} has no message {id}", w.tag());
            }
        }
        // The English sentence and the message say the same thing.
        let en = crate::i18n::catalog().fallback();
        for p in &problems {
            assert_eq!(scan_problem(en, p), p.to_string());
        }
    }
}
