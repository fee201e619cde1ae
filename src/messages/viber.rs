//! Viber through its public bot (REST) API. The bot writes only to users who came to it: a
//! member opens `viber://pa?chatURI=<bot>&context=<code>` (a `conversation_started` event with
//! the code), and is subscribed once they write. Messages go by `POST {api}/send_message` with
//! `X-Viber-Auth-Token`; every answer is 200 with a `status` (0 is ok). Events arrive at
//! `/hooks/viber`, signed with the token (`X-Viber-Content-Signature`).

use super::chat::{agent, post_json, server_of};
use super::{Incoming, Letter, Problem, SendError, Transport};
use std::time::Duration;

/// `[viber]`, validated.
#[derive(Clone)]
pub struct ViberSettings {
    /// The bot's token (Viber Admin Panel): it signs the webhooks too.
    pub token: String,
    /// The bot's URI, for the `viber://` link.
    pub uri: String,
    /// The name messages are sent under (at most 28 characters).
    pub sender: String,
    /// `https://chatapi.viber.com/pa` unless set otherwise.
    pub api_url: String,
    pub timeout: Duration,
}

impl std::fmt::Debug for ViberSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViberSettings")
            .field("uri", &self.uri)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

impl ViberSettings {
    /// The link a member opens: the bot's chat, with their code as its context.
    pub fn link(&self, code: &str) -> String {
        format!("viber://pa?chatURI={}&context={code}", self.uri)
    }

    /// The message shown when a member opens the chat (the answer to `conversation_started`).
    pub fn welcome(&self, text: &str) -> serde_json::Value {
        serde_json::json!({
            "sender": {"name": self.sender},
            "type": "text",
            "text": text,
        })
    }
}

/// Sends through the bot.
pub struct ViberTransport {
    settings: ViberSettings,
    agent: ureq::Agent,
}

impl ViberTransport {
    pub fn new(settings: ViberSettings) -> ViberTransport {
        let agent = agent(settings.timeout);
        ViberTransport { settings, agent }
    }
}

impl Transport for ViberTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let s = &self.settings;
        let body = serde_json::json!({
            "receiver": letter.to,
            "min_api_version": 1,
            "sender": {"name": s.sender},
            "type": "text",
            "text": letter.text,
        });
        let url = format!("{}/send_message", s.api_url.trim_end_matches('/'));
        let a = post_json(
            &self.agent,
            &url,
            &[("X-Viber-Auth-Token", &s.token)],
            &body,
            Some(handing_over),
            &server_of(&s.api_url),
        )?;
        if a.status >= 500 || a.status == 429 {
            return Err(SendError::Passing(Problem::new(
                "app_down",
                server_of(&s.api_url),
                &a.said,
            )));
        }
        let status = a.json["status"].as_i64().unwrap_or(-1);
        let said = a.json["status_message"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| a.said.clone());
        let p = |code: &'static str| Problem::new(code, "Viber", format!("{said} ({status})"));
        match status {
            0 => Ok(()),
            2 | 7 | 8 | 9 => Err(SendError::ForGood(p("token_refused"))),
            // Not a Viber user (any more): the chat has ended.
            5 => Err(SendError::ForGood(p("chat_ended"))),
            // Not subscribed: they opened the chat and have not written yet, or left it.
            6 => Err(SendError::ForGood(p("window_closed"))),
            12 => Err(SendError::Passing(p("rate_limited"))),
            _ => Err(SendError::ForGood(p("app_refused"))),
        }
    }
}

/// What a Viber callback says: a member opening the chat with a code, a message, leaving.
pub fn read_event(body: &serde_json::Value) -> Option<Incoming> {
    match body["event"].as_str()? {
        "conversation_started" => {
            let code = body["context"].as_str().filter(|c| !c.is_empty())?;
            Some(Incoming::Link {
                chat: body["user"]["id"].as_str()?.to_string(),
                code: code.to_string(),
            })
        }
        "message" => {
            let text = body["message"]["text"]
                .as_str()
                .filter(|t| !t.trim().is_empty())?;
            Some(Incoming::Message {
                chat: body["sender"]["id"].as_str()?.to_string(),
                id: body["message_token"].as_u64()?.to_string(),
                text: text.to_string(),
                at: body["timestamp"].as_i64().unwrap_or(0) / 1000,
            })
        }
        "unsubscribed" => Some(Incoming::Ended {
            chat: body["user_id"].as_str()?.to_string(),
            why: "unsubscribed",
            detail: "unsubscribed from the bot".into(),
        }),
        _ => None,
    }
}
