//! Random sequences of sales, replays, refunds, redemptions, adjustments and expiries: the
//! ledger's invariants hold after every step, replays change nothing, and a refused operation
//! leaves the database exactly as it was.

use crate::common::{DAY, T0, check_invariants, counter, fingerprint, rules};
use proptest::prelude::*;
use regulars::domain::program::Program;
use regulars::store::{NewCustomer, NewSale, Store};

#[derive(Debug, Clone)]
enum Op {
    Sale {
        customer: Option<usize>,
        amount: i64,
    },
    Replay {
        sale: usize,
    },
    Refund {
        sale: usize,
        percent: Option<u8>,
    },
    Redeem {
        customer: usize,
        reward: usize,
    },
    Adjust {
        customer: usize,
        points: i64,
    },
    Wait {
        days: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (proptest::option::weighted(0.8, 0usize..3), 1i64..6_000)
            .prop_map(|(customer, amount)| Op::Sale { customer, amount }),
        1 => (0usize..50).prop_map(|sale| Op::Replay { sale }),
        2 => (0usize..50, proptest::option::of(1u8..=100))
            .prop_map(|(sale, percent)| Op::Refund { sale, percent }),
        2 => (0usize..3, 0usize..4).prop_map(|(customer, reward)| Op::Redeem { customer, reward }),
        1 => (0usize..3, -80i64..80).prop_map(|(customer, points)| Op::Adjust { customer, points }),
        1 => (0i64..90).prop_map(|days| Op::Wait { days }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn ledger_invariants_hold(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("regulars.db");
        let mut s = Store::open(&path, rules()).unwrap();
        let program = Program { expiry_days: Some(60), ..Program::default() };
        s.ensure_program(&program, 0).unwrap();
        let mut rng = counter();
        let codes: Vec<String> = (0..3)
            .map(|i| {
                s.enroll(
                    &NewCustomer { name: format!("C{i}"), phone: Some(format!("08700000{i:02}")), ..Default::default() },
                    T0,
                    &mut rng,
                )
                .unwrap()
                .code
            })
            .collect();
        let rewards = ["coffee", "cake", "beans", "nothing-such"];
        let mut now = T0;
        let mut sales: Vec<(String, i64, Option<usize>)> = Vec::new();
        for op in ops {
            now += 60;
            let before = fingerprint(&path);
            let result: Result<(), regulars::store::StoreError> = match &op {
                Op::Sale { customer, amount } => {
                    let receipt = format!("S{}", sales.len());
                    s.write(|tx| tx.counter().record_sale(&NewSale {
                        amount: *amount,
                        at: now,
                        customer: customer.map(|c| codes[c].clone()),
                        receipt: Some(receipt.clone()),
                    }))
                    .map(|out| {
                        assert!(!out.duplicate);
                        sales.push((receipt, *amount, *customer));
                    })
                }
                Op::Replay { sale } if !sales.is_empty() => {
                    let (receipt, amount, customer) = sales[sale % sales.len()].clone();
                    let out = s.write(|tx| tx.counter().record_sale(&NewSale {
                        amount,
                        at: now,
                        customer: customer.map(|c| codes[c].clone()),
                        receipt: Some(receipt),
                    })).unwrap();
                    prop_assert!(out.duplicate);
                    prop_assert_eq!(&before, &fingerprint(&path), "a replay changed the database");
                    Ok(())
                }
                Op::Refund { sale, percent } if !sales.is_empty() => {
                    let (receipt, amount, _) = sales[sale % sales.len()].clone();
                    let part = percent.map(|p| (amount * i64::from(p) / 100).max(1));
                    s.write(|tx| tx.counter().refund(&receipt, part, now, &Default::default())).map(|_| ())
                }
                Op::Redeem { customer, reward } => s
                    .write(|tx| tx.loyalty().redeem(&codes[*customer], rewards[*reward], now, None))
                    .map(|_| ()),
                Op::Adjust { customer, points } => s
                    .write(|tx| tx.loyalty().adjust(&codes[*customer], *points, "test", &regulars::domain::staff::Actor::named(Some("owner")), None, now))
                    .map(|_| ()),
                Op::Wait { days } => {
                    now += days * DAY;
                    s.write(|tx| tx.loyalty().expire_due(None, now)).map(|_| ())
                }
                _ => Ok(()),
            };
            if let Err(e) = result {
                prop_assert!(e.is_input_error(), "{op:?} failed from the environment: {e}");
                prop_assert_eq!(&before, &fingerprint(&path), "refused {:?} ({}) changed the database", op, e);
            }
            check_invariants(s.connection());
        }
    }
}
