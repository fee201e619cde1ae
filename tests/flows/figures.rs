//! The owner's figures from the aggregates equal the same figures computed from the raw rows,
//! on random histories (members and anonymous sales, refunds, claims, redemptions, ratings,
//! days passing) and random ranges, including ranges that cut a cohort or a week.

use crate::common::{DAY, T0, check_invariants, counter, rules};
use proptest::prelude::*;
use regulars::domain::program::Program;
use regulars::store::{NewCustomer, NewSale, Store};

#[derive(Debug, Clone)]
enum Op {
    Sale {
        customer: Option<usize>,
        amount: i64,
    },
    Refund {
        sale: usize,
        percent: u8,
    },
    Claim {
        sale: usize,
        customer: usize,
    },
    Redeem {
        customer: usize,
    },
    Rate {
        sale: usize,
        stars: i64,
    },
    Wait {
        days: i64,
    },
    /// The owner looks at the figures mid-history: the store keeps its member index and
    /// catches up on the changes since at the next look.
    Look {
        offset: i64,
        len: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (proptest::option::weighted(0.7, 0usize..6), 100i64..9_000)
            .prop_map(|(customer, amount)| Op::Sale { customer, amount }),
        1 => (0usize..80, 1u8..=100).prop_map(|(sale, percent)| Op::Refund { sale, percent }),
        1 => (0usize..80, 0usize..6).prop_map(|(sale, customer)| Op::Claim { sale, customer }),
        1 => (0usize..6).prop_map(|customer| Op::Redeem { customer }),
        1 => (0usize..80, 1i64..=5).prop_map(|(sale, stars)| Op::Rate { sale, stars }),
        3 => (0i64..20).prop_map(|days| Op::Wait { days }),
        1 => (0i64..200, 0i64..120).prop_map(|(offset, len)| Op::Look { offset, len }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20, ..ProptestConfig::default() })]

    #[test]
    fn figures_from_aggregates_equal_brute_force(
        ops in proptest::collection::vec(op(), 1..80),
        ranges in proptest::collection::vec((0i64..200, 0i64..120), 1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("regulars.db"), rules()).unwrap();
        s.ensure_program(&Program { expiry_days: Some(45), ..Program::default() }, 0).unwrap();
        let mut rng = counter();
        let codes: Vec<String> = (0..6)
            .map(|i| {
                s.enroll(
                    &NewCustomer {
                        name: format!("Member {i}"),
                        phone: Some(format!("08700000{i:02}")),
                        ..NewCustomer::default()
                    },
                    T0,
                    &mut rng,
                )
                .unwrap()
                .code
            })
            .collect();
        let mut now = T0;
        let start = T0 / DAY - 10;
        let mut sales: Vec<(i64, i64)> = Vec::new();
        for op in &ops {
            let _ = match op {
                Op::Sale { customer, amount } => s
                    .write(|tx| {
                        tx.counter().record_sale(&NewSale {
                            amount: *amount,
                            at: now,
                            customer: customer.map(|c| codes[c].clone()),
                            receipt: None,
                        })
                    })
                    .map(|o| sales.push((o.visit_id, *amount))),
                Op::Refund { sale, percent } if !sales.is_empty() => {
                    let (id, amount) = sales[sale % sales.len()];
                    let part = (amount * i64::from(*percent) / 100).max(1);
                    s.write(|tx| tx.counter().refund(&format!("V{id}"), Some(part), now, &Default::default())).map(|_| ())
                }
                Op::Claim { sale, customer } if !sales.is_empty() => {
                    let (id, _) = sales[sale % sales.len()];
                    let phone = format!("08700000{customer:02}");
                    s.write(|tx| tx.support().claim_visit(id, "", &phone, now, &mut || 7)).map(|_| ())
                }
                Op::Redeem { customer } => s
                    .write(|tx| tx.loyalty().redeem(&codes[*customer], "coffee", now, None))
                    .map(|_| ()),
                Op::Rate { sale, stars } if !sales.is_empty() => {
                    let (id, _) = sales[sale % sales.len()];
                    s.write(|tx| tx.support().rate_visit(id, *stars, "", now)).map(|_| ())
                }
                Op::Wait { days } => {
                    now += days * DAY + 3_600 * 7;
                    s.write(|tx| tx.loyalty().expire_due(None, now)).map(|_| ())
                }
                Op::Look { offset, len } => {
                    let (from, to) = (start + offset, start + offset + len);
                    let kept = s.figures(from, to, now).unwrap();
                    let slow = s.read(|tx| tx.figures().figures_brute_force(from, to, now)).unwrap();
                    prop_assert_eq!(kept, slow, "mid-history, range {}..={}", from, to);
                    Ok(())
                }
                _ => Ok(()),
            };
        }
        check_invariants(s.connection());
        for (offset, len) in &ranges {
            let (from, to) = (start + offset, start + offset + len);
            let fresh = s.read(|tx| tx.figures().figures(from, to, now)).unwrap();
            let kept = s.figures(from, to, now).unwrap();
            let slow = s.read(|tx| tx.figures().figures_brute_force(from, to, now)).unwrap();
            prop_assert_eq!(&fresh, &slow, "range {}..={}", from, to);
            prop_assert_eq!(kept, slow, "kept index, range {}..={}", from, to);
        }
    }
}

