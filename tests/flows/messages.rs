//! Messages to customers through a real SMTP server on loopback (aiosmtpd): every kind in
//! the customer's language, consent and its withdrawal (the unsubscribe link, on the
//! member's own page), a message waiting when consent is withdrawn. What goes wrong is in
//! `messages_faults.rs`.

use crate::common::{db, rules, run, run_json};
use crate::mail::{SmtpServer, free_port};
use crate::portal::Shop;
use regulars::store::{NewCustomer, NewSale, Store};
use std::path::Path;

const DAY: i64 = 86_400;

pub(crate) fn email_config(port: u16, extra: &str) -> String {
    format!(
        "public_url = \"http://shop.test\"\n\
         [shop]\nname = \"Corner Café\"\n\
         [email]\nsmtp = \"smtp://127.0.0.1:{port}\"\ntls = \"none\"\nfrom = \"loyalty@shop.test\"\n\
         {extra}"
    )
}

pub(crate) fn add(dir: &Path, name: &str, contact: &[&str]) -> String {
    let mut args = vec!["customer", "add", "--name", name];
    args.extend_from_slice(contact);
    run_json(dir, &args)["code"].as_str().unwrap().to_string()
}

pub(crate) fn consent(dir: &Path, code: &str, channel: &str, action: &str) -> serde_json::Value {
    run_json(dir, &["customer", "consent", code, channel, action])
}

pub(crate) fn sale(dir: &Path, code: &str, amount: &str) {
    run_json(
        dir,
        &["sale", "record", "--amount", amount, "--customer", code],
    );
}

pub(crate) fn send(dir: &Path) -> serde_json::Value {
    run_json(dir, &["messages", "send"])
}

pub(crate) fn outbox(dir: &Path) -> Vec<serde_json::Value> {
    run_json(dir, &["messages", "list"])["messages"]
        .as_array()
        .unwrap()
        .clone()
}

pub(crate) fn sql(dir: &Path, statement: &str) {
    crate::common::connect(crate::common::db(dir))
        .unwrap()
        .execute_batch(statement)
        .unwrap();
}

/// The path part of a link in a message (`http://shop.test/u/…` → `/u/…`).
fn path_of(url: &str) -> String {
    url.trim_matches(|c| c == '<' || c == '>')
        .trim_start_matches("http://shop.test")
        .to_string()
}

fn today_mm_dd(now: i64) -> String {
    let d = jiff::Timestamp::from_second(now)
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    format!("{:02}-{:02}", d.month(), d.day())
}

