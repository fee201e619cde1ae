//! WhatsApp end to end against a local Cloud API (`platforms/meta.rs`): Meta's webhook check,
//! a member linking from the wa.me link on their visit page, signed webhooks (unsigned or
//! wrongly signed ones refused, one delivered twice recorded once), and the 24-hour window
//! deciding between plain words, an approved template, waiting and another channel; a
//! marketing opt-out withdrawing consent.

use crate::chats::ticket_events;
use crate::common::{run, run_json, run_later};
use crate::mail::Gateway;
use crate::messages::{outbox, send};
use crate::platforms::WhatsApp;
use crate::portal::{Shop, visit_path};

fn whatsapp_config(w: &WhatsApp, sms: &str) -> String {
    format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Chai Point\"\ncountry_code = \"+91\"\n\
         [sms]\ngateway = \"json\"\nurl = \"{sms}/send\"\n\
         [whatsapp]\ntoken = \"{}\"\nphone_number_id = \"{}\"\nnumber = \"+91 40 4000 0000\"\n\
         app_secret = \"{}\"\nverify_token = \"{}\"\napi_url = \"{}\"\n\
         [whatsapp.templates.ticket_resolved]\nen = \"is_it_sorted\"\n\
         [whatsapp.templates.reward_ready]\nen = \"reward_ready\"\n\
         [whatsapp.templates.nearing_reward]\nen = \"nearly_there\"\n",
        w.token, w.phone_number_id, w.app_secret, w.verify_token, w.url
    )
}

/// Meta delivers a webhook to the shop, signed (or not: `signature`).
fn deliver(shop: &Shop, body: &serde_json::Value, signature: Option<&str>) -> (u16, String) {
    let text = body.to_string();
    let mut headers = vec![("content-type", "application/json")];
    if let Some(s) = signature {
        headers.push(("x-hub-signature-256", s));
    }
    let a = shop.post_with("/hooks/whatsapp", &headers, &text);
    (a.status, a.body)
}

