//! Plug-in mode end to end on pseudo-terminals: a fake till prints into `regulars passthrough`,
//! which forwards to the virtual printer (or to a raw PTY the test reads byte for byte).

use crate::common::run_json;
use crate::serial::{PTY, decode_png, pngs, start_sim, wait_for_pngs};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Plug {
    child: Child,
    pub till: PathBuf,
    pub log: PathBuf,
}

impl Drop for Plug {
    /// A killed program cannot remove its link; a stale one could point at a pseudo-terminal
    /// number another test has since been given.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.till);
    }
}

pub fn start_plug(dir: &Path, printer: &str, profile: &str) -> Plug {
    let till = dir.join("till");
    let _ = std::fs::remove_file(&till);
    let stderr = std::fs::File::create(dir.join("plug.err")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args([
            "passthrough",
            "--printer",
            printer,
            "--pos-profile",
            profile,
        ])
        .arg("--pos-link")
        .arg(&till)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    crate::common::wait_for_path(&till, "passthrough");
    Plug {
        child,
        till,
        log: dir.join("plug.err"),
    }
}

/// A virtual scanner at `link` that sends each line written to its stdin.
fn start_scanner_sim(dir: &Path, link: &Path) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(["simulate", "scanner", "--link"])
        .arg(link)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    crate::common::wait_for_path(link, "the virtual scanner");
    child
}

/// The till's end of the link, as the till's driver would open it.
pub fn open_till(path: &Path) -> Box<dyn serialport::SerialPort> {
    serialport::new(path.to_str().unwrap(), 9600)
        .timeout(Duration::from_millis(200))
        .open()
        .unwrap()
}

pub fn till_receipt(no: &str, total: &str) -> Vec<u8> {
    let mut r = b"\x1b@\x1ba\x01CORNER CAFE\n\x1ba\x00".to_vec();
    r.extend(format!("Receipt No: {no}\nFlat white            {total}\n").as_bytes());
    r.extend(format!("TOTAL                 {total}\n").as_bytes());
    r.extend(b"\x1bd\x03\x1dV\x42\x00");
    r
}

fn wait_log(plug: &Plug, what: &str) -> String {
    wait_for_text(&plug.log, what)
}

/// Waits (up to 10 s) until the file at `path` says `what`; returns all it says.
fn wait_for_text(path: &Path, what: &str) -> String {
    let t = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains(what) {
            return text;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "no '{what}' in: {text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_tills_receipts_get_the_loyalty_block_and_a_reprint_counts_once() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "generic-point");
    let mut till = open_till(&plug.till);
    let first = till_receipt("10234", "12.50");
    till.write_all(&first).unwrap();
    till.write_all(&first).unwrap(); // the till reprints it
    let printed = wait_for_pngs(&sim.out, 2);
    assert_eq!(
        printed.len(),
        2,
        "{}",
        std::fs::read_to_string(&plug.log).unwrap()
    );
    let urls: Vec<Vec<String>> = printed.iter().map(|p| decode_png(p)).collect();
    assert_eq!(urls[0].len(), 1, "the visit QR is on the receipt");
    assert_eq!(urls[0], urls[1], "the reprint shows the same visit");
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(
        text.contains("Receipt No: 10234") && text.contains("TOTAL"),
        "{text}"
    );
    assert!(text.contains("Scan to claim your points"), "{text}");
    // The code to type under the QR, the visit's own.
    let code: String = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row(
            "SELECT receipt_code FROM visits WHERE receipt_no = '10234'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let printed_code = format!("{}-{}", &code[..5], &code[5..]);
    assert!(
        text.contains(&format!("Or type {printed_code} at ")),
        "{text}"
    );
    let visits: i64 = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM visits WHERE receipt_no = '10234'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(visits, 1, "one visit for the receipt and its reprint");
    let log = wait_log(&plug, "a reprint, recorded once");
    assert!(
        log.contains("receipt 10234: loyalty block added (visit 1"),
        "{log}"
    );
    // The URL opens that visit.
    let sale = run_json(dir.path(), &["customer", "find", "x"]);
    let _ = sale;
    let secret = regulars::datadir::DataDir::resolve(Some(dir.path().to_path_buf()))
        .unwrap()
        .secret()
        .unwrap();
    let token = urls[0][0].rsplit('/').next().unwrap();
    assert_eq!(secret.verify(token), Some(1));
}

#[test]
fn a_tills_own_user_defined_characters_are_left_alone() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nname = \"శ్రీ టిఫిన్స్\"\ncurrency = \"INR\"\nlanguage = \"te\"\n",
    )
    .unwrap();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "generic-point");
    let mut till = open_till(&plug.till);
    // A till that keeps nothing in the printer: the Telugu block goes as user-defined
    // characters.
    till.write_all(&till_receipt("501", "40.00")).unwrap();
    wait_for_pngs(&sim.out, 1);
    // A till that defines a character of its own ('!', a cup) and prints it.
    let mut job = till_receipt("502", "60.00");
    let mut cup = vec![0x1b, b'&', 3, b'!', b'!', 12];
    cup.extend([0xFF; 36]);
    cup.extend(b"\x1b%\x01!\x1b%\x00\n");
    job.splice(2..2, cup);
    till.write_all(&job).unwrap();
    let printed = wait_for_pngs(&sim.out, 2);
    let bytes = |i: usize| std::fs::read(printed[i].with_extension("bin")).unwrap();
    let defines = |b: &[u8]| b.windows(2).filter(|w| *w == [0x1b, b'&']).count();
    let images = |b: &[u8]| b.windows(3).filter(|w| *w == [0x1d, b'v', b'0']).count();
    let (first, second) = (bytes(0), bytes(1));
    assert!(defines(&first) > 0 && images(&first) == 0, "{first:?}");
    // The till's character is the only one defined: the block's lines are pictures.
    assert_eq!(
        defines(&second),
        1,
        "the block must not redefine the till's characters"
    );
    assert!(images(&second) > 0);
    // The log speaks the shop's language: both receipts got their block.
    let log = wait_log(&plug, "రసీదు 502: లాయల్టీ భాగం జోడించాము");
    assert!(log.contains("రసీదు 501: లాయల్టీ భాగం జోడించాము"), "{log}");
}

