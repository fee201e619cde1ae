//! The customer pages at their edges: an anonymous receipt claimed once, bodies too large,
//! guessed links rate-limited (per phone behind a proxy), the join page, the local API and its
//! key, and the printed QR followed to a ticket.

use crate::common::{db, fingerprint, run_json};
use crate::portal::{Answer, Shop, form_token};

#[test]
fn an_anonymous_receipt_is_claimed_once() {
    let shop = Shop::new("");
    let path = shop.anonymous_sale("12.00");
    let page = shop.get(&path).body;
    assert!(page.contains("Claim 12 points"), "{page}");
    let form = form_token(&page);
    // A new phone without a name: asked for the name, nothing stored.
    shop.post_refused(
        &format!("{path}/claim"),
        &[("form", &form), ("contact", "+353871111111")],
        "add your first name",
    );
    let a = shop.post(
        &format!("{path}/claim"),
        &[
            ("form", &form),
            ("contact", "+353871111111"),
            ("name", "Robert'); DROP TABLE customers;--"),
        ],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = shop.get(&path).body;
    assert!(
        page.contains("Hi Robert&#39;);!") || page.contains("Hi Robert');!"),
        "{page}"
    );
    assert!(page.contains("Balance: <strong>12 points</strong>"));
    // The second claim (say, by someone else holding the receipt) changes nothing.
    shop.post_refused(
        &format!("{path}/claim"),
        &[
            ("form", &form),
            ("contact", "eve@example.com"),
            ("name", "Eve"),
        ],
        "already been claimed",
    );
    // An existing member's email links the receipt to them.
    let c = run_json(
        shop.path(),
        &[
            "customer",
            "add",
            "--name",
            "Dee",
            "--email",
            "dee@example.com",
        ],
    );
    let path2 = shop.anonymous_sale("3.00");
    let form = form_token(&shop.get(&path2).body);
    let a = shop.post(
        &format!("{path2}/claim"),
        &[("form", &form), ("contact", "DEE@example.com")],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let dee = run_json(
        shop.path(),
        &["customer", "show", c["code"].as_str().unwrap()],
    );
    assert_eq!(dee["balance"], 3);
    assert_eq!(dee["visits"], 1);
}

#[test]
fn oversized_bodies_are_refused_with_413() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let form = form_token(&shop.get(&path).body);
    let big = "x".repeat(100 * 1024);
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "5"), ("comment", &big)],
    );
    assert_eq!(a.status, 413);
    assert_eq!(shop.count("SELECT COUNT(*) FROM ratings"), 0);
}

#[test]
fn guessing_receipt_links_is_rate_limited() {
    let shop = Shop::new("requests_per_minute = 20");
    let mut statuses = Vec::new();
    for i in 0..40 {
        let t = regulars::domain::token::ShopSecret::from_bytes([1; 32]).sign_visit(i);
        statuses.push(shop.get(&format!("/r/{t}")));
    }
    let limited: Vec<&Answer> = statuses.iter().filter(|a| a.status == 429).collect();
    assert!(!limited.is_empty(), "no 429 after 40 guesses");
    assert_eq!(limited[0].retry_after.as_deref(), Some("60"));
    assert!(limited[0].body.contains("Too many requests"));
    assert!(statuses.iter().all(|a| a.status == 404 || a.status == 429));
}

