//! The barcode scanner over a PTY: the virtual scanner in one program, the counter's reader
//! in another, as a real scanner on a serial port.

use crate::common::run_json;
use crate::serial::PTY;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn scanner_codes_cross_a_pty_between_two_programs() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("scanner");
    let card = regulars::domain::code::CustomerCode::from_random(99).to_string();
    let url = "HTTP://LOCALHOST:8080/R/000000027MTR08EF6352K6E2";
    let mut sim = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "simulate",
            "scanner",
            "--suffix",
            "crlf",
            "--aim",
        ])
        .arg("--link")
        .arg(&link)
        .args([
            card.as_str(),
            card.as_str(),
            url,
            "4006381333931",
            "4006381333932",
        ])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    crate::common::wait_for_path(&link, "the virtual scanner");
    let out = run_json(
        dir.path(),
        &[
            "scan",
            "--port",
            link.to_str().unwrap(),
            "--profile",
            "crlf-aim",
            "--count",
            "4",
            "--seconds",
            "10",
        ],
    );
    sim.wait().unwrap();
    let scans = out["scans"].as_array().unwrap();
    let kinds: Vec<&str> = scans
        .iter()
        .map(|s| s["what"]["kind"].as_str().unwrap())
        .collect();
    // The second card scan is a repeat within the window and is dropped.
    assert_eq!(
        kinds,
        ["customer_card", "receipt", "product", "unknown"],
        "{out}"
    );
    assert_eq!(scans[0]["what"]["code"], card.as_str());
    assert_eq!(scans[0]["aim"], "]C0");
    assert_eq!(scans[1]["what"]["token"], "000000027MTR08EF6352K6E2");
    assert!(
        scans[3]["what"]["reason"]
            .as_str()
            .unwrap()
            .contains("check digit")
    );
}

#[test]
fn scanner_noise_and_half_frames_are_rejected_then_reading_goes_on() {
    use regulars::devices::profile::{FlowControl, ScannerProfile};
    use regulars::devices::scanner::{ScanEvent, read_scans};
    use regulars::devices::transport::{SerialSettings, SerialTransport};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let (mut master, slave) = serialport::TTYPort::pair().unwrap();
    let path = serialport::SerialPort::name(&slave).unwrap();
    let profile = ScannerProfile::load("generic-cr").unwrap();
    let writer = std::thread::spawn(move || {
        master.write_all(&[0x00, 0xFF, 0x13, b'\r']).unwrap(); // binary noise
        master.write_all(&vec![b'7'; 600]).unwrap(); // a stuck beam: over-long
        master.write_all(b"\r4006381").unwrap(); // half a code, then silence
        master.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        master.write_all(b"\r96385074\r").unwrap();
        master.flush().unwrap();
        std::thread::sleep(Duration::from_millis(500));
        master
    });
    let mut t = SerialTransport::new(SerialSettings {
        path,
        baud: 9600,
        flow_control: FlowControl::None,
    });
    let start = Instant::now();
    let clock = move || start.elapsed().as_millis() as u64;
    let mut events = Vec::new();
    read_scans(&mut t, &profile, &clock, &|now| now >= 3000, &mut |e| {
        events.push(e);
        !matches!(events.last(), Some(ScanEvent::Scanned { .. }))
    })
    .unwrap();
    let _master = writer.join().unwrap();
    let reasons: Vec<String> = events
        .iter()
        .map(|e| match e {
            ScanEvent::Rejected { reason } => reason.to_string(),
            ScanEvent::Scanned { scan, .. } => format!("code {}", scan.data),
        })
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons[0].contains("binary") || reasons[0].contains("control"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("more than"), "{reasons:?}");
    assert!(reasons[2].contains("half a code"), "{reasons:?}");
    assert_eq!(reasons[3], "code 96385074");
}
