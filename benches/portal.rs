//! Customer pages benchmark (issue 5): the visit page served on loopback to 50 concurrent
//! clients, over a shop with 1,000,000 customers and 20,000 recent visits. Goal: p99 under
//! 5 ms, page under 30 KB with no outside requests.
//!
//! Each client is a thread with its own keep-alive connection (a phone loading pages) that
//! opens random receipt links; the time is from sending the request to the last byte of the
//! page. Percentiles over all requests are printed, with the page weights seen.

mod common;

use regulars::datadir::DataDir;
use regulars::portal::{Portal, Settings};
use regulars::store::NewSale;
use std::time::{Duration, Instant};

const CLIENTS: usize = 50;
const PER_CLIENT: usize = 400;
const VISITS: i64 = 20_000;

fn main() {
    let (db, codes) = common::million();
    let dir = tempfile::tempdir_in(common::bench_dir()).unwrap();
    std::fs::copy(&db, dir.path().join("regulars.db")).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[portal]\nrequests_per_minute = 0\n",
    )
    .unwrap();
    let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    data.prepare().unwrap();
    let config = data.config().unwrap();
    let now = regulars::clock::now();
    let mut store = data.open_store(&config, now).unwrap();
    let mut rng = 99u64;
    let mut first_visit = 0;
    store
        .write(|tx| {
            for i in 0..VISITS {
                let member = !common::splitmix(&mut rng).is_multiple_of(4);
                let customer = member.then(|| {
                    codes[(common::splitmix(&mut rng) % common::MILLION) as usize].clone()
                });
                let out = tx.record_sale(&NewSale {
                    amount: 250 + (common::splitmix(&mut rng) % 2500) as i64,
                    at: now - (VISITS - i) * 60,
                    customer,
                    receipt: None,
                })?;
                if i == 0 {
                    first_visit = out.visit_id;
                }
            }
            Ok(())
        })
        .unwrap();
    drop(store);
    let secret = data.secret().unwrap();
    let settings = Settings::from_config(&data, &config).unwrap();
    let portal = Portal::start("127.0.0.1:0", settings).unwrap();
    let base = format!("http://{}", portal.addr());
    let links: Vec<String> = (0..VISITS)
        .map(|i| format!("{base}/r/{}", secret.sign_visit(first_visit + i)))
        .collect();
    let links = std::sync::Arc::new(links);

    // Warm up the pool and the page cache.
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let page = |l: &str| -> String {
        agent
            .get(l)
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap()
    };
    for l in links.iter().take(500) {
        page(l);
    }

    // One client alone: the server's own time per page.
    let mut alone: Vec<Duration> = links
        .iter()
        .take(2000)
        .map(|l| {
            let t = Instant::now();
            page(l);
            t.elapsed()
        })
        .collect();
    alone.sort();
    println!(
        "visit page, one client: p50 {:.2} ms  p99 {:.2} ms",
        alone[alone.len() / 2].as_secs_f64() * 1e3,
        alone[alone.len() * 99 / 100].as_secs_f64() * 1e3
    );

    // 50 clients as fast as they can go (saturation), then 50 clients that each open a page
    // every 50 ms (1,000 pages a second in all: far more than a shop's phones ever ask for).
    for pace in [None, Some(Duration::from_millis(50))] {
        let started = Instant::now();
        let threads: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let links = links.clone();
                std::thread::spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
                    let mut rng = 1000 + c as u64;
                    let mut out = Vec::with_capacity(PER_CLIENT);
                    let first = Instant::now() + Duration::from_micros(1000 * c as u64);
                    for i in 0..PER_CLIENT {
                        if let Some(p) = pace {
                            let due = first + p * i as u32;
                            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                                std::thread::sleep(wait);
                            }
                        }
                        let link =
                            &links[(common::splitmix(&mut rng) % links.len() as u64) as usize];
                        let t = Instant::now();
                        let mut r = agent.get(link).call().unwrap();
                        let body = r.body_mut().read_to_string().unwrap();
                        let took = t.elapsed();
                        assert_eq!(r.status().as_u16(), 200);
                        out.push((took, body.len()));
                    }
                    out
                })
            })
            .collect();
        let mut samples: Vec<(Duration, usize)> = threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect();
        let wall = started.elapsed();
        samples.sort_by_key(|s| s.0);
        let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)].0;
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let sizes: Vec<usize> = samples.iter().map(|s| s.1).collect();
        println!(
            "visit page, {CLIENTS} concurrent clients {}, {} requests over 1,000,000 customers:",
            match pace {
                None => "back to back".to_string(),
                Some(p) => format!("each every {} ms", p.as_millis()),
            },
            samples.len()
        );
        println!(
            "  p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms  ({:.0} pages/s)",
            ms(pct(0.50)),
            ms(pct(0.90)),
            ms(pct(0.99)),
            ms(samples.last().unwrap().0),
            samples.len() as f64 / wall.as_secs_f64()
        );
        println!(
            "  page weight {}–{} bytes",
            sizes.iter().min().unwrap(),
            sizes.iter().max().unwrap()
        );
    }
    drop(portal);
}
