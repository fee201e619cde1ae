//! Printers that are not serial ports: a network printer on raw TCP (`tcp://HOST:9100`) and a
//! USB printer's device file (`/dev/usb/lp0`, played by a FIFO). The `regulars` binary's virtual
//! printer listens on each; receipts go out whole and once, a network printer lost in the
//! middle of a receipt gets it again whole when it is back, and one that never answers status
//! queries still prints.

use crate::common::{run, run_json};
use crate::serial::{
    Sim, decode_png, nothing_more_printed, pngs, sale_printed, start_sim_on, wait_for_pngs,
};
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

fn free_address() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().to_string()
}

fn set_port(dir: &Path, port: &str, profile: &str) {
    std::fs::write(
        dir.join("config.toml"),
        format!("[printer]\nport = \"{port}\"\nprofile = \"{profile}\"\n"),
    )
    .unwrap();
}

/// A virtual network printer on `addr`, ready once it accepts a connection.
fn network_sim(dir: &Path, addr: &str, profile: &str, speed: usize, out: &Path) -> Sim {
    let line = ["--listen".to_string(), addr.to_string()];
    let sim = start_sim_on(dir, &line, &dir.join("no-link"), profile, speed, out);
    let t = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "the printer did not listen"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    sim
}

fn sale(dir: &Path, receipt: &str) -> serde_json::Value {
    run_json(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            "4.20",
            "--receipt",
            receipt,
            "--print",
        ],
    )
}

fn pending(dir: &Path) -> usize {
    run_json(dir, &["print", "queue"])["pending"]
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn a_receipt_reaches_a_network_printer_whole_and_its_status_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let addr = free_address();
    let mut sim = network_sim(
        dir.path(),
        &addr,
        "generic-80mm",
        0,
        &dir.path().join("net"),
    );
    set_port(dir.path(), &format!("tcp://{addr}"), "generic-80mm");
    let sold = sale(dir.path(), "N1");
    assert!(sold["print"]["problem"].is_null(), "{sold}");
    let printed = wait_for_pngs(&sim.out, 1);
    assert_eq!(printed.len(), 1);
    assert_eq!(
        decode_png(&printed[0]),
        [sold["receipt_url"].as_str().unwrap()]
    );
    assert_eq!(pending(dir.path()), 0);
    // Its status comes over the same connection: out of paper, the receipt waits.
    sim.control("paper out");
    let (exit, out, _) = sale_printed(dir.path(), "2", "N2");
    assert_eq!(exit, 0);
    assert!(out.contains("out of paper"), "{out}");
    assert_eq!(pending(dir.path()), 1);
    sim.control("paper in");
    let retry = run_json(dir.path(), &["print", "retry"]);
    assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
    assert_eq!(wait_for_pngs(&sim.out, 2).len(), 2);
    nothing_more_printed(dir.path(), &sim.out, 2);
}

