//! Reply and resolve targets: the first reply recorded on each ticket (a staff note or step,
//! a message sent to the customer; a resolution before any reply counts as it), and the
//! tickets past their target for their severity listed first, at the counter and in
//! `ticket list --overdue`.

use crate::common::{DAY, T0, counter, db, rules, run, run_json};
use regulars::domain::support::{Channel, ContactVia, Overdue, Status, Targets};
use regulars::store::{NewCustomer, NewTicket, Store, TicketFilter};

const HOUR: i64 = 3600;

fn open(store: &mut Store, customer: &str, severity: i64, summary: &str) -> i64 {
    store
        .write(|tx| {
            tx.support().open_ticket(&NewTicket {
                customer: Some(customer.into()),
                visit_id: None,
                channel: Channel::Phone,
                problem: None,
                summary: summary.into(),
                contact_via: Some(ContactVia::Email),
                contact: Some("ann@example.ie".into()),
                severity: Some(severity),
                at: T0,
                actor: Some("Mia".into()),
                key: None,
            })
        })
        .unwrap()
        .id
}

fn overdue(store: &mut Store, now: i64) -> Vec<(i64, Overdue)> {
    store
        .read(|tx| {
            tx.support().tickets(
                &TicketFilter {
                    overdue: true,
                    ..TicketFilter::default()
                },
                now,
            )
        })
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.overdue.unwrap()))
        .collect()
}

#[test]
fn tickets_past_their_target_for_their_severity_come_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut shop = rules();
    shop.targets = Targets {
        reply: [2 * DAY, DAY, 4 * HOUR],
        resolve: [5 * DAY, 3 * DAY, DAY],
    };
    let mut store = Store::open(&dir.path().join("regulars.db"), shop).unwrap();
    let new = NewCustomer {
        name: "Ann Byrne".into(),
        ..NewCustomer::default()
    };
    let ann = store.enroll(&new, T0 - DAY, &mut counter()).unwrap().code;
    let urgent = open(&mut store, &ann, 3, "Charged twice");
    let minor = open(&mut store, &ann, 1, "Receipt faded");
    let normal = open(&mut store, &ann, 2, "Wrong milk");
    let quick = open(&mut store, &ann, 3, "Missing item");
    // A staff note an hour in is the normal one's first reply; the quick one is resolved at
    // once (its resolution is its first reply); the customer's own words are not a reply.
    store
        .write(|tx| {
            tx.support().note_ticket(
                normal,
                "Called back, sending a voucher",
                Some("Mia"),
                T0 + HOUR,
            )?;
            tx.support().set_ticket_status(
                quick,
                Status::Resolved,
                Some("Refunded"),
                Some("Mia"),
                None,
                T0 + 1800,
            )?;
            tx.support().set_ticket_status(
                quick,
                Status::Open,
                Some("Still missing"),
                Some("customer"),
                None,
                T0 + 2 * HOUR,
            )?;
            Ok(())
        })
        .unwrap();
    let first = |store: &mut Store, id: i64| {
        store
            .read(|tx| tx.support().ticket(id))
            .unwrap()
            .first_reply_at
    };
    assert_eq!(first(&mut store, normal), Some(T0 + HOUR));
    assert_eq!(first(&mut store, quick), Some(T0 + 1800));
    assert_eq!(first(&mut store, urgent), None);

    assert_eq!(overdue(&mut store, T0 + 4 * HOUR), []);
    assert_eq!(
        overdue(&mut store, T0 + 4 * HOUR + 1),
        [(urgent, Overdue::Reply)]
    );
    // A day on the quick one (reopened by the customer) is past its one-day resolution.
    assert_eq!(
        overdue(&mut store, T0 + DAY + 1),
        [(urgent, Overdue::Reply), (quick, Overdue::Resolve)]
    );
    // Three days on: the minor one has had no reply in two, the normal one is unresolved.
    let late = overdue(&mut store, T0 + 3 * DAY + 1);
    assert_eq!(
        late,
        [
            (urgent, Overdue::Reply),
            (quick, Overdue::Resolve),
            (normal, Overdue::Resolve),
            (minor, Overdue::Reply)
        ]
    );
    // The full list has the overdue ones first, whatever their priority.
    let all = store
        .read(|tx| {
            tx.support()
                .tickets(&TicketFilter::default(), T0 + 3 * DAY + 1)
        })
        .unwrap();
    assert!(all.iter().all(|t| t.overdue.is_some()));
    // Resolving ends it; a resolved ticket is never overdue.
    store
        .write(|tx| {
            tx.support().set_ticket_status(
                urgent,
                Status::Resolved,
                None,
                Some("Mia"),
                None,
                T0 + 3 * DAY,
            )
        })
        .unwrap();
    assert_eq!(overdue(&mut store, T0 + 9 * DAY).len(), 3);
    assert_eq!(first(&mut store, urgent), Some(T0 + 3 * DAY));
}

