//! Facebook Messenger through the Messenger Platform (Send API). The customer writes first, or
//! opens `m.me/<page>?ref=<code>` (a referral event carrying the code and their page-scoped
//! id). The Page answers anything within 24 hours of the customer's last message; after it,
//! only a support answer tagged HUMAN_AGENT, within 7 days. Messages go by
//! `POST {api}/me/messages` with the Page's token; events arrive at `/hooks/messenger`, signed
//! like WhatsApp's (`X-Hub-Signature-256`, the app secret).

use super::chat::{agent, post_json, server_of};
use super::whatsapp::meta_error;
use super::{Form, Incoming, Letter, Problem, SendError, Transport};
use std::time::Duration;

/// `[messenger]`, validated.
#[derive(Clone)]
pub struct MessengerSettings {
    /// The Page's access token (with `pages_messaging`).
    pub page_token: String,
    /// The app secret the webhooks are signed with.
    pub app_secret: String,
    /// The word Meta's webhook check must bring back.
    pub verify_token: String,
    /// The Page's user name or id, for the `m.me` link.
    pub page: String,
    /// `https://graph.facebook.com/v21.0` unless set otherwise.
    pub api_url: String,
    pub timeout: Duration,
}

impl std::fmt::Debug for MessengerSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MessengerSettings")
            .field("page", &self.page)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

impl MessengerSettings {
    /// The link a member opens: the Page's chat, with their code as the referral.
    pub fn link(&self, code: &str) -> String {
        format!("https://m.me/{}?ref={code}", self.page)
    }
}

/// Sends as the Page.
pub struct MessengerTransport {
    settings: MessengerSettings,
    agent: ureq::Agent,
}

impl MessengerTransport {
    pub fn new(settings: MessengerSettings) -> MessengerTransport {
        let agent = agent(settings.timeout);
        MessengerTransport { settings, agent }
    }
}

impl Transport for MessengerTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let s = &self.settings;
        let mut body = serde_json::json!({
            "recipient": {"id": letter.to},
            "messaging_type": "RESPONSE",
            "message": {"text": letter.text},
        });
        if letter.form == Form::HumanAgent {
            body["messaging_type"] = "MESSAGE_TAG".into();
            body["tag"] = "HUMAN_AGENT".into();
        }
        let url = format!("{}/me/messages", s.api_url.trim_end_matches('/'));
        let bearer = format!("Bearer {}", s.page_token);
        let a = post_json(
            &self.agent,
            &url,
            &[("Authorization", &bearer)],
            &body,
            Some(handing_over),
            &server_of(&s.api_url),
        )?;
        if (200..300).contains(&a.status) && a.json["message_id"].is_string() {
            return Ok(());
        }
        Err(meta_error(
            &a.json,
            a.status,
            &a.said,
            "Messenger",
            &s.api_url,
        ))
    }
}

/// What a Messenger webhook's body says: messages (not the Page's own echoes), referrals and
/// Get Started postbacks carrying a link code.
pub fn read_webhook(body: &serde_json::Value) -> Vec<Incoming> {
    let mut out = Vec::new();
    if body["object"].as_str() != Some("page") {
        return out;
    }
    for m in body["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["messaging"].as_array().into_iter().flatten())
    {
        let Some(psid) = m["sender"]["id"].as_str() else {
            continue;
        };
        let referral = m["referral"]["ref"]
            .as_str()
            .or(m["postback"]["referral"]["ref"].as_str());
        if let Some(code) = referral.filter(|c| !c.is_empty()) {
            out.push(Incoming::Link {
                chat: psid.to_string(),
                code: code.to_string(),
            });
            continue;
        }
        let message = &m["message"];
        if message["is_echo"].as_bool() == Some(true) {
            continue;
        }
        if let (Some(mid), Some(text)) = (message["mid"].as_str(), message["text"].as_str())
            && !text.trim().is_empty()
        {
            out.push(Incoming::Message {
                chat: psid.to_string(),
                id: mid.to_string(),
                text: text.to_string(),
                at: m["timestamp"].as_i64().unwrap_or(0) / 1000,
            });
        }
    }
    out
}
