//! The cashier's screen, driven by accessible labels with egui_kittest against a temporary
//! database and the virtual printer.

use crate::runtime::counter;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use regulars::ui::CounterApp;
use std::time::{Duration, Instant};

pub fn harness(dir: &std::path::Path) -> Harness<'static, CounterApp> {
    let data = regulars::datadir::DataDir::resolve(Some(dir.to_path_buf())).unwrap();
    let app = CounterApp::new(counter(dir), data);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 1024.0))
        .build_ui_state(|ui, app: &mut CounterApp| app.frame(ui), app)
}

/// Focuses the field with this label and types into it, as a cashier would.
/// Sets up Owen, the owner (PIN 9090), and Cara, a cashier (PIN 1234).
fn owner_and_cashier(d: &std::path::Path) {
    for (name, role, pin) in [("Owen", "owner", "9090"), ("Cara", "cashier", "1234")] {
        crate::common::run_json(
            d,
            &["staff", "add", "--name", name, "--role", role, "--pin", pin],
        );
    }
}

pub fn fill(h: &mut Harness<'static, CounterApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(8);
    h.get_by_label(label).click();
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
}

/// Scrolls a button into view (the customer panel scrolls) and presses it.
pub fn press(h: &mut Harness<'static, CounterApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(8);
    h.get_by_label(label).click();
}

/// The last notice on screen.
pub fn last_notice(h: &Harness<'static, CounterApp>) -> regulars::runtime::Notice {
    h.state()
        .counter
        .state()
        .notice
        .clone()
        .expect("a notice is shown")
}

/// Steps frames until `done` holds: the workers answer from their own threads.
pub fn step_until(
    h: &mut Harness<'static, CounterApp>,
    what: &str,
    done: impl Fn(&CounterApp) -> bool,
) {
    let t = Instant::now();
    while !done(h.state()) {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}: {:?}",
            h.state().counter.state().notice
        );
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    h.step();
}

#[test]
fn enroll_with_referral_then_sell_redeem_reprint_and_refund_by_labels() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run_steps(2);

    // Enroll Anna through the form.
    h.get_by_label("New customer (F3)").click();
    h.run_steps(2);
    fill(&mut h, "Name", "Anna Byrne");
    fill(&mut h, "Phone", "0871234567");
    h.get_by_label("Enroll (Enter)").click();
    step_until(&mut h, "Anna's enrolment", |a| {
        a.counter.state().enrolled == 1
    });
    let anna_ref = h
        .state()
        .counter
        .state()
        .customer
        .as_ref()
        .unwrap()
        .referral_code
        .clone();

    // Enroll Bob with Anna's referral code.
    h.get_by_label("New customer (F3)").click();
    h.run_steps(2);
    fill(&mut h, "Name", "Bob Walsh");
    fill(&mut h, "Referral code", &anna_ref);
    h.get_by_label("Enroll (Enter)").click();
    step_until(&mut h, "Bob's enrolment", |a| {
        a.counter.state().enrolled == 2
    });
    assert!(last_notice(&h).text.contains("Referred by Anna"));

    // A sale for Bob: typed amount, Enter-equivalent button, confirmation and receipt preview.
    fill(&mut h, "Amount", "45.00");
    h.run_steps(1);
    h.get_by_label("Record sale for Bob Walsh (Enter)").click();
    step_until(&mut h, "the sale", |a| {
        a.counter.state().sales_recorded == 1
    });
    let notice = last_notice(&h);
    assert!(
        notice.ok && notice.text.contains("+45 points"),
        "{notice:?}"
    );
    assert!(notice.text.contains("referral bonus"), "{notice:?}");
    assert!(
        h.state().sale.amount.is_empty(),
        "the amount clears after a sale"
    );
    step_until(&mut h, "the receipt preview", |a| {
        a.counter.devices().receipt_image.is_some()
    });
    h.get_by_label("Receipt preview image");

    // Redeem a coffee with the points (45 + 50 referral bonus).
    h.get_by_label("Redeem Free coffee (40 points, F5)").click();
    step_until(&mut h, "the redemption", |a| {
        a.counter
            .state()
            .customer
            .as_ref()
            .is_some_and(|c| c.balance == 55)
    });
    // The moment to ask for a friend, said on the panel with Bob's own code.
    let bob_ref = h
        .state()
        .counter
        .state()
        .customer
        .as_ref()
        .unwrap()
        .referral_code
        .clone();
    h.run_steps(2);
    h.get_by_label(&format!(
        "Just redeemed Free coffee: a good moment to ask them to bring a friend with their code {bob_ref}"
    ));

    // Reprint, then an anonymous sale, then a refund by receipt number.
    let before = h.state().counter.devices().receipt_image.clone();
    h.get_by_label("Reprint last receipt (F9)").click();
    step_until(&mut h, "the reprint", |a| {
        a.counter.devices().receipt_image != before
    });
    fill(&mut h, "Amount", "3.20");
    h.run_steps(1);
    h.get_by_label("Anonymous sale (F4)").click();
    step_until(&mut h, "the anonymous sale", |a| {
        a.counter.state().sales_recorded == 2
    });
    assert!(last_notice(&h).text.contains("claim QR"));
    fill(&mut h, "Receipt number", "nope");
    h.get_by_label("Refund (Enter)").click();
    step_until(&mut h, "the refused refund", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(
        last_notice(&h)
            .text
            .contains("no sale has the receipt number")
    );
}

