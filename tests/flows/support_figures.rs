//! The support figures: a hand-made history whose every figure is known checks each
//! definition, and random histories (tickets opened, answered, resolved, confirmed, reopened;
//! sales, claims, ratings, merges, erasures, a clock going back) check the figures from the
//! aggregates against the same figures computed from the raw rows.

use crate::common::{DAY, T0, check_invariants, counter, store};
use proptest::prelude::*;
use regulars::domain::support::{Channel, Status, Targets};
use regulars::store::{NewCustomer, NewSale, NewTicket, Share, Store, SupportFigures};

const HOUR: i64 = 3600;

fn member(store: &mut Store, name: &str, phone: &str) -> String {
    let new = NewCustomer {
        name: name.into(),
        phone: Some(phone.into()),
        ..NewCustomer::default()
    };
    store
        .enroll(&new, T0 - 30 * DAY, &mut counter())
        .unwrap()
        .code
}

fn sale(store: &mut Store, customer: Option<&str>, at: i64, staff: Option<&str>) -> i64 {
    let sale = NewSale {
        amount: 1_000,
        at,
        customer: customer.map(str::to_string),
        receipt: None,
    };
    store
        .write(|tx| tx.counter().record_sale_by(&sale, staff))
        .unwrap()
        .visit_id
}

fn ticket(store: &mut Store, customer: &str, channel: Channel, severity: i64) -> i64 {
    store
        .write(|tx| {
            tx.support().open_ticket(&NewTicket {
                customer: Some(customer.into()),
                visit_id: None,
                channel,
                problem: None,
                summary: "Something went wrong".into(),
                contact_via: None,
                contact: None,
                severity: Some(severity),
                at: T0,
                actor: Some("Mia".into()),
                key: None,
            })
        })
        .unwrap()
        .id
}

fn step(store: &mut Store, id: i64, to: Status, by: &str, at: i64) {
    store
        .write(|tx| {
            tx.support()
                .set_ticket_status(id, to, None, Some(by), None, at)
        })
        .unwrap();
}

fn share(part: i64, whole: i64) -> Share {
    Share::new(part, whole)
}

/// Four tickets opened at T0 and what became of them; ratings of five visits; now is 100 days on.
fn known_history(store: &mut Store) -> (i64, i64) {
    let ann = member(store, "Ann Byrne", "0870000001");
    let ben = member(store, "Ben Hayes", "0870000002");
    let cat = member(store, "Cat Walsh", "0870000003");
    let dan = member(store, "Dan Roche", "0870000004");
    let ann_visit = sale(store, Some(&ann), T0 - HOUR, Some("Mia"));
    sale(store, Some(&ben), T0 - HOUR, None);
    sale(store, Some(&cat), T0 - HOUR, None);
    let dan_visit = sale(store, Some(&dan), T0 - HOUR, Some("Mia"));
    let anonymous = sale(store, None, T0 - HOUR, Some("Tom"));
    // 1: Ann's call, answered in 30 minutes, resolved in two hours, confirmed the next day.
    let one = ticket(store, &ann, Channel::Phone, 3);
    store
        .write(|tx| {
            tx.support()
                .note_ticket(one, "Refund on its way", Some("Mia"), T0 + HOUR / 2)
        })
        .unwrap();
    step(store, one, Status::Resolved, "Mia", T0 + 2 * HOUR);
    step(store, one, Status::Confirmed, "customer", T0 + DAY);
    // 2: Ben's, resolved in three hours (its first reply), reopened by him, resolved again
    // two days in and never confirmed.
    let two = ticket(store, &ben, Channel::Counter, 2);
    step(store, two, Status::Resolved, "Mia", T0 + 3 * HOUR);
    step(store, two, Status::Open, "customer", T0 + DAY);
    step(store, two, Status::Resolved, "Mia", T0 + 2 * DAY);
    // 3: Cat's from the receipt page, her own note an hour later, no reply ever.
    let three = ticket(store, &cat, Channel::Portal, 1);
    store
        .write(|tx| {
            tx.support()
                .note_ticket(three, "Still waiting", Some("customer"), T0 + HOUR)
        })
        .unwrap();
    // 4: a low rating of an anonymous receipt opens one; resolved in five hours.
    let four = store
        .write(|tx| tx.support().rate_visit(anonymous, 2, "Cold coffee", T0))
        .unwrap()
        .ticket_id
        .unwrap();
    step(store, four, Status::Resolved, "Tom", T0 + 5 * HOUR);
    store
        .write(|tx| {
            tx.support().rate_visit(ann_visit, 4, "", T0)?;
            tx.support().rate_visit(dan_visit, 5, "", T0)
        })
        .unwrap();
    // Ann comes back ten days after her confirmed fix, Ben 38 days after his second one.
    sale(store, Some(&ann), T0 + 10 * DAY, None);
    sale(store, Some(&ben), T0 + 40 * DAY, None);
    (T0 / DAY, T0 + 100 * DAY)
}

