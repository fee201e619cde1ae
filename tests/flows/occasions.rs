//! Birthday and anniversary rewards: given once a year on the day (or later within the
//! window, if the till was off), only to members who gave their birthday, 29 February on the
//! 28th in other years, used before points, gone after the window, forgotten with erasure.

use crate::common::{check_invariants, run, run_json, store_with};
use regulars::domain::program::{Occasion, Program};
use regulars::store::{NewCustomer, Store};

fn utc(y: i16, m: i8, d: i8) -> i64 {
    jiff::civil::date(y, m, d)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second()
        + 10 * 3600
}

fn enrol(store: &mut Store, name: &str, at: i64) -> String {
    let mut n = name.len() as u64 * 7919;
    let mut random = move || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        n >> 11
    };
    let new = NewCustomer {
        name: name.into(),
        ..NewCustomer::default()
    };
    store.enroll(&new, at, &mut random).unwrap().code
}

fn vouchers(store: &mut Store, code: &str, at: i64) -> Vec<String> {
    store
        .customer_view(code, at)
        .unwrap()
        .rewards_available
        .into_iter()
        .filter(|r| r.pay_with == "voucher")
        .map(|r| r.reward_id)
        .collect()
}

#[test]
fn birthdays_and_anniversaries_give_one_voucher_a_year_within_its_window() {
    let program = Program {
        birthday: Some(Occasion {
            reward: "cake".into(),
            days: 14,
        }),
        anniversary: Some(Occasion {
            reward: "coffee".into(),
            days: 7,
        }),
        expiry_days: None,
        ..Program::default()
    };
    let (_dir, mut store) = store_with(&program);
    let joined = utc(2025, 3, 10);
    let anna = enrol(&mut store, "Anna", joined);
    let bea = enrol(&mut store, "Bea", joined);
    let dana = enrol(&mut store, "Dana", joined);
    let cian = enrol(&mut store, "Cian", utc(2025, 5, 1));
    store
        .write(|t| {
            t.loyalty()
                .set_birthday(&anna, Some("07-14"), "counter", joined)?;
            t.loyalty()
                .set_birthday(&bea, Some("2-29"), "page", joined)?;
            t.loyalty()
                .set_birthday(&dana, Some("07-10"), "counter", joined)
        })
        .unwrap();
    let give = |store: &mut Store, at: i64| {
        store
            .write(|t| t.loyalty().give_occasion_vouchers(at))
            .unwrap()
    };

    // The day they joined, a year on: Anna, Bea and Dana, not Cian (who joined in May). And
    // Bea's birthday, 29 February, was on the 28th this year: ten days ago, within its window.
    let g = give(&mut store, utc(2026, 3, 10));
    assert_eq!((g.birthday, g.anniversary), (1, 3));
    assert_eq!(
        vouchers(&mut store, &bea, utc(2026, 3, 10)),
        ["cake", "coffee"]
    );
    assert_eq!(
        give(&mut store, utc(2026, 3, 10) + 3600).anniversary,
        0,
        "once a year"
    );
    assert_eq!(
        vouchers(&mut store, &cian, utc(2026, 3, 10)),
        Vec::<String>::new()
    );

    // Anna's birthday; Dana's was four days ago, while the till was off: hers comes now,
    // valid for the fourteen days from her birthday.
    let g = give(&mut store, utc(2026, 7, 14));
    assert_eq!(g.birthday, 2, "{g:?}");
    assert_eq!(vouchers(&mut store, &anna, utc(2026, 7, 14)), ["cake"]);
    assert_eq!(give(&mut store, utc(2026, 7, 15)).birthday, 0);
    assert_eq!(vouchers(&mut store, &dana, utc(2026, 7, 23)), ["cake"]);
    assert_eq!(
        vouchers(&mut store, &dana, utc(2026, 7, 24)),
        Vec::<String>::new()
    );
    // Redeemed with the voucher, not points.
    let r = store
        .write(|t| t.loyalty().redeem(&anna, "cake", utc(2026, 7, 20), None))
        .unwrap();
    assert_eq!(
        (r.paid_with, r.points),
        (regulars::store::PaidWith::Voucher, 0)
    );
    assert_eq!(
        vouchers(&mut store, &anna, utc(2026, 7, 20)),
        Vec::<String>::new()
    );

    // 29 February: on the 28th in 2027, on the 29th in 2028.
    assert_eq!(give(&mut store, utc(2027, 2, 28)).birthday, 1);
    assert_eq!(give(&mut store, utc(2028, 2, 28)).birthday, 0);
    assert_eq!(give(&mut store, utc(2028, 2, 29)).birthday, 1);

    // Erasure forgets the birthday: next July, Dana's voucher only.
    store
        .write(|t| t.people().erase_customer(&anna, utc(2026, 8, 1)))
        .unwrap();
    assert_eq!(give(&mut store, utc(2027, 7, 14)).birthday, 1);
    assert_eq!(vouchers(&mut store, &dana, utc(2027, 7, 14)), ["cake"]);
    check_invariants(store.connection());
}

