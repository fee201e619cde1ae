//! Applying other tills' ratings, tickets (with their history) and staff notes, so a
//! customer's timeline and open tickets are the same in every shop. As in `apply.rs`: by
//! global id, exactly once, and what cannot be applied is kept in `sync_problems`.

use crate::store::Result;
use crate::store::chain::apply::Outcome;
use crate::store::chain::sync::RemoteEvent;
use serde::Deserialize;

#[derive(Deserialize)]
struct RatingPayload {
    visit: String,
    stars: i64,
    comment: Option<String>,
    first_at: i64,
    updated_at: i64,
}

#[derive(Deserialize)]
struct TicketPayload {
    gid: String,
    customer: Option<String>,
    visit: Option<String>,
    opened_at: i64,
    channel: String,
    problem: Option<String>,
    summary: String,
    contact_via: Option<String>,
    contact: Option<String>,
    severity: i64,
    status: String,
    status_at: i64,
    resolved_at: Option<i64>,
    actor: Option<String>,
}

#[derive(Deserialize)]
struct TicketEventPayload {
    gid: String,
    ticket: String,
    at: i64,
    kind: String,
    body: Option<String>,
    actor: Option<String>,
}

#[derive(Deserialize)]
struct NotePayload {
    gid: String,
    customer: String,
    at: i64,
    body: String,
    actor: Option<String>,
}

#[derive(serde::Deserialize)]
struct ConsentPayload {
    gid: String,
    customer: String,
    channel: String,
    given: i64,
    at: i64,
    source: String,
    wording: String,
    language: Option<String>,
    actor: Option<String>,
}

#[derive(serde::Deserialize)]
struct ChatLinkPayload {
    gid: String,
    customer: String,
    channel: String,
    chat: String,
    code: String,
    linked_at: i64,
    unlinked_at: Option<i64>,
    unlinked_why: Option<String>,
    last_heard_at: Option<i64>,
}

impl super::Room<'_, '_> {
    /// Whether the customer was erased here: what arrives about them keeps no words.
    fn erased(&self, customer: Option<i64>) -> Result<bool> {
        match customer {
            Some(id) => Ok(self
                .optional::<Option<i64>>("SELECT erased_at FROM customers WHERE id = ?1", [id])?
                .flatten()
                .is_some()),
            None => Ok(false),
        }
    }