#[test]
fn a_member_links_whatsapp_and_the_24_hour_window_decides_text_template_or_another_channel() {
    let wa = WhatsApp::start();
    wa.approve("is_it_sorted", "en", 2, false);
    wa.approve("reward_ready", "en", 3, true);
    let gateway = Gateway::start(&[200]);
    let shop = Shop::new(&whatsapp_config(&wa, &gateway.url));
    let d = shop.path();
    let now = regulars::clock::now();

    // Meta checks the webhook address with the word set in both places.
    let ok = shop.get("/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=regulars-hook-word&hub.challenge=1158201444");
    assert_eq!((ok.status, ok.body.as_str()), (200, "1158201444"));
    let wrong =
        shop.get("/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1");
    assert_eq!(wrong.status, 403);

    // Priya agreed to texts at the counter; her page offers WhatsApp first (India).
    let c = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Priya Reddy",
            "--phone",
            "+91 98400 00001",
        ],
    );
    let priya = c["code"].as_str().unwrap().to_string();
    run_json(d, &["customer", "consent", &priya, "sms", "give"]);
    let s = run_json(
        d,
        &["sale", "record", "--amount", "12.00", "--customer", &priya],
    );
    let path = visit_path(&s);
    let page = shop.get(&path).body;
    let first_app = page.find("data-app=\"").map(|at| &page[at + 10..at + 18]);
    assert_eq!(first_app, Some("whatsapp"), "WhatsApp first in India");
    let at = page
        .find("https://wa.me/914040000000?text=")
        .expect("a wa.me link");
    let link: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let text = link
        .split("text=")
        .nth(1)
        .unwrap()
        .replace("%20", " ")
        .replace("%3A", ":");
    let code = text.rsplit(' ').next().unwrap().to_string();
    assert_eq!(code.len(), 34, "{link}");

    // She sends the message WhatsApp filled in. Unsigned or wrongly signed: 401, nothing kept.
    let hello = wa.message("919840000001", "wamid.HBgM001", &text, now);
    assert_eq!(deliver(&shop, &hello, None).0, 401);
    assert_eq!(deliver(&shop, &hello, Some("sha256=00")).0, 401);
    assert_eq!(shop.count("SELECT COUNT(*) FROM chat_links"), 0);
    let signature = wa.sign(hello.to_string().as_bytes());
    let (status, body) = deliver(&shop, &hello, Some(&signature));
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"linked\":1"), "{body}");

    // A ticket answered on WhatsApp, resolved while she has just written: plain words.
    let t = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &priya,
            "--summary",
            "Cold chai",
            "--contact-via",
            "whatsapp",
        ],
    );
    let id = t["id"].as_i64().unwrap().to_string();
    run(d, &["ticket", "resolve", &id]);
    assert_eq!(send(d)["sent"], 1);
    let sorted = wa.sent().pop().unwrap();
    assert_eq!(sorted.to, "919840000001");
    assert!(
        sorted.template.is_none() && sorted.text.contains("Cold chai"),
        "{sorted:?}"
    );

    // Her answer lands in the ticket once, however often Meta delivers it.
    let answer = wa.message(
        "919840000001",
        "wamid.HBgM002",
        "Still cold, sorry",
        now + 60,
    );
    let signature = wa.sign(answer.to_string().as_bytes());
    for _ in 0..2 {
        assert_eq!(deliver(&shop, &answer, Some(&signature)).0, 200);
    }
    let notes: Vec<_> = ticket_events(d, &id)
        .into_iter()
        .filter(|e| e["body"] == "Still cold, sorry")
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    // Staff answer while her words are fresh: their own words, as plain text.
    run(
        d,
        &[
            "ticket",
            "reply",
            &id,
            "--text",
            "We are making you a fresh one.",
        ],
    );
    send(d);
    let reply = wa.sent().pop().unwrap();
    assert!(
        reply.template.is_none() && reply.text.contains("We are making you a fresh one."),
        "{reply:?}"
    );

    // A day and more later the window is closed. The question about a second ticket goes as
    // the approved template, with the summary and the visit's link as its values.
    let day = 25 * 3600;
    let t2 = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &priya,
            "--receipt",
            &format!("V{}", s["visit_id"]),
            "--summary",
            "Wrong change",
            "--contact-via",
            "whatsapp",
        ],
    );
    let id2 = t2["id"].as_i64().unwrap().to_string();
    run_later(d, day, &["ticket", "resolve", &id2]);
    let round = run_later(d, day, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    let template = wa.sent().pop().unwrap().template.expect("a template");
    assert_eq!(
        (template.0.as_str(), template.1.as_str()),
        ("is_it_sorted", "en")
    );
    assert_eq!(template.2[0], "Wrong change");
    assert_eq!(template.2[1], format!("http://shop.test{path}"));

    // Staff's own words cannot go outside the window (no template can hold them): the reply
    // waits, and the owner reads why.
    run_later(
        d,
        day,
        &["ticket", "reply", &id, "--text", "A fresh one is on us."],
    );
    let (_, out, _) = run_later(d, day, &["messages", "send"]);
    assert!(out.contains("template"), "{out}");
    let waiting = outbox(d);
    let reply = waiting
        .iter()
        .find(|m| m["kind"] == "ticket_reply")
        .unwrap();
    assert_eq!(
        (reply["state"].as_str(), reply["problem"].as_str()),
        (Some("queued"), Some("no_template"))
    );

    // An offer she is nearly at names a template Meta has not approved (132001): it goes by
    // SMS, which she also agreed to, and the owner reads why.
    run_later(
        d,
        day,
        &["sale", "record", "--amount", "22.00", "--customer", &priya],
    );
    let round = run_later(d, day, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    let texts = gateway.requests();
    assert!(
        texts.iter().any(|r| r.body.contains("+919840000001")),
        "diverted to SMS: {texts:?}"
    );
    let nearing = outbox(d)
        .into_iter()
        .find(|m| m["channel"] == "whatsapp" && m["kind"] == "nearing_reward")
        .unwrap();
    assert_eq!(
        (nearing["state"].as_str(), nearing["problem"].as_str()),
        (Some("cancelled"), Some("no_template")),
        "{nearing}"
    );
    assert!(
        nearing["last_error"].as_str().unwrap().contains("132001"),
        "Meta's own words: {nearing}"
    );

    // She turns marketing off in WhatsApp: the reward-ready template is refused (131050),
    // her WhatsApp consent is withdrawn, and Meta's own notice of it is taken too.
    wa.opt_out("919840000001");
    run_later(
        d,
        day,
        &["sale", "record", "--amount", "10.00", "--customer", &priya],
    );
    let (_, out, _) = run_later(d, day, &["messages", "send"]);
    assert!(out.contains("turned off offers"), "{out}");
    // An offer waiting when Meta tells the shop of her opt-out is cancelled.
    run_later(d, day, &["customer", "consent", &priya, "whatsapp", "give"]);
    run_later(
        d,
        day,
        &["sale", "record", "--amount", "40.00", "--customer", &priya],
    );
    let waiting = |state: &str| {
        outbox(d)
            .iter()
            .filter(|m| m["channel"] == "whatsapp" && m["kind"].as_str() != Some("ticket_reply"))
            .filter(|m| m["state"] == state)
            .count()
    };
    assert!(waiting("queued") > 0, "{:?}", outbox(d));
    let prefs = wa.preferences("919840000001", now + day);
    let signature = wa.sign(prefs.to_string().as_bytes());
    assert_eq!(deliver(&shop, &prefs, Some(&signature)).0, 200);
    let consents = run_json(d, &["customer", "export", &priya])["consents"].clone();
    let last = consents
        .as_array()
        .unwrap()
        .iter()
        .rfind(|k| k["channel"] == "whatsapp")
        .unwrap()
        .clone();
    assert_eq!(last["given"], 0, "{consents}");
    assert_eq!(waiting("queued"), 0, "{:?}", outbox(d));
}
