//! `[backup]`: where scheduled backups go, how often, how many are kept, and whether they are
//! encrypted.

use super::ConfigError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `[backup]`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupConfig {
    /// A folder on a second disk (a USB drive, a network share); none keeps them in the data
    /// folder's `backups/`, on the same disk as the database.
    pub to: Option<PathBuf>,
    /// Seconds between scheduled backups.
    pub every: i64,
    /// Minutes after local midnight for the day's last backup (none: only `every`).
    pub end_of_day: Option<i64>,
    pub keep_daily: usize,
    pub keep_weekly: usize,
    pub keep_monthly: usize,
    /// Encrypt backup files with this passphrase (age format); from
    /// `REGULARS_BACKUP_PASSPHRASE` or `passphrase_file`, never from config.toml itself.
    pub passphrase: Option<String>,
}

impl Default for BackupConfig {
    fn default() -> Self {
        BackupConfig {
            to: None,
            every: 6 * 3600,
            end_of_day: Some(22 * 60),
            keep_daily: 7,
            keep_weekly: 4,
            keep_monthly: 12,
            passphrase: None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBackup {
    to: Option<String>,
    every: Option<String>,
    end_of_day: Option<String>,
    keep_daily: Option<usize>,
    keep_weekly: Option<usize>,
    keep_monthly: Option<usize>,
    passphrase_file: Option<String>,
}

/// `30m`, `6h`, `1d` as seconds.
pub fn parse_every(text: &str) -> Option<i64> {
    let t = text.trim();
    let (n, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = n.parse().ok().filter(|n| *n > 0)?;
    let secs = match unit.trim() {
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    Some(n * secs).filter(|s| *s >= 15 * 60)
}

pub fn parse_time(text: &str) -> Option<i64> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

impl RawBackup {
    pub(super) fn validate(self, path: &Path) -> Result<BackupConfig, ConfigError> {
        let bad = |what: &'static str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            what,
            message,
        };
        let d = BackupConfig::default();
        let every = match self.every {
            Some(e) => parse_every(&e).ok_or_else(|| {
                bad(
                    "[backup] every",
                    format!("'{e}' is not a period: use minutes, hours or days like 30m, 6h, 1d (at least 15m)"),
                )
            })?,
            None => d.every,
        };
        let end_of_day = match self.end_of_day.as_deref().map(str::trim) {
            None => d.end_of_day,
            Some("off") => None,
            Some(t) => Some(parse_time(t).ok_or_else(|| {
                bad(
                    "[backup] end_of_day",
                    format!("'{t}' is not a time of day: use HH:MM like 22:00, or off"),
                )
            })?),
        };
        let passphrase = super::secrets::Secret {
            what: "[backup] passphrase",
            env: "REGULARS_BACKUP_PASSPHRASE",
            inline: None,
            file: self.passphrase_file,
        }
        .resolve(path)?;
        Ok(BackupConfig {
            to: self
                .to
                .filter(|t| !t.trim().is_empty())
                .map(|t| PathBuf::from(t.trim())),
            every,
            end_of_day,
            keep_daily: self.keep_daily.unwrap_or(d.keep_daily),
            keep_weekly: self.keep_weekly.unwrap_or(d.keep_weekly),
            keep_monthly: self.keep_monthly.unwrap_or(d.keep_monthly),
            passphrase,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_times() {
        assert_eq!(parse_every("6h"), Some(21_600));
        assert_eq!(parse_every("30m"), Some(1_800));
        assert_eq!(parse_every("1d"), Some(86_400));
        assert_eq!(parse_every("5m"), None, "too often");
        assert_eq!(parse_every("6 hours"), None);
        assert_eq!(parse_time("22:00"), Some(1_320));
        assert_eq!(parse_time("24:00"), None);
        let c = crate::config::Config::parse(
            "[backup]\nto = \"/media/usb\"\nevery = \"2h\"\nend_of_day = \"off\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        assert_eq!(c.backup.to, Some(PathBuf::from("/media/usb")));
        assert_eq!((c.backup.every, c.backup.end_of_day), (7_200, None));
        let e =
            crate::config::Config::parse("[backup]\nevery = \"often\"\n", Path::new("config.toml"))
                .unwrap_err()
                .to_string();
        assert!(e.contains("[backup] every: 'often' is not a period"), "{e}");
    }
}
