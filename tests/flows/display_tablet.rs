//! The customer display's tablet page over real HTTP and in headless Chromium: the key guards
//! it (any other gets the 404 of an unknown address), an address outside the shop's network is
//! refused, the page follows the counter live (server-sent events), and a customer who scans
//! its join QR with a phone enrols there and appears at the counter, ready for the sale.

use crate::browser::Driver;
use crate::common::{db, fingerprint};
use crate::runtime::tick_until;
use regulars::datadir::DataDir;
use regulars::portal::{Portal, Settings};
use regulars::runtime::{Counter, Intent};
use std::io::{BufRead, BufReader, Write};
use std::time::{Duration, Instant};

/// A counter with its pages and the tablet screen, as the window runs them.
pub struct Counted {
    pub dir: tempfile::TempDir,
    pub counter: Counter,
    #[allow(dead_code, reason = "kept open while the test runs")]
    pub portal: Portal,
    pub base: String,
    pub key: String,
}

pub fn counted(extra: &str) -> Counted {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("[shop]\nname = \"Corner Coffee\"\n{extra}\n"),
    )
    .unwrap();
    let d = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
    d.prepare().unwrap();
    let config = d.config().unwrap();
    let counter = Counter::start(&d, &config).unwrap();
    let settings = Settings::from_config(&d, &config)
        .unwrap()
        .with_display(&config, counter.display_hub());
    let key = config.display.tablet_key(&d.secret().unwrap());
    let portal = Portal::start("127.0.0.1:0", settings).unwrap();
    let base = format!("http://{}", portal.addr());
    Counted {
        dir,
        counter,
        portal,
        base,
        key,
    }
}

fn get(url: &str, headers: &[(&str, &str)]) -> (u16, String, Option<String>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut req = agent.get(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut r = req.call().unwrap();
    let csp = r
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (
        r.status().as_u16(),
        r.body_mut().read_to_string().unwrap_or_default(),
        csp,
    )
}

/// An open event stream: each `data:` line as it comes.
struct Events {
    lines: std::sync::mpsc::Receiver<String>,
}

impl Events {
    fn open(base: &str, path: &str) -> Events {
        let addr = base.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if let Some(d) = line.strip_prefix("data:")
                    && tx.send(d.trim().to_string()).is_err()
                {
                    return;
                }
            }
        });
        Events { lines }
    }

    /// The next event whose data contains `part`, ticking the counter while waiting.
    fn until(&self, c: &mut Counter, part: &str) -> String {
        let t = Instant::now();
        loop {
            c.tick();
            if let Ok(d) = self.lines.recv_timeout(Duration::from_millis(10))
                && d.contains(part)
            {
                return d;
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "no event with {part}"
            );
        }
    }
}

#[test]
fn the_tablet_page_is_the_shops_own_and_follows_the_counter() {
    let mut s = counted("[portal]\nbehind_proxy = true\n");
    let page = format!("{}/display/{}", s.base, s.key);
    let (status, body, csp) = get(&page, &[]);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("Corner Coffee") && body.contains("Join on your phone"),
        "{body}"
    );
    assert!(csp.unwrap().contains("script-src 'self'"));
    // Any other key: the same 404 as an address that does not exist.
    let (status, wrong, _) = get(&format!("{}/display/{}X", s.base, s.key), &[]);
    let (_, nothing, _) = get(&format!("{}/no/such/page", s.base), &[]);
    assert_eq!((status, wrong.as_str()), (404, nothing.as_str()));
    let (status, _, _) = get(
        &format!("{}/display/{}/events", s.base, "A".repeat(16)),
        &[],
    );
    assert_eq!(status, 404);
    // From outside the shop's network (as the shop's proxy reports it): refused.
    let (status, body, _) = get(&page, &[("x-forwarded-for", "8.8.8.8")]);
    assert_eq!(status, 403);
    assert!(body.contains("only on the shop's own network"), "{body}");
    let (status, _, _) = get(&page, &[("x-forwarded-for", "192.168.1.40")]);
    assert_eq!(status, 200);
    // Live: the stream starts with the screen of now and follows the counter.
    let events = Events::open(&s.base, &format!("/display/{}/events", s.key));
    let first = events.until(&mut s.counter, "Welcome to Corner Coffee");
    assert!(first.contains("/hello/"), "the join QR: {first}");
    s.counter.send(Intent::Enroll(regulars::store::NewCustomer {
        name: "Zoë Byrne".into(),
        phone: Some("0871234567".into()),
        ..Default::default()
    }));
    let shown = events.until(&mut s.counter, "Welcome back, Zoë");
    assert!(
        !shown.contains("/hello/"),
        "no join QR while a member is served"
    );
    s.counter.send(Intent::Sale("4.50".into()));
    events.until(&mut s.counter, "+4 points");
    s.counter.send(Intent::Clear);
    events.until(&mut s.counter, "Welcome to Corner Coffee");
}

#[test]
fn the_tablet_page_from_anywhere_when_the_owner_allows_it() {
    let s = counted("[portal]\nbehind_proxy = true\n[display]\ntablet_anywhere = true\n");
    let page = format!("{}/display/{}", s.base, s.key);
    let (status, body, _) = get(
        &page,
        &[
            ("x-forwarded-for", "8.8.8.8"),
            ("x-forwarded-proto", "https"),
        ],
    );
    assert_eq!(status, 200);
    // The join QR follows the proxy's scheme and the address the tablet used.
    let host = s.base.trim_start_matches("http://");
    assert!(
        body.contains(&format!("QR code: https://{host}/hello/")),
        "{body}"
    );
}