#[test]
fn a_card_scanned_at_the_counter_makes_the_next_receipt_the_members() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(dir.path(), &["customer", "add", "--name", "Ann Byrne"]);
    let code = c["code"].as_str().unwrap().to_string();
    let scanner = dir.path().join("scanner");
    let mut scan_sim = start_scanner_sim(dir.path(), &scanner);
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[shop]\ncurrency = \"EUR\"\n[scanner]\nport = \"{}\"\n",
            scanner.display()
        ),
    )
    .unwrap();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "euro-comma");
    std::thread::sleep(Duration::from_millis(300));
    writeln!(scan_sim.stdin.as_mut().unwrap(), "{code}").unwrap();
    wait_log(&plug, "scanned: the next receipt is theirs");
    let mut till = open_till(&plug.till);
    // A German-style till: decimal comma, daily numbering, CP858 text.
    let mut r = b"\x1b@\x1bt\x13B\x84ckerei Sonne\n".to_vec();
    r.extend(b"Bon-Nr. 0042    Datum 23.11.2026 14:05\nCappuccino       3,40 EUR\n");
    r.extend(b"SUMME EUR       1.212,50\n\x1bd\x02\x1dV\x00");
    till.write_all(&r).unwrap();
    let printed = wait_for_pngs(&sim.out, 1);
    assert_eq!(printed.len(), 1);
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(
        text.contains("Bäckerei Sonne"),
        "the till's code page is kept: {text}"
    );
    assert!(text.contains("Thank you, Ann!"), "{text}");
    assert!(text.contains("+1,212"), "points for 1.212,50: {text}");
    let shown = run_json(dir.path(), &["customer", "show", &code]);
    assert_eq!(shown["balance"], 1212);
    let log = wait_log(&plug, "loyalty block added");
    assert!(log.contains("receipt 0042@23.11.2026"), "{log}");
    let _ = scan_sim.kill();
    let _ = scan_sim.wait();
}

/// A raw PTY standing in for the printer: the test reads exactly what arrives.
fn raw_printer() -> (serialport::TTYPort, String) {
    let (master, slave) = serialport::TTYPort::pair().unwrap();
    let name = serialport::SerialPort::name(&slave).unwrap();
    // Keep the slave open in this process too, so the PTY stays alive between opens.
    std::mem::forget(slave);
    (master, name)
}

fn read_for(master: &mut serialport::TTYPort, quiet: Duration) -> Vec<u8> {
    serialport::SerialPort::set_timeout(master, Duration::from_millis(50)).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let mut last = Instant::now();
    while last.elapsed() < quiet {
        match master.read(&mut buf) {
            Ok(n) if n > 0 => {
                out.extend_from_slice(&buf[..n]);
                last = Instant::now();
            }
            _ => {}
        }
    }
    out
}

