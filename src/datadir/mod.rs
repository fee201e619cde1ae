//! The data directory: `regulars.db`, `config.toml`, the shop secret, `receipts/`, `backups/`.
//!
//! `--data DIR`, else `REGULARS_DATA`, else the platform's data dir. This is the one place that
//! opens the store, so every command gets the same pragmas, migrations and program version.

pub mod private;

use crate::config::{Config, ConfigError, TEMPLATE};
use crate::domain::token::ShopSecret;
use crate::store::{ShopRules, Store, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A Regulars data directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

/// Failing to set up the data directory.
#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    #[error("cannot use the data folder {path}: {source}; choose another with --data DIR")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the shop secret {path} is damaged (it must be 64 hex digits); restore it from a backup"
    )]
    BadSecret { path: PathBuf },
    #[error("no data folder could be chosen for this user: pass --data DIR")]
    NoHome,
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The shop's database with the rules and programme it is opened with: the part of the
/// settings a worker that only reads and writes the store needs.
#[derive(Debug, Clone)]
pub struct StoreOpener {
    path: PathBuf,
    rules: ShopRules,
    program: crate::domain::program::Program,
}

impl StoreOpener {
    /// Opens the store and makes the programme the one in force from `now` (unless it is).
    pub fn open(&self, now: i64) -> Result<Store, DataDirError> {
        let mut store = Store::open(&self.path, self.rules.clone())?;
        store.ensure_program(&self.program, now)?;
        Ok(store)
    }
}

impl DataDir {
    /// The directory to use: the given one, else the platform default.
    pub fn resolve(given: Option<PathBuf>) -> Result<DataDir, DataDirError> {
        let root = match given {
            Some(p) => p,
            None => directories::ProjectDirs::from("", "", "regulars")
                .ok_or(DataDirError::NoHome)?
                .data_dir()
                .to_path_buf(),
        };
        Ok(DataDir { root })
    }

    /// Creates the directory (private to the user) and writes a commented `config.toml` if
    /// there is none; a folder found open to others is tightened, and what changed is returned
    /// for the caller to say so.
    pub fn prepare(&self) -> Result<private::Tightened, DataDirError> {
        let create = |source| DataDirError::Create {
            path: self.root.clone(),
            source,
        };
        std::fs::create_dir_all(&self.root).map_err(create)?;
        let config = self.config_path();
        if !config.exists() {
            std::fs::write(&config, TEMPLATE).map_err(create)?;
        }
        private::tighten(&self.root).map_err(create)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn db_path(&self) -> PathBuf {
        self.root.join("regulars.db")
    }

    pub fn config_path(&self) -> PathBuf {
        self.root.join("config.toml")
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }

    pub fn secret_path(&self) -> PathBuf {
        self.root.join("shop.secret")
    }

    /// Marks the shop as in use for as long as the returned file lives: the counter window,
    /// the customer pages and plug-in mode hold it (several may at once), and a restore waits
    /// for all of them to close.
    pub fn in_use(&self) -> Result<std::fs::File, DataDirError> {
        let file = self.lock_file()?;
        file.lock_shared().map_err(|source| DataDirError::Create {
            path: self.root.join("regulars.lock"),
            source,
        })?;
        Ok(file)
    }

    /// The shop to oneself (for a restore), or `None` while a window, the customer pages or
    /// plug-in mode have it open.
    pub fn alone(&self) -> Result<Option<std::fs::File>, DataDirError> {
        let file = self.lock_file()?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(source)) => Err(DataDirError::Create {
                path: self.root.join("regulars.lock"),
                source,
            }),
        }
    }

    fn lock_file(&self) -> Result<std::fs::File, DataDirError> {
        let path = self.root.join("regulars.lock");
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| DataDirError::Create { path, source })
    }

    /// Reads and validates `config.toml`.
    pub fn config(&self) -> Result<Config, DataDirError> {
        Ok(Config::load(&self.config_path())?)
    }

    /// Opens the store and makes the configured program the one in force from `now`.
    pub fn open_store(&self, config: &Config, now: i64) -> Result<Store, DataDirError> {
        self.store_opener(config).open(now)
    }

    /// What a worker needs to open the store again and again, and nothing else of the
    /// settings.
    pub fn store_opener(&self, config: &Config) -> StoreOpener {
        StoreOpener {
            path: self.db_path(),
            rules: ShopRules {
                currency: config.shop.currency,
                country_code: config.shop.country_code.clone(),
                targets: config.support.targets,
                checks: config.alerts.checks(),
            },
            program: config.program.clone(),
        }
    }

    /// The shop's signing secret, created (mode 0600) on first use.
    pub fn secret(&self) -> Result<ShopSecret, DataDirError> {
        let path = self.secret_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => parse_secret(text.trim()).ok_or(DataDirError::BadSecret { path }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let bytes: [u8; 32] = rand::random();
                let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                let create = |source| DataDirError::Create {
                    path: path.clone(),
                    source,
                };
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                let mut file = options.open(&path).map_err(create)?;
                file.write_all(hex.as_bytes()).map_err(create)?;
                file.sync_all().map_err(create)?;
                Ok(ShopSecret::from_bytes(bytes))
            }
            Err(source) => Err(DataDirError::Create { path, source }),
        }
    }
}

fn parse_secret(hex: &str) -> Option<ShopSecret> {
    if hex.len() != 64 {
        return None;
    }
    let mut bytes = [0u8; 32];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(ShopSecret::from_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_is_private_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let d = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
        d.prepare().unwrap();
        let a = d.secret().unwrap().sign_visit(1);
        let b = d.secret().unwrap().sign_visit(1);
        assert_eq!(a, b);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(d.secret_path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(d.secret_path(), "zz").unwrap();
        assert!(matches!(d.secret(), Err(DataDirError::BadSecret { .. })));
    }
}
