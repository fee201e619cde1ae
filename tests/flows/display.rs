//! The customer display, end to end: the counter's runtime with a pole display on a
//! pseudo-terminal whose bytes are decoded into the 2×20 screen, in five languages and both
//! command sets; the display unplugged and back; `regulars display test/customer` on a PTY.

use crate::common::{run, run_json};
use crate::runtime::{bar_until, tick_until};
use regulars::datadir::DataDir;
use regulars::devices::display::{DisplayProfile, screen::VirtualDisplay};
use regulars::runtime::display::DisplayState;
use regulars::runtime::{Counter, Intent};
use regulars::store::NewCustomer;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A pole display on a pseudo-terminal linked at `link`: a thread decodes what arrives.
pub struct Pole {
    pub link: PathBuf,
    screen: Arc<Mutex<VirtualDisplay>>,
    /// Every screen shown, in order (each whole screen once).
    pub seen: Arc<Mutex<Vec<Vec<String>>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pole {
    pub fn plug(link: &Path, profile: &str) -> Pole {
        let profile = DisplayProfile::load(profile).unwrap();
        let (mut master, slave) = regulars::devices::transport::pty_with_link(link).unwrap();
        serialport::SerialPort::set_timeout(&mut master, Duration::from_millis(30)).unwrap();
        let screen = Arc::new(Mutex::new(VirtualDisplay::new(profile)));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (s, v, st) = (screen.clone(), seen.clone(), stop.clone());
        let reader = std::thread::spawn(move || {
            let _slave = slave;
            let mut buf = [0u8; 512];
            while !st.load(std::sync::atomic::Ordering::Relaxed) {
                match master.read(&mut buf) {
                    Ok(n) if n > 0 => s.lock().unwrap_or_else(|e| e.into_inner()).feed(&buf[..n]),
                    _ => {
                        let lines = s.lock().unwrap_or_else(|e| e.into_inner()).lines();
                        let mut seen = v.lock().unwrap_or_else(|e| e.into_inner());
                        if seen.last() != Some(&lines) && lines.iter().any(|l| !l.is_empty()) {
                            seen.push(lines);
                        }
                    }
                }
            }
        });
        Pole {
            link: link.to_path_buf(),
            screen,
            seen,
            stop,
            reader: Some(reader),
        }
    }

    pub fn lines(&self) -> Vec<String> {
        self.screen.lock().unwrap().lines()
    }

    /// Waits until the display shows `want` (ticking the counter meanwhile).
    pub fn wait_for(&self, c: &mut Counter, want: &[&str]) {
        self.wait(Some(c), want)
    }

    /// Waits until the display shows `want`, ticking the counter if there is one.
    pub fn wait(&self, mut c: Option<&mut Counter>, want: &[&str]) {
        let t = Instant::now();
        loop {
            if let Some(c) = c.as_deref_mut() {
                c.tick();
            }
            let shown = self
                .seen
                .lock()
                .unwrap()
                .last()
                .cloned()
                .unwrap_or_default();
            if shown == want {
                return;
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "the display shows {:?}, not {want:?} (screens: {:?})",
                self.lines(),
                self.seen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Unplugged: the device and its link go.
    pub fn unplug(mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        let _ = std::fs::remove_file(&self.link);
    }
}

impl Drop for Pole {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        let _ = std::fs::remove_file(&self.link);
    }
}

/// A shop speaking `language` with a pole display of `profile` at `link`.
pub fn shop_with_display(dir: &Path, language: &str, link: &Path, profile: &str) -> Counter {
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "[shop]\nname = \"Corner Coffee\"\nlanguage = \"{language}\"\n\
             [display]\nport = \"{}\"\nprofile = \"{profile}\"\n",
            link.display()
        ),
    )
    .unwrap();
    let d = DataDir::resolve(Some(dir.to_path_buf())).unwrap();
    d.prepare().unwrap();
    let config = d.config().unwrap();
    Counter::start(&d, &config).unwrap()
}

/// The five screens the issue names, in order: idle, identified, sale, reward ready (a sale
/// that reaches a reward), anonymous sale.
fn walk(c: &mut Counter, pole: &Pole, name: &str, want: &[[&str; 2]; 5]) {
    pole.wait_for(c, &want[0]);
    c.send(Intent::Enroll(NewCustomer {
        name: name.into(),
        phone: Some("0871234567".into()),
        ..Default::default()
    }));
    tick_until(c, "the enrolment", |s| s.customer.is_some());
    pole.wait_for(c, &want[1]);
    c.send(Intent::Sale("4.50".into()));
    tick_until(c, "the sale", |s| s.sales_recorded == 1);
    pole.wait_for(c, &want[2]);
    c.send(Intent::Sale("40.00".into()));
    tick_until(c, "the second sale", |s| s.sales_recorded == 2);
    pole.wait_for(c, &want[3]);
    c.send(Intent::AnonymousSale("4.50".into()));
    tick_until(c, "the anonymous sale", |s| s.sales_recorded == 3);
    pole.wait_for(c, &want[4]);
    for screen in pole.seen.lock().unwrap().iter() {
        for line in screen {
            assert!(line.chars().count() <= 20 && !line.contains('?'), "{line}");
        }
    }
}

#[test]
fn the_pole_display_shows_each_screen_in_each_language() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        [[&'static str; 2]; 5],
    );
    let cases: [Case; 6] = [
        (
            "en",
            "epson-2x20",
            "Līga Ozola",
            [
                ["Welcome!", "Ask about rewards"],
                ["Welcome back, Liga", "10 visits to go"],
                ["€4.50, +4 points", "Now 4 points"],
                ["€40.00, +40 points", "Ready: Free coffee"],
                ["Scan the receipt to", "collect 4 points"],
            ],
        ),
        // No Baltic table on the display: ā ī written plainly; č is on its Latin-2 table.
        (
            "lv",
            "epson-2x20",
            "Līga Ozola",
            [
                ["Laipni ludzam!", "Jautajiet par balvam"],
                ["Sveiki atkal, Liga", "Vel 10 apmeklejumi"],
                ["4,50 €, +4 punkti", "Tagad 4 punkti"],
                ["40,00 €, +40 punkti", "Gatava: Free coffee"],
                ["Noskenejiet čeku un", "sanemiet 4 punktus"],
            ],
        ),
        // Its Cyrillic table (CP866) lacks Ђ: the whole screen in Serbian Latin, on CP852.
        (
            "sr-Cyrl",
            "epson-2x20",
            "Ђорђе Петровић",
            [
                ["Dobro došli!", "Pitajte za nagrade"],
                ["Dobro došli, Đorđe", "Još 10 posete"],
                ["4,50 €, +4 poena", "Sada 4 poena"],
                ["40,00 €, +40 poena", "Spremno: Free coffee"],
                ["Skenirajte račun i", "uzmite 4 poena"],
            ],
        ),
        // CD5220's US set only: Đ as Dj, no €.
        (
            "sr-Latn",
            "cd5220",
            "Đorđe Petrović",
            [
                ["Dobro dosli!", "Pitajte za nagrade"],
                ["Dobro dosli, Djordje", "Jos 10 posete"],
                ["4,50 EUR, +4 poena", "Sada 4 poena"],
                ["40,00 EUR, +40 poena", "Spremno: Free coffee"],
                ["Skenirajte racun i", "uzmite 4 poena"],
            ],
        ),
        // Telugu in Latin letters, syllable by syllable; the shorter wordings where the long
        // ones do not fit.
        (
            "te",
            "epson-2x20",
            "రాహుల్",
            [
                ["svaagatam!", "bahumatulu adagandi"],
                ["namastee, raahul", "0 paayintlu"],
                ["€4.50, +4 paayintlu", "ippudu 4 paayintlu"],
                ["€40.00 +40", "siddham: Free coffee"],
                ["rasiidu QR: +4", ""],
            ],
        ),
        (
            "te",
            "cd5220",
            "రాహుల్",
            [
                ["svaagatam!", "bahumatulu adagandi"],
                ["namastee, raahul", "0 paayintlu"],
                ["EUR4.50 +4", "ippudu 4 paayintlu"],
                ["EUR40.00 +40", "siddham: Free coffee"],
                ["rasiidu QR: +4", ""],
            ],
        ),
    ];
    for (language, profile, name, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("display");
        let pole = Pole::plug(&link, profile);
        let mut c = shop_with_display(dir.path(), language, &link, profile);
        walk(&mut c, &pole, name, &want);
    }
}

#[test]
fn a_display_unplugged_mid_sale_is_reported_and_shows_the_screen_again_when_back() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("display");
    let pole = Pole::plug(&link, "epson-2x20");
    let mut c = shop_with_display(dir.path(), "en", &link, "epson-2x20");
    pole.wait_for(&mut c, &["Welcome!", "Ask about rewards"]);
    bar_until(&mut c, "the display showing", |d| {
        matches!(d.display, DisplayState::Showing(_))
    });
    c.send(Intent::Enroll(NewCustomer {
        name: "Zoë Byrne".into(),
        phone: Some("0871234567".into()),
        ..Default::default()
    }));
    tick_until(&mut c, "the enrolment", |s| s.customer.is_some());
    pole.wait_for(&mut c, &["Welcome back, Zoë", "10 visits to go"]);
    // Unplugged mid-sale: the sale is recorded all the same, and the device bar says so.
    pole.unplug();
    c.send(Intent::Sale("4.50".into()));
    tick_until(&mut c, "the sale", |s| s.sales_recorded == 1);
    bar_until(&mut c, "the display reported lost", |d| {
        matches!(d.display, DisplayState::Lost(_))
    });
    let en = regulars::i18n::catalog().get("en").unwrap();
    let said = c.devices().display.words(en).unwrap();
    assert!(
        said.starts_with("Customer display: ") && said.ends_with("(trying again)"),
        "{said}"
    );
    assert_eq!(c.state().customer.as_ref().unwrap().balance, 4);
    // Plugged back: it is opened again and shows the screen of now.
    let pole = Pole::plug(&link, "epson-2x20");
    pole.wait_for(&mut c, &["€4.50, +4 points", "Now 4 points"]);
    bar_until(&mut c, "the display back", |d| {
        matches!(d.display, DisplayState::Showing(_))
    });
}

