//! The command line's contract (DESIGN.md): JSON fields, idempotency, exit codes, and bad input
//! that is refused with a message and leaves the database exactly as it was.

use crate::common::{db, fingerprint, run, run_json};
use std::path::Path;

/// A data folder with one customer who has made one sale; returns (dir, code, referral code).
pub fn shop() -> (tempfile::TempDir, String, String) {
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
pub fn refused(dir: &Path, args: &[&str], exit: i32, says: &str) {
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
