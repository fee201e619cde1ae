//! A real phone-sized browser: headless Chromium (Debian's `chromium` and `chromium-driver`,
//! installed by `tests/run.sh`) opens a receipt's page at 390×844, picks four stars, writes a
//! comment and sends it; the rating is then in the database. The screenshot it takes is the
//! one in the README (`REGULARS_UPDATE_SCREENSHOTS=1` copies it to `assets/`).
//!
//! Driven over the W3C WebDriver protocol by chromedriver. Without Chromium this test fails
//! and says how to install it: no switch makes it pass without running.

use crate::portal::Shop;
use base64::Engine;
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub(crate) struct Driver {
    child: Child,
    base: String,
    agent: ureq::Agent,
    session: String,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(format!("{}/session/{}", self.base, self.session))
            .call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    let mut r = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("POST", Some(b)) => agent.post(url).send_json(b),
        ("POST", None) => agent.post(url).send_json(json!({})),
        _ => unreachable!(),
    }
    .unwrap_or_else(|e| panic!("WebDriver {method} {url}: {e}"));
    let v: Value = r.body_mut().read_json().unwrap();
    assert!(
        v["value"].get("error").is_none(),
        "WebDriver {method} {url}: {v}"
    );
    v["value"].clone()
}

impl Driver {
    pub(crate) fn start() -> Driver {
        Driver::start_in(None)
    }

