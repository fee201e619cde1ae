//! The outbox of messages to customers. Each row has an idempotency key (queued once whatever
//! retries its cause), is claimed by one sender at a time, and moves queued → sent, or back to
//! queued with a later `next_at` after a passing failure, or to failed / cancelled / unsure.
//! The words are chosen when it is sent (in the customer's language then) and kept with it.

use crate::domain::messages::{Channel, Kind, MAX_ATTEMPTS, State, backoff};
use crate::domain::support::ContactVia;
use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// How long a claim keeps other senders off a message, in seconds: longer than any send.
pub const CLAIM_SECONDS: i64 = 300;

/// A message claimed for sending, with what its words need.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub id: i64,
    pub key: String,
    pub kind: Kind,
    pub channel: Channel,
    /// The address it goes to.
    pub to: String,
    pub customer_id: Option<i64>,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    /// The customer's language, when they chose one.
    pub language: Option<String>,
    pub ticket_id: Option<i64>,
    /// The visit the ticket is about (its page has the confirm and reopen buttons).
    pub visit_id: Option<i64>,
    pub ticket_summary: Option<String>,
    /// What the message is about (a reward's id, a voucher's last day, a balance).
    pub facts: serde_json::Value,
    /// The customer's balance now.
    pub balance: i64,
    /// This try, counting from 1.
    pub attempt: i64,
    /// On a messaging app: when the customer last wrote in the chat (WhatsApp's and
    /// Messenger's windows count from it).
    pub last_heard_at: Option<i64>,
}

/// What claiming the next due message found.
#[derive(Debug)]
pub enum Claim {
    /// Nothing is due.
    None,
    /// One to send.
    Send(Box<Outgoing>),
    /// One that may no longer go (consent withdrawn, address gone): now cancelled, and why
    /// (a problem code: consent_withdrawn, no_address, erased, no_contact).
    Cancelled { id: i64, reason: &'static str },
}

/// Why a message did not go: a problem code, what it is about, the technical detail.
#[derive(Debug, Clone, Copy)]
pub struct Why<'a> {
    pub code: &'a str,
    pub about: &'a str,
    pub detail: &'a str,
}

/// [`Why`], owned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WhyOwned {
    pub code: String,
    pub about: String,
    pub detail: String,
}

impl super::Room<'_, '_> {
    /// Queues a marketing message for a member of this till (one enrolled here: in a chain the
    /// home till sends), on the channel they consented to last. Returns whether a row was
    /// added: not without consent and an address, and never twice for one key.
    pub fn queue_marketing(
        &self,
        customer_id: i64,
        kind: Kind,
        key: &str,
        facts: &serde_json::Value,
        now: i64,
    ) -> Result<bool> {
        debug_assert!(kind.is_marketing());
        let home: bool = self
            .tx
            .prepare_cached(
                "SELECT origin IS NULL AND merged_into IS NULL FROM customers WHERE id = ?1",
            )?
            .query_row([customer_id], |r| r.get(0))?;
        if !home {
            return Ok(false);
        }
        let Some((channel, _)) = self.marketing_channel(customer_id, None)? else {
            return Ok(false);
        };
        self.insert_message(
            key,
            Some(customer_id),
            None,
            kind,
            channel,
            None,
            facts,
            now,
        )
    }

