//! The page server (`serve --pages-only`): a copy of the chain kept current from its central
//! PostgreSQL, serving every shop's receipt pages while the tills are off. A receipt opens there
//! moments after its till synced; one signed by the chain but not arrived yet says it is on its
//! way (a forged one gets the 404); a rating made there reaches the till that sold; a second
//! page server shows the same page.

use crate::chain::{enrol, sync, till};
use crate::common::{run, run_json};
use crate::pg::Postgres;
use crate::portal::{form_token, visit_path};
use std::io::BufRead;
use std::time::{Duration, Instant};

/// A page server on a free loopback port, with its own data folder; killed when dropped.
pub(crate) struct PageServer {
    child: std::process::Child,
    pub(crate) base: String,
    /// What it said as it started.
    said: String,
    _dir: tempfile::TempDir,
    agent: ureq::Agent,
}

impl PageServer {
    pub(crate) fn start(url: &str, till_id: &str) -> PageServer {
        PageServer::start_at(url, till_id, None)
    }

    /// With `public_url` as its `[portal] public_url` (unset: its network address).
    pub(crate) fn start_at(url: &str, till_id: &str, public_url: Option<&str>) -> PageServer {
        let dir = till(url, "pages", till_id);
        if let Some(public) = public_url {
            crate::chain::edit_config(
                dir.path(),
                "[portal]\n",
                &format!("[portal]\npublic_url = \"{public}\"\n"),
            );
        }
        PageServer::run(dir, "127.0.0.1:0", &[])
    }

    /// With the first `from` in its config.toml replaced by `to` (a chat app's settings).
    pub(crate) fn start_with(url: &str, till_id: &str, from: &str, to: &str) -> PageServer {
        let dir = till(url, "pages", till_id);
        crate::chain::edit_config(dir.path(), from, to);
        PageServer::run(dir, "127.0.0.1:0", &[])
    }

