//! Checks on what does not add up: each check on a hand-made history (raised, not raised just
//! under its threshold, raised once), acknowledging, the command line, and a property test
//! comparing the alerts raised event by event with the same rules computed from the raw rows.

use super::common::{self, DAY, T0, counter};
use regulars::domain::checks::{AlertKind, Checks, Finding, OpeningHours};
use regulars::domain::staff::{Actor, Role};
use regulars::store::{AlertView, NewCustomer, NewSale, Store};

/// A shop with these checks, the default program in force.
pub fn shop(checks: Checks) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let rules = regulars::store::ShopRules {
        checks,
        ..common::rules()
    };
    let mut store = Store::open(&dir.path().join("regulars.db"), rules).unwrap();
    store
        .ensure_program(&regulars::domain::program::Program::default(), 0)
        .unwrap();
    (dir, store)
}

/// The checks with only the one under test on, so each test sees its own alerts.
fn only(kind: AlertKind) -> Checks {
    let off = Checks::off();
    let on = Checks::default();
    match kind {
        AlertKind::BusyCard => Checks {
            card_transactions_per_day: on.card_transactions_per_day,
            ..off
        },
        AlertKind::OwnCard => Checks {
            own_card: true,
            ..off
        },
        AlertKind::Adjustments => Checks {
            adjustments_per_week: on.adjustments_per_week,
            ..off
        },
        AlertKind::RefundAfterRedeem => Checks {
            refund_after_redeem: true,
            ..off
        },
        AlertKind::Claims => Checks {
            claim_after_hours: on.claim_after_hours,
            claims_per_week: on.claims_per_week,
            ..off
        },
        AlertKind::SplitSales => Checks {
            split_sales: on.split_sales,
            ..off
        },
        AlertKind::AfterHours => Checks {
            opening_hours: OpeningHours::parse("08:00-20:00").unwrap(),
            ..off
        },
        AlertKind::ReferralBurst => Checks {
            referrals_per_week: on.referrals_per_week,
            ..off
        },
    }
}

fn member(store: &mut Store, name: &str, phone: &str) -> String {
    common::enroll(store, name, phone, None)
}

fn sale(store: &mut Store, code: Option<&str>, amount: i64, at: i64, by: Option<&str>) -> i64 {
    store
        .write(|tx| {
            tx.counter().record_sale_by(
                &NewSale {
                    amount,
                    at,
                    customer: code.map(str::to_string),
                    receipt: None,
                },
                by,
            )
        })
        .unwrap()
        .visit_id
}

fn alerts(store: &mut Store) -> Vec<AlertView> {
    store.alerts(true, 1000).unwrap()
}

/// Monday 2026-01-05 10:00 UTC (T0 is 12:00 that day).
const MON: i64 = T0 - 2 * 3600;

#[test]
fn a_busy_card_is_raised_once_its_day_passes_the_limit() {
    let (_d, mut store) = shop(only(AlertKind::BusyCard));
    let code = member(&mut store, "Līga Ozola", "+353871000001");
    // Five transactions in a day (the limit): three sales, a redemption, a claim.
    for i in 0..3 {
        sale(&mut store, Some(&code), 2500, MON + i * 600, Some("Cara"));
    }
    store
        .write(|tx| {
            tx.loyalty()
                .redeem(&code, "coffee", MON + 2000, Some("Cara"))
        })
        .unwrap();
    let anon = sale(&mut store, None, 900, MON + 2100, None);
    store
        .write(|tx| {
            tx.support()
                .claim_visit(anon, "", "+353871000001", MON + 2200, &mut counter())
        })
        .unwrap();
    assert!(
        alerts(&mut store).is_empty(),
        "five is the limit, not above it"
    );
    // The sixth raises it, with the six events behind it and who was signed in.
    let sixth = sale(&mut store, Some(&code), 300, MON + 3000, Some("Dan"));
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].kind, AlertKind::BusyCard);
    assert_eq!(a[0].finding, Finding::BusyCard { count: 6, limit: 5 });
    assert_eq!(a[0].staff.as_deref(), Some("Dan"));
    assert_eq!(a[0].at, MON + 3000);
    assert_eq!(a[0].customer.as_deref(), Some(code.as_str()));
    assert_eq!(a[0].events.len(), 6);
    assert!(a[0].events.contains(&format!("visit:{sixth}")));
    assert!(a[0].events.contains(&format!("claim:{anon}")));
    assert!(a[0].events.iter().any(|e| e.starts_with("redemption:")));
    // A seventh joins the same alert: raised once.
    sale(&mut store, Some(&code), 300, MON + 4000, Some("Cara"));
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].finding, Finding::BusyCard { count: 7, limit: 5 });
    assert_eq!((a[0].at, a[0].last_at), (MON + 3000, MON + 4000));
    // The next day starts again.
    for i in 0..5 {
        sale(&mut store, Some(&code), 300, MON + DAY + i * 60, None);
    }
    assert_eq!(alerts(&mut store).len(), 1);
}

