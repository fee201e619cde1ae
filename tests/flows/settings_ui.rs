//! The settings screen driven by its labels (egui_kittest): devices checked and saved with a
//! test print, where the pages open checked again, and the groups that act at once: staff
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

#[test]
fn settings_are_checked_saved_to_config_and_the_test_print_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run_steps(2);
    let printer = |h: &mut Harness<'static, CounterApp>| {
        h.get_by_label("Settings (F10)").click();
        h.run_steps(3);
        h.get_by_label("Printer and scanner").click();
        h.run_steps(3);
    };
    printer(&mut h);
    fill(&mut h, "Baud (empty: the profile's)", "fast");
    // Below the ports (the customer display's too): scrolled to, as a person would.
    press(&mut h, "Save settings");
    h.run_steps(2);
    assert!(
        h.state()
            .settings
            .refusal()
            .unwrap()
            .contains("not a baud rate")
    );
    // Opened again, the screen shows what config.toml says (no baud).
    printer(&mut h);
    fill(&mut h, "Baud (empty: the profile's)", "19200");
    // Below the ports (the customer display's too): scrolled to, as a person would.
    press(&mut h, "Save settings");
    step_until(&mut h, "the saved settings", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Settings saved"))
    });
    let text = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(text.contains("baud = 19200"), "{text}");
    assert!(
        text.contains("# points expire"),
        "the owner's comments are kept"
    );
    // The restarted counter prints the test page on the virtual printer.
    press(&mut h, "Test print");
    step_until(&mut h, "the test page", |a| {
        a.counter.devices().receipt_image.is_some()
    });
    let page = std::fs::read_to_string(
        h.state()
            .counter
            .devices()
            .receipt_image
            .clone()
            .unwrap()
            .with_extension("txt"),
    )
    .unwrap();
    assert!(
        page.contains("Test print") && page.contains("19200 baud"),
        "{page}"
    );
}

/// The counter's `[portal]` lines replaced with these (the pages are served by a portal the
/// test started on the same data folder).
fn portal_lines(d: &std::path::Path, lines: &str) {
    let path = d.join("config.toml");
    let old = std::fs::read_to_string(&path).unwrap();
    let kept = old.split("\n[portal]").next().unwrap().to_string();
    std::fs::write(
        &path,
        format!("{kept}\n[portal]\nwith_app = false\n{lines}\n"),
    )
    .unwrap();
}

#[test]
fn the_device_bar_says_where_the_pages_open_and_settings_checks_again() {
    let shop = crate::portal::Shop::new("");
    let d = shop.path();
    // A loopback address works for trying things out, but the bar says phones cannot open it.
    portal_lines(d, &format!("public_url = \"{}\"", shop.base));
    let mut h = harness(d);
    let loopback = format!("Phones cannot open {}", shop.base);
    step_until(&mut h, "the first check", |a| {
        a.counter.devices().pages.checked.is_some()
    });
    let checked = h.state().counter.devices().pages.checked.clone().unwrap();
    assert!(checked.reachable, "{checked:?}");
    h.get_by_label(&loopback);
    // Settings checks again at once (the bar says it is checking meanwhile), then says what
    // it found.
    press(&mut h, "Settings (F10)");
    h.run_steps(4);
    press(&mut h, "Customer pages");
    h.run_steps(4);
    // Saving the group restarts the counter's workers, which check again.
    press(&mut h, "Check where the pages open");
    step_until(&mut h, "the second check", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Settings saved"))
            && a.counter.devices().pages.checked.is_some()
    });
    h.get_by_label(&loopback);
    // An address where nothing answers is shown as not reachable, and why.
    let closed = crate::common::free_port();
    drop(h);
    // On this computer's address on its network (nothing listens on that port).
    let lan = regulars::config::reach::lan_address().expect("the test machine has a network");
    let url = format!(
        "http://{}:{closed}",
        std::net::SocketAddr::new(lan, closed).ip()
    );
    let url = if lan.is_ipv6() {
        format!("http://[{lan}]:{closed}")
    } else {
        url
    };
    portal_lines(d, &format!("public_url = \"{url}\""));
    let mut h = harness(d);
    step_until(&mut h, "the check of a closed port", |a| {
        a.counter.devices().pages.checked.is_some()
    });
    assert_eq!(
        h.state()
            .counter
            .devices()
            .pages
            .checked
            .as_ref()
            .unwrap()
            .problem,
        Some(regulars::services::reach::Problem::Refused)
    );
    h.get_by_label("Customer pages not reachable: nothing answers there (connection refused)");
    // When the window does not serve the pages itself ([portal] with_app = false), that is
    // the one line about them, in red, instead of a second line saying nothing answers.
    let serve = "Customer pages: run `regulars serve`";
    h.state_mut().counter.set_portal_status(serve);
    h.run_steps(2);
    h.get_by_label(serve);
    assert!(
        h.query_by_label(
            "Customer pages not reachable: nothing answers there (connection refused)"
        )
        .is_none()
    );
}
