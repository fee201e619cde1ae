//! `[central]`: the chain's PostgreSQL database and who this till is in it.

use super::ConfigError;
use serde::Deserialize;
use std::path::Path;

/// `[central]`, validated. Absent: this till works alone, as a single shop does.
#[derive(Clone, PartialEq, Eq)]
pub struct CentralConfig {
    /// `postgresql://user@host/db`; the password from the URL or `PGPASSWORD` (never logged:
    /// see `redacted`).
    pub url: String,
    /// This shop's name in the chain (`riga-centre`).
    pub shop_id: String,
    /// This till's name, unique in the chain (`riga-centre-1`).
    pub till_id: String,
    /// Points a till may redeem per customer per day while it cannot reach the central store.
    pub offline_redeem_allowance: i64,
    /// Seconds between background syncs in the window and `serve`.
    pub every: u64,
    /// The shop's name (`[shop] name`), told to the chain so its page servers name the shop
    /// on this till's receipts.
    pub shop_name: String,
    /// A page server's: where its pages open (its `[portal] public_url`), told to the chain so
    /// a till whose receipts carry an address that opens only in the shop can point at it.
    pub pages_url: Option<String>,
}

impl std::fmt::Debug for CentralConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CentralConfig")
            .field("url", &redacted(&self.url))
            .field("shop_id", &self.shop_id)
            .field("till_id", &self.till_id)
            .field("offline_redeem_allowance", &self.offline_redeem_allowance)
            .field("every", &self.every)
            .finish()
    }
}

/// The URL with any password replaced by `***`, for messages and logs.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, host) = match rest.rfind('@') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => return url.to_string(),
    };
    let user = auth.split(':').next().unwrap_or("");
    let hidden = if auth.contains(':') { ":***" } else { "" };
    let mut out = format!("{scheme}://{user}{hidden}{host}");
    // `?password=` in the query string too.
    if let Some(q) = out.find("password=") {
        let end = out[q..].find('&').map(|e| q + e).unwrap_or(out.len());
        out.replace_range(q + "password=".len()..end, "***");
    }
    out
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCentral {
    url: Option<String>,
    shop_id: Option<String>,
    till_id: Option<String>,
    offline_redeem_allowance: Option<i64>,
    every: Option<u64>,
}

/// A name for a shop or till: letters, digits, `-`, `_` and `.`, up to 40.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 40
        && s.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

impl RawCentral {
    pub(super) fn validate(self, path: &Path) -> Result<Option<CentralConfig>, ConfigError> {
        let bad = |what: &'static str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            what,
            message,
        };
        let Some(url) = self
            .url
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty())
        else {
            return Ok(None);
        };
        if !url.starts_with("postgresql://") && !url.starts_with("postgres://") {
            return Err(bad(
                "[central] url",
                format!(
                    "'{}' is not a PostgreSQL URL: use postgresql://user@host/database",
                    redacted(&url)
                ),
            ));
        }
        let name = |value: Option<String>, what: &'static str| {
            let v = value.map(|v| v.trim().to_string()).unwrap_or_default();
            if is_name(&v) {
                Ok(v)
            } else if v.is_empty() {
                Err(bad(what, "is needed when [central] url is set".to_string()))
            } else {
                Err(bad(
                    what,
                    format!("'{v}' must be letters, digits, '-', '_' or '.', at most 40"),
                ))
            }
        };
        let shop_id = name(self.shop_id, "[central] shop_id")?;
        let till_id = name(self.till_id, "[central] till_id")?;
        let allowance = self.offline_redeem_allowance.unwrap_or(0);
        if allowance < 0 {
            return Err(bad(
                "[central] offline_redeem_allowance",
                format!(
                    "{allowance} is below zero: give the points a till may redeem offline, or 0"
                ),
            ));
        }
        Ok(Some(CentralConfig {
            url,
            shop_id,
            till_id,
            offline_redeem_allowance: allowance,
            every: self.every.unwrap_or(30).max(1),
            shop_name: String::new(),
            pages_url: None,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redacted("postgresql://regulars:s3cret@db.example:5432/regulars"),
            "postgresql://regulars:***@db.example:5432/regulars"
        );
        assert_eq!(
            redacted("postgresql://regulars@db/r"),
            "postgresql://regulars@db/r"
        );
        assert_eq!(
            redacted("postgresql://u@db/r?password=x&sslmode=require"),
            "postgresql://u@db/r?password=***&sslmode=require"
        );
        let c = crate::config::Config::parse(
            "[central]\nurl = \"postgresql://u:pw@db/r\"\nshop_id = \"riga\"\ntill_id = \"riga-1\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let central = c.central.unwrap();
        assert_eq!(central.till_id, "riga-1");
        assert!(!format!("{central:?}").contains("pw"));
        let e = crate::config::Config::parse(
            "[central]\nurl = \"postgresql://db/r\"\nshop_id = \"riga\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("[central] till_id"), "{e}");
    }
}
