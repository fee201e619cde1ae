//! Backups as files: made under a temporary name and renamed only once checked, each with a
//! `sha256sum`-style checksum beside it; listed, verified and restored from.
//!
//! A backup killed half-way leaves only its `.part`, which is never taken for a backup. A
//! restore checks the file first, keeps the database as it was beside it (never deleting it),
//! and refuses while a window, the customer pages or plug-in mode have the shop open.

pub mod schedule;
mod sealed;

use crate::datadir::DataDir;
use crate::store::{BackupError, Inspection, Store, inspect};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What can go wrong with a backup file.
#[derive(Debug, thiserror::Error)]
pub enum BackupsError {
    #[error(transparent)]
    Backup(#[from] BackupError),
    #[error(
        "{path} is not the file that was backed up: its checksum does not match the one recorded beside it"
    )]
    Checksum { path: PathBuf },
    #[error(
        "the counter window, the customer pages or plug-in mode are using this shop: close them, then restore again; nothing was changed"
    )]
    InUse,
    #[error("the backup folder {path} is not there (is the drive plugged in?)")]
    TargetMissing { path: PathBuf },
    #[error("the passphrase does not open this backup")]
    Passphrase,
    #[error("{path} is encrypted: set [backup] passphrase_file or REGULARS_BACKUP_PASSPHRASE")]
    NeedsPassphrase { path: PathBuf },
    #[error("{path} already exists: choose another path; nothing was overwritten")]
    Exists { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    DataDir(#[from] crate::datadir::DataDirError),
}

type Result<T> = std::result::Result<T, BackupsError>;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupsError + '_ {
    move |source| BackupsError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A backup written and checked.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Made {
    pub path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
    #[serde(flatten)]
    pub holds: Inspection,
}

/// A backup file read back.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Verified {
    pub path: PathBuf,
    /// Whether a checksum was recorded beside it (and matched); copies moved without it are
    /// checked by SQLite alone.
    pub checksum: bool,
    #[serde(flatten)]
    pub holds: Inspection,
}

/// A database put back.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Restored {
    pub from: PathBuf,
    /// Where the database as it was before is kept.
    pub kept: PathBuf,
    #[serde(flatten)]
    pub holds: Inspection,
}

/// One file in a backups folder.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Listed {
    pub path: PathBuf,
    pub bytes: u64,
    /// Unix seconds it was written.
    pub at: i64,
    pub checksum: bool,
}

