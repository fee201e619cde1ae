//! Where the customer pages open from: `pages check` against the shop's own portal, another
//! shop's portal at the same kind of address, and a closed port; the address receipts carry
//! when none is set; a quick tunnel refused as the printed address; robots.txt.

use crate::common::run;
use crate::portal::Shop;

fn check(dir: &std::path::Path, url: Option<&str>) -> (i32, serde_json::Value, String) {
    let mut args = vec!["--json", "pages", "check"];
    if let Some(u) = url {
        args.extend(["--url", u]);
    }
    let (exit, out, err) = run(dir, &args);
    let json = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (exit, json, err)
}

#[test]
fn pages_check_tells_the_shops_own_portal_from_another_and_from_nothing() {
    let ours = Shop::new("");
    let theirs = Shop::new("");
    // The shop's own portal answers with its signature: reachable, from this computer only.
    let (exit, json, err) = check(ours.path(), Some(&ours.base));
    assert_eq!(exit, 0, "{json} {err}");
    assert_eq!(json["reachable"], true, "{json}");
    assert_eq!(json["scope"], "this computer", "{json}");
    assert_eq!(json["url"], ours.base.as_str());
    // Another shop's portal answers too, but not with this shop's key.
    let (exit, json, _) = check(ours.path(), Some(&theirs.base));
    assert_eq!(exit, 1, "{json}");
    assert_eq!(json["reachable"], false);
    assert_eq!(json["problem"]["kind"], "another_server", "{json}");
    // A port nothing listens on.
    let closed = crate::common::free_port();
    let (exit, json, _) = check(ours.path(), Some(&format!("http://127.0.0.1:{closed}")));
    assert_eq!(exit, 1, "{json}");
    assert_eq!(json["problem"]["kind"], "refused", "{json}");
    // In words: what went wrong, on stderr, exit 1.
    let (exit, out, err) = run(
        ours.path(),
        &[
            "pages",
            "check",
            "--url",
            &format!("http://127.0.0.1:{closed}"),
        ],
    );
    assert_eq!((exit, out.as_str()), (1, ""));
    assert!(
        err.contains("Customer pages cannot be opened at http://127.0.0.1:")
            && err.contains("nothing answers there (connection refused)"),
        "{err}"
    );
    // The loopback address the shop set works for trying things out, but says phones cannot.
    let (exit, out, _) = run(ours.path(), &["pages", "check", "--url", &ours.base]);
    assert_eq!(exit, 0);
    assert!(
        out.starts_with("Phones cannot open http://127.0.0.1:"),
        "{out}"
    );
}

#[test]
fn the_reach_answer_is_signed_and_robots_keep_pages_out_of_search() {
    let shop = Shop::new("");
    let robots = shop.get("/robots.txt");
    assert_eq!(robots.status, 200);
    assert_eq!(robots.body, "User-agent: *\nDisallow: /\n");
    // A nonce that is not one is the same 404 as any unknown address.
    assert_eq!(shop.get("/.well-known/regulars/reach/short").status, 404);
    assert_eq!(
        shop.get("/.well-known/regulars/reach/0123456789abcdef0123456789abcdef")
            .status,
        200
    );
}

#[test]
fn with_no_address_set_receipts_never_carry_loopback_and_quick_tunnels_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A new shop's config.toml, as it is written on the first start.
    run(d, &["stats"]);
    crate::chain::edit_config(d, "bind = \"0.0.0.0:8080\"", "bind = \"0.0.0.0:8765\"");
    let (exit, json, _) = check(d, None);
    let url = json["url"].as_str().unwrap().to_string();
    assert!(url.ends_with(":8765"), "{url}");
    assert!(
        !url.contains("localhost") && !url.contains("127.0.0.1"),
        "a computer with a network prints its own address: {url}"
    );
    assert_eq!(exit, 1, "nothing serves it in this test: {json}");
    // The same address is the one printed in a sale's QR.
    let (exit, out, err) = run(d, &["--json", "sale", "record", "--amount", "4.00"]);
    assert_eq!(exit, 0, "{err}");
    let sale: serde_json::Value = serde_json::from_str(&out).unwrap();
    let printed = sale["receipt_url"]
        .as_str()
        .unwrap_or_default()
        .to_ascii_uppercase();
    assert!(
        printed.starts_with(&url.to_ascii_uppercase()),
        "{sale} {url}"
    );
    // A quick tunnel's random name is refused, saying why; nothing is recorded under it.
    std::fs::write(
        d.join("config.toml"),
        "[portal]\npublic_url = \"https://tall-fog-42.trycloudflare.com\"\n",
    )
    .unwrap();
    let (exit, _, err) = run(d, &["sale", "record", "--amount", "4.00"]);
    assert_ne!(exit, 0);
    assert!(
        err.contains("temporary trycloudflare.com address")
            && err.contains("every receipt printed with it stops opening"),
        "{err}"
    );
    std::fs::write(d.join("config.toml"), "[portal]\nbind = \"0.0.0.0:8765\"\n").unwrap();
    let (_, out, _) = run(d, &["--json", "stats"]);
    let stats: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(stats["figures"]["visits"], 1, "{stats}");
}

