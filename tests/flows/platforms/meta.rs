//! Meta's Graph API for WhatsApp (Cloud API) and Messenger (Send API), and their customers'
//! signed webhooks.

use super::{Request, Sent, hmac_hex, serve};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct WhatsAppState {
    /// Approved templates: (name, language) → number of body values.
    approved: HashMap<(String, String), usize>,
    marketing: HashSet<String>,
    /// When each number last wrote to the business.
    last_heard: HashMap<String, i64>,
    opted_out: HashSet<String>,
    sent: Vec<Sent>,
    next: i64,
    offset: i64,
}

/// The Cloud API for one business number, and the customers' side of it.
pub struct WhatsApp {
    pub url: String,
    pub token: String,
    pub phone_number_id: String,
    pub app_secret: String,
    pub verify_token: String,
    state: Arc<Mutex<WhatsAppState>>,
}

fn wa_error(status: u16, code: i64, message: &str, details: &str) -> (u16, Value) {
    (
        status,
        json!({"error": {"message": message, "type": "OAuthException", "code": code,
            "error_data": {"messaging_product": "whatsapp", "details": details},
            "fbtrace_id": "AbCdEf123"}}),
    )
}

impl WhatsApp {
    pub fn start() -> WhatsApp {
        let state: Arc<Mutex<WhatsAppState>> = Arc::default();
        let token = "EAAGm0PX4ZCpsBAKZC0test".to_string();
        let phone_number_id = "106540352242922".to_string();
        let (s, t, p) = (state.clone(), token.clone(), phone_number_id.clone());
        let url = serve(Arc::new(move |req| whatsapp_answer(&s, &t, &p, req)));
        WhatsApp {
            url: format!("{url}/v21.0"),
            token,
            phone_number_id,
            app_secret: "0f1e2d3c4b5a69788796a5b4c3d2e1f0".into(),
            verify_token: "regulars-hook-word".into(),
            state,
        }
    }

    /// Meta approves a template (`values`: placeholders in its body).
    pub fn approve(&self, name: &str, language: &str, values: usize, marketing: bool) {
        let mut s = self.state.lock().unwrap();
        s.approved
            .insert((name.to_string(), language.to_string()), values);
        if marketing {
            s.marketing.insert(name.to_string());
        }
    }

    /// The customer's number turned off marketing from the business.
    pub fn opt_out(&self, wa_id: &str) {
        self.state
            .lock()
            .unwrap()
            .opted_out
            .insert(wa_id.to_string());
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.state.lock().unwrap().sent.clone()
    }

    /// The webhook body of a customer's text message (which opens the 24-hour window).
    pub fn message(&self, from: &str, wamid: &str, text: &str, at: i64) -> Value {
        self.state
            .lock()
            .unwrap()
            .last_heard
            .insert(from.to_string(), at);
        json!({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398",
            "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15550783881",
                    "phone_number_id": self.phone_number_id},
                "contacts": [{"profile": {"name": "Priya"}, "wa_id": from}],
                "messages": [{"from": from, "id": wamid, "timestamp": at.to_string(),
                    "type": "text", "text": {"body": text}}]}}]}]})
    }

    /// The webhook body of a marketing opt-out.
    pub fn preferences(&self, wa_id: &str, at: i64) -> Value {
        json!({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398",
            "changes": [{"field": "user_preferences", "value": {"messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15550783881",
                    "phone_number_id": self.phone_number_id},
                "contacts": [{"profile": {"name": "Priya"}, "wa_id": wa_id}],
                "user_preferences": [{"wa_id": wa_id, "detail": "User requested to stop marketing messages",
                    "category": "marketing_messages", "value": "stop",
                    "timestamp": at}]}}]}]})
    }

    /// `X-Hub-Signature-256` of `body` under the app secret.
    pub fn sign(&self, body: &[u8]) -> String {
        format!("sha256={}", hmac_hex(self.app_secret.as_bytes(), body))
    }

    /// Meta's clock moves on (as the till's does with `run_later`).
    pub fn advance(&self, seconds: i64) {
        self.state.lock().unwrap().offset += seconds;
    }
}

