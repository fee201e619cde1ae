//! Backups on a schedule, to a second place, rotated, and logged: what the counter window runs
//! in the background so that a dead disk does not take the shop's history with it.
//!
//! Due every `[backup] every` and once after `end_of_day` (a day the shop was closed at that
//! hour is caught up at the next start). Each good backup is a line of `backup-log.jsonl` in
//! the data folder. A target that is missing or full is a warning and a retry; selling goes on.

use super::{BackupsError, file_name, make};
use crate::config::{BackupConfig, Config};
use crate::datadir::DataDir;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One good backup, as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logged {
    pub at: i64,
    pub path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
    pub customers: i64,
    pub visits: i64,
    pub encrypted: bool,
}

fn log_path(dir: &DataDir) -> PathBuf {
    dir.root().join("backup-log.jsonl")
}

impl Logged {
    /// The log line of an unencrypted backup made at `at`.
    pub fn plain(m: &super::Made, at: i64) -> Logged {
        Logged {
            at,
            path: m.path.clone(),
            bytes: m.bytes,
            sha256: m.sha256.clone(),
            customers: m.holds.customers,
            visits: m.holds.visits,
            encrypted: false,
        }
    }
}

/// Adds a good backup to the log.
pub fn record(dir: &DataDir, l: &Logged) -> Result<(), BackupsError> {
    let path = log_path(dir);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        let line = serde_json::to_string(l).map_err(std::io::Error::other)?;
        writeln!(f, "{line}")?;
        f.sync_all()
    };
    write().map_err(|source| BackupsError::Io {
        path: path.clone(),
        source,
    })
}

/// The newest good backup on record.
pub fn last_good(dir: &DataDir) -> Option<Logged> {
    let text = std::fs::read_to_string(log_path(dir)).ok()?;
    text.lines()
        .rev()
        .find_map(|l| serde_json::from_str::<Logged>(l).ok())
}

/// Where scheduled backups go: `[backup] to`, else the data folder's `backups/`.
pub fn target(dir: &DataDir, c: &BackupConfig) -> PathBuf {
    c.to.clone().unwrap_or_else(|| dir.backups_dir())
}

fn local(ts: i64) -> jiff::ZonedDateTime {
    jiff::Timestamp::from_second(ts)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(jiff::tz::TimeZone::system())
}

/// The latest end-of-day moment at or before `now` (today's if passed, else yesterday's).
fn last_end_of_day(now: i64, minutes: i64) -> i64 {
    let z = local(now);
    let midnight = z
        .start_of_day()
        .map(|m| m.timestamp().as_second())
        .unwrap_or(now);
    let today = midnight + minutes * 60;
    if today <= now { today } else { today - 86_400 }
}

/// Whether a backup is due at `now`, the last good one having been made at `last`.
pub fn due(last: Option<i64>, now: i64, c: &BackupConfig) -> bool {
    let Some(last) = last else {
        return true;
    };
    now - last >= c.every || c.end_of_day.is_some_and(|m| last < last_end_of_day(now, m))
}

/// The time a scheduled backup's name says it was made (`regulars-YYYYMMDD-HHMMSS.db[.age]`).
fn made_at(name: &str) -> Option<i64> {
    let stamp = name
        .strip_prefix("regulars-")?
        .strip_suffix(".age")
        .unwrap_or(name.strip_prefix("regulars-")?);
    let stamp = stamp.strip_suffix(".db")?;
    let dt = jiff::civil::DateTime::strptime("%Y%m%d-%H%M%S", stamp).ok()?;
    Some(
        dt.to_zoned_datetime(jiff::tz::TimeZone::system())
            .ok()?
            .timestamp()
            .as_second(),
    )
}

/// Which of `made` (unix seconds, any order) to keep: the newest of each of the last
/// `daily` days, `weekly` ISO weeks and `monthly` months that have a backup, and always the
/// newest of all.
pub fn keep(made: &[i64], daily: usize, weekly: usize, monthly: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..made.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(made[i]));
    let mut kept = vec![false; made.len()];
    let mut pick = |limit: usize, key: &dyn Fn(&jiff::ZonedDateTime) -> (i32, i32)| {
        let mut seen = Vec::new();
        for &i in &order {
            let k = key(&local(made[i]));
            if seen.contains(&k) {
                continue;
            }
            if seen.len() == limit {
                break;
            }
            seen.push(k);
            kept[i] = true;
        }
    };
    pick(daily, &|z| {
        (i32::from(z.year()), i32::from(z.day_of_year()))
    });
    pick(weekly, &|z| {
        let w = z.date().iso_week_date();
        (i32::from(w.year()), i32::from(w.week()))
    });
    pick(monthly, &|z| (i32::from(z.year()), i32::from(z.month())));
    if let Some(&newest) = order.first() {
        kept[newest] = true;
    }
    kept
}

/// Deletes the scheduled backups in `dir` the rotation no longer keeps (with their
/// checksums). Files not named like a scheduled backup are never touched.
pub fn rotate(dir: &Path, c: &BackupConfig) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if let Some(at) = p.file_name().and_then(|n| made_at(&n.to_string_lossy())) {
            files.push((at, p));
        }
    }
    let made: Vec<i64> = files.iter().map(|(at, _)| *at).collect();
    let kept = keep(&made, c.keep_daily, c.keep_weekly, c.keep_monthly);
    let mut gone = Vec::new();
    for ((_, p), k) in files.into_iter().zip(kept) {
        if !k {
            std::fs::remove_file(&p)?;
            let _ = std::fs::remove_file(super::checksum_file(&p));
            gone.push(p);
        }
    }
    Ok(gone)
}