    /// Posts `body` to `path` with `headers`: (status, body).
    pub(crate) fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut r = req.send(body).unwrap();
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
    }

    /// A new page server as an owner starts one: a folder with its config.toml alone, at a
    /// loopback address that is also its `public_url` (where the chain's others find it).
    pub(crate) fn start_new(url: &str, till_id: &str) -> PageServer {
        let (dir, bind) = PageServer::new_folder(url, till_id);
        PageServer::run(dir, &bind, &[])
    }

    /// A new page server started from a backup of one of the chain's tills or page servers.
    pub(crate) fn start_from(url: &str, till_id: &str, backup: &std::path::Path) -> PageServer {
        let (dir, bind) = PageServer::new_folder(url, till_id);
        PageServer::run(dir, &bind, &["--start-from", backup.to_str().unwrap()])
    }

    /// The data folder of a new page server of the chain at `url` (config, no database) and
    /// the loopback address it is to serve on.
    pub(crate) fn new_folder(url: &str, till_id: &str) -> (tempfile::TempDir, String) {
        let dir = till(url, "pages", till_id);
        for db in ["regulars.db", "regulars.db-wal", "regulars.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(db));
        }
        let bind = format!("127.0.0.1:{}", crate::ports::free_port());
        crate::chain::edit_config(
            dir.path(),
            "[portal]\n",
            &format!("[portal]\npublic_url = \"http://{bind}\"\n"),
        );
        (dir, bind)
    }

    fn run(dir: tempfile::TempDir, bind: &str, args: &[&str]) -> PageServer {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
            .arg("--data")
            .arg(dir.path())
            .args(["serve", "--pages-only", "--bind", bind])
            .args(args)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut said = String::new();
        let mut base = None;
        for _ in 0..40 {
            let mut line = String::new();
            err.read_line(&mut line).unwrap();
            said.push_str(&line);
            if line.starts_with("Customer pages on")
                && let Some(addr) = crate::common::serving_address(&line)
            {
                base.get_or_insert(addr);
            }
            // The last thing it says as it starts (after any warning).
            if said.contains("Page server:") {
                break;
            }
        }
        assert!(
            said.contains("Page server: the chain's receipt pages"),
            "{said}"
        );
        // Whatever it says later is not read: keep its pipe drained.
        std::thread::spawn(move || for _ in err.lines() {});
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        PageServer {
            child,
            base: base.unwrap_or_else(|| panic!("no address in: {said}")),
            said,
            _dir: dir,
            agent,
        }
    }

    /// Its data folder.
    pub(crate) fn folder(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Waits until `sql` on its database gives `want` (it syncs by itself, every second).
    pub(crate) fn until_has(&self, sql: &str, want: i64) {
        until_db_has(&crate::common::db(self.folder()), sql, want, || {});
    }

    /// What it said as it started.
    pub(crate) fn said(&self) -> &str {
        &self.said
    }

    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        let mut r = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .unwrap();
        (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
    }

    /// Waits until `path` answers 200 (the page server syncs every second).
    pub(crate) fn until_open(&self, path: &str) -> String {
        let t = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if status == 200 {
                return body;
            }
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "{path} did not open at the page server: {status} {body}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for PageServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The single number `sql` gives on the database at `db`.
pub(crate) fn count(db: &std::path::Path, sql: &str) -> i64 {
    crate::common::connect(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// Syncs the till until `sql` on its database gives `want`.
pub(crate) fn until_till_has(till: &std::path::Path, sql: &str, want: i64) {
    until_db_has(&crate::common::db(till), sql, want, || {
        sync(till);
    });
}

/// Runs `each` and reads `sql` on the database at `db` until it gives `want` (20 s at most).
fn until_db_has(db: &std::path::Path, sql: &str, want: i64, mut each: impl FnMut()) {
    let t = Instant::now();
    loop {
        each();
        let got = count(db, sql);
        if got == want {
            return;
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "{sql}: {got}, not {want}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn the_page_server_serves_a_receipt_while_the_till_is_off() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    crate::chain::name_shop(riga.path(), "Kafejnīca Rīga");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna Bērziņa");
    // Joined to the chain at its first sync: its receipts are signed with the chain's key.
    sync(riga.path());
    let first = run_json(riga.path(), &["sale", "record", "--amount", "2.00"]);
    sync(riga.path());
    // A new page server catches up with the chain, and the first receipt opens there.
    let pages = PageServer::start(&pg.url(), "pages-1");
    let opened = pages.until_open(&visit_path(&first));
    // It names the shop that printed the receipt, not its own ("My Shop").
    assert!(
        opened.contains("<title>Your visit to Kafejnīca Rīga")
            && opened.contains("Kafejnīca Rīga</p>")
            && !opened.contains("My Shop"),
        "{opened}"
    );
    // The till's reach check knows the chain's page server by the chain's key, and another
    // chain's (or shop's) page server would not pass.
    let (exit, out, err) = run(
        riga.path(),
        &["--json", "pages", "check", "--url", &pages.base],
    );
    assert_eq!(exit, 0, "{out}{err}");
    let stranger = tempfile::tempdir().unwrap();
    let (exit, out, _) = run(
        stranger.path(),
        &["--json", "pages", "check", "--url", &pages.base],
    );
    assert_eq!(exit, 1, "{out}");
    assert!(out.contains("another_server"), "{out}");
    // The central store goes down: the till's sale cannot be sent (the sale is kept, and
    // said so), and the page server still answers the pages it has.
    pg.crash();
    let sale = run_json(
        riga.path(),
        &["sale", "record", "--amount", "7.50", "--customer", &anna],
    );
    assert_eq!(sale["sent_to_chain"], false, "{sale}");
    let path = visit_path(&sale);
    assert_eq!(pages.get(&visit_path(&first)).0, 200);
    // Signed by the chain, not arrived yet: on its way, not the forged link's 404.
    let (status, body) = pages.get(&path);
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("Your receipt is on its way"), "{body}");
    let mut forged = path.clone().into_bytes();
    let last = forged.len() - 1;
    forged[last] = if forged[last] == b'A' { b'B' } else { b'A' };
    let (status, body) = pages.get(&String::from_utf8(forged).unwrap());
    assert_eq!(status, 404, "{body}");
    // Back up; the till syncs and is off (no process of it runs): the page opens there.
    pg.up();
    sync(riga.path());
    let page = pages.until_open(&path);
    assert!(
        page.contains("Hi Anna!") && page.contains("€7.50"),
        "{page}"
    );
    // Its code, typed at the page server, opens the same page.
    let code = sale["receipt_code"].as_str().unwrap().to_string();
    let answer = pages
        .agent
        .get(format!("{}/c/{code}", pages.base))
        .call()
        .unwrap();
    assert_eq!(answer.status(), 303);
    let to = answer.headers().get("location").unwrap().to_str().unwrap();
    assert!(to.eq_ignore_ascii_case(&path), "{to} {path}");
    // With the central store up, a sale goes to it as it is recorded: no sync needed.
    let third = run_json(riga.path(), &["sale", "record", "--amount", "3.10"]);
    assert_eq!(third["sent_to_chain"], true, "{third}");
    pages.until_open(&visit_path(&third));
    // A second page server shows the same page.
    let second = PageServer::start(&pg.url(), "pages-2");
    let again = second.until_open(&path);
    let strip = |p: &str| p.split("name=\"form\"").next().unwrap().to_string();
    assert_eq!(strip(&again), strip(&page));
    // She rates the visit there; the till that sold hears of it at its next sync.
    let form = form_token(&page);
    let rated = pages
        .agent
        .post(format!("{}{path}/rating", pages.base))
        .send_form([("form", form.as_str()), ("stars", "5")])
        .unwrap();
    assert!(
        rated.status() == 200 || rated.status() == 303,
        "{}",
        rated.status()
    );
    until_till_has(
        riga.path(),
        "SELECT COUNT(*) FROM ratings WHERE stars = 5",
        1,
    );
}

#[test]
fn a_page_server_needs_the_chains_central_store() {
    let dir = tempfile::tempdir().unwrap();
    let (exit, _, err) = run(
        dir.path(),
        &["serve", "--pages-only", "--bind", "127.0.0.1:0"],
    );
    assert_eq!(exit, 2);
    assert!(
        err.contains("serve --pages-only serves a chain's pages from its central store")
            && err.contains("pages-1"),
        "{err}"
    );
}

#[test]
fn two_page_servers_rating_the_same_visit_at_once_leave_one_rating() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna");
    sync(riga.path());
    let sale = run_json(
        riga.path(),
        &["sale", "record", "--amount", "5.00", "--customer", &anna],
    );
    assert_eq!(sale["sent_to_chain"], true, "{sale}");
    let path = visit_path(&sale);
    let (one, two) = (
        PageServer::start(&pg.url(), "pages-1"),
        PageServer::start(&pg.url(), "pages-2"),
    );
    let (p1, p2) = (one.until_open(&path), two.until_open(&path));
    // Both forms sent at the same moment, from two phones (or one phone, twice).
    let post = |s: &PageServer, page: &str, stars: &'static str| {
        let form = form_token(page);
        let (agent, url) = (s.agent.clone(), format!("{}{path}/rating", s.base));
        std::thread::spawn(move || {
            agent
                .post(url)
                .send_form([("form", form.as_str()), ("stars", stars)])
                .unwrap()
                .status()
                .as_u16()
        })
    };
    let (a, b) = (post(&one, &p1, "5"), post(&two, &p2, "4"));
    assert!([200, 303].contains(&a.join().unwrap()));
    assert!([200, 303].contains(&b.join().unwrap()));
    // Every copy of the chain ends with one rating for the visit, the same one.
    let ratings = |dir: &std::path::Path| -> Vec<i64> {
        let c = crate::common::connect(crate::common::db(dir)).unwrap();
        let mut stmt = c.prepare("SELECT stars FROM ratings").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let t = Instant::now();
    loop {
        sync(riga.path());
        let here = ratings(riga.path());
        let (x, y) = (ratings(one._dir.path()), ratings(two._dir.path()));
        if here.len() == 1 && x == here && y == here {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the ratings did not settle: till {here:?}, page servers {x:?} {y:?}"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn with_the_central_store_down_a_page_server_keeps_what_customers_do_and_sends_it_once() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna");
    sync(riga.path());
    let sale = run_json(
        riga.path(),
        &["sale", "record", "--amount", "9.00", "--customer", &anna],
    );
    let path = visit_path(&sale);
    let pages = PageServer::start(&pg.url(), "pages-1");
    let page = pages.until_open(&path);
    // The central store goes down; at home, she rates the visit and asks for help.
    pg.crash();
    let post = |to: &str, fields: &[(&str, &str)]| {
        pages
            .agent
            .post(format!("{}{path}/{to}", pages.base))
            .send_form(fields.iter().copied())
            .unwrap()
            .status()
            .as_u16()
    };
    let form = form_token(&page);
    assert_eq!(post("rating", &[("form", &form), ("stars", "4")]), 303);
    let help = [
        ("form", form.as_str()),
        ("problem", "quality"),
        ("details", "The lid was cracked"),
        ("contact_via", "email"),
        ("contact", "anna@example.lv"),
    ];
    assert_eq!(post("help", &help), 303);
    // The page shows both at once, with the central store still down.
    let (status, now) = pages.get(&path);
    assert_eq!(status, 200);
    assert!(now.contains("The lid was cracked"), "{now}");
    // Back up: the till that sold gets the rating and the ticket, once each, and they stay
    // once however many syncs follow.
    pg.up();
    let counts = || -> (i64, i64) {
        let c = crate::common::connect(crate::common::db(riga.path())).unwrap();
        let n = |sql: &str| c.query_row(sql, [], |r| r.get(0)).unwrap();
        (
            n("SELECT COUNT(*) FROM ratings WHERE stars = 4"),
            n("SELECT COUNT(*) FROM tickets WHERE summary LIKE '%The lid was cracked%'"),
        )
    };
    let t = Instant::now();
    while counts() != (1, 1) {
        sync(riga.path());
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "the page server's writes did not reach the till: {:?}",
            counts()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    std::thread::sleep(Duration::from_secs(3));
    sync(riga.path());
    assert_eq!(counts(), (1, 1));
}

#[test]
fn a_till_whose_address_opens_only_in_the_shop_is_pointed_at_the_chains_page_server() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    // A page server whose own address is a private one says so loudly as it starts.
    let private = PageServer::start_at(&pg.url(), "pages-1", Some("http://10.20.30.40:8080"));
    assert!(
        private.said.contains(
            "WARNING: this page server's public_url, http://10.20.30.40:8080, opens only on its own network"
        ),
        "{}",
        private.said
    );
    // The chain's page server at its address on the internet (behind Caddy, say).
    let public = PageServer::start_at(&pg.url(), "pages-2", Some("https://pages.example.com"));
    assert!(!public.said.contains("WARNING"), "{}", public.said);
    // The till's receipts carry an address phones away from the shop cannot open (this
    // computer's own, here, where nothing listens): the check says where the chain's pages
    // open from anywhere (the private page server is not offered).
    let url = format!("http://127.0.0.1:{}", crate::common::free_port());
    let t = Instant::now();
    let (exit, json, _) = loop {
        sync(riga.path());
        let (exit, out, _) = run(riga.path(), &["--json", "pages", "check", "--url", &url]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        if json.get("page_server").is_some() {
            break (exit, json, out);
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the till did not hear of the page server: {json}"
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(exit, 1, "{json}");
    assert_eq!(json["scope"], "this computer", "{json}");
    assert_eq!(json["page_server"], "https://pages.example.com", "{json}");
    let (_, _, text) = run(riga.path(), &["pages", "check", "--url", &url]);
    assert!(
        text.contains(
            "The chain's page server opens them from anywhere: set [portal] public_url = \"https://pages.example.com\"."
        ),
        "{text}"
    );
}

#[test]
fn a_flood_of_well_signed_receipts_not_arrived_is_told_on_its_way_and_rate_limited() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    let first = run_json(riga.path(), &["sale", "record", "--amount", "1.00"]);
    let pages = PageServer::start(&pg.url(), "pages-1");
    pages.until_open(&visit_path(&first));
    // Links signed with the chain's key for Riga's visits that do not exist (yet): only a
    // holder of the chain's key can make them.
    let chain = regulars::store::Store::open(
        &crate::common::db(pages._dir.path()),
        crate::common::rules(),
    )
    .unwrap()
    .read(|tx| tx.counter().chain_secret())
    .unwrap()
    .expect("the page server joined the chain");
    let riga_till = u32::try_from(
        run_json(riga.path(), &["sync", "status"])["till"]["number"]
            .as_i64()
            .unwrap_or(1),
    )
    .unwrap();
    let asks: Vec<_> = (0..40)
        .map(|i| {
            let id = regulars::domain::token::chain_token_id(riga_till, 5_000 + i).unwrap();
            let path = format!("/r/{}", chain.sign_visit(id));
            let (agent, base) = (pages.agent.clone(), pages.base.clone());
            std::thread::spawn(move || {
                let mut r = agent.get(format!("{base}{path}")).call().unwrap();
                (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
            })
        })
        .collect();
    let answers: Vec<(u16, String)> = asks.into_iter().map(|t| t.join().unwrap()).collect();
    let on_its_way = answers.iter().filter(|(s, _)| *s == 503).count();
    let limited = answers.iter().filter(|(s, _)| *s == 429).count();
    assert_eq!(on_its_way + limited, 40, "{answers:?}");
    assert!(limited > 0, "one address's flood is rate limited");
    assert!(
        answers
            .iter()
            .filter(|(s, _)| *s == 503)
            .all(|(_, body)| body.contains("Your receipt is on its way"))
    );
    // Nothing was made of them: the page server holds only the real visit.
    let visits: i64 = crate::common::connect(crate::common::db(pages._dir.path()))
        .unwrap()
        .query_row("SELECT COUNT(*) FROM visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(visits, 1);
}
