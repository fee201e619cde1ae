//! WhatsApp through the Business Platform's Cloud API. The customer's phone number is their
//! WhatsApp id. The shop writes freely only within 24 hours of the customer's last message;
//! otherwise only a template Meta approved (per kind of message and language). Messages go
//! by `POST {api}/{phone-number-id}/messages`; what customers write arrives by webhook
//! (`/hooks/whatsapp`, signed with the app secret), as do marketing opt-outs.

use super::chat::{agent, post_json, server_of};
use super::{Form, Incoming, Letter, Problem, SendError, Transport};
use std::collections::BTreeMap;
use std::time::Duration;

/// `[whatsapp]`, validated.
#[derive(Clone)]
pub struct WhatsAppSettings {
    /// A system user's access token.
    pub token: String,
    /// The id of the shop's WhatsApp number in the Business Platform.
    pub phone_number_id: String,
    /// The shop's WhatsApp number in international form (digits), for the `wa.me` link.
    pub number: String,
    /// The app secret the webhooks are signed with.
    pub app_secret: String,
    /// The word Meta's webhook check must bring back.
    pub verify_token: String,
    /// `https://graph.facebook.com/v21.0` unless set otherwise.
    pub api_url: String,
    /// Approved templates: message kind → language → template name.
    pub templates: BTreeMap<String, BTreeMap<String, String>>,
    pub timeout: Duration,
}

impl std::fmt::Debug for WhatsAppSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WhatsAppSettings")
            .field("phone_number_id", &self.phone_number_id)
            .field("api_url", &self.api_url)
            .field("templates", &self.templates)
            .finish_non_exhaustive()
    }
}

impl WhatsAppSettings {
    /// The link a member opens: a chat with the shop's number, the code already typed.
    pub fn link(&self, code: &str, words: &str) -> String {
        let text = format!("{words} {code}");
        let mut q = String::new();
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                q.push(b as char);
            } else {
                q.push_str(&format!("%{b:02X}"));
            }
        }
        format!("https://wa.me/{}?text={q}", self.number)
    }

    /// The approved template for a kind of message in a language (its base language too:
    /// `sr` for `sr-Latn`), with the language code it was approved under.
    pub fn template(&self, kind: &str, language: &str) -> Option<(String, String)> {
        let by_language = self.templates.get(kind)?;
        let base = language.split(['-', '_']).next().unwrap_or(language);
        [language, &language.replace('-', "_"), base]
            .into_iter()
            .find_map(|l| by_language.get(l).map(|n| (n.clone(), l.to_string())))
    }
}

/// Sends through the Cloud API.
pub struct WhatsAppTransport {
    settings: WhatsAppSettings,
    agent: ureq::Agent,
}

impl WhatsAppTransport {
    pub fn new(settings: WhatsAppSettings) -> WhatsAppTransport {
        let agent = agent(settings.timeout);
        WhatsAppTransport { settings, agent }
    }
}

/// A template parameter as WhatsApp takes it: no new lines or tabs, no more than four spaces
/// in a row.
fn param(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Transport for WhatsAppTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let to: String = letter.to.chars().filter(char::is_ascii_digit).collect();
        if to.len() < 7 {
            return Err(SendError::ForGood(Problem::new(
                "bad_address",
                letter.to.clone(),
                "not a WhatsApp number",
            )));
        }
        let mut body = serde_json::json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
        });
        match &letter.form {
            Form::Template {
                name,
                language,
                params,
            } => {
                body["type"] = "template".into();
                body["template"] = serde_json::json!({
                    "name": name,
                    "language": {"code": language},
                    "components": [{
                        "type": "body",
                        "parameters": params.iter()
                            .map(|p| serde_json::json!({"type": "text", "text": param(p)}))
                            .collect::<Vec<_>>(),
                    }],
                });
            }
            _ => {
                body["type"] = "text".into();
                body["text"] = serde_json::json!({"preview_url": false, "body": letter.text});
            }
        }
        let s = &self.settings;
        let url = format!(
            "{}/{}/messages",
            s.api_url.trim_end_matches('/'),
            s.phone_number_id
        );
        let bearer = format!("Bearer {}", s.token);
        let a = post_json(
            &self.agent,
            &url,
            &[("Authorization", &bearer)],
            &body,
            Some(handing_over),
            &server_of(&s.api_url),
        )?;
        if (200..300).contains(&a.status) && a.json["messages"][0]["id"].is_string() {
            return Ok(());
        }
        Err(meta_error(
            &a.json, a.status, &a.said, "WhatsApp", &s.api_url,
        ))
    }
}

