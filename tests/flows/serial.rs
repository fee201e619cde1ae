//! Real serial I/O on pseudo-terminals: the `regulars` binary's virtual printer receives
//! receipts from `sale record --print`, goes out of paper and comes back, and an unplugged or
//! silent printer never loses or doubles a receipt.

use crate::common::{run, run_json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// PTY pairs are created one test at a time.
pub static PTY: Mutex<()> = Mutex::new(());

pub struct Sim {
    child: Child,
    pub stdin: ChildStdin,
    pub out: PathBuf,
    link: PathBuf,
    /// The simulator's standard output, line by line ("printed …", "now paper out").
    said: std::sync::mpsc::Receiver<String>,
}

impl Sim {
    /// Types a command ("paper out", "cover open"…) and waits until it has taken effect.
    pub fn control(&mut self, command: &str) {
        use std::io::Write;
        writeln!(self.stdin, "{command}").unwrap();
        let t = Instant::now();
        loop {
            let left = Duration::from_secs(10).saturating_sub(t.elapsed());
            match self.said.recv_timeout(left) {
                Ok(line) if line == format!("now {command}") => return,
                Ok(_) => {}
                Err(_) => panic!("the virtual printer did not take '{command}'"),
            }
        }
    }
}

impl Drop for Sim {
    /// Unplugged: the device goes and so does its link, as udev removes a USB adapter's
    /// (a killed simulator cannot remove it itself, and a stale link could point at a
    /// pseudo-terminal number another test has since been given).
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.link);
    }
}

pub fn start_sim(dir: &Path, link: &Path, profile: &str) -> Sim {
    start_sim_at(dir, link, profile, 0, &dir.join("printed"))
}

/// A virtual printer printing `speed` bytes per second (0: instantly) into `out`.
pub fn start_sim_at(dir: &Path, link: &Path, profile: &str, speed: usize, out: &Path) -> Sim {
    let _ = std::fs::remove_file(link);
    let line = ["--link".to_string(), link.to_str().unwrap().to_string()];
    let sim = start_sim_on(dir, &line, link, profile, speed, out);
    crate::common::wait_for_path(link, "the virtual printer");
    sim
}

/// A virtual printer on the line `line` says (`--link P`, `--listen ADDR`, `--fifo P`);
/// `path` is removed when it stops (a PTY's link, a FIFO).
pub fn start_sim_on(
    dir: &Path,
    line: &[String],
    path: &Path,
    profile: &str,
    speed: usize,
    out: &Path,
) -> Sim {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args([
            "--data",
            dir.to_str().unwrap(),
            "simulate",
            "printer",
            "--profile",
            profile,
        ])
        .args(["--speed", &speed.to_string()])
        .args(line)
        .arg("--out")
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, said) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    Sim {
        child,
        stdin,
        out: out.to_path_buf(),
        link: path.to_path_buf(),
        said,
    }
}

pub fn pngs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    v.sort();
    v
}

pub fn wait_for_pngs(dir: &Path, n: usize) -> Vec<PathBuf> {
    let t = Instant::now();
    loop {
        let v = pngs(dir);
        if v.len() >= n || t.elapsed() > Duration::from_secs(10) {
            return v;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Proves nothing more was printed than the `n` receipts already out: a test page sent now
/// through the same port comes out next (the port keeps order), so a stray receipt would come
/// out before it. Waits for the page instead of for a while.
pub fn nothing_more_printed(data: &Path, out: &Path, n: usize) {
    let (exit, stdout, stderr) = crate::common::run(data, &["print", "test"]);
    assert_eq!(exit, 0, "{stdout}{stderr}");
    let printed = wait_for_pngs(out, n + 1);
    assert!(printed.len() > n, "the test page did not come out");
    let next = std::fs::read_to_string(printed[n].with_extension("txt")).unwrap();
    assert!(
        next.contains("If this code scans"),
        "printed {} before the test page:\n{next}",
        printed.len() - n
    );
}

/// Records a sale with its receipt number and prints it (`sale record … --print`): what the
/// command exits with and says on stdout and stderr.
pub fn sale_printed(dir: &Path, amount: &str, receipt: &str) -> (i32, String, String) {
    run(
        dir,
        &[
            "sale",
            "record",
            "--amount",
            amount,
            "--receipt",
            receipt,
            "--print",
        ],
    )
}

pub fn set_printer(dir: &Path, port: &Path, profile: &str) {
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\nprofile = \"{profile}\"\n",
            port.display()
        ),
    )
    .unwrap();
}

pub fn decode_png(path: &Path) -> Vec<String> {
    let image = image::open(path).unwrap().to_luma8();
    let mut img = rqrr::PreparedImage::prepare(image);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, c)| c))
        .collect()
}

