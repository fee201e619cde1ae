//! Who is who across a chain: one person enrolled offline in two shops (found at sync, put on
//! the merge list, merged without losing or doubling a point, at every till and in the central
//! store), a refund in another shop than the sale's, and two databases calling themselves the
//! same till.

use crate::chain::{balance, central_events, edit_config, enrol, sync, till};
use crate::common::{check_invariants, db, fingerprint, run, run_json};
use crate::pg::Postgres;
use std::path::Path;

/// A customer's global id at a till, by card code as printed.
fn gid(dir: &Path, code: &str) -> String {
    crate::common::connect(crate::common::db(dir))
        .unwrap()
        .query_row(
            "SELECT gid FROM customers WHERE code = ?1",
            [code.replace('-', "")],
            |r| r.get(0),
        )
        .unwrap()
}

/// The customer's points as the central store counts them (merged cards under one of
/// them), with plain SQL.
fn central_balance(pg: &Postgres, gid: &str) -> i64 {
    pg.client()
        .query_opt(
            "SELECT points FROM balances
             WHERE customer = COALESCE((SELECT kept FROM merges WHERE gone = $1), $1)",
            &[&gid],
        )
        .unwrap()
        .map_or(0, |r| r.get(0))
}

fn enrol_with_phone(dir: &Path, name: &str, phone: &str) -> String {
    run_json(dir, &["customer", "add", "--name", name, "--phone", phone])["code"]
        .as_str()
        .unwrap()
        .to_string()
}

fn sell(dir: &Path, amount: &str, customer: &str, receipt: Option<&str>) {
    let mut args = vec!["sale", "record", "--amount", amount, "--customer", customer];
    if let Some(r) = receipt {
        args.extend(["--receipt", r]);
    }
    run_json(dir, &args);
}

/// A central store and two shops' tills that have joined it: Riga's and Dublin's.
fn two_shops() -> (Postgres, tempfile::TempDir, tempfile::TempDir) {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    sync(dublin.path());
    (pg, riga, dublin)
}

