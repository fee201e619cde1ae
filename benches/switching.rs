//! Switching to Regulars at scale (issue "Switching to Regulars"): `REGULARS_BENCH_IMPORT`
//! (default 100,000) customers with balances and stamps, names in six scripts, phones written
//! the national way, read from a generic CSV file, checked, matched against the shop and
//! imported in one transaction (the goal: under 10 s); then every one of them exported back to a
//! file. A second import of a corrected copy of the file (every row matched, nothing credited
//! twice) shows what matching costs.

use regulars::datadir::DataDir;
use regulars::domain::import::{Format, Reading, parse};
use regulars::store::ImportBatch;
use std::fmt::Write as _;
use std::time::Instant;

fn file(n: usize) -> String {
    let names = [
        "Līga Ozola",
        "Ђорђе Петровић",
        "Đorđe Petrović",
        "రవి కుమార్",
        "Maria Santos",
        "Aoife Byrne",
    ];
    let mut out = String::from("name,phone,email,points,stamps,birthday,language\n");
    for i in 0..n {
        let _ = writeln!(
            out,
            "\"{} {i}\",2{:07},m{i}@example.lv,{},{},{:02}-{:02},{}",
            names[i % names.len()],
            i,
            (i * 37) % 500,
            i % 10,
            1 + i % 12,
            1 + i % 28,
            ["lv", "sr-Cyrl", "sr-Latn", "te", "fil", "en"][i % 6],
        );
    }
    out
}

fn main() {
    let n: usize = std::env::var("REGULARS_BENCH_IMPORT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nname = \"Kafejnīca\"\ncountry_code = \"+371\"\n",
    )
    .unwrap();
    let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let now = regulars::clock::now();
    let mut store = data.open_store(&config, now).unwrap();
    let text = file(n);
    let languages = ["en", "fil", "lv", "sr-Cyrl", "sr-Latn", "te"];
    let reading = Reading {
        format: Format::Generic,
        country_code: Some("+371"),
        languages: &languages,
        now,
    };
    let mut seed = 1u64;
    let mut random = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        seed >> 11
    };
    let mut import = |text: &str, store: &mut regulars::store::Store, what: &str| {
        let t = Instant::now();
        let parsed = parse(text.as_bytes(), &reading).unwrap();
        let read = t.elapsed();
        let batch = ImportBatch {
            file_name: "customers.csv",
            actor: "bench",
            skip_bad: false,
        };
        let done = store
            .import_customers(&parsed, &batch, now, &mut random, &mut |_, _| {})
            .unwrap();
        let all = t.elapsed();
        println!(
            "import {what}: {} rows ({} new, {} matched, {} points) in {:.2} s \
             (reading and checking the file {:.2} s), {:.0} rows/s",
            parsed.rows.len(),
            done.batch.created,
            done.batch.matched,
            done.batch.points,
            all.as_secs_f64(),
            read.as_secs_f64(),
            parsed.rows.len() as f64 / all.as_secs_f64()
        );
    };
    import(&text, &mut store, "into an empty shop");
    let t = Instant::now();
    let out = dir.path().join("export.csv");
    let count = regulars::services::switching::export(&mut store, &out, now).unwrap();
    let took = t.elapsed();
    println!(
        "export: {count} customers in {:.2} s, {:.0} rows/s, {:.1} MB",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64(),
        std::fs::metadata(&out).unwrap().len() as f64 / 1e6
    );
    let corrected = format!("{text}\"One more\",29999999,,1,,,\n");
    import(&corrected, &mut store, "of a corrected copy (all matched)");
}
