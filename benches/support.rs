//! Support figures benchmark (issue 18): the support figures from the aggregates kept in the
//! same transactions as the tickets, ratings and visits, against the same figures computed from
//! the raw rows, for the last 90 days and the whole history. The goal is under 100 ms at
//! 10,000,000 visits and 500,000 tickets.
//!
//! The shop is the demo history of `common::demo_history` (or `REGULARS_BENCH_DB`, e.g. a copy
//! of a ten-million-visit demo: the benchmark writes to it), to which the first run adds a
//! support history: one ticket for every 20 visits (`REGULARS_BENCH_TICKETS` to choose), opened
//! on a member's visit through any channel, most answered within hours, resolved within days,
//! half confirmed, some reopened, a few never answered; and ratings of 3% of the visits (by two
//! staff members). The rows go in through SQL, so the schema's triggers keep the aggregates as
//! the till's own writes do. It also times opening, answering and resolving one ticket in a
//! transaction of its own (the cost of keeping the aggregates at this size).

mod common;

use common::splitmix;
use regulars::domain::support::{Channel, Status};
use regulars::store::{NewTicket, Store};
use std::time::Instant;

const DAY: i64 = 86_400;
const CHANNELS: [&str; 5] = ["portal", "rating", "counter", "phone", "email"];

/// Adds `tickets` tickets with their history and ratings of 3% of the visits.
fn add_support_history(store: &mut Store, tickets: i64, end: i64) {
    let c = store.connection();
    let (lo, hi): (i64, i64) = c
        .query_row("SELECT MIN(id), MAX(id) FROM visits", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let mut rng = 18u64;
    let mut unit = move || (splitmix(&mut rng) >> 11) as f64 / (1u64 << 53) as f64;
    let t = Instant::now();
    c.execute_batch("BEGIN").unwrap();
    let mut visit = c
        .prepare("SELECT id, at, customer_id FROM visits WHERE id >= ?1 ORDER BY id LIMIT 1")
        .unwrap();
    let mut ticket = c
        .prepare(
            "INSERT INTO tickets (customer_id, visit_id, opened_at, channel, summary, severity,
                 status, status_at, resolved_at)
             VALUES (?1, ?2, ?3, ?4, 'A problem with the purchase', ?5, ?6, ?7, ?8)",
        )
        .unwrap();
    let mut event = c
        .prepare("INSERT INTO ticket_events (ticket_id, at, kind, actor) VALUES (?1, ?2, ?3, ?4)")
        .unwrap();
    let mut made = 0;
    while made < tickets {
        let id = lo + ((hi - lo) as f64 * unit()) as i64;
        let (visit_id, at, customer): (i64, i64, Option<i64>) = visit
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        if customer.is_none() {
            continue;
        }
        // Opened within two days of the visit; replies in minutes to days (median ~3 h).
        let opened = at + (unit() * 2.0 * DAY as f64) as i64;
        let reply = opened + (60.0 * (unit() * 9.0).exp()) as i64;
        let resolve = reply + (600.0 * (unit() * 8.0).exp()) as i64;
        let r = unit();
        let (status, resolved_at, fate) = if resolve > end || r < 0.05 {
            ("open", None, "none")
        } else if r < 0.55 {
            ("confirmed", Some(resolve), "confirmed")
        } else if r < 0.65 {
            ("resolved", Some(resolve + DAY), "reopened")
        } else {
            ("resolved", Some(resolve), "resolved")
        };
        let channel = CHANNELS[(unit() * 5.0) as usize % 5];
        let severity = 1 + (unit() * 3.0) as i64 % 3;
        ticket
            .execute(rusqlite::params![
                customer,
                visit_id,
                opened,
                channel,
                severity,
                status,
                resolved_at.unwrap_or(opened),
                resolved_at
            ])
            .unwrap();
        let tid = c.last_insert_rowid();
        let mut history = vec![(opened, "opened", None)];
        if fate != "none" {
            history.push((reply.min(resolve), "note", Some("Mia")));
            history.push((resolve, "resolved", Some("Mia")));
        }
        match fate {
            "confirmed" => history.push((resolve + 3_600, "confirmed", Some("customer"))),
            "reopened" => {
                history.push((resolve + 3_600, "reopened", Some("customer")));
                history.push((resolve + DAY, "resolved", Some("Mia")));
            }
            _ => {}
        }
        for (at, kind, actor) in history {
            event
                .execute(rusqlite::params![tid, at, kind, actor])
                .unwrap();
        }
        made += 1;
        if made % 50_000 == 0 {
            eprintln!("  {made} tickets ({:.0} s)", t.elapsed().as_secs_f64());
        }
    }
    drop((visit, ticket, event));
    // Ratings of 3% of the visits, made while one of two staff members was signed in.
    c.execute(
        "UPDATE visits SET staff = CASE id % 2 WHEN 0 THEN 'Mia' ELSE 'Tom' END
         WHERE id % 33 = 0 AND staff IS NULL",
        [],
    )
    .unwrap();
    c.execute(
        "INSERT OR IGNORE INTO ratings (visit_id, stars, first_at, updated_at)
         SELECT id, 1 + (id / 33) % 5 + ((id / 33) % 5 < 2), at + 3600, at + 3600
         FROM visits WHERE id % 33 = 0",
        [],
    )
    .unwrap();
    c.execute_batch("COMMIT").unwrap();
    eprintln!(
        "support history added in {:.0} s",
        t.elapsed().as_secs_f64()
    );
}

fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    best
}

fn main() {
    let (path, mut end, given) = common::demo_history("support");
    let mut store = common::open(&path);
    let count = |store: &Store, sql: &str| -> i64 {
        store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
    };
    let visits = count(&store, "SELECT COUNT(*) FROM visits");
    if given {
        end = count(&store, "SELECT MAX(at) + 1 FROM visits");
    }
    let wanted: i64 = std::env::var("REGULARS_BENCH_TICKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(visits / 20);
    let have = count(&store, "SELECT COUNT(*) FROM tickets");
    if have < wanted {
        eprintln!("adding {} tickets (once)…", wanted - have);
        add_support_history(&mut store, wanted - have, end);
    }
    let tickets = count(&store, "SELECT COUNT(*) FROM tickets");
    let ratings = count(&store, "SELECT COUNT(*) FROM ratings");
    let today = end / DAY;
    println!("support figures over {visits} visits, {tickets} tickets, {ratings} ratings:");
    for (label, from) in [("last 90 days", today - 89), ("whole history", 0)] {
        let fast = best_of(5, || {
            std::hint::black_box(
                store
                    .read(|tx| tx.figures().support_figures(from, today, end))
                    .unwrap(),
            );
        });
        let slow = best_of(2, || {
            std::hint::black_box(
                store
                    .read(|tx| tx.figures().support_figures_brute_force(from, today, end))
                    .unwrap(),
            );
        });
        let a = store
            .read(|tx| tx.figures().support_figures(from, today, end))
            .unwrap();
        let b = store
            .read(|tx| tx.figures().support_figures_brute_force(from, today, end))
            .unwrap();
        assert_eq!(a, b, "the aggregates and the raw rows disagree");
        println!(
            "  {label}: from aggregates {fast:.1} ms, from raw rows {slow:.0} ms ({:.0}× faster); \
             {} tickets, median first reply {:?} min",
            slow / fast,
            a.tickets,
            a.first_reply.all.median_minutes
        );
    }
    // One ticket opened, answered and resolved, each in its own durable transaction.
    let code: String = store
        .connection()
        .query_row(
            "SELECT c.code FROM customers c JOIN agg_customers a ON a.customer_id = c.id
             ORDER BY a.visits DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut times = Vec::new();
    for i in 0..20 {
        let at = end - 3_600 + i;
        let t = Instant::now();
        let id = store
            .write(|tx| {
                tx.support().open_ticket(&NewTicket {
                    customer: Some(code.clone()),
                    visit_id: None,
                    channel: Channel::Phone,
                    problem: None,
                    summary: "Benchmark ticket".into(),
                    contact_via: None,
                    contact: None,
                    severity: Some(2),
                    at,
                    actor: Some("Mia".into()),
                    key: None,
                })
            })
            .unwrap()
            .id;
        store
            .write(|tx| tx.support().note_ticket(id, "On it", Some("Mia"), at + 1))
            .unwrap();
        store
            .write(|tx| {
                tx.support().set_ticket_status(
                    id,
                    Status::Resolved,
                    None,
                    Some("Mia"),
                    None,
                    at + 2,
                )
            })
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3 / 3.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "  one ticket step (open, answer, resolve), each its own transaction: median {:.2} ms",
        times[times.len() / 2]
    );
}
