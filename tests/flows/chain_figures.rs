//! The chain's figures per shop and together, each from the central store: a sale refunded in
//! another shop after it was sent, a person with two cards merged, rated visits and tickets.
//! Every figure is known from the story, and each is checked.

use crate::chain::{edit_config, sync, till};
use crate::common::{db, rules, run, run_json};
use crate::pg::Postgres;
use regulars::store::Store;
use std::path::Path;

fn sell(dir: &Path, amount: &str, customer: &str, receipt: &str) -> i64 {
    run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            amount,
            "--customer",
            customer,
            "--receipt",
            receipt,
        ],
    )["visit_id"]
        .as_i64()
        .unwrap()
}

fn add(dir: &Path, name: &str, phone: &str) -> String {
    run_json(dir, &["customer", "add", "--name", name, "--phone", phone])["code"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The customer rates a visit on their phone (what the visit page stores).
fn rate(dir: &Path, visit: i64, stars: i64) {
    let mut store = Store::open(&db(dir), rules()).unwrap();
    store
        .write(|t| {
            t.support()
                .rate_visit(visit, stars, "", regulars::clock::now())
        })
        .unwrap();
}

#[test]
fn the_chain_figures_count_each_shop_s_members_ratings_tickets_and_refunds() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    sync(dublin.path());

    // While apart: Riga sells to Anna (twice) and Bea; Dublin to Cian, and to Anna again,
    // whom it enrols under a second card.
    let anna = add(riga.path(), "Anna", "+371 2000 0001");
    let bea = add(riga.path(), "Bea", "+371 2000 0002");
    let v1 = sell(riga.path(), "40.00", &anna, "R1");
    sell(riga.path(), "10.00", &anna, "R2");
    let v3 = sell(riga.path(), "20.00", &bea, "R3");
    rate(riga.path(), v1, 5);
    rate(riga.path(), v3, 2);
    let cian = add(dublin.path(), "Cian", "+353 87 000 0003");
    let anna2 = add(dublin.path(), "Anna B.", "+371 2000 0001");
    let d1 = sell(dublin.path(), "25.00", &cian, "D1");
    sell(dublin.path(), "5.00", &anna2, "D2");
    rate(dublin.path(), d1, 4);
    let ticket = run_json(
        dublin.path(),
        &[
            "ticket",
            "add",
            "--customer",
            &cian,
            "--summary",
            "Wrong size",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    run_json(
        dublin.path(),
        &[
            "ticket",
            "add",
            "--customer",
            &cian,
            "--summary",
            "Receipt faded",
        ],
    );
    run_json(dublin.path(), &["ticket", "resolve", &ticket.to_string()]);
    for dir in [&riga, &dublin, &riga] {
        sync(dir.path());
    }

    // Dublin refunds a part of Riga's first sale, after Riga sent it; the two Annas are one
    // person.
    run_json(
        dublin.path(),
        &["sale", "refund", "--receipt", "R1", "--amount", "15.00"],
    );
    run_json(dublin.path(), &["customer", "merge", &anna, &anna2]);
    sync(dublin.path());
    sync(riga.path());

    let chain = run_json(riga.path(), &["stats", "--all-shops"]);
    let shop = |id: &str| {
        chain["shops"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["shop_id"] == id)
            .cloned()
            .unwrap()
    };
    let figures = |f: &serde_json::Value| -> Vec<i64> {
        [
            "visits",
            "sales",
            "refunds",
            "members",
            "returning",
            "new_members",
            "ratings",
            "stars",
            "tickets",
            "tickets_resolved",
        ]
        .iter()
        .map(|k| f[k].as_i64().unwrap_or_else(|| panic!("{k}: {f}")))
        .collect()
    };
    assert_eq!(
        figures(&shop("riga")),
        [3, 7000, 1500, 2, 1, 2, 2, 7, 1, 0],
        "Bea's two stars opened a ticket: {chain}"
    );
    assert_eq!(
        figures(&shop("dublin")),
        [2, 3000, 0, 2, 0, 1, 1, 4, 2, 1],
        "Anna's second card is not a new member: {chain}"
    );
    assert_eq!(
        figures(&chain["total"]),
        [5, 10000, 1500, 3, 1, 3, 3, 11, 3, 1],
        "Anna is one member of the chain, with three visits: {chain}"
    );
    let (_, text, _) = run(riga.path(), &["stats", "--all-shops"]);
    assert!(
        text.contains("riga: new members 2; rated visits 2, average 3.50; tickets 1"),
        "{text}"
    );
    // The same in Latvian.
    edit_config(riga.path(), "[shop]\n", "[shop]\nlanguage = \"lv\"\n");
    let (_, text, _) = run(riga.path(), &["stats", "--all-shops"]);
    assert!(text.contains("jauni dalībnieki 2"), "{text}");
    assert!(text.contains("vidēji 3,50"), "{text}");
}