#[test]
fn a_network_printer_lost_mid_receipt_gets_the_whole_receipt_once_back() {
    let dir = tempfile::tempdir().unwrap();
    let addr = free_address();
    // A slow 58 mm printer (raster QR: a 5 KB receipt at 400 bytes a second).
    let slow_out = dir.path().join("slow");
    let slow = network_sim(dir.path(), &addr, "generic-58mm", 400, &slow_out);
    set_port(dir.path(), &format!("tcp://{addr}"), "generic-58mm");
    let sale = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args(["--data", dir.path().to_str().unwrap(), "--json"])
        .args([
            "sale",
            "record",
            "--amount",
            "6.40",
            "--receipt",
            "X1",
            "--print",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Switched off while the receipt is still going out.
    std::thread::sleep(Duration::from_millis(1500));
    drop(slow);
    let sale = sale.wait_with_output().unwrap();
    assert!(sale.status.success());
    let sale: serde_json::Value = serde_json::from_slice(&sale.stdout).unwrap();
    let problem = sale["print"]["problem"].as_str().unwrap_or_default();
    assert!(problem.contains("printer"), "{sale}");
    assert!(
        pngs(&slow_out).is_empty(),
        "nothing was cut on the lost printer"
    );
    assert_eq!(pending(dir.path()), 1);
    // While it is away the receipt keeps waiting, with the reason in plain words.
    let (_, out, _) = run(dir.path(), &["print", "retry"]);
    assert!(out.contains(&format!("cannot reach tcp://{addr}")), "{out}");
    assert_eq!(pending(dir.path()), 1);
    // Back: the whole receipt comes out once.
    let back = network_sim(
        dir.path(),
        &addr,
        "generic-58mm",
        0,
        &dir.path().join("back"),
    );
    let retry = run_json(dir.path(), &["print", "retry"]);
    assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
    let printed = wait_for_pngs(&back.out, 1);
    assert_eq!(printed.len(), 1);
    assert_eq!(
        decode_png(&printed[0]),
        [sale["receipt_url"].as_str().unwrap()]
    );
    nothing_more_printed(dir.path(), &back.out, 1);
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 1);
}

#[test]
fn a_usb_printer_device_file_prints_and_one_that_is_not_there_keeps_the_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let lp = dir.path().join("lp0");
    set_port(dir.path(), lp.to_str().unwrap(), "generic-80mm");
    // Nothing there yet (as /dev/usb/lp0 with the printer off): the receipt waits.
    let c = std::ffi::CString::new(lp.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let (exit, out, _) = sale_printed(dir.path(), "3", "U1");
    assert_eq!(exit, 0);
    assert!(out.contains("nothing is there to print"), "{out}");
    assert_eq!(pending(dir.path()), 1);
    // Switched on: the device file is read by the printer, which answers nothing back.
    let line = ["--fifo".to_string(), lp.to_str().unwrap().to_string()];
    let sim = start_sim_on(
        dir.path(),
        &line,
        &lp,
        "generic-80mm",
        0,
        &dir.path().join("usb"),
    );
    let t = Instant::now();
    let retry = loop {
        let r = run_json(dir.path(), &["print", "retry"]);
        if !r["printed"].as_array().unwrap().is_empty() || t.elapsed() > Duration::from_secs(10) {
            break r;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
    let printed = wait_for_pngs(&sim.out, 1);
    assert_eq!(printed.len(), 1);
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(text.contains("U1"), "{text}");
    // Nothing but the job went down the file: no status queries a printer could print.
    let bin = std::fs::read(printed[0].with_extension("bin")).unwrap();
    assert!(!bin.windows(2).any(|w| w == [0x10, 0x04]), "status asked");
    nothing_more_printed(dir.path(), &sim.out, 1);
}

#[test]
fn a_network_printer_that_never_answers_status_still_prints_once() {
    let dir = tempfile::tempdir().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    set_port(dir.path(), &format!("tcp://{addr}"), "generic-80mm");
    // A printer that takes every byte and says nothing; each job is one connection.
    let got = std::thread::spawn(move || {
        let mut jobs = Vec::new();
        for _ in 0..2 {
            let (mut s, _) = listener.accept().unwrap();
            let mut bytes = Vec::new();
            s.read_to_end(&mut bytes).unwrap();
            jobs.push(bytes);
        }
        jobs
    });
    let sold = sale(dir.path(), "S1");
    assert!(sold["print"]["problem"].is_null(), "{sold}");
    assert_eq!(pending(dir.path()), 0);
    let (exit, out, err) = run(dir.path(), &["print", "test"]);
    assert_eq!(exit, 0, "{out}{err}");
    let jobs = got.join().unwrap();
    let cuts = |j: &Vec<u8>| j.windows(3).filter(|w| *w == [0x1D, b'V', 1]).count();
    assert_eq!(jobs.iter().map(cuts).collect::<Vec<_>>(), [1, 1]);
    let s1 = jobs[0].windows(2).any(|w| w == b"S1");
    assert!(s1, "the receipt's number is in the first job");
}

#[test]
fn a_printer_address_that_cannot_be_is_refused_when_the_settings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    set_port(dir.path(), "tcp://192.168.1.50:99999", "generic-80mm");
    let (exit, _, err) = run(dir.path(), &["stats"]);
    assert_ne!(exit, 0);
    assert!(
        err.contains("[printer] port") && err.contains("'99999' is not a port number"),
        "{err}"
    );
    // Nothing listening there: the sale is kept once and its receipt waits.
    set_port(dir.path(), "tcp://127.0.0.1:1", "generic-80mm");
    let (exit, out, _) = sale_printed(dir.path(), "3", "T1");
    assert_eq!(exit, 0);
    assert!(out.contains("cannot reach tcp://127.0.0.1:1"), "{out}");
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 1);
    assert_eq!(pending(dir.path()), 1);
}
