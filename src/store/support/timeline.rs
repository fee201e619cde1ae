//! A customer's timeline: visits, points, ratings, tickets with their updates and staff notes
//! in one list, newest first, as facts for the reader's language.

use crate::domain::support::Channel;
use crate::domain::support::{TextField, clean_text};
use crate::store::{Result, StoreError};
use serde::Serialize;

/// One line of a customer's timeline: when, and the facts (words are the reader's language's,
/// chosen where it is shown).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TimelineEntry {
    pub at: i64,
    #[serde(flatten)]
    pub what: Happened,
    pub visit_id: Option<i64>,
    pub ticket_id: Option<i64>,
}

/// What a timeline line is about; `kind` in JSON.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happened {
    Enrolled,
    Visit {
        /// Minor units.
        amount: i64,
        refunded: i64,
        receipt: String,
        points: i64,
    },
    /// A ledger event other than earning: redeem, refund, referral, adjust, expire.
    Points {
        event: String,
        points: i64,
        reason: Option<String>,
        actor: Option<String>,
        /// The owner who approved it with their PIN, when it needed one.
        approved_by: Option<String>,
    },
    Rating {
        stars: i64,
        comment: Option<String>,
    },
    /// A ticket was opened.
    Ticket {
        channel: Channel,
        summary: String,
        body: Option<String>,
        actor: Option<String>,
    },
    /// A ticket moved on: `event` is note, waiting, resolved, confirmed, reopened or open.
    TicketUpdate {
        event: String,
        body: Option<String>,
        actor: Option<String>,
    },
    Note {
        body: String,
        actor: Option<String>,
    },
    /// A message to the customer went out, failed, or may have gone out (one about a
    /// ticket, once sent, is a note in the ticket's history instead); or consent to marketing on a channel was
    /// given or withdrawn.
    Message {
        message: crate::domain::messages::Kind,
        channel: crate::domain::messages::Channel,
        state: crate::domain::messages::State,
        subject: Option<String>,
    },
    Consent {
        channel: crate::domain::messages::Channel,
        given: bool,
        source: String,
    },
}

impl TimelineEntry {
    /// visit, points, rating, ticket, ticket_update, note or enrolled.
    pub fn kind(&self) -> &'static str {
        match self.what {
            Happened::Enrolled => "enrolled",
            Happened::Visit { .. } => "visit",
            Happened::Points { .. } => "points",
            Happened::Rating { .. } => "rating",
            Happened::Ticket { .. } => "ticket",
            Happened::TicketUpdate { .. } => "ticket_update",
            Happened::Note { .. } => "note",
            Happened::Message { .. } => "message",
            Happened::Consent { .. } => "consent",
        }
    }
}

