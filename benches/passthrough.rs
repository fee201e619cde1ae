//! Plug-in mode benchmark (issue 7), on pseudo-terminals with the real loop, store and block:
//!
//! - added latency per receipt: from the till's last byte (the cut) written to the cut arriving
//!   at the printer's end, with the visit recorded (`synchronous=FULL`) and the block inserted.
//!   A PTY moves bytes at memory speed, so this is Regulars' own time, without the block's
//!   transmission. Goal: p99 under 5 ms.
//! - throughput: how fast a long stream of receipts passes through, against the 11,520 bytes a
//!   second a 115200-baud line carries.

mod common;

use regulars::devices::profile::{FlowControl, PrinterProfile};
use regulars::devices::till::TillProfile;
use regulars::devices::transport::{SerialSettings, SerialTransport};
use regulars::passthrough::{Recorder, Splice, run, till_pty};
use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn receipt(no: u32, with_total: bool) -> Vec<u8> {
    let mut r = b"\x1b@\x1ba\x01CORNER CAFE\n\x1ba\x00".to_vec();
    r.extend(format!("Receipt No: {no}\n").as_bytes());
    for i in 0..8 {
        r.extend(format!("Item {i:<28}{:>6}.{:02}\n", 1 + i, 10 * i).as_bytes());
    }
    if with_total {
        r.extend(b"TOTAL                           18.60\n");
    }
    r.extend(b"\x1bd\x03\x1dV\x42\x00");
    r
}

fn read_until_cut(printer: &mut serialport::TTYPort, got: &mut Vec<u8>) {
    let mut buf = [0u8; 8192];
    loop {
        let n = printer.read(&mut buf).unwrap_or(0);
        got.extend_from_slice(&buf[..n]);
        if got.ends_with(b"\x1dV\x42\x00") {
            return;
        }
    }
}

fn main() {
    let dir = tempfile::tempdir_in(common::bench_dir()).unwrap();
    let data = regulars::datadir::DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let store = data.open_store(&config, regulars::clock::now()).unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let mut recorder = Recorder {
        store,
        till: TillProfile::load("generic-point").unwrap(),
        printer: PrinterProfile::load("generic-80mm").unwrap(),
        secret: data.secret().unwrap(),
        public_url: config.portal.public_url.clone(),
        currency: config.shop.currency,
        words: config.shop.words(),
        last_scan: Default::default(),
        window: Duration::from_secs(120),
        clock: regulars::clock::now,
    };
    let (mut printer_end, printer_slave) = serialport::TTYPort::pair().unwrap();
    let printer_path = serialport::SerialPort::name(&printer_slave).unwrap();
    serialport::SerialPort::set_timeout(&mut printer_end, Duration::from_millis(100)).unwrap();
    let link = dir.path().join("till");
    let (mut till_side, _slave) = till_pty(&link).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let stop2 = stop.clone();
    let worker = std::thread::spawn(move || {
        let mut printer = SerialTransport::new(SerialSettings {
            path: printer_path,
            baud: 115_200,
            flow_control: FlowControl::None,
        });
        let mut splice = Splice::new(recorder.till.code_page);
        run(
            &mut till_side,
            &mut printer,
            &mut splice,
            &mut |page| recorder.block_for(page).ok().map(|(b, _)| b),
            &stop2,
            &mut |_| {},
        );
    });
    let mut till = serialport::new(link.to_str().unwrap(), 115_200)
        .timeout(Duration::from_millis(100))
        .open()
        .unwrap();
    let _keep = printer_slave;

    for (label, with_total) in [
        ("with the loyalty block", true),
        ("no total: unchanged", false),
    ] {
        let mut samples = Vec::new();
        for i in 0..600u32 {
            let r = receipt(if with_total { i } else { 100_000 + i }, with_total);
            let mut got = Vec::with_capacity(4096);
            till.write_all(&r).unwrap();
            let t = Instant::now();
            read_until_cut(&mut printer_end, &mut got);
            if i >= 100 {
                samples.push(t.elapsed());
            }
        }
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "receipt {label}: from the till's last byte to the printer's, p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
            ms(samples[samples.len() / 2]),
            ms(samples[samples.len() * 99 / 100]),
            ms(*samples.last().unwrap())
        );
    }

    // Throughput: 2,000 receipts written back to back, read at the printer's end.
    let stream: Vec<u8> = (0..2000u32)
        .flat_map(|i| receipt(200_000 + i, false))
        .collect();
    let bytes = stream.len();
    let reader = std::thread::spawn(move || {
        let mut got = 0usize;
        let mut buf = vec![0u8; 65536];
        while got < bytes {
            got += printer_end.read(&mut buf).unwrap_or(0);
        }
        printer_end
    });
    let t = Instant::now();
    for chunk in stream.chunks(4096) {
        till.write_all(chunk).unwrap();
    }
    let _printer_end = reader.join().unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "throughput: {bytes} bytes in {:.2} s = {:.0} bytes/s ({:.0}× a 115200-baud line's 11,520 bytes/s)",
        secs,
        bytes as f64 / secs,
        bytes as f64 / secs / 11_520.0
    );
    stop.store(true, Ordering::Relaxed);
    let _ = worker.join();
}
