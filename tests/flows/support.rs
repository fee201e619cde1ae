//! Support history in the store: priority by severity and customer value, the follow-up list,
//! claims with refunds and the 30-day window, erasure, and the timeline.

use crate::common::{DAY, T0, check_invariants, counter, enroll, store};
use regulars::domain::support::{Channel, Status};
use regulars::store::{NewSale, NewTicket, Store, TicketFilter};

fn sale(store: &mut Store, customer: Option<&str>, amount: i64, at: i64) -> i64 {
    store
        .write(|tx| {
            tx.counter().record_sale(&NewSale {
                amount,
                at,
                customer: customer.map(str::to_string),
                receipt: None,
            })
        })
        .unwrap()
        .visit_id
}

fn ticket(store: &mut Store, customer: &str, severity: i64, at: i64) -> i64 {
    store
        .write(|tx| {
            tx.support().open_ticket(&NewTicket {
                customer: Some(customer.into()),
                visit_id: None,
                channel: Channel::Phone,
                problem: None,
                summary: "Called about an order".into(),
                contact_via: None,
                contact: None,
                severity: Some(severity),
                at,
                actor: Some("Mia".into()),
                key: None,
            })
        })
        .unwrap()
        .id
}

#[test]
fn tickets_are_worked_by_severity_then_customer_value_not_arrival() {
    let (_d, mut s) = store();
    let regular = enroll(&mut s, "Regular Rita", "0870000001", None);
    let stranger = enroll(&mut s, "New Ned", "0870000002", None);
    for i in 0..30 {
        sale(&mut s, Some(&regular), 900, T0 + i * DAY);
    }
    sale(&mut s, Some(&stranger), 300, T0);
    // Opened an hour apart and none past its reply target yet (those would come first).
    let ned = ticket(&mut s, &stranger, 2, T0 + 40 * DAY);
    let rita = ticket(&mut s, &regular, 2, T0 + 40 * DAY + 3600);
    let urgent_ned = ticket(&mut s, &stranger, 3, T0 + 40 * DAY + 7200);
    let order: Vec<i64> = s
        .read(|tx| {
            tx.support()
                .tickets(&TicketFilter::default(), T0 + 40 * DAY + 3 * 3600)
        })
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(order, [urgent_ned, rita, ned]);
}

#[test]
fn resolved_but_unconfirmed_tickets_come_back_for_follow_up() {
    let (_d, mut s) = store();
    let c = enroll(&mut s, "Ann", "0870000001", None);
    let a = ticket(&mut s, &c, 2, T0);
    let b = ticket(&mut s, &c, 2, T0);
    for id in [a, b] {
        s.write(|tx| {
            tx.support().set_ticket_status(
                id,
                Status::Resolved,
                Some("Sorted"),
                None,
                None,
                T0 + DAY,
            )
        })
        .unwrap();
    }
    s.write(|tx| {
        tx.support()
            .set_ticket_status(b, Status::Confirmed, None, None, None, T0 + 2 * DAY)
    })
    .unwrap();
    let follow = |s: &mut Store, now| {
        s.read(|tx| {
            tx.support().tickets(
                &TicketFilter {
                    follow_up_after_days: Some(3),
                    ..TicketFilter::default()
                },
                now,
            )
        })
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect::<Vec<_>>()
    };
    assert!(follow(&mut s, T0 + 3 * DAY).is_empty(), "not yet: 2 days");
    assert_eq!(follow(&mut s, T0 + 4 * DAY), [a]);
    // A wrong move is refused with the reason and changes nothing.
    let err = s
        .write(|tx| {
            tx.support()
                .set_ticket_status(b, Status::Waiting, None, None, None, T0 + 5 * DAY)
        })
        .unwrap_err();
    assert!(err.to_string().contains("cannot become"), "{err}");
}

#[test]
fn a_claim_earns_what_the_receipt_earned_once_within_thirty_days() {
    let (_d, mut s) = store();
    let v = sale(&mut s, None, 1250, T0);
    // Half refunded before the claim: points on what is left.
    s.write(|tx| {
        tx.counter()
            .refund(&format!("V{v}"), Some(650), T0 + DAY, &Default::default())
    })
    .unwrap();
    let mut rng = counter();
    let claimed = s
        .write(|tx| {
            tx.support()
                .claim_visit(v, "Ann Byrne", "087 000 0009", T0 + 2 * DAY, &mut rng)
        })
        .unwrap();
    assert!(claimed.enrolled);
    assert_eq!((claimed.points_earned, claimed.balance), (6, 6));
    assert_eq!(claimed.first_name, "Ann");
    let again = s.write(|tx| {
        tx.support()
            .claim_visit(v, "", "087 000 0009", T0 + 2 * DAY, &mut rng)
    });
    assert!(
        again
            .unwrap_err()
            .to_string()
            .contains("already been claimed")
    );
    let late = sale(&mut s, None, 500, T0);
    let err = s
        .write(|tx| {
            tx.support()
                .claim_visit(late, "", "087 000 0009", T0 + 31 * DAY, &mut rng)
        })
        .unwrap_err();
    assert!(err.to_string().contains("30 days"), "{err}");
    let refunded = sale(&mut s, None, 500, T0);
    s.write(|tx| {
        tx.counter()
            .refund(&format!("V{refunded}"), None, T0, &Default::default())
    })
    .unwrap();
    let err = s
        .write(|tx| {
            tx.support()
                .claim_visit(refunded, "", "087 000 0009", T0 + DAY, &mut rng)
        })
        .unwrap_err();
    assert!(err.to_string().contains("refunded"), "{err}");
    check_invariants(s.connection());
}

