//! A stamp card counted across the chain: stamps from every shop add up, the voucher they earn
//! is there in every shop, used once it is used anywhere, and a full refund anywhere takes its
//! stamp off. A voucher used in two shops while they were apart is put on the owner's list,
//! and both tills still agree.

use crate::chain::{edit_config, enrol, sync, till};
use crate::chain_identity::keys_once;
use crate::common::{check_invariants, run, run_json};
use crate::pg::Postgres;
use std::path::Path;

/// Riga's and Dublin's tills in one chain, with a stamp card of three visits.
fn two_shops() -> (Postgres, tempfile::TempDir, tempfile::TempDir) {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    for dir in [&riga, &dublin] {
        edit_config(dir.path(), "every = 10 ", "every = 3 ");
    }
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    sync(dublin.path());
    (pg, riga, dublin)
}

fn sell(dir: &Path, customer: &str, receipt: &str) -> serde_json::Value {
    run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "5.00",
            "--customer",
            customer,
            "--receipt",
            receipt,
        ],
    )
}

/// The customer's stamps and the stamp-card rewards they can have now.
fn card(dir: &Path, code: &str) -> (i64, usize) {
    let c = run_json(dir, &["customer", "show", code]);
    let vouchers = c["rewards_available"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["pay_with"] == "voucher")
        .count();
    (c["stamps"].as_i64().unwrap(), vouchers)
}

fn redeem(dir: &Path, code: &str) -> (i32, String, String) {
    run(
        dir,
        &[
            "--json",
            "reward",
            "redeem",
            "--customer",
            code,
            "--reward",
            "coffee",
        ],
    )
}

/// (stamps, vouchers held, vouchers used) of every customer, as the till's tables hold them.
fn vouchers(dir: &Path) -> Vec<(String, i64, i64, i64)> {
    let c = crate::common::connect(crate::common::db(dir)).unwrap();
    let mut stmt = c
        .prepare(
            "SELECT c.gid, c.stamps,
                    (SELECT COUNT(*) FROM vouchers v WHERE v.customer_id = c.id
                     AND v.voided_at IS NULL),
                    (SELECT COUNT(*) FROM vouchers v WHERE v.customer_id = c.id
                     AND v.used_at IS NOT NULL)
             FROM customers c ORDER BY c.gid",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_stamp_card_fills_in_two_shops_and_its_voucher_is_used_once() {
    let (pg, riga, dublin) = two_shops();
    let anna = enrol(riga.path(), "Anna");
    sell(riga.path(), &anna, "R1");
    sell(riga.path(), &anna, "R2");
    sync(riga.path());
    sync(dublin.path());
    assert_eq!(
        card(dublin.path(), &anna),
        (2, 0),
        "Riga's stamps count in Dublin"
    );

    // The third stamp, in Dublin, completes the card: the voucher is there in both shops.
    let sale = sell(dublin.path(), &anna, "D1");
    assert_eq!(sale["vouchers_issued"], 1, "{sale}");
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(card(riga.path(), &anna), (3, 1));

    // Used in Riga; Dublin hears of it before it would pay with it (the redemption fetches
    // the other tills' events first), so the coffee there needs points Anna does not have.
    let (code, out, err) = redeem(riga.path(), &anna);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"paid_with\": \"voucher\""), "{out}");
    let (code, out, err) = redeem(dublin.path(), &anna);
    assert_ne!(code, 0, "the voucher was used twice: {out}");
    assert!(err.contains("not enough points"), "{err}");
    assert_eq!(card(dublin.path(), &anna), (3, 0));

    // A full refund in Dublin of a sale made in Riga takes its stamp off everywhere; the
    // coffee already given stays given.
    run_json(dublin.path(), &["sale", "refund", "--receipt", "R1"]);
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(card(riga.path(), &anna), (2, 0));
    assert_eq!(card(dublin.path(), &anna), (2, 0));
    assert_eq!(vouchers(riga.path()), vouchers(dublin.path()));
    let events: i64 = pg
        .client()
        .query_one("SELECT COUNT(*) FROM events WHERE kind = 'voucher'", &[])
        .unwrap()
        .get(0);
    assert_eq!(events, 1, "the voucher's use travels once");
    keys_once(&pg);
    for dir in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
}

