//! The portal over real HTTP on loopback, against a real data folder: every route, and every
//! bad input the issue lists (forged tokens, enumeration, oversized bodies, forms without the
//! anti-forgery token, script in comments, SQL metacharacters, double claims, a rating for
//! another visit's token). Each failure is shown to change nothing it should not.

use crate::common::{db, fingerprint, run, run_json};
use regulars::datadir::DataDir;
use regulars::portal::{Portal, Settings};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

pub struct Shop {
    pub dir: tempfile::TempDir,
    pub portal: Portal,
    pub base: String,
    /// Seconds added to the real clock for the portal (to step past the 7-day rating window).
    pub offset: Arc<AtomicI64>,
    agent: ureq::Agent,
}

pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub cookie: Option<String>,
    pub body: String,
}

impl Shop {
    pub fn new(extra_config: &str) -> Shop {
        let dir = tempfile::tempdir().unwrap();
        Shop::in_dir(dir, extra_config, "127.0.0.1:0")
    }

    /// A shop whose pages are served as a page server serves them: a kept page without
    /// reading the store while nothing was committed.
    pub fn watching_commits() -> Shop {
        Shop::start(tempfile::tempdir().unwrap(), "", "127.0.0.1:0", true)
    }

    pub fn in_dir(dir: tempfile::TempDir, extra_config: &str, bind: &str) -> Shop {
        Shop::start(dir, extra_config, bind, false)
    }

