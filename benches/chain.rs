//! Chain benchmarks (issue "Many tills, many shops"), against a throwaway PostgreSQL server
//! started here (Debian's `postgresql`, as in the tests):
//!
//! - central ingest: 500 shops × 2 tills each pushing a day of sales, in events per second,
//!   against a plain `COPY` of the same rows into a table with the same key, in the same run;
//! - catching up after a day offline: one till sending its day and fetching and applying the
//!   whole chain's;
//! - the redemption round trip to the central store, p50/p99 on loopback;
//! - the cost the outbox adds to a local sale: sales into a till that has joined a chain
//!   against one that has not.
//!
//! `REGULARS_BENCH_TILLS` (default 1000) and `REGULARS_BENCH_SALES` (per till, default 150)
//! scale it.

mod common;

#[path = "../tests/flows/certs.rs"]
mod certs;
#[path = "../tests/flows/pg.rs"]
#[allow(dead_code)]
mod pg;
#[path = "../tests/flows/ports.rs"]
mod ports;

use regulars::central::{Central, Hold};
use regulars::store::{NewCustomer, NewSale, OutboxEvent, RemoteEvent, Store};
use std::time::Instant;

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A till with 40 customers enrolled; returns it and their card codes.
fn a_till(dir: &std::path::Path, joined: bool) -> (Store, Vec<String>) {
    let mut s = common::open(&dir.join("till.db"));
    if joined {
        s.write(|t| t.chain().join_chain("template", "shop"))
            .unwrap();
    }
    let mut rng = 7u64;
    let mut random = move || common::splitmix(&mut rng);
    let codes: Vec<String> = (0..40)
        .map(|i| {
            let new = NewCustomer {
                name: format!("Customer {i}"),
                phone: Some(common::phone(i)),
                ..NewCustomer::default()
            };
            s.enroll(&new, 1_767_000_000, &mut random).unwrap().code
        })
        .collect();
    (s, codes)
}

/// Sale `i` of a till's day, to one of its customers; returns how long it took, in ms.
fn sale(s: &mut Store, codes: &[String], i: usize) -> f64 {
    let sale = NewSale {
        amount: 500 + (i as i64 * 37) % 4000,
        at: 1_767_000_000 + i as i64 * 60,
        customer: Some(codes[i % codes.len()].clone()),
        receipt: Some(format!("R{i}")),
    };
    let t = Instant::now();
    s.write(|t| t.counter().record_sale(&sale)).unwrap();
    t.elapsed().as_secs_f64() * 1e3
}

/// The template day rewritten as till `n`'s: its own keys and global ids.
fn as_till(template: &[OutboxEvent], ids: &regex::Regex, n: usize) -> Vec<OutboxEvent> {
    template
        .iter()
        .map(|e| OutboxEvent {
            seq: e.seq,
            key: format!("{}-{n}", e.key),
            kind: e.kind.clone(),
            at: e.at,
            payload: ids
                .replace_all(&e.payload, |c: &regex::Captures<'_>| {
                    format!("\"{}\":\"{}-{n}\"", &c[1], &c[2])
                })
                .into_owned(),
        })
        .collect()
}

