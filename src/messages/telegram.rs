//! Telegram through the Bot API: free, no approval, no window. The bot writes only to a chat
//! whose customer pressed Start (`https://t.me/<bot>?start=<code>`, arriving as
//! `/start <code>`). Messages go by `sendMessage`; what customers write is fetched by long
//! polling (`getUpdates`), so the shop needs no public address. A customer who blocked the bot
//! answers 403: the chat has ended.

use super::chat::{Answer, agent, post_json, server_of};
use super::{Incoming, Letter, Problem, SendError, Transport};
use std::time::Duration;

/// `[telegram]`, validated.
#[derive(Clone)]
pub struct TelegramSettings {
    /// The bot's token from @BotFather.
    pub token: String,
    /// The bot's user name (without @), for the `t.me` link.
    pub bot: String,
    /// `https://api.telegram.org` unless set otherwise.
    pub api_url: String,
    /// Whether this machine fetches what customers write (only one machine may ask a bot for
    /// its updates: in a chain, the one that takes the chats in).
    pub fetch: bool,
    pub timeout: Duration,
}

impl std::fmt::Debug for TelegramSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramSettings")
            .field("bot", &self.bot)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

impl TelegramSettings {
    /// The link a member opens to start the chat with their code.
    pub fn link(&self, code: &str) -> String {
        format!("https://t.me/{}?start={code}", self.bot)
    }

    fn method(&self, name: &str) -> String {
        format!(
            "{}/bot{}/{name}",
            self.api_url.trim_end_matches('/'),
            self.token
        )
    }
}

/// Sends and fetches through the bot.
pub struct TelegramTransport {
    settings: TelegramSettings,
    agent: ureq::Agent,
}

impl TelegramTransport {
    pub fn new(settings: TelegramSettings) -> TelegramTransport {
        // Long polling waits up to `POLL_SECONDS` on the server: the client waits longer.
        let agent = agent(settings.timeout + Duration::from_secs(POLL_SECONDS));
        TelegramTransport { settings, agent }
    }

    /// Whether this machine fetches what customers write to the bot.
    pub fn fetches(&self) -> bool {
        self.settings.fetch
    }

    /// Fetches what arrived since `offset` (the update id to start from), waiting up to
    /// `wait` seconds for something when nothing is there. Returns the next offset and what
    /// the updates said.
    pub fn poll(&self, offset: i64, wait: u64) -> Result<(i64, Vec<Incoming>), SendError> {
        let body = serde_json::json!({
            "offset": offset,
            "timeout": wait.min(POLL_SECONDS),
            "allowed_updates": ["message", "my_chat_member"],
        });
        let a = post_json(
            &self.agent,
            &self.settings.method("getUpdates"),
            &[],
            &body,
            None,
            &server_of(&self.settings.api_url),
        )?;
        let result = refused(&self.settings, &a)?;
        let mut next = offset;
        let mut out = Vec::new();
        for u in result.as_array().into_iter().flatten() {
            let Some(id) = u["update_id"].as_i64() else {
                continue;
            };
            next = next.max(id + 1);
            out.extend(read_update(u));
        }
        Ok((next, out))
    }
}

/// How long one `getUpdates` waits on the server for something to arrive, at most.
pub const POLL_SECONDS: u64 = 25;

/// What one update says, if it is anything the shop keeps.
fn read_update(u: &serde_json::Value) -> Option<Incoming> {
    if let Some(m) = u.get("my_chat_member") {
        let chat = m["chat"]["id"].as_i64()?.to_string();
        let status = m["new_chat_member"]["status"].as_str().unwrap_or("");
        return (status == "kicked").then(|| Incoming::Ended {
            chat,
            why: "blocked",
            detail: "blocked the bot".into(),
        });
    }
    let m = u.get("message")?;
    // Only a person's own chat with the bot: never a group the bot was added to.
    if m["chat"]["type"].as_str() != Some("private") {
        return None;
    }
    let chat = m["chat"]["id"].as_i64()?.to_string();
    let text = m["text"].as_str().or(m["caption"].as_str()).unwrap_or("");
    if let Some(rest) = text.strip_prefix("/start") {
        let code = rest.trim();
        if !code.is_empty() {
            return Some(Incoming::Link {
                chat,
                code: code.to_string(),
            });
        }
        return None;
    }
    if text.trim().is_empty() {
        return None;
    }
    // A message's id is unique within its chat only.
    let id = format!("{chat}:{}", m["message_id"].as_i64()?);
    Some(Incoming::Message {
        chat,
        id,
        text: text.to_string(),
        at: m["date"].as_i64()?,
    })
}

/// The `result` of an answer that says `ok`, or why not.
fn refused(s: &TelegramSettings, a: &Answer) -> Result<serde_json::Value, SendError> {
    if a.status == 200 && a.json["ok"].as_bool() == Some(true) {
        return Ok(a.json["result"].clone());
    }
    let code = a.json["error_code"].as_i64().unwrap_or(i64::from(a.status));
    let said = a.json["description"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| a.said.clone());
    let server = server_of(&s.api_url);
    Err(match code {
        401 | 404 => SendError::ForGood(Problem::new("token_refused", "Telegram", said)),
        403 => SendError::ForGood(Problem::new("chat_ended", "Telegram", said)),
        429 => SendError::Passing(Problem::new("rate_limited", "Telegram", said)),
        c if c >= 500 => SendError::Passing(Problem::new("app_down", server, said)),
        _ => SendError::ForGood(Problem::new("app_refused", "Telegram", said)),
    })
}

impl Transport for TelegramTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        if letter.to.parse::<i64>().is_err() {
            return Err(SendError::ForGood(Problem::new(
                "bad_address",
                letter.to.clone(),
                "not a Telegram chat",
            )));
        }
        let body = serde_json::json!({
            "chat_id": letter.to,
            "text": letter.text,
            "link_preview_options": {"is_disabled": true},
        });
        let a = post_json(
            &self.agent,
            &self.settings.method("sendMessage"),
            &[],
            &body,
            Some(handing_over),
            &server_of(&self.settings.api_url),
        )?;
        refused(&self.settings, &a).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_are_read_as_the_bot_api_writes_them() {
        let start = serde_json::json!({"update_id": 5, "message": {"message_id": 1,
            "from": {"id": 77, "is_bot": false, "first_name": "Ana"},
            "chat": {"id": 77, "type": "private"}, "date": 1_700_000_000,
            "text": "/start ABC123", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}});
        assert_eq!(
            read_update(&start),
            Some(Incoming::Link {
                chat: "77".into(),
                code: "ABC123".into()
            })
        );
        let text = serde_json::json!({"update_id": 6, "message": {"message_id": 2,
            "chat": {"id": 77, "type": "private"}, "date": 1_700_000_100, "text": "Sorted, thanks"}});
        assert_eq!(
            read_update(&text),
            Some(Incoming::Message {
                chat: "77".into(),
                id: "77:2".into(),
                text: "Sorted, thanks".into(),
                at: 1_700_000_100
            })
        );
        let group = serde_json::json!({"update_id": 7, "message": {"message_id": 3,
            "chat": {"id": -5, "type": "group"}, "date": 1, "text": "hi"}});
        assert_eq!(read_update(&group), None);
        let blocked = serde_json::json!({"update_id": 8, "my_chat_member": {
            "chat": {"id": 77, "type": "private"}, "from": {"id": 77}, "date": 2,
            "old_chat_member": {"status": "member"}, "new_chat_member": {"status": "kicked"}}});
        assert!(matches!(
            read_update(&blocked),
            Some(Incoming::Ended { why: "blocked", .. })
        ));
    }
}