fn whatsapp_answer(
    state: &Arc<Mutex<WhatsAppState>>,
    token: &str,
    phone_number_id: &str,
    req: &Request,
) -> (u16, Value) {
    let bearer = req.header("authorization").unwrap_or("");
    if bearer != format!("Bearer {token}") {
        return wa_error(
            401,
            190,
            "Invalid OAuth access token - Cannot parse access token",
            "",
        );
    }
    if req.path != format!("/v21.0/{phone_number_id}/messages") || req.method != "POST" {
        return wa_error(
            400,
            100,
            "Unsupported post request. Object with ID does not exist",
            "",
        );
    }
    let Ok(body) = serde_json::from_str::<Value>(&req.body) else {
        return wa_error(400, 100, "(#100) Invalid parameter", "not JSON");
    };
    if body["messaging_product"] != "whatsapp" {
        return wa_error(
            400,
            100,
            "(#100) The parameter messaging_product is required.",
            "",
        );
    }
    let to = body["to"].as_str().unwrap_or("");
    if to.is_empty() || !to.bytes().all(|b| b.is_ascii_digit() || b == b'+') {
        return wa_error(400, 100, "(#100) Invalid parameter", "to");
    }
    let to = to.trim_start_matches('+').to_string();
    let mut s = state.lock().unwrap();
    let now = regulars::clock::now() + s.offset;
    let sent = match body["type"].as_str() {
        Some("text") => {
            let text = body["text"]["body"].as_str().unwrap_or("");
            if text.is_empty() || text.chars().count() > 4096 {
                return wa_error(400, 100, "(#100) Invalid parameter", "text.body");
            }
            let open = s.last_heard.get(&to).is_some_and(|at| now - at < 24 * 3600);
            if !open {
                return wa_error(
                    400,
                    131047,
                    "(#131047) Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the \
                     customer last replied to this number.",
                );
            }
            Sent {
                to: to.clone(),
                text: text.to_string(),
                template: None,
            }
        }
        Some("template") => {
            let t = &body["template"];
            let name = t["name"].as_str().unwrap_or("").to_string();
            let language = t["language"]["code"].as_str().unwrap_or("").to_string();
            let Some(expected) = s.approved.get(&(name.clone(), language.clone())).copied() else {
                return wa_error(
                    404,
                    132001,
                    "(#132001) Template name does not exist in the translation",
                    &format!("template name ({name}) does not exist in {language}"),
                );
            };
            let values: Vec<String> = t["components"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| c["type"] == "body")
                .flat_map(|c| c["parameters"].as_array().cloned().unwrap_or_default())
                .map(|p| p["text"].as_str().unwrap_or("").to_string())
                .collect();
            if values.len() != expected {
                return wa_error(
                    400,
                    132000,
                    "(#132000) Number of parameters does not match the expected number of params",
                    &format!(
                        "body: number of localizable_params ({}) does not match the expected number of params ({expected})",
                        values.len()
                    ),
                );
            }
            if values
                .iter()
                .any(|v| v.is_empty() || v.contains(['\n', '\t']) || v.contains("     "))
            {
                return wa_error(
                    400,
                    132018,
                    "(#132018) There was an issue with the parameters in your template.",
                    "Param text cannot have new-line/tab characters or more than 4 consecutive spaces",
                );
            }
            if s.marketing.contains(&name) && s.opted_out.contains(&to) {
                return wa_error(
                    400,
                    131050,
                    "(#131050) Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
                    "",
                );
            }
            Sent {
                to: to.clone(),
                text: String::new(),
                template: Some((name, language, values)),
            }
        }
        _ => return wa_error(400, 100, "(#100) Invalid parameter", "type"),
    };
    s.next += 1;
    let id = format!("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI{:06}", s.next);
    s.sent.push(sent);
    (
        200,
        json!({"messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": to}],
            "messages": [{"id": id}]}),
    )
}

// ---------------------------------------------------------------------------------------
// Messenger

#[derive(Default)]
struct MessengerState {
    /// When each person last wrote to the Page (or opened its chat from a link).
    last_heard: HashMap<String, i64>,
    blocked: HashSet<String>,
    sent: Vec<Sent>,
    /// Each send's messaging type and tag.
    kinds: Vec<(String, Option<String>)>,
    next: i64,
    offset: i64,
}

/// The Send API of one Page, and the people who write to it.
pub struct Messenger {
    pub url: String,
    pub page_token: String,
    pub app_secret: String,
    pub verify_token: String,
    pub page_id: String,
    state: Arc<Mutex<MessengerState>>,
}

fn fb_error(status: u16, code: i64, subcode: Option<i64>, message: &str) -> (u16, Value) {
    let mut e = json!({"message": message, "type": "OAuthException", "code": code,
        "fbtrace_id": "AbCdEf456"});
    if let Some(s) = subcode {
        e["error_subcode"] = s.into();
    }
    (status, json!({ "error": e }))
}

impl Messenger {
    pub fn start() -> Messenger {
        let state: Arc<Mutex<MessengerState>> = Arc::default();
        let page_token = "EAAPageTokenZCkopi3".to_string();
        let page_id = "107123456789012".to_string();
        let (s, t, p) = (state.clone(), page_token.clone(), page_id.clone());
        let url = serve(Arc::new(move |req| messenger_answer(&s, &t, &p, req)));
        Messenger {
            url: format!("{url}/v21.0"),
            page_token,
            app_secret: "9a8b7c6d5e4f30211203f4e5d6c7b8a9".into(),
            verify_token: "regulars-page-word".into(),
            page_id,
            state,
        }
    }

