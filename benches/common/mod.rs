//! Shared by the benchmarks: the million-customer database, built once into
//! `target/bench-data/` and reused by every benchmark that needs it.

#![allow(dead_code)]

pub mod page_server;
pub mod wrk;

use regulars::domain::{money::Currency, program::Program};
use regulars::store::{NewCustomer, ShopRules, Store};
use std::path::{Path, PathBuf};

pub const MILLION: u64 = 1_000_000;

/// Runs `regulars --data DIR ARGS…`, which must succeed; what it wrote to stdout.
pub fn regulars(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn rules() -> ShopRules {
    ShopRules {
        currency: Currency::from_code("EUR").unwrap(),
        country_code: Some("+353".into()),
        targets: Default::default(),
        checks: Default::default(),
    }
}

pub fn bench_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn open(path: &Path) -> Store {
    let mut s = Store::open(path, rules()).unwrap();
    s.ensure_program(&Program::default(), 0).unwrap();
    s
}

pub fn phone(i: u64) -> String {
    format!("+35380{:08}", (i * 48_271 + 12_345) % 100_000_000)
}

pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The million-customer database, built on first use; returns its path and all codes.
pub fn million() -> (PathBuf, Vec<String>) {
    let path = bench_dir().join("million.db");
    let codes_path = bench_dir().join("million.codes");
    if !(path.exists() && codes_path.exists()) {
        let _ = std::fs::remove_file(&path);
        eprintln!("building {} (once)…", path.display());
        let mut s = open(&path);
        s.bulk_load_mode().unwrap();
        let mut rng = 7u64;
        let mut codes = Vec::with_capacity(MILLION as usize);
        for chunk in 0..(MILLION / 10_000) {
            s.write(|tx| {
                for i in chunk * 10_000..(chunk + 1) * 10_000 {
                    let e = tx.people().enroll(
                        &NewCustomer {
                            name: format!("Customer {i}"),
                            phone: Some(phone(i)),
                            email: None,
                            referred_by: None,
                            language: None,
                            birthday: None,
                            consents: vec![],
                            paper_stamps: 0,
                        },
                        1_700_000_000,
                        &mut || splitmix(&mut rng),
                    )?;
                    codes.push(e.code);
                }
                Ok(())
            })
            .unwrap();
        }
        std::fs::write(&codes_path, codes.join("\n")).unwrap();
    }
    let codes = std::fs::read_to_string(&codes_path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    (path, codes)
}

/// A demo shop's history (`REGULARS_BENCH_CUSTOMERS` customers over `REGULARS_BENCH_DAYS`
/// days; 100,000 over 365 by default) built once into `target/bench-data/<name>-…db`, or the
/// database given as `REGULARS_BENCH_DB`. Returns its path and the "now" the history ends at.
pub fn demo_history(name: &str) -> (PathBuf, i64, bool) {
    let number = |var: &str, default: u32| -> u32 {
        std::env::var(var)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (customers, days) = (
        number("REGULARS_BENCH_CUSTOMERS", 100_000),
        number("REGULARS_BENCH_DAYS", 365),
    );
    let given = std::env::var_os("REGULARS_BENCH_DB").map(PathBuf::from);
    let end = 1_790_000_000; // a fixed "now", so the history is the same every run
    let path = given
        .clone()
        .unwrap_or_else(|| bench_dir().join(format!("{name}-{customers}-{days}.db")));
    if given.is_none() && !path.exists() {
        eprintln!("building {} (once)…", path.display());
        let tmp = path.with_extension("building");
        let _ = std::fs::remove_file(&tmp);
        let mut s = open(&tmp);
        regulars::demo::generate(
            &mut s,
            &regulars::demo::DemoPlan {
                customers,
                days,
                seed: 7,
                end,
                names: &regulars::demo::shops::ENGLISH,
            },
            true,
        )
        .unwrap();
        drop(s);
        std::fs::rename(&tmp, &path).unwrap();
    }
    (path, end, given.is_some())
}
