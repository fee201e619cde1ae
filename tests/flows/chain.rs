//! Many tills, one customer base: two tills of two shops syncing through a real PostgreSQL
//! server started by the test, with replays, refused keys and a dead network.

use crate::common::{check_invariants, db, run, run_json};
use crate::pg::Postgres;
use std::path::Path;

/// A till's data folder joined to the chain at `url` as `till` of `shop`.
pub(crate) fn till(url: &str, shop: &str, till: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let lines = format!("url = \"{url}\"\nshop_id = \"{shop}\"\ntill_id = \"{till}\"");
    edit_config(dir.path(), "[central]\n", &format!("[central]\n{lines}\n"));
    dir
}

/// Replaces the first `from` in the till's config.toml with `to`.
pub(crate) fn edit_config(dir: &Path, from: &str, to: &str) {
    let config = dir.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains(from), "no '{from}' in config.toml");
    std::fs::write(&config, text.replacen(from, to, 1)).unwrap();
}

/// Names the till's shop (`[shop] name`, "My Shop" in a new folder).
pub(crate) fn name_shop(dir: &Path, name: &str) {
    edit_config(dir, "name = \"My Shop\"", &format!("name = \"{name}\""));
}

/// Enrols a customer at the till; returns their card code.
pub(crate) fn enrol(dir: &Path, name: &str) -> String {
    run_json(dir, &["customer", "add", "--name", name])["code"]
        .as_str()
        .unwrap()
        .to_string()
}

pub(crate) fn balance(dir: &Path, code: &str) -> i64 {
    run_json(dir, &["customer", "show", code])["balance"]
        .as_i64()
        .unwrap()
}

pub(crate) fn sync(dir: &Path) -> serde_json::Value {
    run_json(dir, &["sync"])
}

/// A fingerprint without the `sync_state` table, whose contact note a failed attempt updates.
fn without_contact(fingerprint: &str) -> String {
    let start = fingerprint.find("[sync_state]").unwrap();
    let end = fingerprint[start + 1..]
        .find("\n[")
        .map_or(fingerprint.len(), |e| start + e + 2);
    format!("{}{}", &fingerprint[..start], &fingerprint[end..])
}

pub(crate) fn central_events(pg: &Postgres) -> i64 {
    pg.client()
        .query_one("SELECT COUNT(*) FROM events", &[])
        .unwrap()
        .get(0)
}

