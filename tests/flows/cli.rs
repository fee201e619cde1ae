//! The command line's contract (DESIGN.md): JSON fields, idempotency, exit codes, and bad input
//! that is refused with a message and leaves the database exactly as it was.

use crate::common::{db, fingerprint, run, run_json};
use std::path::Path;

/// A data folder with one customer who has made one sale; returns (dir, code, referral code).
fn shop() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna Byrne",
            "--phone",
            "087 123 4567",
        ],
    );
    let code = c["code"].as_str().unwrap().to_string();
    let referral = c["referral_code"].as_str().unwrap().to_string();
    assert_eq!(c["balance"], 0);
    run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "12.50",
            "--customer",
            &code,
            "--receipt",
            "T-1",
        ],
    );
    (dir, code, referral)
}

/// Runs a command that must be refused with `exit` and a message containing `says`,
/// and checks that the database did not change.
fn refused(dir: &Path, args: &[&str], exit: i32, says: &str) {
    let before = fingerprint(&db(dir));
    let (code, out, err) = run(dir, args);
    assert_eq!(code, exit, "regulars {args:?}: stdout {out} stderr {err}");
    assert!(
        err.to_lowercase().contains(&says.to_lowercase()),
        "regulars {args:?}: expected '{says}' in: {err}"
    );
    assert_eq!(
        before,
        fingerprint(&db(dir)),
        "regulars {args:?} changed the database"
    );
}

#[test]
fn sale_json_contract_and_idempotent_receipt() {
    let (dir, code, _) = shop();
    let first = run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "7.99",
            "--customer",
            &code,
            "--receipt",
            "T-2",
        ],
    );
    for field in [
        "visit_id",
        "points_earned",
        "balance",
        "receipt_url",
        "duplicate",
    ] {
        assert!(
            first.get(field).is_some(),
            "sale record JSON lacks {field}: {first}"
        );
    }
    assert_eq!(first["points_earned"], 7);
    assert_eq!(first["balance"], 19);
    assert_eq!(first["duplicate"], false);
    let url = first["receipt_url"].as_str().unwrap();
    // A new shop's receipts carry this computer's address on its network, never localhost.
    assert!(
        url.starts_with("HTTP://") && url.contains(":8080/R/") && !url.contains("LOCALHOST"),
        "{url}"
    );
    let before = fingerprint(&db(dir.path()));
    let again = run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "7.99",
            "--customer",
            &code,
            "--receipt",
            "T-2",
        ],
    );
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["visit_id"], first["visit_id"]);
    assert_eq!(again["points_earned"], first["points_earned"]);
    assert_eq!(again["balance"], 19);
    assert_eq!(again["receipt_url"], first["receipt_url"]);
    assert_eq!(
        before,
        fingerprint(&db(dir.path())),
        "a repeated receipt changed the database"
    );
    let show = run_json(dir.path(), &["customer", "show", &code]);
    assert_eq!(show["balance"], 19);
    assert_eq!(show["visits"], 2);
}

#[test]
fn bad_amounts_are_refused_and_change_nothing() {
    let (dir, code, _) = shop();
    let d = dir.path();
    refused(
        d,
        &["sale", "record", "--amount", "-5", "--customer", &code],
        2,
        "negative",
    );
    refused(
        d,
        &["sale", "record", "--amount", "0", "--customer", &code],
        2,
        "zero",
    );
    refused(
        d,
        &["sale", "record", "--amount", "1.234"],
        2,
        "more decimals than EUR",
    );
    refused(
        d,
        &["sale", "record", "--amount", "99999999999999999999"],
        2,
        "larger than",
    );
    refused(
        d,
        &["sale", "record", "--amount", "ten"],
        2,
        "not an amount",
    );
    refused(
        d,
        &["sale", "refund", "--receipt", "T-1", "--amount", "-1"],
        2,
        "negative",
    );
}

#[test]
fn unknown_and_mistyped_codes() {
    let (dir, code, _) = shop();
    let d = dir.path();
    // One character changed: the check character catches it.
    let mut typo: Vec<char> = code.chars().collect();
    typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    refused(
        d,
        &["sale", "record", "--amount", "3", "--customer", &typo],
        2,
        "typo",
    );
    refused(d, &["customer", "show", "hello"], 2, "not a customer code");
    // A well-formed code that nobody has.
    let nobody = regulars::domain::code::CustomerCode::from_random(1).to_string();
    refused(
        d,
        &["sale", "record", "--amount", "3", "--customer", &nobody],
        2,
        "no customer has",
    );
    refused(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Bo",
            "--referred-by",
            "REF-0000000",
        ],
        2,
        "no customer has the referral code",
    );
}

#[test]
fn duplicate_phone_is_refused_in_any_form() {
    let (dir, _, _) = shop();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\ncountry_code = \"+353\"\n",
    )
    .unwrap();
    let d = dir.path();
    run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Cara",
            "--phone",
            "+353 86 111 2222",
        ],
    );
    refused(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Cara B",
            "--phone",
            "086-111-2222",
        ],
        2,
        "already enrolled",
    );
    refused(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Cara C",
            "--phone",
            "00353861112222",
        ],
        2,
        "already enrolled",
    );
    refused(
        d,
        &["customer", "add", "--name", "", "--phone", "0861234567"],
        2,
        "name is needed",
    );
    refused(
        d,
        &["customer", "add", "--name", "X", "--phone", "call me"],
        2,
        "not a phone number",
    );
    refused(
        d,
        &["customer", "add", "--name", "X", "--email", "nope"],
        2,
        "not an email",
    );
}

