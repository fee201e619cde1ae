//! Copies of the database that can be trusted: made from one consistent moment while tills
//! keep selling, checked against the live file at that same moment, and read back before a
//! restore puts one in place.

use super::{Result, SCHEMA_VERSION, Store, StoreError};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// Pages copied between two flushes of the copy to disk (16 MB of 4 KB pages).
const FLUSH_EVERY_PAGES: i32 = 4096;

/// Rows per table, the way a copy is compared with its source.
pub type Counts = BTreeMap<String, i64>;

/// What a database file holds, read without changing it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Inspection {
    pub schema_version: i64,
    pub counts: Counts,
    pub customers: i64,
    pub visits: i64,
    /// Unix seconds of the newest sale, if any.
    pub newest_sale: Option<i64>,
}

/// Why a file is not a usable copy of the shop.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Store(#[from] StoreError),
    /// SQLite found damage (a flipped byte in a page's structure, a truncated file).
    #[error("the copy is damaged: {0}")]
    Damaged(String),
    /// The copy does not hold what the database held when it was made.
    #[error(
        "the copy differs from the database: {table} has {copy} rows in the copy and {live} in the database"
    )]
    Differs { table: String, copy: i64, live: i64 },
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Store(e.into())
    }
}

fn counts(conn: &Connection) -> rusqlite::Result<Counts> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Counts::new();
    for t in tables {
        let n: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get(0))?;
        out.insert(t, n);
    }
    Ok(out)
}

/// Reads a database file without writing to it: SQLite's full integrity check, the schema
/// version and what it holds.
pub fn inspect(path: &Path) -> Result<Inspection, BackupError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            BackupError::Damaged(e.to_string())
        }
        _ => BackupError::from(e),
    };
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(damaged)?;
    if problems != ["ok"] {
        return Err(BackupError::Damaged(problems.join("; ")));
    }
    let schema_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if schema_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: schema_version,
            known: SCHEMA_VERSION,
        }
        .into());
    }
    let counts = counts(&conn).map_err(damaged)?;
    let (Some(&customers), Some(&visits)) = (counts.get("customers"), counts.get("visits")) else {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        }
        .into());
    };
    let newest_sale = conn
        .query_row("SELECT MAX(at) FROM visits", [], |r| r.get(0))
        .map_err(damaged)?;
    Ok(Inspection {
        schema_version,
        counts,
        customers,
        visits,
        newest_sale,
    })
}

/// Whether every event not sent yet has its content (none to send: true).
fn all_frozen(c: &Connection) -> rusqlite::Result<bool> {
    c.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM outbox
                            WHERE seq > (SELECT sent_through FROM sync_state) AND payload IS NULL)",
        [],
        |r| r.get(0),
    )
}

impl Store {
    /// Copies the database to `dest` (a new file) with SQLite's online backup API, a few
    /// hundred pages at a time so tills keep selling, all from one read transaction: the copy
    /// is the database at one moment. The copy is then read back and each table's rows
    /// compared with the database at that same moment; a copy that differs is an error.
    /// `progress(done, total)` is called between steps.
    pub fn backup_checked(
        &self,
        dest: &Path,
        progress: impl FnMut(i32, i32),
    ) -> Result<Inspection, BackupError> {
        let live = self.copy_with(dest, 256, progress, counts)?;
        let copy = inspect(dest)?;
        for (table, &n) in &live {
            let c = copy.counts.get(table).copied().unwrap_or(-1);
            if c != n {
                return Err(BackupError::Differs {
                    table: table.clone(),
                    copy: c,
                    live: n,
                });
            }
        }
        Ok(copy)
    }

    /// Writes the content of every event not sent yet, on the copy's own connection.
    fn freeze_outbox_on(&self, source: &mut Connection) -> Result<()> {
        let t = super::Tx {
            tx: source.transaction_with_behavior(TransactionBehavior::Immediate)?,
            rules: &self.rules,
            programs: &self.programs,
        };
        t.chain().freeze_outbox()?;
        t.tx.commit()?;
        Ok(())
    }

