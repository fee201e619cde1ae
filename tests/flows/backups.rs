//! Backups that can be trusted and restores that lose nothing: a restore equal to its backup
//! table by table with the database before it kept aside, a flipped byte, a truncated copy
//! and a newer Regulars' file refused, a restore refused while the shop is open, and a backup
//! killed half-way while another program sells.

use crate::common::{run, run_json};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every table's rows, in order, as text: what "equal table by table" compares.
fn dump(db: &Path) -> Vec<(String, Vec<String>)> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let n = c
                .prepare(&format!("SELECT * FROM \"{t}\" LIMIT 0"))
                .unwrap()
                .column_count();
            let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            let sql = format!("SELECT * FROM \"{t}\" ORDER BY {}", order.join(", "));
            let mut stmt = c.prepare(&sql).unwrap();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, rows)
        })
        .collect()
}

fn demo_shop(customers: &str, days: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["demo", "--customers", customers, "--days", days],
    );
    assert_eq!(code, 0, "{err}");
    dir
}

fn backup(dir: &Path) -> PathBuf {
    PathBuf::from(run_json(dir, &["backup"])["path"].as_str().unwrap())
}

#[test]
fn a_restore_equals_its_backup_table_by_table_and_keeps_the_database_it_replaced() {
    let shop = demo_shop("300", "60");
    let d = shop.path();
    let file = backup(d);
    let (code, out, err) = run(d, &["backup", "verify", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("is a good backup (checksum and SQLite's check): 300 customers"),
        "{out}"
    );
    // The shop goes on after the backup.
    let c = run_json(d, &["customer", "add", "--name", "Late Comer"]);
    let late = c["code"].as_str().unwrap().to_string();
    run_json(
        d,
        &["sale", "record", "--amount", "9.99", "--customer", &late],
    );
    let db = d.join("regulars.db");
    let before = dump(&db);
    let backed_up = dump(&file);
    assert_ne!(before, backed_up);
    let (code, out, err) = run(d, &["restore", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("Restored {}: 300 customers, ", file.display())),
        "{out}"
    );
    assert!(out.contains("the newest sale "), "{out}");
    let after = dump(&db);
    for ((t, rows), (t2, rows2)) in after.iter().zip(&backed_up) {
        assert_eq!(t, t2);
        assert!(
            rows == rows2,
            "table {t} differs from the backup after the restore"
        );
    }
    assert_eq!(after.len(), backed_up.len());
    // The database it replaced is kept, whole, beside it.
    let kept: Vec<PathBuf> = std::fs::read_dir(d)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("regulars-before-restore-"))
                && p.extension().is_some_and(|e| e == "db")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(dump(&kept[0]), before);
    assert!(out.contains(&kept[0].display().to_string()), "{out}");
    // The late customer is gone from the live shop but not from the kept file.
    assert_ne!(run(d, &["customer", "show", &late]).0, 0);
    // And the shop works on: a sale on the restored database.
    run_json(d, &["sale", "record", "--amount", "2.00"]);
}