    fn start(dir: tempfile::TempDir, extra_config: &str, bind: &str, watch: bool) -> Shop {
        let config_path = dir.path().join("config.toml");
        let old = std::fs::read_to_string(&config_path).unwrap_or_default();
        if !old.contains("[portal]") {
            std::fs::write(
                &config_path,
                format!(
                    "{old}\n[portal]\napi_key = \"till-secret-key-0123456789\"\n{extra_config}\n"
                ),
            )
            .unwrap();
        }
        let data = DataDir::resolve(Some(dir.path().to_path_buf())).unwrap();
        data.prepare().unwrap();
        let config = data.config().unwrap();
        drop(data.open_store(&config, regulars::clock::now()).unwrap());
        let mut settings = Settings::from_config(&data, &config).unwrap();
        let offset = Arc::new(AtomicI64::new(0));
        let o = offset.clone();
        settings.clock = Arc::new(move || regulars::clock::now() + o.load(Ordering::SeqCst));
        settings.watch_commits = watch;
        let portal = Portal::start(bind, settings).unwrap();
        let base = format!("http://{}", portal.addr());
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .build()
            .into();
        Shop {
            dir,
            portal,
            base,
            offset,
            agent,
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn answer(mut r: ureq::http::Response<ureq::Body>) -> Answer {
        let header = |name: &str| {
            r.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location");
        let retry_after = header("retry-after");
        let cookie = header("set-cookie");
        Answer {
            status: r.status().as_u16(),
            location,
            retry_after,
            cookie,
            body: r.body_mut().read_to_string().unwrap_or_default(),
        }
    }

    pub fn get(&self, path: &str) -> Answer {
        Shop::answer(
            self.agent
                .get(format!("{}{path}", self.base))
                .call()
                .unwrap(),
        )
    }

    pub fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        Shop::answer(
            self.agent
                .post(format!("{}{path}", self.base))
                .send_form(form.iter().copied())
                .unwrap(),
        )
    }

    /// Posts a form that must be refused with 400 and `message`, leaving the database as it
    /// was.
    pub fn post_refused(&self, path: &str, form: &[(&str, &str)], message: &str) {
        let before = fingerprint(&db(self.path()));
        let a = self.post(path, form);
        assert_eq!(a.status, 400, "{}", a.body);
        assert!(a.body.contains(message), "{}", a.body);
        assert_eq!(fingerprint(&db(self.path())), before, "nothing changes");
    }

    pub fn post_with(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Shop::answer(req.send(body).unwrap())
    }

    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Shop::answer(req.call().unwrap())
    }

    /// A member's sale: (customer code, visit path "/r/TOKEN").
    pub fn member_sale(&self, name: &str, phone: &str, amount: &str) -> (String, String) {
        let c = run_json(
            self.path(),
            &["customer", "add", "--name", name, "--phone", phone],
        );
        let code = c["code"].as_str().unwrap().to_string();
        let s = run_json(
            self.path(),
            &["sale", "record", "--amount", amount, "--customer", &code],
        );
        (code, visit_path(&s))
    }

    pub fn anonymous_sale(&self, amount: &str) -> String {
        let s = run_json(self.path(), &["sale", "record", "--amount", amount]);
        visit_path(&s)
    }

    pub fn count(&self, sql: &str) -> i64 {
        crate::common::connect(crate::common::db(self.path()))
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    }
}

/// "/r/TOKEN" from a sale's receipt URL.
pub fn visit_path(sale: &serde_json::Value) -> String {
    let url = sale["receipt_url"].as_str().unwrap();
    let token = url.rsplit('/').next().unwrap();
    format!("/r/{token}")
}

/// `token` with one character of its MAC changed.
pub fn altered(token: &str) -> String {
    let mut t = token.to_string().into_bytes();
    t[20] = if t[20] == b'0' { b'1' } else { b'0' };
    String::from_utf8(t).unwrap()
}

/// Opens `/r/TOKEN` for each token: every one is the same 404 page.
pub fn all_not_found(shop: &Shop, tokens: &[&str]) {
    let answers: Vec<Answer> = tokens
        .iter()
        .map(|t| shop.get(&format!("/r/{t}")))
        .collect();
    for a in &answers {
        assert_eq!(a.status, 404);
        assert_eq!(a.body, answers[0].body, "every failure looks the same");
    }
    assert!(answers[0].body.contains("does not lead to a receipt"));
}

/// The anti-forgery token in a page's forms.
pub fn form_token(page: &str) -> String {
    let at = page
        .find("name=\"form\" value=\"")
        .unwrap_or_else(|| panic!("no form on the page: {page}"));
    let rest = &page[at + "name=\"form\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

#[test]
fn the_visit_page_shows_the_visit_and_only_the_first_name() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "12.50");
    let page = shop.get(&path);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Hi Ann!"), "{}", page.body);
    assert!(page.body.contains("€12.50"));
    assert!(page.body.contains("receipt V1"), "a counter sale's number");
    assert!(page.body.contains("You earned <strong>12 points</strong>"));
    assert!(page.body.contains("more visits to Free coffee"));
    assert!(page.body.contains(&code), "the member QR's code is shown");
    assert!(!page.body.contains("Byrne"), "only the first name");
    assert!(!page.body.contains("871234567"), "never the phone");
    // Small and self-contained: no scripts, no outside requests.
    assert!(page.body.len() < 30 * 1024, "{} bytes", page.body.len());
    assert!(!page.body.contains("<script"));
    assert!(!page.body.contains("src="));
    assert!(!page.body.contains("<link"));
    // The receipt URL is upper case; the lower-case route and token work too.
    assert_eq!(shop.get(&path.replace("/r/", "/R/")).status, 200);
    assert_eq!(shop.get(&path.to_lowercase()).status, 200);
    assert_eq!(shop.get("/healthz").body, "ok");
}

#[test]
fn forged_truncated_altered_and_unknown_tokens_get_the_same_404() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let token = path.trim_start_matches("/r/").to_string();
    let altered = altered(&token);
    // A token for a visit id that does not exist, signed with another shop's secret.
    let other = regulars::domain::token::ShopSecret::from_bytes([9; 32]).sign_visit(1);
    let unknown = regulars::domain::token::ShopSecret::from_bytes([9; 32]).sign_visit(999);
    all_not_found(
        &shop,
        &[
            altered.as_str(),
            &token[..23],
            &format!("{token}0"),
            other.as_str(),
            unknown.as_str(),
            "'%20OR%201=1--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        ],
    );
    // Posting to a forged token is the same 404 and records nothing.
    let page = shop.get(&path);
    let form = form_token(&page.body);
    let a = shop.post(
        &format!("/r/{altered}/rating"),
        &[("form", &form), ("stars", "5")],
    );
    assert_eq!(a.status, 404);
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 0);
}

