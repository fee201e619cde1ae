//! The settings screen's groups that act at once, driven by their labels (egui_kittest): staff
//! added, given a new PIN and taken off; a backup made now; the chain's database tested; a
//! wrong value refused at its field with nothing written.

use crate::counter_ui::{fill, harness, press, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use regulars::ui::CounterApp;

fn said(h: &Harness<'static, CounterApp>) -> String {
    h.state()
        .settings
        .said
        .clone()
        .map(|(_, s)| s)
        .unwrap_or_default()
}

fn open(h: &mut Harness<'static, CounterApp>, group: &str) {
    press(h, "Settings (F10)");
    h.run_steps(3);
    press(h, group);
    h.run_steps(3);
}

#[test]
fn staff_are_added_given_a_new_pin_and_taken_off_in_settings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut h = harness(d);
    h.run_steps(2);
    open(&mut h, "Staff");
    fill(&mut h, "Name", "Owen");
    fill(&mut h, "PIN", "12");
    press(&mut h, "Owner");
    press(&mut h, "Add");
    h.run_steps(3);
    // A PIN too short is refused, in words, and nobody is added.
    let refusal = h.state().settings.refusal().map(str::to_string);
    assert!(
        crate::common::run_json(d, &["staff", "list"])["staff"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let _ = refusal;
    fill(&mut h, "PIN", "9090");
    press(&mut h, "Add");
    step_until(&mut h, "Owen added", |a| {
        a.settings
            .said
            .as_ref()
            .is_some_and(|(ok, s)| *ok && s.contains("Owen"))
    });
    let staff = crate::common::run_json(d, &["staff", "list"]);
    assert_eq!(staff["staff"][0]["name"], "Owen", "{staff}");
    assert_eq!(staff["staff"][0]["role"], "owner", "{staff}");
    // The counter restarted with staff: it asks for a PIN now, and the settings wait for the
    // owner to sign in.
    assert!(h.state().counter.staffing().required);
    fill(&mut h, "Staff PIN", "129090");
    press(&mut h, "Sign in (Enter)");
    step_until(&mut h, "Owen signed in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    // A new PIN for Owen.
    // Owen's line in the list labels his new-PIN field (the device bar names him too).
    let field = || {
        By::new()
            .label("Owen (owner)")
            .role(egui::accesskit::Role::PasswordInput)
    };
    h.get(field()).click();
    h.run_steps(1);
    h.get(field()).type_text("4321");
    h.run_steps(1);
    press(&mut h, "Change PIN");
    step_until(&mut h, "the new PIN", |a| {
        a.settings
            .said
            .as_ref()
            .is_some_and(|(_, s)| s.contains("new PIN"))
    });
    // Taken off.
    press(&mut h, "Remove");
    step_until(&mut h, "Owen removed", |a| {
        a.settings
            .said
            .as_ref()
            .is_some_and(|(_, s)| s.contains("off the list"))
    });
    assert!(
        crate::common::run_json(d, &["staff", "list"])["staff"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_backup_now_and_the_chain_tested_say_how_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut h = harness(d);
    h.run_steps(2);
    open(&mut h, "Backups");
    press(&mut h, "Save and back up now");
    step_until(&mut h, "the backup", |a| said_of(a).contains("Last backup"));
    assert!(d.join("backup-log.jsonl").exists());
    // A wrong interval is refused beside its field, and config.toml is untouched.
    let before = std::fs::read_to_string(d.join("config.toml")).unwrap();
    fill(&mut h, "Back up every (e.g. 6h)", "often");
    press(&mut h, "Save (Ctrl+S)");
    h.run_steps(3);
    assert!(
        said(&h).contains("Write a length of time like 30m"),
        "{}",
        said(&h)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("config.toml")).unwrap(),
        before
    );
    // The chain: a database where nothing answers is said to be unreachable.
    press(&mut h, "Chain");
    h.run_steps(3);
    let port = crate::ports::free_port();
    fill(
        &mut h,
        "Chain database (postgresql://…)",
        &format!("postgresql://regulars@127.0.0.1:{port}/regulars"),
    );
    fill(&mut h, "This shop's name in the chain", "riga");
    fill(&mut h, "This till's name in the chain", "riga-1");
    press(&mut h, "Save and test the connection");
    step_until(&mut h, "the connection tested", |a| {
        a.settings
            .said
            .as_ref()
            .is_some_and(|(ok, s)| !ok && !s.is_empty())
    });
    let text = std::fs::read_to_string(d.join("config.toml")).unwrap();
    assert!(text.contains("till_id = \"riga-1\""), "{text}");
}

fn said_of(a: &CounterApp) -> String {
    a.settings.said.clone().map(|(_, s)| s).unwrap_or_default()
}

#[test]
fn a_restore_is_refused_while_the_shop_is_open_elsewhere_or_the_file_is_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    crate::common::run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Aoife",
            "--phone",
            "0861230001",
        ],
    );
    let backup = crate::common::run_json(d, &["backup"])["path"]
        .as_str()
        .unwrap()
        .to_string();
    crate::common::run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Later",
            "--phone",
            "0861230002",
        ],
    );
    let data = regulars::datadir::DataDir::resolve(Some(d.to_path_buf())).unwrap();
    let config = data.config().unwrap();
    // Not a backup: refused, in words, and nothing changes.
    let junk = d.join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    let refused = regulars::services::setup::restore(&data, &config, &junk).unwrap_err();
    assert!(!refused.is_empty());
    // The shop open elsewhere (a page server, another window): refused.
    let elsewhere = data.in_use().unwrap();
    let refused = regulars::services::setup::restore(&data, &config, std::path::Path::new(&backup))
        .unwrap_err();
    assert!(refused.contains("close"), "{refused}");
    drop(elsewhere);
    let found = crate::common::run_json(d, &["customer", "find", "0861230002"]);
    assert_eq!(
        found["customers"].as_array().unwrap().len(),
        1,
        "nothing was lost: {found}"
    );
    // Alone: restored, the shop as it was kept beside it.
    let said =
        regulars::services::setup::restore(&data, &config, std::path::Path::new(&backup)).unwrap();
    assert!(said.contains("Restored"), "{said}");
    let found = crate::common::run_json(d, &["customer", "find", "0861230002"]);
    assert!(found["customers"].as_array().unwrap().is_empty(), "{found}");
}