#[test]
fn a_message_to_the_customer_is_a_reply_and_the_command_line_lists_the_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_json(d, &["stats"]);
    crate::chain::edit_config(
        d,
        "reply_within = \"1d\"",
        "reply_within = { minor = \"2d\", normal = \"1d\", urgent = \"4h\" }",
    );
    let code = run_json(d, &["customer", "add", "--name", "Ann Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let add = |summary: &str, severity: &str| {
        run_json(
            d,
            &[
                "ticket",
                "add",
                "--customer",
                &code,
                "--summary",
                summary,
                "--severity",
                severity,
                "--contact-via",
                "email",
                "--contact",
                "ann@example.ie",
            ],
        )["id"]
            .as_i64()
            .unwrap()
    };
    let urgent = add("Charged twice", "3");
    let normal = add("Wrong milk", "2");
    // Opened five hours ago.
    let conn = crate::common::connect(crate::common::db(d)).unwrap();
    conn.execute("UPDATE tickets SET opened_at = opened_at - 5 * 3600", [])
        .unwrap();
    let (status, text, _) = run(d, &["ticket", "list", "--overdue"]);
    assert_eq!(status, 0);
    assert!(text.contains("Charged twice"), "{text}");
    assert!(text.contains("Overdue: the first reply was due"), "{text}");
    assert!(
        !text.contains("Wrong milk"),
        "the normal one has a day: {text}"
    );
    let listed = run_json(d, &["ticket", "list", "--overdue"]);
    assert_eq!(listed["tickets"][0]["id"], urgent);
    assert_eq!(listed["tickets"][0]["overdue"], "reply");
    // The owner's figures count it.
    let stats = run_json(d, &["stats"]);
    assert_eq!(
        stats["figures"]["tickets_overdue_now"], 1,
        "{}",
        stats["figures"]
    );
    let (_, text, _) = run(d, &["stats"]);
    assert!(
        text.contains("Overdue tickets: 1 past their reply or resolve target now"),
        "{text}"
    );

    // A message sent about it is the shop's reply: in its history, and no longer overdue.
    let now = regulars::clock::now();
    let store = Store::open(&db(d), rules()).unwrap();
    store
        .connection()
        .execute(
            "INSERT INTO messages (key, ticket_id, kind, channel, recipient, created_at, next_at,
             state_at, subject) VALUES ('t', ?1, 'ticket_resolved', 'email', 'ann@example.ie',
             ?2, ?2, ?2, 'Is it sorted?')",
            (urgent, now),
        )
        .unwrap();
    let mut store = store;
    store
        .write(|tx| tx.messages().mark_message_sent(1, "ann@example.ie", now))
        .unwrap();
    let t = store.read(|tx| tx.support().ticket(urgent)).unwrap();
    assert_eq!(t.first_reply_at, Some(now));
    assert!(
        t.events.iter().any(|e| e.kind == "note"
            && e.actor.as_deref() == Some("email")
            && e.body.as_deref() == Some("Is it sorted?")),
        "{:?}",
        t.events
    );
    let listed = run_json(d, &["ticket", "list", "--overdue"]);
    assert_eq!(listed["tickets"].as_array().unwrap().len(), 0, "{listed}");
    let _ = normal;
}

#[test]
fn the_counter_marks_an_overdue_ticket_in_red_words() {
    use crate::counter_ui::{fill, harness, step_until};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ann = run_json(d, &["customer", "add", "--name", "Ann Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let late = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &ann,
            "--summary",
            "Charged twice",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    let fresh = run_json(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            &ann,
            "--summary",
            "Cold coffee",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    // The first was opened two days ago and never answered.
    crate::common::connect(crate::common::db(d))
        .unwrap()
        .execute(
            "UPDATE tickets SET opened_at = opened_at - 2 * 86400 WHERE id = ?1",
            [late],
        )
        .unwrap();
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Find customer (F2): card, phone or name", &ann);
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "Ann's tickets", |a| {
        a.counter.support_side().support.open_tickets.len() == 2
    });
    h.run_steps(2);
    // Only one is marked, and it is listed first.
    assert_eq!(
        h.get_all_by_label_contains("Overdue: the first reply was due")
            .count(),
        1
    );
    let open = &h.state().counter.support_side().support.open_tickets;
    assert_eq!((open[0].id, open[1].id), (late, fresh));
    assert!(open[0].overdue.is_some() && open[1].overdue.is_none());
}