#[test]
fn a_rating_needs_the_pages_form_token_and_can_be_changed_for_seven_days() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    // No anti-forgery token, a made-up one, or a post from another site: refused, nothing stored.
    for form in [
        vec![("stars", "5")],
        vec![("stars", "5"), ("form", "1.ABC")],
    ] {
        let a = shop.post(&format!("{path}/rating"), &form);
        assert_eq!(a.status, 403);
        assert!(a.body.contains("expired"), "{}", a.body);
    }
    let page = shop.get(&path).body;
    let form = form_token(&page);
    let a = shop.post_with(
        &format!("{path}/rating"),
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", "http://evil.example"),
        ],
        &format!("form={form}&stars=5"),
    );
    assert_eq!(a.status, 403);
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 0);
    // A GET never records anything (mail scanners follow links).
    shop.get(&format!("{path}/rating?stars=1&form={form}"));
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 0);

    // Stars out of range: a clear message, nothing stored.
    shop.post_refused(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "9")],
        "1 to 5 stars",
    );

    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "5"), ("comment", "Lovely")],
    );
    assert_eq!(a.status, 303);
    assert_eq!(a.location.as_deref(), Some(&*format!("{path}?done=rated")));
    let shown = shop.get(a.location.as_deref().unwrap()).body;
    assert!(shown.contains("Your rating is saved"));
    assert!(shown.contains("You rated it 5 out of 5"));
    // Changed within the week: still one rating, the new value.
    shop.offset.store(6 * 86_400, Ordering::SeqCst);
    let form = form_token(&shop.get(&path).body);
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "4")],
    );
    assert_eq!(a.status, 303);
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 1);
    assert_eq!(shop.count("SELECT stars FROM ratings"), 4);
    // After seven days it stays as it is.
    shop.offset.store(8 * 86_400, Ordering::SeqCst);
    let page = shop.get(&path).body;
    assert!(page.contains("Ratings can be changed for 7 days"));
    let form = form_token(&page);
    shop.post_refused(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "1")],
        "can no longer be changed",
    );
}

#[test]
fn a_form_token_from_one_visit_cannot_rate_another() {
    let shop = Shop::new("");
    let (_, mine) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let (_, theirs) = shop.member_sale("Bob Ryan", "+353871234568", "6.00");
    let form = form_token(&shop.get(&mine).body);
    let a = shop.post(
        &format!("{theirs}/rating"),
        &[("form", &form), ("stars", "1")],
    );
    assert_eq!(a.status, 403);
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 0);
    assert_eq!(shop.count("SELECT COUNT(*) FROM tickets"), 0);
}

#[test]
fn a_low_rating_opens_one_follow_up_ticket_tied_to_the_visit() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let form = form_token(&shop.get(&path).body);
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "2"), ("comment", "Cold coffee")],
    );
    assert_eq!(
        a.location.as_deref(),
        Some(&*format!("{path}?done=rated-low"))
    );
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "1"), ("comment", "Still cold")],
    );
    assert_eq!(a.status, 303);
    assert_eq!(
        shop.count("SELECT COUNT(*) FROM tickets"),
        1,
        "one per visit"
    );
    let list = run_json(shop.path(), &["ticket", "list"]);
    let t = &list["tickets"][0];
    assert_eq!(t["channel"], "rating");
    assert_eq!(t["customer"], code.as_str());
    assert_eq!(t["visit_id"], 1);
    assert_eq!(
        t["events"].as_array().unwrap().len(),
        2,
        "opened, then a note"
    );
    // A good rating opens nothing.
    let (_, other) = shop.member_sale("Bob Ryan", "+353871234568", "6.00");
    let form = form_token(&shop.get(&other).body);
    shop.post(
        &format!("{other}/rating"),
        &[("form", &form), ("stars", "4")],
    );
    assert_eq!(shop.count("SELECT COUNT(*) FROM tickets"), 1);
}