    pub(super) fn apply_rating(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(r) = serde_json::from_str::<RatingPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a rating event that does not parse");
        };
        let Some(visit) = self.id_by_gid("visits", &r.visit)? else {
            return self.problem(e, now, "missing", "a rating of an unknown visit");
        };
        let customer =
            self.optional::<Option<i64>>("SELECT customer_id FROM visits WHERE id = ?1", [visit])?;
        let comment = r
            .comment
            .filter(|_| !self.erased(customer.flatten()).unwrap_or(false));
        // The newer change wins, wherever it was made.
        self.tx
            .prepare_cached(
                "INSERT INTO ratings (visit_id, stars, comment, first_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (visit_id) DO UPDATE SET stars = excluded.stars,
                   comment = excluded.comment, first_at = MIN(first_at, excluded.first_at),
                   updated_at = excluded.updated_at
                 WHERE excluded.updated_at > updated_at
                    OR (excluded.updated_at = updated_at AND excluded.stars <= stars)",
            )?
            .execute((visit, r.stars, comment, r.first_at, r.updated_at))?;
        Ok(Outcome::Applied)
    }

    pub(super) fn apply_ticket(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(t) = serde_json::from_str::<TicketPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a ticket event that does not parse");
        };
        let Some(customer) = self.named_customer(t.customer.as_deref())? else {
            return self.problem(e, now, "missing", "a ticket of an unknown customer");
        };
        let visit = match &t.visit {
            Some(gid) => self.id_by_gid("visits", gid)?,
            None => None,
        };
        let (summary, contact) = if self.erased(customer)? {
            ("(erased)".to_string(), None)
        } else {
            (t.summary, t.contact)
        };
        if let Some(id) = self.id_by_gid("tickets", &t.gid)? {
            // A status change made at another till: the later stamped one wins everywhere
            // (the same status breaks a tie), whatever order they arrive in.
            self.tx
                .prepare_cached(
                    "UPDATE tickets SET status = ?2, status_at = ?3, resolved_at = ?4,
                     customer_id = COALESCE(?5, customer_id), summary = ?6, contact = ?7
                     WHERE id = ?1 AND (status_at < ?3 OR (status_at = ?3 AND status <= ?2))",
                )?
                .execute((
                    id,
                    &t.status,
                    t.status_at,
                    t.resolved_at,
                    customer,
                    &summary,
                    &contact,
                ))?;
            return Ok(Outcome::Applied);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO tickets (customer_id, visit_id, opened_at, channel, problem, summary,
                     contact_via, contact, severity, status, status_at, resolved_at, actor, gid,
                     origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(rusqlite::params![
                customer,
                visit,
                t.opened_at,
                t.channel,
                t.problem,
                summary,
                t.contact_via,
                contact,
                t.severity,
                t.status,
                t.status_at,
                t.resolved_at,
                t.actor,
                t.gid,
                e.till_id,
            ])?;
        Ok(Outcome::Applied)
    }

    pub(super) fn apply_ticket_event(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(t) = serde_json::from_str::<TicketEventPayload>(&e.payload) else {
            return self.problem(
                e,
                now,
                "unreadable",
                "a ticket history event that does not parse",
            );
        };
        if self.id_by_gid("ticket_events", &t.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(ticket) = self.id_by_gid("tickets", &t.ticket)? else {
            return self.problem(e, now, "missing", "history of an unknown ticket");
        };
        let customer = self
            .optional::<Option<i64>>("SELECT customer_id FROM tickets WHERE id = ?1", [ticket])?
            .flatten();
        let body = t.body.filter(|_| !self.erased(customer).unwrap_or(false));
        self.tx
            .prepare_cached(
                "INSERT INTO ticket_events (ticket_id, at, kind, body, actor, gid, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((ticket, t.at, &t.kind, body, &t.actor, &t.gid, &e.till_id))?;
        Ok(Outcome::Applied)
    }

    pub(super) fn apply_note(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(n) = serde_json::from_str::<NotePayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a note event that does not parse");
        };
        if self.id_by_gid("customer_notes", &n.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.customer_by_gid(&n.customer)? else {
            return self.problem(e, now, "missing", "a note on an unknown customer");
        };
        if self.erased(Some(customer))? {
            return Ok(Outcome::Known);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO customer_notes (customer_id, at, body, actor, gid, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute((customer, n.at, &n.body, &n.actor, &n.gid, &e.till_id))?;
        Ok(Outcome::Applied)
    }

    /// A consent given or withdrawn at another till: kept as it was recorded there (a
    /// withdrawal also cancels what waits here for that channel).
    pub(super) fn apply_consent(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(c) = serde_json::from_str::<ConsentPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a consent event that does not parse");
        };
        if self.id_by_gid("consents", &c.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.customer_by_gid(&c.customer)? else {
            return self.problem(e, now, "missing", "a consent of an unknown customer");
        };
        let Some(channel) = crate::domain::messages::Channel::parse(&c.channel) else {
            return self.problem(e, now, "unreadable", "a consent for an unknown channel");
        };
        if self.erased(Some(customer))? {
            return Ok(Outcome::Known);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO consents (customer_id, channel, given, at, source, wording,
                 language, actor, gid, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(rusqlite::params![
                customer,
                channel.as_str(),
                c.given != 0,
                c.at,
                c.source,
                c.wording,
                c.language,
                c.actor,
                c.gid,
                e.till_id
            ])?;
        if c.given == 0 {
            self.messages()
                .cancel_marketing(customer, Some(channel), "consent_withdrawn", now)?;
        }
        Ok(Outcome::Applied)
    }

    /// Another machine of the chain linked a member's chat, or saw it end. A link arriving
    /// after a newer one of the same chat or member here arrives ended.
    pub(super) fn apply_chat_link(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(c) = serde_json::from_str::<ChatLinkPayload>(&e.payload) else {
            return self.problem(
                e,
                now,
                "unreadable",
                "a chat link event that does not parse",
            );
        };
        let Some(customer) = self.customer_by_gid(&c.customer)? else {
            return self.problem(e, now, "missing", "a chat link of an unknown customer");
        };
        let Some(channel) =
            crate::domain::messages::Channel::parse(&c.channel).filter(|c| c.is_chat())
        else {
            return self.problem(e, now, "unreadable", "a chat link for an unknown app");
        };
        if let Some(id) = self.id_by_gid("chat_links", &c.gid)? {
            let Some(ended) = c.unlinked_at else {
                return Ok(Outcome::Known);
            };
            let n = self.tx.execute(
                "UPDATE chat_links SET unlinked_at = ?2, unlinked_why = ?3,
                 chat = CASE WHEN ?4 = '' THEN '' ELSE chat END
                 WHERE id = ?1 AND unlinked_at IS NULL",
                rusqlite::params![id, ended, c.unlinked_why, c.chat],
            )?;
            return Ok(if n == 1 {
                Outcome::Applied
            } else {
                Outcome::Known
            });
        }
        if self.erased(Some(customer))? {
            return Ok(Outcome::Known);
        }
        let mut unlinked = (c.unlinked_at, c.unlinked_why.clone());
        if unlinked.0.is_none() {
            let newer: Option<i64> = self.optional(
                "SELECT id FROM chat_links WHERE unlinked_at IS NULL AND channel = ?1
                   AND (chat = ?2 OR customer_id = ?3) AND linked_at > ?4",
                rusqlite::params![channel.as_str(), c.chat, customer, c.linked_at],
            )?;
            if newer.is_some() {
                unlinked = (Some(c.linked_at), Some("relinked".into()));
            } else {
                self.tx.execute(
                    "UPDATE chat_links SET unlinked_at = ?4, unlinked_why = 'relinked'
                     WHERE unlinked_at IS NULL AND channel = ?1 AND (chat = ?2 OR customer_id = ?3)",
                    rusqlite::params![channel.as_str(), c.chat, customer, c.linked_at],
                )?;
            }
        }
        let n = self.tx.execute(
            "INSERT INTO chat_links (customer_id, channel, chat, code, linked_at, unlinked_at,
                 unlinked_why, last_heard_at, gid, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (code) DO NOTHING",
            rusqlite::params![
                customer,
                channel.as_str(),
                c.chat,
                c.code,
                c.linked_at,
                unlinked.0,
                unlinked.1,
                c.last_heard_at,
                c.gid,
                e.till_id
            ],
        )?;
        Ok(if n == 1 {
            Outcome::Applied
        } else {
            Outcome::Known
        })
    }
}
