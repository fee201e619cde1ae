//! `[email]`, `[sms]` and `[messages]`: how messages reach customers. Without `[email] smtp`
//! no email is sent, without `[sms] url` no SMS; the outbox keeps what waits for them.

use super::{ConfigError, secrets::Secret};
use crate::messages::{EmailSettings, SmsSettings, TlsMode, email::parse_smtp_url, sms::preset};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// `[messages]`, validated.
#[derive(Debug, Clone)]
pub struct MessagesConfig {
    /// A resolved ticket the customer has not confirmed gets a follow-up this many days after
    /// the resolution, and after each follow-up,
    pub follow_up_every_days: i64,
    /// this many times at most.
    pub follow_ups: i64,
    /// The key an SMS gateway puts in its webhook for incoming texts
    /// (`POST /sms/inbound?key=…`), so STOP reaches the shop; none turns the webhook off.
    pub sms_inbound_key: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEmail {
    smtp: Option<String>,
    tls: Option<String>,
    username: Option<String>,
    password: Option<String>,
    password_file: Option<String>,
    from: Option<String>,
    ca: Option<String>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSms {
    gateway: Option<String>,
    url: Option<String>,
    method: Option<String>,
    body: Option<String>,
    content_type: Option<String>,
    username: Option<String>,
    password: Option<String>,
    password_file: Option<String>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    inbound_key: Option<String>,
    inbound_key_file: Option<String>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMessages {
    follow_up_every_days: Option<u32>,
    follow_ups: Option<u32>,
}

fn bad(path: &Path, what: &'static str, message: String) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        what,
        message,
    }
}

impl RawEmail {
    pub(super) fn validate(
        self,
        path: &Path,
        shop_name: &str,
    ) -> Result<Option<EmailSettings>, ConfigError> {
        let Some(url) = self.smtp.filter(|u| !u.trim().is_empty()) else {
            return Ok(None);
        };
        let (host, port, implied) =
            parse_smtp_url(&url).map_err(|m| bad(path, "[email] smtp", m))?;
        let tls = match self.tls.as_deref() {
            None => implied,
            Some(t) => TlsMode::parse(t).ok_or_else(|| {
                bad(
                    path,
                    "[email] tls",
                    format!("'{t}' is not one of starttls, tls, none"),
                )
            })?,
        };
        let from_text = self.from.unwrap_or_default();
        let from_text = from_text.trim();
        if from_text.is_empty() {
            return Err(bad(
                path,
                "[email] from",
                "is needed with [email] smtp: the address messages come from, e.g. \
                 \"loyalty@shop.example\""
                    .into(),
            ));
        }
        let with_name = if from_text.contains('<') {
            from_text.to_string()
        } else {
            format!(
                "{} <{from_text}>",
                shop_name.replace(['"', '<', '>', ','], " ").trim()
            )
        };
        let from = with_name.parse().map_err(|e| {
            bad(
                path,
                "[email] from",
                format!("'{from_text}' is not an email address: {e}"),
            )
        })?;
        let password = Secret {
            what: "[email] password",
            env: "REGULARS_SMTP_PASSWORD",
            inline: self.password,
            file: self.password_file,
        }
        .resolve(path)?;
        let username = self.username.filter(|u| !u.trim().is_empty());
        if username.is_some() != password.is_some() {
            return Err(bad(
                path,
                "[email] username",
                "a user name needs a password and a password a user name".into(),
            ));
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Some(EmailSettings {
            host,
            port,
            tls,
            username,
            password,
            from,
            ca: self
                .ca
                .filter(|c| !c.trim().is_empty())
                .map(|c| base.join(c.trim())),
            timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(30).clamp(1, 600)),
        }))
    }
}

impl RawSms {
    pub(super) fn validate(
        self,
        path: &Path,
    ) -> Result<(Option<SmsSettings>, Option<String>), ConfigError> {
        let inbound = Secret {
            what: "[sms] inbound_key",
            env: "REGULARS_SMS_INBOUND_KEY",
            inline: self.inbound_key,
            file: self.inbound_key_file,
        }
        .resolve(path)?;
        let Some(url) = self.url.filter(|u| !u.trim().is_empty()) else {
            return Ok((None, inbound));
        };
        let url = url.trim().to_string();
        if !url.starts_with("http://") && !url.starts_with("https://") {
            return Err(bad(
                path,
                "[sms] url",
                format!("'{url}' is not a web address: use http://… or https://…"),
            ));
        }
        let gateway = self.gateway.unwrap_or_else(|| "custom".into());
        let (content_type, body) = match (gateway.as_str(), self.body) {
            (_, Some(body)) => (
                self.content_type
                    .unwrap_or_else(|| "application/json".into()),
                Some(body),
            ),
            ("custom", None) => (self.content_type.unwrap_or_default(), None),
            (name, None) => {
                let (ct, body) = preset(name).ok_or_else(|| {
                    bad(
                        path,
                        "[sms] gateway",
                        format!("'{name}' is not one of android, form, json, custom"),
                    )
                })?;
                (ct.to_string(), Some(body.to_string()))
            }
        };
        let method = self.method.unwrap_or_else(|| "POST".into()).to_uppercase();
        if method != "POST" && method != "GET" {
            return Err(bad(
                path,
                "[sms] method",
                format!("'{method}' is not POST or GET"),
            ));
        }
        if method == "POST" && body.is_none() {
            return Err(bad(
                path,
                "[sms] body",
                "a POST needs a body with {to} and {text} (or gateway = \"android\", \"form\" \
                 or \"json\")"
                    .into(),
            ));
        }
        let text_somewhere =
            url.contains("{text}") || body.as_deref().is_some_and(|b| b.contains("{text}"));
        if !text_somewhere {
            return Err(bad(
                path,
                "[sms] body",
                "neither the url nor the body has {text}: where does the message go?".into(),
            ));
        }
        let password = Secret {
            what: "[sms] password",
            env: "REGULARS_SMS_PASSWORD",
            inline: self.password,
            file: self.password_file,
        }
        .resolve(path)?;
        Ok((
            Some(SmsSettings {
                url,
                method,
                body,
                content_type,
                username: self.username.filter(|u| !u.trim().is_empty()),
                password,
                headers: self.headers.into_iter().collect(),
                timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(20).clamp(1, 600)),
            }),
            inbound,
        ))
    }
}