#[test]
fn every_kind_reaches_a_real_mail_server_in_the_customers_language() {
    let smtp = SmtpServer::start(0, &[]);
    let shop = Shop::new(&email_config(
        smtp.port,
        "[program.birthday]\nreward = \"cake\"\ndays = 14\n\
         [program.anniversary]\nreward = \"coffee\"\ndays = 7\n\
         [program.welcome_back]\nreward = \"coffee\"\ndays = 30\n",
    ));
    let d = shop.path();
    let now = regulars::clock::now();

    // Jānis reads Latvian, Ana Serbian; both agreed to email. Bob did not.
    let janis = add(
        d,
        "Jānis Bērziņš",
        &["--email", "janis@example.lv", "--language", "lv"],
    );
    let ana = add(
        d,
        "Ана Петровић",
        &["--email", "ana@example.rs", "--language", "sr-Cyrl"],
    );
    let bob = add(d, "Bob Byrne", &["--email", "bob@example.ie"]);
    let given = consent(d, &janis, "email", "give");
    assert!(
        given["wording"].as_str().unwrap().contains("e-pastā"),
        "the words shown, in his language: {given}"
    );
    consent(d, &ana, "email", "give");

    // A reward is ready for Jānis (45 points, the coffee costs 40); Ana is nearly there.
    sale(d, &janis, "45.00");
    sale(d, &ana, "33.00");
    sale(d, &bob, "45.00");
    // Ana's birthday is today.
    run_json(d, &["customer", "birthday", &ana, &today_mm_dd(now)]);
    // Cara joined a year ago today (English), and Dara stopped coming after ten weekly
    // visits (the welcome-back offer); both agreed to email.
    let mut store = Store::open(&db(d), rules()).unwrap();
    let year_ago = jiff::Timestamp::from_second(now)
        .unwrap()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .checked_sub(jiff::Span::new().years(1))
        .unwrap()
        .timestamp()
        .as_second();
    let mut n = 11u64;
    let mut random = move || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        n >> 11
    };
    let enrol =
        |store: &mut Store, name: &str, email: &str, at: i64, random: &mut dyn FnMut() -> u64| {
            let new = NewCustomer {
                name: name.into(),
                email: Some(email.into()),
                ..NewCustomer::default()
            };
            store.enroll(&new, at, random).unwrap().code
        };
    let cara = enrol(
        &mut store,
        "Cara Doyle",
        "cara@example.ie",
        year_ago,
        &mut random,
    );
    let start = now - 17 * 7 * DAY;
    let dara = enrol(
        &mut store,
        "Dara Walsh",
        "dara@example.ie",
        start,
        &mut random,
    );
    let eve = enrol(
        &mut store,
        "Eve Here",
        "eve@example.ie",
        now - 70 * DAY,
        &mut random,
    );
    for i in 0..10 {
        for (who, first) in [(&dara, start), (&eve, now - 70 * DAY)] {
            let sale = NewSale {
                amount: 1_500,
                at: first + i * 7 * DAY,
                customer: Some(who.clone()),
                receipt: None,
            };
            store.write(|t| t.counter().record_sale(&sale)).unwrap();
        }
    }
    drop(store);
    consent(d, &cara, "email", "give");
    consent(d, &dara, "email", "give");
    run_json(d, &["reward", "occasions"]);
    assert_eq!(run_json(d, &["insights", "refit"])["offers"], 1);
    // Bob asked for help and wants the answer by email: a service message, no consent needed.
    let ticket = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &bob,
            "--summary",
            "The milk was sour",
            "--contact-via",
            "email",
            "--contact",
            "bob@example.ie",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    run_json(
        d,
        &[
            "ticket",
            "resolve",
            &ticket.to_string(),
            "--note",
            "Refunded",
        ],
    );

    let round = send(d);
    assert_eq!(round["sent"], 6, "{round}");
    let mails = smtp.wait_for(6);
    let to =
        |who: &str| -> Vec<&crate::mail::Mail> { mails.iter().filter(|m| m.to == [who]).collect() };
    let j = to("janis@example.lv");
    assert_eq!(j.len(), 1, "{mails:#?}");
    assert!(
        j[0].subject.contains("Jūsu balva gaida: Free coffee"),
        "{}",
        j[0].subject
    );
    assert_eq!(j[0].content_language, "lv");
    assert!(j[0].text.starts_with("Sveiki, Jānis!"), "{}", j[0].text);
    assert!(j[0].text.contains("45 punkti"), "{}", j[0].text);
    assert!(
        j[0].list_unsubscribe.starts_with("<http://shop.test/u/"),
        "{j:?}"
    );
    assert_eq!(j[0].list_unsubscribe_post, "List-Unsubscribe=One-Click");
    assert!(
        j[0].text
            .contains(j[0].list_unsubscribe.trim_matches(['<', '>']))
    );
    let a = to("ana@example.rs");
    assert_eq!(a.len(), 2, "nearing a reward, and the birthday: {a:#?}");
    assert!(
        a.iter().any(|m| m.subject.contains("Скоро сте стигли")),
        "{a:#?}"
    );
    assert!(
        a.iter().any(|m| m.subject.starts_with("Срећан рођендан")),
        "{a:#?}"
    );
    assert!(a.iter().all(|m| m.content_language == "sr-Cyrl"));
    let c = to("cara@example.ie");
    assert_eq!(c.len(), 1);
    assert!(c[0].subject.contains("another year"), "{}", c[0].subject);
    let w = to("dara@example.ie");
    assert_eq!(w.len(), 1);
    assert!(w[0].subject.contains("missed you"), "{}", w[0].subject);
    assert!(
        w[0].text.contains("Free coffee is waiting for you until"),
        "{}",
        w[0].text
    );
    let b = to("bob@example.ie");
    assert_eq!(b.len(), 1, "only the answer to his ticket: {b:#?}");
    assert!(
        b[0].subject.starts_with("Is it sorted?"),
        "{}",
        b[0].subject
    );
    assert!(b[0].text.contains("The milk was sour"), "{}", b[0].text);
    assert_eq!(
        b[0].list_unsubscribe, "",
        "a service message has no unsubscribe link"
    );
    assert!(to("eve@example.ie").is_empty(), "no consent, no message");

    // The customer's timeline records it.
    let (_, timeline, _) = run(d, &["customer", "timeline", &janis]);
    assert!(
        timeline.contains("reward ready by email: sent"),
        "{timeline}"
    );

    // A ticket the customer does not confirm gets a follow-up after three days (as if
    // resolved four days ago), once each time.
    sql(d, &format!("UPDATE tickets SET resolved_at = resolved_at - 4 * 86400 WHERE id = {ticket};
                     UPDATE messages SET created_at = created_at - 4 * 86400 WHERE ticket_id = {ticket}"));
    assert_eq!(send(d)["sent"], 1);
    assert_eq!(send(d)["sent"], 0, "the follow-up goes once");
    let follow = smtp.wait_for(7);
    let last = follow.last().unwrap();
    assert_eq!(last.to, ["bob@example.ie"]);
    assert!(
        last.subject.starts_with("Still all right?"),
        "{}",
        last.subject
    );
    // Nothing was sent twice: one message per outbox key.
    let ids: std::collections::HashSet<&str> =
        follow.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(ids.len(), follow.len());
}

#[test]
fn the_unsubscribe_link_stops_the_next_marketing_message_and_a_forged_one_is_unknown() {
    let smtp = SmtpServer::start(0, &[]);
    let shop = Shop::new(&email_config(smtp.port, ""));
    let d = shop.path();
    let janis = add(
        d,
        "Jānis Bērziņš",
        &["--email", "janis@example.lv", "--language", "lv"],
    );
    consent(d, &janis, "email", "give");
    sale(d, &janis, "45.00");
    send(d);
    let mail = smtp.wait_for(1).remove(0);
    let link = path_of(&mail.list_unsubscribe);

    // The page shows the button in his language, with his address partly hidden.
    let page = shop.get(&link);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("j•••@example.lv"), "{}", page.body);
    assert!(page.body.contains("Atteikties"), "{}", page.body);
    // A forged or altered token: the same page as any unknown address.
    let mut forged = link.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let unknown = shop.get("/u/nothing-here");
    assert_eq!(shop.get(&forged).status, 404);
    assert_eq!(shop.get(&forged).body, unknown.body);
    assert_eq!(shop.post(&forged, &[]).status, 404);
    // A visit's receipt token does not unsubscribe anyone.
    let secret = regulars::datadir::DataDir::resolve(Some(d.to_path_buf()))
        .unwrap()
        .secret()
        .unwrap();
    assert_eq!(
        shop.post(&format!("/u/{}", secret.sign_visit(1)), &[])
            .status,
        404
    );

    // One click (as a mail program's one-click POST does, with no form token).
    let done = shop.post(&link, &[("List-Unsubscribe", "One-Click")]);
    assert_eq!(done.status, 200);
    assert!(done.body.contains("Gatavs"), "{}", done.body);
    assert!(shop.get(&link).body.contains("neesat pieteicies"));

    // The next marketing message is not even queued; nothing more reaches him.
    sale(d, &janis, "80.00");
    assert_eq!(send(d)["sent"], 0);
    assert_eq!(smtp.mails().len(), 1);
    // His export holds both: the consent with its words, and its withdrawal by the link.
    let export = run_json(d, &["customer", "export", &janis]);
    let consents = export["consents"].as_array().unwrap();
    assert_eq!(consents.len(), 2, "{export}");
    assert_eq!(consents[0]["source"], "counter");
    assert!(consents[0]["wording"].as_str().unwrap().contains("e-pastā"));
    assert_eq!(consents[1]["given"], 0);
    assert_eq!(consents[1]["source"], "unsubscribe");
    assert_eq!(export["messages"].as_array().unwrap().len(), 1);
    assert_eq!(export["messages"][0]["state"], "sent");
    // Erasure removes consents and messages.
    run_json(d, &["customer", "erase", &janis, "--yes"]);
    let export = run_json(d, &["customer", "export", &janis]);
    assert_eq!(export["consents"].as_array().unwrap().len(), 0, "{export}");
    assert_eq!(export["messages"].as_array().unwrap().len(), 0, "{export}");
    assert_eq!(
        shop.get(&link).status,
        404,
        "an erased customer's link leads nowhere"
    );
}