/// Every key appears once in the central store.
pub(crate) fn keys_once(pg: &Postgres) {
    let twice: i64 = pg
        .client()
        .query_one(
            "SELECT COUNT(*) FROM (SELECT key FROM events GROUP BY key HAVING COUNT(*) > 1) d",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(twice, 0, "a key stored twice");
}

#[test]
fn one_person_enrolled_offline_in_two_shops_is_merged_without_loss() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let riga2 = till(&pg.url(), "riga", "riga-2");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    for t in [&riga, &riga2, &dublin] {
        sync(t.path());
    }
    // The network is down between the shops: Anna enrols in both with the same phone.
    let phone = "+371 2000 0042";
    let in_riga = enrol_with_phone(riga.path(), "Anna Bērziņa", phone);
    sell(riga.path(), "40.00", &in_riga, None);
    // (Later, by Dublin's clock: the card enrolled first is the one that stays.)
    let (exit, out, err) = crate::common::run_later(
        dublin.path(),
        2,
        &[
            "--json", "customer", "add", "--name", "Anna B.", "--phone", phone,
        ],
    );
    assert_eq!(exit, 0, "{err}");
    let in_dublin = serde_json::from_str::<serde_json::Value>(&out).unwrap()["code"]
        .as_str()
        .unwrap()
        .to_string();
    sell(dublin.path(), "25.00", &in_dublin, None);
    let (from_riga, from_dublin) = (
        balance(riga.path(), &in_riga),
        balance(dublin.path(), &in_dublin),
    );
    assert!(from_riga > 0 && from_dublin > 0);
    // Back online: both cards arrive everywhere, and the pair is on the owner's merge list.
    sync(riga.path());
    sync(dublin.path());
    sync(riga.path());
    sync(riga2.path());
    for t in [&riga, &dublin] {
        let list = run_json(t.path(), &["customer", "duplicates"]);
        let pairs = list["duplicates"].as_array().unwrap();
        assert_eq!(pairs.len(), 1, "{list}");
        let pair = [
            pairs[0]["a"].as_str().unwrap(),
            pairs[0]["b"].as_str().unwrap(),
        ];
        assert!(
            pair.contains(&in_riga.as_str()) && pair.contains(&in_dublin.as_str()),
            "{list}"
        );
        assert_eq!(pairs[0]["what"], "phone");
        let (_, text, _) = run(t.path(), &["customer", "duplicates"]);
        assert!(text.contains("regulars customer merge"), "{text}");
    }
    // Riga's second till, offline again, sells to the Dublin card before it hears of a merge.
    sell(riga2.path(), "10.00", &in_dublin, None);
    let late = balance(riga2.path(), &in_dublin) - from_dublin;
    assert!(late > 0);

    // Dublin's owner merges the two cards: the Dublin card goes into the Riga one, enrolled
    // first, whichever is named first.
    let merged = run_json(dublin.path(), &["customer", "merge", &in_dublin, &in_riga]);
    assert_eq!(merged["kept"], in_riga.as_str(), "{merged}");
    assert_eq!(merged["visits_moved"], 1, "{merged}");
    let total = from_riga + from_dublin;
    assert_eq!(merged["balance"], total, "{merged}");
    let shown = run_json(dublin.path(), &["customer", "show", &in_dublin]);
    assert_eq!(
        shown["code"],
        in_riga.as_str(),
        "the old card finds the kept customer"
    );
    let found = run_json(dublin.path(), &["customer", "find", phone]);
    assert!(
        found.to_string().contains(&in_riga),
        "the phone moved with the merge: {found}"
    );
    // Merging again, or a card with itself, is refused and changes nothing.
    let (code, _, err) = run(dublin.path(), &["customer", "merge", &in_riga, &in_dublin]);
    assert_ne!(code, 0);
    assert!(err.contains("already one customer"), "{err}");

    // The merge reaches the other tills and the central store; the late sale lands on the
    // kept customer too.
    for t in [&dublin, &riga, &riga2, &dublin, &riga] {
        sync(t.path());
    }
    let everything = total + late;
    for t in [&riga, &riga2, &dublin] {
        assert_eq!(balance(t.path(), &in_riga), everything);
        assert_eq!(
            balance(t.path(), &in_dublin),
            everything,
            "the old card is the same customer"
        );
        let list = run_json(t.path(), &["customer", "duplicates"]);
        assert_eq!(list["duplicates"].as_array().unwrap().len(), 0, "{list}");
        let timeline = run_json(t.path(), &["customer", "timeline", &in_riga]);
        for amount in ["4000", "2500", "1000"] {
            assert!(
                timeline.to_string().contains(amount),
                "{amount} in {timeline}"
            );
        }
        check_invariants(&crate::common::connect(crate::common::db(t.path())).unwrap());
    }
    let kept = gid(riga.path(), &in_riga);
    assert_eq!(
        central_balance(&pg, &kept),
        everything,
        "the central ledger agrees"
    );
    assert_eq!(
        central_balance(&pg, &gid(dublin.path(), &in_dublin)),
        everything,
        "either card: one customer"
    );
    let counted: i64 = pg
        .client()
        .query_one("SELECT COALESCE(SUM(points), 0)::BIGINT FROM balances", &[])
        .unwrap()
        .get(0);
    assert_eq!(counted, everything, "counted once");
    keys_once(&pg);

    // The merged points are there to redeem in either shop, through the central store.
    // (Riga's own card had 40 points: a cake needs 60.)
    let points = run_json(
        riga.path(),
        &[
            "reward",
            "redeem",
            "--customer",
            &in_dublin,
            "--reward",
            "cake",
        ],
    );
    assert_eq!(points["via"], "central", "{points}");
    sync(dublin.path());
    let after = balance(riga.path(), &in_riga);
    assert!(after < everything);
    assert_eq!(balance(dublin.path(), &in_riga), after);
    assert_eq!(central_balance(&pg, &kept), after);
}

