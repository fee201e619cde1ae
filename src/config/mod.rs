//! `config.toml`: read, validated into typed settings before anything opens.
//!
//! Every key is optional; a missing file means the defaults. Unknown keys in `[shop]` and
//! `[program]` are refused so a typo ("min_spnd") is reported instead of silently ignored.

use crate::domain::{
    money::{AmountError, Currency},
    program::{Program, ProgramError},
};
mod alerts;
mod backup;
mod central;
pub mod chats;
mod devices;
pub mod display;
mod messages;
mod program;
pub mod reach;
mod save;
mod secrets;
pub mod setup;
mod tiers;

pub use alerts::{AlertsConfig, DEFAULT_OPENING_HOURS};
pub use backup::{BackupConfig, parse_every, parse_time};
pub use central::{CentralConfig, redacted};
pub use devices::{PlugConfig, PrinterConfig, PrinterPort, ScannerConfig};
use devices::{RawPlug, RawPrinter, RawScanner, printer_port};
pub use messages::MessagesConfig;
pub use save::{Change, DeviceSettings, rows, save_changes, save_devices, shown, written};

use serde::Deserialize;

use std::path::{Path, PathBuf};

/// What is wrong with the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {what}: {message}")]
    Invalid {
        path: PathBuf,
        what: &'static str,
        message: String,
    },
    #[error("{config}: {what}_file: cannot read {path}: {source}")]
    Secret {
        config: PathBuf,
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {what}: {source}")]
    Amount {
        path: PathBuf,
        what: &'static str,
        source: AmountError,
    },
    #[error("{path}: {source}")]
    Program { path: PathBuf, source: ProgramError },
    #[error("{path}: [shop] language: {source}")]
    Language {
        path: PathBuf,
        source: crate::i18n::I18nError,
    },
}

/// The shop's settings, validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub shop: ShopConfig,
    pub program: Program,
    pub portal: PortalConfig,
    pub printer: PrinterConfig,
    pub scanner: ScannerConfig,
    pub staff: StaffConfig,
    pub support: SupportConfig,
    pub passthrough: PlugConfig,
    pub backup: BackupConfig,
    pub alerts: AlertsConfig,
    pub display: display::DisplayConfig,
    /// The chain's central store; `None` for a till that works alone.
    pub central: Option<CentralConfig>,
    /// The shop's mail server; `None`: no email is sent (it waits in the outbox).
    pub email: Option<crate::messages::EmailSettings>,
    /// The SMS gateway; `None`: no SMS is sent.
    pub sms: Option<crate::messages::SmsSettings>,
    pub messages: MessagesConfig,
    /// The messaging apps (Telegram, WhatsApp) set up; none by default.
    pub chats: chats::ChatsConfig,
}

/// What the store's workers at the counter need of the settings, and nothing else: the shop
/// (its name, language and currency, for receipts and words), where the customer pages are
/// reached (the receipts' QR), and the chain's central store (a redemption asks it).
#[derive(Debug, Clone)]
pub struct WorkerSettings {
    pub shop: ShopConfig,
    pub public_url: String,
    pub central: Option<CentralConfig>,
}

impl Config {
    /// The part of the settings the store's workers use.
    pub fn worker_settings(&self) -> WorkerSettings {
        WorkerSettings {
            shop: self.shop.clone(),
            public_url: self.portal.public_url.clone(),
            central: self.central.clone(),
        }
    }
}

/// `[staff]`: what needs the owner's PIN.
#[derive(Debug, Clone)]
pub struct StaffConfig {
    /// Refunds larger than this (minor units) need the owner's PIN at the counter.
    pub owner_pin_above: i64,
}

/// `[shop]`.
#[derive(Debug, Clone)]
pub struct ShopConfig {
    pub name: String,
    pub currency: Currency,
    /// Calling code for phone numbers typed in national form, e.g. "+353".
    pub country_code: Option<String>,
    /// The language of the counter, receipts and the owner: a shipped locale's tag (`lv`,
    /// `sr-Cyrl`…). Default: the system's language if shipped, else English.
    pub language: String,
}