#[test]
fn a_flipped_byte_a_truncated_copy_and_a_newer_file_are_refused() {
    let shop = demo_shop("200", "30");
    let d = shop.path();
    let file = backup(d);
    let db = d.join("regulars.db");
    let live = dump(&db);
    let bytes = std::fs::read(&file).unwrap();
    let sums = std::fs::read_to_string(format!("{}.sha256", file.display())).unwrap();
    // One byte changed in the middle of the file, its checksum beside it.
    let flipped = d.join("flipped.db");
    let mut changed = bytes.clone();
    changed[bytes.len() / 2] ^= 0x01;
    std::fs::write(&flipped, &changed).unwrap();
    std::fs::write(d.join("flipped.db.sha256"), &sums).unwrap();
    // Half a file, no checksum.
    let truncated = d.join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    // A file from a newer Regulars.
    let newer = d.join("newer.db");
    std::fs::write(&newer, &bytes).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    // Not a database at all.
    let text = d.join("notes.db");
    std::fs::write(&text, "these are not the droids".repeat(400)).unwrap();
    for (f, says) in [
        (&flipped, "its checksum does not match"),
        (&truncated, "the backup is damaged and cannot be used"),
        (&newer, "was written by a newer Regulars (schema version 99"),
        (&text, "the backup is damaged and cannot be used"),
    ] {
        for cmd in [&["backup", "verify"][..], &["restore"][..]] {
            let mut args = cmd.to_vec();
            args.push(f.to_str().unwrap());
            let (code, _, err) = run(d, &args);
            assert_ne!(code, 0, "{args:?} accepted");
            assert!(err.contains(says), "{args:?}: {err}");
        }
    }
    assert_eq!(dump(&db), live, "nothing was restored");
    let (_, out, _) = run(d, &["backup", "list"]);
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn a_restore_waits_for_the_shop_to_be_closed() {
    let shop = demo_shop("50", "10");
    let d = shop.path();
    let file = backup(d);
    let mut serve = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(d)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut err = std::io::BufReader::new(serve.stderr.take().unwrap());
    while !said.contains("Customer pages on") {
        assert!(
            std::io::BufRead::read_line(&mut err, &mut said).unwrap() > 0,
            "{said}"
        );
    }
    let (code, _, err) = run(d, &["restore", file.to_str().unwrap()]);
    let _ = serve.kill();
    let _ = serve.wait();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("are using this shop: close them, then restore again"),
        "{err}"
    );
    let (code, _, err) = run(d, &["restore", file.to_str().unwrap()]);
    assert_eq!(code, 0, "once closed: {err}");
}

#[test]
fn a_backup_killed_halfway_while_another_program_sells_leaves_the_last_good_one() {
    let shop = demo_shop("5000", "120");
    let d = shop.path().to_path_buf();
    let good = backup(&d);
    // Another program sells all along.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seller = {
        let (d, stop) = (d.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut sold = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let (code, _, err) = run(&d, &["sale", "record", "--amount", "1.00"]);
                assert_eq!(code, 0, "a sale during the backup: {err}");
                sold += 1;
            }
            sold
        })
    };
    let dest = d.join("backups").join("killed.db");
    let part = d.join("backups").join("killed.db.part");
    let mut killed_midway = false;
    for _ in 0..5 {
        let mut b = Command::new(env!("CARGO_BIN_EXE_regulars"))
            .arg("--data")
            .arg(&d)
            .args(["backup", "--to", dest.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let t = Instant::now();
        while !part.exists() && t.elapsed() < Duration::from_secs(20) {
            if b.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(30));
        b.kill().unwrap(); // SIGKILL
        b.wait().unwrap();
        if !dest.exists() {
            killed_midway = true;
            break;
        }
        // It finished first: try again.
        std::fs::remove_file(&dest).unwrap();
        std::fs::remove_file(format!("{}.sha256", dest.display())).unwrap();
    }
    assert!(
        killed_midway,
        "the backup always finished before it could be killed"
    );
    assert!(
        !dest.exists(),
        "a killed backup is never taken for a backup"
    );
    // The list shows only the good one; it still verifies.
    let list = run_json(&d, &["backup", "list"]);
    let paths: Vec<&str> = list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [good.to_str().unwrap()]);
    assert_eq!(run(&d, &["backup", "verify", good.to_str().unwrap()]).0, 0);
    // A backup made while the selling goes on completes, checked against its moment.
    let made = run_json(&d, &["backup", "--to", dest.to_str().unwrap()]);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let sold = seller.join().unwrap();
    assert!(sold > 0);
    assert!(!part.exists(), "the half file of the killed run is gone");
    let v = run_json(&d, &["backup", "verify", dest.to_str().unwrap()]);
    assert_eq!(v["visits"], made["visits"]);
    assert!(v["checksum"].as_bool().unwrap());
    // Every sale the seller made is in the live database: nothing was lost to the backups.
    let live = rusqlite::Connection::open(d.join("regulars.db")).unwrap();
    let anonymous_ones: i64 = live
        .query_row(
            "SELECT COUNT(*) FROM visits WHERE amount = 100 AND customer_id IS NULL AND receipt_no IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(anonymous_ones >= sold, "{anonymous_ones} < {sold}");
}

fn configure(d: &Path, backup: &str) {
    let path = d.join("config.toml");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        old.contains("\n[backup]\n"),
        "the template has a [backup] section"
    );
    std::fs::write(
        &path,
        old.replace("\n[backup]\n", &format!("\n[backup]\n{backup}")),
    )
    .unwrap();
}

