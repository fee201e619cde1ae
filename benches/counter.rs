//! Counter runtime benchmark (issue 4): from a scanner's bytes arriving to the customer shown
//! in the runtime state, with 1,000,000 customers. Goal: p99 under 5 ms.
//!
//! The bytes go through the real framing and classification, into the runtime through the scan
//! channel (as the scanner thread sends them), and the schedule is ticked until the store
//! worker's answer is in `CounterState`. Percentiles over 2,000 scans are printed.

mod common;

use regulars::datadir::DataDir;
use regulars::devices::profile::ScannerProfile;
use regulars::devices::scanner::{Frame, Framer, ScanEvent, classify};
use regulars::runtime::Counter;
use std::time::{Duration, Instant};

fn main() {
    let (db, codes) = common::million();
    let dir = tempfile::tempdir_in(common::bench_dir()).unwrap();
    std::fs::copy(&db, dir.path().join("regulars.db")).unwrap();
    let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let started = Instant::now();
    let mut counter = Counter::start(&data, &config).unwrap();
    counter.tick();
    eprintln!(
        "runtime ready on 1,000,000 customers in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let profile = ScannerProfile::load("generic-cr").unwrap();
    let mut framer = Framer::new(&profile);
    let mut samples = Vec::with_capacity(2_000);
    let mut state = 12345u64;
    for i in 0..2_000u64 {
        let code = &codes[(common::splitmix(&mut state) % common::MILLION) as usize];
        let bytes = format!("{code}\r");
        let t = Instant::now();
        for frame in framer.push(bytes.as_bytes(), i * 1000) {
            if let Frame::Code(scan) = frame {
                let what = classify(&scan.data);
                counter
                    .scan_sender
                    .send(Ok(ScanEvent::Scanned { scan, what }))
                    .unwrap();
            }
        }
        loop {
            counter.tick();
            if counter
                .state()
                .customer
                .as_ref()
                .is_some_and(|c| &c.code == code)
            {
                break;
            }
            assert!(t.elapsed() < Duration::from_secs(5), "no answer for {code}");
            std::hint::spin_loop();
        }
        samples.push(t.elapsed());
    }
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    eprintln!(
        "scan to customer shown, 1,000,000 customers: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (goal p99 < 5 ms)",
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
    {
        eprintln!("runtime after 2,000 scans: {line}");
    }
}