impl ShopConfig {
    /// The shop's language (English if the tag is somehow not shipped: it was checked when
    /// the file was read).
    pub fn words(&self) -> crate::i18n::Words {
        let c = crate::i18n::catalog();
        crate::i18n::Words(c.get(&self.language).unwrap_or_else(|_| c.fallback()))
    }
}

/// `[portal]`: where the customer pages listen and the address printed in receipt QR codes.
#[derive(Debug, Clone)]
pub struct PortalConfig {
    pub bind: String,
    pub public_url: String,
    /// The key tills send to the local API (`Authorization: Bearer KEY`); none turns the API off.
    pub api_key: Option<String>,
    /// Requests per minute one client address may make; 0 turns the limit off.
    pub requests_per_minute: u32,
    /// Whether the counter window starts the portal too (`regulars serve` always does).
    pub with_app: bool,
    /// Behind the shop's own reverse proxy: take the client's address from the last
    /// `X-Forwarded-For` entry (the proxy's own), so the rate limit is per phone, not per proxy.
    pub behind_proxy: bool,
    /// Memory for receipt pages kept as rendered, in MiB (about 150 pages each); 0 keeps none.
    pub page_cache_mb: u32,
}

/// `[support]`.
#[derive(Debug, Clone)]
pub struct SupportConfig {
    /// A resolved ticket the customer has not confirmed after this many days is on the
    /// follow-up list.
    pub follow_up_days: i64,
    /// How soon a ticket should get its first reply and its resolution, per severity.
    pub targets: crate::domain::support::Targets,
}

#[derive(Debug, Default, Deserialize)]
struct Raw {
    #[serde(default)]
    shop: RawShop,
    #[serde(default)]
    program: program::RawProgram,
    #[serde(default)]
    portal: RawPortal,
    #[serde(default)]
    printer: RawPrinter,
    #[serde(default)]
    scanner: RawScanner,
    #[serde(default)]
    staff: RawStaff,
    #[serde(default)]
    support: RawSupport,
    #[serde(default)]
    passthrough: RawPlug,
    #[serde(default)]
    backup: backup::RawBackup,
    #[serde(default)]
    alerts: alerts::RawAlerts,
    #[serde(default)]
    display: display::RawDisplay,
    #[serde(default)]
    central: central::RawCentral,
    #[serde(default)]
    email: messages::RawEmail,
    #[serde(default)]
    sms: messages::RawSms,
    #[serde(default)]
    messages: messages::RawMessages,
    #[serde(default)]
    telegram: chats::RawTelegram,
    #[serde(default)]
    whatsapp: chats::RawWhatsApp,
    #[serde(default)]
    viber: chats::RawViber,
    #[serde(default)]
    messenger: chats::RawMessenger,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSupport {
    follow_up_days: Option<u32>,
    reply_within: Option<RawWithin>,
    resolve_within: Option<RawWithin>,
}

/// `"1d"` for every severity, or `{ minor = "2d", normal = "1d", urgent = "4h" }`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawWithin {
    All(String),
    BySeverity {
        minor: Option<String>,
        normal: Option<String>,
        urgent: Option<String>,
    },
}

