//! Keeping the shop's files to the user who runs Regulars: customers' names, phones and emails,
//! the API key and the signing secret are nobody else's business on a shared computer.
//!
//! On Unix every file the process creates is 0600 and every folder 0700 (the umask is set
//! once at start), and a data folder found wider than that is tightened. On Windows the data
//! folder lives in the user's own profile (`%APPDATA%`), whose access list already leaves
//! other users out; Regulars does not change access lists there.

use std::io;
use std::path::Path;

/// From now on, files this process creates are readable by its user alone (Unix: umask 077;
/// SQLite gives the database's `-wal` and `-shm` files the database's own mode).
pub fn restrict_new_files() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// What [`tighten`] changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tightened {
    pub folders: usize,
    pub files: usize,
}

impl Tightened {
    pub fn any(&self) -> bool {
        self.folders + self.files > 0
    }
}

/// Makes the data folder and what Regulars keeps in it private: the folder and its folders
/// 0700, its files and those in `backups/` 0600, where they were open to others. Files in
/// `receipts/` and other folders are covered by their folder (a 0700 folder lets no one else
/// in), so a folder of many receipts costs one check at start. Links are left alone.
pub fn tighten(root: &Path) -> io::Result<Tightened> {
    let mut done = Tightened::default();
    #[cfg(unix)]
    {
        tighten_one(root, true, &mut done)?;
        for entry in std::fs::read_dir(root)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                tighten_one(&entry.path(), true, &mut done)?;
                if entry.file_name() == "backups" {
                    for inner in std::fs::read_dir(entry.path())? {
                        let inner = inner?;
                        let k = inner.file_type()?;
                        if k.is_file() || k.is_dir() {
                            tighten_one(&inner.path(), k.is_dir(), &mut done)?;
                        }
                    }
                }
            } else if kind.is_file() {
                tighten_one(&entry.path(), false, &mut done)?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = root;
    Ok(done)
}

#[cfg(unix)]
fn tighten_one(path: &Path, folder: bool, done: &mut Tightened) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // A file gone since the folder was listed is open to no one: SQLite removes the
    // database's -wal and -shm files when another process closes it last.
    let gone = |e: &io::Error| e.kind() == io::ErrorKind::NotFound;
    let mode = match std::fs::symlink_metadata(path) {
        Ok(m) => m.permissions().mode(),
        Err(e) if gone(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    if mode & 0o077 == 0 {
        return Ok(());
    }
    let private = if folder { 0o700 } else { 0o600 };
    match std::fs::set_permissions(path, std::fs::Permissions::from_mode(private)) {
        Err(e) if gone(&e) => return Ok(()),
        other => other?,
    }
    if folder {
        done.folders += 1;
    } else {
        done.files += 1;
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_file_gone_while_the_folder_is_walked_is_no_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut done = Tightened::default();
        tighten_one(&dir.path().join("regulars.db-wal"), false, &mut done).unwrap();
        assert_eq!(done, Tightened::default());
    }

    #[test]
    fn a_world_readable_folder_is_made_private_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("shop");
        std::fs::create_dir_all(root.join("backups")).unwrap();
        std::fs::create_dir_all(root.join("receipts")).unwrap();
        for f in [
            "regulars.db",
            "config.toml",
            "backups/regulars-1.db",
            "receipts/0001.png",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
            std::fs::set_permissions(root.join(f), std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        for d in ["", "backups", "receipts"] {
            std::fs::set_permissions(root.join(d), std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let done = tighten(&root).unwrap();
        assert_eq!(
            done,
            Tightened {
                folders: 3,
                files: 3
            }
        );
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&root.join("receipts")), 0o700);
        assert_eq!(mode(&root.join("regulars.db")), 0o600);
        assert_eq!(mode(&root.join("backups/regulars-1.db")), 0o600);
        assert!(!tighten(&root).unwrap().any(), "nothing left to do");
    }
}
