//! The Telegram Bot API of one bot, and its customers.

use super::{Request, Sent, serve};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

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
