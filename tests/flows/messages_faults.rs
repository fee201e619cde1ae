//! Messages when things go wrong: the mail server down, refusing an address (a bounce) or
//! offering no STARTTLS; TLS and a password against a server with its own authority; an SMS
//! gateway answering 500, and STOP texted back; a till killed mid-send (SIGKILL) never
//! sending a message twice.

use crate::common::{db, rules, run, run_json};
use crate::mail::{Gateway, SmtpServer, free_port};
use crate::messages::{add, consent, email_config, outbox, sale, send, sql};
use crate::portal::Shop;
use regulars::store::Store;
use std::path::Path;

#[test]
fn a_server_down_refusing_or_bouncing_loses_nothing_and_the_owner_sees_why() {
    let port = free_port();
    let shop = Shop::new(&email_config(port, ""));
    let d = shop.path();
    let good = add(d, "Good Address", &["--email", "good@example.ie"]);
    let gone = add(d, "Gone Address", &["--email", "gone@example.ie"]);
    for c in [&good, &gone] {
        consent(d, c, "email", "give");
        sale(d, c, "45.00");
    }
    // Down: both wait, tried once, the reason on record.
    let round = send(d);
    assert_eq!(
        (round["sent"].as_i64(), round["retrying"].as_i64()),
        (Some(0), Some(1)),
        "{round}"
    );
    let (_, listed, _) = run(d, &["messages", "list"]);
    assert!(
        listed.contains(&format!("Cannot reach 127.0.0.1:{port}: tried again later")),
        "{listed}"
    );
    assert!(listed.contains("waiting"), "{listed}");

    // Up, and it refuses one mailbox (a bounce): that one fails for good, the other goes.
    let smtp = SmtpServer::start(port, &["--refuse", "gone@example.ie"]);
    sql(d, "UPDATE messages SET next_at = 0");
    let round = send(d);
    assert_eq!(
        (round["sent"].as_i64(), round["failed"].as_i64()),
        (Some(1), Some(1)),
        "{round}"
    );
    let mails = smtp.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["good@example.ie"]);
    let failed = run_json(d, &["messages", "list", "--state", "failed"]);
    assert_eq!(
        failed["messages"][0]["problem"], "refused_recipient",
        "{failed}"
    );
    assert_eq!(failed["messages"][0]["problem_about"], "gone@example.ie");
    let why = failed["messages"][0]["last_error"].as_str().unwrap();
    assert!(why.contains("550"), "the server's own words: {why}");
    let (_, listed, _) = run(d, &["messages", "list", "--state", "failed"]);
    assert!(
        listed.contains("The mail server refused gone@example.ie (a bounce)"),
        "{listed}"
    );
    // Nothing is tried again by itself, and nothing was sent twice.
    assert_eq!(send(d)["sent"], 0);
    assert_eq!(smtp.mails().len(), 1);
    // A server that does not offer STARTTLS when the settings ask for it is refused.
    crate::chain::edit_config(d, "tls = \"none\"", "tls = \"starttls\"");
    sale(d, &good, "80.00");
    let round = send(d);
    assert_eq!(round["failed"], 1, "{round}");
    assert_eq!(round["problems"][0]["code"], "no_starttls", "{round}");
    assert_eq!(smtp.mails().len(), 1);
}

#[test]
fn starttls_and_tls_with_a_password_reach_a_server_with_its_own_authority() {
    let certs = tempfile::tempdir().unwrap();
    let (ca, cert, key) = crate::certs::authority(certs.path());
    let (cert, key) = (cert.to_str().unwrap(), key.to_str().unwrap());
    for implicit in [false, true] {
        let mut options = vec!["--cert", cert, "--key", key, "--auth", "shop:s3cret"];
        if implicit {
            options.push("--implicit-tls");
        }
        let smtp = SmtpServer::start(0, &options);
        let (scheme, tls) = if implicit {
            ("smtps", "tls")
        } else {
            ("smtp", "starttls")
        };
        let shop = Shop::new(&format!(
            "public_url = \"http://shop.test\"\n[email]\nsmtp = \"{scheme}://127.0.0.1:{}\"\n\
             tls = \"{tls}\"\nfrom = \"loyalty@shop.test\"\nusername = \"shop\"\n\
             password = \"s3cret\"\nca = \"{}\"\n",
            smtp.port,
            ca.display()
        ));
        let d = shop.path();
        let c = add(d, "Tess Ling", &["--email", "tess@example.ie"]);
        consent(d, &c, "email", "give");
        sale(d, &c, "45.00");
        let round = send(d);
        assert_eq!(round["sent"], 1, "{tls}: {round}");
        let m = smtp.wait_for(1);
        assert!(m[0].tls && m[0].authenticated, "{tls}: {m:?}");
        // A wrong password is refused for good, and says so.
        crate::chain::edit_config(d, "password = \"s3cret\"", "password = \"wrong\"");
        sale(d, &c, "80.00");
        let round = send(d);
        assert_eq!(round["failed"], 1, "{tls}: {round}");
        assert_eq!(round["problems"][0]["code"], "login", "{round}");
    }
}

