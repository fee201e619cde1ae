//! Local servers that answer as the messaging apps' APIs do, written from their documented
//! requests, answers and errors (Telegram Bot API; WhatsApp Business Platform Cloud API), and
//! refusing what the real ones refuse: a wrong token, a chat that never started the bot or
//! blocked it, free text outside WhatsApp's 24-hour window, a template not approved or with
//! the wrong number of values, a marketing template to a number that opted out. They play
//! the customer's side too: pressing Start, writing, blocking, and WhatsApp's signed webhooks.

use hmac::{KeyInit, Mac};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Handler = Arc<dyn Fn(&Request) -> (u16, Value) + Send + Sync>;

/// Serves `handler` on loopback, a thread per connection (long polls wait); returns the base
/// address.
fn serve(handler: Handler) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let handler = handler.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut first = String::new();
                    if reader.read_line(&mut first).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut parts = first.split_whitespace();
                    let (method, path) = (
                        parts.next().unwrap_or("").to_string(),
                        parts.next().unwrap_or("").to_string(),
                    );
                    let mut headers = vec![];
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = line.trim_end().split_once(':') {
                            headers.push((k.trim().to_string(), v.trim().to_string()));
                        }
                    }
                    let length: usize = headers
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                        .and_then(|(_, v)| v.parse().ok())
                        .unwrap_or(0);
                    let mut body = vec![0; length];
                    if reader.read_exact(&mut body).is_err() {
                        return;
                    }
                    let req = Request {
                        method,
                        path,
                        headers,
                        body: String::from_utf8_lossy(&body).into_owned(),
                    };
                    let (status, answer) = handler(&req);
                    let text = answer.to_string();
                    if write!(
                        stream,
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n\
                         Content-Length: {}\r\n\r\n{text}",
                        text.len()
                    )
                    .is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    url
}

/// A message a server accepted from the shop.
#[derive(Debug, Clone)]
pub struct Sent {
    pub to: String,
    pub text: String,
    /// WhatsApp: the template's name, language and values, when it was one.
    pub template: Option<(String, String, Vec<String>)>,
}

// ---------------------------------------------------------------------------------------
// Telegram

#[derive(Default)]
struct TelegramState {
    updates: Vec<Value>,
    next_update: i64,
    started: HashSet<i64>,
    blocked: HashSet<i64>,
    sent: Vec<Sent>,
    next_message: i64,
    revoked: bool,
    /// Answer 429 to this many sends first.
    busy: usize,
}

/// The Bot API of one bot.
pub struct Telegram {
    pub url: String,
    pub token: String,
    state: Arc<(Mutex<TelegramState>, Condvar)>,
}

fn tg_error(code: u16, description: &str) -> (u16, Value) {
    (
        code,
        json!({"ok": false, "error_code": code, "description": description}),
    )
}

impl Telegram {
    pub fn start() -> Telegram {
        let token = "7212345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ".to_string();
        let state: Arc<(Mutex<TelegramState>, Condvar)> = Arc::default();
        let s = state.clone();
        let t = token.clone();
        let url = serve(Arc::new(move |req| telegram_answer(&s, &t, req)));
        Telegram { url, token, state }
    }

    fn push(&self, update: impl FnOnce(i64) -> Value) {
        let (lock, cv) = &*self.state;
        let mut s = lock.lock().unwrap();
        s.next_update += 1;
        let id = 100 + s.next_update;
        s.updates.push(update(id));
        cv.notify_all();
    }

    fn message(&self, chat: i64, text: &str) {
        let (lock, _) = &*self.state;
        let message_id = {
            let mut s = lock.lock().unwrap();
            s.next_message += 1;
            s.next_message
        };
        let date = regulars::clock::now();
        self.push(|id| {
            json!({"update_id": id, "message": {"message_id": message_id,
                "from": {"id": chat, "is_bot": false, "first_name": "Ana", "language_code": "sr"},
                "chat": {"id": chat, "first_name": "Ana", "type": "private"},
                "date": date, "text": text}})
        });
    }

    /// The customer opens `https://t.me/<bot>?start=<payload>` and presses Start.
    pub fn press_start(&self, chat: i64, payload: &str) {
        self.state.0.lock().unwrap().started.insert(chat);
        self.message(chat, &format!("/start {payload}"));
    }

    /// The customer writes in the chat (they started it before).
    pub fn write(&self, chat: i64, text: &str) {
        self.state.0.lock().unwrap().started.insert(chat);
        self.message(chat, text);
    }

