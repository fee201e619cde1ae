//! Customer pages benchmark (issues 5 and 16): a receipt's page served on loopback to 50
//! keep-alive clients, side by side with nginx serving the very same bytes as a file.
//!
//! The shop is the million-customer database with 20,000 recent visits, or the data directory
//! in `REGULARS_BENCH_SHOP` (e.g. a ten-million-visit demo; it is opened in place and its
//! schema brought up to date). The rate limiter is on, with a quota no benchmark reaches, so
//! its cost is counted.
//!
//! With Debian's `wrk` and `nginx` installed (`apt-get install wrk nginx-light`), `wrk -t2
//! -c50 -d10s --latency` measures nginx on one page saved as a file, the portal on that same
//! page, and the portal on random receipts of the shop (each page served before, so from the
//! page cache when it holds them). Without them, 50 client threads of this process measure
//! the portal alone. Either way one client alone measures the first render of a page never
//! served before, and a page served again. Each server has a 3-second run of wrk first whose
//! figures are dropped.

mod common;

use common::wrk::{Run, WRK_SECONDS, random_paths_script, report, warm_up, which, wrk};

use regulars::datadir::DataDir;
use regulars::portal::{Portal, Settings};
use regulars::store::NewSale;
use std::path::Path;
use std::time::{Duration, Instant};

const CLIENTS: usize = 50;
const PER_CLIENT: usize = 400;
const VISITS: i64 = 20_000;
/// Receipts a busy hour's phones open (their pages fit the default page cache).
const RECENT: usize = 5_000;