    /// A phone whose browser asks for `language` first (its `Accept-Language`).
    pub(crate) fn start_in(language: Option<&str>) -> Driver {
        assert!(
            std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
            "the browser test needs Chromium and its WebDriver: run the tests with `tests/run.sh`, \
             which installs them (or `apt-get install chromium chromium-driver`)"
        );
        let port = crate::common::free_port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let t = Instant::now();
        while agent.get(format!("{base}/status")).call().is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        format!("--user-data-dir={}", profile.path().display()),
                    ],
                    "mobileEmulation": {
                        "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0 }
                    },
                    "prefs": { "intl.accept_languages": language.unwrap_or("en-US,en") }
                }
            }}
        });
        let v = call(&agent, "POST", &format!("{base}/session"), Some(caps));
        let session = v["sessionId"].as_str().unwrap().to_string();
        Driver {
            child,
            base,
            agent,
            session,
            _profile: profile,
        }
    }

    fn url(&self, rest: &str) -> String {
        format!("{}/session/{}{rest}", self.base, self.session)
    }

    pub(crate) fn go(&self, url: &str) {
        call(
            &self.agent,
            "POST",
            &self.url("/url"),
            Some(json!({ "url": url })),
        );
    }

    pub(crate) fn find(&self, css: &str) -> String {
        let v = call(
            &self.agent,
            "POST",
            &self.url("/element"),
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }

    pub(crate) fn click(&self, css: &str) {
        let id = self.find(css);
        call(
            &self.agent,
            "POST",
            &self.url(&format!("/element/{id}/click")),
            None,
        );
    }

    pub(crate) fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        call(
            &self.agent,
            "POST",
            &self.url(&format!("/element/{id}/value")),
            Some(json!({ "text": text })),
        );
    }

    /// Waits (up to 20 s) until the browser's address contains `part`; `what` says what
    /// did not happen otherwise.
    pub(crate) fn until_url(&self, part: &str, what: &str) {
        let t = Instant::now();
        while !self.current_url().contains(part) {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "{what}: {}",
                self.current_url()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn current_url(&self) -> String {
        call(&self.agent, "GET", &self.url("/url"), None)
            .as_str()
            .unwrap()
            .to_string()
    }

    fn viewport(&self) -> (i64, i64) {
        let v = call(
            &self.agent,
            "POST",
            &self.url("/execute/sync"),
            Some(json!({ "script": "return [window.innerWidth, window.innerHeight]", "args": [] })),
        );
        (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
    }

    pub(crate) fn script(&self, js: &str) -> Value {
        call(
            &self.agent,
            "POST",
            &self.url("/execute/sync"),
            Some(json!({ "script": js, "args": [] })),
        )
    }

    pub(crate) fn screenshot(&self) -> Vec<u8> {
        let v = call(&self.agent, "GET", &self.url("/screenshot"), None);
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap()
    }
}

#[test]
fn a_phone_rates_the_visit_in_chromium() {
    let browser = Driver::start();
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "4.80");
    browser.go(&format!("{}{path}", shop.base));
    assert_eq!(browser.viewport(), (390, 844), "a phone-sized viewport");
    browser.click("label[for=star4]");
    browser.type_into("#comment", "Great flat white, friendly staff");
    browser.click("form[action$='/rating'] button");
    browser.until_url("done=rated", "the rating was not sent");
    let (stars, comment): (i64, String) = crate::common::connect(crate::common::db(shop.path()))
        .unwrap()
        .query_row(
            "SELECT stars, comment FROM ratings WHERE visit_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (stars, comment.as_str()),
        (4, "Great flat white, friendly staff")
    );
    let png = browser.screenshot();
    let image = image::load_from_memory(&png).unwrap();
    assert_eq!((image.width(), image.height()), (780, 1688));
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-visit.png");
    std::fs::write(&out, &png).unwrap();
    if std::env::var_os("REGULARS_UPDATE_SCREENSHOTS").is_some() {
        std::fs::write(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/portal-visit.png"),
            &png,
        )
        .unwrap();
    }
}

#[test]
fn a_phone_agrees_to_texts_and_gives_a_birthday_in_chromium() {
    let browser = Driver::start();
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "4.80");
    browser.go(&format!("{}{path}", shop.base));
    // She has a phone on file, no email: the SMS box alone.
    browser.script(
        "document.querySelector(\"form[action$='/messages']\").scrollIntoView(); return 1;",
    );
    browser.click("input[name=sms]");
    browser.type_into("#birthday", "03-17");
    let png = browser.screenshot();
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-messages.png");
    std::fs::write(&out, &png).unwrap();
    browser.click("form[action$='/messages'] button");
    browser.until_url("done=messages", "the choice was not sent");
    let (channel, source, wording, birthday): (String, String, String, String) =
        crate::common::connect(crate::common::db(shop.path()))
            .unwrap()
            .query_row(
                "SELECT k.channel, k.source, k.wording, c.birthday FROM consents k
                 JOIN customers c ON c.id = k.customer_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
    assert_eq!(
        (channel.as_str(), source.as_str(), birthday.as_str()),
        ("sms", "page", "03-17")
    );
    assert!(wording.contains("by SMS"), "{wording}");
}

/// Draws the page's heading in a canvas twice: as it is, and with each of its letters in
/// `range` replaced by a code point no font has. Equal drawings mean the letters were boxes.
const TOFU_CHECK: &str = "
    const text = document.querySelector('h1').textContent;
    const c = document.createElement('canvas'); c.width = 800; c.height = 80;
    const g = c.getContext('2d');
    g.font = '32px ' + getComputedStyle(document.body).fontFamily;
    const draw = t => { g.clearRect(0, 0, 800, 80); g.fillText(t, 0, 50);
        return g.getImageData(0, 0, 800, 80).data.join(','); };
    const boxes = text.replace(/[\\u0100-\\u024F\\u0400-\\u04FF\\u0C00-\\u0C7F]/g, '\\u{E0FFF}');
    return [text, document.documentElement.lang, draw(text) !== draw(boxes), boxes !== text];
";

#[test]
fn a_latvian_and_a_telugu_phone_read_the_page_in_their_language() {
    for (language, greeting, name) in [
        ("lv-LV,lv;q=0.9", "Sveiki, Jānis!", "Jānis Bērziņš"),
        ("te-IN,te;q=0.9,en;q=0.5", "నమస్కారం, శ్రీనివాస్!", "శ్రీనివాస్ రావు"),
    ] {
        let browser = Driver::start_in(Some(language));
        let shop = Shop::new("");
        let (_, path) = shop.member_sale(name, "+37120000009", "12.50");
        browser.go(&format!("{}{path}", shop.base));
        let v = browser.script(TOFU_CHECK);
        let tag = &language[..2];
        assert_eq!(v[0], greeting, "{language}");
        assert_eq!(v[1], tag, "<html lang> for {language}");
        assert_eq!(v[3], true, "the check replaced letters");
        assert_eq!(v[2], true, "{language}: the letters are drawn, not boxes");
        let png = browser.screenshot();
        let out =
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("portal-{tag}.png"));
        std::fs::write(&out, &png).unwrap();
        if std::env::var_os("REGULARS_UPDATE_SCREENSHOTS").is_some() {
            std::fs::write(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(format!("assets/portal-visit-{tag}.png")),
                &png,
            )
            .unwrap();
        }
    }
}

