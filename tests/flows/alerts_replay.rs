//! Loyalty-fraud checks against random histories: the alerts kept as events happen are the
//! ones a check of the raw rows gives, whatever the order of sales, claims, refunds and
//! referrals.

use super::alerts::{new, shop};
use super::common::{DAY, T0, counter};
use proptest::prelude::*;
use regulars::domain::checks::{Checks, OpeningHours};
use regulars::domain::staff::{Actor, Role};
use regulars::store::{NewSale, Store};

/// One step of a random history.
#[derive(Debug, Clone)]
enum Step {
    Sale {
        who: usize,
        amount: i64,
        staff: usize,
    },
    Anonymous {
        amount: i64,
    },
    Claim {
        who: usize,
    },
    Redeem {
        who: usize,
    },
    Adjust {
        who: usize,
        staff: usize,
    },
    Refund {
        back: usize,
    },
    Enroll {
        referrer: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..4, prop_oneof![200i64..260, 200i64..6000], 0usize..3)
            .prop_map(|(who, amount, staff)| Step::Sale { who, amount, staff }),
        2 => (200i64..900).prop_map(|amount| Step::Anonymous { amount }),
        2 => (0usize..4).prop_map(|who| Step::Claim { who }),
        2 => (0usize..4).prop_map(|who| Step::Redeem { who }),
        2 => (0usize..4, 0usize..3).prop_map(|(who, staff)| Step::Adjust { who, staff }),
        1 => (0usize..6).prop_map(|back| Step::Refund { back }),
        1 => (0usize..2).prop_map(|referrer| Step::Enroll { referrer }),
    ]
}

const STAFF: [&str; 3] = ["Cara", "Dan", "Owen"];

/// Runs a history through the store, event by event; the gaps between events in seconds.
fn replay(store: &mut Store, steps: &[(Step, i64)]) {
    let mut rng = counter();
    let mut codes = vec![];
    let mut referral = vec![];
    for i in 0..4 {
        let e = store
            .enroll(
                &new(&format!("M{i}"), &format!("+3538720000{i}"), None),
                T0 - 30 * DAY,
                &mut rng,
            )
            .unwrap();
        codes.push(e.code);
        referral.push(e.referral_code);
    }
    store
        .write(|tx| {
            for (i, s) in STAFF.iter().enumerate() {
                tx.counter().add_staff(
                    s,
                    Role::Cashier,
                    &format!("{}", 1000 + i),
                    [i as u8; 16],
                    T0,
                )?;
            }
            tx.checks().set_staff_card("Cara", Some(&codes[0]))?;
            Ok(())
        })
        .unwrap();
    let (mut at, mut anonymous, mut sales, mut n) = (T0, vec![], vec![], 0);
    for (s, gap) in steps {
        at += gap;
        n += 1;
        let _ = store.write(|tx| match s {
            Step::Sale { who, amount, staff } => {
                let v = tx.counter().record_sale_by(
                    &NewSale {
                        amount: *amount,
                        at,
                        customer: Some(codes[*who].clone()),
                        receipt: None,
                    },
                    Some(STAFF[*staff]),
                )?;
                sales.push(v.visit_id);
                Ok(())
            }
            Step::Anonymous { amount } => {
                let v = tx.counter().record_sale(&NewSale {
                    amount: *amount,
                    at,
                    customer: None,
                    receipt: None,
                })?;
                anonymous.push(v.visit_id);
                Ok(())
            }
            Step::Claim { who } => match anonymous.pop() {
                Some(v) => tx
                    .support()
                    .claim_visit(v, "", &format!("+3538720000{who}"), at, &mut counter())
                    .map(|_| ()),
                None => Ok(()),
            },
            Step::Redeem { who } => tx
                .loyalty()
                .redeem(&codes[*who], "coffee", at, Some("Dan"))
                .map(|_| ()),
            Step::Adjust { who, staff } => tx
                .loyalty()
                .adjust(
                    &codes[*who],
                    7,
                    "goodwill",
                    &Actor::named(Some(STAFF[*staff])),
                    None,
                    at,
                )
                .map(|_| ()),
            Step::Refund { back } => match sales.len().checked_sub(back + 1).map(|i| sales[i]) {
                Some(v) => tx
                    .counter()
                    .refund(&format!("V{v}"), None, at, &Actor::named(Some("Owen")))
                    .map(|_| ()),
                None => Ok(()),
            },
            Step::Enroll { referrer } => {
                let new = new(
                    "Friend",
                    &format!("+35387300{n:04}"),
                    Some(&referral[*referrer]),
                );
                tx.people().enroll(&new, at, &mut counter()).map(|_| ())
            }
        });
    }
}

