//! The chain's page servers next to nginx (issue "The receipt's page opens anywhere"):
//! `wrk -t2 -c50 -d10s --latency` against nginx serving a receipt's page as a file, one page
//! server (`regulars serve --pages-only`) on that page and on random receipts, and two page
//! servers behind nginx as their load balancer; with the central store's transactions counted
//! while each runs, against an idle stretch as long (the page servers' sync every second).
//!
//! The chain is `REGULARS_BENCH_CENTRAL` (its central store's URL) with the page servers'
//! data folders in `REGULARS_BENCH_PAGES` (one or two, comma-separated, caught up with it:
//! `regulars sync` in each), e.g. a ten-million-visit demo pushed to a chain. Without them, a
//! throwaway PostgreSQL and a demo till of `REGULARS_BENCH_CUSTOMERS` (default 20,000)
//! customers over a year, and two new page servers whose catch-up is timed.
//! `REGULARS_BENCH_RUNS=N` makes each random-pages run N times. Needs Debian's `wrk` and
//! `nginx-light`.

#[path = "../tests/flows/certs.rs"]
#[allow(dead_code)]
mod certs;
mod common;
#[path = "../tests/flows/pg.rs"]
#[allow(dead_code)]
mod pg;
#[path = "../tests/flows/ports.rs"]
mod ports;

use common::page_server::PageServer;
use common::regulars;
use common::wrk::{Nginx, Run, random_paths_script, report, warm_up, which, wrk};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Receipts the random runs draw from.
const RECEIPTS: usize = 5_000;

/// A data folder in `parent` whose config.toml joins the chain at `url` as `till_id`.
fn member(parent: &Path, url: &str, till_id: &str, shop: &str) -> PathBuf {
    let dir = parent.join(till_id);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        format!("[central]\nurl = \"{url}\"\nshop_id = \"{shop}\"\ntill_id = \"{till_id}\"\n"),
    )
    .unwrap();
    dir
}

