//! A serial port this computer will not open for the person using Regulars (not in `dialout`,
//! no device rule for it): the message says what to do, in the shop's language, and the
//! receipt waits in the queue and prints once, when the port opens.

use crate::serial::start_sim;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// The unprivileged account the program runs as when the tests run as root (root opens any
/// port, so it would never be refused).
const NOBODY: u32 = 65534;

fn as_root() -> bool {
    std::fs::metadata("/proc/self").unwrap().uid() == 0
}

/// Runs `regulars --data dir ARGS` as the person refused the port: `nobody` under root, else
/// this user (whose port was closed to them).
fn run_refused(bin: &Path, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(bin);
    cmd.arg("--data").arg(dir).args(args).env("TZ", "UTC");
    cmd.env("USER", "cashier");
    if as_root() {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_refused_port_says_what_to_do_in_the_shops_language_and_the_receipt_waits() {
    let sim_dir = tempfile::tempdir().unwrap();
    // Where the person can reach: the program (the build's folder may be root's alone) and
    // the port's link (a data folder is its owner's alone).
    let reach = tempfile::tempdir().unwrap();
    let open = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(reach.path(), open.clone()).unwrap();
    let bin = reach.path().join("regulars");
    std::fs::copy(env!("CARGO_BIN_EXE_regulars"), &bin).unwrap();
    std::fs::set_permissions(&bin, open).unwrap();
    let link = reach.path().join("printer");
    let _sim = start_sim(sim_dir.path(), &link, "generic-80mm");
    let pts = std::fs::canonicalize(&link).unwrap();
    let shop = tempfile::tempdir().unwrap();
    let config = format!(
        "[shop]\nlanguage = \"lv\"\n[printer]\nport = \"{}\"\nprofile = \"generic-80mm\"\n",
        link.display()
    );
    std::fs::write(shop.path().join("config.toml"), config).unwrap();
    let before = std::fs::metadata(&pts).unwrap().permissions();
    if as_root() {
        // The shop's folder is the person's; the port stays root's (mode 0620, group tty).
        std::os::unix::fs::chown(shop.path(), Some(NOBODY), Some(NOBODY)).unwrap();
        std::os::unix::fs::chown(shop.path().join("config.toml"), Some(NOBODY), Some(NOBODY))
            .unwrap();
        std::fs::set_permissions(&pts, std::fs::Permissions::from_mode(0o600)).unwrap();
    } else {
        std::fs::set_permissions(&pts, std::fs::Permissions::from_mode(0o000)).unwrap();
    }

    let (exit, out, err) = run_refused(&bin, shop.path(), &["print", "test"]);
    let said = format!("{out}{err}");
    assert_eq!(exit, 0, "{said}");
    assert!(
        said.contains(&format!(
            "Šis dators neļauj Regulars atvērt {}",
            link.display()
        )) && said.contains("Atvienojiet ierīci")
            && said.contains("sudo usermod -aG dialout cashier"),
        "the refusal in Latvian, with what to do: {said}"
    );
    assert!(!said.contains("Permission denied"), "{said}");
    let queue = run_refused(&bin, shop.path(), &["--json", "print", "queue"]);
    let waiting: serde_json::Value = serde_json::from_str(&queue.1).unwrap();
    assert_eq!(
        waiting["pending"].as_array().map(Vec::len),
        Some(1),
        "{waiting}"
    );

    // The port opened to them (the device rule, or dialout): the page prints, once.
    std::fs::set_permissions(&pts, before).unwrap();
    if as_root() {
        std::os::unix::fs::chown(&pts, Some(NOBODY), None).unwrap();
    }
    let (exit, out, err) = run_refused(&bin, shop.path(), &["print", "retry"]);
    assert_eq!(exit, 0, "{out}{err}");
    crate::serial::wait_for_pngs(&sim_dir.path().join("printed"), 1);
    let queue = run_refused(&bin, shop.path(), &["--json", "print", "queue"]);
    let waiting: serde_json::Value = serde_json::from_str(&queue.1).unwrap();
    assert_eq!(
        waiting["pending"].as_array().map(Vec::len),
        Some(0),
        "{waiting}"
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let printed = crate::serial::pngs(&sim_dir.path().join("printed"));
    assert_eq!(printed.len(), 1, "printed once: {printed:?}");
}
