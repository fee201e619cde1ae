//! The checks in a chain, through a real PostgreSQL server: each shop's alerts are its own (no
//! other till takes them in), and the chain's view lists every shop's, acknowledged ones with
//! their note once the shop's till has synced.

use crate::chain::{enrol, sync, till};
use crate::common::{run, run_json};
use crate::pg::Postgres;

#[test]
fn each_shop_keeps_its_alerts_and_the_chain_view_lists_them_all() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    for shop in [&riga, &dublin] {
        crate::alerts::day_and_night(shop.path());
    }
    // Riga: a card used seven times in a day. Dublin: a cashier's own card.
    let anna = enrol(riga.path(), "Anna Bērziņa");
    for _ in 0..7 {
        run_json(
            riga.path(),
            &["sale", "record", "--amount", "3.00", "--customer", &anna],
        );
    }
    let cara = enrol(dublin.path(), "Cara Byrne");
    run_json(
        dublin.path(),
        &[
            "staff", "add", "--name", "Cara", "--role", "cashier", "--pin", "4321", "--card", &cara,
        ],
    );
    run_json(
        dublin.path(),
        &[
            "sale",
            "record",
            "--amount",
            "9.00",
            "--customer",
            &cara,
            "--by",
            "Cara",
        ],
    );
    for shop in [&riga, &dublin, &riga] {
        sync(shop.path());
    }
    // Each till has only its own.
    let own = |dir: &std::path::Path| -> Vec<String> {
        run_json(dir, &["alerts"])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kind"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(own(riga.path()), ["busy_card"]);
    assert_eq!(own(dublin.path()), ["own_card"]);
    // The chain's view lists both, by shop.
    let chain = run_json(riga.path(), &["alerts", "--chain"]);
    let list = chain.as_array().unwrap();
    let mut seen: Vec<(String, String)> = list
        .iter()
        .map(|a| {
            (
                a["shop_id"].as_str().unwrap().into(),
                a["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("dublin".to_string(), "own_card".to_string()),
            ("riga".to_string(), "busy_card".to_string())
        ]
    );
    let (_, text, _) = run(riga.path(), &["alerts", "--chain"]);
    assert!(
        text.contains("dublin (dublin-1)") && text.contains("Cara earned 9 points"),
        "{text}"
    );
    // Dublin's owner acknowledges; once Dublin syncs, the chain's view has the note.
    let id = run_json(dublin.path(), &["alerts"])[0]["id"].to_string();
    run_json(
        dublin.path(),
        &["alerts", "ack", &id, "--note", "Her own lunch"],
    );
    sync(dublin.path());
    let open = run_json(riga.path(), &["alerts", "--chain"]);
    assert_eq!(open.as_array().unwrap().len(), 1, "{open}");
    let all = run_json(riga.path(), &["alerts", "--chain", "--all"]);
    let acked = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["shop_id"] == "dublin")
        .unwrap()
        .clone();
    assert_eq!(acked["note"], "Her own lunch");
    assert_eq!(acked["acked_by"], "owner");
    // Nothing of another shop's alerts came into a till's own database.
    let conn = rusqlite::Connection::open(riga.path().join("regulars.db")).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM alerts WHERE origin IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}
