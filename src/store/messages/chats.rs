//! The customer's own messaging apps: a chat linked to a member by a one-time code from their
//! visit page (with the consent it carries), what customers write there (each message once,
//! into their ticket), a chat ended by the customer (blocked, unsubscribed: consent withdrawn),
//! and where long polling stands.
//!
//! Owns `chat_links`, `chat_inbound` and `chat_polls`.

use super::consents::{ConsentSource, NewConsent};
use crate::domain::messages::Channel;
use crate::domain::support::{self, ContactVia, Status, TextField, clean_text};
use crate::store::{NewTicket, Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A member's chat on a messaging app, as `customer show` lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChatLink {
    pub channel: Channel,
    /// The platform's id for the chat.
    pub chat: String,
    pub linked_at: i64,
    pub unlinked_at: Option<i64>,
    /// Why it ended: blocked, unsubscribed, relinked, erased.
    pub unlinked_why: Option<String>,
    pub last_heard_at: Option<i64>,
}

/// A chat to link, as the platform told it.
#[derive(Debug, Clone)]
pub struct NewChatLink<'a> {
    pub channel: Channel,
    pub chat: &'a str,
    /// The code the chat came with; `customer_id` is the member the shop's secret says it
    /// was made for.
    pub code: &'a str,
    pub customer_id: i64,
    /// The consent's words as the page showed them, and their language.
    pub wording: &'a str,
    pub language: Option<&'a str>,
    pub at: i64,
}

/// A message a customer wrote in a chat.
#[derive(Debug, Clone)]
pub struct ChatMessage<'a> {
    pub channel: Channel,
    /// The platform's id for this message: recorded once.
    pub platform_id: &'a str,
    pub chat: &'a str,
    pub text: &'a str,
    pub at: i64,
}

/// What became of a message from a chat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Heard {
    /// Into the member's ticket (`opened`: a new one).
    Ticket {
        ticket: i64,
        customer: String,
        opened: bool,
    },
    /// From a chat linked to no member: kept for the owner.
    Unknown,
    /// Recorded before (a webhook delivered again).
    Again,
}

/// A message from a chat linked to no one, for the owner.
#[derive(Debug, Clone, Serialize)]
pub struct UnknownChatMessage {
    pub channel: Channel,
    pub chat: String,
    pub at: i64,
    pub text: String,
}

/// Longest summary a ticket opened by a chat message takes from it, in characters.
const SUMMARY_CHARS: usize = 120;

impl super::Room<'_, '_> {
    /// Links a member's chat (the code checked by the caller against the shop's secret).
    /// Refused when the code was used before, or the member is erased or gone. The member's
    /// earlier chat on this app and any other member's link of this chat end; consent for the
    /// app is recorded with the words the page showed, from the chat.
    pub fn link_chat(&self, link: &NewChatLink<'_>) -> Result<String> {
        debug_assert!(link.channel.is_chat());
        let used =
            self.optional::<i64>("SELECT id FROM chat_links WHERE code = ?1", [link.code])?;
        if used.is_some() {
            return Err(StoreError::LinkCodeUsed);
        }
        let row = self
            .people()
            .customer_by_id(link.customer_id)
            .map_err(|_| StoreError::LinkCodeUnknown)?;
        let merged: bool = self.tx.query_row(
            "SELECT merged_into IS NOT NULL FROM customers WHERE id = ?1",
            [row.id],
            |r| r.get(0),
        )?;
        if row.erased_at.is_some() || merged {
            return Err(StoreError::LinkCodeUnknown);
        }
        self.tx.execute(
            "UPDATE chat_links SET unlinked_at = ?4, unlinked_why = 'relinked'
             WHERE unlinked_at IS NULL AND channel = ?1 AND (chat = ?2 OR customer_id = ?3)",
            rusqlite::params![link.channel.as_str(), link.chat, row.id, link.at],
        )?;
        self.tx.execute(
            "INSERT INTO chat_links (customer_id, channel, chat, code, linked_at, last_heard_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            rusqlite::params![row.id, link.channel.as_str(), link.chat, link.code, link.at],
        )?;
        self.record_consent(
            row.id,
            &NewConsent {
                channel: link.channel,
                given: true,
                source: ConsentSource::Chat,
                wording: link.wording,
                language: link.language,
                actor: None,
                at: link.at,
            },
        )?;
        Ok(row.display_code())
    }