#[test]
fn consent_withdrawn_while_a_message_waits_means_it_is_not_sent() {
    // No server yet: the message waits in the outbox.
    let port = free_port();
    let shop = Shop::new(&email_config(port, ""));
    let d = shop.path();
    let ana = add(d, "Ana Ozola", &["--email", "ana@example.lv"]);
    consent(d, &ana, "email", "give");
    sale(d, &ana, "45.00");
    let (code, _, err) = run(d, &["messages", "send"]);
    assert_eq!(code, 0, "{err}");
    let queued = outbox(d);
    assert_eq!(queued[0]["state"], "queued");
    assert_eq!(queued[0]["problem"], "unreachable", "{queued:?}");
    assert_eq!(queued[0]["problem_about"], format!("127.0.0.1:{port}"));
    // She changes her mind at the counter before it could go.
    let withdrawn = consent(d, &ana, "email", "withdraw");
    assert_eq!(withdrawn["given"], false);
    let smtp = SmtpServer::start(port, &[]);
    sql(d, "UPDATE messages SET next_at = 0");
    send(d);
    let after = outbox(d);
    assert_eq!(after[0]["state"], "cancelled", "{after:?}");
    assert_eq!(after[0]["problem"], "consent_withdrawn");
    assert!(smtp.mails().is_empty());
    // Without consent no marketing message is queued at all.
    sale(d, &ana, "80.00");
    assert_eq!(outbox(d).len(), 1);
}