#[test]
fn two_shops_share_customers_points_and_history_exactly_once() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    // Syncing before the central store exists says what to do.
    let (code, _, err) = run(riga.path(), &["sync"]);
    assert_ne!(code, 0);
    assert!(err.contains("regulars central init"), "{err}");
    let init = run_json(riga.path(), &["central", "init"]);
    assert_eq!(
        (init["before"].as_i64(), init["version"].as_i64()),
        (Some(0), Some(5))
    );
    let again = run_json(riga.path(), &["central", "init"]);
    assert_eq!(
        again["before"], 5,
        "init twice is an upgrade to the same version"
    );

    // Riga enrols Anna and sells to her; Dublin finds her by card and by phone.
    let anna = run_json(
        riga.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna Bērziņa",
            "--phone",
            "+371 2000 0001",
        ],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    run_json(
        riga.path(),
        &["sale", "record", "--amount", "40.00", "--customer", &anna],
    );
    let a = balance(riga.path(), &anna);
    assert!(a > 0);
    let pushed = sync(riga.path());
    assert!(pushed["sent"].as_i64().unwrap() >= 3, "{pushed}");
    assert_eq!(pushed["to_send"], 0);
    let pulled = sync(dublin.path());
    assert!(pulled["received"].as_i64().unwrap() >= 3, "{pulled}");
    assert_eq!(
        balance(dublin.path(), &anna),
        a,
        "the whole balance at the other shop"
    );
    let found = run_json(dublin.path(), &["customer", "find", "+371 2000 0001"]);
    assert!(found.to_string().contains(&anna), "found by phone: {found}");

    // Once a till has synced, the codes it gives begin with its number in the chain: two tills
    // never give the same card, even offline.
    assert!(enrol(riga.path(), "Bea").starts_with("01"));
    assert!(enrol(dublin.path(), "Cian").starts_with("02"));

    // She buys in Dublin too; each shop then sees both sales' points.
    run_json(
        dublin.path(),
        &["sale", "record", "--amount", "25.00", "--customer", &anna],
    );
    let both = balance(dublin.path(), &anna);
    assert!(both > a);
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(balance(riga.path(), &anna), both);
    let timeline = run_json(riga.path(), &["customer", "timeline", &anna]);
    assert!(
        timeline.to_string().contains("2500"),
        "Dublin's sale in Riga's timeline: {timeline}"
    );

    // A lost acknowledgement: Riga sends everything again. Nothing is stored twice.
    let before = central_events(&pg);
    crate::common::connect(crate::common::db(riga.path()))
        .unwrap()
        .execute_batch(
            "UPDATE outbox SET sent_at = NULL, answer = NULL;
             UPDATE sync_state SET sent_through = 0;",
        )
        .unwrap();
    let replay = sync(riga.path());
    assert_eq!(replay["sent"], 0, "{replay}");
    assert!(replay["duplicates"].as_i64().unwrap() >= 3, "{replay}");
    assert_eq!(central_events(&pg), before, "a replay stored nothing new");
    sync(dublin.path());
    assert_eq!(
        balance(dublin.path(), &anna),
        both,
        "a replay doubled nothing"
    );

    // The same key with other content is refused and kept aside, never merged.
    let c = crate::common::connect(crate::common::db(riga.path())).unwrap();
    let key: String = c
        .query_row(
            "SELECT key FROM outbox WHERE kind = 'points' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute(
        "UPDATE outbox SET payload = replace(payload, '\"points\":', '\"points\":9'),
         sent_at = NULL, answer = NULL WHERE key = ?1",
        [&key],
    )
    .unwrap();
    c.execute(
        "UPDATE sync_state SET sent_through = (SELECT seq - 1 FROM outbox WHERE key = ?1)",
        [&key],
    )
    .unwrap();
    drop(c);
    let forged = sync(riga.path());
    assert_eq!(forged["rejected"], 1, "{forged}");
    let kept: i64 = pg
        .client()
        .query_one("SELECT COUNT(*) FROM rejected WHERE key = $1", &[&key])
        .unwrap()
        .get(0);
    assert_eq!(kept, 1);
    sync(dublin.path());
    assert_eq!(
        balance(dublin.path(), &anna),
        both,
        "the refused event changed nothing"
    );
    let status = run_json(riga.path(), &["sync", "status"]);
    assert_eq!(status["till"]["rejected"], 1, "{status}");
    assert_eq!(
        status["chain"]["tills"].as_array().unwrap().len(),
        2,
        "{status}"
    );

    // Each till's own figures count the members it enrolled; the chain's, everyone's.
    assert_eq!(
        run_json(dublin.path(), &["stats"])["customers"],
        1,
        "Cian only"
    );
    assert_eq!(
        run_json(riga.path(), &["stats"])["customers"],
        2,
        "Anna and Bea"
    );

    // The owner reads the chain's figures, per shop and together.
    let chain = run_json(dublin.path(), &["stats", "--all-shops"]);
    let shops = chain["shops"].as_array().unwrap();
    let shop = |id: &str, what: &str| {
        shops.iter().find(|s| s["shop_id"] == id).unwrap()[what]
            .as_i64()
            .unwrap()
    };
    assert_eq!((shop("riga", "visits"), shop("riga", "sales")), (1, 4000));
    assert_eq!(
        (shop("dublin", "visits"), shop("dublin", "sales")),
        (1, 2500)
    );
    assert_eq!(chain["total"]["visits"], 2, "{chain}");
    assert_eq!(
        chain["total"]["points_earned"].as_i64().unwrap(),
        both,
        "each sale's points once, the refused event not at all"
    );
    let (_, text, _) = run(riga.path(), &["stats", "--all-shops"]);
    assert!(
        text.contains("riga: visits 1") && text.contains("All shops"),
        "{text}"
    );

    for dir in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
}

#[test]
fn a_dead_network_or_a_crashed_server_loses_and_doubles_nothing() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna");
    sync(riga.path());
    sync(dublin.path());

    // The server goes down. Sales go on at both tills, committed locally with their outbox.
    pg.crash();
    let earned = |dir: &Path, amount: &str| {
        run_json(
            dir,
            &["sale", "record", "--amount", amount, "--customer", &anna],
        )["points_earned"]
            .as_i64()
            .unwrap()
    };
    let expected = earned(riga.path(), "10.00") + earned(dublin.path(), "30.00");
    let (code, _, err) = run(riga.path(), &["sync"]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot reach the central store"), "{err}");
    assert!(!err.contains("password"), "{err}");
    let status = run_json(riga.path(), &["sync", "status"]);
    assert!(status["till"]["offline_since"].is_i64(), "{status}");
    assert!(status["till"]["to_send"].as_i64().unwrap() >= 2, "{status}");
    assert!(status["chain"].is_null(), "{status}");
    let (_, text, _) = run(riga.path(), &["sync", "status"]);
    assert!(text.contains("Offline since"), "{text}");

    // Back up: both tills converge on the same balance, each sale counted once.
    pg.up();
    sync(riga.path());
    sync(dublin.path());
    sync(riga.path());
    let r = balance(riga.path(), &anna);
    assert_eq!(r, balance(dublin.path(), &anna));
    assert_eq!(r, expected, "each sale's points once");
    let status = run_json(riga.path(), &["sync", "status"]);
    assert!(status["till"]["offline_since"].is_null(), "{status}");
    for dir in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
}