    /// Copies the database to `dest` (a new file) as it is at one moment, without reading
    /// the copy back: a page server's copy for a new one, which checks what it receives. All
    /// pages in one step, which another connection's writes (the server's sync, every
    /// second) cannot send back to the start, into a file written without a journal (a copy
    /// cut short is thrown away whole); flushed once at the end.
    pub fn copy_to(&self, dest: &Path, progress: impl FnMut(i32, i32)) -> Result<()> {
        self.copy_with(dest, -1, progress, |_| Ok(()))?;
        std::fs::File::open(dest)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::Damaged(e.to_string()))
    }

    /// The copy itself: `first` runs on the moment copied (before any page is), then every
    /// page goes to `dest`, `step` pages at a time (-1: all at once), flushed to disk as it
    /// goes when in steps.
    fn copy_with<T>(
        &self,
        dest: &Path,
        step: i32,
        mut progress: impl FnMut(i32, i32),
        first: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        use rusqlite::backup::{Backup, StepResult};
        // A connection of its own, so the read transaction is the copy's alone.
        let mut source = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: self.path.clone(),
            source,
        })?;
        source.busy_timeout(Duration::from_secs(5))?;
        // Every event of a chain's till not sent yet gets its content, and its row the
        // global id the central store will know it by, before the moment copied: a page
        // server started from the copy knows each row when its event arrives. A sale between
        // the two (rare) means once more; a till too busy to write now is copied all the same
        // (a page server refuses to start from that copy, saying why).
        let mut tries = 0;
        let snapshot = loop {
            let frozen = self.freeze_outbox_on(&mut source).is_ok();
            let snapshot = source.transaction_with_behavior(TransactionBehavior::Deferred)?;
            tries += 1;
            if !frozen || tries >= 5 || all_frozen(&snapshot)? {
                break snapshot;
            }
        };
        let out = first(&snapshot)?;
        let mut target = Connection::open(dest).map_err(|source| StoreError::Open {
            path: dest.to_path_buf(),
            source,
        })?;
        if step < 0 {
            target.pragma_update(None, "journal_mode", "OFF")?;
            target.pragma_update(None, "synchronous", "OFF")?;
        }
        {
            let backup = Backup::new(&snapshot, &mut target)?;
            // The copy's pages reach the disk as it goes, a few megabytes at a time, rather
            // than in one burst at the end that a till's next commit would wait behind.
            let flusher = std::fs::OpenOptions::new().write(true).open(dest).ok();
            let mut since_flush = 0;
            loop {
                let result = backup.step(step)?;
                let p = backup.progress();
                progress(p.pagecount - p.remaining, p.pagecount);
                since_flush += step;
                if step > 0 && since_flush >= FLUSH_EVERY_PAGES {
                    since_flush = 0;
                    if let Some(f) = &flusher {
                        let _ = f.sync_data();
                    }
                }
                match result {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        }
        snapshot.finish()?;
        // Make the copy a file on its own (no journal beside it).
        target.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(out)
    }

    /// Replaces everything in this database with the contents of `copy` (checked with
    /// [`inspect`] first by the caller), in one step of SQLite's backup API: readers see the
    /// old database or the new one, never a mix. Brings the schema up to date afterwards.
    pub fn restore_from(&mut self, copy: &Path) -> Result<()> {
        use rusqlite::backup::Backup;
        let source = Connection::open_with_flags(
            copy,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Open {
            path: copy.to_path_buf(),
            source: e,
        })?;
        {
            use rusqlite::backup::StepResult;
            let backup = Backup::new(&source, &mut self.conn)?;
            // All pages in one step: one transaction on this database.
            let started = std::time::Instant::now();
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    _ if started.elapsed() > Duration::from_secs(30) => {
                        return Err(StoreError::Busy);
                    }
                    _ => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        }
        self.member_index = None;
        self.migrate()?;
        self.load_programs()?;
        Ok(())
    }
}