#[test]
fn a_phone_that_cannot_scan_types_the_receipts_code_on_the_front_page() {
    let browser = Driver::start();
    let shop = Shop::new("");
    let sale = crate::common::run_json(shop.path(), &["sale", "record", "--amount", "6.20"]);
    let code = sale["receipt_code"].as_str().unwrap().to_lowercase();
    browser.go(&format!("{}/", shop.base));
    browser.type_into("#code", &code);
    let png = browser.screenshot();
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal-code.png");
    std::fs::write(&out, &png).unwrap();
    browser.click("form[action='/c'] button");
    browser.until_url("/r/", "the code did not open the receipt");
    assert_eq!(
        format!("/r/{}", browser.current_url().rsplit("/r/").next().unwrap()).to_uppercase(),
        crate::portal::visit_path(&sale).to_uppercase()
    );
    // The receipt's own page: the same form to rate it as the QR's.
    browser.find("form[action$='/rating'] button");
}

#[test]
fn a_phone_rates_and_asks_for_help_at_the_chains_page_server_with_the_till_off() {
    use crate::chain::{enrol, sync, till};
    use crate::page_server::PageServer;
    let pg = crate::pg::Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    crate::common::run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna Bērziņa");
    sync(riga.path());
    let pages = PageServer::start(&pg.url(), "pages-1");
    let second = PageServer::start(&pg.url(), "pages-2");
    let sale = crate::common::run_json(
        riga.path(),
        &["sale", "record", "--amount", "8.40", "--customer", &anna],
    );
    assert_eq!(sale["sent_to_chain"], true, "{sale}");
    // A second later, on a phone, at the page server (the till's command has ended).
    std::thread::sleep(Duration::from_secs(1));
    let path = crate::portal::visit_path(&sale);
    let browser = Driver::start();
    browser.go(&format!("{}{path}", pages.base));
    assert_eq!(browser.viewport(), (390, 844));
    browser.click("label[for=star5]");
    browser.click("form[action$='/rating'] button");
    browser.until_url("done=rated", "the rating was not sent");
    browser.click("details summary");
    browser.click("input[name=problem][value=missing]");
    browser.type_into("#details", "The croissant was not in the bag");
    browser.click("input[name=contact_via][value=in_store]");
    browser.click("form[action$='/help'] button");
    browser.until_url("done=help", "the request was not sent");
    let png = browser.screenshot();
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("page-server-help.png");
    std::fs::write(&out, &png).unwrap();
    // The till hears of both at its next sync: the rating and a ticket about the visit.
    let t = Instant::now();
    loop {
        sync(riga.path());
        let c = crate::common::connect(crate::common::db(riga.path())).unwrap();
        let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
        let rated = count("SELECT COUNT(*) FROM ratings WHERE stars = 5");
        let asked = count("SELECT COUNT(*) FROM tickets WHERE summary LIKE '%croissant%'");
        if rated == 1 && asked == 1 {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "the till has {rated} rating(s) and {asked} ticket(s)"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    // The same visit through the second page server shows the same page, rated.
    let again = second.until_open(&path);
    assert!(again.contains("Anna") && again.contains("€8.40"), "{again}");
}