    fn entry(&self, messaging: Value) -> Value {
        json!({"object": "page", "entry": [{"id": self.page_id, "time": 1_700_000_000_000i64,
            "messaging": [messaging]}]})
    }

    fn heard(&self, psid: &str, at: i64) {
        self.state
            .lock()
            .unwrap()
            .last_heard
            .insert(psid.to_string(), at);
    }

    /// The person opens `m.me/<page>?ref=<code>`: a referral event (the thread is theirs).
    pub fn referral(&self, psid: &str, code: &str, at: i64) -> Value {
        self.heard(psid, at);
        self.entry(
            json!({"sender": {"id": psid}, "recipient": {"id": self.page_id},
            "timestamp": at * 1000,
            "referral": {"ref": code, "source": "SHORTLINK", "type": "OPEN_THREAD"}}),
        )
    }

    /// The person writes to the Page.
    pub fn message(&self, psid: &str, mid: &str, text: &str, at: i64) -> Value {
        self.heard(psid, at);
        self.entry(
            json!({"sender": {"id": psid}, "recipient": {"id": self.page_id},
            "timestamp": at * 1000, "message": {"mid": mid, "text": text}}),
        )
    }

    /// The Page's own message, echoed back to its webhook.
    pub fn echo(&self, psid: &str, mid: &str, text: &str, at: i64) -> Value {
        self.entry(
            json!({"sender": {"id": self.page_id}, "recipient": {"id": psid},
            "timestamp": at * 1000, "message": {"mid": mid, "text": text, "is_echo": true}}),
        )
    }

    pub fn block(&self, psid: &str) {
        self.state.lock().unwrap().blocked.insert(psid.to_string());
    }

    pub fn advance(&self, seconds: i64) {
        self.state.lock().unwrap().offset += seconds;
    }

    pub fn sign(&self, body: &[u8]) -> String {
        format!("sha256={}", hmac_hex(self.app_secret.as_bytes(), body))
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.state.lock().unwrap().sent.clone()
    }

    /// Each accepted send's messaging type and tag.
    pub fn kinds(&self) -> Vec<(String, Option<String>)> {
        self.state.lock().unwrap().kinds.clone()
    }
}

fn messenger_answer(
    state: &Arc<Mutex<MessengerState>>,
    token: &str,
    page_id: &str,
    req: &Request,
) -> (u16, Value) {
    let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
    let in_query = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("access_token="))
        .map(str::to_string);
    let bearer = req
        .header("authorization")
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::to_string);
    if bearer.or(in_query).as_deref() != Some(token) {
        return fb_error(
            401,
            190,
            Some(460),
            "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
        );
    }
    if req.method != "POST"
        || (path != "/v21.0/me/messages" && path != format!("/v21.0/{page_id}/messages"))
    {
        return fb_error(400, 100, None, "Unsupported post request.");
    }
    let Ok(body) = serde_json::from_str::<Value>(&req.body) else {
        return fb_error(400, 100, None, "(#100) Invalid JSON");
    };
    let Some(psid) = body["recipient"]["id"].as_str() else {
        return fb_error(400, 100, None, "(#100) param recipient must be non-empty.");
    };
    let text = body["message"]["text"].as_str().unwrap_or("");
    if text.is_empty() || text.chars().count() > 2000 {
        return fb_error(
            400,
            100,
            None,
            "(#100) Length of param message[text] must be less than or equal to 2000",
        );
    }
    let kind = body["messaging_type"].as_str().unwrap_or("");
    let tag = body["tag"].as_str().map(str::to_string);
    let mut s = state.lock().unwrap();
    let now = regulars::clock::now() + s.offset;
    let Some(heard) = s.last_heard.get(psid).copied() else {
        return fb_error(400, 100, Some(2018001), "(#100) No matching user found");
    };
    if s.blocked.contains(psid) {
        return fb_error(
            400,
            551,
            Some(1545041),
            "(#551) This person isn't available right now.",
        );
    }
    let allowed = match (kind, tag.as_deref()) {
        ("RESPONSE" | "UPDATE", None) => now - heard < 24 * 3600,
        ("MESSAGE_TAG", Some("HUMAN_AGENT")) => now - heard < 7 * 24 * 3600,
        ("MESSAGE_TAG", _) => {
            return fb_error(
                400,
                100,
                None,
                "(#100) Param tag must be one of {CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}",
            );
        }
        _ => return fb_error(400, 100, None, "(#100) Param messaging_type is invalid"),
    };
    if !allowed {
        return fb_error(
            400,
            10,
            Some(2018278),
            "(#10) This message is sent outside of allowed window.",
        );
    }
    s.next += 1;
    let id = format!("m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK{:04}", s.next);
    s.sent.push(Sent {
        to: psid.to_string(),
        text: text.to_string(),
        template: None,
    });
    s.kinds.push((kind.to_string(), tag));
    (200, json!({"recipient_id": psid, "message_id": id}))
}
