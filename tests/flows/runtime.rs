//! The counter runtime: write an intent or a scan, tick the schedule, read the state. The store
//! and printer workers are real (a temporary data folder, the virtual printer).

use regulars::datadir::DataDir;
use regulars::devices::scanner::{Scan, ScanEvent, classify};
use regulars::runtime::{Counter, CounterState, Intent};
use regulars::runtime::{DeviceBar, PrinterState};
use regulars::store::NewCustomer;
use std::time::{Duration, Instant};

pub fn counter(dir: &std::path::Path) -> Counter {
    let d = DataDir::resolve(Some(dir.to_path_buf())).unwrap();
    d.prepare().unwrap();
    let config = d.config().unwrap();
    Counter::start(&d, &config).unwrap()
}

/// As [`tick_until`], for the device bar.
pub fn bar_until(c: &mut Counter, what: &str, done: impl Fn(&DeviceBar) -> bool) {
    tick_until_counter(c, what, |c| done(c.devices()));
}

/// Ticks until `done` holds (the workers answer in their own threads).
pub fn tick_until(c: &mut Counter, what: &str, done: impl Fn(&CounterState) -> bool) {
    tick_until_counter(c, what, |c| done(c.state()));
}

fn tick_until_counter(c: &mut Counter, what: &str, done: impl Fn(&Counter) -> bool) {
    let t = Instant::now();
    loop {
        c.tick();
        if done(c) {
            return;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}: {:?} {:?}",
            c.state().notice,
            c.devices().printer
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn scan(c: &mut Counter, data: &str) {
    c.scan_sender
        .send(Ok(ScanEvent::Scanned {
            scan: Scan {
                data: data.into(),
                aim: None,
                prefix: None,
            },
            what: classify(data),
        }))
        .unwrap();
}

#[test]
fn enroll_sell_and_preview_the_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = counter(dir.path());
    c.send(Intent::Enroll(NewCustomer {
        name: "Zoë Byrne".into(),
        phone: Some("0871234567".into()),
        ..Default::default()
    }));
    tick_until(&mut c, "enrolment", |s| s.customer.is_some());
    let code = c.state().customer.as_ref().unwrap().code.clone();
    c.send(Intent::Sale("12.50".into()));
    bar_until(&mut c, "the receipt preview", |d| d.receipt_image.is_some());
    let s = c.state();
    assert_eq!(s.sales_recorded, 1);
    assert_eq!(s.customer.as_ref().unwrap().balance, 12);
    let img = image::open(c.devices().receipt_image.as_ref().unwrap())
        .unwrap()
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    let url = grids[0].decode().unwrap().1;
    assert!(url.contains("/R/"), "{url}");

    // The printed receipt's QR, scanned back at the counter, opens that very visit.
    c.send(Intent::Clear);
    c.tick();
    scan(&mut c, &url);
    tick_until(&mut c, "the visit", |s| s.visit.is_some());
    let (visit, customer) = c.state().visit.clone().unwrap();
    assert_eq!(visit.amount, 1250);
    assert_eq!(customer.unwrap().code, code);
}

#[test]
fn scans_identify_and_bad_input_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = counter(dir.path());
    c.send(Intent::Enroll(NewCustomer {
        name: "Anna".into(),
        ..Default::default()
    }));
    tick_until(&mut c, "enrolment", |s| s.enrolled == 1);
    let (code, referral) = {
        let a = c.state().customer.clone().unwrap();
        (a.code, a.referral_code)
    };
    c.send(Intent::Clear);
    c.tick();
    scan(&mut c, &code);
    tick_until(&mut c, "the card scan", |s| {
        s.customer.as_ref().is_some_and(|x| x.code == code)
    });
    // A referral code scanned starts an enrolment with it filled in.
    scan(&mut c, &referral);
    tick_until(&mut c, "the referral", |s| {
        s.enroll_referral.as_deref() == Some(referral.as_str())
    });
    // A forged receipt token gets the same answer as an unknown one.
    scan(&mut c, "HTTP://LOCALHOST:8080/R/00000001NH05XHKNGD77XDH7");
    tick_until(&mut c, "the forged receipt", |s| {
        s.notice.as_ref().is_some_and(|n| !n.ok)
    });
    assert!(
        c.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("not one of ours")
    );
    // A bad amount never reaches the store.
    let before = c.state().sales_recorded;
    c.send(Intent::Sale("-3".into()));
    c.tick();
    let n = c.state().notice.clone().unwrap();
    assert!(!n.ok && n.text.contains("negative"), "{n:?}");
    assert_eq!(c.state().busy, 0);
    assert_eq!(c.state().sales_recorded, before);
    // Two scans of a product in a row are reported, not recorded.
    scan(&mut c, "4006381333931");
    c.tick();
    assert!(
        c.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("Product barcode")
    );
}

