//! The support side of the counter, on the store worker: a customer's and a visit's tickets
//! and timeline, opening a ticket at the counter, staff notes, resolving.

use super::workers::{StoreReply, failed};
use crate::i18n::Language;
use crate::store::{Store, StoreError};

/// Support work for the store worker.
#[derive(Debug, Clone)]
pub enum SupportRequest {
    /// Read the support side of a customer and/or a visit.
    Load {
        customer: Option<String>,
        visit: Option<i64>,
    },
    OpenTicket {
        customer: Option<String>,
        visit: Option<i64>,
        summary: String,
        severity: i64,
        reply: crate::domain::support::ContactVia,
        contact: Option<String>,
        actor: Option<String>,
    },
    Note {
        customer: String,
        body: String,
        actor: Option<String>,
    },
    ReplyTicket {
        id: i64,
        text: String,
        actor: Option<String>,
    },
    ResolveTicket {
        id: i64,
        how: crate::store::Resolution,
        actor: Option<String>,
    },
}

/// Does `request` and says how it went.
pub(super) fn handle(
    store: &mut Store,
    w: &Language,
    request: SupportRequest,
    now: i64,
) -> StoreReply {
    let fail = |doing: &'static str| move |e: StoreError| failed(w, doing, e);
    match request {
        SupportRequest::Load { customer, visit } => store
            .read(|tx| {
                let mut s = super::Support {
                    code: customer.clone(),
                    ..Default::default()
                };
                if let Some(code) = &customer {
                    s.open_tickets = tx.support().tickets(
                        &crate::store::TicketFilter {
                            customer: Some(code.clone()),
                            statuses: vec![
                                crate::domain::support::Status::Open,
                                crate::domain::support::Status::Waiting,
                            ],
                            follow_up_after_days: None,
                            overdue: false,
                            answered: true,
                            limit: 20,
                        },
                        now,
                    )?;
                    s.timeline = tx.support().timeline(code, 40)?;
                    let id = tx.people().customer(code)?.id();
                    s.chats = tx
                        .messages()
                        .chat_links_of(id)?
                        .into_iter()
                        .filter(|l| l.unlinked_at.is_none())
                        .map(|l| l.channel)
                        .collect();
                }
                if let Some(v) = visit {
                    s.visit_tickets = tx.support().tickets_of_visit(v)?;
                }
                s.answers = tx.support().answers(None)?;
                Ok(s)
            })
            .map(StoreReply::Support)
            .unwrap_or_else(fail("doing-support")),
        SupportRequest::OpenTicket {
            customer,
            visit,
            summary,
            severity,
            reply,
            contact,
            actor,
        } => store
            .write(|tx| {
                tx.support().open_ticket(&crate::store::NewTicket {
                    customer,
                    visit_id: visit,
                    channel: crate::domain::support::Channel::Counter,
                    problem: None,
                    summary,
                    contact_via: Some(reply),
                    contact,
                    severity: Some(severity),
                    at: now,
                    actor,
                    key: None,
                })
            })
            .map(|t| {
                let ticket = ("ticket", t.id.to_string().into());
                StoreReply::SupportSaved(match t.visit_id {
                    Some(v) => w.t_args(
                        "worker-ticket-opened-visit",
                        &[ticket, ("visit", v.to_string().into())],
                    ),
                    None => w.t_args("worker-ticket-opened", &[ticket]),
                })
            })
            .unwrap_or_else(fail("doing-open-ticket")),
        SupportRequest::Note {
            customer,
            body,
            actor,
        } => store
            .write(|tx| {
                tx.support()
                    .add_customer_note(&customer, &body, actor.as_deref(), now)
            })
            .map(|_| StoreReply::SupportSaved(w.t("worker-note-added")))
            .unwrap_or_else(fail("doing-note")),
        SupportRequest::ReplyTicket { id, text, actor } => store
            .write(|tx| tx.support().reply_ticket(id, &text, actor.as_deref(), now))
            .map(|_| {
                StoreReply::SupportSaved(w.t_args(
                    "worker-ticket-replied",
                    &[("ticket", id.to_string().into())],
                ))
            })
            .unwrap_or_else(fail("doing-reply")),
        SupportRequest::ResolveTicket { id, how, actor } => store
            .write(|tx| tx.support().resolve_ticket(id, &how, actor.as_deref(), now))
            .map(|t| {
                StoreReply::SupportSaved(w.t_args(
                    "worker-ticket-resolved",
                    &[("ticket", t.id.to_string().into())],
                ))
            })
            .unwrap_or_else(fail("doing-resolve")),
    }
}
