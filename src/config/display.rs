//! `[display]`: the customer display — a pole display on a serial port, and the tablet page
//! on the shop's own network.

use super::ConfigError;
use crate::domain::token::ShopSecret;
use serde::Deserialize;
use std::path::Path;

/// `[display]`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayConfig {
    /// The pole display's serial port; none: no pole display.
    pub port: Option<String>,
    /// A profile in `hardware/displays/`.
    pub profile: String,
    /// The tablet page's key (`/display/{key}`); none: one made from the shop's secret.
    tablet_key: Option<String>,
    /// Serve the tablet page to addresses outside the shop's network too.
    pub tablet_anywhere: bool,
}

impl Default for DisplayConfig {
    fn default() -> Self {
        DisplayConfig {
            port: None,
            profile: "epson-2x20".into(),
            tablet_key: None,
            tablet_anywhere: false,
        }
    }
}

impl DisplayConfig {
    /// The tablet page's key: the one written, else the shop's own (made from its secret at
    /// setup, the same on every start, unguessable without the secret).
    pub fn tablet_key(&self, secret: &ShopSecret) -> String {
        self.tablet_key
            .clone()
            .unwrap_or_else(|| secret.tablet_key())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDisplay {
    port: Option<String>,
    profile: Option<String>,
    tablet_key: Option<String>,
    tablet_anywhere: Option<bool>,
}

/// The shortest key written by hand that is accepted (a key is all that guards the page).
const KEY_MIN: usize = 12;

impl RawDisplay {
    pub(super) fn validate(self, path: &Path) -> Result<DisplayConfig, ConfigError> {
        let key = self.tablet_key.map(|k| k.trim().to_string());
        if let Some(k) = &key
            && (k.len() < KEY_MIN || !k.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                what: "[display] tablet_key",
                message: format!(
                    "use at least {KEY_MIN} letters and digits, or leave it out to use the shop's own"
                ),
            });
        }
        let d = DisplayConfig::default();
        Ok(DisplayConfig {
            port: self.port.filter(|p| !p.trim().is_empty()),
            profile: self
                .profile
                .filter(|p| !p.trim().is_empty())
                .unwrap_or(d.profile),
            tablet_key: key,
            tablet_anywhere: self.tablet_anywhere.unwrap_or(false),
        })
    }
}
