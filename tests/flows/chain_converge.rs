//! Random interleavings of three tills of two shops (sales, refunds, enrolments with shared
//! phones, online redemptions), outages, lost acknowledgements, replayed outboxes and
//! forgotten cursors: once the network is back and every till has synced, every till and the
//! central store agree, and no event is lost or doubled. Real PostgreSQL, one database per
//! case.

use crate::common::{check_invariants, rules};
use crate::pg::Postgres;
use proptest::prelude::*;
use regulars::central::Central;
use regulars::config::CentralConfig;
use regulars::domain::program::{Program, StampRule};
use regulars::services::sync::{SyncError, redeem_in_chain, sync_once};
use regulars::store::{NewCustomer, NewSale, Store, StoreError};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

const TILLS: [(&str, &str); 3] = [
    ("riga", "riga-1"),
    ("riga", "riga-2"),
    ("dublin", "dublin-1"),
];
const T0: i64 = 1_780_000_000;

#[derive(Debug, Clone)]
enum Step {
    Enrol {
        till: usize,
        phone: u8,
    },
    Sale {
        till: usize,
        who: usize,
        amount: i64,
    },
    /// A refund of any sale the till knows of, in part or in full.
    Refund {
        till: usize,
        which: usize,
        part: bool,
    },
    Redeem {
        till: usize,
        who: usize,
    },
    Sync {
        till: usize,
    },
    /// Two of the till's customers turn out to be one person.
    Merge {
        till: usize,
        kept: usize,
        gone: usize,
    },
    /// A ticket about a customer, or a step on one of the till's tickets.
    Ticket {
        till: usize,
        who: usize,
    },
    Resolve {
        till: usize,
        which: usize,
    },
    Note {
        till: usize,
        who: usize,
    },
    /// A sync attempt while the network is down.
    Outage {
        till: usize,
    },
    /// The batch reaches the central store but its answer is lost.
    LostAck {
        till: usize,
    },
    /// The till sends its whole outbox again.
    Replay {
        till: usize,
    },
    /// The till fetches everything again from the start.
    Refetch {
        till: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let till = 0..TILLS.len();
    prop_oneof![
        2 => (till.clone(), 0u8..6).prop_map(|(till, phone)| Step::Enrol { till, phone }),
        5 => (till.clone(), 0usize..8, 200i64..8_000)
            .prop_map(|(till, who, amount)| Step::Sale { till, who, amount }),
        2 => (till.clone(), 0usize..8, any::<bool>())
            .prop_map(|(till, which, part)| Step::Refund { till, which, part }),
        2 => (till.clone(), 0usize..8).prop_map(|(till, who)| Step::Redeem { till, who }),
        1 => (till.clone(), 0usize..8, 0usize..8)
            .prop_map(|(till, kept, gone)| Step::Merge { till, kept, gone }),
        1 => (till.clone(), 0usize..8).prop_map(|(till, who)| Step::Ticket { till, who }),
        1 => (till.clone(), 0usize..8).prop_map(|(till, which)| Step::Resolve { till, which }),
        1 => (till.clone(), 0usize..8).prop_map(|(till, who)| Step::Note { till, who }),
        3 => till.clone().prop_map(|till| Step::Sync { till }),
        1 => till.clone().prop_map(|till| Step::Outage { till }),
        1 => till.clone().prop_map(|till| Step::LostAck { till }),
        1 => till.clone().prop_map(|till| Step::Replay { till }),
        1 => till.prop_map(|till| Step::Refetch { till }),
    ]
}

struct Till {
    _dir: tempfile::TempDir,
    store: Store,
    config: CentralConfig,
}

impl Till {
    fn codes(&self, sql: &str) -> Vec<String> {
        let c = self.store.connection();
        let mut stmt = c.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

fn pick<T: Clone>(items: &[T], n: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[n % items.len()].clone())
}

/// Runs one case against a fresh central database on `pg`.
fn run_case(pg: &Postgres, steps: &[Step]) {
    static CASE: AtomicUsize = AtomicUsize::new(0);
    let name = format!("converge_{}", CASE.fetch_add(1, Ordering::SeqCst));
    pg.client()
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let server = pg.url();
    let url = format!("{}/{name}", &server[..server.rfind('/').unwrap()]);
    Central::connect(&url).unwrap().init().unwrap();
    let mut tills: Vec<Till> = TILLS
        .iter()
        .map(|(shop, till)| {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("regulars.db"), rules()).unwrap();
            // A short stamp card, so vouchers are earned, used and voided across tills.
            let program = Program {
                stamps: Some(StampRule {
                    every: 2,
                    reward: "coffee".into(),
                    paper_max: None,
                }),
                ..Program::default()
            };
            store.ensure_program(&program, 0).unwrap();
            Till {
                _dir: dir,
                store,
                config: CentralConfig {
                    url: url.clone(),
                    shop_id: shop.to_string(),
                    till_id: till.to_string(),
                    offline_redeem_allowance: 0,
                    every: 30,
                    shop_name: format!("Shop {shop}"),
                    pages_url: None,
                },
            }
        })
        .collect();
    let mut random = {
        let mut n: u64 = 0x2545_F491_4F6C_DD1D;
        move || {
            n ^= n << 13;
            n ^= n >> 7;
            n ^= n << 17;
            n >> 4
        }
    };
    for (i, step) in steps.iter().enumerate() {
        let now = T0 + 60 * i as i64;
        match step.clone() {
            Step::Enrol { till, phone } => {
                let new = NewCustomer {
                    name: format!("Customer {i}"),
                    phone: Some(format!("+353 87 100 00{phone:02}")),
                    email: None,
                    referred_by: None,
                    language: None,
                    birthday: None,
                    consents: vec![],
                    paper_stamps: 0,
                };
                match tills[till].store.enroll(&new, now, &mut random) {
                    Ok(_) | Err(StoreError::DuplicatePhone { .. }) => {}
                    Err(e) => panic!("enrol: {e}"),
                }
            }
            Step::Sale { till, who, amount } => {
                let t = &mut tills[till];
                let customers = t.codes("SELECT code FROM customers ORDER BY id");
                let sale = NewSale {
                    amount,
                    at: now,
                    customer: pick(&customers, who),
                    receipt: None,
                };
                t.store.write(|tx| tx.counter().record_sale(&sale)).unwrap();
            }
            Step::Refund { till, which, part } => {
                let t = &mut tills[till];
                // Any sale this till knows of, its own or another till's, as the cashier types
                // it once the till is in the chain: TILL/NUMBER; a part of what is left, or all.
                let open = t.codes(
                    "SELECT COALESCE(origin || '/' || origin_receipt,
                                     (SELECT till_id || '/' FROM sync_state) || 'V' || id,
                                     'V' || id) || ' ' || (amount - refunded)
                     FROM visits WHERE refunded < amount ORDER BY id",
                );
                if let Some(line) = pick(&open, which) {
                    let (receipt, left) = line.split_once(' ').unwrap();
                    let left: i64 = left.parse().unwrap();
                    let amount = (part && left >= 2).then_some(left / 2);
                    t.store
                        .write(|tx| {
                            tx.counter()
                                .refund(receipt, amount, now, &Default::default())
                        })
                        .unwrap();
                }
            }
            Step::Redeem { till, who } => {
                let t = &mut tills[till];
                let customers = t.codes(
                    "SELECT code FROM customers c WHERE balance >= 40 OR EXISTS (SELECT 1
                     FROM vouchers v WHERE v.customer_id = c.id AND v.used_at IS NULL
                     AND v.voided_at IS NULL) ORDER BY id",
                );
                if let Some(code) = pick(&customers, who) {
                    match redeem_in_chain(&mut t.store, &t.config, &code, "coffee", now, None) {
                        Ok(_) | Err(SyncError::Store(StoreError::NotEnoughPoints { .. })) => {}
                        Err(e) => panic!("redeem: {e}"),
                    }
                }
            }
            Step::Merge { till, kept, gone } => {
                let t = &mut tills[till];
                let customers =
                    t.codes("SELECT code FROM customers WHERE merged_into IS NULL ORDER BY id");
                if let (Some(k), Some(g)) = (pick(&customers, kept), pick(&customers, gone))
                    && k != g
                {
                    t.store
                        .write(|tx| tx.people().merge_customers(&k, &g, now))
                        .unwrap();
                }
            }
            Step::Ticket { till, who } => {
                let t = &mut tills[till];
                let customers = t.codes("SELECT code FROM customers ORDER BY id");
                if let Some(code) = pick(&customers, who) {
                    let (code, out, err) = crate::common::run(
                        t._dir.path(),
                        &[
                            "ticket",
                            "add",
                            "--customer",
                            &code,
                            "--summary",
                            &format!("Step {i}"),
                        ],
                    );
                    assert_eq!(code, 0, "{out}{err}");
                }
            }
            Step::Resolve { till, which } => {
                let t = &mut tills[till];
                let open = t.codes(
                    "SELECT CAST(id AS TEXT) FROM tickets WHERE status IN ('open', 'waiting')
                     ORDER BY id",
                );
                if let Some(id) = pick(&open, which) {
                    let id: i64 = id.parse().unwrap();
                    t.store
                        .write(|tx| {
                            tx.support().set_ticket_status(
                                id,
                                regulars::domain::support::Status::Resolved,
                                Some("done"),
                                None,
                                None,
                                now,
                            )
                        })
                        .unwrap();
                }
            }
            Step::Note { till, who } => {
                let t = &mut tills[till];
                let customers = t.codes("SELECT code FROM customers ORDER BY id");
                if let Some(code) = pick(&customers, who) {
                    t.store
                        .write(|tx| {
                            tx.support()
                                .add_customer_note(&code, &format!("Note {i}"), None, now)
                        })
                        .unwrap();
                }
            }
            Step::Sync { till } => {
                let t = &mut tills[till];
                sync_once(&mut t.store, &t.config, now).unwrap();
            }
            Step::Outage { till } => {
                let t = &mut tills[till];
                let down = CentralConfig {
                    url: "postgresql://postgres@127.0.0.1:1/none".into(),
                    ..t.config.clone()
                };
                assert!(sync_once(&mut t.store, &down, now).is_err());
            }
            Step::LostAck { till } => {
                let t = &mut tills[till];
                if t.store
                    .read(|tx| tx.chain().sync_state())
                    .unwrap()
                    .is_none()
                {
                    continue;
                }
                let batch = t.store.write(|tx| tx.chain().outbox(50)).unwrap();
                if !batch.is_empty() {
                    let mut central = Central::open(&url).unwrap();
                    central
                        .push(&t.config.shop_id, &t.config.till_id, &batch)
                        .unwrap();
                }
            }
            Step::Replay { till } => {
                tills[till]
                    .store
                    .connection()
                    .execute_batch(
                        "UPDATE outbox SET sent_at = NULL, answer = NULL;
                         UPDATE sync_state SET sent_through = 0;",
                    )
                    .unwrap();
            }
            Step::Refetch { till } => {
                tills[till]
                    .store
                    .connection()
                    .execute_batch("UPDATE sync_state SET cursor = 0")
                    .unwrap();
            }
        }
    }
    // The network is back: every till syncs until nothing moves.
    let end = T0 + 60 * steps.len() as i64;
    for _ in 0..2 {
        for t in &mut tills {
            sync_once(&mut t.store, &t.config, end).unwrap();
        }
    }
    check_converged(pg, &url, &tills);
}