/// Makes one scheduled backup now: to the target folder (which must exist: a missing USB
/// drive is not created as an empty folder on the computer's own disk), encrypted when a
/// passphrase is set, then rotates the folder and logs the backup.
pub fn run_once(dir: &DataDir, config: &Config, now: i64) -> Result<Logged, BackupsError> {
    backup_with(dir, &dir.store_opener(config), &config.backup, now)
}

/// As [`run_once`], with only the settings a backup uses.
fn backup_with(
    dir: &DataDir,
    opener: &crate::datadir::StoreOpener,
    c: &BackupConfig,
    now: i64,
) -> Result<Logged, BackupsError> {
    let to = target(dir, c);
    if c.to.is_none() {
        std::fs::create_dir_all(&to).map_err(|source| BackupsError::Io {
            path: to.clone(),
            source,
        })?;
    } else if !to.is_dir() {
        return Err(BackupsError::TargetMissing { path: to });
    }
    let store = opener.open(now)?;
    let name = file_name("regulars", now);
    let logged = match &c.passphrase {
        None => Logged::plain(&make(&store, &to.join(&name), |_, _| {})?, now),
        Some(pass) => {
            // Checked in the data folder, then encrypted onto the target and read back.
            let staging = dir.root().join(format!(".{name}"));
            let _ = std::fs::remove_file(&staging);
            let _ = std::fs::remove_file(super::checksum_file(&staging));
            let made = make(&store, &staging, |_, _| {});
            let sealed = made.and_then(|m| {
                let dest = to.join(format!("{name}.age"));
                let (bytes, sha256) = super::sealed::seal(&staging, &dest, pass, &m.sha256)?;
                Ok(Logged {
                    at: now,
                    path: dest,
                    bytes,
                    sha256,
                    customers: m.holds.customers,
                    visits: m.holds.visits,
                    encrypted: true,
                })
            });
            let _ = std::fs::remove_file(&staging);
            let _ = std::fs::remove_file(super::checksum_file(&staging));
            sealed?
        }
    };
    rotate(&to, c).map_err(|source| BackupsError::Io {
        path: to.clone(),
        source,
    })?;
    record(dir, &logged)?;
    Ok(logged)
}

/// What the background backups tell the counter.
#[derive(Debug)]
pub enum News {
    Made(Logged),
    /// It did not work; it is tried again in a few minutes.
    Failed(BackupsError),
}

/// Minutes between tries after a failure.
const RETRY_SECONDS: i64 = 10 * 60;

/// Runs backups as they fall due until `stop`; each outcome goes to `news`.
pub fn worker(
    dir: DataDir,
    (opener, config): (crate::datadir::StoreOpener, BackupConfig),
    first_after: std::time::Duration,
    news: std::sync::mpsc::Sender<News>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let mut last = last_good(&dir).map(|l| l.at);
    let mut retry_at = crate::clock::now() + first_after.as_secs() as i64;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let now = crate::clock::now();
        if now >= retry_at && due(last, now, &config) {
            // A backup made meanwhile by `regulars backup` counts too.
            last = last_good(&dir).map(|l| l.at).max(last);
            if !due(last, now, &config) {
                continue;
            }
            match backup_with(&dir, &opener, &config, now) {
                Ok(l) => {
                    last = Some(l.at);
                    if news.send(News::Made(l)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    eprintln!("backup failed: {e}");
                    retry_at = now + RETRY_SECONDS;
                    if news.send(News::Failed(e)).is_err() {
                        return;
                    }
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_due_after_the_period_and_after_the_end_of_the_day() {
        let c = BackupConfig {
            end_of_day: None,
            ..BackupConfig::default()
        };
        assert!(due(None, 1_000_000, &c));
        assert!(!due(Some(1_000_000), 1_000_000 + 3600, &c));
        assert!(due(Some(1_000_000), 1_000_000 + 6 * 3600, &c));
        let now = local(1_800_000_000);
        let eod = (i64::from(now.hour()) * 60 + i64::from(now.minute()) + 1440 - 30) % 1440;
        let c = BackupConfig {
            end_of_day: Some(eod),
            ..BackupConfig::default()
        };
        // The day's end was half an hour ago: a backup from an hour ago is too old.
        assert!(due(Some(1_800_000_000 - 3600), 1_800_000_000, &c));
        assert!(!due(Some(1_800_000_000 - 600), 1_800_000_000, &c));
    }

    #[test]
    fn rotation_keeps_the_newest_of_each_day_week_and_month() {
        let day = 86_400;
        let start = 1_780_000_000;
        // Four backups a day for 400 days.
        let made: Vec<i64> = (0..1600).map(|i| start + i * day / 4).collect();
        let kept = keep(&made, 7, 4, 12);
        let n = kept.iter().filter(|k| **k).count();
        assert!((7..=23).contains(&n), "{n} kept");
        assert!(kept[made.len() - 1], "the newest is kept");
        // The oldest kept is about a year back, the rest of the old ones are gone.
        let oldest = made
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(m, _)| *m)
            .min()
            .unwrap();
        assert!(
            made[made.len() - 1] - oldest > 300 * day,
            "a year of months"
        );
        assert!(!kept[0], "the first day is beyond twelve months");
        assert_eq!(keep(&[5], 0, 0, 0), [true], "the newest always stays");
    }

    #[test]
    fn names_carry_their_time() {
        let at = made_at("regulars-20261202-034042.db").unwrap();
        assert_eq!(file_name("regulars", at), "regulars-20261202-034042.db");
        assert_eq!(made_at("regulars-20261202-034042.db.age"), Some(at));
        assert_eq!(made_at("regulars-before-restore-20261202-034042.db"), None);
        assert_eq!(made_at("notes.db"), None);
    }
}
