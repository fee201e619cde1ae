//! What the owner sees of the loyalty-fraud checks away from the counter: one summary a day by
//! email, and the demo shop with fraud planted, every pattern found.

use super::common::{self, DAY};

#[test]
fn the_owner_gets_one_summary_a_day_by_email_through_the_outbox() {
    let smtp = crate::mail::SmtpServer::start(0, &[]);
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "[shop]\nname = \"Corner Café\"\n\
             [email]\nsmtp = \"smtp://127.0.0.1:{}\"\ntls = \"none\"\nfrom = \"loyalty@shop.test\"\n\
             [alerts]\nemail = \"Owner@Shop.test\"\nopening_hours = \"\"\n",
            smtp.port
        ),
    )
    .unwrap();
    let code = common::run_json(dir, &["customer", "add", "--name", "Cara Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    common::run_json(
        dir,
        &[
            "staff", "add", "--name", "Cara", "--role", "cashier", "--pin", "4321", "--card", &code,
        ],
    );
    common::run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "4.50",
            "--customer",
            &code,
            "--by",
            "Cara",
        ],
    );
    // Tomorrow at 08:00 (the tests run in UTC): the day's summary is due.
    let now = jiff::Timestamp::now().as_second();
    let morning = now - now.rem_euclid(DAY) + DAY + 8 * 3600;
    let (rc, _, err) = common::run_later(dir, morning - now, &["messages", "send"]);
    assert_eq!(rc, 0, "{err}");
    let mails = smtp.wait_for(1);
    assert_eq!(mails[0].to, vec!["owner@shop.test".to_string()]);
    assert_eq!(mails[0].subject, "Corner Café: one new alert");
    assert!(
        mails[0]
            .text
            .contains("Cara earned 4 points on their own card"),
        "{}",
        mails[0].text
    );
    assert!(
        mails[0].text.contains("regulars alerts"),
        "{}",
        mails[0].text
    );
    // Sending again that day tells nothing twice; a new alert waits for the next day's.
    common::run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "3.00",
            "--customer",
            &code,
            "--by",
            "Cara",
        ],
    );
    let other = common::run_json(dir, &["customer", "add", "--name", "Ann"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    for _ in 0..6 {
        common::run_json(
            dir,
            &["sale", "record", "--amount", "3.00", "--customer", &other],
        );
    }
    common::run_later(dir, morning - now + 3600, &["messages", "send"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(smtp.mails().len(), 1, "one summary a day");
    let (rc, _, err) = common::run_later(dir, morning - now + DAY, &["messages", "send"]);
    assert_eq!(rc, 0, "{err}");
    let mails = smtp.wait_for(2);
    assert_eq!(mails[1].subject, "Corner Café: one new alert");
    assert!(mails[1].text.contains("Busy card"), "{}", mails[1].text);
    assert!(
        !mails[1].text.contains("own card"),
        "told once: {}",
        mails[1].text
    );
}

#[test]
fn the_demo_with_fraud_plants_every_pattern_and_the_checks_find_each() {
    let data = tempfile::tempdir().unwrap();
    let out = common::run_json(
        data.path(),
        &[
            "demo",
            "--customers",
            "400",
            "--days",
            "120",
            "--with-fraud",
        ],
    );
    let planted = out["planted"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> = planted
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 8, "every check has a planted case: {kinds:?}");
    for p in planted {
        assert_eq!(p["found"], true, "not found: {p}");
    }
    // The honest history alone stays quiet: at most one alert a week per 1,000 members.
    assert!(
        out["alerts_per_1000_members_week"].as_f64().unwrap() <= 1.0,
        "{out}"
    );
    // The planted alerts are listed like any other, with who was signed in.
    let list = common::run_json(data.path(), &["alerts"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "own_card" && a["staff"] == "Cara"),
        "{list}"
    );
}