/// A chain of one demo till, and two page servers caught up with it.
fn small_chain(keep: &Path, url: &str) -> Vec<PathBuf> {
    let customers = std::env::var("REGULARS_BENCH_CUSTOMERS").unwrap_or("20000".into());
    let till = keep.join("till-1");
    regulars(&till, &["demo", "--customers", &customers, "--days", "365"]);
    let config = till.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap().replacen(
        "[central]\n",
        &format!("[central]\nurl = \"{url}\"\nshop_id = \"bench\"\ntill_id = \"till-1\"\n"),
        1,
    );
    std::fs::write(&config, text).unwrap();
    regulars(&till, &["central", "init"]);
    let t = Instant::now();
    regulars(&till, &["sync"]);
    println!(
        "a demo till of {customers} customers joined the chain with its history: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    ["pages-1", "pages-2"]
        .iter()
        .map(|id| {
            let dir = member(keep, url, id, "pages");
            let t = Instant::now();
            regulars(&dir, &["sync"]);
            println!(
                "a new page server ({id}) caught up: {:.1} s",
                t.elapsed().as_secs_f64()
            );
            dir
        })
        .collect()
}

/// `RECEIPTS` receipts of the chain drawn at random, as the paths their QR codes open.
fn receipts(dir: &Path) -> Vec<String> {
    let db = rusqlite::Connection::open(dir.join("regulars.db")).unwrap();
    let hex: String = db
        .query_row("SELECT chain_secret FROM sync_state", [], |r| r.get(0))
        .unwrap();
    let key = regulars::domain::token::ShopSecret::from_hex(&hex).unwrap();
    let last: i64 = db
        .query_row("SELECT MAX(id) FROM visits", [], |r| r.get(0))
        .unwrap();
    let mut stmt = db
        .prepare("SELECT origin_token FROM visits WHERE id = ?1 AND origin_token IS NOT NULL")
        .unwrap();
    let mut rng = 7u64;
    let mut paths = Vec::new();
    while paths.len() < RECEIPTS {
        let id = 1 + (common::splitmix(&mut rng) % last as u64) as i64;
        if let Ok(token) = stmt.query_row([id], |r| r.get::<_, i64>(0)) {
            paths.push(format!("/r/{}", key.sign_visit(token)));
        }
    }
    paths
}

/// The central store's transactions so far (committed and rolled back).
fn central_transactions(url: &str) -> i64 {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    // The statistics are flushed at most once a second.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    c.execute("SELECT pg_stat_clear_snapshot()", &[]).unwrap();
    c.query_one(
        "SELECT (xact_commit + xact_rollback)::BIGINT FROM pg_stat_database
         WHERE datname = current_database()",
        &[],
    )
    .unwrap()
    .get(0)
}

/// A wrk run, with the central store's transactions during it beyond an idle stretch's.
fn counted(url: &str, idle: i64, run: impl FnOnce() -> Run) -> (Run, String) {
    let before = central_transactions(url);
    let r = run();
    let during = central_transactions(url) - before;
    let requests = (r.requests_per_second * common::wrk::WRK_SECONDS as f64).round();
    let extra = during - idle;
    let line = format!(
        "    central store: {during} transactions during the run, {idle} in an idle stretch as \
         long: {extra} for {requests:.0} page views ({:.5} a view)",
        extra.max(0) as f64 / requests.max(1.0)
    );
    (r, line)
}

fn get(agent: &ureq::Agent, url: &str) -> String {
    let mut r = agent.get(url).call().unwrap();
    assert_eq!(r.status().as_u16(), 200, "{url}");
    r.body_mut().read_to_string().unwrap()
}

fn main() {
    assert!(
        which("wrk") && which("nginx"),
        "this benchmark needs wrk and nginx: apt-get install wrk nginx-light"
    );
    let keep = tempfile::tempdir_in(common::bench_dir()).unwrap();
    let local;
    let (url, folders) = match (
        std::env::var("REGULARS_BENCH_CENTRAL"),
        std::env::var("REGULARS_BENCH_PAGES"),
    ) {
        (Ok(url), Ok(pages)) => (url, pages.split(',').map(PathBuf::from).collect()),
        _ => {
            local = pg::Postgres::start();
            let url = local.url();
            let folders = small_chain(keep.path(), &url);
            (url, folders)
        }
    };
    let servers: Vec<PageServer> = folders.iter().map(|d| PageServer::start(d)).collect();
    let paths = receipts(&folders[0]);
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    // Every page once at each server, so the runs find what a busy server has served before;
    // the same bytes at each.
    let t = Instant::now();
    for s in &servers {
        for p in &paths {
            get(&agent, &format!("{}{p}", s.base));
        }
    }
    println!(
        "{} receipts opened once at each of {} page servers: {:.1} s",
        paths.len(),
        servers.len(),
        t.elapsed().as_secs_f64()
    );
    let page = get(&agent, &format!("{}{}", servers[0].base, paths[0]));
    let strip = |p: &str| p.split("name=\"form\"").next().unwrap().to_string();
    for s in &servers[1..] {
        let other = get(&agent, &format!("{}{}", s.base, paths[0]));
        assert_eq!(
            strip(&other),
            strip(&page),
            "the page servers show the same page"
        );
    }
    let www = keep.path().join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("page.html"), &page).unwrap();
    let files = Nginx::start(
        keep.path(),
        &format!("root {}; default_type text/html;", www.display()),
        "",
    );
    let upstream: String = servers
        .iter()
        .map(|s| format!("server 127.0.0.1:{};", s.port))
        .collect();
    let balancer = Nginx::start(
        keep.path(),
        "location / { proxy_pass http://pages; proxy_http_version 1.1; \
         proxy_set_header Connection \"\"; proxy_set_header Host $host; }",
        &format!("upstream pages {{ {upstream} keepalive 64; }}"),
    );
    let script = random_paths_script(keep.path(), "receipts", &paths);
    let idle = {
        let before = central_transactions(&url);
        std::thread::sleep(std::time::Duration::from_secs(
            common::wrk::WRK_SECONDS as u64,
        ));
        central_transactions(&url) - before
    };

    println!(
        "wrk -t2 -c50 -d{}s --latency (50 keep-alive clients on loopback, the 2 cores shared \
         with every server), page weight {} bytes:",
        common::wrk::WRK_SECONDS,
        page.len()
    );
    let file_url = format!("{}/page.html", files.base);
    warm_up(&file_url);
    let reference = wrk(&file_url, None);
    report("nginx, the page as a file", &reference, None);
    let one = &servers[0].base;
    warm_up(&format!("{one}{}", paths[0]));
    let (same, line) = counted(&url, idle, || wrk(&format!("{one}{}", paths[0]), None));
    report("one page server, that same page", &same, Some(&reference));
    println!("{line}");
    // Random pages, at one server and behind the balancer, `REGULARS_BENCH_RUNS` times each
    // (default 1), to see how much the runs swing on a machine shared with every server.
    let runs: usize = std::env::var("REGULARS_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    for _ in 0..runs {
        let (random, line) = counted(&url, idle, || wrk(one, Some(&script)));
        report(
            &format!("one page server, random pages of {} receipts", paths.len()),
            &random,
            Some(&reference),
        );
        println!("{line}");
    }
    if servers.len() > 1 {
        warm_up(&format!("{}{}", balancer.base, paths[0]));
        for _ in 0..runs {
            let (both, line) = counted(&url, idle, || wrk(&balancer.base, Some(&script)));
            report(
                &format!(
                    "{} page servers behind nginx as load balancer, random pages",
                    servers.len()
                ),
                &both,
                Some(&reference),
            );
            println!("{line}");
        }
    }
}
