//! Consent to marketing messages, per customer and channel: every giving and withdrawing is a
//! row with its time, where it happened and the exact words shown, so the shop can prove it.
//! The latest row of a channel is in force (by time: in a chain, rows arrive from other
//! tills).

use crate::domain::code::CustomerCode;
use crate::domain::messages::Channel;
use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// Where consent was given or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentSource {
    /// Asked at the counter (the enrolment form).
    Counter,
    /// On one of the shop's pages.
    Page,
    /// Brought over from an earlier system, with the words it had used.
    Import,
    /// Staff recorded what the customer said (by phone, in person).
    Staff,
    /// The unsubscribe link of a message.
    Unsubscribe,
    /// STOP sent back by SMS.
    SmsStop,
    /// In the customer's chat on a messaging app: linking it, blocking or unsubscribing.
    Chat,
}

impl ConsentSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentSource::Counter => "counter",
            ConsentSource::Page => "page",
            ConsentSource::Import => "import",
            ConsentSource::Staff => "staff",
            ConsentSource::Unsubscribe => "unsubscribe",
            ConsentSource::SmsStop => "sms_stop",
            ConsentSource::Chat => "chat",
        }
    }

    pub fn parse(s: &str) -> Option<ConsentSource> {
        [
            ConsentSource::Counter,
            ConsentSource::Page,
            ConsentSource::Import,
            ConsentSource::Staff,
            ConsentSource::Unsubscribe,
            ConsentSource::SmsStop,
            ConsentSource::Chat,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// One giving or withdrawing of consent.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Consent {
    pub channel: Channel,
    pub given: bool,
    pub at: i64,
    pub source: String,
    /// The exact words the customer was shown (or that an import brought).
    pub wording: String,
    pub language: Option<String>,
    pub actor: Option<String>,
}

/// A member's choices about messages (see `tx.messages().message_choices`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageChoices {
    pub email: Option<bool>,
    pub sms: Option<bool>,
    pub has_birthday: bool,
}

/// A consent to record.
#[derive(Debug, Clone)]
pub struct NewConsent<'a> {
    pub channel: Channel,
    pub given: bool,
    pub source: ConsentSource,
    pub wording: &'a str,
    pub language: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub at: i64,
}

impl super::Room<'_, '_> {
    /// Records consent given or withdrawn. Withdrawing cancels the channel's marketing
    /// messages still waiting in the outbox. Giving needs the words shown.
    pub fn record_consent(&self, customer_id: i64, c: &NewConsent<'_>) -> Result<()> {
        let wording = c.wording.trim();
        if c.given && wording.is_empty() {
            return Err(StoreError::ConsentWording);
        }
        self.tx.execute(
            "INSERT INTO consents (customer_id, channel, given, at, source, wording, language,
             actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![
                customer_id,
                c.channel.as_str(),
                c.given,
                c.at,
                c.source.as_str(),
                wording,
                c.language,
                c.actor
            ],
        )?;
        if !c.given {
            self.cancel_marketing(customer_id, Some(c.channel), "consent_withdrawn", c.at)?;
        }
        Ok(())
    }

    /// `tx.messages().record_consent` for the customer with this code.
    pub fn record_consent_of(&self, code_text: &str, c: &NewConsent<'_>) -> Result<String> {
        let row = self
            .people()
            .customer_by_code(&CustomerCode::parse(code_text)?)?;
        if row.erased_at.is_some() {
            return Err(StoreError::Erased(row.display_code()));
        }
        self.record_consent(row.id, c)?;
        Ok(row.display_code())
    }