impl RawWithin {
    /// Seconds for severities 1, 2 and 3 (`default` where a table leaves one out).
    fn seconds(
        &self,
        path: &Path,
        what: &'static str,
        default: [i64; 3],
    ) -> Result<[i64; 3], ConfigError> {
        let one = |text: &str| {
            backup::parse_every(text).ok_or_else(|| ConfigError::Invalid {
                path: path.to_path_buf(),
                what,
                message: format!(
                    "'{text}' is not a time like \"4h\" or \"1d\" (15 minutes at least)"
                ),
            })
        };
        match self {
            RawWithin::All(t) => {
                let s = one(t)?;
                Ok([s; 3])
            }
            RawWithin::BySeverity {
                minor,
                normal,
                urgent,
            } => {
                let mut out = default;
                for (i, t) in [minor, normal, urgent].into_iter().enumerate() {
                    if let Some(t) = t {
                        out[i] = one(t)?;
                    }
                }
                Ok(out)
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStaff {
    owner_pin_above: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShop {
    name: Option<String>,
    currency: Option<String>,
    country_code: Option<String>,
    language: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPortal {
    bind: Option<String>,
    public_url: Option<String>,
    api_key: Option<String>,
    api_key_file: Option<String>,
    requests_per_minute: Option<u32>,
    with_app: Option<bool>,
    behind_proxy: Option<bool>,
    page_cache_mb: Option<u32>,
}

impl RawPortal {
    fn validate(self, path: &Path) -> Result<PortalConfig, ConfigError> {
        let raw = self;
        let bind = raw.bind.unwrap_or_else(|| "0.0.0.0:8080".into());
        Ok(PortalConfig {
            public_url: match raw.public_url {
                Some(url) => {
                    if let Some(tunnel) = crate::domain::reach::temporary_address(&url) {
                        return Err(ConfigError::Invalid {
                            path: path.to_path_buf(),
                            what: "[portal] public_url",
                            message: format!(
                                "{url} is a temporary {tunnel} address: it changes whenever the \
                                 tunnel restarts, and every receipt printed with it stops opening. \
                                 Use a named tunnel or a server with a fixed address"
                            ),
                        });
                    }
                    url.trim_end_matches('/').to_string()
                }
                None => reach::default_public_url(&bind),
            },
            bind,
            api_key: secrets::Secret {
                what: "[portal] api_key",
                env: "REGULARS_API_KEY",
                inline: raw.api_key,
                file: raw.api_key_file,
            }
            .resolve(path)?,
            requests_per_minute: raw.requests_per_minute.unwrap_or(120),
            with_app: raw.with_app.unwrap_or(true),
            behind_proxy: raw.behind_proxy.unwrap_or(false),
            page_cache_mb: raw.page_cache_mb.unwrap_or(64),
        })
    }
}

impl RawSupport {
    fn validate(self, path: &Path) -> Result<SupportConfig, ConfigError> {
        let raw = self;
        Ok(SupportConfig {
            follow_up_days: i64::from(raw.follow_up_days.unwrap_or(3)),
            targets: {
                let d = crate::domain::support::Targets::default();
                crate::domain::support::Targets {
                    reply: match &raw.reply_within {
                        Some(w) => w.seconds(path, "[support] reply_within", d.reply)?,
                        None => d.reply,
                    },
                    resolve: match &raw.resolve_within {
                        Some(w) => w.seconds(path, "[support] resolve_within", d.resolve)?,
                        None => d.resolve,
                    },
                }
            },
        })
    }
}

/// The shop's language: the one set, if this Regulars has it, else the computer's.
fn shop_language(tag: Option<&str>, path: &Path) -> Result<String, ConfigError> {
    Ok(match tag {
        Some(tag) => crate::i18n::catalog()
            .get(tag)
            .map_err(|source| ConfigError::Language {
                path: path.to_path_buf(),
                source,
            })?
            .tag()
            .to_string(),
        None => crate::i18n::system_default().to_string(),
    })
}

/// The file written on first run, so an owner can see and change every setting.
pub const TEMPLATE: &str = include_str!("template.toml");

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Config::parse(&text, path)
    }

    /// Parses and validates configuration text; `path` is only for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let amount_err = |what, source| ConfigError::Amount {
            path: path.to_path_buf(),
            what,
            source,
        };
        let currency = Currency::from_code(raw.shop.currency.as_deref().unwrap_or("EUR"))
            .map_err(|e| amount_err("[shop] currency", e))?;
        let language = shop_language(raw.shop.language.as_deref(), path)?;
        let program = raw.program.validate(currency, path)?;
        let shop_name = raw.shop.name.clone().unwrap_or_else(|| "My Shop".into());
        let email = raw.email.validate(path, &shop_name)?;
        let (sms, sms_inbound) = raw.sms.validate(path)?;
        Ok(Config {
            shop: ShopConfig {
                name: shop_name.clone(),
                currency,
                country_code: raw.shop.country_code.filter(|c| !c.trim().is_empty()),
                language,
            },
            program,
            printer: PrinterConfig {
                port: printer_port(raw.printer.port.as_deref(), path)?,
                profile: raw.printer.profile.unwrap_or_else(|| "generic-80mm".into()),
                baud: raw.printer.baud,
                logo: raw.printer.logo,
            },
            staff: StaffConfig {
                owner_pin_above: match raw.staff.owner_pin_above.as_deref() {
                    Some(a) => currency
                        .parse_amount(a)
                        .map_err(|e| amount_err("[staff] owner_pin_above", e))?,
                    None => 20 * currency.minor_per_major(),
                },
            },
            scanner: ScannerConfig {
                port: raw.scanner.port.filter(|p| !p.trim().is_empty()),
                profile: raw.scanner.profile.unwrap_or_else(|| "generic-cr".into()),
            },
            portal: raw.portal.validate(path)?,
            passthrough: PlugConfig {
                enabled: raw.passthrough.enabled.unwrap_or(false),
                pos: raw.passthrough.pos.filter(|p| !p.trim().is_empty()),
                pos_profile: raw
                    .passthrough
                    .pos_profile
                    .unwrap_or_else(|| "generic-point".into()),
                pos_baud: raw.passthrough.pos_baud.unwrap_or(9600),
                window_seconds: raw.passthrough.window_seconds.unwrap_or(120),
            },
            support: raw.support.validate(path)?,
            backup: raw.backup.validate(path)?,
            alerts: raw.alerts.validate(path)?,
            display: raw.display.validate(path)?,
            central: raw.central.validate(path)?.map(|c| CentralConfig {
                shop_name: shop_name.clone(),
                ..c
            }),
            email,
            sms,
            messages: raw.messages.validate(sms_inbound),
            chats: chats::ChatsConfig {
                telegram: raw.telegram.validate(path)?,
                whatsapp: raw.whatsapp.validate(path)?,
                viber: raw.viber.validate(path, &shop_name)?,
                messenger: raw.messenger.validate(path)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_template_agree() {
        let p = Path::new("config.toml");
        let empty = Config::parse("", p).unwrap();
        let template = Config::parse(TEMPLATE, p).unwrap();
        assert_eq!(empty.program, template.program);
        assert_eq!(empty.program, Program::default());
    }

    #[test]
    fn the_shops_language_is_a_shipped_one() {
        let p = Path::new("config.toml");
        let c = Config::parse("[shop]\nlanguage = \"sr-latn\"\n", p).unwrap();
        assert_eq!(c.shop.language, "sr-Latn");
        let err = Config::parse("[shop]\nlanguage = \"xx\"\n", p).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("[shop] language"), "{text}");
        assert!(text.contains("en, fil, lv, sr-Cyrl, sr-Latn, te"), "{text}");
    }

    #[test]
    fn typo_is_reported() {
        let err = Config::parse("[program]\nmin_spnd = \"2\"\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("min_spnd"), "{err}");
    }

    #[test]
    fn per_ten_euro_and_no_stamps() {
        let c = Config::parse(
            "[program]\npoints = 1\nper = \"10.00\"\nexpiry_days = 0\n[program.stamps]\nevery = 0\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.program.points_for(2500), 2);
        assert_eq!(c.program.stamps, None);
        assert_eq!(c.program.expiry_days, None);
    }

    #[test]
    fn bad_amount_is_reported() {
        let err = Config::parse("[program]\nper = \"-1\"\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("[program] per"), "{err}");
    }
}
