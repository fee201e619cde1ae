//! The outbox as the owner reads it: its rows (`regulars messages list`), the counts in each
//! state, and how it stands for the counter's device bar.

use super::outbox::WhyOwned;
use crate::domain::messages::{Channel, Kind, State};
use crate::store::Result;
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A row of the outbox as the owner sees it.
#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: i64,
    pub kind: Kind,
    pub channel: Channel,
    pub state: State,
    pub customer: Option<String>,
    pub ticket_id: Option<i64>,
    pub created_at: i64,
    pub state_at: i64,
    pub attempts: i64,
    pub next_at: i64,
    /// Why it did not go (yet): a code (`message-problem-{code}` in words), what it is
    /// about, and the technical detail.
    pub problem: Option<String>,
    pub problem_about: Option<String>,
    pub last_error: Option<String>,
    pub sent_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub language: Option<String>,
    pub subject: Option<String>,
}

/// Messages in each state.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub cancelled: i64,
    pub unsure: i64,
}

impl super::Room<'_, '_> {
    /// The outbox, newest first: every state, or the states given.
    pub fn messages(
        &self,
        states: &[State],
        customer: Option<i64>,
        limit: usize,
    ) -> Result<Vec<MessageView>> {
        let wanted: Vec<&str> = if states.is_empty() {
            State::ALL.iter().map(|s| s.as_str()).collect()
        } else {
            states.iter().map(|s| s.as_str()).collect()
        };
        let mut stmt = self.tx.prepare(
            "SELECT m.id, m.kind, m.channel, m.state, c.code, m.ticket_id, m.created_at,
                    m.state_at, m.attempts, m.next_at, m.last_error, m.sent_at,
                    COALESCE(m.sent_to, m.recipient), m.language, m.subject, m.problem,
                    m.problem_about
             FROM messages m LEFT JOIN customers c ON c.id = m.customer_id
             WHERE m.state IN (SELECT value FROM json_each(?1))
               AND (?2 IS NULL OR m.customer_id = ?2)
             ORDER BY m.id DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![
                serde_json::to_string(&wanted).unwrap_or_default(),
                customer,
                limit as i64
            ],
            |r| {
                let kind: String = r.get(1)?;
                let channel: String = r.get(2)?;
                let state: String = r.get(3)?;
                let code: Option<String> = r.get(4)?;
                Ok(MessageView {
                    id: r.get(0)?,
                    kind: Kind::parse(&kind).unwrap_or(Kind::RewardReady),
                    channel: Channel::parse(&channel).unwrap_or(Channel::Email),
                    state: State::parse(&state).unwrap_or(State::Queued),
                    customer: code.map(crate::store::people::customers::display_code),
                    ticket_id: r.get(5)?,
                    created_at: r.get(6)?,
                    state_at: r.get(7)?,
                    attempts: r.get(8)?,
                    next_at: r.get(9)?,
                    last_error: r.get(10)?,
                    sent_at: r.get(11)?,
                    to: r.get(12)?,
                    language: r.get(13)?,
                    subject: r.get(14)?,
                    problem: r.get(15)?,
                    problem_about: r.get(16)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Messages waiting, those failed or unsure since `since`, and the last one's reason.
    pub fn outbox_news(&self, since: i64) -> Result<(i64, i64, Option<WhyOwned>)> {
        let waiting: i64 = self.tx.query_row(
            "SELECT COUNT(*) FROM messages WHERE state IN ('queued', 'sending')",
            [],
            |r| r.get(0),
        )?;
        let failed: i64 = self.tx.query_row(
            "SELECT COUNT(*) FROM messages WHERE state IN ('failed', 'unsure') AND state_at >= ?1",
            [since],
            |r| r.get(0),
        )?;
        let last = self
            .tx
            .query_row(
                "SELECT problem, problem_about, last_error FROM messages
                 WHERE state IN ('failed', 'unsure') AND state_at >= ?1
                 ORDER BY state_at DESC, id DESC LIMIT 1",
                [since],
                |r| {
                    Ok(WhyOwned {
                        code: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                        about: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        detail: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    })
                },
            )
            .optional()?;
        Ok((waiting, failed, last))
    }

    /// How many messages are in each state.
    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        let mut counts = OutboxCounts::default();
        let mut stmt = self
            .tx
            .prepare("SELECT state, COUNT(*) FROM messages GROUP BY state")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (state, n) = row?;
            match State::parse(&state) {
                Some(State::Queued) => counts.queued = n,
                Some(State::Sending) => counts.sending = n,
                Some(State::Sent) => counts.sent = n,
                Some(State::Failed) => counts.failed = n,
                Some(State::Cancelled) => counts.cancelled = n,
                Some(State::Unsure) => counts.unsure = n,
                None => {}
            }
        }
        Ok(counts)
    }
}