fn main() {
    let tills = env("REGULARS_BENCH_TILLS", 1000);
    let sales = env("REGULARS_BENCH_SALES", 150);
    let pg = pg::Postgres::start();
    let url = pg.url();
    Central::connect(&url).unwrap().init().unwrap();
    let work = tempfile::tempdir().unwrap();

    // The outbox's cost on a local sale: sales into a till alone and into a chain's till,
    // one after the other in turn, so the disk's moods fall on both alike.
    let (alone, chained) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, a_codes) = a_till(alone.path(), false);
    let (mut c, c_codes) = a_till(chained.path(), true);
    let (mut plain, mut outbox) = (Vec::new(), Vec::new());
    for i in 0..sales * 4 {
        plain.push(sale(&mut a, &a_codes, i));
        outbox.push(sale(&mut c, &c_codes, i));
    }
    let (p50, o50) = (percentile(&mut plain, 0.5), percentile(&mut outbox, 0.5));
    println!(
        "local sale (p50, p99): alone {p50:.3} ms, {:.3} ms; with the outbox {o50:.3} ms, {:.3} ms: {:+.1}% at p50",
        percentile(&mut plain, 0.99),
        percentile(&mut outbox, 0.99),
        (o50 / p50 - 1.0) * 100.0
    );

    // A day of one till, as template for every till of the chain.
    let (mut template_store, codes) = a_till(work.path(), true);
    for i in 0..sales {
        sale(&mut template_store, &codes, i);
    }
    let template = template_store
        .write(|t| t.chain().outbox(1_000_000))
        .unwrap();
    // Each till's own ids, card codes and phones.
    let ids =
        regex::Regex::new(r#""(gid|customer|visit|code|referral_code|phone)":"([^"]+)""#).unwrap();
    let days: Vec<Vec<OutboxEvent>> = (0..tills).map(|n| as_till(&template, &ids, n)).collect();
    let total: usize = days.iter().map(Vec::len).sum();

    // Central ingest: two tills pushing at a time (this machine has two cores), batches of 500.
    let started = Instant::now();
    std::thread::scope(|scope| {
        let half = days.len().div_ceil(2);
        for (h, tills) in days.chunks(half).enumerate() {
            let url = url.clone();
            scope.spawn(move || {
                let mut c = Central::connect(&url).unwrap();
                for (i, day) in tills.iter().enumerate() {
                    let n = h * half + i;
                    for batch in day.chunks(500) {
                        c.push("shop", &format!("till-{n}"), batch).unwrap();
                    }
                }
            });
        }
    });
    let ingest = total as f64 / started.elapsed().as_secs_f64();

    // COPY of the same rows into a table with the same unique key.
    let mut client = pg.client();
    client
        .batch_execute("CREATE TABLE copied (LIKE events INCLUDING ALL)")
        .unwrap();
    let started = Instant::now();
    {
        use std::io::Write;
        let mut w = client
            .copy_in("COPY copied (key, shop_id, till_id, kind, at, payload) FROM STDIN")
            .unwrap();
        for (n, day) in days.iter().enumerate() {
            for e in day {
                let payload = e.payload.replace('\\', "\\\\");
                writeln!(
                    w,
                    "{}\tshop\ttill-{n}\t{}\t{}\t{payload}",
                    e.key, e.kind, e.at
                )
                .unwrap();
            }
        }
        w.finish().unwrap();
    }
    let copy = total as f64 / started.elapsed().as_secs_f64();
    println!(
        "central ingest, {tills} tills × {} events: {ingest:.0} events/s; COPY {copy:.0} rows/s; ratio {:.2}",
        template.len(),
        ingest / copy
    );

    // A till back after a day offline: sends its day, fetches and applies everyone else's.
    let late = tempfile::tempdir().unwrap();
    let mut till = common::open(&late.path().join("till.db"));
    till.write(|t| t.chain().join_chain("late", "late-shop"))
        .unwrap();
    let started = Instant::now();
    let mut c = Central::connect(&url).unwrap();
    let mine = till.write(|t| t.chain().outbox(1_000_000)).unwrap();
    for batch in mine.chunks(500) {
        let answers = c.push("late-shop", "late", batch).unwrap();
        till.write(|t| t.chain().mark_sent(batch, &answers, 0))
            .unwrap();
    }
    let mut applied = 0;
    loop {
        let cursor = till
            .read(|t| Ok(t.chain().sync_state()?.unwrap().cursor))
            .unwrap();
        let events: Vec<RemoteEvent> = c.pull("late", cursor, 500).unwrap();
        if events.is_empty() {
            break;
        }
        applied += till
            .write(|t| t.chain().apply_remote(&events, 0))
            .unwrap()
            .applied;
    }
    println!(
        "catching up after a day offline: {applied} events applied in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // The redemption round trip.
    client
        .execute(
            "INSERT INTO balances (customer, points) VALUES ('bench', 1000000000)",
            &[],
        )
        .unwrap();
    let mut times = Vec::new();
    for i in 0..2000 {
        let t = Instant::now();
        let hold = c
            .redeem(&format!("bench-hold-{i}"), "bench", 1, "late")
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(matches!(hold, Hold::Granted { .. }));
    }
    println!(
        "redemption round trip on loopback: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.99)
    );
}