    /// Queues a service message about a ticket to the contact the customer gave for it (by
    /// email or SMS; none for a call or in person), with what it says beyond the ticket
    /// (`facts`: staff's reply). Returns whether a row was added.
    pub fn queue_ticket_message(
        &self,
        ticket_id: i64,
        kind: Kind,
        key: &str,
        facts: &serde_json::Value,
        now: i64,
    ) -> Result<bool> {
        let t = self.support().ticket(ticket_id)?;
        let channel = match t.contact_via {
            Some(ContactVia::Email) => Channel::Email,
            Some(ContactVia::Sms) => Channel::Sms,
            Some(via) => match via.chat() {
                Some(chat) => chat,
                None => return Ok(false),
            },
            None => return Ok(false),
        };
        let Some(to) = t.contact.filter(|c| !c.trim().is_empty()) else {
            return Ok(false);
        };
        let customer_id: Option<i64> = self
            .tx
            .query_row(
                "SELECT customer_id FROM tickets WHERE id = ?1",
                [ticket_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        self.insert_message(
            key,
            customer_id,
            Some(ticket_id),
            kind,
            channel,
            Some(&to),
            facts,
            now,
        )
    }

    /// The message queued with this key, if any.
    pub fn message_by_key(&self, key: &str) -> Result<Option<i64>> {
        self.optional("SELECT id FROM messages WHERE key = ?1", [key])
    }

    /// Queues an email to the shop's owner (the checks' daily summary), its words in `facts`
    /// (`subject`, `body`). Returns whether a row was added: never twice for one key.
    pub fn queue_owner_email(
        &self,
        key: &str,
        to: &str,
        facts: &serde_json::Value,
        now: i64,
    ) -> Result<bool> {
        self.insert_message(
            key,
            None,
            None,
            Kind::AlertsSummary,
            Channel::Email,
            Some(to),
            facts,
            now,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn insert_message(
        &self,
        key: &str,
        customer_id: Option<i64>,
        ticket_id: Option<i64>,
        kind: Kind,
        channel: Channel,
        to: Option<&str>,
        facts: &serde_json::Value,
        now: i64,
    ) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO messages (key, customer_id, ticket_id, kind, channel,
                 recipient, facts, created_at, next_at, state_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8)",
            )?
            .execute(rusqlite::params![
                key,
                customer_id,
                ticket_id,
                kind.as_str(),
                channel.as_str(),
                to,
                facts.to_string(),
                now
            ])?;
        Ok(n == 1)
    }

    /// Messages a sender that stopped mid-send left as `sending`, once their claim has run
    /// out, become `unsure`: the server may have taken them. Returns how many.
    pub fn recover_unsure(&self, now: i64) -> Result<usize> {
        Ok(self.tx.execute(
            "UPDATE messages SET state = 'unsure', state_at = ?1, claimed_until = 0,
             problem = 'stopped', problem_about = NULL, last_error = NULL
             WHERE state = 'sending' AND claimed_until < ?1",
            [now],
        )?)
    }

    /// Claims the next message due (oldest first), counting the try. A marketing message whose
    /// consent or address is gone is cancelled instead.
    pub fn claim_message(&self, now: i64, channels: &[Channel]) -> Result<Claim> {
        let channels: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
        let row = self
            .tx
            .prepare_cached(
                "SELECT m.id, m.key, m.kind, m.channel, m.recipient, m.customer_id, m.ticket_id,
                        m.facts, m.attempts
                 FROM messages m
                 WHERE m.state = 'queued' AND m.next_at <= ?1 AND m.claimed_until <= ?1
                   AND m.channel IN (SELECT value FROM json_each(?2))
                 ORDER BY m.next_at, m.id LIMIT 1",
            )?
            .query_row(
                rusqlite::params![now, serde_json::to_string(&channels).unwrap_or_default()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, i64>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, key, kind, channel, recipient, customer_id, ticket_id, facts, attempts)) =
            row
        else {
            return Ok(Claim::None);
        };
        let kind = Kind::parse(&kind)
            .ok_or_else(|| StoreError::Damaged(format!("message {id}: unknown kind {kind}")))?;
        let channel = Channel::parse(&channel).unwrap_or(Channel::Email);
        let customer = match customer_id {
            Some(c) => Some(self.people().customer_by_id(c)?),
            None => None,
        };
        let to = if kind.is_marketing() {
            let Some(c) = customer_id else {
                return self.cancel(id, "erased", now);
            };
            match self.consent(c, channel)? {
                Some(consent) if consent.given => {}
                _ => return self.cancel(id, "consent_withdrawn", now),
            }
            let address = match &customer {
                Some(c) => self.address_of(c, channel)?,
                None => None,
            };
            match address {
                Some(a) if !a.trim().is_empty() => a,
                _ => return self.cancel(id, "no_address", now),
            }
        } else {
            match recipient {
                Some(r) if !r.trim().is_empty() => r,
                _ => return self.cancel(id, "no_contact", now),
            }
        };
        if customer.as_ref().is_some_and(|c| c.erased_at.is_some()) {
            return self.cancel(id, "erased", now);
        }
        let (visit_id, ticket_summary) = match ticket_id {
            Some(t) => {
                let t = self.support().ticket(t)?;
                (t.visit_id, Some(t.summary))
            }
            None => (None, None),
        };
        let language = match customer_id {
            Some(c) => self.people().language_of(c)?,
            None => None,
        };
        let last_heard_at = match channel.is_chat() {
            true => self.last_heard(channel, &to)?,
            false => None,
        };
        self.tx
            .prepare_cached(
                "UPDATE messages SET attempts = attempts + 1, claimed_until = ?2 WHERE id = ?1",
            )?
            .execute((id, now + CLAIM_SECONDS))?;
        Ok(Claim::Send(Box::new(Outgoing {
            id,
            key,
            kind,
            channel,
            to,
            customer_id,
            customer_code: customer.as_ref().map(|c| c.display_code()),
            customer_name: customer.as_ref().and_then(|c| c.name.clone()),
            language,
            ticket_id,
            visit_id,
            ticket_summary,
            facts: serde_json::from_str(&facts).unwrap_or_default(),
            balance: customer.as_ref().map(|c| c.balance).unwrap_or(0),
            attempt: attempts + 1,
            last_heard_at,
        })))
    }

    fn cancel(&self, id: i64, reason: &'static str, now: i64) -> Result<Claim> {
        self.tx.execute(
            "UPDATE messages SET state = 'cancelled', state_at = ?2, problem = ?3,
             problem_about = NULL, last_error = NULL, claimed_until = 0 WHERE id = ?1",
            (id, now, reason),
        )?;
        Ok(Claim::Cancelled { id, reason })
    }

    /// Cancels a customer's marketing messages still waiting (on one channel, or all).
    pub(in crate::store) fn cancel_marketing(
        &self,
        customer_id: i64,
        channel: Option<Channel>,
        reason: &str,
        now: i64,
    ) -> Result<usize> {
        // Service messages (a ticket's) are not marketing: every one of their kinds is kept.
        let service: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| !k.is_marketing())
            .map(|k| k.as_str())
            .collect();
        Ok(self.tx.execute(
            "UPDATE messages SET state = 'cancelled', state_at = ?3, problem = ?4,
             problem_about = NULL, last_error = NULL
             WHERE customer_id = ?1 AND state = 'queued' AND (?2 IS NULL OR channel = ?2)
               AND kind NOT IN (SELECT value FROM json_each(?5))",
            rusqlite::params![
                customer_id,
                channel.map(Channel::as_str),
                now,
                reason,
                serde_json::to_string(&service).unwrap_or_default()
            ],
        )?)
    }

    /// A message that cannot go in its chat now (the window closed with no approved template,
    /// or the app said so): a marketing message is queued on the member's other consented
    /// channel and this one cancelled, with why; any other waits, tried again later like a
    /// passing failure. Returns the channel it moved to.
    pub fn divert_message(&self, id: i64, why: &Why<'_>, now: i64) -> Result<Option<Channel>> {
        let (key, customer_id, kind, channel, facts): (
            String,
            Option<i64>,
            String,
            String,
            String,
        ) = self.tx.query_row(
            "SELECT key, customer_id, kind, channel, facts FROM messages WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let kind = Kind::parse(&kind);
        let other = match (kind, customer_id) {
            (Some(k), Some(c)) if k.is_marketing() => {
                self.marketing_channel(c, Channel::parse(&channel))?
            }
            _ => None,
        };
        let (Some((other, _)), Some(kind)) = (other, kind) else {
            self.mark_message_failed(id, why, false, now)?;
            return Ok(None);
        };
        let facts: serde_json::Value = serde_json::from_str(&facts).unwrap_or_default();
        self.insert_message(
            &format!("{key}>{}", other.as_str()),
            customer_id,
            None,
            kind,
            other,
            None,
            &facts,
            now,
        )?;
        self.tx.execute(
            "UPDATE messages SET state = 'cancelled', state_at = ?2, problem = ?3,
             problem_about = ?4, last_error = ?5, claimed_until = 0 WHERE id = ?1",
            rusqlite::params![id, now, why.code, why.about, why.detail],
        )?;
        Ok(Some(other))
    }

    /// Keeps the words about to be sent and marks the message `sending`: from here a stop
    /// leaves it `unsure`, never sent again by itself.
    pub fn mark_message_sending(
        &self,
        id: i64,
        language: &str,
        subject: &str,
        body: &str,
        now: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE messages SET state = 'sending', state_at = ?2, language = ?3,
                 subject = ?4, body = ?5 WHERE id = ?1 AND state = 'queued'",
            )?
            .execute(rusqlite::params![id, now, language, subject, body])?;
        Ok(())
    }

    /// The connection broke after the server had the message: it may have gone out.
    pub fn mark_message_unsure(&self, id: i64, why: &Why<'_>, now: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE messages SET state = 'unsure', state_at = ?2, problem = ?3,
             problem_about = ?4, last_error = ?5, claimed_until = 0 WHERE id = ?1",
            (id, now, why.code, why.about, why.detail),
        )?;
        Ok(())
    }