    /// The chat a member linked on `channel`, while it lasts.
    pub(in crate::store) fn live_chat(
        &self,
        customer_id: i64,
        channel: Channel,
    ) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT chat FROM chat_links
                 WHERE customer_id = ?1 AND channel = ?2 AND unlinked_at IS NULL",
            )?
            .query_row((customer_id, channel.as_str()), |r| r.get(0))
            .optional()?)
    }

    /// The member whose live link this chat is.
    fn chat_member(&self, channel: Channel, chat: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT customer_id FROM chat_links
                 WHERE channel = ?1 AND chat = ?2 AND unlinked_at IS NULL",
            )?
            .query_row((channel.as_str(), chat), |r| r.get(0))
            .optional()?)
    }

    /// When the customer last wrote in this chat.
    pub(super) fn last_heard(&self, channel: Channel, chat: &str) -> Result<Option<i64>> {
        let linked: Option<Option<i64>> = self
            .tx
            .prepare_cached(
                "SELECT MAX(last_heard_at) FROM chat_links WHERE channel = ?1 AND chat = ?2",
            )?
            .query_row((channel.as_str(), chat), |r| r.get(0))
            .optional()?;
        let heard: Option<i64> = self
            .tx
            .prepare_cached("SELECT MAX(at) FROM chat_inbound WHERE channel = ?1 AND chat = ?2")?
            .query_row((channel.as_str(), chat), |r| r.get(0))?;
        Ok(linked.flatten().max(heard))
    }

    /// Every chat a member linked, live or ended, oldest first.
    pub fn chat_links_of(&self, customer_id: i64) -> Result<Vec<ChatLink>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT channel, chat, linked_at, unlinked_at, unlinked_why, last_heard_at
             FROM chat_links WHERE customer_id = ?1 ORDER BY linked_at, id",
        )?;
        let rows = stmt.query_map([customer_id], |r| {
            Ok(ChatLink {
                channel: Channel::parse(&r.get::<_, String>(0)?).unwrap_or(Channel::Telegram),
                chat: r.get(1)?,
                linked_at: r.get(2)?,
                unlinked_at: r.get(3)?,
                unlinked_why: r.get(4)?,
                last_heard_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The customer ended the chat (blocked the bot, unsubscribed, opted out of marketing):
    /// the link ends, consent on the app is withdrawn (`wording`: what the platform told)
    /// and everything still waiting for that chat is cancelled. Returns the members it was.
    pub fn end_chat(
        &self,
        channel: Channel,
        chat: &str,
        why: &str,
        wording: &str,
        now: i64,
    ) -> Result<usize> {
        let members = self.live_members(channel, chat)?;
        self.tx.execute(
            "UPDATE chat_links SET unlinked_at = ?3, unlinked_why = ?4
             WHERE channel = ?1 AND chat = ?2 AND unlinked_at IS NULL",
            rusqlite::params![channel.as_str(), chat, now, why],
        )?;
        self.withdraw_in_chat(&members, channel, wording, now)?;
        self.tx.execute(
            "UPDATE messages SET state = 'cancelled', state_at = ?3, problem = 'chat_ended',
             problem_about = NULL, last_error = NULL
             WHERE channel = ?1 AND recipient = ?2 AND state = 'queued'",
            rusqlite::params![channel.as_str(), chat, now],
        )?;
        Ok(members.len())
    }

    /// The customer asked the app for no more marketing from the shop (WhatsApp's opt-out):
    /// consent on the app is withdrawn and waiting marketing cancelled; the chat stays for
    /// answers about tickets. Returns the members it was.
    pub fn opt_out_chat(
        &self,
        channel: Channel,
        chat: &str,
        wording: &str,
        now: i64,
    ) -> Result<usize> {
        let mut members = self.live_members(channel, chat)?;
        if members.is_empty() && channel == Channel::WhatsApp {
            members = self
                .customers_with_phone(&format!("+{}", chat.trim_start_matches('+')))
                .unwrap_or_default();
        }
        self.withdraw_in_chat(&members, channel, wording, now)?;
        Ok(members.len())
    }

    /// The members whose live link this chat is.
    fn live_members(&self, channel: Channel, chat: &str) -> Result<Vec<i64>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT customer_id FROM chat_links
             WHERE channel = ?1 AND chat = ?2 AND unlinked_at IS NULL",
        )?;
        let rows = stmt.query_map((channel.as_str(), chat), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Withdraws these members' consent on `channel`, as the chat told it (`wording`).
    fn withdraw_in_chat(
        &self,
        members: &[i64],
        channel: Channel,
        wording: &str,
        now: i64,
    ) -> Result<()> {
        for id in members {
            self.record_consent(
                *id,
                &NewConsent {
                    channel,
                    given: false,
                    source: ConsentSource::Chat,
                    wording,
                    language: None,
                    actor: None,
                    at: now,
                },
            )?;
        }
        Ok(())
    }

    /// Records what a customer wrote in a chat, once per platform message id: into the
    /// member's latest ticket not yet confirmed (opening one, answered in this chat, when there
    /// is none), or, from a chat linked to no one, kept for the owner. On WhatsApp a chat is a
    /// phone number: an unlinked number that is exactly one member's phone is theirs.
    pub fn hear_chat(&self, m: &ChatMessage<'_>) -> Result<Heard> {
        // What a customer wrote is kept, never refused (the app would send it again and
        // again): control characters dropped, a very long message cut at the limit.
        let plain: String = m
            .text
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
            .take(crate::domain::support::MAX_TEXT_CHARS)
            .collect();
        let text = clean_text(&plain, TextField::Note)?;
        let fresh = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO chat_inbound (channel, platform_id, chat, at, text)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(rusqlite::params![
                m.channel.as_str(),
                m.platform_id,
                m.chat,
                m.at,
                text
            ])?;
        if fresh == 0 {
            return Ok(Heard::Again);
        }
        let inbound = self.tx.last_insert_rowid();
        self.tx.execute(
            "UPDATE chat_links SET last_heard_at = MAX(COALESCE(last_heard_at, 0), ?3)
             WHERE channel = ?1 AND chat = ?2 AND unlinked_at IS NULL",
            rusqlite::params![m.channel.as_str(), m.chat, m.at],
        )?;
        let mut member = self.chat_member(m.channel, m.chat)?;
        if member.is_none() && m.channel == Channel::WhatsApp {
            let phone = format!("+{}", m.chat.trim_start_matches('+'));
            if let Ok(found) = self.customers_with_phone(&phone)
                && let [only] = found.as_slice()
            {
                member = Some(*only);
            }
        }
        let Some(customer_id) = member else {
            return Ok(Heard::Unknown);
        };
        let row = self.people().customer_by_id(customer_id)?;
        let via = ContactVia::of_chat(m.channel);
        let latest: Option<(i64, String)> = self
            .tx
            .prepare_cached(
                "SELECT id, status FROM tickets WHERE customer_id = ?1 AND status <> 'confirmed'
                 ORDER BY opened_at DESC, id DESC LIMIT 1",
            )?
            .query_row([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (ticket, opened) = match latest {
            Some((id, status)) => {
                self.support()
                    .ticket_event(id, m.at, "note", Some(&text), Some("customer"))?;
                // A resolved ticket the customer writes about again is theirs to confirm or
                // reopen on the page; staff read the words. One waiting on them is answered.
                if Status::parse(&status) == Some(Status::Waiting) {
                    self.support().set_ticket_status(
                        id,
                        Status::Open,
                        None,
                        Some("customer"),
                        None,
                        m.at,
                    )?;
                }
                (id, false)
            }
            None => {
                let summary: String = text.chars().take(SUMMARY_CHARS).collect();
                let t = self.support().open_ticket(&NewTicket {
                    customer: Some(row.display_code()),
                    visit_id: None,
                    channel: support::Channel::Chat,
                    problem: None,
                    summary,
                    contact_via: via,
                    contact: Some(m.chat.to_string()),
                    severity: None,
                    at: m.at,
                    actor: Some("customer".into()),
                    key: Some(format!("chat:{}:{}", m.channel.as_str(), m.platform_id)),
                })?;
                self.support()
                    .ticket_event(t.id, m.at, "note", Some(&text), Some("customer"))?;
                (t.id, true)
            }
        };
        self.tx.execute(
            "UPDATE chat_inbound SET customer_id = ?2, ticket_id = ?3 WHERE id = ?1",
            (inbound, customer_id, ticket),
        )?;
        Ok(Heard::Ticket {
            ticket,
            customer: row.display_code(),
            opened,
        })
    }

    /// Messages from chats linked to no one, newest first.
    pub fn unknown_chat_messages(&self, limit: usize) -> Result<Vec<UnknownChatMessage>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT channel, chat, at, text FROM chat_inbound WHERE customer_id IS NULL
             ORDER BY at DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(UnknownChatMessage {
                channel: Channel::parse(&r.get::<_, String>(0)?).unwrap_or(Channel::Telegram),
                chat: r.get(1)?,
                at: r.get(2)?,
                text: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Where long polling of `channel` goes on from (0 at first).
    pub fn poll_from(&self, channel: Channel) -> Result<i64> {
        Ok(self
            .optional::<i64>(
                "SELECT next FROM chat_polls WHERE channel = ?1",
                [channel.as_str()],
            )?
            .unwrap_or(0))
    }

    /// Long polling of `channel` goes on from `next`: kept in the same transaction as what the
    /// poll brought, so a stop between the two neither loses nor doubles an update.
    pub fn set_poll_from(&self, channel: Channel, next: i64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO chat_polls (channel, next) VALUES (?1, ?2)
             ON CONFLICT (channel) DO UPDATE SET next = MAX(next, excluded.next)",
            (channel.as_str(), next),
        )?;
        Ok(())
    }

    /// Ends an erased member's chats (their words stay only as the tickets keep them).
    pub(in crate::store) fn end_chats_of(&self, customer_id: i64, now: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE chat_links SET unlinked_at = ?2, unlinked_why = 'erased', chat = ''
             WHERE customer_id = ?1 AND unlinked_at IS NULL",
            (customer_id, now),
        )?;
        self.tx.execute(
            "UPDATE chat_links SET chat = '' WHERE customer_id = ?1",
            [customer_id],
        )?;
        self.tx.execute(
            "UPDATE chat_inbound SET chat = '', text = '' WHERE customer_id = ?1",
            [customer_id],
        )?;
        Ok(())
    }
}
