//! The outbox's throughput against a real SMTP server (issue "Proactive loyalty"):
//! `REGULARS_BENCH_MESSAGES` (default 2,000) "reward ready" messages queued by sales to
//! members who agreed to email, sent by `send_due` (claim, words in the member's language,
//! the hand-over noted, sent, marked: five store transactions each) to aiosmtpd on loopback
//! (`tests/smtp_server.py`; `python3 -m pip install aiosmtpd`). The baseline in the same run:
//! the same number of messages written straight to the same server over one connection by
//! the same transport, with no outbox at all.

use regulars::datadir::DataDir;
use regulars::domain::messages::Channel;
use regulars::messages::{EmailTransport, Letter, Transport};
use regulars::services::messages::{Links, Senders, send_due};
use regulars::store::{ConsentSource, NewConsent, NewCustomer, NewSale};
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let n: usize = std::env::var("REGULARS_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mail = tempfile::tempdir().unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_server.py");
    let mut server = match std::process::Command::new("python3")
        .arg(script)
        .args(["--port", &port.to_string(), "--dir"])
        .arg(mail.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("messages bench skipped: cannot start python3: {e}");
            return;
        }
    };
    let mut line = String::new();
    std::io::BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    if line.trim() != "ready" {
        eprintln!("messages bench skipped: the SMTP server (aiosmtpd) did not start");
        let _ = server.kill();
        return;
    }

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[shop]\nname = \"Bench Café\"\n[email]\nsmtp = \"smtp://127.0.0.1:{port}\"\n\
             tls = \"none\"\nfrom = \"loyalty@bench.test\"\n"
        ),
    )
    .unwrap();
    let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let now = regulars::clock::now();
    let mut store = data.open_store(&config, now).unwrap();
    let mut seed = 1u64;
    let mut random = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        seed >> 11
    };
    let languages = ["en", "lv", "sr-Cyrl", "sr-Latn", "fil", "te"];
    for i in 0..n {
        let new = NewCustomer {
            name: format!("Member {i}"),
            email: Some(format!("member{i}@bench.test")),
            language: Some(languages[i % languages.len()].into()),
            ..NewCustomer::default()
        };
        let code = store.enroll(&new, now, &mut random).unwrap().code;
        store
            .write(|t| {
                let id = t.people().customer(&code)?.id();
                t.messages().record_consent(
                    id,
                    &NewConsent {
                        channel: Channel::Email,
                        given: true,
                        source: ConsentSource::Counter,
                        wording: "I would like reward news and offers by email.",
                        language: None,
                        actor: None,
                        at: now,
                    },
                )?;
                t.counter().record_sale(&NewSale {
                    amount: 4_500,
                    at: now,
                    customer: Some(code.clone()),
                    receipt: None,
                })
            })
            .unwrap();
    }
    let secret = data.secret().unwrap();
    let links = Links {
        public_url: &config.portal.public_url,
        secret: &secret,
    };
    let mut senders = Senders::from_config(&config);
    let started = Instant::now();
    let round = send_due(
        &mut store,
        &config.shop,
        &links,
        &mut senders,
        &regulars::clock::now,
        usize::MAX,
    )
    .unwrap();
    let outbox = started.elapsed().as_secs_f64();
    senders.close();
    assert_eq!(round.sent, n, "{round:?}");

    // The baseline: the transport alone, the same number of messages, one connection.
    let mut transport = EmailTransport::new(config.email.clone().unwrap());
    let started = Instant::now();
    for i in 0..n {
        let letter = Letter {
            to: format!("member{i}@bench.test"),
            subject: "Your Free coffee is ready at Bench Café".into(),
            text: "Hello,\n\nYou have 45 points: enough for Free coffee.\n".into(),
            key: format!("baseline:{i}"),
            unsubscribe: None,
            language: "en".into(),
            form: Default::default(),
        };
        transport.send(&letter, &mut || Ok(())).unwrap();
    }
    let raw = started.elapsed().as_secs_f64();
    transport.close();
    let _ = server.kill();

    println!(
        "outbox: {n} messages in {outbox:.2} s = {:.0} messages/s; the transport alone: \
         {raw:.2} s = {:.0} messages/s; outbox / transport time: {:.2}×",
        n as f64 / outbox,
        n as f64 / raw,
        outbox / raw
    );
}