#[test]
fn every_support_figure_of_a_known_history() {
    let (_dir, mut store) = store();
    let (day, now) = known_history(&mut store);
    check_invariants(store.connection());
    let f: SupportFigures = store
        .read(|tx| tx.figures().support_figures(day, day + 100, now))
        .unwrap();
    assert_eq!((f.tickets, f.anonymous_tickets, f.unreplied), (4, 1, 1));
    assert_eq!(f.by_severity, vec![(1, 1), (2, 2), (3, 1)]);
    let channels: Vec<(&str, i64)> = f.by_channel.iter().map(|(c, n)| (c.as_str(), *n)).collect();
    assert_eq!(
        channels,
        [
            ("portal", 1),
            ("rating", 1),
            ("counter", 1),
            ("phone", 1),
            ("email", 0)
        ]
    );
    // First replies 30, 180 (the resolution), 300 minutes; Cat's has none.
    assert_eq!(
        (f.first_reply.all.tickets, f.first_reply.all.median_minutes),
        (3, Some(180))
    );
    let by_severity: Vec<(i64, Option<i64>)> = f
        .first_reply
        .by_severity
        .iter()
        .map(|(_, w)| (w.tickets, w.median_minutes))
        .collect();
    assert_eq!(by_severity, vec![(0, None), (2, Some(180)), (1, Some(30))]);
    // Resolutions 120, 300, and 2 days (2,880 minutes).
    assert_eq!(
        (f.resolution.all.tickets, f.resolution.all.median_minutes),
        (3, Some(300))
    );
    let counter = f
        .resolution
        .by_channel
        .iter()
        .find(|(c, _)| c == "counter")
        .unwrap();
    assert_eq!(counter.1.median_minutes, Some(2_880));
    assert_eq!(
        f.first_reply.all.median_below,
        Some(240),
        "the median is 3 h to 4 h"
    );
    assert_eq!((f.resolved, f.ever_resolved), (3, 3));
    assert_eq!(
        (f.confirmed, f.reopened, f.unconfirmed),
        (share(1, 3), share(1, 3), share(1, 3))
    );
    assert_eq!(
        f.confirmed.percent, None,
        "three tickets are too few for a percentage"
    );
    assert_eq!(f.repeat_contacts, 2);
    assert_eq!(f.contacts_per_ticket, Some(0.5));
    assert_eq!(f.with_repeat_contact, share(2, 4));
    let back: Vec<(i64, Share, Share)> = f
        .came_back
        .iter()
        .map(|c| (c.days, c.after_confirmed, c.after_other))
        .collect();
    assert_eq!(
        back,
        vec![
            (30, share(1, 1), share(0, 2)),
            (90, share(1, 1), share(1, 2))
        ]
    );
    assert_eq!(f.came_back[1].judged_to_day, Some(day + 100 - 91));
    // Seven visits in the range, three rated; Ann complained (her call), Dan never did.
    assert_eq!(f.rated_visits, share(3, 7));
    assert_eq!((f.quiet.rated, f.quiet.average), (1, Some(5.0)));
    assert_eq!((f.complained.rated, f.complained.average), (1, Some(4.0)));
    assert_eq!((f.anonymous_ratings.rated, f.anonymous_ratings.low), (1, 1));
    let staff: Vec<(&str, i64, Option<f64>)> = f
        .by_staff
        .iter()
        .map(|s| (s.staff.as_str(), s.ratings.rated, s.ratings.average))
        .collect();
    assert_eq!(staff, vec![("Mia", 2, Some(4.5)), ("Tom", 1, Some(2.0))]);
    // Cat's ticket is overdue from the end of its second day to now; nothing else ever was.
    assert_eq!(f.overdue_by_day.len(), 101);
    assert_eq!(f.overdue_by_day[0], (day, 0));
    assert!(f.overdue_by_day[1..].iter().all(|(_, n)| *n == 1));
    let slow = store
        .read(|tx| {
            tx.figures()
                .support_figures_brute_force(day, day + 100, now)
        })
        .unwrap();
    assert_eq!(f, slow);
    // Erasing a member takes their name, not their part in the figures.
    store
        .write(|tx| tx.people().erase_customer("0870000001", now))
        .or_else(|_| {
            let code: String = store
                .connection()
                .query_row(
                    "SELECT code FROM customers WHERE name = 'Ann Byrne'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            store.write(|tx| tx.people().erase_customer(&code, now))
        })
        .unwrap();
    let after = store
        .read(|tx| tx.figures().support_figures(day, day + 100, now))
        .unwrap();
    assert_eq!(after, f);
    check_invariants(store.connection());
    // A range before any ticket has none, and says so with zeros rather than percentages.
    let empty = store
        .read(|tx| tx.figures().support_figures(day - 20, day - 10, now))
        .unwrap();
    assert_eq!((empty.tickets, empty.confirmed.percent), (0, None));
    assert_eq!(empty.first_reply.all.median_minutes, None);
}

#[test]
fn the_schemas_wait_buckets_are_the_figures_own() {
    let (_dir, store) = store();
    let kept: Vec<i64> = store
        .connection()
        .prepare("SELECT minutes FROM wait_buckets ORDER BY minutes")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kept, regulars::store::WAIT_BUCKETS);
}