#[test]
fn a_sale_is_refunded_in_another_shop_by_its_receipt_number() {
    let (pg, riga, dublin) = two_shops();
    let anna = enrol(riga.path(), "Anna");
    // A sale the till numbered, and a counter sale ("V<n>" on its receipt).
    sell(riga.path(), "40.00", &anna, Some("R-100"));
    sell(riga.path(), "20.00", &anna, None);
    // Dublin has a counter sale with the same "V" number as Riga's.
    let cian = enrol(dublin.path(), "Cian");
    sell(dublin.path(), "5.00", &cian, None);
    sell(dublin.path(), "6.00", &cian, None);
    sync(riga.path());
    sync(dublin.path());
    let before = balance(dublin.path(), &anna);

    // In Dublin, Anna brings back what she bought in Riga.
    let refund = run_json(dublin.path(), &["sale", "refund", "--receipt", "R-100"]);
    assert_eq!(refund["amount"], 4000, "{refund}");
    let reversed = refund["points_reversed"].as_i64().unwrap();
    assert!(reversed > 0, "{refund}");
    assert_eq!(balance(dublin.path(), &anna), before - reversed);
    // "V2" is on a Riga receipt and a Dublin one: the cashier is asked which, nothing changes.
    let riga_v: String = crate::common::connect(crate::common::db(riga.path()))
        .unwrap()
        .query_row(
            "SELECT 'V' || id FROM visits WHERE amount = 2000",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let prints = fingerprint(&db(dublin.path()));
    let (code, _, err) = run(dublin.path(), &["sale", "refund", "--receipt", &riga_v]);
    assert_ne!(code, 0);
    assert!(
        err.contains(&format!("riga-1/{riga_v}")) && err.contains(&format!("dublin-1/{riga_v}")),
        "{err}"
    );
    assert_eq!(
        fingerprint(&db(dublin.path())),
        prints,
        "an unclear number changes nothing"
    );
    edit_config(dublin.path(), "# language = \"en\"", "language = \"lv\"");
    let (_, _, lv) = run(dublin.path(), &["sale", "refund", "--receipt", &riga_v]);
    assert!(lv.contains("vairāku kasu"), "in the shop's language: {lv}");
    edit_config(dublin.path(), "language = \"lv\"", "# language = \"en\"");
    let second = run_json(
        dublin.path(),
        &[
            "sale",
            "refund",
            "--receipt",
            &format!("riga-1/{riga_v}"),
            "--amount",
            "5.00",
        ],
    );
    assert_eq!(second["amount"], 500, "{second}");

    // Riga hears of both refunds: the same points, its own figures count them.
    sync(dublin.path());
    sync(riga.path());
    let now = balance(dublin.path(), &anna);
    assert_eq!(balance(riga.path(), &anna), now);
    assert_eq!(
        central_balance(&pg, &gid(riga.path(), &anna)),
        now,
        "the central ledger agrees"
    );
    let stats = run_json(riga.path(), &["stats"]);
    assert_eq!(stats["refunds_total"], 4500, "{stats}");
    // Refunded in Dublin is refunded in Riga: the same receipt cannot be paid back twice.
    let (code, _, err) = run(riga.path(), &["sale", "refund", "--receipt", "R-100"]);
    assert_ne!(code, 0);
    assert!(err.contains("already been refunded in full"), "{err}");
    keys_once(&pg);
    for t in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(t.path())).unwrap());
    }
}

#[test]
fn two_databases_calling_themselves_the_same_till_are_refused() {
    let pg = Postgres::start();
    let first = till(&pg.url(), "riga", "riga-1");
    run_json(first.path(), &["central", "init"]);
    enrol(first.path(), "Anna");
    sync(first.path());
    // A second computer set up with a copy of the first one's config.toml.
    let second = till(&pg.url(), "riga", "riga-1");
    let bea = enrol(second.path(), "Bea");
    let events = central_events(&pg);
    let (code, _, err) = run(second.path(), &["sync"]);
    assert_ne!(code, 0);
    assert!(err.contains("already syncs as till 'riga-1'"), "{err}");
    assert!(err.contains("till_id"), "says what to change: {err}");
    assert_eq!(
        central_events(&pg),
        events,
        "nothing of the second database was stored"
    );
    // It keeps selling, and nothing it holds is lost: with its own till id it syncs.
    sell(second.path(), "12.00", &bea, None);
    let status = run_json(second.path(), &["sync", "status"]);
    assert!(status["till"]["to_send"].as_i64().unwrap() >= 3, "{status}");
    let config = second.path().join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("till_id = \"riga-1\"", "till_id = \"riga-2\""),
    )
    .unwrap();
    let (code, _, err) = run(second.path(), &["sync"]);
    assert_ne!(code, 0, "its database is till riga-1's: it says so");
    assert!(err.contains("own data folder"), "{err}");
    // The first till is not disturbed.
    assert_eq!(sync(first.path())["to_send"], 0);
    let _ = crate::common::connect(crate::common::db(second.path()));
}

