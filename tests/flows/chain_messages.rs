//! Consent across a chain: given or withdrawn in any shop, it reaches the till the member
//! enrolled at, which is the one that sends them reward news and offers (so a member hears
//! once, not from every shop).

use crate::chain::{edit_config, sync, till};
use crate::common::run_json;
use crate::mail::SmtpServer;
use crate::pg::Postgres;
use std::path::Path;

fn queued(dir: &Path) -> Vec<serde_json::Value> {
    run_json(dir, &["messages", "list"])["messages"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn consent_given_in_one_shop_lets_the_home_till_write_and_a_withdrawal_anywhere_stops_it() {
    let pg = Postgres::start();
    let smtp = SmtpServer::start(0, &[]);
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    for dir in [&riga, &dublin] {
        edit_config(
            dir.path(),
            "[email]\n",
            &format!(
                "[email]\nsmtp = \"smtp://127.0.0.1:{}\"\ntls = \"none\"\nfrom = \"loyalty@chain.test\"\n",
                smtp.port
            ),
        );
    }
    run_json(riga.path(), &["central", "init"]);
    let (r, d) = (riga.path(), dublin.path());
    let anna = run_json(
        r,
        &[
            "customer",
            "add",
            "--name",
            "Anna Ozola",
            "--email",
            "anna@example.lv",
        ],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    sync(r);
    sync(d);
    // She agrees in Dublin; Riga (where she joined) learns it at its next sync.
    run_json(d, &["customer", "consent", &anna, "email", "give"]);
    sync(d);
    sync(r);
    let riga_export = run_json(r, &["customer", "export", &anna]);
    assert_eq!(
        riga_export["consents"].as_array().unwrap().len(),
        1,
        "{riga_export}"
    );
    assert_eq!(riga_export["consents"][0]["given"], 1);
    // A sale in Dublin queues nothing there (Riga writes to her); a sale in Riga does.
    run_json(
        d,
        &["sale", "record", "--amount", "45.00", "--customer", &anna],
    );
    assert!(
        queued(d).is_empty(),
        "Dublin does not write to Riga's member"
    );
    sync(d);
    sync(r);
    run_json(
        r,
        &["sale", "record", "--amount", "20.00", "--customer", &anna],
    );
    let riga_out = queued(r);
    assert_eq!(riga_out.len(), 1, "{riga_out:?}");
    assert_eq!(
        riga_out[0]["kind"], "reward_ready",
        "65 points pay for the cake: {riga_out:?}"
    );
    // She withdraws in Dublin before Riga sent it: the waiting message is cancelled there.
    run_json(d, &["customer", "consent", &anna, "email", "withdraw"]);
    sync(d);
    sync(r);
    let round = run_json(r, &["messages", "send"]);
    assert_eq!(round["sent"], 0, "{round}");
    assert_eq!(queued(r)[0]["state"], "cancelled");
    assert!(smtp.mails().is_empty());
    // Both tills hold the same history of her consent.
    let a = run_json(r, &["customer", "export", &anna])["consents"].clone();
    let b = run_json(d, &["customer", "export", &anna])["consents"].clone();
    assert_eq!(a.as_array().unwrap().len(), 2);
    assert_eq!(a, b);
}