#[test]
fn the_aggregates_are_rebuilt_the_same_after_an_upgrade() {
    let (_dir, mut store) = store();
    let (day, now) = known_history(&mut store);
    let before = store
        .read(|tx| tx.figures().support_figures(day, day + 100, now))
        .unwrap();
    let rebuilt = store.rebuild_aggregates().unwrap();
    assert!(rebuilt.matched, "{:?}", rebuilt.differences);
    for table in [
        "agg_ticket_days",
        "agg_ticket_times",
        "agg_ticket_back",
        "agg_rating_days",
    ] {
        store
            .connection()
            .execute(&format!("DELETE FROM {table}"), [])
            .unwrap();
    }
    let rebuilt = store.rebuild_aggregates().unwrap();
    assert!(!rebuilt.matched);
    let after = store
        .read(|tx| tx.figures().support_figures(day, day + 100, now))
        .unwrap();
    assert_eq!(after, before);
    // Stricter targets in the configuration: at the next start the overdue counts by day
    // follow them (Cat's ticket is overdue from its first day's end, an hour after opening).
    let path = store.path().to_path_buf();
    drop(store);
    let mut strict = crate::common::rules();
    strict.targets = Targets {
        reply: [HOUR; 3],
        resolve: [DAY; 3],
    };
    let mut store = Store::open(&path, strict).unwrap();
    let f = store
        .read(|tx| tx.figures().support_figures(day, day + 100, now))
        .unwrap();
    assert_eq!(f.overdue_by_day[0], (day, 1));
    let slow = store
        .read(|tx| {
            tx.figures()
                .support_figures_brute_force(day, day + 100, now)
        })
        .unwrap();
    assert_eq!(f, slow);
    check_invariants(store.connection());
}

#[derive(Debug, Clone)]
enum Op {
    Sale {
        customer: Option<usize>,
        staff: Option<usize>,
    },
    Open {
        customer: usize,
        channel: usize,
        severity: i64,
    },
    Reply {
        ticket: usize,
    },
    CustomerNote {
        ticket: usize,
    },
    Step {
        ticket: usize,
        to: usize,
        by_customer: bool,
    },
    Rate {
        sale: usize,
        stars: i64,
    },
    Claim {
        sale: usize,
        customer: usize,
    },
    Merge {
        gone: usize,
        kept: usize,
    },
    Erase {
        customer: usize,
    },
    Wait {
        hours: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (proptest::option::weighted(0.7, 0usize..5), proptest::option::of(0usize..2))
            .prop_map(|(customer, staff)| Op::Sale { customer, staff }),
        3 => (0usize..5, 0usize..5, 1i64..=3)
            .prop_map(|(customer, channel, severity)| Op::Open { customer, channel, severity }),
        2 => (0usize..30).prop_map(|ticket| Op::Reply { ticket }),
        1 => (0usize..30).prop_map(|ticket| Op::CustomerNote { ticket }),
        4 => (0usize..30, 0usize..4, any::<bool>())
            .prop_map(|(ticket, to, by_customer)| Op::Step { ticket, to, by_customer }),
        2 => (0usize..40, 1i64..=5).prop_map(|(sale, stars)| Op::Rate { sale, stars }),
        1 => (0usize..40, 0usize..5).prop_map(|(sale, customer)| Op::Claim { sale, customer }),
        1 => (0usize..5, 0usize..5).prop_map(|(gone, kept)| Op::Merge { gone, kept }),
        1 => (0usize..5).prop_map(|customer| Op::Erase { customer }),
        4 => (-30i64..400).prop_map(|hours| Op::Wait { hours }),
        // About a month: a visit near the end of a came-back window.
        1 => (710i64..740).prop_map(|hours| Op::Wait { hours }),
    ]
}

const CHANNELS: [Channel; 5] = [
    Channel::Portal,
    Channel::Rating,
    Channel::Counter,
    Channel::Phone,
    Channel::Email,
];
const STEPS: [Status; 4] = [
    Status::Waiting,
    Status::Resolved,
    Status::Confirmed,
    Status::Open,
];