#[test]
fn the_join_page_enrols_a_friend_with_the_referral() {
    let shop = Shop::new("");
    let c = run_json(
        shop.path(),
        &[
            "customer",
            "add",
            "--name",
            "Ann Byrne",
            "--phone",
            "+353871234567",
        ],
    );
    let referral = c["referral_code"].as_str().unwrap();
    let page = shop.get(&format!("/join/{referral}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Ann invited you"));
    assert!(!page.body.contains("Byrne"));
    assert_eq!(shop.get("/join/REF-0000000").status, 404);
    let form = form_token(&page.body);
    // The phone of an existing member: refused without saying whose it is.
    let a = shop.post(
        &format!("/join/{referral}"),
        &[
            ("form", &form),
            ("name", "Ann"),
            ("contact", "+353871234567"),
        ],
    );
    assert_eq!(a.status, 400);
    assert!(!a.body.contains(c["code"].as_str().unwrap()));
    let a = shop.post(
        &format!("/join/{referral}"),
        &[
            ("form", &form),
            ("name", "Cara Doyle"),
            ("contact", "cara@example.com"),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.contains("Welcome, Cara!"));
    let refs = run_json(shop.path(), &["referral", "list"]);
    assert_eq!(refs["referrals"][0]["status"], "pending", "{refs}");
}

#[test]
fn the_local_api_needs_its_key() {
    let shop = Shop::new("");
    let c = run_json(shop.path(), &["customer", "add", "--name", "Ann Byrne"]);
    let code = c["code"].as_str().unwrap();
    let json = ("content-type", "application/json");
    let body = format!(r#"{{"amount":"12.50","customer":"{code}","receipt":"T-1"}}"#);
    let before = fingerprint(&db(shop.path()));
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("till-secret-key-0123456789"),
    ] {
        let mut h = vec![json];
        if let Some(a) = auth {
            h.push(("authorization", a));
        }
        let a = shop.post_with("/api/v1/sales", &h, &body);
        assert_eq!(a.status, 401, "{}", a.body);
        assert!(a.body.contains("API key"));
    }
    assert_eq!(fingerprint(&db(shop.path())), before);
    let key = ("authorization", "Bearer till-secret-key-0123456789");
    let a = shop.post_with("/api/v1/sales", &[json, key], &body);
    assert_eq!(a.status, 200, "{}", a.body);
    let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    assert_eq!(v["points_earned"], 12);
    assert_eq!(v["duplicate"], false);
    assert!(v["receipt_url"].as_str().unwrap().contains("/R/"));
    // The till sends it again: nothing doubles.
    let again: serde_json::Value =
        serde_json::from_str(&shop.post_with("/api/v1/sales", &[json, key], &body).body).unwrap();
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["balance"], 12);
    // Bad input: a clear error, nothing stored.
    let before = fingerprint(&db(shop.path()));
    for bad in [
        r#"{"amount":"-3"}"#,
        r#"{"amount":"abc"}"#,
        "not json",
        r#"{"amount":"1","customer":"NOPE-123"}"#,
    ] {
        let a = shop.post_with("/api/v1/sales", &[json, key], bad);
        assert!(
            a.status == 400 || a.status == 422,
            "{bad}: {} {}",
            a.status,
            a.body
        );
        assert!(a.body.contains("error"));
    }
    assert_eq!(fingerprint(&db(shop.path())), before);
    let a = shop.get_with(&format!("/api/v1/customers/{code}"), &[key]);
    assert_eq!(a.status, 200);
    assert!(a.body.contains("\"balance\":12"), "{}", a.body);
    assert_eq!(shop.get(&format!("/api/v1/customers/{code}")).status, 401);
}

#[test]
fn without_a_key_the_api_is_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[portal]\nrequests_per_minute = 0\n",
    )
    .unwrap();
    let shop = Shop::in_dir(dir, "", "127.0.0.1:0");
    let a = shop.post_with(
        "/api/v1/sales",
        &[
            ("content-type", "application/json"),
            ("authorization", "Bearer x"),
        ],
        r#"{"amount":"1.00"}"#,
    );
    assert_eq!(a.status, 404);
    assert!(a.body.contains("api_key"));
    assert_eq!(shop.count("SELECT COUNT(*) FROM visits"), 0);
}