/// Another program (a backup, a second till) holds the database with a write lock until told
/// to let go; the lock is held once this returns.
fn hold_database(
    db: std::path::PathBuf,
) -> (std::sync::mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let (held_tx, held) = std::sync::mpsc::channel();
    let (release, release_rx) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
        held_tx.send(()).unwrap();
        release_rx.recv().ok();
        conn.execute_batch("COMMIT").unwrap();
    });
    held.recv().unwrap();
    (release, holder)
}

#[test]
fn a_sale_during_a_backup_waits_and_is_recorded_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = counter(dir.path());
    // A short hold: the sale waits inside SQLite's own busy wait.
    let (release, holder) = hold_database(dir.path().join("regulars.db"));
    c.send(Intent::AnonymousSale("4.20".into()));
    // While the lock is held nothing can be recorded; the sale waits for it.
    for _ in 0..15 {
        c.tick();
        assert_eq!(c.state().sales_recorded, 0);
        std::thread::sleep(Duration::from_millis(20));
    }
    release.send(()).unwrap();
    tick_until(&mut c, "the sale", |s| {
        s.sales_recorded == 1 || s.notice.as_ref().is_some_and(|n| !n.ok)
    });
    holder.join().unwrap();
    assert!(
        c.state().notice.as_ref().unwrap().ok,
        "{:?}",
        c.state().notice
    );
    assert_eq!(crate::common::run_json(dir.path(), &["stats"])["visits"], 1);
}

/// A hold longer than SQLite's own wait (5 s): the first attempt gives up, the cashier is told
/// the database is busy and that it is being tried again, and the retry records the sale once.
#[test]
fn a_sale_held_up_past_sqlites_wait_is_tried_again_and_recorded_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = counter(dir.path());
    let (release, holder) = hold_database(dir.path().join("regulars.db"));
    c.send(Intent::AnonymousSale("4.20".into()));
    let t = Instant::now();
    while !c
        .state()
        .notice
        .as_ref()
        .is_some_and(|n| !n.ok && n.text.contains("trying again"))
    {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "{:?}",
            c.state().notice
        );
        assert_eq!(c.state().sales_recorded, 0);
        c.tick();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        c.state()
            .notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("recording the sale"),
        "{:?}",
        c.state().notice
    );
    release.send(()).unwrap();
    tick_until(&mut c, "the retried sale", |s| s.sales_recorded == 1);
    holder.join().unwrap();
    assert_eq!(c.state().busy, 0, "the notice was not taken for the answer");
    assert_eq!(crate::common::run_json(dir.path(), &["stats"])["visits"], 1);
}

#[test]
fn a_printer_offline_at_sale_time_gets_the_receipt_when_it_comes_back() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    crate::serial::set_printer(dir.path(), &link, "generic-80mm");
    let mut c = counter(dir.path());
    c.send(Intent::AnonymousSale("2.50".into()));
    bar_until(&mut c, "the printer problem", |d| {
        !d.printer_ok && d.printer_waiting == 1
    });
    assert_eq!(c.state().sales_recorded, 1, "the sale is kept");
    assert!(
        matches!(
            c.devices().printer,
            regulars::runtime::PrinterState::Waiting { count: 1, .. }
        ),
        "{:?}",
        c.devices().printer
    );
    // The printer comes back: the print worker sends the waiting receipt by itself.
    let sim = crate::serial::start_sim(dir.path(), &link, "generic-80mm");
    bar_until(&mut c, "the printer to recover", |d| {
        d.printer_ok && d.printer_waiting == 0
    });
    assert_eq!(crate::serial::wait_for_pngs(&sim.out, 1).len(), 1);
    crate::serial::nothing_more_printed(dir.path(), &sim.out, 1);
    assert_eq!(crate::common::run_json(dir.path(), &["stats"])["visits"], 1);
}

