//! `regulars ticket`: support tickets from the command line.

use super::args::*;
use super::commands::{Ctx, to_json};
use super::{Output, UsageError};
use crate::store::Store;
use anyhow::Result;
use serde_json::json;

pub(super) fn describe_ticket(w: &crate::i18n::Language, t: &crate::store::TicketView) -> String {
    let who = match (&t.customer, &t.customer_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        (Some(code), None) => code.clone(),
        _ => w.t("cli-ticket-anonymous"),
    };
    let mut head = w.t_args(
        "cli-ticket-head",
        &[
            ("status", w.ticket_status(t.status).into()),
            ("priority", t.priority.into()),
            ("severity", t.severity.into()),
            ("who", who.into()),
            ("channel", w.ticket_channel(t.channel).into()),
        ],
    );
    if let Some(v) = t.visit_id {
        head.push_str(" · ");
        head.push_str(&w.t_args("cli-ticket-visit", &[("visit", v.to_string().into())]));
    }
    if let Some(late) = crate::services::words::overdue(w, t) {
        head.push_str(" · ");
        head.push_str(&late);
    }
    if let Some(via) = t.contact_via {
        head.push_str(" · ");
        head.push_str(&w.t_args("cli-ticket-reply", &[("via", w.contact_via(via).into())]));
        if let Some(c) = &t.contact {
            head.push_str(": ");
            head.push_str(c);
        }
    }
    let mut text = format!("#{:<5} {head}\n       {}", t.id, t.summary);
    if let Some(words) = &t.customer_wrote {
        text.push_str("\n       ");
        text.push_str(&crate::services::words::customer_wrote(w, t, words));
    }
    text
}

pub(super) fn ticket(ctx: &Ctx, cmd: TicketCmd) -> Result<Output> {
    use crate::domain::support::Status;
    let w = ctx.words();
    let one = |t: crate::store::TicketView, what: &str| Output {
        text: format!("{}\n{}", w.t(what), describe_ticket(&w, &t)),
        json: to_json(&t),
    };
    let mv = |id: i64, to: Status, note: Option<String>, by: Option<String>| -> Result<_> {
        let (note, by) = (note.as_deref(), by.as_deref());
        Ok(ctx.store()?.write(|tx| {
            tx.support()
                .set_ticket_status(id, to, note, by, None, ctx.now)
        })?)
    };
    match cmd {
        TicketCmd::Add(new) => Ok(one(
            add_ticket(ctx, &mut ctx.store()?, new)?,
            "cli-ticket-opened",
        )),
        TicketCmd::List(which) => list_tickets(ctx, &mut ctx.store()?, which),
        TicketCmd::Show { id } => show_ticket(ctx, &mut ctx.store()?, id),
        TicketCmd::Resolve {
            id,
            note,
            answer,
            keep,
            by,
        } => {
            let how = crate::store::Resolution { note, answer, keep };
            let t = ctx.store()?.write(|tx| {
                tx.support()
                    .resolve_ticket(id, &how, by.as_deref(), ctx.now)
            })?;
            Ok(one(t, "cli-ticket-resolved"))
        }
        TicketCmd::Answers { problem } => answers(ctx, &mut ctx.store()?, problem.as_deref()),
        TicketCmd::Confirm { id, by } => Ok(one(
            mv(id, Status::Confirmed, None, by)?,
            "cli-ticket-confirmed",
        )),
        TicketCmd::Wait { id, note, by } => Ok(one(
            mv(id, Status::Waiting, note, by)?,
            "cli-ticket-waiting",
        )),
        TicketCmd::Reopen { id, note, by } => {
            Ok(one(mv(id, Status::Open, note, by)?, "cli-ticket-reopened"))
        }
        TicketCmd::Reply { id, text, by } => {
            ctx.store()?
                .write(|tx| tx.support().reply_ticket(id, &text, by.as_deref(), ctx.now))?;
            Ok(Output {
                text: w.t_args("cli-ticket-replied", &[("id", id.to_string().into())]),
                json: json!({ "ticket_id": id, "queued": true }),
            })
        }
        TicketCmd::Note { id, text, by } => {
            ctx.store()?
                .write(|tx| tx.support().note_ticket(id, &text, by.as_deref(), ctx.now))?;
            Ok(Output {
                text: w.t_args("cli-ticket-noted", &[("id", id.to_string().into())]),
                json: json!({ "ticket_id": id }),
            })
        }
    }
}

