//! Support at the counter: a receipt scan opens the visit with its tickets; staff open, answer
//! and resolve tickets from the panel. A ticket opened there records how the customer wants to
//! hear back: in the shop, or by email, SMS or a call on the card's address or number (or
//! another typed), so a reply and "is it sorted?" go out for it.

use crate::counter_ui::{fill, harness, last_notice, press, step_until};
use egui_kittest::kittest::Queryable;

type H = egui_kittest::Harness<'static, regulars::ui::CounterApp>;

/// A customer enrolled with `card` (`customer add` arguments), scanned at the counter, with the
/// ticket form open.
fn ticket_form(d: &std::path::Path, card: &[&str]) -> H {
    let mut args = vec!["customer", "add"];
    args.extend_from_slice(card);
    let code = crate::common::run_json(d, &args)["code"]
        .as_str()
        .unwrap()
        .to_string();
    let mut h = harness(d);
    h.run_steps(3);
    let what = regulars::devices::scanner::classify(&code);
    h.state().counter.scan_typed(&code, what);
    step_until(&mut h, "the customer on screen", |a| {
        a.counter.state().customer.is_some()
    });
    press(&mut h, "Open a support ticket (F12)");
    h.run_steps(2);
    h
}

#[test]
fn the_counters_ticket_form_asks_how_to_reply_and_is_it_sorted_goes_there() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut h = ticket_form(
        d,
        &[
            "--name",
            "Ann",
            "--email",
            "ann@example.ie",
            "--phone",
            "+353871234567",
        ],
    );
    // In the shop until chosen otherwise; each way shows what is on the card.
    h.get_by_label("Next time in the shop");
    fill(&mut h, "What went wrong", "Card reader charged twice");
    press(&mut h, "Email (ann@example.ie)");
    h.run_steps(2);
    press(&mut h, "Open ticket");
    step_until(&mut h, "the emailed ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 1
    });
    // SMS to another number, typed.
    fill(&mut h, "What went wrong", "Wrong size");
    press(&mut h, "Text message (SMS) (+353871234567)");
    h.run_steps(2);
    fill(
        &mut h,
        "Address or number (empty: the one on the card)",
        "+353861112222",
    );
    press(&mut h, "Open ticket");
    step_until(&mut h, "the texted ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 2
    });
    let contact = |id| crate::support::ticket_contact(d, id);
    assert_eq!(contact(1), ("email".into(), Some("ann@example.ie".into())));
    assert_eq!(contact(2), ("sms".into(), Some("+353861112222".into())));
    // The form is back to "in the shop" for the next ticket.
    assert_eq!(
        h.state().support.ticket_reply,
        regulars::domain::support::ContactVia::InStore
    );

    // Staff answer the emailed ticket from the counter: in its history at once, and queued.
    press(&mut h, "Reply to #1 (Email)");
    h.run_steps(2);
    fill(
        &mut h,
        "What to tell them",
        "Refunded the second charge today.",
    );
    press(&mut h, "Send reply (#1)");
    step_until(&mut h, "the reply", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Reply to ticket #1"))
    });
    let t1 = crate::common::run_json(d, &["ticket", "show", "1"]);
    assert!(t1["first_reply_at"].is_i64(), "{t1}");
    // The texted ticket offers its own way.
    h.get_by_label("Reply to #2 (Text message (SMS))");

    for id in ["1", "2"] {
        crate::common::run_json(d, &["ticket", "resolve", id, "--note", "Refunded"]);
    }
    let to = crate::support::outbox_to(d);
    let sent = |kind: &str, channel: &str, who: &str| {
        to.contains(&(kind.to_string(), channel.to_string(), who.to_string()))
    };
    assert!(sent("ticket_resolved", "email", "ann@example.ie"), "{to:?}");
    assert!(sent("ticket_resolved", "sms", "+353861112222"), "{to:?}");
    assert!(sent("ticket_reply", "email", "ann@example.ie"), "{to:?}");
}