#[test]
fn a_birthday_is_recorded_from_the_command_line_and_a_wrong_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let code = run_json(dir.path(), &["customer", "add", "--name", "Anna"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _, err) = run(dir.path(), &["customer", "birthday", &code, "02-30"]);
    assert_eq!(status, 2);
    assert!(err.contains("MM-DD"), "{err}");
    let (status, out, _) = run(dir.path(), &["customer", "birthday", &code, "07-14"]);
    assert_eq!(status, 0);
    assert!(out.contains("07-14"), "{out}");
    let export = run_json(dir.path(), &["customer", "export", &code]);
    assert_eq!(export["customer"]["birthday"], "07-14", "{export}");
    assert_eq!(export["customer"]["birthday_source"], "counter");
    assert!(export["customer"]["birthday_consent_at"].is_i64());
    run_json(dir.path(), &["customer", "birthday", &code, "--clear"]);
    let export = run_json(dir.path(), &["customer", "export", &code]);
    assert!(export["customer"]["birthday"].is_null(), "{export}");
    let given = run_json(dir.path(), &["reward", "occasions"]);
    assert_eq!(given["birthday"], 0);
}

#[test]
fn a_birthday_given_at_enrolment_is_kept_and_a_wrong_one_enrols_no_one() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let (status, _, err) = run(
        dir.path(),
        &["customer", "add", "--name", "Bea", "--birthday", "31-12"],
    );
    assert_eq!(status, 2);
    assert!(err.contains("MM-DD"), "{err}");
    assert_eq!(
        run_json(dir.path(), &["stats"])["customers"],
        0,
        "no one enrolled"
    );
    let code = run_json(
        dir.path(),
        &["customer", "add", "--name", "Bea", "--birthday", "12-31"],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    let export = run_json(dir.path(), &["customer", "export", &code]);
    assert_eq!(export["customer"]["birthday"], "12-31", "{export}");
    assert_eq!(export["customer"]["birthday_source"], "counter");
}

#[test]
fn two_cards_of_one_person_with_this_year_s_anniversary_voucher_merge_into_one() {
    let program = Program {
        anniversary: Some(Occasion {
            reward: "coffee".into(),
            days: 7,
        }),
        ..Program::default()
    };
    let (_dir, mut store) = store_with(&program);
    let joined = utc(2025, 3, 10);
    let a = enrol(&mut store, "Anna", joined);
    let b = enrol(&mut store, "Anna B.", joined);
    assert_eq!(
        store
            .write(|t| t.loyalty().give_occasion_vouchers(utc(2026, 3, 10)))
            .unwrap()
            .anniversary,
        2
    );
    store
        .write(|t| t.people().merge_customers(&a, &b, utc(2026, 3, 11)))
        .unwrap();
    assert_eq!(
        vouchers(&mut store, &a, utc(2026, 3, 11)),
        ["coffee"],
        "one, not two"
    );
    check_invariants(store.connection());
}
