//! A ticket opened at the counter records how the customer wants to hear back: in the shop, or
//! by email, SMS or a call on the card's address or number (or another typed), so "is it
//! sorted?" goes out for it once it is resolved.

use crate::counter_ui::{fill, harness, press, step_until};

#[test]
fn the_counters_ticket_form_asks_how_to_reply_and_is_it_sorted_goes_there() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ann = crate::common::run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Ann",
            "--email",
            "ann@example.ie",
            "--phone",
            "+353871234567",
        ],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    let mut h = harness(d);
    h.run_steps(3);
    let what = regulars::devices::scanner::classify(&ann);
    h.state().counter.scan_typed(&ann, what);
    step_until(&mut h, "Ann on screen", |a| {
        a.counter.state().customer.is_some()
    });
    press(&mut h, "Open a support ticket");
    h.run_steps(2);
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