#[test]
fn display_test_and_customer_from_the_command_line() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("display");
    let l = link.to_str().unwrap();
    let pole = Pole::plug(&link, "epson-2x20");
    let (code, out, err) = run(dir.path(), &["display", "test", "--port", l]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("│Display test        │"), "{out}");
    assert!(out.contains("Sent to the customer display"), "{out}");
    pole.wait(None, &["Display test", "0123456789 ABC abc €"]);
    let c = run_json(dir.path(), &["customer", "add", "--name", "Līga Ozola"]);
    let card = c["code"].as_str().unwrap();
    let shown = run_json(dir.path(), &["display", "customer", card, "--port", l]);
    assert_eq!(shown["lines"][0], "Welcome back, Liga");
    assert_eq!(shown["words"][0], "Welcome back, Līga");
    pole.wait(None, &["Welcome back, Liga", "10 visits to go"]);
    // A display that is not there: said plainly, exit 1.
    let gone = dir.path().join("no-such-display");
    let (code, _, err) = run(
        dir.path(),
        &["display", "test", "--port", gone.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("The customer display cannot be reached"),
        "{err}"
    );
    // An unknown profile: bad input, exit 2, the profiles named.
    let (code, _, err) = run(dir.path(), &["display", "test", "--profile", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cd5220") && err.contains("epson-2x20"),
        "{err}"
    );
}

#[test]
fn settings_set_the_display_and_the_counter_shows_on_it() {
    use crate::counter_ui::{fill, harness, press, step_until};
    use egui_kittest::kittest::Queryable;
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("display");
    let pole = Pole::plug(&link, "epson-2x20");
    let mut h = harness(dir.path());
    h.run_steps(2);
    press(&mut h, "Settings (F10)");
    h.run_steps(3);
    press(&mut h, "Printer and scanner");
    h.run_steps(3);
    // The tablet's address is there for the owner to type into the tablet.
    let key = {
        let d = regulars::datadir::DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
        d.config().unwrap().display.tablet_key(&d.secret().unwrap())
    };
    let line = format!("/display/{key}");
    assert!(
        h.query_by_label_contains(&line).is_some(),
        "the tablet address {line}"
    );
    fill(
        &mut h,
        "Customer display port (empty: none)",
        link.to_str().unwrap(),
    );
    press(&mut h, "Save settings");
    step_until(&mut h, "the display showing", |a| {
        matches!(a.counter.devices().display, DisplayState::Showing(_))
    });
    let text = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        text.contains("[display]") && text.contains("profile = \"epson-2x20\""),
        "{text}"
    );
    pole.wait(None, &["Welcome to My Shop", "Ask about rewards"]);
    assert!(
        h.query_by_label_contains("Customer display on").is_some(),
        "the device bar's line"
    );
}
