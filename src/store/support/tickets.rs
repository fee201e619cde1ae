//! Support tickets: opened from a receipt page, a low rating, the counter or a phone call,
//! each with its history, worked in order of severity and the customer's value.

use crate::domain::support::{TextField, clean_text};
use crate::domain::{
    code::CustomerCode,
    support::{Channel, ContactVia, Overdue, Problem, Status, priority},
};
use crate::store::{Result, StoreError};
use serde::Serialize;

const DAY: i64 = 86_400;

/// A ticket to open.
#[derive(Debug, Clone)]
pub struct NewTicket {
    /// A customer code, when known.
    pub customer: Option<String>,
    /// The visit it is about, when known.
    pub visit_id: Option<i64>,
    pub channel: Channel,
    pub problem: Option<Problem>,
    pub summary: String,
    pub contact_via: Option<ContactVia>,
    pub contact: Option<String>,
    /// 1 (minor) to 3 (urgent); defaults to the problem's severity, else 2.
    pub severity: Option<i64>,
    pub at: i64,
    pub actor: Option<String>,
    /// Makes opening idempotent: the same key returns the first ticket.
    pub key: Option<String>,
}

/// A ticket as staff and the receipt page see it.
#[derive(Debug, Clone, Serialize)]
pub struct TicketView {
    pub id: i64,
    pub customer: Option<String>,
    #[serde(skip)]
    pub customer_name: Option<String>,
    pub visit_id: Option<i64>,
    pub opened_at: i64,
    pub channel: Channel,
    pub problem: Option<Problem>,
    pub summary: String,
    pub contact_via: Option<ContactVia>,
    #[serde(skip)]
    pub contact: Option<String>,
    pub severity: i64,
    /// Higher is worked first (see `domain::support::priority`).
    pub priority: i64,
    pub status: Status,
    pub status_at: i64,
    pub resolved_at: Option<i64>,
    /// When the shop first replied (a staff note or step, a message to the customer).
    pub first_reply_at: Option<i64>,
    /// When the first reply and the resolution are due (`[support] reply_within`,
    /// `resolve_within` for its severity).
    pub reply_by: i64,
    pub resolve_by: i64,
    /// Which target it has missed, as of the listing.
    pub overdue: Option<Overdue>,
    /// What the customer wrote (in a chat) since the shop's last step on the ticket, the
    /// latest: for staff to read (after a resolution, sorted or not: people read it, nothing
    /// parses it).
    pub customer_wrote: Option<String>,
    pub events: Vec<TicketEvent>,
}

/// One step in a ticket's history.
#[derive(Debug, Clone, Serialize)]
pub struct TicketEvent {
    /// The order it was kept in.
    #[serde(skip)]
    pub id: i64,
    pub at: i64,
    pub kind: String,
    pub body: Option<String>,
    pub actor: Option<String>,
}

/// Which tickets to list.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    /// Only these statuses; empty means open and waiting.
    pub statuses: Vec<Status>,
    pub customer: Option<String>,
    /// Resolved tickets the customer has not confirmed after this many days.
    pub follow_up_after_days: Option<i64>,
    /// Only tickets past their reply or resolve target.
    pub overdue: bool,
    /// With the statuses asked for, the resolved tickets the customer wrote about since the
    /// shop's last step (their answer to "is it sorted?" in a chat app): their words wait for
    /// staff.
    pub answered: bool,
    pub limit: usize,
}

/// Longest contact a ticket keeps, in characters.
const MAX_CONTACT_CHARS: usize = 200;