#[test]
fn help_requests_become_tickets_and_script_is_shown_as_text() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let form = form_token(&shop.get(&path).body);
    let nasty = "<script>alert('x')</script> '); DROP TABLE tickets;--";
    // Missing choices: a message, nothing stored.
    let a = shop.post(
        &format!("{path}/help"),
        &[("form", &form), ("details", nasty)],
    );
    assert_eq!(a.status, 400);
    assert!(a.body.contains("Choose what went wrong"));
    assert_eq!(shop.count("SELECT COUNT(*) FROM tickets"), 0);
    let a = shop.post(
        &format!("{path}/help"),
        &[
            ("form", &form),
            ("problem", "missing"),
            ("details", nasty),
            ("contact_via", "sms"),
            ("contact", "\"; DELETE FROM customers; --"),
        ],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = shop.get(&path).body;
    assert!(!page.contains("<script>alert"), "escaped on the page");
    assert!(page.contains("&lt;script&gt;alert"));
    assert!(page.contains("Status: open"));
    // Stored as typed, linked to the customer and the visit; every table intact.
    let t = run_json(shop.path(), &["ticket", "show", "1"]);
    assert_eq!(t["channel"], "portal");
    assert_eq!(t["customer"], code.as_str());
    assert_eq!(t["visit_id"], 1);
    assert_eq!(t["contact_via"], "sms");
    assert_eq!(t["severity"], 3, "missing items are urgent");
    assert!(t["summary"].as_str().unwrap().contains(nasty));
    assert_eq!(shop.count("SELECT COUNT(*) FROM customers"), 1);
    let (_, out, _) = run(shop.path(), &["customer", "timeline", &code]);
    assert!(
        out.contains("Ticket #1 opened (receipt page) about visit V1"),
        "{out}"
    );
}

#[test]
fn staff_resolve_and_the_customer_confirms_or_reopens_on_the_visit_page() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let (_, other) = shop.member_sale("Bob Ryan", "+353871234568", "6.00");
    let form = form_token(&shop.get(&path).body);
    shop.post(
        &format!("{path}/help"),
        &[
            ("form", &form),
            ("problem", "quality"),
            ("details", "Stale"),
            ("contact_via", "in_store"),
        ],
    );
    run_json(
        shop.path(),
        &[
            "ticket", "resolve", "1", "--note", "Refunded", "--by", "Mia",
        ],
    );
    let page = shop.get(&path).body;
    assert!(page.contains("Yes, it is sorted"));
    // Another visit's page cannot answer this ticket.
    let other_form = form_token(&shop.get(&other).body);
    let a = shop.post(
        &format!("{other}/ticket/1/confirm"),
        &[("form", &other_form)],
    );
    assert_eq!(a.status, 404);
    assert_eq!(
        run_json(shop.path(), &["ticket", "show", "1"])["status"],
        "resolved"
    );
    // Reopen, resolve again, then confirm.
    let a = shop.post(&format!("{path}/ticket/1/reopen"), &[("form", &form)]);
    assert_eq!(a.status, 303);
    assert_eq!(
        run_json(shop.path(), &["ticket", "show", "1"])["status"],
        "open"
    );
    run_json(shop.path(), &["ticket", "resolve", "1"]);
    let a = shop.post(&format!("{path}/ticket/1/confirm"), &[("form", &form)]);
    assert_eq!(a.status, 303);
    let t = run_json(shop.path(), &["ticket", "show", "1"]);
    assert_eq!(t["status"], "confirmed");
    let kinds: Vec<&str> = t["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["opened", "resolved", "reopened", "resolved", "confirmed"]
    );
    // Confirming twice is refused with a message.
    let a = shop.post(&format!("{path}/ticket/1/confirm"), &[("form", &form)]);
    assert_eq!(a.status, 400);
}

/// A member who leaves the address empty on the help form is answered on their card's: the
/// ticket keeps the card's number. Asking for email with none on the card is refused with
/// what to do, and nothing is opened.
#[test]
fn a_member_who_leaves_the_address_empty_is_answered_on_the_cards() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let form = form_token(&shop.get(&path).body);
    let help = |via: &str| {
        shop.post(
            &format!("{path}/help"),
            &[
                ("form", &form),
                ("problem", "missing"),
                ("contact_via", via),
                ("contact", " "),
            ],
        )
    };
    let a = help("email");
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains("Add a phone number or email"), "{}", a.body);
    assert_eq!(shop.count("SELECT COUNT(*) FROM tickets"), 0);
    let a = help("sms");
    assert_eq!(a.status, 303, "{}", a.body);
    assert_eq!(
        crate::support::ticket_contact(shop.path(), 1),
        ("sms".into(), Some("+353871234567".into()))
    );
}