#[test]
fn a_cashiers_own_card_on_their_own_sales() {
    let (_d, mut store) = shop(only(AlertKind::OwnCard));
    let cara = member(&mut store, "Cara Byrne", "+353871000002");
    let other = member(&mut store, "Aoife Kelly", "+353871000003");
    store
        .write(|tx| {
            tx.counter()
                .add_staff("Cara", Role::Cashier, "1234", [1; 16], T0)?;
            tx.counter()
                .add_staff("Dan", Role::Cashier, "5678", [2; 16], T0)?;
            tx.checks().set_staff_card("Cara", Some(&cara))
        })
        .unwrap();
    // Dan rings up a sale on Cara's card; Cara rings one up on another customer's card.
    sale(&mut store, Some(&cara), 1200, MON, Some("Dan"));
    sale(&mut store, Some(&other), 1200, MON + 60, Some("Cara"));
    assert!(alerts(&mut store).is_empty());
    // Cara on her own card, twice that day: one alert.
    let first = sale(&mut store, Some(&cara), 1850, MON + 120, Some("Cara"));
    sale(&mut store, Some(&cara), 990, MON + 180, Some("Cara"));
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].finding,
        Finding::OwnCard {
            count: 2,
            points: 27
        }
    );
    assert_eq!(a[0].staff.as_deref(), Some("Cara"));
    assert_eq!(a[0].events[0], format!("visit:{first}"));
    // Without a card on record, nothing.
    store
        .write(|tx| tx.checks().set_staff_card("Cara", None))
        .unwrap();
    sale(&mut store, Some(&cara), 990, MON + DAY, Some("Cara"));
    assert_eq!(alerts(&mut store).len(), 1);
    // A card given to someone not on the staff list is refused.
    let e = store
        .write(|tx| tx.checks().set_staff_card("Nobody", Some(&cara)))
        .unwrap_err();
    assert!(
        e.to_string().contains("no member of staff called Nobody"),
        "{e}"
    );
}

#[test]
fn points_by_hand_beyond_the_week() {
    let (_d, mut store) = shop(only(AlertKind::Adjustments));
    let code = member(&mut store, "Jovana Petrović", "+353871000004");
    let adjust = |store: &mut Store, by: &str, at: i64| {
        store
            .write(|tx| {
                tx.loyalty()
                    .adjust(&code, 10, "goodwill", &Actor::named(Some(by)), None, at)
            })
            .unwrap();
    };
    for i in 0..5 {
        adjust(&mut store, "Owen", MON + i * DAY / 2);
    }
    // Someone else's adjustments count for them.
    adjust(&mut store, "Cara", MON + 3 * DAY);
    assert!(alerts(&mut store).is_empty(), "five by Owen is the limit");
    adjust(&mut store, "Owen", MON + 4 * DAY);
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].finding, Finding::Adjustments { count: 6, limit: 5 });
    assert_eq!(a[0].staff.as_deref(), Some("Owen"));
    adjust(&mut store, "Owen", MON + 5 * DAY);
    assert_eq!(alerts(&mut store).len(), 1, "raised once");
    // The next week (Monday) starts again.
    adjust(&mut store, "Owen", MON + 7 * DAY);
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].events.len(), 7);
}