#[test]
fn receipts_reach_the_pty_printer_and_wait_out_a_paper_out() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    for profile in ["generic-80mm", "generic-58mm"] {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("printer");
        let mut sim = start_sim(dir.path(), &link, profile);
        set_printer(dir.path(), &link, profile);
        let c = run_json(dir.path(), &["customer", "add", "--name", "Zoë Byrne"]);
        let code = c["code"].as_str().unwrap();

        let sale = run_json(
            dir.path(),
            &[
                "sale",
                "record",
                "--amount",
                "4.20",
                "--customer",
                code,
                "--receipt",
                "A1",
                "--print",
            ],
        );
        assert!(sale["print"]["problem"].is_null(), "{profile}: {sale}");
        let printed = wait_for_pngs(&sim.out, 1);
        assert_eq!(printed.len(), 1, "{profile}");
        assert_eq!(
            decode_png(&printed[0]),
            [sale["receipt_url"].as_str().unwrap()],
            "{profile}"
        );
        let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
        assert!(
            text.contains("Zoë") || text.contains("Zoe"),
            "{profile}: {text}"
        );

        // Out of paper: the sale is kept, the receipt waits, nothing is printed.
        sim.control("paper out");
        let (exit, out, err) = run(
            dir.path(),
            &[
                "sale",
                "record",
                "--amount",
                "2.50",
                "--customer",
                code,
                "--receipt",
                "A2",
                "--print",
            ],
        );
        assert_eq!(exit, 0, "{err}");
        assert!(out.contains("out of paper"), "{profile}: {out}");
        assert_eq!(
            run_json(dir.path(), &["print", "queue"])["pending"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        assert_eq!(run_json(dir.path(), &["stats"])["visits"], 2);

        // Paper back: the waiting receipt prints exactly once.
        sim.control("paper in");
        let retry = run_json(dir.path(), &["print", "retry"]);
        assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
        assert_eq!(wait_for_pngs(&sim.out, 2).len(), 2);
        let again = run_json(dir.path(), &["print", "retry"]);
        assert!(again["printed"].as_array().unwrap().is_empty());
        nothing_more_printed(dir.path(), &sim.out, 2);
    }
}

#[test]
fn an_unplugged_printer_keeps_the_receipt_until_it_is_back() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    set_printer(dir.path(), &link, "generic-80mm");
    let (exit, out, err) = sale_printed(dir.path(), "3", "U1");
    assert_eq!(exit, 0, "{err}");
    assert!(
        out.contains("Receipt not printed") && out.contains("cannot open"),
        "{out}"
    );
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 1);
    // Plugged back in (the device appears at the configured path): the receipt prints once.
    let sim = start_sim(dir.path(), &link, "generic-80mm");
    let retry = run_json(dir.path(), &["print", "retry"]);
    assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
    assert_eq!(wait_for_pngs(&sim.out, 1).len(), 1);
}

#[test]
fn a_printer_that_never_answers_times_out() {
    use regulars::devices::printer::{PrintError, Printer};
    use regulars::devices::profile::FlowControl;
    use regulars::devices::transport::{SerialSettings, SerialTransport};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let (_master, slave) = serialport::TTYPort::pair().unwrap();
    let path = serialport::SerialPort::name(&slave).unwrap();
    let transport = SerialTransport::new(SerialSettings {
        path: path.clone(),
        baud: 9600,
        flow_control: FlowControl::None,
    });
    let t = Instant::now();
    let err = Printer::new(transport, path).print(b"hello\n").unwrap_err();
    assert!(matches!(err, PrintError::NoAnswer { .. }), "{err}");
    assert!(t.elapsed() < Duration::from_secs(5));
    assert!(err.to_string().contains("did not answer"));
}

#[test]
fn garbage_into_the_pty_printer_is_noted_and_later_receipts_still_print() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let sim = start_sim(dir.path(), &link, "generic-80mm");
    {
        let mut port = serialport::new(link.to_str().unwrap(), 9600)
            .timeout(Duration::from_millis(100))
            .open()
            .unwrap();
        let garbage: Vec<u8> = (0u32..3000)
            .map(|i| (i * 7919 % 251) as u8)
            .filter(|b| *b != 0x1D && *b != 0x1B)
            .collect();
        port.write_all(&garbage).unwrap();
        port.write_all(b"\n\x1dV\x01").unwrap();
        port.flush().unwrap();
    }
    set_printer(dir.path(), &link, "generic-80mm");
    let sale = run_json(dir.path(), &["sale", "record", "--amount", "5", "--print"]);
    let printed = wait_for_pngs(&sim.out, 2);
    assert_eq!(printed.len(), 2);
    assert_eq!(
        decode_png(printed.last().unwrap()),
        [sale["receipt_url"].as_str().unwrap()]
    );
}

