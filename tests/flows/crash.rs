//! A till killed with SIGKILL in the middle of a burst of sales: every sale it reported as
//! committed is there, whole, and nothing is half-written or doubled.

use crate::common::{T0, check_invariants, counter, rules};
use regulars::domain::program::Program;
use regulars::store::{NewCustomer, NewSale, Store};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const CHILD_ENV: &str = "REGULARS_CRASH_TEST_DB";

/// The child: records sales as fast as it can, printing each receipt once committed. Does
/// nothing when run as an ordinary test.
#[test]
fn crash_child_writer() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut s = Store::open(std::path::Path::new(&path), rules()).unwrap();
    s.ensure_program(&Program::default(), 0).unwrap();
    let code = s
        .enroll(
            &NewCustomer {
                name: "Anna".into(),
                ..Default::default()
            },
            T0,
            &mut counter(),
        )
        .unwrap()
        .code;
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let receipt = format!("K{i}");
        s.write(|tx| {
            tx.counter().record_sale(&NewSale {
                amount: 1000 + i,
                at: T0 + i,
                customer: Some(code.clone()),
                receipt: Some(receipt.clone()),
            })
        })
        .unwrap();
        writeln!(out, "committed {receipt}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_mid_burst_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regulars.db");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::crash_child_writer",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reported = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // The harness prints "test crash::crash_child_writer ... " with no newline before the
    // test's own output, so the first report shares its line: find the word, not the start.
    let receipt = |line: &str| line.rsplit_once("committed ").map(|(_, r)| r.to_string());
    while reported.len() < 150 {
        let line = lines.next().expect("child ended early").unwrap();
        reported.extend(receipt(&line));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    // The child went on committing until the kill landed: count every line it wrote, also
    // those still in the pipe. At most one more sale can be committed and not yet reported.
    for line in lines.map_while(Result::ok) {
        reported.extend(receipt(&line));
    }
    assert_eq!(reported[0], "K0", "the first report is read");

    let s = Store::open(&path, rules()).unwrap();
    let c = s.connection();
    for r in &reported {
        let n: i64 = c
            .query_row(
                "SELECT COUNT(*) FROM visits WHERE receipt_no = ?1",
                [r],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "committed sale {r} is missing or doubled");
    }
    let visits: i64 = c
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert!(
        visits as usize >= reported.len() && visits as usize <= reported.len() + 1,
        "{visits} visits for {} reported commits",
        reported.len()
    );
    // Every visit has exactly its earn event: no sale is half-written.
    let unmatched: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM visits v WHERE
             (SELECT COUNT(*) FROM points_events e WHERE e.visit_id = v.id AND e.kind = 'earn') <> 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unmatched, 0);
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    check_invariants(c);
}