#[test]
fn a_refund_after_the_points_were_spent() {
    let (_d, mut store) = shop(only(AlertKind::RefundAfterRedeem));
    let code = member(&mut store, "Maria Santos", "+353871000005");
    let other = member(&mut store, "Ravi Kumar", "+353871000006");
    // Refunded with its points still there: nothing.
    sale(&mut store, Some(&other), 16000, MON, None);
    let refund = |store: &mut Store, visit: i64, at: i64| {
        store
            .write(|tx| {
                tx.counter()
                    .refund(&format!("V{visit}"), None, at, &Actor::named(Some("Cara")))
            })
            .unwrap()
    };
    let plain = sale(&mut store, Some(&other), 5000, MON + 60, None);
    refund(&mut store, plain, MON + 120);
    assert!(alerts(&mut store).is_empty());
    // 160 points earned, 150 spent on beans, then the sale refunded: 10 taken back of 160.
    let v = sale(&mut store, Some(&code), 16000, MON + 600, None);
    store
        .write(|tx| tx.loyalty().redeem(&code, "beans", MON + 700, Some("Cara")))
        .unwrap();
    let r = refund(&mut store, v, MON + 800);
    assert_eq!((r.points_due, r.points_reversed), (160, 10));
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].finding,
        Finding::RefundAfterRedeem {
            due: 160,
            taken: 10
        }
    );
    assert_eq!(a[0].staff.as_deref(), Some("Cara"));
    assert!(a[0].events.contains(&format!("visit:{v}")));
    assert!(a[0].events.iter().any(|e| e.starts_with("redemption:")));
    // A reward paid with other points (the balance covers the refund): nothing.
    let v2 = sale(&mut store, Some(&other), 5000, MON + 900, None);
    store
        .write(|tx| tx.loyalty().redeem(&other, "coffee", MON + 950, None))
        .unwrap();
    let r = refund(&mut store, v2, MON + 1000);
    assert_eq!(r.points_reversed, r.points_due);
    assert_eq!(alerts(&mut store).len(), 1);
}

#[test]
fn receipts_claimed_late_or_many_by_one_phone() {
    let (_d, mut store) = shop(only(AlertKind::Claims));
    let claim = |store: &mut Store, visit: i64, phone: &str, at: i64| {
        store
            .write(|tx| {
                tx.support()
                    .claim_visit(visit, "Ana Reyes", phone, at, &mut counter())
            })
            .unwrap();
    };
    // 71 hours after the sale: not late; 73: late.
    let v1 = sale(&mut store, None, 800, MON, None);
    claim(&mut store, v1, "+353871000007", MON + 71 * 3600);
    assert!(alerts(&mut store).is_empty());
    let v2 = sale(&mut store, None, 800, MON, None);
    claim(&mut store, v2, "+353871000008", MON + 73 * 3600);
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].finding,
        Finding::LateClaim {
            hours: 73,
            limit: 72
        }
    );
    assert_eq!(a[0].events, vec![format!("claim:{v2}")]);
    // One phone claims receipts left behind: three a week is the limit, the fourth raises it.
    let mut left = vec![];
    for i in 0..5 {
        left.push(sale(
            &mut store,
            None,
            700 + i,
            MON + 3 * DAY + i * 60,
            None,
        ));
    }
    for (i, v) in left.iter().take(3).enumerate() {
        claim(
            &mut store,
            *v,
            "+353871000009",
            MON + 3 * DAY + 3600 + i as i64 * 60,
        );
    }
    assert_eq!(alerts(&mut store).len(), 1);
    claim(&mut store, left[3], "+353871000009", MON + 3 * DAY + 7200);
    claim(&mut store, left[4], "+353871000009", MON + 3 * DAY + 7300);
    let a = alerts(&mut store);
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].finding, Finding::ManyClaims { count: 5, limit: 3 });
    assert_eq!(a[0].kind, AlertKind::Claims);
    assert_eq!(a[0].events.len(), 5);
}