#[test]
fn serve_says_where_the_pages_open() {
    let dir = tempfile::tempdir().unwrap();
    let closed = crate::common::free_port();
    let lan = regulars::config::reach::lan_address().expect("the test machine has a network");
    let url = match lan {
        std::net::IpAddr::V6(v6) => format!("http://[{v6}]:{closed}"),
        v4 => format!("http://{v4}:{closed}"),
    };
    std::fs::write(
        dir.path().join("config.toml"),
        format!("[portal]\npublic_url = \"{url}\"\n"),
    )
    .unwrap();
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir.path())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut err = std::io::BufReader::new(serve.stderr.take().unwrap());
    for _ in 0..6 {
        std::io::BufRead::read_line(&mut err, &mut said).unwrap();
        if said.contains("Customer pages cannot be opened") {
            break;
        }
    }
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(
        said.contains(&format!(
            "Customer pages cannot be opened at {url}: nothing answers there (connection refused)"
        )),
        "{said}"
    );
}

#[test]
fn a_receipt_code_printed_under_the_qr_opens_the_same_page() {
    use crate::serial::{PTY, decode_png, start_sim, wait_for_pngs};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let shop = Shop::new("");
    let d = shop.path();
    let link = d.join("printer");
    let _sim = start_sim(d, &link, "generic-80mm");
    let config = std::fs::read_to_string(d.join("config.toml")).unwrap();
    std::fs::write(
        d.join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\nprofile = \"generic-80mm\"\n{}",
            link.display(),
            config.replace(
                "[portal]\n",
                &format!("[portal]\npublic_url = \"{}\"\n", shop.base)
            )
        ),
    )
    .unwrap();
    let sale = crate::common::run_json(d, &["sale", "record", "--amount", "7.50", "--print"]);
    let code = sale["receipt_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 11, "{sale}");
    assert_eq!(&code[5..6], "-");
    // Printed under the QR, with where to type it; the QR still opens the visit.
    let printed = wait_for_pngs(&d.join("printed"), 1);
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    let site = shop.base.trim_start_matches("http://");
    assert!(
        text.contains(&format!("Or type {code} at {site}/c")),
        "{text}"
    );
    let url = sale["receipt_url"].as_str().unwrap();
    assert_eq!(decode_png(&printed[0]), [url]);
    // Typed as printed, in lower case or without the dash: the same page as the QR's.
    let token = url.rsplit('/').next().unwrap();
    for typed in [code.clone(), code.to_lowercase(), code.replace('-', "")] {
        let answer = shop.get(&format!("/c/{typed}"));
        assert_eq!(answer.status, 303, "{typed}: {}", answer.body);
        let to = answer.location.unwrap();
        assert!(to.eq_ignore_ascii_case(&format!("/r/{token}")), "{to}");
    }
    let page = shop.get(&format!("/r/{token}"));
    assert_eq!(page.status, 200);
    // The front page's field leads to the same place.
    let home = shop.get("/");
    assert!(
        home.body.contains("Or type the code under the QR"),
        "{}",
        home.body
    );
    let answer = shop.get(&format!("/c?code={}", code.to_lowercase()));
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.unwrap(),
        format!("/c/{}", code.replace('-', ""))
    );
    // A code no receipt has, and one that cannot be a code: the forged link's 404.
    let forged = shop.get("/r/AAAAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(forged.status, 404);
    for wrong in ["/c/23456-78923", "/c/not-a-code", "/c?code=0000"] {
        let answer = shop.get(wrong);
        assert_eq!(answer.status, 404, "{wrong}");
        assert_eq!(answer.body, forged.body, "{wrong}");
    }
}

#[test]
fn pages_are_compressed_when_the_phone_asks() {
    let shop = Shop::new("");
    let path = shop.anonymous_sale("3.00");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let fetch = |gzip: bool| {
        let mut req = agent.get(format!("{}{path}", shop.base));
        if gzip {
            req = req.header("Accept-Encoding", "gzip");
        }
        let mut r = req.call().unwrap();
        let encoding = r
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_string());
        let csp = r.headers().get("content-security-policy").is_some();
        let body = r
            .body_mut()
            .with_config()
            .limit(1 << 20)
            .read_to_vec()
            .unwrap();
        (r.status().as_u16(), encoding, csp, body)
    };
    let (status, encoding, csp, raw) = fetch(false);
    assert_eq!((status, encoding, csp), (200, None, true));
    let (status, encoding, csp, packed) = fetch(true);
    assert_eq!(
        (status, encoding.as_deref(), csp),
        (200, Some("gzip"), true)
    );
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(packed.as_slice()),
        &mut unpacked,
    )
    .unwrap();
    // The same page, in well under half the bytes.
    assert!(
        packed.len() * 2 < raw.len(),
        "{} of {}",
        packed.len(),
        raw.len()
    );
    let strip = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .split("name=\"form\" value=\"")
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(strip(&unpacked), strip(&raw));
}