/// `regulars-YYYYMMDD-HHMMSS.db` for a backup made at `now` (local time).
pub fn file_name(prefix: &str, now: i64) -> String {
    let stamp = jiff::Timestamp::from_second(now)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    format!("{prefix}-{stamp}.db")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The file holding `backup`'s checksum.
pub fn checksum_file(backup: &Path) -> PathBuf {
    with_suffix(backup, ".sha256")
}

/// The SHA-256 of everything `r` gives, in hex; `path` names it in errors.
fn sha256_of_reader(r: impl Read, path: &Path) -> Result<String> {
    let (hex, _) = crate::digest::sha256_of_reader(r).map_err(io(path))?;
    Ok(hex)
}

fn sha256_of(path: &Path) -> Result<String> {
    sha256_of_reader(std::fs::File::open(path).map_err(io(path))?, path)
}

/// Writes `backup`'s checksum beside it, in `sha256sum`'s format, and flushes it and the
/// folder (so the rename before it is on disk too).
fn write_checksum(backup: &Path, sha256: &str) -> Result<()> {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let sums = checksum_file(backup);
    let mut f = std::fs::File::create(&sums).map_err(io(&sums))?;
    writeln!(f, "{sha256}  {name}").map_err(io(&sums))?;
    f.sync_all().map_err(io(&sums))?;
    if let Some(dir) = backup.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// Copies the shop's database to `dest`: into `dest.part`, checked against the database at
/// the moment it was copied, flushed to disk, then renamed to `dest` with its checksum
/// beside it. On any failure `dest` does not exist and the `.part` is removed.
pub fn make(store: &Store, dest: &Path, progress: impl FnMut(i32, i32)) -> Result<Made> {
    if dest.exists() {
        return Err(BackupsError::Exists {
            path: dest.to_path_buf(),
        });
    }
    let part = with_suffix(dest, ".part");
    let _ = std::fs::remove_file(&part);
    let made = (|| {
        let holds = store.backup_checked(&part, progress)?;
        std::fs::File::open(&part)
            .and_then(|f| f.sync_all())
            .map_err(io(&part))?;
        let sha256 = sha256_of(&part)?;
        let bytes = std::fs::metadata(&part).map_err(io(&part))?.len();
        std::fs::rename(&part, dest).map_err(io(dest))?;
        Ok((holds, sha256, bytes))
    })();
    let (holds, sha256, bytes) = match made {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    write_checksum(dest, &sha256)?;
    Ok(Made {
        path: dest.to_path_buf(),
        bytes,
        sha256,
        holds,
    })
}

/// Reads a backup back: its recorded checksum (when there is one), then SQLite's integrity
/// check, the schema version (a newer Regulars' file is refused) and what it holds. An
/// encrypted backup (`.age`) is decrypted with `passphrase` into a private temporary file
/// beside it for the check.
pub fn verify(path: &Path, passphrase: Option<&str>) -> Result<Verified> {
    std::fs::metadata(path).map_err(io(path))?;
    let checksum = match recorded_checksum(path)? {
        Some(recorded) => {
            if !recorded.eq_ignore_ascii_case(&sha256_of(path)?) {
                return Err(BackupsError::Checksum {
                    path: path.to_path_buf(),
                });
            }
            true
        }
        None => false,
    };
    let holds = with_plain(path, passphrase, |plain| Ok(inspect(plain)?))?;
    Ok(Verified {
        path: path.to_path_buf(),
        checksum,
        holds,
    })
}

/// The checksum recorded beside the backup `path` (`sha256sum`'s first word), if there is
/// a checksum file.
fn recorded_checksum(path: &Path) -> Result<Option<String>> {
    let sums = checksum_file(path);
    match std::fs::read_to_string(&sums) {
        Ok(text) => Ok(Some(
            text.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(&sums)(e)),
    }
}

fn is_sealed(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "age")
}

/// Copies the backup `file` to `dest` (decrypting an encrypted one with `passphrase`) as it
/// is carried to another machine: a plain one checked on the way against the checksum
/// recorded beside it (when there is one), an encrypted one by its own authentication.
/// `progress` hears the bytes copied so far, of the whole. Returns the copy's size; on any
/// fault nothing is left at `dest`.
pub fn copy_out(
    file: &Path,
    passphrase: Option<&str>,
    dest: &Path,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64> {
    let copied = if is_sealed(file) {
        let Some(pass) = passphrase else {
            return Err(BackupsError::NeedsPassphrase {
                path: file.to_path_buf(),
            });
        };
        sealed::unseal(file, pass, dest)
    } else {
        copy_plain(file, dest, &mut progress)
    };
    let size = copied.and_then(|()| Ok(std::fs::metadata(dest).map_err(io(dest))?.len()));
    if size.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    size
}

fn copy_plain(file: &Path, dest: &Path, progress: &mut impl FnMut(u64, u64)) -> Result<()> {
    let recorded = recorded_checksum(file)?;
    let input = std::fs::File::open(file).map_err(io(file))?;
    let total = input.metadata().map_err(io(file))?.len();
    let mut out = std::fs::File::create(dest).map_err(io(dest))?;
    let (sha, _) =
        crate::digest::copy_hashed(input, &mut out, total, &mut |done| progress(done, total))
            .map_err(io(dest))?;
    if recorded.is_some_and(|r| !r.eq_ignore_ascii_case(&sha)) {
        return Err(BackupsError::Checksum {
            path: file.to_path_buf(),
        });
    }
    out.sync_all().map_err(io(dest))
}

/// Runs `f` on the plain database of `path`: the file itself, or an encrypted backup
/// decrypted into a temporary file removed afterwards.
fn with_plain<T>(
    path: &Path,
    passphrase: Option<&str>,
    f: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    if !is_sealed(path) {
        return f(path);
    }
    let Some(pass) = passphrase else {
        return Err(BackupsError::NeedsPassphrase {
            path: path.to_path_buf(),
        });
    };
    let plain = with_suffix(path, ".check");
    let _ = std::fs::remove_file(&plain);
    let result = sealed::unseal(path, pass, &plain).and_then(|()| f(&plain));
    let _ = std::fs::remove_file(&plain);
    result
}

/// The backups in `dir`, oldest first (half-made `.part` files are not backups).
pub fn list(dir: &Path) -> Result<Vec<Listed>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !(name.ends_with(".db") || name.ends_with(".db.age")) {
            continue;
        }
        let meta = entry.metadata().map_err(io(&path))?;
        let at = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as i64);
        out.push(Listed {
            checksum: checksum_file(&path).exists(),
            path,
            bytes: meta.len(),
            at,
        });
    }
    out.sort_by(|a, b| (a.at, &a.path).cmp(&(b.at, &b.path)));
    Ok(out)
}

/// Puts the shop's database back as it is in `file`: verified first; refused while anything
/// has the shop open; the database as it was is first copied (and checked) to
/// `regulars-before-restore-….db` in the data folder, and never deleted.
pub fn restore(
    dir: &DataDir,
    store: &mut Store,
    file: &Path,
    passphrase: Option<&str>,
    now: i64,
) -> Result<Restored> {
    let checked = verify(file, passphrase)?;
    let Some(_alone) = dir.alone()? else {
        return Err(BackupsError::InUse);
    };
    let kept = dir.root().join(file_name("regulars-before-restore", now));
    make(store, &kept, |_, _| {})?;
    with_plain(file, passphrase, |plain| {
        store
            .restore_from(plain)
            .map_err(|e| BackupsError::Backup(e.into()))
    })?;
    Ok(Restored {
        from: file.to_path_buf(),
        kept,
        holds: checked.holds,
    })
}
