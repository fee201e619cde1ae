//! SMS through an HTTP gateway: a request made from a template in `[sms]`, so the common
//! local gateways fit (an Android phone running an SMS gateway app on the shop's network, or
//! a provider's HTTP API). `{to}` and `{text}` in the URL and body are replaced, escaped for
//! where they stand (percent-encoded in the URL and in a form body, as JSON string content in
//! a JSON body).

use super::{Letter, Problem, SendError, Transport};
use std::time::Duration;

/// `[sms]`, validated.
#[derive(Clone)]
pub struct SmsSettings {
    /// `http://192.168.1.20:8080/message?to={to}`.
    pub url: String,
    /// POST (with `body`) or GET.
    pub method: String,
    /// The request body with `{to}` and `{text}`; none for GET.
    pub body: Option<String>,
    pub content_type: String,
    pub username: Option<String>,
    pub password: Option<String>,
    /// Extra headers (`Authorization: Bearer …` for a provider's key).
    pub headers: Vec<(String, String)>,
    pub timeout: Duration,
}

impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("url", &self.url)
            .field("method", &self.method)
            .field("content_type", &self.content_type)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// The templates of the gateways named by `[sms] gateway`: (url path hint, content type,
/// body).
pub fn preset(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        // "SMS Gateway for Android" (sms-gate.app) in its local server mode: POST /message.
        "android" => Some((
            "application/json",
            r#"{"textMessage": {"text": "{text}"}, "phoneNumbers": ["{to}"]}"#,
        )),
        // A plain form post: to=…&text=….
        "form" => Some(("application/x-www-form-urlencoded", "to={to}&text={text}")),
        // A JSON post: {"to": "…", "text": "…"}.
        "json" => Some(("application/json", r#"{"to": "{to}", "text": "{text}"}"#)),
        _ => None,
    }
}

/// How a value is escaped where it is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    Percent,
    Json,
    None,
}

impl Escape {
    /// The escaping a body of this content type needs.
    pub fn for_content_type(content_type: &str) -> Escape {
        let ct = content_type.to_ascii_lowercase();
        if ct.contains("json") {
            Escape::Json
        } else if ct.contains("x-www-form-urlencoded") {
            Escape::Percent
        } else {
            Escape::None
        }
    }
}

/// `template` with `{to}` and `{text}` replaced (one pass: a `{text}` inside the phone number
/// or the message is left as it is).
pub fn render(template: &str, to: &str, text: &str, escape: Escape) -> String {
    let esc = |v: &str| match escape {
        Escape::Percent => percent(v),
        Escape::Json => {
            let quoted = serde_json::to_string(v).unwrap_or_default();
            quoted[1..quoted.len() - 1].to_string()
        }
        Escape::None => v.to_string(),
    };
    let mut out = String::with_capacity(template.len() + text.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(r) = tail.strip_prefix("{to}") {
            out.push_str(&esc(to));
            rest = r;
        } else if let Some(r) = tail.strip_prefix("{text}") {
            out.push_str(&esc(text));
            rest = r;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

fn percent(v: &str) -> String {
    let mut out = String::with_capacity(v.len() * 3);
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Sends SMS through the gateway.
pub struct SmsTransport {
    settings: SmsSettings,
    agent: ureq::Agent,
}

impl SmsTransport {
    pub fn new(settings: SmsSettings) -> SmsTransport {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            .build()
            .into();
        SmsTransport { settings, agent }
    }
}

impl Transport for SmsTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let s = &self.settings;
        let to: String = letter
            .to
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        if to.len() < 5 {
            return Err(SendError::ForGood(Problem::new(
                "bad_address",
                letter.to.clone(),
                "not a phone number",
            )));
        }
        let url = render(&s.url, &to, &letter.text, Escape::Percent);
        let body = s.body.as_deref().map(|b| {
            render(
                b,
                &to,
                &letter.text,
                Escape::for_content_type(&s.content_type),
            )
        });
        let auth = match (&s.username, &s.password) {
            (Some(u), Some(p)) => {
                use base64::Engine;
                Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"))
                ))
            }
            _ => None,
        };
        handing_over().map_err(SendError::Passing)?;
        let response = if s.method.eq_ignore_ascii_case("GET") {
            let mut req = self.agent.get(&url);
            for (k, v) in &s.headers {
                req = req.header(k, v);
            }
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.call()
        } else {
            let mut req = self
                .agent
                .post(&url)
                .header("Content-Type", &s.content_type);
            for (k, v) in &s.headers {
                req = req.header(k, v);
            }
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.send(body.unwrap_or_default())
        };
        let gateway = s.url.split('?').next().unwrap_or(&s.url);
        match response {
            Ok(r) if r.status().is_success() => Ok(()),
            Ok(mut r) => {
                let code = r.status().as_u16();
                let said: String = r
                    .body_mut()
                    .read_to_string()
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect();
                let problem = Problem::new(
                    "gateway",
                    code.to_string(),
                    format!("{gateway} answered {code}: {}", said.trim()),
                );
                if code == 429 || code >= 500 || code == 408 {
                    Err(SendError::Passing(problem))
                } else {
                    Err(SendError::ForGood(problem))
                }
            }
            Err(e) if super::chat::never_sent(&e) => {
                Err(SendError::Passing(Problem::new("unreachable", gateway, e)))
            }
            Err(e) => Err(SendError::Unsure(Problem::new("unsure", gateway, e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_escape_where_they_stand() {
        assert_eq!(
            render(
                r#"{"to": "{to}", "text": "{text}"}"#,
                "+37120000000",
                "Sveiki \"Jānis\"\n{to}",
                Escape::Json
            ),
            r#"{"to": "+37120000000", "text": "Sveiki \"Jānis\"\n{to}"}"#
        );
        assert_eq!(
            render("to={to}&text={text}", "+381 60", "a&b=ć", Escape::Percent),
            "to=%2B381%2060&text=a%26b%3D%C4%87"
        );
        assert_eq!(render("{x} {to}", "1", "", Escape::None), "{x} 1");
        assert_eq!(
            Escape::for_content_type("application/json; charset=utf-8"),
            Escape::Json
        );
        assert!(preset("android").is_some());
        assert!(preset("nope").is_none());
    }
}
