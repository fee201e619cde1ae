//! Core benchmarks (issue 2).
//!
//! - `sale/record`: one sale with full durability (visit, earn event, cached balance, stamp) in
//!   its own transaction, against `sale/bare_insert`: a one-row INSERT transaction under the
//!   same pragmas. Goal: ratio ≤ 1.5. Every sale is the same card's, the same day: past the
//!   fifth, each joins the card's busy-card alert (the checks' dearest case).
//! - `sale/record_checks_off`: the same with every check of `[alerts]` turned off: what the
//!   checks cost a sale.
//! - `lookup/by_code` and `lookup/by_phone` among 1,000,000 customers (the counter's customer
//!   panel view). Goal: p99 under 1 ms; the p50/p99 over 20,000 random lookups are printed.
//!
//! The million-customer database is built once into `target/bench-data/` and reused.

use criterion::{Criterion, criterion_group, criterion_main};
use regulars::store::{NewCustomer, NewSale};
use std::hint::black_box;
use std::time::{Duration, Instant};

mod common;

use common::{MILLION, million, open, phone, splitmix};

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    (at(0.5), at(0.99), *samples.last().unwrap())
}

fn sales(c: &mut Criterion) {
    record(c, "record", common::rules());
    let off = regulars::domain::checks::Checks::off();
    record(
        c,
        "record_checks_off",
        regulars::store::ShopRules {
            checks: off,
            ..common::rules()
        },
    );
}

fn record(c: &mut Criterion, name: &str, rules: regulars::store::ShopRules) {
    let dir = tempfile::tempdir_in(common::bench_dir()).unwrap();
    let mut store = regulars::store::Store::open(&dir.path().join("sales.db"), rules).unwrap();
    store
        .ensure_program(&regulars::domain::program::Program::default(), 0)
        .unwrap();
    let code = store
        .enroll(
            &NewCustomer {
                name: "Anna".into(),
                ..Default::default()
            },
            1_700_000_000,
            &mut || 42,
        )
        .unwrap()
        .code;
    let mut group = c.benchmark_group("sale");
    group.sample_size(50);
    let mut n = 0u64;
    group.bench_function(name, |b| {
        b.iter(|| {
            n += 1;
            let out = store
                .write(|tx| {
                    tx.counter().record_sale(&NewSale {
                        amount: 1250,
                        at: 1_700_000_000 + n as i64,
                        customer: Some(code.clone()),
                        receipt: Some(format!("B{n}")),
                    })
                })
                .unwrap();
            black_box(out);
        })
    });
    group.finish();
}

fn bare_only(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(common::bench_dir()).unwrap();
    let store = open(&dir.path().join("bare.db"));
    store
        .connection()
        .execute_batch("CREATE TABLE bare (id INTEGER PRIMARY KEY, v INTEGER)")
        .unwrap();
    let mut group = c.benchmark_group("sale");
    group.sample_size(50);
    group.bench_function("bare_insert", |b| {
        b.iter(|| {
            store
                .connection()
                .execute_batch("BEGIN IMMEDIATE; INSERT INTO bare (v) VALUES (1); COMMIT;")
                .unwrap();
        })
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    let (path, codes) = million();
    let mut store = open(&path);
    let now = 1_800_000_000;
    let mut rng = 99u64;
    let mut pick = move || (splitmix(&mut rng) % MILLION) as usize;

    // Percentiles over many single lookups (criterion reports means).
    for (what, by_phone) in [("by_code", false), ("by_phone", true)] {
        let mut samples = Vec::with_capacity(20_000);
        for _ in 0..20_000 {
            let i = pick();
            let t = Instant::now();
            let found = if by_phone {
                store
                    .read(|tx| tx.people().find_customers(&phone(i as u64), 1, now))
                    .unwrap()
                    .len()
            } else {
                store.customer_view(&codes[i], now).map(|_| 1).unwrap()
            };
            samples.push(t.elapsed());
            assert_eq!(found, 1);
        }
        let (p50, p99, max) = percentiles(samples);
        eprintln!(
            "lookup/{what} among 1,000,000 customers: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
            p50.as_secs_f64() * 1e6,
            p99.as_secs_f64() * 1e6,
            max.as_secs_f64() * 1e6
        );
    }
    let mut group = c.benchmark_group("lookup");
    group.bench_function("by_code", |b| {
        b.iter(|| black_box(store.customer_view(&codes[pick()], now).unwrap()))
    });
    group.bench_function("by_phone", |b| {
        b.iter(|| {
            black_box(
                store
                    .read(|tx| tx.people().find_customers(&phone(pick() as u64), 1, now))
                    .unwrap(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, sales, bare_only, lookups);
criterion_main!(benches);