impl super::Room<'_, '_> {
    /// Opens a support ticket. With a key, opening again returns the first ticket unchanged.
    pub fn open_ticket(&self, new: &NewTicket) -> Result<TicketView> {
        if let Some(key) = &new.key
            && let Some(id) =
                self.optional::<i64>("SELECT id FROM tickets WHERE idempotency_key = ?1", [key])?
        {
            return self.ticket(id);
        }
        let summary = clean_text(&new.summary, TextField::Description)?;
        if summary.is_empty() {
            return Err(StoreError::EmptyText(TextField::Description));
        }
        let contact = match new.contact.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(c) => Some(clean_text(c, TextField::Contact)?),
        };
        if contact
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_CONTACT_CHARS)
        {
            return Err(StoreError::Text(
                crate::domain::support::TextError::TooLong {
                    field: TextField::Contact,
                    max: MAX_CONTACT_CHARS,
                },
            ));
        }
        let severity = new
            .severity
            .or(new.problem.map(Problem::severity))
            .unwrap_or(2);
        if !(1..=3).contains(&severity) {
            return Err(StoreError::BadSeverity);
        }
        let visit_customer = match new.visit_id {
            Some(id) => {
                let v = self
                    .counter()
                    .visit(id)?
                    .ok_or(StoreError::NoSuchVisit(id))?;
                v.customer
            }
            None => None,
        };
        let customer_id = match new.customer.as_deref().or(visit_customer.as_deref()) {
            Some(code) => {
                let c = self.people().customer(code)?.0;
                if let (Some(vc), Some(_)) = (&visit_customer, &new.customer)
                    && CustomerCode::parse(vc)?.as_str() != c.code
                {
                    return Err(StoreError::VisitNotTheirs {
                        visit: new.visit_id.unwrap_or_default(),
                        owner: vc.to_string(),
                        given: c.display_code(),
                    });
                }
                Some(c.id)
            }
            None => None,
        };
        if customer_id.is_none() && new.visit_id.is_none() {
            return Err(StoreError::TicketWithoutOwner);
        }
        let contact = match (contact, new.contact_via) {
            (Some(c), _) => Some(c),
            // None typed: the card's email, or its phone for SMS or a call; refused when there
            // is none, so a reply asked for is never silently dropped.
            (None, Some(via @ (ContactVia::Email | ContactVia::Sms | ContactVia::Phone))) => {
                let card = customer_id
                    .map(|id| self.people().customer_by_id(id))
                    .transpose()?;
                let on_card = card.and_then(|c| match via {
                    ContactVia::Email => c.email,
                    _ => c.phone,
                });
                Some(on_card.ok_or(StoreError::NoContact(via))?)
            }
            // In a messaging app: the chat the member linked there.
            (None, Some(via)) if via.chat().is_some() => {
                let chat = via.chat().expect("a chat");
                // The chat the member linked (on WhatsApp, else the card's phone).
                let linked = match customer_id {
                    Some(id) => {
                        let row = self.people().customer_by_id(id)?;
                        self.messages().address_of(&row, chat)?
                    }
                    None => None,
                };
                Some(linked.ok_or(StoreError::NoChat(chat))?)
            }
            (None, _) => None,
        };
        self.tx.execute(
            "INSERT INTO tickets (customer_id, visit_id, opened_at, channel, problem, summary,
                 contact_via, contact, severity, status, status_at, idempotency_key, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?3, ?10, ?11)",
            rusqlite::params![
                customer_id,
                new.visit_id,
                new.at,
                new.channel.as_str(),
                new.problem.map(Problem::as_str),
                summary,
                new.contact_via.map(ContactVia::as_str),
                contact,
                severity,
                new.key,
                new.actor,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.ticket_event(id, new.at, "opened", None, new.actor.as_deref())?;
        self.ticket(id)
    }

    pub(in crate::store) fn ticket_event(
        &self,
        ticket_id: i64,
        at: i64,
        kind: &str,
        body: Option<&str>,
        actor: Option<&str>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO ticket_events (ticket_id, at, kind, body, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((ticket_id, at, kind, body, actor))?;
        Ok(())
    }

    /// The tickets about one visit, oldest first.
    pub fn tickets_of_visit(&self, visit_id: i64) -> Result<Vec<TicketView>> {
        self.tickets_where("t.visit_id = ?1", visit_id, 50)
    }

    /// One ticket with its history.
    pub fn ticket(&self, id: i64) -> Result<TicketView> {
        self.tickets_where("t.id = ?1", id, 1)?
            .pop()
            .ok_or(StoreError::NoSuchTicket(id))
    }

    pub(in crate::store) fn tickets_where(
        &self,
        condition: &str,
        value: impl rusqlite::ToSql,
        limit: usize,
    ) -> Result<Vec<TicketView>> {
        let minor = self.currency().minor_per_major().max(1);
        let targets = self.rules.targets;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT t.id, c.code, c.name, t.visit_id, t.opened_at, t.channel, t.problem, t.summary,
                    t.contact_via, t.contact, t.severity, t.status, t.status_at, t.resolved_at,
                    t.first_reply_at,
                    (SELECT COUNT(*) FROM visits v WHERE v.customer_id = t.customer_id),
                    (SELECT COALESCE(SUM(v.amount - v.refunded), 0) FROM visits v
                      WHERE v.customer_id = t.customer_id)
             FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
             WHERE {condition} ORDER BY t.opened_at, t.id LIMIT {limit}"
        ))?;
        let mut out = Vec::new();
        let rows = stmt.query_map([value], |r| {
            let word = |i: usize| r.get::<_, Option<String>>(i);
            let severity: i64 = r.get(10)?;
            let visits: i64 = r.get(15)?;
            let spend: i64 = r.get(16)?;
            let opened_at: i64 = r.get(4)?;
            Ok(TicketView {
                id: r.get(0)?,
                customer: word(1)?.map(|c| CustomerCode::from_stored(c).to_string()),
                customer_name: word(2)?,
                visit_id: r.get(3)?,
                opened_at,
                channel: word(5)?
                    .and_then(|w| Channel::parse(&w))
                    .unwrap_or(Channel::Counter),
                problem: word(6)?.and_then(|w| Problem::parse(&w)),
                summary: r.get(7)?,
                contact_via: word(8)?.and_then(|w| ContactVia::parse(&w)),
                contact: word(9)?,
                severity,
                priority: priority(severity, visits, spend / minor),
                status: word(11)?
                    .and_then(|w| Status::parse(&w))
                    .unwrap_or(Status::Open),
                status_at: r.get(12)?,
                resolved_at: r.get(13)?,
                first_reply_at: r.get(14)?,
                reply_by: targets.reply_by(severity, opened_at),
                resolve_by: targets.resolve_by(severity, opened_at),
                overdue: None,
                customer_wrote: None,
                events: Vec::new(),
            })
        })?;
        for t in rows {
            out.push(t?);
        }
        drop(stmt);
        let mut events = self.tx.prepare_cached(
            "SELECT at, kind, body, actor, id FROM ticket_events WHERE ticket_id = ?1
             ORDER BY at, id",
        )?;
        for t in &mut out {
            t.events = events
                .query_map([t.id], |r| {
                    Ok(TicketEvent {
                        id: r.get(4)?,
                        at: r.get(0)?,
                        kind: r.get(1)?,
                        body: r.get(2)?,
                        actor: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            // What the customer wrote since the shop's last step (a staff note, the
            // resolution…), by the order kept: a message in the same second still counts.
            let staff = t
                .events
                .iter()
                .filter(|e| e.actor.as_deref() != Some("customer"))
                .map(|e| e.id)
                .max()
                .unwrap_or(0);
            t.customer_wrote = t
                .events
                .iter()
                .filter(|e| {
                    e.id > staff && e.kind == "note" && e.actor.as_deref() == Some("customer")
                })
                .max_by_key(|e| e.id)
                .and_then(|e| e.body.clone());
        }
        Ok(out)
    }

    pub(super) fn move_ticket(
        &self,
        t: &TicketView,
        to: Status,
        note: Option<&str>,
        actor: Option<&str>,
        now: i64,
    ) -> Result<()> {
        if !t.status.can_become(to) {
            return Err(StoreError::TicketCannotBecome {
                ticket: t.id,
                from: t.status,
                to,
            });
        }
        let kind = match (t.status, to) {
            (Status::Resolved | Status::Confirmed, Status::Open) => "reopened",
            (_, s) => s.as_str(),
        };
        // A change is always stamped later than the one it replaces (even on a till whose
        // clock is behind another's), so every till of a chain keeps the same last change.
        self.tx.execute(
            "UPDATE tickets SET status = ?2, status_at = MAX(?3, status_at + 1),
                 resolved_at = CASE WHEN ?2 = 'resolved' THEN MAX(?3, status_at + 1)
                                    WHEN ?2 = 'open' THEN NULL ELSE resolved_at END
             WHERE id = ?1",
            (t.id, to.as_str(), now),
        )?;
        self.ticket_event(t.id, now, kind, note, actor)
    }

    /// Moves a ticket to `to` with an optional note, checking the transition. With `visit`,
    /// the ticket must be about that visit (the receipt page can only touch its own tickets).
    pub fn set_ticket_status(
        &self,
        id: i64,
        to: Status,
        note: Option<&str>,
        actor: Option<&str>,
        visit: Option<i64>,
        now: i64,
    ) -> Result<TicketView> {
        let t = self.ticket(id)?;
        if visit.is_some() && t.visit_id != visit {
            return Err(StoreError::NoSuchTicket(id));
        }
        let note = match note.map(|n| clean_text(n, TextField::Note)).transpose()? {
            Some(n) if !n.is_empty() => Some(n),
            _ => None,
        };
        self.move_ticket(&t, to, note.as_deref(), actor, now)?;
        let t = self.ticket(id)?;
        if to == Status::Resolved {
            // "Is it sorted?", to the contact the customer gave for this ticket.
            let key = format!("ticket_resolved:{id}:{}", t.resolved_at.unwrap_or(now));
            self.messages().queue_ticket_message(
                id,
                crate::domain::messages::Kind::TicketResolved,
                &key,
                &serde_json::json!({}),
                now,
            )?;
        }
        Ok(t)
    }

    /// Staff's answer to the customer, on the way they asked to hear back (email or SMS):
    /// kept in the ticket's history for all staff (it counts as the shop's reply) and queued
    /// in the outbox in the staff's words. Refused, with nothing kept, for a ticket answered in
    /// the shop or by a call.
    pub fn reply_ticket(&self, id: i64, text: &str, actor: Option<&str>, now: i64) -> Result<()> {
        let t = self.ticket(id)?;
        match t.contact_via {
            Some(ContactVia::Email | ContactVia::Sms) => {}
            Some(via) if via.chat().is_some() => {}
            other => return Err(StoreError::NoWrittenReply(other)),
        }
        let body = clean_text(text, TextField::Note)?;
        if body.trim().is_empty() {
            return Err(StoreError::EmptyText(TextField::Note));
        }
        self.ticket_event(id, now, "note", Some(&body), actor)?;
        let event = self.tx.last_insert_rowid();
        let queued = self.messages().queue_ticket_message(
            id,
            crate::domain::messages::Kind::TicketReply,
            &format!("ticket_reply:{id}:{event}"),
            &serde_json::json!({ "reply": body }),
            now,
        )?;
        // A ticket kept from before the card's address was used for it has none: refused, and
        // the note goes with the rest of the transaction.
        match (queued, t.contact_via) {
            (false, Some(via)) => Err(StoreError::NoContact(via)),
            _ => Ok(()),
        }
    }

    /// Adds a note to a ticket's history.
    pub fn note_ticket(&self, id: i64, body: &str, actor: Option<&str>, now: i64) -> Result<()> {
        self.ticket(id)?;
        let body = clean_text(body, TextField::Note)?;
        if body.is_empty() {
            return Err(StoreError::EmptyText(TextField::Note));
        }
        self.ticket_event(id, now, "note", Some(&body), actor)
    }

    /// Tickets to work on, highest priority first (then oldest first).
    pub fn tickets(&self, filter: &TicketFilter, now: i64) -> Result<Vec<TicketView>> {
        let limit = if filter.limit == 0 { 100 } else { filter.limit };
        let wanted: Vec<Status> = if !filter.statuses.is_empty() {
            filter.statuses.clone()
        } else if filter.follow_up_after_days.is_some() {
            vec![Status::Resolved]
        } else if filter.customer.is_some() {
            Status::ALL.to_vec()
        } else {
            vec![Status::Open, Status::Waiting]
        };
        let statuses = wanted
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut condition = if filter.answered {
            format!(
                "(t.status IN ({statuses}) OR (t.status = 'resolved' AND EXISTS (
                    SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'note'
                      AND e.actor = 'customer' AND e.id > (
                        SELECT MAX(r.id) FROM ticket_events r
                        WHERE r.ticket_id = t.id AND COALESCE(r.actor, '') <> 'customer'))))"
            )
        } else {
            format!("t.status IN ({statuses})")
        };
        let value = match (&filter.customer, filter.follow_up_after_days) {
            (Some(code), _) => {
                condition.push_str(" AND t.customer_id = ?1");
                self.people().customer(code)?.0.id
            }
            (None, Some(days)) => {
                condition.push_str(" AND t.status_at <= ?1");
                now - days * DAY
            }
            (None, None) => {
                condition.push_str(" AND ?1 = 1");
                1
            }
        };
        if let (Some(_), Some(days)) = (&filter.customer, filter.follow_up_after_days) {
            condition.push_str(&format!(" AND t.status_at <= {}", now - days * DAY));
        }
        let mut all = self.tickets_where(&condition, value, 100_000)?;
        let targets = self.rules.targets;
        for t in &mut all {
            t.overdue = targets.overdue(t.status, t.severity, t.opened_at, t.first_reply_at, now);
        }
        if filter.overdue {
            all.retain(|t| t.overdue.is_some());
        }
        // Overdue first, then by priority, then oldest first.
        all.sort_by(|a, b| {
            b.overdue
                .is_some()
                .cmp(&a.overdue.is_some())
                .then(b.priority.cmp(&a.priority))
                .then(a.opened_at.cmp(&b.opened_at))
        });
        all.truncate(limit);
        Ok(all)
    }
}