    /// The consent in force for a channel, if any was ever recorded.
    pub fn consent(&self, customer_id: i64, channel: Channel) -> Result<Option<Consent>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT channel, given, at, source, wording, language, actor FROM consents
                 WHERE customer_id = ?1 AND channel = ?2 ORDER BY at DESC, id DESC LIMIT 1",
            )?
            .query_row((customer_id, channel.as_str()), consent_from_row)
            .optional()?)
    }

    /// Every consent recorded for a customer, oldest first.
    pub fn consents_of(&self, customer_id: i64) -> Result<Vec<Consent>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT channel, given, at, source, wording, language, actor FROM consents
             WHERE customer_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([customer_id], consent_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The members (not erased, not merged away) with this phone number, as typed or as a
    /// gateway writes it (normalised the shop's way first).
    pub fn customers_with_phone(&self, phone: &str) -> Result<Vec<i64>> {
        let normal =
            crate::domain::contact::normalize_phone(phone, self.rules.country_code.as_deref())?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT id FROM customers WHERE phone = ?1 AND erased_at IS NULL
             AND merged_into IS NULL",
        )?;
        let rows = stmt.query_map([normal], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Withdraws SMS consent for every member with this number (a STOP texted back).
    /// Returns how many members it was.
    pub fn withdraw_sms_by_phone(&self, phone: &str, wording: &str, now: i64) -> Result<usize> {
        let customers = self.customers_with_phone(phone)?;
        for id in &customers {
            self.record_consent(
                *id,
                &NewConsent {
                    channel: Channel::Sms,
                    given: false,
                    source: ConsentSource::SmsStop,
                    wording,
                    language: None,
                    actor: None,
                    at: now,
                },
            )?;
        }
        Ok(customers.len())
    }

    /// What a member has chosen about messages: reward news and offers by email, by SMS
    /// (`None` without an address or number on file for it), and whether they gave a birthday.
    pub fn message_choices(&self, customer_id: i64) -> Result<MessageChoices> {
        let row = self.people().customer_by_id(customer_id)?;
        let on = |channel| -> Result<bool> {
            Ok(self.consent(customer_id, channel)?.is_some_and(|c| c.given))
        };
        let has_birthday: bool = self.tx.query_row(
            "SELECT birthday IS NOT NULL FROM customers WHERE id = ?1",
            [customer_id],
            |r| r.get(0),
        )?;
        Ok(MessageChoices {
            email: row
                .email
                .is_some()
                .then(|| on(Channel::Email))
                .transpose()?,
            sms: row.phone.is_some().then(|| on(Channel::Sms)).transpose()?,
            has_birthday,
        })
    }

    /// What an unsubscribe page shows: the address (partly hidden), whether marketing on the
    /// channel is on now, and the customer's language. `None` for a customer erased or
    /// unknown here.
    pub fn unsubscribe_view(
        &self,
        customer_id: i64,
        channel: Channel,
    ) -> Result<Option<(String, bool, Option<String>)>> {
        let Ok(row) = self.people().customer_by_id(customer_id) else {
            return Ok(None);
        };
        if row.erased_at.is_some() {
            return Ok(None);
        }
        let address = match channel {
            Channel::Email => row.email.as_deref().map(hide_email),
            Channel::Sms => row.phone.as_deref().map(hide_phone),
            chat => Some(chat.app_name().to_string()),
        }
        .unwrap_or_default();
        let on = self.consent(customer_id, channel)?.is_some_and(|c| c.given);
        Ok(Some((address, on, self.people().language_of(customer_id)?)))
    }

    /// The channel marketing reaches this customer on, with the address: of the channels with
    /// consent in force and an address on file, the one consented to last (the customer's
    /// latest choice).
    pub(super) fn marketing_channel(
        &self,
        customer_id: i64,
        except: Option<Channel>,
    ) -> Result<Option<(Channel, String)>> {
        let row = self.people().customer_by_id(customer_id)?;
        if row.erased_at.is_some() {
            return Ok(None);
        }
        let mut best: Option<(i64, Channel, String)> = None;
        for channel in Channel::ALL.into_iter().filter(|c| Some(*c) != except) {
            let address = self.address_of(&row, channel)?;
            let (Some(address), Some(c)) = (address, self.consent(customer_id, channel)?) else {
                continue;
            };
            if c.given && best.as_ref().is_none_or(|(at, _, _)| c.at >= *at) {
                best = Some((c.at, channel, address));
            }
        }
        Ok(best.map(|(_, c, a)| (c, a)))
    }
}

impl super::Room<'_, '_> {
    /// Where a message on `channel` reaches this customer now: the card's email or phone, or
    /// the live chat they linked on a messaging app.
    pub(in crate::store) fn address_of(
        &self,
        row: &crate::store::people::customers::CustomerRow,
        channel: Channel,
    ) -> Result<Option<String>> {
        Ok(match channel {
            Channel::Email => row.email.clone(),
            Channel::Sms => row.phone.clone(),
            // A phone number is its WhatsApp id: the card's, when no chat was linked.
            Channel::WhatsApp => self
                .live_chat(row.id, channel)?
                .or_else(|| row.phone.as_deref().map(whatsapp_id)),
            chat => self.live_chat(row.id, chat)?,
        }
        .filter(|a| !a.trim().is_empty()))
    }
}

/// A phone number as WhatsApp names its user: the digits, with the country code.
pub(in crate::store) fn whatsapp_id(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

fn consent_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Consent> {
    let channel: String = r.get(0)?;
    Ok(Consent {
        channel: Channel::parse(&channel).unwrap_or(Channel::Email),
        given: r.get(1)?,
        at: r.get(2)?,
        source: r.get(3)?,
        wording: r.get(4)?,
        language: r.get(5)?,
        actor: r.get(6)?,
    })
}

/// `j•••@example.com`: enough for the owner of the address to know it, not for anyone else.
fn hide_email(e: &str) -> String {
    match e.split_once('@') {
        Some((user, domain)) => {
            let first: String = user.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

/// `+371 ••• 4567`.
fn hide_phone(p: &str) -> String {
    let digits: Vec<char> = p.chars().filter(|c| c.is_ascii_digit()).collect();
    let last: String = digits[digits.len().saturating_sub(4)..].iter().collect();
    format!("••• {last}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_are_partly_hidden() {
        assert_eq!(super::hide_email("janis@example.lv"), "j•••@example.lv");
        assert_eq!(super::hide_phone("+37120001234"), "••• 1234");
    }
}
