//! Viber and Messenger end to end against local servers that answer as their APIs do
//! (`platforms/viber.rs`, `platforms/meta.rs`): linking from the visit page (Viber first in
//! Serbia, Messenger first in the Philippines), signed callbacks, a resolved ticket's question
//! and staff's replies in the chat within each app's rules (Viber: only once the member has
//! written; Messenger: 24 hours, then a support answer tagged HUMAN_AGENT for 7 days), and the
//! member leaving (Viber's unsubscribe, a Messenger block) withdrawing consent.

use crate::chats::ticket_events;
use crate::common::{run, run_json, run_later};
use crate::messages::{outbox, send};
use crate::platforms::{Messenger, Viber};
use crate::portal::{Shop, visit_path};

/// A member's sale: (card code, visit id, the page's HTML).
fn sale_page(shop: &Shop, name: &str) -> (String, i64, String) {
    let d = shop.path();
    let code = run_json(d, &["customer", "add", "--name", name])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let s = run_json(
        d,
        &["sale", "record", "--amount", "9.00", "--customer", &code],
    );
    let page = shop.get(&visit_path(&s)).body;
    (code, s["visit_id"].as_i64().unwrap(), page)
}

/// The first chat button on a page: (app, link as written in the HTML, `&amp;` read back).
fn first_button(page: &str) -> (String, String) {
    let at = page.find("data-app=\"").expect("a chat button") + 10;
    let app: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let start = page[..at].rfind("href=\"").unwrap() + 6;
    let link: String = page[start..].chars().take_while(|c| *c != '"').collect();
    (app, link.replace("&amp;", "&"))
}

fn post(
    shop: &Shop,
    path: &str,
    header: &str,
    signature: Option<&str>,
    body: &str,
) -> (u16, String) {
    let mut headers = vec![("content-type", "application/json")];
    if let Some(s) = signature {
        headers.push((header, s));
    }
    let a = shop.post_with(path, &headers, body);
    (a.status, a.body)
}

#[test]
fn a_member_links_viber_and_is_written_to_once_they_have_written() {
    let vb = Viber::start();
    let shop = Shop::new(&format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Kafana Kod Ane\"\ncountry_code = \"+381\"\nlanguage = \"sr-Latn\"\n\
         [viber]\ntoken = \"{}\"\nuri = \"kafanakodane\"\napi_url = \"{}\"\n",
        vb.token, vb.url
    ));
    let d = shop.path();
    let now = regulars::clock::now();
    let (jelena, visit, page) = sale_page(&shop, "Jelena Jovanović");
    let (app, link) = first_button(&page);
    assert_eq!(app, "viber", "Viber first in Serbia");
    let code = link
        .strip_prefix("viber://pa?chatURI=kafanakodane&context=")
        .unwrap_or_else(|| panic!("{link}"))
        .to_string();

    // She opens the chat from the link: Viber calls the shop, signed with the bot's token.
    let hook = |body: &serde_json::Value, signed: bool| {
        let text = body.to_string();
        let signature = vb.sign(text.as_bytes());
        post(
            &shop,
            "/hooks/viber",
            "x-viber-content-signature",
            signed.then_some(signature.as_str()),
            &text,
        )
    };
    let opened = vb.open_chat("01234567890A=", &code, now);
    assert_eq!(hook(&opened, false).0, 401, "unsigned: refused");
    assert_eq!(shop.count("SELECT COUNT(*) FROM chat_links"), 0);
    let (status, welcome) = hook(&opened, true);
    assert_eq!(status, 200, "{welcome}");
    let welcome: serde_json::Value = serde_json::from_str(&welcome).unwrap();
    assert_eq!(welcome["type"], "text");
    assert!(
        welcome["text"].as_str().unwrap().contains("Kafana Kod Ane"),
        "the welcome Viber shows her: {welcome}"
    );
    // The same link opened again (another phone): refused, and told so.
    let (_, again) = hook(&vb.open_chat("0ZZZZ=", &code, now), true);
    assert!(again.contains("\"text\""), "{again}");
    assert_eq!(shop.count("SELECT COUNT(*) FROM chat_links"), 1);

    // Her ticket is resolved before she has written: Viber refuses a user not subscribed, so
    // the question waits (the owner told why) …
    let t = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &jelena,
            "--receipt",
            &format!("V{visit}"),
            "--summary",
            "Pogrešan račun",
            "--contact-via",
            "viber",
        ],
    );
    let id = t["id"].as_i64().unwrap().to_string();
    run(d, &["ticket", "resolve", &id]);
    let round = send(d);
    assert_eq!(round["retrying"], 1, "{round}");
    assert!(vb.sent().is_empty());
    // … until she writes: her words land in the ticket, and the question goes.
    assert_eq!(
        hook(&vb.write("01234567890A=", "Zdravo!", now + 30), true).0,
        200
    );
    assert!(ticket_events(d, &id).iter().any(|e| e["body"] == "Zdravo!"));
    let round = run_later(d, 600, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    let sent = vb.sent();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].text.contains("Pogrešan račun"), "{}", sent[0].text);
    assert!(
        sent[0].text.contains("http://shop.test/r/"),
        "the visit's link: {}",
        sent[0].text
    );
    // Staff's answer goes back on Viber.
    run(
        d,
        &["ticket", "reply", &id, "--text", "Vraćamo novac danas."],
    );
    run_later(d, 700, &["messages", "send"]);
    assert!(
        vb.sent()
            .last()
            .unwrap()
            .text
            .contains("Vraćamo novac danas.")
    );

    // She leaves the bot: consent withdrawn, the chat ended, nothing more goes.
    assert_eq!(
        hook(&vb.unsubscribe("01234567890A=", now + 60), true).0,
        200
    );
    let card = run_json(d, &["customer", "show", &jelena]);
    assert_eq!(card["chats"][0]["unlinked_why"], "unsubscribed", "{card}");
    run(d, &["ticket", "reply", &id, "--text", "Hvala!"]);
    run_later(d, 1200, &["messages", "send"]);
    assert_eq!(vb.sent().len(), 2);
    let reply = outbox(d)
        .into_iter()
        .find(|m| m["kind"] == "ticket_reply")
        .unwrap();
    assert_ne!(reply["state"], "sent", "{reply}");
}