/// `ticket add`: a ticket for a customer and/or a receipt.
fn add_ticket(ctx: &Ctx, store: &mut Store, a: AddTicket) -> Result<crate::store::TicketView> {
    use crate::domain::support::{Channel, ContactVia, Problem};
    let w = ctx.words();
    let problem = a.problem.as_deref().and_then(Problem::parse);
    let contact_via = match a.contact_via.as_deref() {
        Some(text) => Some(ContactVia::parse(text).ok_or_else(|| {
            UsageError(w.t_args("cli-ticket-bad-contact-via", &[("text", text.into())]))
        })?),
        None => None,
    };
    let channel = Channel::parse(&a.channel).expect("clap checked the channel");
    Ok(store.write(|tx| {
        let visit_id = a
            .receipt
            .as_deref()
            .map(|r| tx.counter().visit_id_for_receipt(r))
            .transpose()?;
        tx.support().open_ticket(&crate::store::NewTicket {
            customer: a.customer.clone(),
            visit_id,
            channel,
            problem,
            summary: a.summary.clone(),
            contact_via,
            contact: a.contact.clone(),
            severity: Some(a.severity),
            at: ctx.now,
            actor: a.by.clone(),
            key: None,
        })
    })?)
}

/// `ticket list`: the tickets to work on, highest priority first.
fn list_tickets(ctx: &Ctx, store: &mut Store, which: ListTickets) -> Result<Output> {
    use crate::domain::support::Status;
    let w = ctx.words();
    let statuses = match which.status.as_deref() {
        None => Vec::new(),
        Some("all") => Status::ALL.to_vec(),
        Some(text) => vec![Status::parse(text).ok_or_else(|| {
            UsageError(w.t_args("cli-ticket-bad-status", &[("text", text.into())]))
        })?],
    };
    let filter = crate::store::TicketFilter {
        // The default listing also shows what customers wrote about resolved tickets.
        answered: statuses.is_empty() && !which.follow_up,
        statuses,
        customer: which.customer,
        follow_up_after_days: which.follow_up.then_some(ctx.config.support.follow_up_days),
        overdue: which.overdue,
        limit: which.limit,
    };
    let list = store.read(|tx| tx.support().tickets(&filter, ctx.now))?;
    let text = if list.is_empty() {
        w.t(if which.follow_up {
            "cli-ticket-no-follow-up"
        } else {
            "cli-ticket-none"
        })
    } else {
        list.iter()
            .map(|t| describe_ticket(&w, t))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Output {
        text,
        json: json!({ "tickets": to_json(&list) }),
    })
}

/// `ticket show`: one ticket with its history.
fn show_ticket(ctx: &Ctx, store: &mut Store, id: i64) -> Result<Output> {
    let w = ctx.words();
    let t = store.read(|tx| tx.support().ticket(id))?;
    let mut text = describe_ticket(&w, &t);
    for e in &t.events {
        text.push_str(&format!(
            "\n  {}  {}",
            w.date_time(e.at),
            w.t(&format!("cli-ticket-event-{}", e.kind))
        ));
        if let Some(b) = &e.body {
            text.push_str(": ");
            text.push_str(b);
        }
        if let Some(a) = &e.actor {
            text.push(' ');
            text.push_str(&w.t_args("timeline-by", &[("who", a.as_str().into())]));
        }
    }
    Ok(Output {
        text,
        json: to_json(&t),
    })
}

/// `ticket answers`: the kept answers, most used first.
fn answers(ctx: &Ctx, store: &mut Store, problem: Option<&str>) -> Result<Output> {
    let w = ctx.words();
    let problem = problem.and_then(crate::domain::support::Problem::parse);
    let answers = store.read(|tx| tx.support().answers(problem))?;
    let mut text = w.t_args("cli-answers", &[("count", (answers.len() as i64).into())]);
    for a in &answers {
        text.push_str(&format!(
            "\n{}",
            w.t_args(
                "cli-answer",
                &[
                    ("id", a.id.to_string().into()),
                    ("problem", w.t(&format!("problem-{}", a.problem)).into()),
                    ("uses", a.uses.into()),
                    ("body", a.body.as_str().into()),
                ],
            )
        ));
    }
    Ok(Output {
        text,
        json: json!({ "answers": to_json(&answers) }),
    })
}