    /// The server took the message. A message about a ticket goes in its history too (a
    /// note by the channel, with what was sent), which counts as the shop's reply.
    pub fn mark_message_sent(&self, id: i64, to: &str, now: i64) -> Result<()> {
        // What was sent: an email's subject, an SMS's text.
        let about: Option<(Option<i64>, String, Option<String>)> = self
            .tx
            .query_row(
                "SELECT ticket_id, channel, CASE channel WHEN 'email' THEN subject ELSE body END
                 FROM messages WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((Some(ticket), channel, said)) = about {
            self.support()
                .ticket_event(ticket, now, "note", said.as_deref(), Some(&channel))?;
        }
        self.tx
            .prepare_cached(
                "UPDATE messages SET state = 'sent', state_at = ?2, sent_at = ?2, sent_to = ?3,
                 claimed_until = 0, problem = NULL, problem_about = NULL, last_error = NULL
                 WHERE id = ?1",
            )?
            .execute((id, now, to))?;
        Ok(())
    }

    /// A try failed: for good (`permanent`, or the last try), or to be tried again after the
    /// backoff. Returns the state it is now in.
    pub fn mark_message_failed(
        &self,
        id: i64,
        why: &Why<'_>,
        permanent: bool,
        now: i64,
    ) -> Result<State> {
        let attempts: i64 =
            self.tx
                .query_row("SELECT attempts FROM messages WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let state = if permanent || attempts >= MAX_ATTEMPTS {
            State::Failed
        } else {
            State::Queued
        };
        self.tx
            .prepare_cached(
                "UPDATE messages SET state = ?2, state_at = ?3, next_at = ?4, problem = ?5,
                 problem_about = ?6, last_error = ?7, claimed_until = 0 WHERE id = ?1",
            )?
            .execute(rusqlite::params![
                id,
                state.as_str(),
                now,
                now + backoff(attempts),
                why.code,
                why.about,
                why.detail
            ])?;
        Ok(state)
    }

    /// Puts a failed or unsure message back in the queue, due now (the owner's decision: an
    /// unsure one may reach the customer twice).
    pub fn retry_message(&self, id: i64, now: i64) -> Result<()> {
        let n = self.tx.execute(
            "UPDATE messages SET state = 'queued', state_at = ?2, next_at = ?2, attempts = 0,
             claimed_until = 0 WHERE id = ?1 AND state IN ('failed', 'unsure')",
            (id, now),
        )?;
        if n == 0 {
            return Err(StoreError::NotRetryable(id));
        }
        Ok(())
    }
}