#[test]
fn a_member_links_messenger_and_support_answers_follow_its_window_and_tag() {
    let fb = Messenger::start();
    let shop = Shop::new(&format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Sari-Sari ni Aling Nena\"\ncountry_code = \"+63\"\nlanguage = \"fil\"\n\
         [messenger]\npage_token = \"{}\"\napp_secret = \"{}\"\nverify_token = \"{}\"\n\
         page = \"alingnena\"\napi_url = \"{}\"\n",
        fb.page_token, fb.app_secret, fb.verify_token, fb.url
    ));
    let d = shop.path();
    let now = regulars::clock::now();

    let check = shop.get(
        "/hooks/messenger?hub.mode=subscribe&hub.verify_token=regulars-page-word&hub.challenge=77",
    );
    assert_eq!((check.status, check.body.as_str()), (200, "77"));
    let (maria, visit, page) = sale_page(&shop, "Maria Santos");
    let (app, link) = first_button(&page);
    assert_eq!(app, "messenger", "Messenger first in the Philippines");
    let code = link
        .strip_prefix("https://m.me/alingnena?ref=")
        .unwrap_or_else(|| panic!("{link}"))
        .to_string();

    let hook = |body: &serde_json::Value, signed: bool| {
        let text = body.to_string();
        let signature = fb.sign(text.as_bytes());
        post(
            &shop,
            "/hooks/messenger",
            "x-hub-signature-256",
            signed.then_some(signature.as_str()),
            &text,
        )
    };
    let psid = "6789012345678901";
    let opened = fb.referral(psid, &code, now);
    assert_eq!(hook(&opened, false).0, 401);
    let (status, body) = hook(&opened, true);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        run_json(d, &["customer", "show", &maria])["chats"][0]["channel"],
        "messenger"
    );

    // She writes with no ticket open: one is opened, answered on Messenger; the Page's own
    // echo of a message is not hers.
    assert_eq!(
        hook(&fb.message(psid, "m_1", "Nasira ang itlog", now + 10), true).0,
        200
    );
    assert_eq!(
        hook(&fb.echo(psid, "m_2", "Salamat!", now + 11), true).0,
        200
    );
    let tickets = run_json(d, &["ticket", "list"])["tickets"].clone();
    assert_eq!(tickets.as_array().unwrap().len(), 1, "{tickets}");
    assert_eq!(tickets[0]["contact_via"], "messenger");
    assert_eq!(tickets[0]["channel"], "chat");
    let id = tickets[0]["id"].as_i64().unwrap().to_string();
    assert!(
        !ticket_events(d, &id)
            .iter()
            .any(|e| e["body"] == "Salamat!")
    );

    // Within the day: a plain answer.
    run(
        d,
        &["ticket", "reply", &id, "--text", "Papalitan po namin."],
    );
    send(d);
    // Her ticket about a visit, resolved: "is it sorted?" with the visit's link.
    let t2 = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &maria,
            "--receipt",
            &format!("V{visit}"),
            "--summary",
            "Kulang ang sukli",
            "--contact-via",
            "messenger",
        ],
    );
    let id2 = t2["id"].as_i64().unwrap().to_string();
    run(d, &["ticket", "resolve", &id2]);
    send(d);
    let sorted = fb.sent().pop().unwrap();
    assert!(
        sorted.text.contains("Kulang ang sukli") && sorted.text.contains("http://shop.test/r/"),
        "{}",
        sorted.text
    );
    // Two days on: a support answer, tagged as a person's.
    let two_days = 2 * 86_400;
    fb.advance(two_days);
    run_later(
        d,
        two_days,
        &[
            "ticket",
            "reply",
            &id,
            "--text",
            "Nandito na po ang kapalit.",
        ],
    );
    let round = run_later(d, two_days, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    assert_eq!(
        fb.kinds(),
        vec![
            ("RESPONSE".to_string(), None),
            ("RESPONSE".to_string(), None),
            ("MESSAGE_TAG".to_string(), Some("HUMAN_AGENT".to_string()))
        ]
    );
    // Eight days on, nothing may go: the answer waits and the owner reads why.
    let eight_days = 8 * 86_400;
    fb.advance(eight_days - two_days);
    run_later(
        d,
        eight_days,
        &["ticket", "reply", &id, "--text", "Kumusta na po?"],
    );
    let (_, out, _) = run_later(d, eight_days, &["messages", "send"]);
    assert!(
        out.contains("24"),
        "the window, in the owner's words: {out}"
    );
    assert_eq!(fb.sent().len(), 3);

    // She writes again (the window opens), then blocks the Page before the answer goes: the
    // Page hears she is unavailable, the chat ends and consent is withdrawn.
    let later = now + eight_days;
    assert_eq!(hook(&fb.message(psid, "m_3", "Hello?", later), true).0, 200);
    fb.block(psid);
    let round = run_later(d, eight_days + 3600, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    let card = run_json(d, &["customer", "show", &maria]);
    assert!(card["chats"][0]["unlinked_at"].is_i64(), "{card}");
    assert_eq!(fb.sent().len(), 3);
}

/// The member's phone opens a visit page of a shop with all four apps set up (in Belgrade:
/// Viber first), reads each button Chromium shows, and links each app from it: Telegram's
/// Start, WhatsApp's prefilled message, Viber's opened chat, Messenger's referral.
#[test]
fn a_phone_links_all_four_apps_from_the_visit_page_in_chromium() {
    use crate::platforms::{Telegram, WhatsApp};
    let (tg, wa, vb, fb) = (
        Telegram::start(),
        WhatsApp::start(),
        Viber::start(),
        Messenger::start(),
    );
    let shop = Shop::new(&format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Kafana Kod Ane\"\ncountry_code = \"+381\"\n\
         [telegram]\ntoken = \"{}\"\nbot = \"kodane_bot\"\napi_url = \"{}\"\n\
         [whatsapp]\ntoken = \"{}\"\nphone_number_id = \"{}\"\nnumber = \"+381 11 400 0000\"\n\
         app_secret = \"{}\"\nverify_token = \"{}\"\napi_url = \"{}\"\n\
         [viber]\ntoken = \"{}\"\nuri = \"kafanakodane\"\napi_url = \"{}\"\n\
         [messenger]\npage_token = \"{}\"\napp_secret = \"{}\"\nverify_token = \"{}\"\n\
         page = \"kafanakodane\"\napi_url = \"{}\"\n",
        tg.token,
        tg.url,
        wa.token,
        wa.phone_number_id,
        wa.app_secret,
        wa.verify_token,
        wa.url,
        vb.token,
        vb.url,
        fb.page_token,
        fb.app_secret,
        fb.verify_token,
        fb.url
    ));
    let d = shop.path();
    let now = regulars::clock::now();
    let code = run_json(
        d,
        &["customer", "add", "--name", "Ana", "--language", "sr-Latn"],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    let s = run_json(
        d,
        &["sale", "record", "--amount", "9.00", "--customer", &code],
    );

    let browser = crate::browser::Driver::start();
    browser.go(&format!("{}{}", shop.base, visit_path(&s)));
    browser.script("document.querySelector('section.chats').scrollIntoView(); return 1;");
    let png = browser.screenshot();
    std::fs::write(
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-chats-all.png"),
        &png,
    )
    .unwrap();
    let buttons = browser.script(
        "return [...document.querySelectorAll('section.chats a.button')]
            .map(a => [a.dataset.app, a.href, a.getBoundingClientRect().height]);",
    );
    let buttons = buttons.as_array().unwrap();
    let apps: Vec<&str> = buttons.iter().map(|b| b[0].as_str().unwrap()).collect();
    assert_eq!(apps, ["viber", "whatsapp", "messenger", "telegram"]);
    for b in buttons {
        assert!(
            b[2].as_f64().unwrap() >= 44.0,
            "a button a thumb can press: {b}"
        );
    }
    let link = |app: &str| {
        buttons.iter().find(|b| b[0] == app).unwrap()[1]
            .as_str()
            .unwrap()
            .to_string()
    };
    let after = |l: &str, marker: &str| -> String {
        let at = l.find(marker).unwrap_or_else(|| panic!("{marker} in {l}")) + marker.len();
        l[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect()
    };

    tg.press_start(5551, &after(&link("telegram"), "start="));
    assert_eq!(send(d)["heard"]["linked"], 1);

    let wa_link = link("whatsapp");
    assert!(
        wa_link.starts_with("https://wa.me/381114000000?text="),
        "{wa_link}"
    );
    let code_wa = wa_link.rsplit("%20").next().unwrap().to_string();
    let body = wa.message(
        "381601234567",
        "wamid.A1",
        &format!("Link my card: {code_wa}"),
        now,
    );
    let text = body.to_string();
    let sig = wa.sign(text.as_bytes());
    assert_eq!(
        post(
            &shop,
            "/hooks/whatsapp",
            "x-hub-signature-256",
            Some(&sig),
            &text
        )
        .0,
        200
    );

    let body = vb
        .open_chat("VB1=", &after(&link("viber"), "context="), now)
        .to_string();
    let sig = vb.sign(body.as_bytes());
    assert_eq!(
        post(
            &shop,
            "/hooks/viber",
            "x-viber-content-signature",
            Some(&sig),
            &body
        )
        .0,
        200
    );

    let body = fb
        .referral("PSID1", &after(&link("messenger"), "ref="), now)
        .to_string();
    let sig = fb.sign(body.as_bytes());
    assert_eq!(
        post(
            &shop,
            "/hooks/messenger",
            "x-hub-signature-256",
            Some(&sig),
            &body
        )
        .0,
        200
    );

    let chats = run_json(d, &["customer", "show", &code])["chats"].clone();
    let mut linked: Vec<&str> = chats
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["unlinked_at"].is_null())
        .map(|c| c["channel"].as_str().unwrap())
        .collect();
    linked.sort();
    assert_eq!(
        linked,
        ["messenger", "telegram", "viber", "whatsapp"],
        "{chats}"
    );
    // The page says so for each, in her language.
    browser.go(&format!("{}{}", shop.base, visit_path(&s)));
    let said = browser.script(
        "return [...document.querySelectorAll('section.chats .linked')].map(p => p.innerText);",
    );
    assert_eq!(said.as_array().unwrap().len(), 4, "{said}");
}