#[test]
fn sales_split_to_pass_the_stamp_threshold() {
    let (_d, mut store) = shop(only(AlertKind::SplitSales));
    let code = member(&mut store, "Nikola Jovanović", "+353871000010");
    // Two sales just over the 2.00 minimum, then one of 5.00: not three that just pass.
    sale(&mut store, Some(&code), 210, MON, None);
    sale(&mut store, Some(&code), 220, MON + 300, None);
    sale(&mut store, Some(&code), 500, MON + 600, None);
    assert!(alerts(&mut store).is_empty());
    // Three just-passing sales, but the first was 31 minutes before the third.
    let other = member(&mut store, "Ivana Ilić", "+353871000011");
    sale(&mut store, Some(&other), 200, MON, None);
    sale(&mut store, Some(&other), 200, MON + 1200, None);
    sale(&mut store, Some(&other), 200, MON + 1860, None);
    assert!(alerts(&mut store).is_empty());
    // The third within 30 minutes of the first raises it.
    let third = sale(&mut store, Some(&code), 240, MON + 1500, Some("Cara"));
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].finding,
        Finding::SplitSales {
            count: 3,
            minutes: 30
        }
    );
    assert_eq!(a[0].events.last(), Some(&format!("visit:{third}")));
    assert_eq!(a[0].staff.as_deref(), Some("Cara"));
}

#[test]
fn activity_outside_opening_hours() {
    let (_d, mut store) = shop(only(AlertKind::AfterHours));
    let code = member(&mut store, "Priya Reddy", "+353871000012");
    let day = MON - 10 * 3600; // Monday 00:00 UTC
    sale(&mut store, Some(&code), 500, day + 8 * 3600, Some("Cara"));
    sale(
        &mut store,
        Some(&code),
        500,
        day + 20 * 3600 - 60,
        Some("Cara"),
    );
    // An anonymous sale is not loyalty activity.
    sale(&mut store, None, 500, day + 21 * 3600, Some("Cara"));
    assert!(alerts(&mut store).is_empty());
    sale(&mut store, Some(&code), 500, day + 21 * 3600, Some("Cara"));
    store
        .write(|tx| {
            tx.loyalty().adjust(
                &code,
                5,
                "test",
                &Actor::named(Some("Cara")),
                None,
                day + 22 * 3600,
            )
        })
        .unwrap();
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].finding, Finding::AfterHours { count: 2 });
    assert_eq!(a[0].staff.as_deref(), Some("Cara"));
}

#[test]
fn a_burst_of_referrals_from_one_member() {
    let (_d, mut store) = shop(only(AlertKind::ReferralBurst));
    let mut rng = counter();
    let referrer = store
        .enroll(&new("Amaka Obi", "+353871000020", None), MON, &mut rng)
        .unwrap();
    for i in 0..5 {
        let phone = format!("+35387100003{i}");
        store
            .enroll(
                &new("Friend", &phone, Some(&referrer.referral_code)),
                MON + i,
                &mut rng,
            )
            .unwrap();
    }
    assert!(alerts(&mut store).is_empty(), "five a week is the limit");
    store
        .enroll(
            &new("Friend", "+353871000040", Some(&referrer.referral_code)),
            MON + 99,
            &mut rng,
        )
        .unwrap();
    let a = alerts(&mut store);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].finding, Finding::ReferralBurst { count: 6, limit: 5 });
    assert_eq!(a[0].customer.as_deref(), Some(referrer.code.as_str()));
}

pub fn new(name: &str, phone: &str, referred_by: Option<&str>) -> NewCustomer {
    NewCustomer {
        name: name.into(),
        phone: Some(phone.into()),
        email: None,
        referred_by: referred_by.map(str::to_string),
        language: None,
        birthday: None,
        consents: vec![],
        paper_stamps: 0,
    }
}