type Kept = (
    String,
    String,
    Option<i64>,
    Option<String>,
    i64,
    String,
    Vec<String>,
);

/// Every alert kept, as `(bucket, kind, customer id, staff, at, finding, events)`.
fn kept(store: &Store) -> Vec<Kept> {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT bucket, kind, customer_id, staff, at, finding,
                    (SELECT group_concat(event, ' ') FROM
                        (SELECT event FROM alert_events WHERE alert_id = a.id ORDER BY event))
             FROM alerts a ORDER BY bucket",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?
                .split(' ')
                .map(str::to_string)
                .collect(),
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn alerts_kept_as_events_happen_are_the_ones_the_raw_rows_give() {
    let checks = Checks {
        card_transactions_per_day: 3,
        adjustments_per_week: 2,
        claims_per_week: 1,
        claim_after_hours: 2,
        split_sales: 2,
        referrals_per_week: 2,
        opening_hours: OpeningHours::parse("Mon-Fri 08:00-18:00, Sat 09:00-13:00").unwrap(),
        ..Checks::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: std::env::var("ALERTS_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(48),
        ..ProptestConfig::default()
    });
    let gaps = prop_oneof![1i64..120, 120i64..7200, 7200i64..2 * DAY];
    let raised = std::cell::Cell::new(0);
    let kinds = std::cell::RefCell::new(std::collections::BTreeSet::new());
    // One history, then the random ones: each kept event by event equals the rules over its rows.
    let check = |steps: &[(Step, i64)]| -> Result<(), TestCaseError> {
        let (_d, mut store) = shop(checks.clone());
        replay(&mut store, steps);
        let kept = kept(&store);
        let from_rows = store.read(|tx| tx.checks().alerts_from_rows()).unwrap();
        let computed: Vec<Kept> = from_rows
            .values()
            .map(|r| {
                let mut events: Vec<String> = r.events.iter().map(|e| e.0.clone()).collect();
                events.sort();
                (
                    r.bucket.clone(),
                    r.finding.kind().as_str().to_string(),
                    r.customer_id,
                    r.staff.clone(),
                    r.at,
                    serde_json::to_string(&r.finding).unwrap(),
                    events,
                )
            })
            .collect();
        raised.set(raised.get() + kept.len());
        kinds.borrow_mut().extend(kept.iter().map(|k| k.1.clone()));
        prop_assert_eq!(kept, computed);
        Ok(())
    };
    // A big sale, a reward from its points, the sale refunded: the rarest path of the random
    // histories, walked every time.
    let refund_after_reward = [
        (
            Step::Sale {
                who: 1,
                amount: 6000,
                staff: 1,
            },
            60,
        ),
        (Step::Redeem { who: 1 }, 60),
        (Step::Refund { back: 0 }, 60),
    ];
    check(&refund_after_reward).unwrap();
    assert!(
        kinds.borrow().contains("refund_after_redeem"),
        "{:?}",
        kinds.borrow()
    );
    runner
        .run(&proptest::collection::vec((step(), gaps), 5..80), |steps| {
            check(&steps)
        })
        .unwrap();
    assert!(
        raised.get() > 48,
        "the histories raise alerts: {}",
        raised.get()
    );
    // Every check but the own card's… and that too: Cara has a card and rings up sales.
    let kinds = kinds.into_inner();
    assert_eq!(
        kinds.len(),
        8,
        "every kind of alert is raised in some history: {kinds:?}"
    );
}