fn main() {
    let keep = tempfile::tempdir_in(common::bench_dir()).unwrap();
    let (data, visits) = match std::env::var_os("REGULARS_BENCH_SHOP") {
        Some(shop) => given_shop(Path::new(&shop)),
        None => million_shop(keep.path()),
    };
    let config = data.config().unwrap();
    let secret = data.secret().unwrap();
    let mut settings = Settings::from_config(&data, &config).unwrap();
    settings.requests_per_minute = 1_000_000_000;
    let portal = Portal::start("127.0.0.1:0", settings).unwrap();
    let base = format!("http://{}", portal.addr());
    let paths: Vec<String> = visits
        .iter()
        .map(|v| format!("/r/{}", secret.sign_visit(*v)))
        .collect();
    println!(
        "{} receipts, pages served by the portal at {base}",
        paths.len()
    );

    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let get = |path: &str| -> String {
        let mut r = agent.get(format!("{base}{path}")).call().unwrap();
        assert_eq!(r.status().as_u16(), 200);
        r.body_mut().read_to_string().unwrap()
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;

    // One client alone: a page's first render, then the same pages again.
    let first: Vec<&String> = paths.iter().take(2000).collect();
    for round in ["first render", "served again"] {
        let mut took: Vec<Duration> = first
            .iter()
            .map(|p| {
                let t = Instant::now();
                get(p);
                t.elapsed()
            })
            .collect();
        took.sort();
        println!(
            "one client, {round} ({} pages): p50 {:.3} ms  p99 {:.3} ms",
            took.len(),
            ms(took[took.len() / 2]),
            ms(took[took.len() * 99 / 100])
        );
    }
    // Every page once, so the runs below find what a busy portal has served before.
    for p in &paths {
        get(p);
    }

    let page = get(&paths[0]);
    println!("page weight {} bytes", page.len());
    match (which("wrk"), which("nginx")) {
        (true, true) => side_by_side(&portal, &paths, &page, keep.path()),
        _ => {
            println!("wrk or nginx not installed: 50 client threads of this process instead");
            threads(&base, &paths);
        }
    }
    drop(portal);
}

/// The million-customer shop in `dir` with `VISITS` recent visits, three in four by members.
fn million_shop(dir: &Path) -> (DataDir, Vec<i64>) {
    let (db, codes) = common::million();
    std::fs::copy(&db, dir.join("regulars.db")).unwrap();
    let data = DataDir::resolve(Some(dir.to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let now = regulars::clock::now();
    let mut store = data.open_store(&config, now).unwrap();
    let mut rng = 99u64;
    let visits = store
        .write(|tx| {
            (0..VISITS)
                .map(|i| {
                    let member = !common::splitmix(&mut rng).is_multiple_of(4);
                    let customer = member.then(|| {
                        codes[(common::splitmix(&mut rng) % common::MILLION) as usize].clone()
                    });
                    Ok(tx
                        .counter()
                        .record_sale(&NewSale {
                            amount: 250 + (common::splitmix(&mut rng) % 2500) as i64,
                            at: now - (VISITS - i) * 60,
                            customer,
                            receipt: None,
                        })?
                        .visit_id)
                })
                .collect()
        })
        .unwrap();
    (data, visits)
}

/// The shop in `dir` as it is, and `VISITS` of its visits spread over its whole history.
fn given_shop(dir: &Path) -> (DataDir, Vec<i64>) {
    let data = DataDir::resolve(Some(dir.to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    // Opening brings the schema up to date.
    drop(data.open_store(&config, regulars::clock::now()).unwrap());
    let last: i64 = rusqlite::Connection::open(dir.join("regulars.db"))
        .unwrap()
        .query_row("SELECT MAX(id) FROM visits", [], |r| r.get(0))
        .unwrap();
    let mut rng = 5u64;
    let visits = (0..VISITS)
        .map(|_| 1 + (common::splitmix(&mut rng) % last as u64) as i64)
        .collect();
    (data, visits)
}

/// nginx on the page saved as a file against the portal, one `wrk` run each.
fn side_by_side(portal: &Portal, paths: &[String], page: &str, dir: &Path) {
    let base = &format!("http://{}", portal.addr());
    let www = dir.join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("page.html"), page).unwrap();
    let nginx = common::wrk::Nginx::start(
        dir,
        &format!("root {}; default_type text/html;", www.display()),
        "",
    );
    let file_url = format!("{}/page.html", nginx.base);
    let served = ureq::get(&file_url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    assert_eq!(served, page, "nginx serves the very same bytes");

    // A wrk script opening random pages of the first `n` receipts.
    let script = |n: usize| random_paths_script(dir, &format!("random-{n}"), &paths[..n]);

    println!(
        "wrk -t2 -c50 -d{WRK_SECONDS}s --latency (50 keep-alive clients on loopback, 2 cores shared):"
    );
    warm_up(&file_url);
    let reference = wrk(&file_url, None);
    warm_up(&format!("{base}{}", paths[0]));
    report("nginx, the page as a file", &reference, None);
    let counted = |run: &dyn Fn() -> Run| {
        let before = portal.page_counts();
        let r = run();
        let after = portal.page_counts();
        let hits = after.hits - before.hits;
        let misses = after.misses - before.misses;
        let kept = format!(
            "    page cache: {hits} served as kept, {misses} rendered ({:.1}% kept)",
            100.0 * hits as f64 / (hits + misses).max(1) as f64
        );
        (r, kept)
    };
    let (same, kept) = counted(&|| wrk(&format!("{base}{}", paths[0]), None));
    report("portal, that same page", &same, Some(&reference));
    println!("{kept}");
    for n in [RECENT.min(paths.len()), paths.len()] {
        let script = script(n);
        let (random, kept) = counted(&|| wrk(base, Some(&script)));
        report(
            &format!("portal, random pages of {n} receipts"),
            &random,
            Some(&reference),
        );
        println!("{kept}");
    }
    drop(nginx);
}

/// 50 client threads of this process, each on its own keep-alive connection opening random
/// receipts back to back.
fn threads(base: &str, paths: &[String]) {
    let paths = std::sync::Arc::new(paths.to_vec());
    let started = Instant::now();
    let handles: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let paths = paths.clone();
            let base = base.to_string();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
                let mut rng = 1000 + c as u64;
                (0..PER_CLIENT)
                    .map(|_| {
                        let p = &paths[(common::splitmix(&mut rng) % paths.len() as u64) as usize];
                        let t = Instant::now();
                        let mut r = agent.get(format!("{base}{p}")).call().unwrap();
                        r.body_mut().read_to_string().unwrap();
                        t.elapsed()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut took: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let wall = started.elapsed();
    took.sort();
    println!(
        "  {CLIENTS} clients back to back: {:.0} pages/s  p50 {:.2} ms  p99 {:.2} ms",
        took.len() as f64 / wall.as_secs_f64(),
        took[took.len() / 2].as_secs_f64() * 1e3,
        took[took.len() * 99 / 100].as_secs_f64() * 1e3
    );
}
