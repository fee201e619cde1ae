//! Shared helpers: temporary stores, running the binary, and checking the ledger's invariants.

use regulars::domain::{money::Currency, program::Program};
use regulars::store::{NewCustomer, ShopRules, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const DAY: i64 = 86_400;
/// A fixed "now" for store-level tests: 2026-01-05 12:00 UTC.
pub const T0: i64 = 1_767_614_400;

pub fn rules() -> ShopRules {
    ShopRules {
        currency: Currency::from_code("EUR").unwrap(),
        country_code: Some("+353".into()),
        targets: Default::default(),
        checks: Default::default(),
    }
}

/// A store in a fresh temporary folder with `program` in force from long before `T0`.
pub fn store_with(program: &Program) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("regulars.db"), rules()).unwrap();
    store.ensure_program(program, 0).unwrap();
    (dir, store)
}

pub fn store() -> (tempfile::TempDir, Store) {
    store_with(&Program::default())
}

/// A deterministic source of "random" numbers for codes.
pub fn counter() -> impl FnMut() -> u64 {
    let mut n: u64 = 0x9E37_79B9;
    move || {
        n = n
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        n >> 20
    }
}

/// Enrolls a customer and returns their card code.
pub fn enroll(store: &mut Store, name: &str, phone: &str, referred_by: Option<&str>) -> String {
    let mut rng = counter_from(name);
    store
        .enroll(
            &NewCustomer {
                name: name.into(),
                phone: Some(phone.into()),
                email: None,
                referred_by: referred_by.map(str::to_string),
                language: None,
                birthday: None,
                consents: vec![],
                paper_stamps: 0,
            },
            T0,
            &mut rng,
        )
        .unwrap()
        .code
}

fn counter_from(seed: &str) -> impl FnMut() -> u64 {
    let mut n = seed.bytes().fold(1469598103934665603u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(1099511628211)
    });
    move || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        n >> 17
    }
}

/// Every row of every table, in order: two equal fingerprints mean nothing changed.
pub fn fingerprint(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY 1"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        out.push_str(&format!("[{t}]\n"));
        while let Some(r) = rows.next().unwrap() {
            for i in 0..n {
                out.push_str(&format!("{:?}|", r.get_ref(i).unwrap()));
            }
            out.push('\n');
        }
    }
    out
}

/// Checks the ledger's invariants on the whole database; panics with the first violation.
pub fn check_invariants(conn: &Connection) {
    let differ = regulars::store::aggregate_differences(conn).unwrap();
    assert!(
        differ.is_empty(),
        "aggregates differ from the raw rows: {differ:?}"
    );
    let bad: Vec<(i64, i64, i64)> = conn
        .prepare(
            "SELECT c.id, c.balance, COALESCE(SUM(e.points), 0) FROM customers c
             LEFT JOIN points_events e ON e.customer_id = c.id
             GROUP BY c.id HAVING c.balance <> COALESCE(SUM(e.points), 0) OR c.balance < 0",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        bad.is_empty(),
        "cached balance differs from the ledger sum or is negative: {bad:?}"
    );
    let cards: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM customers c WHERE c.stamps <>
             (SELECT COUNT(*) FROM visits v WHERE v.customer_id = c.id AND v.stamped)
             + (SELECT COALESCE(SUM(stamps), 0) FROM opening_stamps o WHERE o.customer_id = c.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        cards, 0,
        "a stamp count differs from the stamped visits and opening stamps"
    );
    let lots: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM points_events e WHERE e.points > 0 AND e.remaining <>
             e.points - COALESCE((SELECT SUM(points) FROM points_allocations a WHERE a.lot_id = e.id), 0)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        lots, 0,
        "a lot's remaining differs from what its allocations left"
    );
    let spends: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM points_events e WHERE e.points < 0 AND -e.points <>
             COALESCE((SELECT SUM(points) FROM points_allocations a WHERE a.spend_id = e.id), 0)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(spends, 0, "a spend's allocations do not add up to it");
    let over: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM visits v WHERE
             (SELECT COALESCE(-SUM(points), 0) FROM points_events e
              WHERE e.visit_id = v.id AND e.kind = 'refund') > v.points_earned",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(over, 0, "a refund took back more than its sale earned");
    let lot_cross: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM points_allocations a
             JOIN points_events s ON s.id = a.spend_id JOIN points_events l ON l.id = a.lot_id
             WHERE s.customer_id <> l.customer_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lot_cross, 0, "a spend consumed another customer's points");
}

/// As [`run`], with the program's clock `seconds` ahead (its `REGULARS_CLOCK_OFFSET`), for
/// "later" without waiting.
pub fn run_later(dir: &Path, seconds: i64, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(args)
        .env("TZ", "UTC")
        .env(regulars::clock::OFFSET_VAR, seconds.to_string())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the `regulars` binary with `--data dir` and returns (exit code, stdout, stderr).
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(args)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs with `--json`, expects success, and parses stdout.
pub fn run_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(dir, &all);
    assert_eq!(code, 0, "regulars {args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

pub fn db(dir: &Path) -> PathBuf {
    dir.join("regulars.db")
}

/// Waits (up to 10 s) for a program to create `path` (a pseudo-terminal's link), failing the
/// test with "`what` did not start" otherwise.
pub fn wait_for_path(path: &Path, what: &str) {
    let t = std::time::Instant::now();
    while !path.exists() {
        assert!(
            t.elapsed() < std::time::Duration::from_secs(10),
            "{what} did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A connection of the test's own to a shop's database, with the SQL functions the schema's
/// views call (as the store registers them on its own connections).
pub fn connect(path: impl AsRef<Path>) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    regulars::store::register_functions(&conn)?;
    Ok(conn)
}

/// The loopback address `regulars serve` says it listens on, from a line it printed.
pub fn serving_address(line: &str) -> Option<String> {
    let at = line.find("http://127.0.0.1:")?;
    Some(
        line[at..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ')')
            .collect(),
    )
}

pub use crate::ports::free_port;