#[test]
fn acknowledging_keeps_the_note_and_who() {
    let (dir, mut store) = shop(only(AlertKind::BusyCard));
    let code = member(&mut store, "Līga Ozola", "+353871000001");
    for i in 0..6 {
        sale(&mut store, Some(&code), 300, MON + i * 60, None);
    }
    let id = alerts(&mut store)[0].id;
    let db = dir.path().join("regulars.db");
    let before = common::fingerprint(&db);
    let e = store
        .write(|tx| tx.checks().ack(id, "  ", "Owen", T0))
        .unwrap_err();
    assert!(e.to_string().contains("note"), "{e}");
    assert!(
        store
            .write(|tx| tx.checks().ack(999, "x", "Owen", T0))
            .is_err()
    );
    assert_eq!(
        common::fingerprint(&db),
        before,
        "a refused ack changes nothing"
    );
    let a = store
        .write(|tx| tx.checks().ack(id, "Her office orders coffee", "Owen", T0))
        .unwrap();
    assert_eq!(a.note.as_deref(), Some("Her office orders coffee"));
    assert_eq!(
        (a.acked_by.as_deref(), a.acked_at),
        (Some("Owen"), Some(T0))
    );
    let e = store
        .write(|tx| tx.checks().ack(id, "again", "Cara", T0 + 60))
        .unwrap_err();
    assert!(
        e.to_string().contains("already acknowledged by Owen"),
        "{e}"
    );
    assert!(
        store.alerts(false, 10).unwrap().is_empty(),
        "no longer open"
    );
    assert_eq!(
        store.alerts(true, 10).unwrap()[0].note.as_deref(),
        Some("Her office orders coffee")
    );
}

#[test]
fn the_command_line_lists_acknowledges_and_names_who_rang_up() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let code = common::run_json(
        dir,
        &[
            "customer",
            "add",
            "--name",
            "Cara Byrne",
            "--phone",
            "+353871000002",
        ],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    day_and_night(dir);
    let staff = common::run_json(
        dir,
        &[
            "staff", "add", "--name", "Cara", "--role", "cashier", "--pin", "4321", "--card", &code,
        ],
    );
    assert_eq!(staff["card"], code.as_str());
    // A name not on the staff list is refused, and nothing is recorded.
    let before = common::fingerprint(&common::db(dir));
    let (rc, _, err) = common::run(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "4.50",
            "--customer",
            &code,
            "--by",
            "Carra",
        ],
    );
    assert_eq!(rc, 2, "{err}");
    assert!(
        err.contains("Carra is not on the staff list (Cara)"),
        "{err}"
    );
    assert_eq!(common::fingerprint(&common::db(dir)), before);
    common::run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "4.50",
            "--customer",
            &code,
            "--by",
            "cara",
        ],
    );
    let list = common::run_json(dir, &["alerts"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let a = &list[0];
    assert_eq!(a["kind"], "own_card");
    assert_eq!(a["customer"], code.as_str());
    assert_eq!(a["staff"], "Cara");
    assert!(a["at"].as_i64().is_some() && a["note"].is_null());
    let id = a["id"].as_i64().unwrap().to_string();
    let (_, text, _) = common::run(dir, &["alerts"]);
    assert!(
        text.contains("Cara earned 4 points on their own card"),
        "{text}"
    );
    let (rc, _, err) = common::run(dir, &["alerts", "ack", &id, "--note", " "]);
    assert_eq!(rc, 2);
    assert!(err.contains("Say in a note what you found"), "{err}");
    let (rc, text, err) = common::run(
        dir,
        &[
            "alerts",
            "ack",
            &id,
            "--note",
            "Her own lunch",
            "--by",
            "Owen",
        ],
    );
    assert_eq!(rc, 0, "{err}");
    assert!(text.contains("acknowledged"), "{text}");
    let open = common::run_json(dir, &["alerts"]);
    assert_eq!(open.as_array().unwrap().len(), 0);
    let all = common::run_json(dir, &["alerts", "--all"]);
    let a = &all[0];
    assert_eq!(a["note"], "Her own lunch");
    assert_eq!(a["acked_by"], "Owen");
}

/// Opens the shop day and night (`[alerts] opening_hours = ""`): a test run at night sees
/// only the alerts it is about.
pub(crate) fn day_and_night(dir: &std::path::Path) {
    let config = dir.join("config.toml");
    let mut text = std::fs::read_to_string(&config).unwrap_or_default();
    text.push_str("\n[alerts]\nopening_hours = \"\"\n");
    std::fs::write(&config, text).unwrap();
}
