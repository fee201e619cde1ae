//! Backup benchmark (issue "Nothing lost when the counter computer dies"): how long a checked
//! backup of a big shop takes, and what it does to a sale recorded meanwhile — the p99 of
//! sale latency while the backup runs against the same without one, in the same run. The
//! till must not stall.
//!
//! The shop is any database given as `REGULARS_BENCH_DB` (e.g. the ten-million-visit demo,
//! `regulars --data /tmp/big demo --customers 1000000 --days 730`, about 3 GB), else a demo of
//! `REGULARS_BENCH_CUSTOMERS` (default 100,000) over a year built once into
//! `target/bench-data/`. Sales are recorded into it (anonymous, receipt numbers `bench-…`),
//! one at a time from a second connection, as a till would.

mod common;

use regulars::demo::{DemoPlan, generate};
use regulars::store::NewSale;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let given = std::env::var_os("REGULARS_BENCH_DB").map(std::path::PathBuf::from);
    let customers: u32 = std::env::var("REGULARS_BENCH_CUSTOMERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let path = given
        .clone()
        .unwrap_or_else(|| common::bench_dir().join(format!("backup-{customers}.db")));
    if given.is_none() && !path.exists() {
        eprintln!("building {} (once)…", path.display());
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        let mut s = common::open(&tmp);
        let plan = DemoPlan {
            customers,
            days: 365,
            seed: 11,
            end: 1_790_000_000,
            names: &regulars::demo::shops::ENGLISH,
        };
        generate(&mut s, &plan, true).unwrap();
        drop(s);
        std::fs::rename(&tmp, &path).unwrap();
    }
    let bytes = std::fs::metadata(&path).unwrap().len();
    let out = tempfile::tempdir_in(path.parent().unwrap()).unwrap();
    let mut till = common::open(&path);
    let mut n = 0u64;
    let mut sell = |till: &mut regulars::store::Store| {
        n += 1;
        let sale = NewSale {
            amount: 350,
            at: regulars::clock::now(),
            customer: None,
            receipt: Some(format!("bench-{}-{n}", std::process::id())),
        };
        let t = Instant::now();
        till.write(|tx| tx.counter().record_sale(&sale)).unwrap();
        t.elapsed().as_secs_f64() * 1e3
    };
    // Without a backup: 1,000 sales, one every 20 ms as at a busy counter, after 300 to warm
    // the cache and let the disk settle (they are not counted).
    for _ in 0..300 {
        sell(&mut till);
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut quiet = Vec::new();
    for _ in 0..1000 {
        quiet.push(sell(&mut till));
        std::thread::sleep(Duration::from_millis(20));
    }
    // The same while a checked backup runs on another thread.
    let done = Arc::new(AtomicBool::new(false));
    let (d2, p2, dest) = (
        done.clone(),
        path.clone(),
        out.path().join("regulars-bench.db"),
    );
    let backup = std::thread::spawn(move || {
        let store = common::open(&p2);
        let t = Instant::now();
        let made = regulars::backups::make(&store, &dest, |_, _| {}).unwrap();
        let secs = t.elapsed().as_secs_f64();
        d2.store(true, Ordering::SeqCst);
        (made, secs)
    });
    let mut during = Vec::new();
    while !done.load(Ordering::SeqCst) {
        during.push(sell(&mut till));
        std::thread::sleep(Duration::from_millis(20));
    }
    let (made, secs) = backup.join().unwrap();
    // And without again, after it.
    let mut after = Vec::new();
    for _ in 0..1000 {
        after.push(sell(&mut till));
        std::thread::sleep(Duration::from_millis(20));
    }
    let (q50, q99) = (percentile(&mut quiet, 0.5), percentile(&mut quiet, 0.99));
    let (d50, d99) = (percentile(&mut during, 0.5), percentile(&mut during, 0.99));
    let dmax = percentile(&mut during, 1.0);
    println!(
        "database {:.2} GB, {} visits: checked backup {:.1} s ({:.0} MB/s), {} bytes",
        bytes as f64 / 1e9,
        made.holds.visits,
        secs,
        bytes as f64 / 1e6 / secs,
        made.bytes
    );
    println!(
        "sale latency without a backup ({} sales): p50 {q50:.2} ms, p99 {q99:.2} ms",
        quiet.len()
    );
    println!(
        "sale latency during the backup ({} sales): p50 {d50:.2} ms, p99 {d99:.2} ms, max {dmax:.2} ms",
        during.len()
    );
    let (a50, a99) = (percentile(&mut after, 0.5), percentile(&mut after, 0.99));
    println!(
        "sale latency after it ({} sales): p50 {a50:.2} ms, p99 {a99:.2} ms",
        after.len()
    );
    println!(
        "p99 during / without: {:.2}× (before), {:.2}× (after)",
        d99 / q99,
        d99 / a99
    );
}