#[test]
fn two_scans_in_a_row_show_the_last_customer_and_record_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = crate::common::run_json(dir.path(), &["customer", "add", "--name", "Anna"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let b = crate::common::run_json(dir.path(), &["customer", "add", "--name", "Bob"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let mut c = counter(dir.path());
    scan(&mut c, &a);
    scan(&mut c, &b);
    tick_until(&mut c, "both scans", |s| {
        s.busy == 0 && s.customer.is_some()
    });
    assert_eq!(c.state().customer.as_ref().unwrap().code, b);
    assert_eq!(c.state().sales_recorded, 0);
    assert_eq!(crate::common::run_json(dir.path(), &["stats"])["visits"], 0);
}

#[test]
fn the_device_bar_follows_the_printer_while_idle() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let mut sim = crate::serial::start_sim(dir.path(), &link, "generic-80mm");
    crate::serial::set_printer(dir.path(), &link, "generic-80mm");
    let mut c = counter(dir.path());
    sim.control("paper low");
    tick_until_long(
        &mut c,
        "paper low",
        |s| matches!(s.printer, PrinterState::Checked(st) if st.paper_near_end),
    );
    assert!(c.devices().printer_ok, "paper low still prints");
    sim.control("cover open");
    tick_until_long(
        &mut c,
        "cover open",
        |s| matches!(s.printer, PrinterState::Checked(st) if st.cover_open),
    );
    assert!(!c.devices().printer_ok);
    assert!(
        c.state().notice.is_none(),
        "idle checks change the bar, not the notices"
    );
}

/// As `tick_until`, for answers that come with the idle status check (every few seconds).
fn tick_until_long(c: &mut Counter, what: &str, done: impl Fn(&DeviceBar) -> bool) {
    let t = Instant::now();
    while !done(c.devices()) {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}: {:?}",
            c.devices().printer
        );
        c.tick();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Find's matches are those of the text it holds now: an answer to a search the cashier has
/// since cleared, or that arrives after the customer was chosen, is not shown.
#[test]
fn stale_search_answers_do_not_bring_matches_back() {
    use regulars::runtime::Intent;
    let dir = tempfile::tempdir().unwrap();
    let mut c = counter(dir.path());
    for name in ["Siobhan Murphy", "Sean Murphy"] {
        crate::common::run_json(dir.path(), &["customer", "add", "--name", name]);
    }
    c.send(Intent::Search("Murphy".into()));
    c.send(Intent::Search(String::new()));
    tick_until(&mut c, "both answers", |s| s.busy == 0);
    assert!(
        c.state().results.is_empty(),
        "cleared Find shows no matches"
    );

    c.send(Intent::Search("Murphy".into()));
    tick_until(&mut c, "the matches", |s| s.results.len() == 2);
    let code = c.state().results[0].code.clone();
    c.send(Intent::Search("Murph".into()));
    c.send(Intent::Open(code.clone()));
    tick_until(&mut c, "the customer", |s| {
        s.busy == 0 && s.customer.is_some()
    });
    assert_eq!(c.state().customer.as_ref().unwrap().code, code);
    assert!(
        c.state().results.is_empty(),
        "the chosen customer's matches are gone"
    );
}

/// Plug-in mode that cannot start (no till port set) leaves the counter working, and the
/// device bar says why in the shop's language.
#[test]
fn plug_in_mode_without_a_till_port_says_why_in_the_shops_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nlanguage = \"lv\"\n[passthrough]\nenabled = true\n",
    )
    .unwrap();
    let c = counter(dir.path());
    match &c.devices().printer {
        PrinterState::Plug(label) => assert_eq!(
            label,
            "spraudņa režīms izslēgts: spraudņa režīmam vajag kases portu: iestatiet to iestatījumos"
        ),
        other => panic!("{other:?}"),
    }
}