/// The tickets a till lists, with plain fields: (id, summary, status).
fn tickets(dir: &Path) -> Vec<(i64, String, String)> {
    run_json(dir, &["ticket", "list", "--status", "all"])["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_i64().unwrap(),
                t["summary"].as_str().unwrap().to_string(),
                t["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn ratings_tickets_and_notes_follow_the_customer_to_every_shop() {
    let (pg, riga, dublin) = two_shops();
    let anna = enrol(riga.path(), "Anna");
    sell(riga.path(), "18.00", &anna, Some("R-7"));
    // She rates the visit from her receipt's page (two stars opens a follow-up ticket), a
    // cashier notes her taste, and she phones about her card.
    let visit = {
        let mut store =
            regulars::store::Store::open(&db(riga.path()), crate::common::rules()).unwrap();
        let id = store
            .read(|t| t.counter().visit_id_for_receipt("R-7"))
            .unwrap();
        let now = regulars::clock::now();
        store
            .write(|t| t.support().rate_visit(id, 2, "The queue was long", now))
            .unwrap();
        id
    };
    assert!(visit > 0);
    run_json(
        riga.path(),
        &[
            "customer",
            "note",
            &anna,
            "Prefers oat milk",
            "--by",
            "Ilze",
        ],
    );
    run_json(
        riga.path(),
        &[
            "ticket",
            "add",
            "--customer",
            &anna,
            "--summary",
            "Card does not scan",
            "--by",
            "Ilze",
        ],
    );
    sync(riga.path());
    sync(dublin.path());

    // In Dublin her timeline is whole, and the shop's tickets are there to work on.
    let timeline = run_json(dublin.path(), &["customer", "timeline", &anna]).to_string();
    for text in [
        "Prefers oat milk",
        "The queue was long",
        "Card does not scan",
    ] {
        assert!(
            timeline.contains(text),
            "{text} in Dublin's timeline: {timeline}"
        );
    }
    let in_dublin = tickets(dublin.path());
    assert_eq!(in_dublin.len(), 2, "{in_dublin:?}");
    let card = in_dublin
        .iter()
        .find(|t| t.1 == "Card does not scan")
        .unwrap();
    // A ticket about the Riga receipt can be opened in Dublin by its number.
    run_json(
        dublin.path(),
        &[
            "ticket",
            "add",
            "--receipt",
            "R-7",
            "--summary",
            "Milk was cold",
            "--channel",
            "counter",
        ],
    );
    run_json(
        dublin.path(),
        &[
            "ticket",
            "resolve",
            &card.0.to_string(),
            "--note",
            "New card issued",
            "--by",
            "Seán",
        ],
    );
    sync(dublin.path());
    sync(riga.path());

    // Riga sees Dublin's work on its ticket, and Dublin's new one.
    let in_riga = tickets(riga.path());
    assert_eq!(in_riga.len(), 3, "{in_riga:?}");
    let resolved = in_riga
        .iter()
        .find(|t| t.1 == "Card does not scan")
        .unwrap();
    assert_eq!(resolved.2, "resolved");
    let shown = run_json(riga.path(), &["ticket", "show", &resolved.0.to_string()]).to_string();
    assert!(
        shown.contains("New card issued") && shown.contains("Seán"),
        "{shown}"
    );
    let milk = run_json(riga.path(), &["customer", "timeline", &anna]).to_string();
    assert!(milk.contains("Milk was cold"), "{milk}");
    // Each till's figures count the tickets opened and the visits rated there.
    let figures = |dir: &Path| run_json(dir, &["stats"])["figures"].clone();
    let (r, d) = (figures(riga.path()), figures(dublin.path()));
    assert_eq!(
        (r["tickets_opened"].as_i64(), d["tickets_opened"].as_i64()),
        (Some(2), Some(1))
    );
    assert_eq!(r["ratings"][1], 1, "{r}");
    assert_eq!(
        d["ratings"][1], 0,
        "Riga's visit is rated in Riga's figures: {d}"
    );

    // Erased in Dublin is erased in Riga, with the words of her notes, ratings and tickets;
    // a change Riga made to her before it heard (her language, from her page) brings nothing
    // back in Dublin.
    run_json(dublin.path(), &["customer", "erase", &anna, "--yes"]);
    {
        let mut store =
            regulars::store::Store::open(&db(riga.path()), crate::common::rules()).unwrap();
        store
            .write(|t| t.people().set_customer_language(&anna, Some("lv")))
            .unwrap();
    }
    sync(dublin.path());
    sync(riga.path());
    sync(dublin.path());
    let name: Option<String> = crate::common::connect(crate::common::db(dublin.path()))
        .unwrap()
        .query_row(
            "SELECT name FROM customers WHERE code = ?1",
            [anna.replace('-', "")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, None, "the erasure stands in Dublin");
    let after = run_json(riga.path(), &["customer", "timeline", &anna]).to_string();
    for text in [
        "Prefers oat milk",
        "The queue was long",
        "Card does not scan",
        "Anna",
    ] {
        assert!(
            !after.contains(text),
            "{text} left in Riga after the erasure: {after}"
        );
    }
    keys_once(&pg);
    for t in [&riga, &dublin] {
        check_invariants(&crate::common::connect(crate::common::db(t.path())).unwrap());
    }
}
