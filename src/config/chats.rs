//! `[telegram]`, `[whatsapp]`, `[viber]` and `[messenger]`: the messaging apps a shop answers
//! customers on. A section
//! without its token is off; the keys can live in files or the environment like the others
//! (`token_file`, `REGULARS_TELEGRAM_TOKEN`…). `api_url` points a till at another server (a
//! test's).

use super::{ConfigError, secrets::Secret};
use crate::messages::{MessengerSettings, TelegramSettings, ViberSettings, WhatsAppSettings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// The messaging apps that are set up.
#[derive(Debug, Clone, Default)]
pub struct ChatsConfig {
    pub telegram: Option<TelegramSettings>,
    pub whatsapp: Option<WhatsAppSettings>,
    pub viber: Option<ViberSettings>,
    pub messenger: Option<MessengerSettings>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawViber {
    token: Option<String>,
    token_file: Option<String>,
    uri: Option<String>,
    sender: Option<String>,
    api_url: Option<String>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMessenger {
    page_token: Option<String>,
    page_token_file: Option<String>,
    app_secret: Option<String>,
    app_secret_file: Option<String>,
    verify_token: Option<String>,
    page: Option<String>,
    api_url: Option<String>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTelegram {
    token: Option<String>,
    token_file: Option<String>,
    bot: Option<String>,
    api_url: Option<String>,
    fetch: Option<bool>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWhatsApp {
    token: Option<String>,
    token_file: Option<String>,
    phone_number_id: Option<String>,
    number: Option<String>,
    app_secret: Option<String>,
    app_secret_file: Option<String>,
    verify_token: Option<String>,
    api_url: Option<String>,
    timeout_seconds: Option<u64>,
    #[serde(default)]
    templates: BTreeMap<String, BTreeMap<String, String>>,
}

fn bad(path: &Path, what: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_path_buf(),
        what,
        message: message.into(),
    }
}

fn web_address(
    path: &Path,
    what: &'static str,
    url: Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    let url = url
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| default.to_string());
    let url = url.trim().trim_end_matches('/').to_string();
    if !url.starts_with("https://") && !url.starts_with("http://") {
        return Err(bad(
            path,
            what,
            format!("'{url}' is not a web address: use https://…"),
        ));
    }
    Ok(url)
}

/// The names of a Meta app's two webhook keys in `config.toml` and the environment.
struct HookKeys {
    secret: &'static str,
    secret_env: &'static str,
    verify: &'static str,
}

const WHATSAPP_HOOK: HookKeys = HookKeys {
    secret: "[whatsapp] app_secret",
    secret_env: "REGULARS_WHATSAPP_APP_SECRET",
    verify: "[whatsapp] verify_token",
};

const MESSENGER_HOOK: HookKeys = HookKeys {
    secret: "[messenger] app_secret",
    secret_env: "REGULARS_MESSENGER_APP_SECRET",
    verify: "[messenger] verify_token",
};

/// A Meta app's webhook keys (WhatsApp's, Messenger's), both needed with its token: the app
/// secret that signs what customers write, and the word Meta's check must bring back.
fn meta_hook(
    path: &Path,
    keys: &HookKeys,
    secret: Option<String>,
    secret_file: Option<String>,
    verify: Option<String>,
) -> Result<(String, String), ConfigError> {
    let secret = Secret {
        what: keys.secret,
        env: keys.secret_env,
        inline: secret,
        file: secret_file,
    }
    .resolve(path)?
    .ok_or_else(|| {
        bad(
            path,
            keys.secret,
            "is needed with the token: the app's secret (App settings → Basic), which signs \
             what customers write",
        )
    })?;
    let verify = verify
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            bad(
                path,
                keys.verify,
                "is needed with the token: any word you also type in the app's webhook settings",
            )
        })?;
    Ok((secret, verify))
}

impl RawTelegram {
    pub(super) fn validate(self, path: &Path) -> Result<Option<TelegramSettings>, ConfigError> {
        let token = Secret {
            what: "[telegram] token",
            env: "REGULARS_TELEGRAM_TOKEN",
            inline: self.token,
            file: self.token_file,
        }
        .resolve(path)?;
        let Some(token) = token else {
            return Ok(None);
        };
        // A bot token is the bot's number, a colon, and its key: "123456:ABC-DEF…".
        let well_formed = token.split_once(':').is_some_and(|(id, key)| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && key.len() >= 20
        });
        if !well_formed {
            return Err(bad(
                path,
                "[telegram] token",
                "is not a bot token: @BotFather gives one like 123456789:AAH…",
            ));
        }
        let bot = self
            .bot
            .unwrap_or_default()
            .trim()
            .trim_start_matches('@')
            .to_string();
        if bot.is_empty() || !bot.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(bad(
                path,
                "[telegram] bot",
                "is needed with a token: the bot's user name (ending in \"bot\"), for the link \
                 on the visit page",
            ));
        }
        Ok(Some(TelegramSettings {
            token,
            bot,
            api_url: web_address(
                path,
                "[telegram] api_url",
                self.api_url,
                "https://api.telegram.org",
            )?,
            fetch: self.fetch.unwrap_or(true),
            timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(20).clamp(1, 600)),
        }))
    }
}