fn check_converged(pg: &Postgres, url: &str, tills: &[Till]) {
    let mut central = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let _ = pg;
    // Every event once: what the tills wrote is what the central store holds.
    let written: i64 = tills
        .iter()
        .map(|t| {
            t.store
                .connection()
                .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get::<_, i64>(0))
                .unwrap()
        })
        .sum();
    let stored: i64 = central
        .query_one("SELECT COUNT(*) FROM events", &[])
        .unwrap()
        .get(0);
    assert_eq!(stored, written, "events lost or doubled");
    let refused: i64 = central
        .query_one("SELECT COUNT(*) FROM rejected", &[])
        .unwrap()
        .get(0);
    assert_eq!(refused, 0, "a replay was taken for a forgery");
    // The same customers, balances and visits at every till, and the central ledger agrees.
    let central_points: BTreeMap<String, i64> = central
        .query("SELECT customer, points FROM balances", &[])
        .unwrap()
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let view = |t: &Till, sql: &str| -> Vec<String> {
        let c = t.store.connection();
        let mut stmt = c.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let balances = "SELECT c.gid || ' ' || c.balance || ' ' || COALESCE(m.gid, '-')
                    FROM customers c LEFT JOIN customers m ON m.id = c.merged_into ORDER BY c.gid";
    let visits =
        "SELECT v.gid || ' ' || COALESCE(c.gid, '-') || ' ' || v.amount || ' ' || v.refunded
                  FROM visits v LEFT JOIN customers c ON c.id = v.customer_id ORDER BY v.gid";
    let tickets = "SELECT t.gid || ' ' || t.status || ' ' || COALESCE(c.gid, '-')
                   || ' ' || (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id)
                   FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id ORDER BY t.gid";
    let notes = "SELECT n.gid || ' ' || c.gid FROM customer_notes n
                 JOIN customers c ON c.id = n.customer_id ORDER BY n.gid";
    // The same stamp card everywhere: stamps, vouchers held and vouchers used.
    let cards = "SELECT c.gid || ' ' || c.stamps
                 || ' ' || (SELECT COUNT(*) FROM vouchers v WHERE v.customer_id = c.id
                            AND v.voided_at IS NULL)
                 || ' ' || (SELECT COUNT(*) FROM vouchers v WHERE v.customer_id = c.id
                            AND v.used_at IS NOT NULL)
                 FROM customers c ORDER BY c.gid";
    let first = &tills[0];
    for t in &tills[1..] {
        assert_eq!(
            view(t, tickets),
            view(first, tickets),
            "{} tickets",
            t.config.till_id
        );
        assert_eq!(
            view(t, notes),
            view(first, notes),
            "{} notes",
            t.config.till_id
        );
        assert_eq!(
            view(t, cards),
            view(first, cards),
            "{} stamp cards",
            t.config.till_id
        );
    }
    for t in &tills[1..] {
        assert_eq!(
            view(t, balances),
            view(first, balances),
            "{} balances",
            t.config.till_id
        );
        assert_eq!(
            view(t, visits),
            view(first, visits),
            "{} visits",
            t.config.till_id
        );
    }
    // The central store counts merged cards under one of them: the same customers, the same
    // points.
    let merged: BTreeMap<String, String> = central
        .query("SELECT gone, kept FROM merges", &[])
        .unwrap()
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let counted_as = |gid: &str| merged.get(gid).cloned().unwrap_or_else(|| gid.to_string());
    for line in view(first, balances) {
        let parts: Vec<&str> = line.split(' ').collect();
        let (gid, balance, into) = (parts[0], parts[1].parse::<i64>().unwrap(), parts[2]);
        if into != "-" {
            assert_eq!(balance, 0);
            assert_eq!(
                counted_as(gid),
                counted_as(into),
                "{gid} is one with {into}"
            );
            continue;
        }
        assert_eq!(
            central_points.get(&counted_as(gid)).copied().unwrap_or(0),
            balance,
            "the central ledger for {gid}"
        );
    }
    for t in tills {
        check_invariants(t.store.connection());
        let unsent: i64 = t
            .store
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE seq > (SELECT sent_through FROM sync_state)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unsent, 0, "{} has events left to send", t.config.till_id);
    }
}

#[test]
fn tills_outages_and_replays_in_any_order_converge() {
    let pg = Postgres::start();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 40,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&proptest::collection::vec(step(), 10..60), |steps| {
        run_case(&pg, &steps);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
