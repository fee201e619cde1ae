//! Owner figures benchmark (issue 6): each figure set from the aggregates against the same
//! figures computed from the raw rows, for the last 90 days and for the whole history.
//!
//! The shop is a demo history built once into `target/bench-data/` (set
//! `REGULARS_BENCH_CUSTOMERS` and `REGULARS_BENCH_DAYS`; default 100,000 customers over 365
//! days, about 870,000 visits), or any shop's database given as `REGULARS_BENCH_DB` (for
//! example one made by `regulars demo --customers 1000000 --days 730`; it is upgraded to the
//! current schema). Each run adds one sale, to time how the figures catch up after it. The goal is under 100 ms at ten million visits
//! and under a twentieth of the brute-force time.

mod common;

use std::time::Instant;

fn main() {
    let (path, mut end, given) = common::demo_history("figures");
    let mut store = common::open(&path);
    let visits: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    let members: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM agg_customers", [], |r| r.get(0))
        .unwrap();
    if given {
        end = store
            .connection()
            .query_row("SELECT MAX(at) + 1 FROM visits", [], |r| r.get(0))
            .unwrap();
    }
    let today = end / 86_400;
    let t = Instant::now();
    store.figures(today, today, end).unwrap();
    println!(
        "reading the member index (once per process): {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    // A member's sale changes the index; the next figures catch up by re-reading that member.
    let code: String = store
        .connection()
        .query_row(
            "SELECT code FROM customers ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    store
        .write(|tx| {
            tx.counter().record_sale(&regulars::store::NewSale {
                amount: 1_000,
                at: end - 1,
                customer: Some(code.clone()),
                receipt: None,
            })
        })
        .unwrap();
    let t = Instant::now();
    store.figures(today, today, end).unwrap();
    println!(
        "catching up after a sale (then one day's figures): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("owner figures over {visits} visits, {members} members:");
    for (label, from) in [("last 90 days", today - 89), ("whole history", 0)] {
        let mut time = |brute: bool| {
            let mut best = f64::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                let f = if brute {
                    store
                        .read(|tx| tx.figures().figures_brute_force(from, today, end))
                        .unwrap()
                } else {
                    store.figures(from, today, end).unwrap()
                };
                std::hint::black_box(f);
                best = best.min(t.elapsed().as_secs_f64() * 1e3);
            }
            best
        };
        let fast = time(false);
        let slow = time(true);
        println!(
            "  {label}: from aggregates {fast:.1} ms, from raw rows {slow:.1} ms ({:.1}× faster)",
            slow / fast
        );
    }
}
