//! The shop's files are its user's alone: a new data folder and everything written in it or
//! for it is private, an old world-readable folder is tightened (and says so once), and the
//! local API's key can live outside `config.toml`.

use crate::common::{run, run_json};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every folder and file under `root`, with its mode.
fn modes(root: &Path) -> Vec<(String, bool, u32)> {
    let mut out = vec![(".".to_string(), true, mode(root))];
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            let name = p.strip_prefix(root).unwrap().display().to_string();
            let is_dir = e.file_type().unwrap().is_dir();
            out.push((name, is_dir, mode(&p)));
            if is_dir {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn everything_written_for_the_shop_is_private() {
    let tmp = tempfile::tempdir().unwrap();
    let shop = tmp.path().join("shop");
    let c = run_json(
        &shop,
        &[
            "customer",
            "add",
            "--name",
            "Ann Byrne",
            "--phone",
            "0871234567",
        ],
    );
    let code = c["code"].as_str().unwrap();
    let (exit, _, err) = run(
        &shop,
        &[
            "sale",
            "record",
            "--amount",
            "4.50",
            "--customer",
            code,
            "--print",
        ],
    );
    assert_eq!(exit, 0, "{err}");
    assert_eq!(run(&shop, &["backup"]).0, 0);
    let export = tmp.path().join("ann.json");
    let out = export.to_str().unwrap();
    assert_eq!(run(&shop, &["customer", "export", code, "--out", out]).0, 0);
    let csv = shop.join("figures");
    assert_eq!(run(&shop, &["stats", "--csv", csv.to_str().unwrap()]).0, 0);
    // While the database is open its journal files are there too; SQLite gives them the
    // database's own mode.
    let open = rusqlite::Connection::open(shop.join("regulars.db")).unwrap();
    let _: i64 = open
        .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    let all = modes(&shop);
    drop(open);
    let names: Vec<&str> = all.iter().map(|(n, _, _)| n.as_str()).collect();
    for expected in [
        "regulars.db",
        "regulars.db-wal",
        "regulars.db-shm",
        "config.toml",
        "shop.secret",
        "receipts/0001.png",
        "receipts/0001.txt",
        "receipts/0001.bin",
        "figures/visits.csv",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert!(
        names.iter().any(|n| n.starts_with("backups/regulars-")),
        "{names:?}"
    );
    for (name, is_dir, m) in &all {
        let want = if *is_dir { 0o700 } else { 0o600 };
        assert_eq!(*m, want, "{name} is {m:o}");
    }
    assert_eq!(mode(&export), 0o600, "the export holds her phone number");
}

#[test]
fn an_open_data_folder_is_tightened_and_says_so_once() {
    let tmp = tempfile::tempdir().unwrap();
    let shop = tmp.path();
    run_json(shop, &["customer", "add", "--name", "Ann Byrne"]);
    run(shop, &["backup"]);
    // As an older Regulars (or a copy with `cp -r`) would have left it.
    for (p, m) in [
        (shop.to_path_buf(), 0o755),
        (shop.join("backups"), 0o755),
        (shop.join("regulars.db"), 0o644),
        (shop.join("config.toml"), 0o644),
    ] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
    }
    let backup = std::fs::read_dir(shop.join("backups"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    std::fs::set_permissions(&backup, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = run_json(shop, &["customer", "find", "Ann"]).to_string();
    let (exit, _, err) = run(shop, &["customer", "find", "Ann"]);
    assert_eq!(exit, 0, "{err}");
    // The JSON run above already tightened it; open it again and look at what is said.
    assert!(err.is_empty(), "said again: {err}");
    for (p, m) in [
        (shop.to_path_buf(), 0o755),
        (shop.join("regulars.db"), 0o644),
        (backup.clone(), 0o604),
    ] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
    }
    let (_, _, err) = run(shop, &["customer", "find", "Ann"]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("was open to other users of this computer: 1 folder and 2 files"),
        "{err}"
    );
    assert_eq!(mode(shop), 0o700);
    assert_eq!(mode(&shop.join("regulars.db")), 0o600);
    assert_eq!(mode(&backup), 0o600);
    let (_, _, err) = run(shop, &["customer", "find", "Ann"]);
    assert!(err.is_empty(), "only once: {err}");
    // Nothing else changed.
    assert_eq!(
        run_json(shop, &["customer", "find", "Ann"]).to_string(),
        before
    );
}

#[test]
fn the_api_key_can_live_in_a_file_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("till.key"), "key-from-its-own-file\n").unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[portal]\napi_key_file = \"till.key\"\n",
    )
    .unwrap();
    let shop = crate::portal::Shop::in_dir(dir, "", "127.0.0.1:0");
    let body = r#"{"amount": "3.20", "receipt": "T-9"}"#;
    let json = ("Content-Type", "application/json");
    let wrong = shop.post_with(
        "/api/v1/sales",
        &[json, ("Authorization", "Bearer till-secret-key-0123456789")],
        body,
    );
    assert_eq!(wrong.status, 401, "{}", wrong.body);
    let right = shop.post_with(
        "/api/v1/sales",
        &[json, ("Authorization", "Bearer key-from-its-own-file")],
        body,
    );
    assert_eq!(right.status, 200, "{}", right.body);
    // From the environment, with nothing about it in config.toml.
    let other = tempfile::tempdir().unwrap();
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(other.path())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("REGULARS_API_KEY", "key-from-the-environment")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut err = std::io::BufReader::new(serve.stderr.take().unwrap());
    for _ in 0..4 {
        std::io::BufRead::read_line(&mut err, &mut said).unwrap();
        if said.contains("/api/v1/") {
            break;
        }
    }
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(said.contains("Local API at /api/v1/"), "{said}");
}