#[test]
fn the_counters_ticket_form_offers_the_chats_the_member_linked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    crate::common::run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Ana",
            "--phone",
            "+381601234567",
        ],
    );
    // Ana linked Telegram from her visit page; a chat she linked on Viber has ended.
    crate::messages::sql(
        d,
        "INSERT INTO chat_links (customer_id, channel, chat, code, linked_at)
         VALUES (1, 'telegram', '5551', 'CODE1', 1700000000);
         INSERT INTO chat_links (customer_id, channel, chat, code, linked_at, unlinked_at)
         VALUES (1, 'viber', 'vb-1', 'CODE2', 1700000000, 1700000100);",
    );
    let code = crate::common::run_json(d, &["customer", "find", "Ana"])["customers"][0]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let mut h = harness(d);
    h.run_steps(3);
    let what = regulars::devices::scanner::classify(&code);
    h.state().counter.scan_typed(&code, what.clone());
    step_until(&mut h, "her chats loaded", |a| {
        !a.counter.support_side().support.chats.is_empty()
    });
    press(&mut h, "Open a support ticket (F12)");
    h.run_steps(2);
    assert!(
        h.query_by_label("Viber").is_none(),
        "an ended chat is not offered"
    );
    fill(&mut h, "What went wrong", "Cup cracked");
    press(&mut h, "Telegram");
    h.run_steps(2);
    assert!(
        h.query_by_label("Address or number (empty: the one on the card)")
            .is_none(),
        "the chat is the address"
    );
    press(&mut h, "Open ticket");
    step_until(&mut h, "the ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 1
    });
    assert_eq!(
        crate::support::ticket_contact(d, 1),
        ("telegram".into(), Some("5551".into()))
    );
    h.get_by_label("Reply to #1 (Telegram)");

    // Resolved; her answer in the chat puts it back on her panel for staff to read.
    crate::common::run_json(d, &["ticket", "resolve", "1"]);
    let mut store =
        regulars::store::Store::open(&crate::common::db(d), crate::common::rules()).unwrap();
    store
        .write(|t| {
            t.messages().hear_chat(&regulars::store::ChatMessage {
                channel: regulars::domain::messages::Channel::Telegram,
                platform_id: "9",
                chat: "5551",
                text: "Still cracked",
                at: regulars::clock::now(),
            })
        })
        .unwrap();
    press(&mut h, "Clear customer (Esc)");
    h.run_steps(2);
    h.state().counter.scan_typed(&code, what);
    step_until(&mut h, "her answered ticket", |a| {
        a.counter
            .support_side()
            .support
            .open_tickets
            .iter()
            .any(|t| t.customer_wrote.is_some())
    });
    h.run_steps(2);
    h.get_by_label("The customer wrote after it was resolved: “Still cracked”");
    assert!(h.query_by_label("Resolve #1").is_none(), "already resolved");
    h.get_by_label("Reply to #1 (Telegram)");
}

