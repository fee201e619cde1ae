//! The customer's own messaging apps, end to end against local servers that answer as the
//! apps' APIs do (`platforms.rs`): a member links Telegram from their visit page in a phone-
//! sized Chromium, a resolved ticket's "is it sorted?" reaches the chat with the visit's link,
//! the customer's answer lands in the ticket, staff's reply goes back, blocking the bot
//! withdraws consent and cancels what waits. And everything that goes wrong on the way:
//! a used or unknown code, a chat linked to no one, a revoked token, an app asking to slow
//! down.

use crate::browser::Driver;
use crate::common::{run, run_json, run_later};
use crate::messages::{outbox, send};
use crate::platforms::Telegram;
use crate::portal::{Shop, visit_path};
use std::path::Path;

fn telegram_config(t: &Telegram) -> String {
    format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Kafana Kod Ane\"\ncountry_code = \"+381\"\n\
         [telegram]\ntoken = \"{}\"\nbot = \"kodane_bot\"\napi_url = \"{}\"\n",
        t.token, t.url
    )
}

/// A member's sale (Serbian Latin words): (card code, visit id, visit path).
pub(crate) fn member_sale(d: &Path, name: &str, amount: &str) -> (String, i64, String) {
    let c = run_json(
        d,
        &["customer", "add", "--name", name, "--language", "sr-Latn"],
    );
    let code = c["code"].as_str().unwrap().to_string();
    let s = run_json(
        d,
        &["sale", "record", "--amount", amount, "--customer", &code],
    );
    (code, s["visit_id"].as_i64().unwrap(), visit_path(&s))
}

