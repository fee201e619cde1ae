//! Staff answer a customer on a ticket, the way the customer asked to hear back: the reply is in
//! the ticket's history for all staff at once (it counts as the shop's first reply), and it
//! reaches a real mail server in the customer's language, with the visit's link. A ticket
//! answered in the shop or by a call takes no written reply, and nothing is kept or queued.

use crate::common::{run, run_json};
use crate::mail::SmtpServer;
use crate::messages::{add, email_config, outbox, send};
use crate::portal::Shop;

#[test]
fn a_staff_reply_reaches_the_customer_by_email_and_stays_in_the_ticket() {
    let smtp = SmtpServer::start(0, &[]);
    let shop = Shop::new(&email_config(smtp.port, ""));
    let d = shop.path();
    let janis = add(
        d,
        "Jānis Bērziņš",
        &["--email", "janis@example.lv", "--language", "lv"],
    );
    let ticket = |via: &str| {
        let t = run_json(
            d,
            &[
                "ticket",
                "add",
                "--customer",
                &janis,
                "--summary",
                "Auksta zupa",
                "--contact-via",
                via,
            ],
        );
        t["id"].as_i64().unwrap().to_string()
    };
    let by_email = ticket("email");
    let in_shop = ticket("in_store");
    let first = run_json(d, &["ticket", "show", &by_email]);
    assert!(first["first_reply_at"].is_null(), "{first}");

    let reply = "Atvainojiet! Nākamā zupa uz mūsu rēķina.";
    let (exit, out, err) = run(
        d,
        &["ticket", "reply", &by_email, "--text", reply, "--by", "Mia"],
    );
    assert_eq!(exit, 0, "{out}{err}");
    let t = run_json(d, &["ticket", "show", &by_email]);
    assert!(
        t["first_reply_at"].is_i64(),
        "the reply is the shop's first reply: {t}"
    );
    let events = t["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["body"] == reply && e["actor"] == "Mia"),
        "in the history for all staff: {t}"
    );

    // In the shop, or by a call: no written reply, nothing kept, nothing queued.
    let before = outbox(d).len();
    let (exit, _, err) = run(d, &["ticket", "reply", &in_shop, "--text", "Sveiki"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("note what was said instead"), "{err}");
    assert_eq!(outbox(d).len(), before);
    let t = run_json(d, &["ticket", "show", &in_shop]);
    assert_eq!(
        t["events"].as_array().unwrap().len(),
        1,
        "only 'opened': {t}"
    );

    // A ticket kept from before the card's address was used has none: refused, nothing kept.
    let old = ticket("email");
    crate::messages::sql(
        d,
        &format!("UPDATE tickets SET contact = NULL WHERE id = {old}"),
    );
    let (exit, _, err) = run(d, &["ticket", "reply", &old, "--text", "Sveiki"]);
    assert_eq!(exit, 2, "{err}");
    assert!(err.contains("a reply by email needs an address"), "{err}");
    let t = run_json(d, &["ticket", "show", &old]);
    assert_eq!(
        t["events"].as_array().unwrap().len(),
        1,
        "only 'opened': {t}"
    );
    assert_eq!(outbox(d).len(), before);

    let round = send(d);
    assert_eq!(round["sent"], 1, "{round}");
    let mails = smtp.wait_for(1);
    let m = &mails[0];
    assert_eq!(m.to, ["janis@example.lv"]);
    assert_eq!(m.content_language, "lv");
    assert!(
        m.subject.starts_with("Par jūsu pieprasījumu"),
        "{}",
        m.subject
    );
    assert!(m.text.contains(reply), "{}", m.text);
    assert!(m.text.contains("“Auksta zupa”"), "{}", m.text);
    assert!(
        m.text.contains("http://shop.test/"),
        "the visit page's link: {}",
        m.text
    );
    assert!(
        m.list_unsubscribe.is_empty(),
        "a service message has no unsubscribe"
    );
    // Sent once: another round sends nothing.
    assert_eq!(send(d)["sent"], 0);
}