#[test]
fn garbage_a_receipt_without_total_and_a_stream_cut_short_pass_byte_for_byte() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let (mut master, name) = raw_printer();
    let plug = start_plug(dir.path(), &name, "generic-point");
    let mut till = open_till(&plug.till);
    let mut stream = b"\xff\xfe\x00garbage\x1b\x99\x1d\x99 \x10".to_vec();
    stream.extend(b"\x1b@Receipt No: 77\nVoid sale\n\x1bd\x02\x1dV\x00");
    stream.extend(b"Half a receipt, then the till stops mid-command \x1d");
    till.write_all(&stream).unwrap();
    let got = read_for(&mut master, Duration::from_millis(800));
    assert_eq!(got, stream, "every byte, in order, nothing added");
    let log = wait_log(&plug, "passed through unchanged: no total found");
    assert!(!log.contains("loyalty block added"), "{log}");
    let visits: i64 = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(visits, 0);
}

#[test]
fn status_queries_reach_the_printer_and_the_answers_come_back() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let printer = dir.path().join("printer");
    let mut sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "generic-point");
    let mut till = open_till(&plug.till);
    let ask = |till: &mut Box<dyn serialport::SerialPort>| {
        till.write_all(b"\x10\x04\x04").unwrap();
        let mut b = [0u8; 1];
        let t = Instant::now();
        loop {
            if let Ok(1) = till.read(&mut b) {
                return b[0];
            }
            assert!(t.elapsed() < Duration::from_secs(5), "no status answer");
        }
    };
    assert_eq!(ask(&mut till) & 0x60, 0, "paper present");
    sim.control("paper out");
    assert_eq!(ask(&mut till) & 0x60, 0x60, "the till sees the paper out");
}

#[test]
fn a_printer_unplugged_mid_receipt_gets_the_whole_receipt_when_it_is_back() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "generic-point");
    let mut till = open_till(&plug.till);
    till.write_all(&till_receipt("1", "2.00")).unwrap();
    assert_eq!(wait_for_pngs(&sim.out, 1).len(), 1);
    // Half of the next receipt reaches the printer, then it is unplugged.
    let second = till_receipt("2", "3.00");
    till.write_all(&second[..30]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let out = sim.out.clone();
    drop(sim);
    till.write_all(&second[30..]).unwrap();
    let third = till_receipt("3", "4.00");
    till.write_all(&third).unwrap();
    wait_log(&plug, "printer unavailable");
    // Plugged back in: the same link, a new device.
    let sim = crate::serial::start_sim_at(dir.path(), &printer, "generic-80mm", 0, &out);
    let printed = wait_for_pngs(&sim.out, 3);
    assert_eq!(
        printed.len(),
        3,
        "{}",
        std::fs::read_to_string(&plug.log).unwrap()
    );
    let texts: Vec<String> = pngs(&sim.out)
        .iter()
        .map(|p| std::fs::read_to_string(p.with_extension("txt")).unwrap())
        .collect();
    assert!(
        texts[1].contains("Receipt No: 2") && texts[1].contains("TOTAL                 3.00"),
        "{}",
        texts[1]
    );
    assert!(texts[2].contains("Receipt No: 3"), "in order: {}", texts[2]);
    assert_eq!(
        decode_png(&printed[1]).len(),
        1,
        "the second receipt has its QR"
    );
    wait_log(&plug, "printer back");
}

