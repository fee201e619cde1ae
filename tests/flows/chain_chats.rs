//! Chat apps across a chain: Dublin's till takes the chats in (it asks Telegram for what
//! customers write), Riga's only sends. Anna, a Riga member, links Telegram from her visit
//! page: the code, signed with the chain's secret, is taken in at Dublin; the link reaches
//! Riga at its next sync, and Riga sends her reward news there. When she blocks the bot, Dublin
//! hears it and the end of the chat (and of her consent) reaches Riga too.

use crate::chain::{edit_config, sync, till};
use crate::common::run_json;
use crate::messages::outbox;
use crate::page_server::{PageServer, until_till_has};
use crate::pg::Postgres;
use crate::platforms::{Telegram, WhatsApp};
use crate::portal::{Shop, visit_path};

#[test]
fn a_chat_linked_at_one_till_reaches_the_members_home_till_which_writes_there() {
    let pg = Postgres::start();
    let tg = Telegram::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    for (dir, fetch) in [(&riga, false), (&dublin, true)] {
        edit_config(
            dir.path(),
            "[telegram]\n",
            &format!(
                "[telegram]\ntoken = \"{}\"\nbot = \"chain_bot\"\napi_url = \"{}\"\nfetch = {fetch}\n",
                tg.token, tg.url
            ),
        );
    }
    let riga = Shop::in_dir(riga, "", "127.0.0.1:0");
    let (r, d) = (riga.path(), dublin.path());
    run_json(r, &["central", "init"]);
    let anna = run_json(r, &["customer", "add", "--name", "Anna Ozola"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    sync(r);
    sync(d);
    let sale = run_json(
        r,
        &["sale", "record", "--amount", "10.00", "--customer", &anna],
    );
    let page = riga.get(&visit_path(&sale)).body;
    let at = page.find("?start=").expect("a Telegram button") + 7;
    let code: String = page[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();

    // Riga does not ask Telegram; Dublin does, and links her chat with the chain's code.
    tg.press_start(5551, &code);
    let round = run_json(r, &["messages", "send"]);
    assert!(
        round.get("heard").is_none(),
        "Riga leaves the bot's updates to Dublin: {round}"
    );
    let round = run_json(d, &["messages", "send"]);
    assert_eq!(round["heard"]["linked"], 1, "{round}");

    // The link reaches Riga with her consent; her reward news goes from Riga to the chat.
    sync(d);
    sync(r);
    let card = run_json(r, &["customer", "show", &anna]);
    assert_eq!(card["chats"][0]["chat"], "5551", "{card}");
    run_json(
        r,
        &["sale", "record", "--amount", "40.00", "--customer", &anna],
    );
    let round = run_json(r, &["messages", "send"]);
    assert_eq!(round["sent"], 1, "{round}");
    let sent = tg.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "5551");
    assert!(
        outbox(d).is_empty(),
        "Dublin does not write to Riga's member"
    );

    // She blocks the bot: Dublin hears it; the end reaches Riga, and nothing more goes.
    tg.block(5551, true);
    let round = run_json(d, &["messages", "send"]);
    assert_eq!(round["heard"]["ended"], 1, "{round}");
    sync(d);
    sync(r);
    let card = run_json(r, &["customer", "show", &anna]);
    assert_eq!(card["chats"][0]["unlinked_why"], "blocked", "{card}");
    let consents = run_json(r, &["customer", "export", &anna])["consents"].clone();
    let last = consents.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["channel"].as_str(), last["given"].as_i64()),
        (Some("telegram"), Some(0)),
        "{consents}"
    );
}

/// The chain's page server answers the public address, so WhatsApp's webhooks reach it: a
/// member links WhatsApp from her page there, writes, and the link and the ticket her words
/// opened reach her shop's till, whose staff answer her on WhatsApp.
#[test]
fn whatsapp_webhooks_at_the_chains_page_server_reach_the_till() {
    let pg = Postgres::start();
    let wa = WhatsApp::start();
    let settings = format!(
        "[whatsapp]\ntoken = \"{}\"\nphone_number_id = \"{}\"\nnumber = \"+91 40 4000 0000\"\n\
         app_secret = \"{}\"\nverify_token = \"{}\"\napi_url = \"{}\"\n",
        wa.token, wa.phone_number_id, wa.app_secret, wa.verify_token, wa.url
    );
    let shop = till(&pg.url(), "hyderabad", "hyd-1");
    edit_config(shop.path(), "[whatsapp]\n", &settings);
    let h = shop.path();
    run_json(h, &["central", "init"]);
    let priya = run_json(h, &["customer", "add", "--name", "Priya Reddy"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    sync(h);
    let sale = run_json(
        h,
        &["sale", "record", "--amount", "10.00", "--customer", &priya],
    );
    sync(h);
    let pages = PageServer::start_with(&pg.url(), "pages-1", "[whatsapp]\n", &settings);
    let page = pages.until_open(&visit_path(&sale));
    let at = page
        .find("https://wa.me/914040000000?text=")
        .expect("a wa.me link");
    let link: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let code = link.rsplit("%20").next().unwrap().to_string();

    let now = regulars::clock::now();
    let deliver = |body: serde_json::Value| {
        let text = body.to_string();
        let signature = wa.sign(text.as_bytes());
        pages.post(
            "/hooks/whatsapp",
            &[
                ("content-type", "application/json"),
                ("x-hub-signature-256", &signature),
            ],
            &text,
        )
    };
    let (status, said) = deliver(wa.message(
        "919840000001",
        "wamid.P1",
        &format!("Link my card: {code}"),
        now,
    ));
    assert_eq!(status, 200, "{said}");
    assert!(said.contains("\"linked\":1"), "{said}");
    let (status, said) =
        deliver(wa.message("919840000001", "wamid.P2", "My order was cold", now + 5));
    assert_eq!(status, 200, "{said}");

    // Her till hears of both at its next syncs, and answers her on WhatsApp.
    until_till_has(
        h,
        "SELECT COUNT(*) FROM chat_links WHERE unlinked_at IS NULL",
        1,
    );
    until_till_has(
        h,
        "SELECT COUNT(*) FROM tickets WHERE contact_via = 'whatsapp'",
        1,
    );
    let tickets = run_json(h, &["ticket", "list"])["tickets"].clone();
    let id = tickets[0]["id"].as_i64().unwrap().to_string();
    run_json(
        h,
        &[
            "ticket",
            "reply",
            &id,
            "--text",
            "A fresh one is on its way.",
        ],
    );
    let round = run_json(h, &["messages", "send"]);
    assert_eq!(round["sent"], 1, "{round}");
    let sent = wa.sent();
    assert_eq!(sent.last().unwrap().to, "919840000001");
    assert!(
        sent.last()
            .unwrap()
            .text
            .contains("A fresh one is on its way.")
    );
}