#[test]
fn a_receipt_scan_opens_the_visit_with_its_tickets_and_staff_work_them_from_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let c = crate::common::run_json(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Cara Doyle",
            "--phone",
            "0871234567",
        ],
    );
    let code = c["code"].as_str().unwrap().to_string();
    let sale = crate::common::run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "6.00",
            "--customer",
            &code,
            "--receipt",
            "T-9",
        ],
    );
    // A ticket from a phone call about that receipt, with script in it.
    crate::common::run_json(
        dir.path(),
        &[
            "ticket",
            "add",
            "--customer",
            &code,
            "--receipt",
            "T-9",
            "--summary",
            "<b>Cold</b> soup",
            "--channel",
            "phone",
        ],
    );
    let mut h = harness(dir.path());
    h.run_steps(2);
    let url = sale["receipt_url"].as_str().unwrap().to_string();
    let scan = regulars::devices::scanner::Scan {
        data: url.clone(),
        aim: None,
        prefix: None,
    };
    h.state()
        .counter
        .scan_sender
        .send(Ok(regulars::devices::scanner::ScanEvent::Scanned {
            what: regulars::devices::scanner::classify(&url),
            scan,
        }))
        .unwrap();
    step_until(&mut h, "the visit and its tickets", |a| {
        !a.counter.support_side().support.visit_tickets.is_empty()
            && !a.counter.support_side().support.open_tickets.is_empty()
    });
    // Shown as typed (egui draws text, never markup).
    h.get_by_label("#1 [open] <b>Cold</b> soup");
    h.get_by_label("Open support tickets: 1");

    // A note and a new ticket at the counter, then resolve the first.
    press(&mut h, "Add a note");
    h.run_steps(2);
    fill(&mut h, "Note for all staff", "Prefers oat milk");
    press(&mut h, "Add note");
    step_until(&mut h, "the note on the timeline", |a| {
        a.counter
            .support_side()
            .support
            .timeline
            .iter()
            .any(|e| e.kind() == "note")
    });
    press(&mut h, "Open a support ticket (F12)");
    h.run_steps(2);
    fill(&mut h, "What went wrong", "Loyalty card cracked");
    press(&mut h, "Open ticket");
    step_until(&mut h, "the second ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 2
    });
    assert!(
        last_notice(&h).text.contains("about visit V1"),
        "{:?}",
        last_notice(&h)
    );
    press(&mut h, "Resolve #1");
    step_until(&mut h, "the resolved ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 1
    });
    let t = crate::common::run_json(dir.path(), &["ticket", "show", "1"]);
    assert_eq!(t["status"], "resolved");
    let t2 = crate::common::run_json(dir.path(), &["ticket", "show", "2"]);
    assert_eq!(t2["channel"], "counter");
    assert_eq!(t2["visit_id"], 1);
}

/// A shop without tickets sees that none were overdue, not an empty chart whose days start in
/// 1970.
#[test]
fn a_shop_without_tickets_is_told_none_were_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    crate::common::run_json(d, &["sale", "record", "--amount", "4.20"]);
    let mut h = harness(d);
    h.run_steps(2);
    h.get_by_label("Owner dashboard (F7)").click();
    h.run_steps(3);
    h.get_by_label("Show figures").click();
    step_until(&mut h, "the figures", |a| {
        a.counter.owner_figures().figures.is_some()
    });
    h.run_steps(2);
    h.get_by_label("Overdue tickets at the end of each day");
    h.get_by_label("No tickets in this range, so none were overdue.");
}

/// Email chosen for a card with no address and none typed: the form says so and waits, and
/// what was typed stays until an address is given.
#[test]
fn a_reply_by_email_for_a_card_without_one_waits_for_an_address_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut h = ticket_form(d, &["--name", "Bob", "--phone", "+353861112222"]);
    fill(&mut h, "What went wrong", "Receipt faded");
    press(&mut h, "Email");
    h.run_steps(2);
    h.get_by_label("a reply by email needs an address: the card has none, so type the one to use");
    press(&mut h, "Open ticket");
    h.run_steps(5);
    let tickets = || {
        crate::common::connect(crate::common::db(d))
            .unwrap()
            .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    assert_eq!(tickets(), 0, "the button waits for an address");
    assert_eq!(
        h.state().support.ticket_summary,
        "Receipt faded",
        "nothing typed is lost"
    );
    fill(
        &mut h,
        "Address or number (empty: the one on the card)",
        "bob@example.ie",
    );
    press(&mut h, "Open ticket");
    step_until(&mut h, "the ticket", |a| {
        a.counter.support_side().support.open_tickets.len() == 1
    });
    assert_eq!(
        crate::support::ticket_contact(d, 1),
        ("email".into(), Some("bob@example.ie".into()))
    );
}