#[test]
fn figures_on_a_small_history_read_as_the_owner_expects() {
    let (_d, mut s) = crate::common::store();
    let ann = crate::common::enroll(&mut s, "Ann", "0870000001", None);
    let bob = crate::common::enroll(&mut s, "Bob", "0870000002", None);
    let day0 = T0 / DAY;
    let sale = |s: &mut Store, who: Option<&str>, amount: i64, day: i64| {
        s.write(|tx| {
            tx.counter().record_sale(&NewSale {
                amount,
                at: (day0 + day) * DAY + 3_600,
                customer: who.map(str::to_string),
                receipt: None,
            })
        })
        .unwrap()
    };
    sale(&mut s, Some(&ann), 400, 0);
    sale(&mut s, Some(&ann), 600, 3);
    sale(&mut s, Some(&ann), 500, 10);
    sale(&mut s, Some(&bob), 1000, 8);
    sale(&mut s, None, 300, 8);
    let f = s.figures(day0, day0 + 13, T0 + 20 * DAY).unwrap();
    assert_eq!((f.visits, f.member_visits, f.anonymous_visits), (5, 4, 1));
    assert_eq!((f.visiting_members, f.repeat_members), (2, 1));
    assert_eq!(f.repeat_visit_rate, 0.5);
    assert_eq!(f.frequency[0], ("1".to_string(), 1));
    assert_eq!(f.frequency[2], ("3".to_string(), 1));
    assert_eq!(f.median_days_between_visits, Some(5.0), "gaps 3 and 7");
    assert_eq!(f.weeks.len(), 2);
    assert_eq!(
        (f.weeks[0].new_members, f.weeks[0].returning_members),
        (1, 0)
    );
    assert_eq!(
        (f.weeks[1].new_members, f.weeks[1].returning_members),
        (1, 1)
    );
    assert_eq!(f.member_average_spend, Some(625.0));
    assert_eq!(f.anonymous_average_spend, Some(300.0));
    assert_eq!(f.top_by_spend[0].code, ann);
    assert_eq!(f.top_by_spend[0].spend, 1500);
    assert_eq!(f.points_issued, 4 + 6 + 5 + 10);
    // A range that starts after Ann's first visit: she is returning, not new.
    let f = s.figures(day0 + 3, day0 + 13, T0 + 20 * DAY).unwrap();
    assert_eq!(
        (f.weeks[0].new_members, f.weeks[0].returning_members),
        (1, 1)
    );
    assert_eq!(f.cohorts.len(), 1, "only Bob's first visit is in the range");
    assert_eq!(f.cohorts[0].size, 1);
    // The cohort table's last month: counted to date when the range ends before the month
    // does (on 6 December, December is six days, not a month), whole when it ends on its
    // last day.
    let month_end = |day: i64| {
        (day..day + 31)
            .find(|d| regulars::store::month_of(d + 1) != regulars::store::month_of(*d))
            .unwrap()
    };
    let end = month_end(day0);
    let f = s.figures(end - 20, end, T0 + 60 * DAY).unwrap();
    assert!(f.cohorts.iter().all(|c| !c.last_to_date), "{:?}", f.cohorts);
    let f = s.figures(end - 20, end + 6, T0 + 60 * DAY).unwrap();
    assert!(!f.cohorts.is_empty() && f.cohorts.iter().all(|c| c.last_to_date));
    // The store keeps its member index between calls, and knows when a sale changed it.
    sale(&mut s, Some(&bob), 200, 12);
    let f = s.figures(day0, day0 + 13, T0 + 20 * DAY).unwrap();
    assert_eq!((f.visiting_members, f.repeat_members), (2, 2));
    let slow = s
        .read(|tx| {
            tx.figures()
                .figures_brute_force(day0, day0 + 13, T0 + 20 * DAY)
        })
        .unwrap();
    assert_eq!(f, slow);
}

/// The store keeps the member index between looks and catches up on what changed: a member
/// who joined since, a log pruned past the index (read afresh), a rebuild (read afresh).
#[test]
fn the_kept_member_index_catches_up_or_is_read_afresh() {
    let (_d, mut s) = crate::common::store();
    let ann = crate::common::enroll(&mut s, "Ann", "0870000001", None);
    let day0 = T0 / DAY;
    let now = T0 + 40 * DAY;
    let sale = |s: &mut Store, who: &str, day: i64| {
        s.write(|tx| {
            tx.counter().record_sale(&NewSale {
                amount: 500,
                at: (day0 + day) * DAY + 3_600,
                customer: Some(who.to_string()),
                receipt: None,
            })
        })
        .unwrap();
    };
    let look = |s: &mut Store| {
        let kept = s.figures(day0, day0 + 30, now).unwrap();
        let slow = s
            .read(|tx| tx.figures().figures_brute_force(day0, day0 + 30, now))
            .unwrap();
        assert_eq!(kept, slow);
        kept
    };
    sale(&mut s, &ann, 0);
    assert_eq!(look(&mut s).visiting_members, 1);

    let cy = crate::common::enroll(&mut s, "Cy", "0870000003", None);
    sale(&mut s, &cy, 2);
    sale(&mut s, &ann, 2);
    let f = look(&mut s);
    assert_eq!((f.visiting_members, f.repeat_members), (2, 1));

    sale(&mut s, &cy, 4);
    sale(&mut s, &cy, 5);
    s.connection()
        .execute(
            "DELETE FROM agg_member_log WHERE version < (SELECT MAX(version) FROM agg_member_log)",
            [],
        )
        .unwrap();
    assert_eq!(
        look(&mut s).frequency[2],
        ("3".to_string(), 1),
        "Cy: 3 visits"
    );

    sale(&mut s, &ann, 6);
    s.rebuild_aggregates().unwrap();
    let f = look(&mut s);
    assert_eq!((f.visiting_members, f.repeat_members), (2, 2));
}