#[test]
fn scheduled_backups_go_to_a_second_place_encrypted_and_come_back() {
    let shop = demo_shop("200", "30");
    let d = shop.path();
    let usb = tempfile::tempdir().unwrap();
    std::fs::write(d.join("backup.pass"), "correct horse battery staple\n").unwrap();
    configure(
        d,
        &format!(
            "to = \"{}\"\npassphrase_file = \"backup.pass\"\n",
            usb.path().display()
        ),
    );
    let (code, out, err) = run(d, &["backup", "run"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Encrypted backup written to "), "{out}");
    let sealed: Vec<PathBuf> = std::fs::read_dir(usb.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    let age = sealed
        .iter()
        .find(|p| p.to_string_lossy().ends_with(".db.age"))
        .unwrap_or_else(|| panic!("{sealed:?}"));
    assert_eq!(sealed.len(), 2, "the backup and its checksum: {sealed:?}");
    let bytes = std::fs::read(age).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert!(
        !bytes.windows(15).any(|w| w == b"SQLite format 3"),
        "nothing readable on the stick"
    );
    // The log has it, and verify reads it back with the passphrase.
    let log = std::fs::read_to_string(d.join("backup-log.jsonl")).unwrap();
    assert!(log.contains("\"encrypted\":true"), "{log}");
    let (code, out, err) = run(d, &["backup", "verify", age.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("is a good backup (checksum and SQLite's check): 200 customers"));
    // A sale after it, then the encrypted backup restored: equal to the database it was.
    let before = dump(&d.join("regulars.db"));
    run_json(d, &["sale", "record", "--amount", "5.00"]);
    let (code, out, err) = run(d, &["restore", age.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Restored "), "{out}");
    assert_eq!(dump(&d.join("regulars.db")), before);
    // A wrong passphrase, and none at all.
    std::fs::write(d.join("backup.pass"), "Tr0ub4dor&3\n").unwrap();
    let (code, _, err) = run(d, &["backup", "verify", age.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the passphrase does not open this backup"),
        "{err}"
    );
    let (code, _, err) = run(d, &["restore", age.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the passphrase does not open this backup"),
        "{err}"
    );
    std::fs::remove_file(d.join("backup.pass")).unwrap();
    let (_, _, err) = run(d, &["backup", "verify", age.to_str().unwrap()]);
    assert!(err.contains("[backup] passphrase_file"), "{err}");
    assert_eq!(dump(&d.join("regulars.db")), before, "nothing restored");
}

#[test]
fn a_missing_drive_is_a_clear_failure_and_old_backups_are_rotated() {
    let shop = demo_shop("50", "10");
    let d = shop.path();
    let gone = d.join("no-such-drive");
    configure(d, &format!("to = \"{}\"\n", gone.display()));
    let (code, _, err) = run(d, &["backup", "run"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("is not there (is the drive plugged in, the share reachable?)"),
        "{err}"
    );
    assert!(
        !gone.exists(),
        "a missing drive is not made on the computer's own disk"
    );
    // Forty days of backups, four a day, on the drive; and a file of the owner's own.
    let usb = tempfile::tempdir().unwrap();
    let real = backup(d);
    let now = regulars::clock::now();
    for i in 0..160 {
        let name = regulars::backups::file_name("regulars", now - 3600 - i * 6 * 3600);
        std::fs::copy(&real, usb.path().join(name)).unwrap();
    }
    std::fs::write(usb.path().join("holiday-photos.db"), "mine").unwrap();
    let config = std::fs::read_to_string(d.join("config.toml")).unwrap();
    let config = config.replace(
        &gone.display().to_string(),
        &usb.path().display().to_string(),
    );
    std::fs::write(d.join("config.toml"), config).unwrap();
    let (code, _, err) = run(d, &["backup", "run"]);
    assert_eq!(code, 0, "{err}");
    let left = run_json(
        d,
        &["backup", "list", "--dir", usb.path().to_str().unwrap()],
    );
    let left = left["backups"].as_array().unwrap();
    // The newest of each of the last 7 days, 4 weeks and (within forty days) 2 months,
    // plus the new one and the owner's file.
    assert!((8..=14).contains(&left.len()), "{} left", left.len());
    assert!(
        usb.path().join("holiday-photos.db").exists(),
        "never touched"
    );
}

/// The counter's device bar tells the age of the last good backup, and warns in plain words
/// when there is none.
#[test]
fn the_counter_shows_how_old_the_last_backup_is() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let mut h = crate::counter_ui::harness(dir.path());
    h.run_steps(3);
    h.get_by_label("No backup yet");
    drop(h);
    backup(dir.path());
    let mut h = crate::counter_ui::harness(dir.path());
    h.run_steps(3);
    h.get_by_label("Backed up 0 min ago");
}

/// The counter's background worker: a missing drive is reported (and selling is not
/// touched), a drive that is there gets the backup as soon as one is due.
#[test]
fn the_background_worker_backs_up_when_due_and_reports_a_missing_drive() {
    use regulars::backups::schedule::{News, worker};
    let shop = demo_shop("30", "5");
    let d = shop.path();
    let usb = tempfile::tempdir().unwrap();
    let missing = usb.path().join("unplugged");
    for (to, expect_made) in [(&missing, false), (&usb.path().to_path_buf(), true)] {
        let dir = regulars::datadir::DataDir::resolve(Some(d.to_path_buf())).unwrap();
        let mut config = dir.config().unwrap();
        config.backup.to = Some(to.clone());
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let s = stop.clone();
        let settings = (dir.store_opener(&config), config.backup.clone());
        let t = std::thread::spawn(move || worker(dir, settings, Duration::ZERO, tx, s));
        let news = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        t.join().unwrap();
        match (news, expect_made) {
            (News::Made(l), true) => {
                assert!(l.path.starts_with(usb.path()), "{l:?}");
                assert_eq!(l.customers, 30);
            }
            (News::Failed(e), false) => {
                assert!(e.to_string().contains("is not there"), "{e}");
            }
            (other, _) => panic!("unexpected {other:?}"),
        }
    }
    // Selling went on meanwhile, and the backup is on record for the window.
    run_json(d, &["sale", "record", "--amount", "1.00"]);
    let log = std::fs::read_to_string(d.join("backup-log.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
}

/// A drive that fills up half-way through: the error says so, nothing half-written is left
/// to be taken for a backup, the shop's database is untouched, and the next try works.
#[test]
fn a_full_drive_leaves_nothing_half_written() {
    let shop = demo_shop("300", "30");
    let d = shop.path();
    let usb = tempfile::tempdir().unwrap();
    std::fs::write(d.join("backup.pass"), "a passphrase for the stick\n").unwrap();
    configure(
        d,
        &format!(
            "to = \"{}\"\npassphrase_file = \"backup.pass\"\n",
            usb.path().display()
        ),
    );
    // Whatever name the next backup takes in the coming minute, writing it hits a full disk
    // (/dev/full answers every write with "No space left on device").
    let now = regulars::clock::now();
    for s in 0..60 {
        let name = regulars::backups::file_name("regulars", now + s);
        std::os::unix::fs::symlink("/dev/full", usb.path().join(format!("{name}.age.part")))
            .unwrap();
    }
    let live = dump(&d.join("regulars.db"));
    let (code, _, err) = run(d, &["backup", "run"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    let left: Vec<String> = std::fs::read_dir(usb.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "nothing taken for a backup: {left:?}");
    assert!(
        !std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".regulars-")),
        "the checked copy made on the way is removed"
    );
    assert!(
        !d.join("backup-log.jsonl").exists(),
        "no good backup on record"
    );
    assert_eq!(dump(&d.join("regulars.db")), live);
    // Space again: the next try works.
    for e in std::fs::read_dir(usb.path()).unwrap().flatten() {
        std::fs::remove_file(e.path()).unwrap();
    }
    let (code, _, err) = run(d, &["backup", "run"]);
    assert_eq!(code, 0, "{err}");
}