/// Receipts made by python-escpos (PyPI), driven by `tests/escpos_till.py`, pass through with
/// the loyalty block. `tests/run.sh` installs it; without it this test fails, saying so.
#[test]
fn receipts_from_python_escpos_pass_through_with_the_block() {
    let has_escpos = Command::new("python3")
        .args(["-c", "import escpos.printer"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        has_escpos,
        "this test needs python-escpos: run the tests with `tests/run.sh`, which installs it \
         (or `python3 -m pip install python-escpos`)"
    );
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let plug = start_plug(dir.path(), printer.to_str().unwrap(), "generic-point");
    // The till's port is held open, as a real serial line would be.
    let _line = open_till(&plug.till);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/escpos_till.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(&plug.till)
        .args(["A-100", "A-101", "A-100"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = wait_for_pngs(&sim.out, 3);
    assert_eq!(
        printed.len(),
        3,
        "{}",
        std::fs::read_to_string(&plug.log).unwrap()
    );
    for (i, p) in printed.iter().enumerate() {
        let text = std::fs::read_to_string(p.with_extension("txt")).unwrap();
        assert!(text.contains("Café crème"), "accents survive: {text}");
        assert!(text.contains("TOTAL"), "{text}");
        assert!(
            text.contains("Scan to claim your points"),
            "receipt {i}: {text}"
        );
        assert_eq!(decode_png(p).len(), 1, "receipt {i} has the visit QR");
    }
    let visits: i64 = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(visits, 2, "A-100 printed twice is one visit");
    let amount: i64 = crate::common::connect(crate::common::db(dir.path()))
        .unwrap()
        .query_row(
            "SELECT amount FROM visits WHERE receipt_no = 'A-101'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(amount, 880);
}

/// Plug-in mode inside the counter: the customer the cashier identified is attached to the
/// till's next receipt, and the outcome is shown on the counter's screen.
#[test]
fn in_the_counter_window_the_customer_on_screen_gets_the_tills_next_receipt() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(dir.path(), &["customer", "add", "--name", "Cara Doyle"]);
    let code = c["code"].as_str().unwrap().to_string();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    // The till's serial line: the test holds one end, plug-in mode opens the other by name.
    let (mut till, line) = serialport::TTYPort::pair().unwrap();
    let line_name = serialport::SerialPort::name(&line).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\n[passthrough]\nenabled = true\npos = \"{line_name}\"\npos_profile = \"generic-point\"\n",
            printer.display()
        ),
    )
    .unwrap();
    drop(line);
    let mut counter = crate::runtime::counter(dir.path());
    assert!(
        matches!(&counter.devices().printer, regulars::runtime::PrinterState::Plug(label)
            if label.starts_with("plug-in mode: till on")),
        "{:?}",
        counter.devices().printer
    );
    counter.send(regulars::runtime::Intent::Open(code.clone()));
    crate::runtime::tick_until(&mut counter, "the customer", |s| s.customer.is_some());
    std::thread::sleep(Duration::from_millis(300));
    till.write_all(&till_receipt("9001", "4.50")).unwrap();
    crate::runtime::tick_until(&mut counter, "the till's receipt", |s| {
        s.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("loyalty block added"))
    });
    let notice = counter.state().notice.clone().unwrap();
    assert!(notice.ok && notice.text.contains(&code), "{notice:?}");
    let printed = wait_for_pngs(&sim.out, 1);
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(
        text.contains("Thank you, Cara!") && text.contains("Receipt No: 9001"),
        "{text}"
    );
    // The next receipt, with nobody identified again, is anonymous.
    till.write_all(&till_receipt("9002", "2.00")).unwrap();
    let printed = wait_for_pngs(&sim.out, 2);
    assert_eq!(printed.len(), 2);
    let text = std::fs::read_to_string(printed[1].with_extension("txt")).unwrap();
    assert!(text.contains("Scan to claim"), "{text}");
}

/// No window at all: `regulars serve --devices` runs the counter's runtime in a headless loop.
/// A card scanned on the scanner makes the till's next receipt (plug-in mode) that member's.
#[test]
fn headless_serve_with_devices_scanner_and_plug_in_mode() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let c = run_json(dir.path(), &["customer", "add", "--name", "Dara Quinn"]);
    let code = c["code"].as_str().unwrap().to_string();
    let printer = dir.path().join("printer");
    let sim = start_sim(dir.path(), &printer, "generic-80mm");
    let scanner = dir.path().join("scanner");
    let mut scan_sim = start_scanner_sim(dir.path(), &scanner);
    let (mut till, line) = serialport::TTYPort::pair().unwrap();
    let line_name = serialport::SerialPort::name(&line).unwrap();
    drop(line);
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\n[scanner]\nport = \"{}\"\n[passthrough]\nenabled = true\npos = \"{line_name}\"\n[portal]\nbind = \"127.0.0.1:0\"\n",
            printer.display(),
            scanner.display()
        ),
    )
    .unwrap();
    let err = dir.path().join("serve.err");
    let mut serve = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir.path())
        .args(["serve", "--devices"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let wait_for = |what: &str| wait_for_text(&err, what);
    wait_for("plug-in mode: till on");
    std::thread::sleep(Duration::from_millis(300));
    writeln!(scan_sim.stdin.as_mut().unwrap(), "{code}").unwrap();
    wait_for(&format!("Dara Quinn ({code})"));
    till.write_all(&till_receipt("77", "9.99")).unwrap();
    let log = wait_for("loyalty block added");
    assert!(log.contains(&code), "{log}");
    let printed = wait_for_pngs(&sim.out, 1);
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(text.contains("Thank you, Dara!"), "{text}");
    let _ = serve.kill();
    let _ = serve.wait();
    let _ = scan_sim.kill();
    let _ = scan_sim.wait();
}