/// Why the Graph API (WhatsApp's and Messenger's) refused, by its error code.
pub(super) fn meta_error(
    json: &serde_json::Value,
    status: u16,
    said: &str,
    app: &str,
    api_url: &str,
) -> SendError {
    let e = &json["error"];
    let code = e["code"].as_i64().unwrap_or(0);
    let subcode = e["error_subcode"].as_i64().unwrap_or(0);
    let detail = match (e["message"].as_str(), e["error_data"]["details"].as_str()) {
        (Some(m), Some(d)) => format!("{m} ({code}): {d}"),
        (Some(m), None) => format!("{m} ({code})"),
        _ => said.to_string(),
    };
    let problem = |c: &'static str, about: &str| Problem::new(c, about, &detail);
    match code {
        190 | 102 | 463 | 467 => SendError::ForGood(problem("token_refused", app)),
        // WhatsApp: more than 24 hours since the customer wrote. Messenger: outside the window
        // (error 10, subcode 2018278) or the tag's 7 days.
        131047 => SendError::ForGood(problem("window_closed", app)),
        10 if subcode == 2018278 || subcode == 2534022 => {
            SendError::ForGood(problem("window_closed", app))
        }
        132000 | 132001 | 132005 | 132007 | 132012 | 132015 | 132016 => {
            SendError::ForGood(problem("no_template", app))
        }
        131050 => SendError::ForGood(problem("opted_out", app)),
        // Messenger: the person cannot be reached (blocked the Page, deleted the account).
        551 => SendError::ForGood(problem("chat_ended", app)),
        4 | 80007 | 130429 | 131048 | 131056 | 613 => {
            SendError::Passing(problem("rate_limited", app))
        }
        131000 | 131016 | 1 | 2 => SendError::Passing(problem("app_down", &server_of(api_url))),
        _ if status >= 500 || status == 429 => {
            SendError::Passing(problem("app_down", &server_of(api_url)))
        }
        131026 | 131021 | 100 => SendError::ForGood(problem("refused_recipient", app)),
        _ => SendError::ForGood(problem("app_refused", app)),
    }
}

/// What a Cloud API webhook's body says: the customers' messages (text, a button's words),
/// link codes (a message that is a code from a visit page) and marketing opt-outs. `is_code`
/// tells a link code from other words.
pub fn read_webhook(body: &serde_json::Value, is_code: &dyn Fn(&str) -> bool) -> Vec<Incoming> {
    let mut out = Vec::new();
    if body["object"].as_str() != Some("whatsapp_business_account") {
        return out;
    }
    for change in body["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["changes"].as_array().into_iter().flatten())
    {
        let value = &change["value"];
        for m in value["messages"].as_array().into_iter().flatten() {
            let (Some(from), Some(id)) = (m["from"].as_str(), m["id"].as_str()) else {
                continue;
            };
            let text = m["text"]["body"]
                .as_str()
                .or(m["button"]["text"].as_str())
                .or(m["interactive"]["button_reply"]["title"].as_str())
                .unwrap_or("");
            if text.trim().is_empty() {
                continue;
            }
            if let Some(code) = text.split_whitespace().find(|w| is_code(w)) {
                out.push(Incoming::Link {
                    chat: from.to_string(),
                    code: code.to_string(),
                });
                continue;
            }
            out.push(Incoming::Message {
                chat: from.to_string(),
                id: id.to_string(),
                text: text.to_string(),
                at: m["timestamp"]
                    .as_str()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0),
            });
        }
        for p in value["user_preferences"].as_array().into_iter().flatten() {
            if p["category"].as_str() == Some("marketing_messages")
                && p["value"].as_str() == Some("stop")
                && let Some(wa) = p["wa_id"].as_str()
            {
                out.push(Incoming::Ended {
                    chat: wa.to_string(),
                    why: "opted_out",
                    detail: p["detail"].as_str().unwrap_or("stop").to_string(),
                });
            }
        }
    }
    out
}