#[test]
fn a_card_typed_into_find_identifies_and_bad_amounts_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::run_json(dir.path(), &["customer", "add", "--name", "Cara Doyle"]);
    let code = out["code"].as_str().unwrap().to_string();
    let mut h = harness(dir.path());
    h.run_steps(2);
    fill(&mut h, "Find customer (F2): card, phone or name", &code);
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "the card", |a| a.counter.state().customer.is_some());
    h.get_by_label("Cara Doyle");
    fill(&mut h, "Amount", "12.345");
    h.run_steps(1);
    h.get_by_label("Record sale for Cara Doyle (Enter)").click();
    h.run_steps(3);
    let n = last_notice(&h);
    assert!(!n.ok && n.text.contains("more decimals"), "{n:?}");
    assert_eq!(h.state().counter.state().sales_recorded, 0);
    assert_eq!(
        h.state().sale.amount,
        "12.345",
        "a refused amount stays for correction"
    );
}

#[test]
fn a_scan_while_the_enrolment_form_is_half_filled_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let code =
        crate::common::run_json(dir.path(), &["customer", "add", "--name", "Cara Doyle"])["code"]
            .as_str()
            .unwrap()
            .to_string();
    let mut h = harness(dir.path());
    h.run_steps(2);
    h.get_by_label("New customer (F3)").click();
    h.run_steps(2);
    fill(&mut h, "Name", "Dan Half");
    // A card is scanned while the form is open.
    let what = regulars::devices::scanner::classify(&code);
    let scan = regulars::devices::scanner::Scan {
        data: code.clone(),
        aim: None,
        prefix: None,
    };
    h.state()
        .counter
        .scan_sender
        .send(Ok(regulars::devices::scanner::ScanEvent::Scanned {
            scan,
            what,
        }))
        .unwrap();
    step_until(&mut h, "the scanned customer", |a| {
        a.counter.state().customer.is_some()
    });
    assert_eq!(
        h.state().counter.state().customer.as_ref().unwrap().code,
        code
    );
    assert!(h.state().enroll.open);
    assert_eq!(h.state().enroll.name, "Dan Half");
    assert_eq!(
        h.state().counter.state().enrolled,
        0,
        "nothing enrolled by the scan"
    );
}

#[test]
fn staff_sign_in_and_large_refunds_need_the_owners_pin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    owner_and_cashier(d);
    let (exit, _, err) = crate::common::run(
        d,
        &[
            "staff", "add", "--name", "Dup", "--role", "cashier", "--pin", "1234",
        ],
    );
    assert_eq!(exit, 2, "a PIN already in use is refused: {err}");
    crate::common::run_json(
        d,
        &["sale", "record", "--amount", "30.00", "--receipt", "R-30"],
    );
    crate::common::run_json(
        d,
        &["sale", "record", "--amount", "8.00", "--receipt", "R-8"],
    );
    let mut h = harness(d);
    h.run_steps(2);
    // Nothing but the sign-in until a PIN is given.
    assert!(h.query_by_label("Amount").is_none());
    fill(&mut h, "Staff PIN", "0000");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "the wrong PIN", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(h.state().counter.staffing().signed_in.is_none());
    fill(&mut h, "Staff PIN", "1234");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "Cara's sign-in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    h.get_by_label("Amount");

    // A small refund goes through for the cashier; a large one needs the owner's PIN.
    fill(&mut h, "Receipt number", "R-8");
    h.get_by_label("Refund (Enter)").click();
    step_until(&mut h, "the small refund", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Refunded"))
    });
    h.state_mut().refund.receipt.clear();
    fill(&mut h, "Receipt number", "R-30");
    h.get_by_label("Refund (Enter)").click();
    step_until(&mut h, "the refused refund", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(last_notice(&h).text.contains("owner's PIN"));
    fill(&mut h, "Owner PIN (above €20.00)", "9090");
    h.get_by_label("Refund (Enter)").click();
    step_until(&mut h, "the approved refund", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.ok && n.text.contains("R-30"))
    });
    let conn = rusqlite::Connection::open(d.join("regulars.db")).unwrap();
    // The owner who approved is kept in a field of its own, beside the cashier.
    let actors: Vec<(String, Option<String>)> = conn
        .prepare("SELECT actor, approved_by FROM refunds ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        actors,
        [("Cara".into(), None), ("Cara".into(), Some("Owen".into()))]
    );
}