/// The join QR's address, read from the tablet page as a phone's camera reads it.
fn qr_on(png: &[u8]) -> String {
    let img = image::load_from_memory(png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert!(!grids.is_empty(), "no QR on the tablet's screen");
    grids[0].decode().unwrap().1
}

#[test]
fn a_customer_joins_on_the_tablets_qr_and_is_at_the_counter() {
    let mut s = counted("");
    let tablet = Driver::start();
    tablet.go(&format!("{}/display/{}", s.base, s.key));
    let h1 = |d: &Driver| {
        d.script("return document.querySelector('h1').textContent")
            .to_string()
    };
    assert!(h1(&tablet).contains("Welcome to Corner Coffee"));
    let shot = tablet.screenshot();
    save("tablet-idle.png", &shot);
    let url = qr_on(&shot);
    assert!(url.starts_with(&s.base) && url.contains("/hello/"), "{url}");
    // The customer's phone opens it, and they join.
    let phone = Driver::start();
    phone.go(&url);
    phone.type_into("#name", "Līga Ozola");
    phone.type_into("#contact", "+37120000001");
    phone.click("button[type=submit]");
    let t = Instant::now();
    while !phone
        .script("return document.body.textContent")
        .to_string()
        .contains("Welcome, Līga")
    {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the phone's page after joining"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    save("tablet-joined-phone.png", &phone.screenshot());
    // At the counter: the new member is on screen, ready for the sale, and the tablet too.
    tick_until(&mut s.counter, "the new member at the counter", |st| {
        st.customer.as_ref().and_then(|c| c.name.as_deref()) == Some("Līga Ozola")
    });
    let t = Instant::now();
    loop {
        s.counter.tick();
        if h1(&tablet).contains("Welcome back, Līga") {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "the tablet: {}",
            h1(&tablet)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    save("tablet-member.png", &tablet.screenshot());
    // The same join page sent again: the phone is taken, nothing changes.
    let before = fingerprint(&db(s.dir.path()));
    phone.go(&url);
    phone.type_into("#name", "Līga Ozola");
    phone.type_into("#contact", "+37120000001");
    phone.click("button[type=submit]");
    std::thread::sleep(Duration::from_millis(500));
    let said = phone.script("return document.body.textContent").to_string();
    assert!(!said.contains("Welcome, Līga"), "{said}");
    assert_eq!(fingerprint(&db(s.dir.path())), before, "nothing changes");
    // A join code from long ago: gone.
    let (status, body, _) = get(&format!("{}/hello/ZZZZZZZZZZZZZZZZ", s.base), &[]);
    assert_eq!(status, 410);
    assert!(body.contains("has been used"), "{body}");
}

/// Keeps a screenshot where the window scripts keep theirs, to be looked at.
fn save(name: &str, png: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("display-shots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

#[test]
fn the_tablet_speaks_any_script() {
    let mut s = counted("language = \"te\"");
    let (status, body, _) = get(&format!("{}/display/{}", s.base, s.key), &[]);
    assert_eq!(status, 200);
    assert!(body.contains("Corner Coffeeకు స్వాగతం"), "{body}");
    assert!(body.contains("మీ ఫోన్‌తో చేరండి"), "the join QR's heading: {body}");
    let events = Events::open(&s.base, &format!("/display/{}/events", s.key));
    s.counter.send(Intent::Enroll(regulars::store::NewCustomer {
        name: "రాహుల్".into(),
        phone: Some("+919800000001".into()),
        ..Default::default()
    }));
    // On the tablet in Telugu script, as written (the pole display writes it in Latin letters).
    events.until(&mut s.counter, "మళ్ళీ స్వాగతం, రాహుల్");
}

#[test]
fn a_customer_who_joins_while_another_is_served_does_not_take_the_sale() {
    let mut s = counted("");
    let events = Events::open(&s.base, &format!("/display/{}/events", s.key));
    let first = events.until(&mut s.counter, "/hello/");
    let nonce = first.split("/hello/").nth(1).unwrap();
    let nonce: String = nonce
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    s.counter.send(Intent::Enroll(regulars::store::NewCustomer {
        name: "Zoë Byrne".into(),
        phone: Some("0871234567".into()),
        ..Default::default()
    }));
    tick_until(&mut s.counter, "Zoë at the counter", |st| {
        st.customer.is_some()
    });
    // The QR seen a moment ago, filled in on a phone while Zoë is served.
    let url = format!("{}/hello/{nonce}", s.base);
    let (status, form, _) = get(&url, &[]);
    assert_eq!(status, 200, "{form}");
    let token = form.split("name=\"form\" value=\"").nth(1).unwrap();
    let token = token.split('"').next().unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent
        .post(&url)
        .send_form([
            ("form", token),
            ("name", "Rahul"),
            ("contact", "+919800000001"),
            ("language", "en"),
        ])
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.body_mut()
            .read_to_string()
            .unwrap()
            .contains("member now")
    );
    tick_until(&mut s.counter, "the notice", |st| {
        st.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("joined on the tablet"))
    });
    let on_screen = s.counter.state().customer.as_ref().unwrap();
    assert_eq!(
        on_screen.name.as_deref(),
        Some("Zoë Byrne"),
        "Zoë's sale stays hers"
    );
}