#[test]
fn the_timeline_shows_everything_newest_first_and_erasure_clears_what_they_wrote() {
    let (_d, mut s) = store();
    let c = enroll(&mut s, "Ann Byrne", "0870000001", None);
    let v = sale(&mut s, Some(&c), 500, T0 + DAY);
    s.write(|tx| {
        tx.support()
            .rate_visit(v, 2, "Too slow, call me on 0870000001", T0 + 2 * DAY)
    })
    .unwrap();
    s.write(|tx| {
        tx.support()
            .add_customer_note(&c, "Prefers oat milk", Some("Mia"), T0 + 3 * DAY)
    })
    .unwrap();
    s.write(|tx| {
        tx.support().set_ticket_status(
            1,
            Status::Resolved,
            Some("Apologised"),
            Some("Mia"),
            None,
            T0 + 4 * DAY,
        )
    })
    .unwrap();
    let kinds: Vec<&str> = s
        .read(|tx| tx.support().timeline(&c, 50))
        .unwrap()
        .iter()
        .map(|e| e.kind())
        .collect();
    assert_eq!(
        kinds,
        [
            "ticket_update",
            "note",
            "rating",
            "ticket",
            "visit",
            "enrolled"
        ]
    );
    s.write(|tx| tx.people().erase_customer(&c, T0 + 5 * DAY))
        .unwrap();
    let export = s
        .read(|tx| tx.people().export_customer(&c))
        .unwrap()
        .to_string();
    assert!(!export.contains("0870000001"), "{export}");
    assert!(!export.contains("oat milk"));
    assert!(!export.contains("Apologised"));
    assert!(export.contains("\"stars\":2"), "the numbers stay");
}

/// `--contact-via email` (or sms) with nothing typed means the card's address (or number), as
/// the help says: the ticket keeps it and "is it sorted?" goes there once it is resolved. A
/// card with none refuses the ticket with what to do, and nothing is opened.
#[test]
fn a_reply_by_email_or_sms_with_nothing_typed_goes_to_the_cards_address_or_number() {
    use crate::common::{run, run_json};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let card = |args: &[&str]| -> String {
        let mut all = vec!["customer", "add"];
        all.extend_from_slice(args);
        run_json(d, &all)["code"].as_str().unwrap().to_string()
    };
    let ann = card(&[
        "--name",
        "Ann",
        "--email",
        "ann@example.ie",
        "--phone",
        "+353871234567",
    ]);
    let open = |who: &str, via: &str| {
        let args = [
            "ticket",
            "add",
            "--customer",
            who,
            "--summary",
            "Sour milk",
            "--contact-via",
            via,
        ];
        run(d, &args)
    };
    let (exit, out, err) = open(&ann, "email");
    assert_eq!(exit, 0, "{out}{err}");
    let (_, _, _) = open(&ann, "sms");
    assert_eq!(
        ticket_contact(d, 1),
        ("email".into(), Some("ann@example.ie".into()))
    );
    assert_eq!(
        ticket_contact(d, 2),
        ("sms".into(), Some("+353871234567".into()))
    );
    for id in ["1", "2"] {
        run_json(d, &["ticket", "resolve", id, "--note", "Refunded"]);
    }
    let to = outbox_to(d);
    let has = |k: &str, c: &str, w: &str| to.contains(&(k.into(), c.into(), w.into()));
    assert!(has("ticket_resolved", "email", "ann@example.ie"), "{to:?}");
    assert!(has("ticket_resolved", "sms", "+353871234567"), "{to:?}");

    // No email on the card, none typed: refused, in words, and no ticket.
    let bob = card(&["--name", "Bob", "--phone", "+353861112222"]);
    let (exit, _, err) = open(&bob, "email");
    assert_eq!(exit, 2, "{err}");
    assert!(
        err.contains("a reply by email needs an address: the card has none"),
        "{err}"
    );
    let db = crate::common::connect(crate::common::db(d)).unwrap();
    let tickets: i64 = db
        .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tickets, 2);
}

/// How and where a ticket's customer is answered, as stored (`ticket show` keeps the address
/// out of its JSON).
pub(crate) fn ticket_contact(d: &std::path::Path, id: i64) -> (String, Option<String>) {
    crate::common::connect(crate::common::db(d))
        .unwrap()
        .query_row(
            "SELECT contact_via, contact FROM tickets WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// The outbox as (kind, channel, to), oldest last as `messages list` gives it.
pub(crate) fn outbox_to(d: &std::path::Path) -> Vec<(String, String, String)> {
    let list = crate::common::run_json(d, &["messages", "list"]);
    let field = |m: &serde_json::Value, k: &str| m[k].as_str().unwrap_or("").to_string();
    list["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (field(m, "kind"), field(m, "channel"), field(m, "to")))
        .collect()
}