#[test]
fn a_voucher_used_in_two_shops_while_apart_is_listed_and_both_agree() {
    let (pg, riga, dublin) = two_shops();
    let anna = enrol(riga.path(), "Anna");
    for receipt in ["R1", "R2", "R3"] {
        sell(riga.path(), &anna, receipt);
    }
    sync(riga.path());
    sync(dublin.path());
    assert_eq!(card(dublin.path(), &anna), (3, 1));

    // The network goes; each shop gives Anna the coffee her card has earned.
    pg.crash();
    for dir in [&riga, &dublin] {
        let (code, out, err) = redeem(dir.path(), &anna);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("\"paid_with\": \"voucher\""), "{out}");
    }
    pg.up();
    for dir in [&riga, &dublin, &riga] {
        sync(dir.path());
    }
    // Both tills: two coffees given for the card, both used; the second is on each owner's
    // list.
    assert_eq!(vouchers(riga.path()), vouchers(dublin.path()));
    assert_eq!(card(riga.path(), &anna), (3, 0));
    for dir in [&riga, &dublin] {
        let status = run_json(dir.path(), &["sync", "status"]);
        let problems = status["problems"].as_array().unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p["detail"].as_str().unwrap().contains("stamp-card voucher")),
            "{status}"
        );
        let (_, text, _) = run(dir.path(), &["sync", "status"]);
        assert!(text.contains("stamp-card voucher"), "{text}");
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
    // The coffee given twice counts as the card's second: the next three stamps earn none,
    // the three after them one, in both shops alike.
    for receipt in ["D1", "D2", "D3"] {
        sell(dublin.path(), &anna, receipt);
    }
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(card(riga.path(), &anna), (6, 0));
    assert_eq!(card(dublin.path(), &anna), (6, 0));
    for receipt in ["D4", "D5", "D6"] {
        sell(dublin.path(), &anna, receipt);
    }
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(card(riga.path(), &anna), (9, 1));
    assert_eq!(vouchers(riga.path()), vouchers(dublin.path()));
    keys_once(&pg);
}

#[test]
fn a_birthday_given_in_one_shop_is_rewarded_once_in_the_chain() {
    let (pg, riga, dublin) = two_shops();
    for dir in [&riga, &dublin] {
        edit_config(
            dir.path(),
            "[[program.rewards]]",
            "[program.birthday]\nreward = \"cake\"\ndays = 14\n\n[[program.rewards]]",
        );
    }
    let anna = enrol(riga.path(), "Anna");
    let today = {
        let now = regulars::clock::now();
        let d = jiff::Timestamp::from_second(now)
            .unwrap()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        format!("{:02}-{:02}", d.month(), d.day())
    };
    run_json(riga.path(), &["customer", "birthday", &anna, &today]);
    sync(riga.path());
    sync(dublin.path());
    // Both shops know her birthday and give the voucher; she uses it in Dublin.
    for dir in [&riga, &dublin] {
        assert_eq!(
            run_json(dir.path(), &["reward", "occasions"])["birthday"],
            1
        );
    }
    let (code, out, err) = run(
        dublin.path(),
        &[
            "--json",
            "reward",
            "redeem",
            "--customer",
            &anna,
            "--reward",
            "cake",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"paid_with\": \"voucher\""), "{out}");
    sync(dublin.path());
    sync(riga.path());
    // Riga's is used too: the cake costs points there now.
    let c = run_json(riga.path(), &["customer", "show", &anna]);
    assert!(
        !c["rewards_available"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["pay_with"] == "voucher"),
        "{c}"
    );
    assert_eq!(vouchers(riga.path()), vouchers(dublin.path()));
    keys_once(&pg);
}

#[test]
fn imported_customers_balances_and_stamps_travel_like_enrolments() {
    let (_pg, riga, dublin) = two_shops();
    let file = riga.path().join("paper-cards.csv");
    std::fs::write(
        &file,
        "name,phone,points,stamps\nAnna,+353871234567,40,2\nBen,+353871234568,,4\n",
    )
    .unwrap();
    let out = run_json(
        riga.path(),
        &[
            "import",
            "customers",
            file.to_str().unwrap(),
            "--by",
            "Ilze",
        ],
    );
    assert_eq!(out["batch"]["created"], 2, "{out}");
    sync(riga.path());
    sync(dublin.path());
    let found = run_json(dublin.path(), &["customer", "find", "+353871234567"]);
    let anna = found["customers"][0]["code"].as_str().unwrap().to_string();
    let shown = run_json(dublin.path(), &["customer", "show", &anna]);
    assert_eq!(shown["balance"], 40, "{shown}");
    assert_eq!(shown["stamps"], 2);
    // Ben's four stamps make a voucher (three a card) in Dublin too; his fifth, earned there,
    // counts in Riga.
    let found = run_json(dublin.path(), &["customer", "find", "+353871234568"]);
    let ben = found["customers"][0]["code"].as_str().unwrap().to_string();
    assert_eq!(card(dublin.path(), &ben), (4, 1));
    sell(dublin.path(), &ben, "D1");
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(card(riga.path(), &ben), (5, 1));
    assert_eq!(vouchers(riga.path()), vouchers(dublin.path()));
    for dir in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
}