pub(crate) fn ticket_events(d: &Path, id: &str) -> Vec<serde_json::Value> {
    run_json(d, &["ticket", "show", id])["events"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_member_links_telegram_on_the_page_and_a_ticket_goes_both_ways_in_the_chat() {
    let tg = Telegram::start();
    let shop = Shop::new(&telegram_config(&tg));
    let d = shop.path();
    let (ana, visit, path) = member_sale(d, "Ana Petrović", "12.00");

    // On her phone, the visit page offers Telegram with the words she agrees to.
    let browser = Driver::start();
    browser.go(&format!("{}{path}", shop.base));
    browser.script("document.querySelector('section.chats').scrollIntoView(); return 1;");
    let png = browser.screenshot();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-chats.png");
    std::fs::write(&out, &png).unwrap();
    let link = browser.script("return document.querySelector('a[data-app=telegram]').href");
    let link = link.as_str().unwrap().to_string();
    let words = browser.script("return document.querySelector('section.chats').innerText");
    assert!(
        words.as_str().unwrap().contains("Telegram"),
        "the words shown: {words}"
    );
    let payload = link
        .strip_prefix("https://t.me/kodane_bot?start=")
        .unwrap_or_else(|| panic!("a link to the bot with a start code: {link}"))
        .to_string();
    assert!(payload.len() <= 64 && payload.bytes().all(|b| b.is_ascii_alphanumeric()));

    // Tapping it opens Telegram, where she presses Start: the next round links the chat.
    tg.press_start(5551, &payload);
    let round = send(d);
    assert_eq!(round["heard"]["linked"], 1, "{round}");
    let card = run_json(d, &["customer", "show", &ana]);
    assert_eq!(card["chats"][0]["channel"], "telegram", "{card}");
    assert_eq!(card["chats"][0]["chat"], "5551", "{card}");
    let (_, text, _) = run(d, &["customer", "show", &ana]);
    assert!(text.contains("Telegram"), "customer show lists it: {text}");
    let consent = run_json(d, &["customer", "export", &ana])["consents"][0].clone();
    assert_eq!(
        (consent["channel"].as_str(), consent["source"].as_str()),
        (Some("telegram"), Some("chat")),
        "{consent}"
    );
    assert!(
        consent["wording"].as_str().unwrap().contains("Telegram"),
        "{consent}"
    );

    // The same code from another chat, and a code the shop never made: nothing linked.
    tg.press_start(6662, &payload);
    tg.press_start(6663, "0123456789ABCDEFGHJKMNPQRSTVWXY");
    let round = send(d);
    assert_eq!(round["heard"]["refused"], 2, "{round}");
    assert_eq!(
        round["heard"]["linked"], 0,
        "her Start, asked for again, is not taken twice"
    );
    assert_eq!(
        tg.pending(),
        2,
        "Telegram was told the first Start was taken"
    );
    assert_eq!(shop.count("SELECT COUNT(*) FROM chat_links"), 1);
    assert!(tg.sent().is_empty(), "nothing said to strangers");

    // The page now says the chat is linked.
    browser.go(&format!("{}{path}", shop.base));
    let linked = browser.script("return document.querySelector('section.chats .linked').innerText");
    assert!(linked.as_str().unwrap().contains("Telegram"), "{linked}");

    // Her ticket about the visit, answered on Telegram: resolved, "is it sorted?" arrives in
    // the chat in her language with the visit's link.
    let t = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &ana,
            "--receipt",
            &format!("V{visit}"),
            "--summary",
            "Hladna supa",
            "--contact-via",
            "telegram",
        ],
    );
    let id = t["id"].as_i64().unwrap().to_string();
    let (code, _, err) = run(d, &["ticket", "resolve", &id]);
    assert_eq!(code, 0, "{err}");
    let round = send(d);
    assert_eq!(round["sent"], 1, "{round}");
    let sorted = tg.sent().pop().unwrap();
    assert_eq!(sorted.to, "5551");
    assert!(sorted.text.contains("Hladna supa"), "{}", sorted.text);
    assert!(
        sorted.text.contains(&format!("http://shop.test{path}")),
        "the visit's link: {}",
        sorted.text
    );

    // She answers in the chat: it lands in the ticket's history for all staff.
    tg.write(5551, "Nije, supa je i dalje hladna");
    let round = send(d);
    assert_eq!(round["heard"]["heard"], 1, "{round}");
    let events = ticket_events(d, &id);
    assert!(
        events
            .iter()
            .any(|e| e["body"] == "Nije, supa je i dalje hladna" && e["actor"] == "customer"),
        "{events:?}"
    );

    // The ticket was resolved: her words put it back in the list staff work from.
    let listed = run_json(d, &["ticket", "list"])["tickets"].clone();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == id.parse::<i64>().unwrap()
                && t["status"] == "resolved"
                && t["customer_wrote"] == "Nije, supa je i dalje hladna"),
        "{listed}"
    );

    // Staff answer from the command line: on Telegram again.
    let (code, out, err) = run(
        d,
        &[
            "ticket",
            "reply",
            &id,
            "--text",
            "Izvinite! Sledeća je na nas.",
            "--by",
            "Mia",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    send(d);
    // Answered: the resolved ticket leaves the list staff work from.
    let listed = run_json(d, &["ticket", "list"])["tickets"].clone();
    assert!(listed.as_array().unwrap().is_empty(), "{listed}");
    let reply = tg.sent().pop().unwrap();
    assert!(
        reply.text.contains("Izvinite! Sledeća je na nas."),
        "{}",
        reply.text
    );

    // Someone the shop does not know writes to the bot: kept for the owner, no ticket.
    let tickets = shop.count("SELECT COUNT(*) FROM tickets");
    tg.write(7777, "Do you deliver?");
    let round = send(d);
    assert_eq!(round["heard"]["unknown"], 1, "{round}");
    assert_eq!(shop.count("SELECT COUNT(*) FROM tickets"), tickets);
    let unknown = run_json(d, &["messages", "unknown"]);
    assert_eq!(
        unknown["messages"][0]["text"], "Do you deliver?",
        "{unknown}"
    );
    let (_, text, _) = run(d, &["messages", "unknown"]);
    assert!(text.contains("Telegram 7777: Do you deliver?"), "{text}");

    // Her reward becomes ready (offers on Telegram, as she chose), then she blocks the bot
    // before the next round: consent is withdrawn and the offer is not sent.
    run_json(
        d,
        &["sale", "record", "--amount", "40.00", "--customer", &ana],
    );
    assert!(
        outbox(d)
            .iter()
            .any(|m| m["channel"] == "telegram" && m["state"] == "queued"),
        "{:?}",
        outbox(d)
    );
    let before = tg.sent().len();
    tg.block(5551, true);
    let round = send(d);
    assert_eq!(round["heard"]["ended"], 1, "{round}");
    assert_eq!(tg.sent().len(), before, "nothing sent after the block");
    let waiting = outbox(d);
    assert!(
        waiting
            .iter()
            .filter(|m| m["channel"] == "telegram" && m["kind"] == "reward_ready")
            .all(|m| m["state"] == "cancelled"),
        "{waiting:?}"
    );
    let card = run_json(d, &["customer", "show", &ana]);
    assert!(card["chats"][0]["unlinked_at"].is_i64(), "{card}");
    let consents = run_json(d, &["customer", "export", &ana])["consents"].clone();
    let last = consents.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["channel"].as_str(), last["given"].as_i64()),
        (Some("telegram"), Some(0))
    );
}