#[test]
fn card_slip_and_points_adjustment_with_the_owners_approval() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    owner_and_cashier(d);
    let c = crate::common::run_json(d, &["customer", "add", "--name", "Eve Kelly"]);
    let (code, referral) = (
        c["code"].as_str().unwrap().to_string(),
        c["referral_code"].as_str().unwrap().to_string(),
    );
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Staff PIN", "1234");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "Cara's sign-in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    fill(&mut h, "Find customer (F2): card, phone or name", &code);
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "Eve", |a| a.counter.state().customer.is_some());

    // The card slip carries the member QR (the card code) and the referral code.
    h.get_by_label("Print card slip").click();
    step_until(&mut h, "the card slip", |a| {
        a.counter.devices().receipt_image.is_some()
    });
    let png = h.state().counter.devices().receipt_image.clone().unwrap();
    let text = std::fs::read_to_string(png.with_extension("txt")).unwrap();
    assert!(
        text.contains(&referral) && text.contains(&format!("[QR] {code}")),
        "{text}"
    );

    // An adjustment by a cashier needs the owner's PIN, and records both names.
    h.get_by_label("Adjust points").click();
    h.run_steps(2);
    fill(&mut h, "Points (+/-)", "25");
    fill(&mut h, "Reason", "card forgotten last week");
    h.get_by_label("Adjust").click();
    step_until(&mut h, "the refusal", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(last_notice(&h).text.contains("owner's PIN"));
    fill(&mut h, "Owner PIN for the adjustment", "9090");
    h.get_by_label("Adjust").click();
    step_until(&mut h, "the adjustment", |a| {
        a.counter
            .state()
            .customer
            .as_ref()
            .is_some_and(|c| c.balance == 25)
    });
    let conn = rusqlite::Connection::open(d.join("regulars.db")).unwrap();
    let actor: (String, String) = conn
        .query_row(
            "SELECT actor, approved_by FROM points_events WHERE kind = 'adjust'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(actor, ("Cara".into(), "Owen".into()));
    // The timeline says both, in the shop's words.
    let (_, out, err) = crate::common::run(d, &["customer", "timeline", &code]);
    assert!(out.contains("(by Cara, approved by Owen)"), "{out}{err}");
}

#[test]
fn the_owner_dashboard_needs_the_owners_pin_and_shows_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    owner_and_cashier(d);
    let a = crate::common::run_json(d, &["customer", "add", "--name", "Ann"]);
    let b = crate::common::run_json(d, &["customer", "add", "--name", "Bob"]);
    for (who, amount) in [(&a, "4.00"), (&a, "5.00"), (&b, "6.00")] {
        crate::common::run_json(
            d,
            &[
                "sale",
                "record",
                "--amount",
                amount,
                "--customer",
                who["code"].as_str().unwrap(),
            ],
        );
    }
    let code = a["code"].as_str().unwrap();
    let t = crate::common::run_json(
        d,
        &["ticket", "add", "--customer", code, "--summary", "Cold"],
    );
    let id = t["id"].to_string();
    crate::common::run_json(d, &["ticket", "resolve", &id, "--by", "Dee"]);
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Staff PIN", "1234");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "Cara's sign-in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    h.get_by_label("Owner dashboard (F7)").click();
    h.run_steps(3);
    // The cashier alone cannot see them.
    h.get_by_label("Show figures").click();
    step_until(&mut h, "the refusal", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(
        last_notice(&h).text.contains("owner's PIN"),
        "{:?}",
        last_notice(&h)
    );
    assert!(h.state().counter.owner_figures().figures.is_none());
    fill(&mut h, "Owner PIN for the figures", "9090");
    h.get_by_label("Show figures").click();
    step_until(&mut h, "the figures", |a| {
        a.counter.owner_figures().figures.is_some()
    });
    h.run_steps(2);
    h.get_by_label("Repeat-visit rate: 50.0% (1 of 2 visiting members)");
    h.get_by_label("Visits: 3 (3 by members, 0 anonymous)");
    // The support section: Ann's ticket, answered and resolved from the command line.
    h.get_by_label("Support: does fixing a problem bring the customer back?");
    // The row, and the column of the waits by severity and channel.
    assert_eq!(h.get_all_by_label("Time to first reply").count(), 2);
    h.get_by_label("median 0 min–1 min · tickets: 1 · still without a reply: 0");
    h.get_by_label("Overdue tickets at the end of each day");
    // Export writes the CSV files into the data folder.
    h.get_by_label("Export CSV").click();
    step_until(&mut h, "the export", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Wrote 13 CSV files"))
    });
    assert!(d.join("exports").read_dir().unwrap().next().is_some());
}

#[test]
fn the_cashier_asks_a_new_member_which_language_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run_steps(2);
    h.get_by_label("New customer (F3)").click();
    h.run_steps(2);
    fill(&mut h, "Name", "Līga Kalniņa");
    // Not asked unless chosen: the pages then follow the customer's phone.
    h.get_by_label("Their language").click();
    h.run_steps(2);
    h.get_by_label("Latviešu").click();
    h.run_steps(2);
    h.get_by_label("Enroll (Enter)").click();
    step_until(&mut h, "the enrolment", |a| a.counter.state().enrolled == 1);
    let code = h
        .state()
        .counter
        .state()
        .customer
        .as_ref()
        .unwrap()
        .code
        .clone();
    let language: Option<String> = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row(
            "SELECT language FROM customers WHERE code = ?1",
            [code.replace('-', "")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(language.as_deref(), Some("lv"));
}
