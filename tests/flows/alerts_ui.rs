//! The checks at the counter, by accessible labels: the device bar's line is the owner's only,
//! it opens the dashboard's Checks, and the owner acknowledges an alert there with a note.

use crate::counter_ui::{fill, harness, last_notice, press, step_until};
use egui_kittest::kittest::Queryable;

#[test]
fn the_owner_sees_the_alert_line_and_acknowledges_in_checks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ann = crate::common::run_json(d, &["customer", "add", "--name", "Ann Byrne"]);
    crate::alerts::day_and_night(d);
    let code = ann["code"].as_str().unwrap();
    for (name, role, pin) in [("Owen", "owner", "9090"), ("Cara", "cashier", "1234")] {
        crate::common::run_json(
            d,
            &["staff", "add", "--name", name, "--role", role, "--pin", pin],
        );
    }
    crate::common::run_json(d, &["staff", "card", "Cara", code]);
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Staff PIN", "1234");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "Cara's sign-in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    // Cara rings up a sale on her own card at the counter: the alert is raised with it.
    fill(&mut h, "Find customer (F2): card, phone or name", code);
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "Ann on screen", |a| {
        a.counter.state().customer.is_some()
    });
    fill(&mut h, "Amount", "4.20");
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "the open alert", |a| {
        a.counter.devices().alerts == 1
    });
    h.run_steps(3);
    assert!(
        h.query_by_label("1 alert to look at (F7)").is_none(),
        "a cashier does not see the owner's line"
    );
    press(&mut h, "Sign out (Ctrl+L)");
    h.run_steps(3);
    fill(&mut h, "Staff PIN", "9090");
    h.get_by_label("Sign in (Enter)").click();
    step_until(&mut h, "Owen's sign-in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    h.run_steps(3);
    h.get_by_label("1 alert to look at (F7)");
    h.key_press(egui::Key::F7);
    h.run_steps(3);
    assert!(h.state().dashboard.open, "F7 opens the dashboard");
    h.get_by_label("Show figures").click();
    step_until(&mut h, "the checks", |a| {
        a.counter.owner_figures().checks.is_some()
    });
    h.run_steps(3);
    h.get_by_label("Cara earned 4 points on their own card from a sale they rang up");
    h.get_by_label("Alerts by staff member signed in");
    fill(&mut h, "Note for alert #1", "Her own lunch");
    press(&mut h, "Acknowledge");
    step_until(&mut h, "the acknowledgement", |a| {
        a.counter.devices().alerts == 0
    });
    assert!(
        last_notice(&h).text.contains("Alert #1 acknowledged"),
        "{:?}",
        last_notice(&h)
    );
    h.run_steps(3);
    assert!(h.query_by_label("1 alert to look at (F7)").is_none());
    let all = crate::common::run_json(d, &["alerts", "--all"]);
    let a = &all[0];
    assert_eq!(a["note"], "Her own lunch");
    assert_eq!(a["acked_by"], "Owen");
    assert_eq!(a["staff"], "Cara");
}
