//! Commits counted, so a page server can tell that nothing changed without asking SQLite.
//!
//! Every connection [`Store::open`](super::Store::open) makes counts its commits here (SQLite's
//! WAL hook, called once a commit is in the log and its write lock released, so a reader that
//! starts after the count moved sees it), and checkpoints the log as `wal_autocheckpoint`
//! did. The count is the process's, over every database it has open: a commit to another
//! file only makes a reader check again, never trust something stale.
//!
//! Another process's commits are not seen here; [`Watch`] notices them by SQLite's
//! `data_version` at most a second later.

use rusqlite::Connection;
use std::sync::atomic::{AtomicU64, Ordering};

static COMMITS: AtomicU64 = AtomicU64::new(0);

/// Commits counted so far in this process (and changes [`Watch`] noticed).
pub fn commits() -> u64 {
    COMMITS.load(Ordering::SeqCst)
}

fn count() {
    COMMITS.fetch_add(1, Ordering::SeqCst);
}

/// Counts `conn`'s commits, and checkpoints its log once it holds `checkpoint_pages` pages.
pub(super) fn count_commits(conn: &mut Connection, checkpoint_pages: i32) -> rusqlite::Result<()> {
    conn.wal_hook(Some(move |wal: &mut rusqlite::hooks::Wal, pages| {
        count();
        if pages >= checkpoint_pages {
            // As SQLite's own automatic checkpoint: passive, and a busy reader only delays it.
            let _ = wal.checkpoint();
        }
        Ok(())
    }))
}

/// Notices other processes' commits to one database: [`Watch::look`] counts a change when its
/// `data_version` moved since the last look.
pub struct Watch {
    conn: Connection,
    seen: Option<i64>,
}

impl Watch {
    /// Watches the database at `path` (read only).
    pub fn new(path: &std::path::Path) -> rusqlite::Result<Watch> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Ok(Watch { conn, seen: None })
    }

    /// Counts a change if any other connection committed since the last look (and says so).
    pub fn look(&mut self) -> rusqlite::Result<bool> {
        let now: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        let changed = self.seen.is_some_and(|s| s != now);
        if changed {
            count();
        }
        self.seen = Some(now);
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_are_counted_after_they_land_and_others_are_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        count_commits(&mut conn, 10_000).unwrap();
        let before = commits();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        assert!(commits() >= before + 2, "each commit counted");

        let mut watch = Watch::new(&path).unwrap();
        assert!(
            !watch.look().unwrap(),
            "a first look has nothing to compare"
        );
        // A connection without the hook stands for another process.
        let other = Connection::open(&path).unwrap();
        assert!(!watch.look().unwrap(), "no change");
        let before = commits();
        other.execute("INSERT INTO t VALUES (2)", []).unwrap();
        assert!(
            watch.look().unwrap(),
            "the other connection's commit noticed"
        );
        assert!(commits() > before, "and counted");
    }
}