impl RawMessages {
    pub(super) fn validate(self, inbound: Option<String>) -> MessagesConfig {
        MessagesConfig {
            follow_up_every_days: i64::from(self.follow_up_every_days.unwrap_or(3).max(1)),
            follow_ups: i64::from(self.follow_ups.unwrap_or(2)),
            sms_inbound_key: inbound,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::messages::TlsMode;
    use std::path::Path;

    #[test]
    fn email_and_sms_settings() {
        let c = Config::parse(
            "[shop]\nname = \"Corner Shop\"\n[email]\nsmtp = \"smtp://127.0.0.1:2525\"\n\
             tls = \"none\"\nfrom = \"loyalty@shop.example\"\n\
             [sms]\ngateway = \"android\"\nurl = \"http://192.168.1.20:8080/message\"\n\
             username = \"sms\"\npassword = \"pw\"\ninbound_key = \"k\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let e = c.email.unwrap();
        assert_eq!(
            (e.host.as_str(), e.port, e.tls),
            ("127.0.0.1", 2525, TlsMode::None)
        );
        assert_eq!(e.from.to_string(), "Corner Shop <loyalty@shop.example>");
        let s = c.sms.unwrap();
        assert!(s.body.unwrap().contains("phoneNumbers"));
        assert_eq!(c.messages.sms_inbound_key.as_deref(), Some("k"));
        assert_eq!(c.messages.follow_ups, 2);
    }

    #[test]
    fn mistakes_are_named() {
        let p = Path::new("c.toml");
        let e = Config::parse("[email]\nsmtp = \"smtp://h\"\n", p).unwrap_err();
        assert!(e.to_string().contains("[email] from"), "{e}");
        let e = Config::parse("[email]\nsmtp = \"h:25\"\nfrom = \"a@b.c\"\n", p).unwrap_err();
        assert!(e.to_string().contains("[email] smtp"), "{e}");
        let e = Config::parse("[sms]\nurl = \"http://x/\"\nbody = \"to={to}\"\n", p).unwrap_err();
        assert!(e.to_string().contains("{text}"), "{e}");
        let e = Config::parse("[sms]\nurl = \"http://x/\"\ngateway = \"pigeon\"\n", p).unwrap_err();
        assert!(e.to_string().contains("pigeon"), "{e}");
        assert!(Config::parse("", p).unwrap().email.is_none());
    }
}