#[test]
fn a_newer_central_schema_is_refused_untouched() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    pg.client()
        .execute("UPDATE regulars_schema SET version = 99", &[])
        .unwrap();
    let (code, _, err) = run(riga.path(), &["central", "init"]);
    assert_ne!(code, 0);
    assert!(err.contains("newer"), "{err}");
    let (code, _, err) = run(riga.path(), &["sync"]);
    assert_ne!(code, 0);
    assert!(err.contains("newer"), "{err}");
    // In the shop's language, like every refusal.
    edit_config(riga.path(), "# language = \"en\"", "language = \"lv\"");
    let (code, _, err) = run(riga.path(), &["sync"]);
    assert_eq!(code, 1);
    assert!(err.contains("jaunāka nekā šī Regulars zina"), "{err}");
    let v: i32 = pg
        .client()
        .query_one("SELECT version FROM regulars_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(v, 99);
}

#[test]
fn redeeming_the_same_points_in_two_shops_at_once_never_overspends() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    edit_config(
        riga.path(),
        "[central]\n",
        "[central]\noffline_redeem_allowance = 50\n",
    );
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna");
    let earned = run_json(
        riga.path(),
        &["sale", "record", "--amount", "170.00", "--customer", &anna],
    )["points_earned"]
        .as_i64()
        .unwrap();
    assert!((160..230).contains(&earned), "{earned}");
    sync(riga.path());
    sync(dublin.path());
    assert_eq!(balance(dublin.path(), &anna), earned);

    // Both shops redeem a 60-point cake twice over at the same moment: the points are there
    // for only two of the four.
    let attempts: Vec<_> = [riga.path(), dublin.path(), riga.path(), dublin.path()]
        .into_iter()
        .map(|dir| {
            let (dir, anna) = (dir.to_path_buf(), anna.clone());
            std::thread::spawn(move || {
                run(
                    &dir,
                    &[
                        "--json",
                        "reward",
                        "redeem",
                        "--customer",
                        &anna,
                        "--reward",
                        "cake",
                    ],
                )
            })
        })
        .collect();
    let results: Vec<_> = attempts.into_iter().map(|t| t.join().unwrap()).collect();
    let won = results.iter().filter(|r| r.0 == 0).count();
    assert_eq!(won, (earned / 60) as usize, "{results:?}");
    for (code, out, err) in &results {
        if *code == 0 {
            assert!(out.contains("\"via\": \"central\""), "{out}");
        } else {
            assert!(err.contains("not enough points"), "{err}");
        }
    }
    let left = earned - 60 * won as i64;
    sync(riga.path());
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(balance(riga.path(), &anna), left);
    assert_eq!(balance(dublin.path(), &anna), left);
    let central: i64 = pg
        .client()
        .query_one("SELECT points FROM balances", &[])
        .unwrap()
        .get(0);
    assert_eq!(central, left, "the central store counted each spend once");

    // Offline, Riga may redeem from its allowance (50 a day) and no further.
    pg.crash();
    let coffee = || {
        let args = [
            "reward",
            "redeem",
            "--customer",
            &anna,
            "--reward",
            "coffee",
        ];
        run(riga.path(), &args)
    };
    let (code, out, err) = coffee();
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("allowance"), "{out}");
    let before = crate::common::fingerprint(&db(riga.path()));
    let (code, _, err) = coffee();
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("needs the connection"), "{err}");
    assert!(err.contains("10 more"), "{err}");
    // Only the contact note changes: no points, no redemption.
    let after = crate::common::fingerprint(&db(riga.path()));
    assert_eq!(
        without_contact(&before),
        without_contact(&after),
        "a refused offline redemption changed the database"
    );
    pg.up();
    sync(riga.path());
    sync(dublin.path());
    assert_eq!(balance(dublin.path(), &anna), left - 40);

    // The central store granted a redemption this till never recorded (it crashed between the
    // two): the next sync gives the points back.
    let gid: String = crate::common::connect(crate::common::db(riga.path()))
        .unwrap()
        .query_row(
            "SELECT gid FROM customers WHERE code = ?1",
            [anna.replace('-', "")],
            |r| r.get(0),
        )
        .unwrap();
    let mut c = regulars::central::Central::connect(&pg.url()).unwrap();
    let chain_balance = c.balance(&gid).unwrap();
    assert_eq!(chain_balance, left - 40);
    let hold = c.redeem("left-behind", &gid, 5, "riga-1").unwrap();
    assert!(matches!(hold, regulars::central::Hold::Granted { .. }));
    assert_eq!(c.balance(&gid).unwrap(), chain_balance - 5);
    crate::common::connect(crate::common::db(riga.path()))
        .unwrap()
        .execute(
            "INSERT INTO holds_pending (key, at) VALUES ('left-behind', 0)",
            [],
        )
        .unwrap();
    sync(riga.path());
    assert_eq!(
        c.balance(&gid).unwrap(),
        chain_balance,
        "the points are back"
    );
    let pending: i64 = crate::common::connect(crate::common::db(riga.path()))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM holds_pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        pending, 0,
        "and no redemption waits: the ones recorded settled their hold"
    );
    for dir in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(dir.path())).unwrap());
    }
}