/// Plays `ops` on a fresh shop, then compares the figures both ways for each of `ranges`.
fn play(ops: &[Op], ranges: &[(i64, i64)]) -> Result<(), TestCaseError> {
    let (_dir, mut s) = store();
    let codes: Vec<String> = (0..5)
        .map(|i| member(&mut s, &format!("Member {i}"), &format!("08700000{i:02}")))
        .collect();
    let mut now = T0;
    let mut sales: Vec<i64> = Vec::new();
    let mut tickets: Vec<i64> = Vec::new();
    for op in ops {
        let _ = match op {
            Op::Sale { customer, staff } => {
                let sale = NewSale {
                    amount: 800,
                    at: now,
                    customer: customer.map(|c| codes[c].clone()),
                    receipt: None,
                };
                let staff = staff.map(|i| ["Mia", "Tom"][i]);
                s.write(|tx| tx.counter().record_sale_by(&sale, staff))
                    .map(|o| sales.push(o.visit_id))
            }
            Op::Open {
                customer,
                channel,
                severity,
            } => s
                .write(|tx| {
                    tx.support().open_ticket(&NewTicket {
                        customer: Some(codes[*customer].clone()),
                        visit_id: None,
                        channel: CHANNELS[*channel],
                        problem: None,
                        summary: "A problem".into(),
                        contact_via: None,
                        contact: None,
                        severity: Some(*severity),
                        at: now,
                        actor: None,
                        key: None,
                    })
                })
                .map(|t| tickets.push(t.id)),
            Op::Reply { ticket } if !tickets.is_empty() => {
                let id = tickets[ticket % tickets.len()];
                s.write(|tx| {
                    tx.support()
                        .note_ticket(id, "Looking into it", Some("Mia"), now)
                })
            }
            Op::CustomerNote { ticket } if !tickets.is_empty() => {
                let id = tickets[ticket % tickets.len()];
                s.write(|tx| {
                    tx.support()
                        .note_ticket(id, "Any news?", Some("customer"), now)
                })
            }
            Op::Step {
                ticket,
                to,
                by_customer,
            } if !tickets.is_empty() => {
                let id = tickets[ticket % tickets.len()];
                let by = if *by_customer { "customer" } else { "Mia" };
                s.write(|tx| {
                    tx.support()
                        .set_ticket_status(id, STEPS[*to], None, Some(by), None, now)
                })
                .map(|_| ())
            }
            Op::Rate { sale, stars } if !sales.is_empty() => {
                let id = sales[sale % sales.len()];
                s.write(|tx| tx.support().rate_visit(id, *stars, "", now))
                    .map(|r| {
                        if let Some(t) = r.ticket_id
                            && !tickets.contains(&t)
                        {
                            tickets.push(t);
                        }
                    })
            }
            Op::Claim { sale, customer } if !sales.is_empty() => {
                let id = sales[sale % sales.len()];
                let phone = format!("08700000{customer:02}");
                s.write(|tx| tx.support().claim_visit(id, "", &phone, now, &mut || 7))
                    .map(|_| ())
            }
            Op::Merge { gone, kept } if gone != kept => s
                .write(|tx| {
                    tx.people()
                        .merge_customers(&codes[*gone], &codes[*kept], now)
                })
                .map(|_| ()),
            Op::Erase { customer } => s
                .write(|tx| tx.people().erase_customer(&codes[*customer], now))
                .map(|_| ()),
            Op::Wait { hours } => {
                // A negative wait is a till clock put back.
                now += hours * HOUR;
                Ok(())
            }
            _ => Ok(()),
        };
    }
    check_invariants(s.connection());
    let start = T0 / DAY - 5;
    for (offset, len) in ranges {
        let (from, to) = (start + offset, start + offset + len);
        let fast = s
            .read(|tx| tx.figures().support_figures(from, to, now))
            .unwrap();
        let slow = s
            .read(|tx| tx.figures().support_figures_brute_force(from, to, now))
            .unwrap();
        prop_assert_eq!(fast, slow, "range {}..={}", from, to);
    }
    Ok(())
}

#[test]
fn a_second_ticket_cancels_a_days_change_in_the_overdue_counts() {
    let ops = [
        Op::Sale {
            customer: None,
            staff: None,
        },
        Op::Sale {
            customer: None,
            staff: None,
        },
        Op::Open {
            customer: 0,
            channel: 0,
            severity: 1,
        },
        Op::Wait { hours: 36 },
        Op::Step {
            ticket: 0,
            to: 1,
            by_customer: false,
        },
        Op::Open {
            customer: 0,
            channel: 0,
            severity: 1,
        },
        Op::Claim {
            sale: 0,
            customer: 0,
        },
    ];
    play(&ops, &[(0, 0)]).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn support_figures_from_aggregates_equal_brute_force(
        ops in proptest::collection::vec(op(), 1..70),
        ranges in proptest::collection::vec((0i64..150, 0i64..150), 1..4),
    ) {
        play(&ops, &ranges)?;
    }
}