#[test]
fn a_member_chooses_messages_and_gives_a_birthday_on_their_own_page() {
    use crate::portal::{form_token, visit_path};
    let shop = Shop::new("[shop]\nname = \"Corner Café\"\ncountry_code = \"+371\"\n");
    let d = shop.path();
    let code = add(
        d,
        "Līga Kalniņa",
        &[
            "--email",
            "liga@example.lv",
            "--phone",
            "+371 2000 4321",
            "--language",
            "lv",
        ],
    );
    let sale = run_json(
        d,
        &["sale", "record", "--amount", "12.00", "--customer", &code],
    );
    let page_path = visit_path(&sale);
    let page = shop.get(&page_path);
    assert_eq!(page.status, 200);
    // Both boxes, unticked, with the words in her language; the birthday field.
    assert!(page.body.contains("Ziņas no veikala"), "{}", page.body);
    assert!(
        page.body.contains("no Corner Café e-pastā"),
        "{}",
        page.body
    );
    assert!(page.body.contains("no Corner Café īsziņā"), "{}", page.body);
    assert!(
        !page.body.contains("value=\"yes\" checked"),
        "nothing ticked yet"
    );
    let form = form_token(&page.body);
    let post = |fields: &[(&str, &str)]| {
        let mut all = vec![("form", form.as_str()), ("shown", "lv")];
        all.extend_from_slice(fields);
        shop.post(&format!("{page_path}/messages"), &all)
    };
    // A birthday that is no day of the year: told so, nothing kept.
    let bad = post(&[("email", "yes"), ("birthday", "02-30")]);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("MM-DD"), "{}", bad.body);
    assert_eq!(
        run_json(d, &["customer", "export", &code])["consents"],
        serde_json::json!([])
    );
    // Email yes, SMS no, and her birthday.
    let done = post(&[("email", "yes"), ("birthday", "7-14")]);
    assert_eq!(done.status, 303, "{}", done.body);
    let export = run_json(d, &["customer", "export", &code]);
    let consents = export["consents"].as_array().unwrap();
    assert_eq!(consents.len(), 1, "{export}");
    assert_eq!(
        (
            consents[0]["channel"].as_str(),
            consents[0]["given"].as_i64(),
            consents[0]["source"].as_str()
        ),
        (Some("email"), Some(1), Some("page"))
    );
    assert!(consents[0]["wording"].as_str().unwrap().contains("e-pastā"));
    assert_eq!(consents[0]["language"], "lv");
    assert_eq!(export["customer"]["birthday"], "07-14");
    assert_eq!(export["customer"]["birthday_source"], "page");
    // The page now shows the email box ticked, and never the birthday itself.
    let page = shop.get(&page_path);
    assert_eq!(
        page.body.matches("value=\"yes\" checked").count(),
        1,
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Veikalam ir jūsu dzimšanas diena"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("07-14\""),
        "the birthday is not shown back"
    );
    // Unticking it later withdraws it, from the page.
    let form = form_token(&page.body);
    let done = shop.post(
        &format!("{page_path}/messages"),
        &[("form", form.as_str()), ("shown", "lv")],
    );
    assert_eq!(done.status, 303);
    let consents = run_json(d, &["customer", "export", &code])["consents"].clone();
    assert_eq!(consents.as_array().unwrap().len(), 2);
    assert_eq!(
        (
            consents[1]["given"].as_i64(),
            consents[1]["source"].as_str()
        ),
        (Some(0), Some("page"))
    );
    // A post without the page's anti-forgery token changes nothing.
    let forged = shop.post(&format!("{page_path}/messages"), &[("email", "yes")]);
    assert_eq!(forged.status, 403);
    assert_eq!(
        run_json(d, &["customer", "export", &code])["consents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}