/// The phone running the SMS gateway is off (nothing listens at its address): the text never
/// left the shop, so it waits and goes once the phone is back, never kept as "unsure".
#[test]
fn an_sms_gateway_that_refuses_the_connection_leaves_the_text_waiting() {
    let dead = crate::common::free_port();
    let shop = Shop::new(&format!(
        "public_url = \"http://shop.test\"\n[shop]\nname = \"Corner Café\"\ncountry_code = \"371\"\n\
         [sms]\ngateway = \"json\"\nurl = \"http://127.0.0.1:{dead}/send\"\n"
    ));
    let d = shop.path();
    let liga = add(d, "Līga Kalniņa", &["--phone", "+371 2000 1234"]);
    consent(d, &liga, "sms", "give");
    sale(d, &liga, "45.00");
    let round = send(d);
    assert_eq!(
        (round["retrying"].as_i64(), round["unsure"].as_i64()),
        (Some(1), Some(0)),
        "{round}"
    );
    let listed = outbox(d);
    assert_eq!(
        (listed[0]["state"].as_str(), listed[0]["problem"].as_str()),
        (Some("queued"), Some("unreachable")),
        "{listed:?}"
    );
    // The phone is back: it goes, once.
    let gateway = Gateway::start(&[200]);
    crate::chain::edit_config(d, &format!("http://127.0.0.1:{dead}"), &gateway.url);
    let round = crate::common::run_later(d, 120, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    assert_eq!(gateway.requests().len(), 1);
}

#[test]
fn sms_through_a_gateway_is_retried_after_a_500_and_stop_ends_marketing_texts() {
    let gateway = Gateway::start(&[500, 200]);
    let shop = Shop::new(&format!(
        "public_url = \"http://shop.test\"\n[shop]\nname = \"Corner Café\"\ncountry_code = \"371\"\n\
         [sms]\ngateway = \"android\"\nurl = \"{}/message\"\nusername = \"sms\"\n\
         password = \"gw-pass\"\ninbound_key = \"inbound-key-123\"\n",
        gateway.url
    ));
    let d = shop.path();
    let liga = add(
        d,
        "Līga Kalniņa",
        &["--phone", "+371 2000 1234", "--language", "lv"],
    );
    consent(d, &liga, "sms", "give");
    sale(d, &liga, "45.00");
    // The gateway answers 500: the message waits and says why.
    let round = send(d);
    assert_eq!(round["retrying"], 1, "{round}");
    let listed = outbox(d);
    assert!(
        listed[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("answered 500"),
        "{listed:?}"
    );
    sql(d, "UPDATE messages SET next_at = 0");
    assert_eq!(send(d)["sent"], 1);
    let requests = gateway.requests();
    assert_eq!(requests.len(), 2);
    let r = &requests[1];
    assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/message"));
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode("sms:gw-pass");
    assert_eq!(
        r.header("authorization"),
        Some(format!("Basic {basic}").as_str())
    );
    let body: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body["phoneNumbers"][0], "+37120001234", "{body}");
    let text = body["textMessage"]["text"].as_str().unwrap();
    assert!(text.starts_with("Corner Café: Jums ir 45 punkti"), "{text}");
    assert!(text.ends_with("Atbildiet STOP, lai atteiktos."), "{text}");

    // She texts STOP back; the gateway's webhook tells the shop. A wrong key is unknown.
    let stop =
        br#"{"event":"sms:received","payload":{"message":"Stop","phoneNumber":"+37120001234"}}"#;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let wrong = agent
        .post(format!("{}/sms/inbound?key=guess", shop.base))
        .header("Content-Type", "application/json")
        .send(&stop[..])
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 404);
    let mut ok = agent
        .post(format!("{}/sms/inbound?key=inbound-key-123", shop.base))
        .header("Content-Type", "application/json")
        .send(&stop[..])
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    let answer: serde_json::Value =
        serde_json::from_str(&ok.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(answer, serde_json::json!({"stop": true, "customers": 1}));
    // No more marketing texts.
    sale(d, &liga, "80.00");
    assert_eq!(send(d)["sent"], 0);
    assert_eq!(gateway.requests().len(), 2);
    let export = run_json(d, &["customer", "export", &liga]);
    assert_eq!(export["consents"][1]["source"], "sms_stop", "{export}");
    assert!(
        export["consents"][1]["wording"]
            .as_str()
            .unwrap()
            .contains("Stop")
    );
}

/// Starts `regulars messages send` and kills it (SIGKILL) as soon as `ready` says so.
fn kill_mid_send(dir: &Path, ready: impl Fn() -> bool) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(["messages", "send"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let t = std::time::Instant::now();
    while !ready() {
        assert!(t.elapsed().as_secs() < 20, "the send did not get that far");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_till_killed_mid_send_never_sends_a_message_twice() {
    // The server has the first message and holds its answer: the till is killed then.
    let port = free_port();
    let slow = SmtpServer::start(port, &["--delay-data", "30"]);
    let shop = Shop::new(&email_config(port, ""));
    let d = shop.path();
    let first = add(d, "First Inline", &["--email", "first@example.ie"]);
    let second = add(d, "Second Inline", &["--email", "second@example.ie"]);
    for c in [&first, &second] {
        consent(d, c, "email", "give");
        sale(d, c, "45.00");
    }
    kill_mid_send(d, || !slow.mails().is_empty());
    slow.stop();
    let smtp = SmtpServer::start(port, &[]);
    // While the dead sender's claim lasts nobody touches its message; the second goes.
    assert_eq!(send(d)["sent"], 1);
    // Five minutes on, its message is found in mid-send: unsure, not sent again by itself.
    sql(
        d,
        "UPDATE messages SET claimed_until = 0 WHERE state = 'sending'",
    );
    let round = send(d);
    assert_eq!(
        (round["sent"].as_i64(), round["unsure"].as_i64()),
        (Some(0), Some(1)),
        "{round}"
    );
    let mails = smtp.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["second@example.ie"]);
    let unsure = run_json(d, &["messages", "list", "--state", "unsure"]);
    assert_eq!(unsure["messages"].as_array().unwrap().len(), 1, "{unsure}");
    assert_eq!(unsure["messages"][0]["problem"], "stopped", "{unsure}");
    let (_, listed, _) = run(d, &["messages", "list", "--state", "unsure"]);
    assert!(listed.contains("it may have gone out"), "{listed}");
    // Each customer got the message exactly once (the first from the slow server).
    assert_eq!(send(d)["sent"], 0);
    assert_eq!(smtp.mails().len(), 1);

    // Killed before the message was handed over (the server slow to accept the recipient):
    // the server never had it, so it goes once when the claim runs out.
    smtp.stop();
    let slow = SmtpServer::start(port, &["--delay-rcpt", "30"]);
    sale(d, &second, "80.00");
    let before = run_json(d, &["messages", "list", "--state", "queued"])["messages"][0]["id"]
        .as_i64()
        .unwrap();
    let store = Store::open(&db(d), rules()).unwrap();
    let attempts = |store: &Store| -> i64 {
        store
            .connection()
            .query_row(
                "SELECT attempts FROM messages WHERE id = ?1",
                [before],
                |r| r.get(0),
            )
            .unwrap()
    };
    // Claimed (the try counted), then half a second into the server's wait on the recipient.
    kill_mid_send(d, || {
        let claimed = attempts(&store) == 1;
        if claimed {
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        claimed
    });
    slow.stop();
    let smtp = SmtpServer::start(port, &[]);
    sql(
        d,
        "UPDATE messages SET claimed_until = 0 WHERE state = 'queued'",
    );
    assert_eq!(send(d)["sent"], 1);
    let mails = smtp.wait_for(1);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, ["second@example.ie"]);
    assert_eq!(send(d)["sent"], 0);
    // The owner may send the unsure one again, knowingly.
    let id = unsure["messages"][0]["id"].as_i64().unwrap().to_string();
    run_json(d, &["messages", "retry", &id]);
    assert_eq!(send(d)["sent"], 1);
    drop(store);
}
