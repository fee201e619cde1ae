//! The Viber bot API of one bot, and its users' signed callbacks.

use super::{Request, Sent, hmac_hex, serve};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct ViberState {
    /// Users who came to the bot (conversation_started).
    known: HashSet<String>,
    /// Users who wrote to it: only they receive messages.
    subscribed: HashSet<String>,
    sent: Vec<Sent>,
    next: u64,
}

/// The bot, and its users.
pub struct Viber {
    pub url: String,
    pub token: String,
    state: Arc<Mutex<ViberState>>,
}

fn status(code: i64, message: &str) -> (u16, Value) {
    // Viber answers 200 whatever happened; the status says.
    (200, json!({"status": code, "status_message": message}))
}

impl Viber {
    pub fn start() -> Viber {
        let state: Arc<Mutex<ViberState>> = Arc::default();
        let token = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f".to_string();
        let (s, t) = (state.clone(), token.clone());
        let url = serve(Arc::new(move |req| viber_answer(&s, &t, req)));
        Viber {
            url: format!("{url}/pa"),
            token,
            state,
        }
    }

    fn next_token(&self) -> u64 {
        let mut s = self.state.lock().unwrap();
        s.next += 1;
        4_912_661_846_655_238_145 + s.next
    }

    /// The user opens `viber://pa?chatURI=…&context=<code>`: not subscribed yet.
    pub fn open_chat(&self, user: &str, context: &str, at: i64) -> Value {
        self.state.lock().unwrap().known.insert(user.to_string());
        json!({"event": "conversation_started", "timestamp": at * 1000,
            "message_token": self.next_token(), "type": "open", "context": context,
            "user": {"id": user, "name": "Jelena", "language": "sr", "country": "RS",
                "api_version": 10}, "subscribed": false})
    }

    /// The user writes: from now on subscribed.
    pub fn write(&self, user: &str, text: &str, at: i64) -> Value {
        {
            let mut s = self.state.lock().unwrap();
            s.known.insert(user.to_string());
            s.subscribed.insert(user.to_string());
        }
        json!({"event": "message", "timestamp": at * 1000, "message_token": self.next_token(),
            "sender": {"id": user, "name": "Jelena", "language": "sr", "country": "RS",
                "api_version": 10},
            "message": {"type": "text", "text": text}, "silent": false})
    }

    /// The user leaves the bot.
    pub fn unsubscribe(&self, user: &str, at: i64) -> Value {
        self.state.lock().unwrap().subscribed.remove(user);
        json!({"event": "unsubscribed", "timestamp": at * 1000, "user_id": user,
            "message_token": self.next_token()})
    }

    /// `X-Viber-Content-Signature`: the HMAC of the body under the bot's token, in hex.
    pub fn sign(&self, body: &[u8]) -> String {
        hmac_hex(self.token.as_bytes(), body)
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.state.lock().unwrap().sent.clone()
    }
}

fn viber_answer(state: &Arc<Mutex<ViberState>>, token: &str, req: &Request) -> (u16, Value) {
    if req.header("x-viber-auth-token") != Some(token) {
        return status(2, "invalidAuthToken");
    }
    if req.method != "POST" || req.path != "/pa/send_message" {
        return status(1, "invalidUrl");
    }
    let Ok(body) = serde_json::from_str::<Value>(&req.body) else {
        return status(3, "badData");
    };
    let (Some(receiver), Some(name)) = (body["receiver"].as_str(), body["sender"]["name"].as_str())
    else {
        return status(4, "missingData");
    };
    if name.is_empty() || name.chars().count() > 28 {
        return status(3, "badData");
    }
    let text = body["text"].as_str().unwrap_or("");
    if body["type"] != "text" || text.is_empty() || text.len() > 7000 {
        return status(3, "badData");
    }
    let mut s = state.lock().unwrap();
    if !s.known.contains(receiver) {
        return status(5, "receiverNotRegistered");
    }
    if !s.subscribed.contains(receiver) {
        return status(6, "receiverNotSubscribed");
    }
    s.next += 1;
    let token = 5_098_034_272_017_990_000 + s.next;
    s.sent.push(Sent {
        to: receiver.to_string(),
        text: text.to_string(),
        template: None,
    });
    (
        200,
        json!({"status": 0, "status_message": "ok", "message_token": token,
            "chat_hostname": "SN-CHAT-05_"}),
    )
}