/// The whole loop: a sale printed on the virtual printer (a PTY), its QR decoded from the PNG,
/// the URL opened, help asked for, and the ticket found on the customer's timeline, linked to
/// that visit.
#[test]
fn from_the_printed_qr_to_a_ticket_on_the_timeline() {
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let _sim = crate::serial::start_sim(dir.path(), &link, "generic-80mm");
    let port = crate::common::free_port();
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\n[portal]\npublic_url = \"http://127.0.0.1:{port}\"\n",
            link.display()
        ),
    )
    .unwrap();
    let shop = Shop::in_dir(dir, "", &format!("127.0.0.1:{port}"));
    let c = run_json(
        shop.path(),
        &[
            "customer",
            "add",
            "--name",
            "Ann Byrne",
            "--phone",
            "+353871234567",
        ],
    );
    let code = c["code"].as_str().unwrap();
    let sale = run_json(
        shop.path(),
        &[
            "sale",
            "record",
            "--amount",
            "7.40",
            "--customer",
            code,
            "--receipt",
            "T-77",
            "--print",
        ],
    );
    let visit = sale["visit_id"].as_i64().unwrap();
    let printed = crate::serial::wait_for_pngs(&shop.path().join("printed"), 1);
    assert_eq!(printed.len(), 1, "the receipt was printed");
    let urls = crate::serial::decode_png(&printed[0]);
    assert_eq!(urls.len(), 1, "one QR on the receipt: {urls:?}");
    let url = &urls[0];
    assert_eq!(url, sale["receipt_url"].as_str().unwrap());
    // The QR carries the URL in upper case (QR alphanumeric mode); a phone opens it as it is.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent.get(url).call().unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let page = r.body_mut().read_to_string().unwrap();
    assert!(page.contains("Hi Ann!") && page.contains("€7.40"), "{page}");
    assert!(
        page.contains("receipt T-77"),
        "the till's number, as on the paper"
    );
    // The form posts to the lower-case route the page names.
    let path = url.splitn(4, '/').nth(3).map(|p| format!("/{p}")).unwrap();
    let path = path.replacen("/R/", "/r/", 1);
    assert!(page.contains(&format!("action=\"{path}/help\"")));
    let a = shop.post(
        &format!("{path}/help"),
        &[
            ("form", &form_token(&page)),
            ("problem", "wrong_item"),
            ("details", "Got a latte instead of a flat white"),
            // Answered on the card's number.
            ("contact_via", "sms"),
        ],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let timeline = run_json(shop.path(), &["customer", "timeline", code]);
    let entries = timeline["timeline"].as_array().unwrap();
    let ticket = entries
        .iter()
        .find(|e| e["kind"] == "ticket")
        .unwrap_or_else(|| panic!("no ticket on the timeline: {timeline}"));
    assert_eq!(ticket["visit_id"].as_i64(), Some(visit));
    assert!(
        ticket["summary"]
            .as_str()
            .unwrap()
            .contains("latte instead of a flat white")
    );
    assert!(
        entries
            .iter()
            .any(|e| e["kind"] == "visit" && e["visit_id"].as_i64() == Some(visit))
    );
}

#[test]
fn behind_a_proxy_the_limit_is_per_phone_not_per_proxy() {
    let shop = Shop::new("requests_per_minute = 20\nbehind_proxy = true");
    let guess = |shop: &Shop, from: &str| {
        shop.get_with("/r/00000000000000000000000A", &[("x-forwarded-for", from)])
            .status
    };
    let one: Vec<u16> = (0..30)
        .map(|_| guess(&shop, "10.0.0.1, 192.168.1.7"))
        .collect();
    assert!(one.contains(&429), "one phone is limited");
    // Another phone (as the proxy reports it) is not held up by the first; a made-up first
    // entry does not help the first phone.
    assert_eq!(guess(&shop, "192.168.1.8"), 404);
    assert_eq!(guess(&shop, "1.2.3.4, 192.168.1.7"), 429);
}

/// Draws the page's inline SVG QR (one path of `M x y h n v1 h-n z` runs) and decodes it.
fn decode_svg_qr(page: &str) -> String {
    let svg = &page[page.find("<svg class=\"qr\"").expect("a QR on the page")..];
    let view = &svg[svg.find("viewBox=\"0 0 ").unwrap() + 13..];
    let size: u32 = view[..view.find(' ').unwrap()].parse().unwrap();
    let d = &svg[svg.find(" d=\"").unwrap() + 4..];
    let d = &d[..d.find('"').unwrap()];
    let scale = 6;
    let mut img = image::GrayImage::from_pixel(size * scale, size * scale, image::Luma([255]));
    for run in d.split('z').filter(|r| !r.is_empty()) {
        let nums: Vec<u32> = run
            .trim_start_matches('M')
            .split(['h', 'v', ' '])
            .filter_map(|n| n.parse().ok())
            .collect();
        let (x, y, n) = (nums[0], nums[1], nums[2]);
        for px in x * scale..(x + n) * scale {
            for py in y * scale..(y + 1) * scale {
                img.put_pixel(px, py, image::Luma([0]));
            }
        }
    }
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().unwrap().1
}

#[test]
fn the_member_qr_on_the_page_scans_as_the_card() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let page = shop.get(&path).body;
    let scanned = decode_svg_qr(&page);
    assert_eq!(scanned, code);
    assert_eq!(
        regulars::devices::scanner::classify(&scanned),
        regulars::devices::scanner::ScanKind::CustomerCard { code: code.clone() }
    );
}