#[test]
fn a_port_that_vanishes_is_reopened_when_it_comes_back() {
    use regulars::devices::printer::Printer;
    use regulars::devices::profile::{FlowControl, PrinterProfile};
    use regulars::devices::receipt::Receipt;
    use regulars::devices::transport::{SerialSettings, SerialTransport};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let profile = PrinterProfile::load("generic-80mm").unwrap();
    let job = Receipt::example().encode(&profile);
    let transport = SerialTransport::new(SerialSettings {
        path: link.to_str().unwrap().into(),
        baud: 9600,
        flow_control: FlowControl::None,
    });
    let mut printer = Printer::new(transport, link.to_str().unwrap());
    let first = start_sim(dir.path(), &link, "generic-80mm");
    printer.print(&job).unwrap();
    assert_eq!(wait_for_pngs(&first.out, 1).len(), 1);
    drop(first); // unplugged: the device and its link are gone (the drop waits for both)
    assert!(
        printer.print(&job).is_err(),
        "printing to a vanished port must fail"
    );
    let second = start_sim(dir.path(), &link, "generic-80mm");
    printer
        .print(&job)
        .expect("the same printer handle works again once the port is back");
    assert_eq!(wait_for_pngs(&second.out, 2).len(), 2);
}

#[test]
fn xoff_holds_a_job_and_a_printer_lost_mid_job_gets_the_whole_receipt_once_back() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    // A slow 58 mm printer with a 2 KB buffer and XON/XOFF: the raster QR receipt (~5 KB)
    // cannot fit, so it sends XOFF and the sale's print has to wait for it.
    let slow = start_sim_at(
        dir.path(),
        &link,
        "generic-58mm",
        400,
        &dir.path().join("slow"),
    );
    set_printer(dir.path(), &link, "generic-58mm");
    let sale = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "--json",
            "sale",
            "record",
            "--amount",
            "6.40",
            "--receipt",
            "X1",
            "--print",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Mid-job: the printer is unplugged while the receipt is still going out.
    std::thread::sleep(Duration::from_millis(1500));
    let out = slow.out.clone();
    drop(slow);
    let sale = sale.wait_with_output().unwrap();
    assert!(sale.status.success());
    let sale: serde_json::Value = serde_json::from_slice(&sale.stdout).unwrap();
    assert!(sale["print"]["problem"].is_string(), "{sale}");
    assert!(pngs(&out).is_empty(), "nothing was cut on the lost printer");
    assert_eq!(
        run_json(dir.path(), &["print", "queue"])["pending"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Back (and fast): the whole receipt prints once.
    let back = start_sim(dir.path(), &link, "generic-58mm");
    let retry = run_json(dir.path(), &["print", "retry"]);
    assert_eq!(retry["printed"].as_array().unwrap().len(), 1, "{retry}");
    let printed = wait_for_pngs(&back.out, 1);
    assert_eq!(printed.len(), 1);
    assert_eq!(
        decode_png(&printed[0]),
        [sale["receipt_url"].as_str().unwrap()]
    );
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 1);
}

#[test]
fn a_slow_printer_with_xon_xoff_receives_a_receipt_bigger_than_its_buffer_whole() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let slow = start_sim_at(
        dir.path(),
        &link,
        "generic-58mm",
        3000,
        &dir.path().join("slow"),
    );
    set_printer(dir.path(), &link, "generic-58mm");
    let sale = run_json(
        dir.path(),
        &["sale", "record", "--amount", "6.40", "--print"],
    );
    assert!(sale["print"]["problem"].is_null(), "{sale}");
    let printed = wait_for_pngs(&slow.out, 1);
    drop(slow);
    assert_eq!(printed.len(), 1);
    // A lost byte would break the raster image: the QR must decode exactly.
    assert_eq!(
        decode_png(&printed[0]),
        [sale["receipt_url"].as_str().unwrap()]
    );
}

#[test]
fn retry_with_wait_prints_as_soon_as_the_cover_is_closed() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let mut sim = start_sim(dir.path(), &link, "generic-80mm");
    set_printer(dir.path(), &link, "generic-80mm");
    sim.control("cover open");
    let (_, out, _) = run(dir.path(), &["sale", "record", "--amount", "3", "--print"]);
    assert!(out.contains("cover open"), "{out}");
    let waiter = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "--json",
            "print",
            "retry",
            "--wait",
            "20",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The waiter has tried again (and failed) while the cover was open: nothing came out.
    let db = rusqlite::Connection::open(dir.path().join("regulars.db")).unwrap();
    let t = Instant::now();
    while db
        .query_row("SELECT attempts FROM print_jobs", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap()
        < 2
    {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "the waiter did not try"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(pngs(&sim.out).is_empty());
    sim.control("cover close");
    let done = waiter.wait_with_output().unwrap();
    let d: serde_json::Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(d["printed"].as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d["waiting"], 0);
    assert_eq!(wait_for_pngs(&sim.out, 1).len(), 1);
}
