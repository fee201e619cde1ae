//! Local servers that answer as the messaging apps' APIs do, written from their documented
//! requests, answers and errors (Telegram Bot API; WhatsApp Business Platform Cloud API), and
//! refusing what the real ones refuse: a wrong token, a chat that never started the bot or
//! blocked it, free text outside WhatsApp's 24-hour window, a template not approved or with
//! the wrong number of values, a marketing template to a number that opted out. They play
//! the customer's side too: pressing Start, writing, blocking, and WhatsApp's signed webhooks.

use hmac::{KeyInit, Mac};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

mod meta;
mod telegram;
mod viber;

pub use meta::{Messenger, WhatsApp};
pub use telegram::Telegram;
pub use viber::Viber;

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

pub(super) type Handler = Arc<dyn Fn(&Request) -> (u16, Value) + Send + Sync>;

/// Serves `handler` on loopback, a thread per connection (long polls wait); returns the base
/// address.
pub(super) fn serve(handler: Handler) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_nodelay(true);
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
                    let whole = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n\
                         Content-Length: {}\r\n\r\n{text}",
                        text.len()
                    );
                    if stream.write_all(whole.as_bytes()).is_err() {
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

/// Lower-case hex of the HMAC-SHA256 of `body` under `key` (Meta's and Viber's signatures).
pub(super) fn hmac_hex(key: &[u8], body: &[u8]) -> String {
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(body);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