#[test]
fn telegram_faults_are_told_and_nothing_is_lost_or_sent_twice() {
    let tg = Telegram::start();
    let shop = Shop::new(&telegram_config(&tg));
    let d = shop.path();
    let (ana, _, _) = member_sale(d, "Ana Petrović", "12.00");
    let browser_free_code = {
        // The page's code, read as a phone would get it.
        let (_, _, path) = member_sale(d, "Iva Ilić", "3.00");
        let page = shop.get(&path).body;
        let at = page.find("?start=").expect("a Telegram button") + 7;
        page[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let _ = ana;
    tg.press_start(9001, &browser_free_code);
    assert_eq!(send(d)["heard"]["linked"], 1);
    let iva = run_json(d, &["customer", "find", "Iva"])["customers"][0]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let ticket = |summary: &str| {
        let t = run_json(
            d,
            &[
                "ticket",
                "add",
                "--customer",
                &iva,
                "--summary",
                summary,
                "--contact-via",
                "telegram",
            ],
        );
        t["id"].as_i64().unwrap().to_string()
    };

    // Telegram asks to slow down: the reply waits and goes once, later.
    let first = ticket("Pogrešan kusur");
    tg.busy(1);
    run(
        d,
        &["ticket", "reply", &first, "--text", "Vraćamo razliku."],
    );
    let round = send(d);
    assert_eq!(round["retrying"], 1, "{round}");
    assert!(tg.sent().is_empty());
    let round = run_later(d, 3600, &["--json", "messages", "send"]);
    assert_eq!(round.0, 0, "{}", round.2);
    assert_eq!(tg.sent().len(), 1);
    run_later(d, 7200, &["--json", "messages", "send"]);
    assert_eq!(tg.sent().len(), 1, "sent once");

    // A very long message with a terminal escape in it: kept (cut at the limit, the control
    // character dropped), never refused; Telegram would not send it again anyway.
    let long = format!("{}\u{1b}[31m", "dugo ".repeat(700));
    tg.write(9001, &long);
    assert_eq!(send(d)["heard"]["heard"], 1);
    let kept = ticket_events(d, &first)
        .into_iter()
        .rfind(|e| e["actor"] == "customer")
        .unwrap();
    let body = kept["body"].as_str().unwrap();
    assert!(
        body.chars().count() <= 2000 && !body.contains('\u{1b}'),
        "{}",
        body.len()
    );

    // A ticket waiting on her answer is open again when she answers in the chat.
    run_json(d, &["ticket", "wait", &first]);
    tg.write(9001, "Evo broja računa: 1234");
    assert_eq!(send(d)["heard"]["heard"], 1);
    let t = run_json(d, &["ticket", "show", &first]);
    assert_eq!(t["status"], "open", "{t}");
    assert!(
        t["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "open" && e["actor"] == "customer"),
        "{t}"
    );

    // A customer with no chat on Telegram: the ticket cannot be answered there.
    let (code, _, err) = run(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &ana,
            "--summary",
            "x",
            "--contact-via",
            "telegram",
        ],
    );
    assert_ne!(code, 0);
    assert!(err.contains("Telegram"), "{err}");

    // The token is revoked: the message fails at once, and the owner reads why.
    let second = ticket("Hladna kafa");
    run(d, &["ticket", "reply", &second, "--text", "Izvinite."]);
    tg.revoke();
    let (code, out, err) = run(d, &["messages", "send"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("refused the key"), "{out}");
    let failed: Vec<_> = outbox(d)
        .into_iter()
        .filter(|m| m["state"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["problem"], "token_refused");

    // Telegram cannot be reached at all (the shop's line is down): the reply waits, said so.
    crate::chain::edit_config(d, &tg.url, "http://127.0.0.1:9");
    let third = ticket("Prljava šolja");
    run(
        d,
        &["ticket", "reply", &third, "--text", "Izvinite još jednom."],
    );
    let round = send(d);
    assert_eq!(round["retrying"], 1, "{round}");
    assert_eq!(round["poll_problem"]["code"], "unreachable", "{round}");
    let waiting = outbox(d)
        .into_iter()
        .find(|m| m["ticket_id"] == third.parse::<i64>().unwrap())
        .unwrap();
    assert_eq!(
        (waiting["state"].as_str(), waiting["problem"].as_str()),
        (Some("queued"), Some("unreachable")),
        "{waiting}"
    );
}