impl RawWhatsApp {
    pub(super) fn validate(self, path: &Path) -> Result<Option<WhatsAppSettings>, ConfigError> {
        let token = Secret {
            what: "[whatsapp] token",
            env: "REGULARS_WHATSAPP_TOKEN",
            inline: self.token,
            file: self.token_file,
        }
        .resolve(path)?;
        let Some(token) = token else {
            return Ok(None);
        };
        let digits = |v: Option<String>| -> Option<String> {
            let d: String = v
                .unwrap_or_default()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            (!d.is_empty()).then_some(d)
        };
        let phone_number_id = digits(self.phone_number_id).ok_or_else(|| {
            bad(
                path,
                "[whatsapp] phone_number_id",
                "is needed with a token: the number's id in WhatsApp Manager (API Setup)",
            )
        })?;
        let number = digits(self.number)
            .filter(|n| n.len() >= 7)
            .ok_or_else(|| {
                bad(
                    path,
                    "[whatsapp] number",
                    "is needed with a token: the shop's WhatsApp number with its country code, \
                 for the link on the visit page",
                )
            })?;
        let (app_secret, verify_token) = meta_hook(
            path,
            &WHATSAPP_HOOK,
            self.app_secret,
            self.app_secret_file,
            self.verify_token,
        )?;
        for (kind, by_language) in &self.templates {
            if crate::domain::messages::Kind::parse(kind).is_none() {
                return Err(bad(
                    path,
                    "[whatsapp.templates]",
                    format!("'{kind}' is not a kind of message (reward_ready, ticket_resolved…)"),
                ));
            }
            if by_language.values().any(|n| n.trim().is_empty()) {
                return Err(bad(
                    path,
                    "[whatsapp.templates]",
                    format!("{kind}: a name is empty"),
                ));
            }
        }
        Ok(Some(WhatsAppSettings {
            token,
            phone_number_id,
            number,
            app_secret,
            verify_token,
            api_url: web_address(
                path,
                "[whatsapp] api_url",
                self.api_url,
                "https://graph.facebook.com/v21.0",
            )?,
            templates: self.templates,
            timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(20).clamp(1, 600)),
        }))
    }
}

impl RawViber {
    pub(super) fn validate(
        self,
        path: &Path,
        shop_name: &str,
    ) -> Result<Option<ViberSettings>, ConfigError> {
        let token = Secret {
            what: "[viber] token",
            env: "REGULARS_VIBER_TOKEN",
            inline: self.token,
            file: self.token_file,
        }
        .resolve(path)?;
        let Some(token) = token else {
            return Ok(None);
        };
        let uri = self.uri.unwrap_or_default().trim().to_string();
        if uri.is_empty() || !uri.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(bad(
                path,
                "[viber] uri",
                "is needed with a token: the bot's URI (Viber Admin Panel), for the link on \
                 the visit page",
            ));
        }
        let sender: String = self
            .sender
            .unwrap_or_else(|| shop_name.to_string())
            .trim()
            .chars()
            .take(28)
            .collect();
        Ok(Some(ViberSettings {
            token,
            uri,
            sender,
            api_url: web_address(
                path,
                "[viber] api_url",
                self.api_url,
                "https://chatapi.viber.com/pa",
            )?,
            timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(20).clamp(1, 600)),
        }))
    }
}

impl RawMessenger {
    pub(super) fn validate(self, path: &Path) -> Result<Option<MessengerSettings>, ConfigError> {
        let token = Secret {
            what: "[messenger] page_token",
            env: "REGULARS_MESSENGER_PAGE_TOKEN",
            inline: self.page_token,
            file: self.page_token_file,
        }
        .resolve(path)?;
        let Some(page_token) = token else {
            return Ok(None);
        };
        let (app_secret, verify_token) = meta_hook(
            path,
            &MESSENGER_HOOK,
            self.app_secret,
            self.app_secret_file,
            self.verify_token,
        )?;
        let page = self.page.unwrap_or_default().trim().to_string();
        if page.is_empty() || !page.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
            return Err(bad(
                path,
                "[messenger] page",
                "is needed with a page token: the Page's user name or id, for the m.me link",
            ));
        }
        Ok(Some(MessengerSettings {
            page_token,
            app_secret,
            verify_token,
            page,
            api_url: web_address(
                path,
                "[messenger] api_url",
                self.api_url,
                "https://graph.facebook.com/v21.0",
            )?,
            timeout: Duration::from_secs(self.timeout_seconds.unwrap_or(20).clamp(1, 600)),
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use std::path::Path;

    #[test]
    fn chat_settings_and_their_mistakes() {
        let p = Path::new("c.toml");
        let c = Config::parse(
            "[telegram]\ntoken = \"123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"\nbot = \"@cornershop_bot\"\n\
             [whatsapp]\ntoken = \"EAAG\"\nphone_number_id = \"1065\"\nnumber = \"+91 98 4000 0000\"\n\
             app_secret = \"s\"\nverify_token = \"v\"\n\
             [whatsapp.templates.ticket_resolved]\nen = \"is_it_sorted\"\nte = \"is_it_sorted\"\n",
            p,
        )
        .unwrap();
        let t = c.chats.telegram.unwrap();
        assert_eq!(t.bot, "cornershop_bot");
        assert_eq!(t.api_url, "https://api.telegram.org");
        let w = c.chats.whatsapp.unwrap();
        assert_eq!(w.number, "919840000000");
        assert_eq!(
            w.template("ticket_resolved", "en-IE"),
            Some(("is_it_sorted".into(), "en".into()))
        );
        assert_eq!(w.template("reward_ready", "en"), None);
        let e = Config::parse("[telegram]\ntoken = \"nope\"\nbot = \"b\"\n", p).unwrap_err();
        assert!(e.to_string().contains("[telegram] token"), "{e}");
        let e = Config::parse(
            "[telegram]\ntoken = \"123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\"\n",
            p,
        )
        .unwrap_err();
        assert!(e.to_string().contains("[telegram] bot"), "{e}");
        let e = Config::parse("[whatsapp]\ntoken = \"EAAG\"\n", p).unwrap_err();
        assert!(e.to_string().contains("phone_number_id"), "{e}");
        assert!(Config::parse("", p).unwrap().chats.telegram.is_none());
    }
}