impl super::Room<'_, '_> {
    /// Adds a staff note to a customer's timeline.
    pub fn add_customer_note(
        &self,
        code: &str,
        body: &str,
        actor: Option<&str>,
        now: i64,
    ) -> Result<i64> {
        let c = self.people().customer(code)?.0;
        let body = clean_text(body, TextField::Note)?;
        if body.is_empty() {
            return Err(StoreError::EmptyText(TextField::Note));
        }
        self.tx.execute(
            "INSERT INTO customer_notes (customer_id, at, body, actor) VALUES (?1, ?2, ?3, ?4)",
            (c.id, now, body, actor),
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// A customer's visits, points events, ratings, tickets (with their updates) and staff
    /// notes in one list, newest first.
    pub fn timeline(&self, code: &str, limit: usize) -> Result<Vec<TimelineEntry>> {
        let c = self.people().customer(code)?.0;
        let mut out = vec![TimelineEntry {
            at: self.people().customer_by_id(c.id)?.enrolled_at,
            what: Happened::Enrolled,
            visit_id: None,
            ticket_id: None,
        }];
        for (sql, entry) in SOURCES {
            let mut stmt = self.tx.prepare_cached(sql)?;
            for e in stmt.query_map((c.id, limit as i64), entry)? {
                out.push(e?);
            }
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.at));
        out.truncate(limit);
        Ok(out)
    }
}

/// A row of a timeline source, as an entry.
type Entry = fn(&rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry>;

/// Where a customer's timeline comes from: each source's newest `?2` rows for customer `?1`.
const SOURCES: &[(&str, Entry)] = &[
    (
        "SELECT id, at, amount, refunded, receipt_no, points_earned FROM visits
             WHERE customer_id = ?1 ORDER BY at DESC LIMIT ?2",
        visit_entry,
    ),
    (
        "SELECT at, kind, points, reason, actor, visit_id, approved_by FROM points_events
             WHERE customer_id = ?1 AND kind <> 'earn' ORDER BY at DESC LIMIT ?2",
        points_entry,
    ),
    (
        "SELECT r.updated_at, r.visit_id, r.stars, r.comment FROM ratings r
             JOIN visits v ON v.id = r.visit_id WHERE v.customer_id = ?1
             ORDER BY r.updated_at DESC LIMIT ?2",
        rating_entry,
    ),
    (
        "SELECT e.at, e.kind, e.body, e.actor, t.id, t.visit_id, t.summary, t.channel
             FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE t.customer_id = ?1 ORDER BY e.at DESC LIMIT ?2",
        ticket_entry,
    ),
    (
        "SELECT at, body, actor FROM customer_notes WHERE customer_id = ?1
             ORDER BY at DESC LIMIT ?2",
        note_entry,
    ),
    (
        "SELECT COALESCE(sent_at, state_at), kind, channel, state, subject, ticket_id
             FROM messages WHERE customer_id = ?1 AND state IN ('sent', 'failed', 'unsure')
               AND NOT (ticket_id IS NOT NULL AND state = 'sent')
             ORDER BY state_at DESC LIMIT ?2",
        message_entry,
    ),
    (
        "SELECT at, channel, given, source FROM consents WHERE customer_id = ?1
             ORDER BY id DESC LIMIT ?2",
        consent_entry,
    ),
];

/// A visit, with what it earned and any refund.
fn visit_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    let id: i64 = r.get(0)?;
    let receipt: Option<String> = r.get(4)?;
    Ok(TimelineEntry {
        at: r.get(1)?,
        what: Happened::Visit {
            amount: r.get(2)?,
            refunded: r.get(3)?,
            receipt: receipt.unwrap_or_else(|| format!("V{id}")),
            points: r.get(5)?,
        },
        visit_id: Some(id),
        ticket_id: None,
    })
}

/// A points event other than earning (redeemed, refunded, adjusted, expired, a bonus).
fn points_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    Ok(TimelineEntry {
        at: r.get(0)?,
        what: Happened::Points {
            event: r.get(1)?,
            points: r.get(2)?,
            reason: r.get(3)?,
            actor: r.get(4)?,
            approved_by: r.get(6)?,
        },
        visit_id: r.get(5)?,
        ticket_id: None,
    })
}

/// A rating of one of their visits.
fn rating_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    Ok(TimelineEntry {
        at: r.get(0)?,
        what: Happened::Rating {
            stars: r.get(2)?,
            comment: r.get(3)?,
        },
        visit_id: Some(r.get(1)?),
        ticket_id: None,
    })
}

/// A ticket opened, or something that happened to it.
fn ticket_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    let kind: String = r.get(1)?;
    let body: Option<String> = r.get(2)?;
    let actor: Option<String> = r.get(3)?;
    let channel: String = r.get(7)?;
    let what = if kind == "opened" {
        Happened::Ticket {
            channel: Channel::parse(&channel).unwrap_or(Channel::Counter),
            summary: r.get(6)?,
            body,
            actor,
        }
    } else {
        Happened::TicketUpdate {
            event: kind,
            body,
            actor,
        }
    };
    Ok(TimelineEntry {
        at: r.get(0)?,
        what,
        visit_id: r.get(5)?,
        ticket_id: Some(r.get(4)?),
    })
}

/// A staff note.
fn note_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    Ok(TimelineEntry {
        at: r.get(0)?,
        what: Happened::Note {
            body: r.get(1)?,
            actor: r.get(2)?,
        },
        visit_id: None,
        ticket_id: None,
    })
}

/// A message sent to them (or one that could not be).
fn message_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    use crate::domain::messages::{Channel, Kind, State};
    let (kind, channel, state): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
    Ok(TimelineEntry {
        at: r.get(0)?,
        what: Happened::Message {
            message: Kind::parse(&kind).unwrap_or(Kind::RewardReady),
            channel: Channel::parse(&channel).unwrap_or(Channel::Email),
            state: State::parse(&state).unwrap_or(State::Sent),
            subject: r.get(4)?,
        },
        visit_id: None,
        ticket_id: r.get(5)?,
    })
}

/// Consent given or withdrawn.
fn consent_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry> {
    let channel: String = r.get(1)?;
    Ok(TimelineEntry {
        at: r.get(0)?,
        what: Happened::Consent {
            channel: crate::domain::messages::Channel::parse(&channel)
                .unwrap_or(crate::domain::messages::Channel::Email),
            given: r.get(2)?,
            source: r.get(3)?,
        },
        visit_id: None,
        ticket_id: None,
    })
}