    /// The customer blocks the bot; with `tell`, the bot hears of it by an update.
    pub fn block(&self, chat: i64, tell: bool) {
        self.state.0.lock().unwrap().blocked.insert(chat);
        if tell {
            let date = regulars::clock::now();
            self.push(|id| {
                json!({"update_id": id, "my_chat_member": {
                    "chat": {"id": chat, "type": "private"}, "from": {"id": chat, "is_bot": false},
                    "date": date,
                    "old_chat_member": {"user": {"id": 1, "is_bot": true}, "status": "member"},
                    "new_chat_member": {"user": {"id": 1, "is_bot": true}, "status": "kicked",
                        "until_date": 0}}})
            });
        }
    }

    /// The token is revoked in @BotFather.
    pub fn revoke(&self) {
        self.state.0.lock().unwrap().revoked = true;
    }

    /// The next `n` sends are answered 429.
    pub fn busy(&self, n: usize) {
        self.state.0.lock().unwrap().busy = n;
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.state.0.lock().unwrap().sent.clone()
    }

    /// Updates not yet confirmed by a later `getUpdates` offset.
    pub fn pending(&self) -> usize {
        self.state.0.lock().unwrap().updates.len()
    }
}

fn telegram_answer(
    state: &Arc<(Mutex<TelegramState>, Condvar)>,
    token: &str,
    req: &Request,
) -> (u16, Value) {
    let Some(rest) = req.path.strip_prefix("/bot") else {
        return tg_error(404, "Not Found");
    };
    let (given, method) = rest.split_once('/').unwrap_or((rest, ""));
    let (lock, cv) = &**state;
    if given != token || lock.lock().unwrap().revoked {
        return tg_error(401, "Unauthorized");
    }
    if req.method != "POST" && req.method != "GET" {
        return tg_error(405, "Method Not Allowed");
    }
    let body: Value = if req.body.is_empty() {
        json!({})
    } else {
        match serde_json::from_str(&req.body) {
            Ok(v) => v,
            Err(_) => return tg_error(400, "Bad Request: can't parse JSON object"),
        }
    };
    match method {
        "getUpdates" => {
            let offset = body["offset"].as_i64().unwrap_or(0);
            let wait = body["timeout"].as_u64().unwrap_or(0).min(2);
            if let Some(a) = body.get("allowed_updates")
                && !a.is_array()
            {
                return tg_error(400, "Bad Request: can't parse allowed updates");
            }
            let deadline = Instant::now() + Duration::from_secs(wait);
            let mut s = lock.lock().unwrap();
            loop {
                // An offset confirms every update before it: they are gone for good.
                s.updates
                    .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
                if !s.updates.is_empty() || Instant::now() >= deadline {
                    break;
                }
                s = cv.wait_timeout(s, Duration::from_millis(100)).unwrap().0;
            }
            let result: Vec<Value> = s.updates.iter().take(100).cloned().collect();
            (200, json!({"ok": true, "result": result}))
        }
        "sendMessage" => {
            let chat = match &body["chat_id"] {
                Value::Number(n) => n.as_i64(),
                Value::String(t) => t.parse().ok(),
                _ => None,
            };
            let Some(chat) = chat else {
                return tg_error(400, "Bad Request: chat_id is empty");
            };
            let text = body["text"].as_str().unwrap_or("");
            if text.trim().is_empty() {
                return tg_error(400, "Bad Request: message text is empty");
            }
            if text.chars().count() > 4096 {
                return tg_error(400, "Bad Request: message is too long");
            }
            let mut s = lock.lock().unwrap();
            if s.busy > 0 {
                s.busy -= 1;
                return (
                    429,
                    json!({"ok": false, "error_code": 429,
                        "description": "Too Many Requests: retry after 3",
                        "parameters": {"retry_after": 3}}),
                );
            }
            if s.blocked.contains(&chat) {
                return tg_error(403, "Forbidden: bot was blocked by the user");
            }
            if !s.started.contains(&chat) {
                return tg_error(400, "Bad Request: chat not found");
            }
            s.next_message += 1;
            let id = s.next_message;
            s.sent.push(Sent {
                to: chat.to_string(),
                text: text.to_string(),
                template: None,
            });
            (
                200,
                json!({"ok": true, "result": {"message_id": id,
                    "chat": {"id": chat, "type": "private"}, "date": regulars::clock::now(),
                    "text": text}}),
            )
        }
        _ => tg_error(404, "Not Found"),
    }
}

// ---------------------------------------------------------------------------------------
// WhatsApp

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
        let mut mac =
            <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(self.app_secret.as_bytes())
                .unwrap();
        mac.update(body);
        let tag = mac.finalize().into_bytes();
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256={hex}")
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
    let now = regulars::clock::now();
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