#[test]
fn rewards_points_and_refunds_refused_with_reasons() {
    let (dir, code, _) = shop();
    let d = dir.path();
    refused(
        d,
        &["reward", "redeem", "--customer", &code, "--reward", "yacht"],
        2,
        "no reward 'yacht'",
    );
    refused(
        d,
        &["reward", "redeem", "--customer", &code, "--reward", "beans"],
        2,
        "not enough points",
    );
    refused(
        d,
        &["sale", "refund", "--receipt", "T-404"],
        2,
        "no sale has the receipt number",
    );
    refused(
        d,
        &["sale", "refund", "--receipt", "T-1", "--amount", "12.51"],
        2,
        "more than is left",
    );
    refused(
        d,
        &[
            "points",
            "adjust",
            "--customer",
            &code,
            "--points",
            "-13",
            "--reason",
            "x",
            "--by",
            "owner",
        ],
        2,
        "not enough points",
    );
    refused(
        d,
        &[
            "points",
            "adjust",
            "--customer",
            &code,
            "--points",
            "5",
            "--reason",
            " ",
            "--by",
            "owner",
        ],
        2,
        "reason",
    );
    refused(d, &["customer", "erase", &code], 2, "--yes");
    refused(d, &["stats", "--from", "yesterday"], 2, "not a date");
    // Bad usage from clap itself is exit 2 too.
    let (code_exit, _, _) = run(d, &["sale", "record"]);
    assert_eq!(code_exit, 2);
}

#[test]
fn refund_then_redeem_flow() {
    let (dir, code, _) = shop();
    let d = dir.path();
    let r = run_json(
        d,
        &["sale", "refund", "--receipt", "T-1", "--amount", "5.00"],
    );
    assert_eq!(r["points_due"], 4); // 12 points × 5.00 / 12.50, rounded down
    assert_eq!(r["points_reversed"], 4);
    assert_eq!(r["balance"], 8);
    let r = run_json(d, &["sale", "refund", "--receipt", "T-1"]);
    assert_eq!(r["points_reversed"], 8); // the rest of the 12
    assert_eq!(r["fully_refunded"], true);
    refused(
        d,
        &["sale", "refund", "--receipt", "T-1"],
        2,
        "already been refunded",
    );
    let a = run_json(
        d,
        &[
            "points",
            "adjust",
            "--customer",
            &code,
            "--points",
            "45",
            "--reason",
            "goodwill",
            "--by",
            "owner",
            "--key",
            "k1",
        ],
    );
    assert_eq!(a["balance"], 45);
    let again = run_json(
        d,
        &[
            "points",
            "adjust",
            "--customer",
            &code,
            "--points",
            "45",
            "--reason",
            "goodwill",
            "--by",
            "owner",
            "--key",
            "k1",
        ],
    );
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["balance"], 45);
    let red = run_json(
        d,
        &[
            "reward",
            "redeem",
            "--customer",
            &code,
            "--reward",
            "coffee",
        ],
    );
    assert_eq!(red["paid_with"], "points");
    assert_eq!(red["balance"], 5);
}

#[test]
fn referral_pays_both_after_first_qualifying_purchase() {
    let (dir, anna, anna_ref) = shop();
    let d = dir.path();
    let bob = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Bob",
            "--phone",
            "0869999999",
            "--referred-by",
            &anna_ref,
        ],
    );
    assert_eq!(bob["referral"]["status"], "pending");
    let bob_code = bob["code"].as_str().unwrap();
    // Below the minimum spend (2.00): not a qualifying visit, no bonus yet.
    let s = run_json(
        d,
        &["sale", "record", "--amount", "1.50", "--customer", bob_code],
    );
    assert!(s["referral"].is_null());
    let s = run_json(
        d,
        &["sale", "record", "--amount", "3.00", "--customer", bob_code],
    );
    assert_eq!(s["referral"]["status"], "rewarded");
    assert_eq!(s["balance"], 1 + 3 + 50);
    assert_eq!(
        run_json(d, &["customer", "show", &anna])["balance"],
        12 + 50
    );
    // A second referrer is refused and recorded.
    let other = run_json(
        d,
        &["customer", "add", "--name", "Cy", "--phone", "0865555555"],
    );
    let late = run_json(
        d,
        &[
            "referral",
            "attach",
            "--customer",
            bob_code,
            "--code",
            other["referral_code"].as_str().unwrap(),
        ],
    );
    assert_eq!(late["status"], "refused");
    assert_eq!(late["reason"], "second_referrer");
    // Referring someone who is already enrolled is refused, recorded, and enrolls nobody.
    let (exit, _, err) = run(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Bob again",
            "--phone",
            "0869999999",
            "--referred-by",
            &anna_ref,
        ],
    );
    assert_eq!(exit, 2, "{err}");
    let refusedlist = run_json(d, &["referral", "list", "--status", "refused"]);
    let reasons: Vec<&str> = refusedlist["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["existing_customer", "second_referrer"]);
}

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
