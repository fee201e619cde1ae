//! What the messaging apps' HTTP APIs have in common: a JSON request, its answer read as JSON
//! whatever the status, a connection that failed before or after the app had the message, and
//! the signature on their webhooks.

use super::{Problem, SendError};
use hmac::{KeyInit, Mac};
use std::time::Duration;

/// A client for one app's API.
pub(super) fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into()
}

/// An app's answer: the HTTP status and the JSON body (`Null` when it was not JSON), with the
/// body's first words for the owner.
pub(super) struct Answer {
    pub status: u16,
    pub json: serde_json::Value,
    pub said: String,
}

/// Sends `body` as JSON to `url` with `headers`. `handing_over`, when given, runs just before
/// the request goes: a connection broken after it may have delivered the message (unsure);
/// one that never opened is passing. `about` names the app's server for the owner.
pub(super) fn post_json(
    agent: &ureq::Agent,
    url: &str,
    headers: &[(&str, &str)],
    body: &serde_json::Value,
    handing_over: Option<&mut dyn FnMut() -> Result<(), Problem>>,
    about: &str,
) -> Result<Answer, SendError> {
    let mut req = agent.post(url).header("Content-Type", "application/json");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let handed = handing_over.is_some();
    if let Some(h) = handing_over {
        h().map_err(SendError::Passing)?;
    }
    match req.send(body.to_string()) {
        Ok(mut r) => {
            let status = r.status().as_u16();
            let text = r.body_mut().read_to_string().unwrap_or_default();
            Ok(Answer {
                status,
                json: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
                said: text.chars().take(300).collect(),
            })
        }
        Err(e) if never_sent(&e) || !handed => {
            Err(SendError::Passing(Problem::new("unreachable", about, e)))
        }
        Err(e) => Err(SendError::Unsure(Problem::new("unsure", about, e))),
    }
}

/// Whether a failed request never reached the server: no connection was made (refused, no
/// route, the name unknown, the connection's own time up). Anything after the connection was
/// made may have delivered the message.
pub(super) fn never_sent(e: &ureq::Error) -> bool {
    use std::io::ErrorKind::*;
    match e {
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => true,
        ureq::Error::Timeout(t) => matches!(t, ureq::Timeout::Resolve | ureq::Timeout::Connect),
        ureq::Error::Io(io) => matches!(
            io.kind(),
            ConnectionRefused
                | NotConnected
                | AddrNotAvailable
                | HostUnreachable
                | NetworkUnreachable
        ),
        _ => false,
    }
}

/// The host and port of an API address, for the owner ("api.telegram.org").
pub(super) fn server_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.split('/').next().unwrap_or(rest).to_string()
}

/// Whether `signature` (lower-case hex, with `prefix` before it) is the HMAC-SHA256 of `body`
/// under `key`: the check of Meta's `X-Hub-Signature-256` (`sha256=` and the app secret) and
/// Viber's `X-Viber-Content-Signature` (no prefix, the bot's token). Constant-time.
pub fn signed(key: &[u8], body: &[u8], signature: &str, prefix: &str) -> bool {
    let Some(hex) = signature.trim().strip_prefix(prefix) else {
        return false;
    };
    if hex.len() != 64 || !hex.is_ascii() {
        return false;
    }
    let mut tag = [0u8; 32];
    for (i, b) in tag.iter_mut().enumerate() {
        match u8::from_str_radix(&hex[2 * i..2 * i + 2], 16) {
            Ok(v) => *b = v,
            Err(_) => return false,
        }
    }
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("any key");
    mac.update(body);
    mac.verify_slice(&tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_checked_on_the_raw_body() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a known answer.
        let body = b"The quick brown fox jumps over the lazy dog";
        let good = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        assert!(signed(b"key", body, &format!("sha256={good}"), "sha256="));
        assert!(signed(b"key", body, good, ""));
        assert!(!signed(b"key", body, good, "sha256="));
        assert!(!signed(b"other", body, good, ""));
        assert!(!signed(b"key", b"The quick brown fox", good, ""));
        assert!(!signed(b"key", body, &good[..60], ""));
        assert!(!signed(b"key", body, "", ""));
        assert_eq!(
            server_of("https://api.telegram.org/bot1:x"),
            "api.telegram.org"
        );
    }
}
