//! A new page server starts from another page server's copy of the chain (`GET /chain/copy`,
//! signed with the chain's secret) instead of reading the chain's whole history: it serves the
//! same pages at once, syncs on as itself from where the copy left off, and sends nothing the
//! copied server wrote. A request not signed by the chain gets the 404 of an unknown address
//! and no copy; a copy cut off half-way is thrown away and the next page server asked.

use crate::chain::{enrol, sync, till};
use crate::common::run_json;
use crate::page_server::{PageServer, count, until_till_has};
use crate::pg::Postgres;
use crate::portal::{form_token, visit_path};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// Posts a rating of `stars` for the visit at `path` on page server `s`.
fn rate(s: &PageServer, path: &str, stars: &str) {
    let page = s.until_open(path);
    let answer = ureq::post(format!("{}{path}/rating", s.base))
        .config()
        .max_redirects(0)
        .build()
        .send_form([("form", form_token(&page).as_str()), ("stars", stars)])
        .unwrap();
    assert!([200, 303].contains(&answer.status().as_u16()));
}

/// A server in front of nothing that answers any request as a page server's copy would
/// begin, then stops half-way through it.
fn cut_off_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = "HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\
                        x-regulars-sha256: 00\r\ncontent-type: application/vnd.sqlite3\r\n\r\n";
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(b"SQLite format 3\0");
            let _ = s.write_all(&[7u8; 20_000]);
        }
    });
    format!("http://{addr}")
}

#[test]
fn a_new_page_server_starts_from_another_ones_copy_and_syncs_on_as_itself() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna Bērziņa");
    sync(riga.path());
    let first = run_json(
        riga.path(),
        &["sale", "record", "--amount", "4.00", "--customer", &anna],
    );
    let second = run_json(riga.path(), &["sale", "record", "--amount", "2.50"]);
    sync(riga.path());
    // The chain's first page server has no one to copy: it reads the history, and says so.
    let one = PageServer::start_new(&pg.url(), "pages-1");
    assert!(
        one.said()
            .contains("no other page server gave a copy of the chain"),
        "{}",
        one.said()
    );
    let (first_path, second_path) = (visit_path(&first), visit_path(&second));
    // Anna rates her visit there: a row page server one wrote itself.
    rate(&one, &first_path, "5");
    until_till_has(riga.path(), "SELECT COUNT(*) FROM ratings", 1);

    // A broken page server is asked first (the directory lists it first); its copy stops
    // half-way, is thrown away, and the next one's is taken.
    let broken = cut_off_server();
    pg.client()
        .execute(
            "INSERT INTO page_servers (till_id, url) VALUES ('a-broken-one', $1)",
            &[&broken],
        )
        .unwrap();
    let two = PageServer::start_new(&pg.url(), "pages-2");
    let said = two.said();
    assert!(
        said.contains(&format!("No copy of the chain from {broken}"))
            && said.contains(&format!(
                "Started from the copy of the chain at {}",
                one.base
            ))
            && said.contains("2 visits"),
        "{said}"
    );
    assert!(!two.folder().join("regulars.db.part").exists());
    // It serves the same pages at once, the rating made at the first among them.
    let strip = |p: &str| p.split("name=\"form\"").next().unwrap().to_string();
    let (a, b) = (one.until_open(&first_path), two.get(&first_path));
    assert_eq!(b.0, 200, "{}", b.1);
    assert_eq!(strip(&b.1), strip(&a));
    // It syncs as itself, from where the copy left off: a new sale opens there.
    let db2 = crate::common::db(two.folder());
    let t = Instant::now();
    while count(
        &db2,
        "SELECT COUNT(*) FROM sync_state WHERE till_id = 'pages-2' AND till_number IS NOT NULL",
    ) == 0
    {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "pages-2 never synced as itself"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM outbox"), 0);
    let third = run_json(riga.path(), &["sale", "record", "--amount", "9.00"]);
    assert_eq!(third["sent_to_chain"], true, "{third}");
    two.until_open(&visit_path(&third));
    // A rating made at the new server reaches the till once, and the first server's rating
    // is in the central store once: the new server sent nothing of what it copied.
    rate(&two, &second_path, "4");
    until_till_has(riga.path(), "SELECT COUNT(*) FROM ratings", 2);
    let central: i64 = pg
        .client()
        .query_one("SELECT COUNT(*) FROM events WHERE kind = 'rating'", &[])
        .unwrap()
        .get(0);
    assert_eq!(central, 2);
    until_till_has(
        riga.path(),
        "SELECT COUNT(*) FROM ratings WHERE stars = 5",
        1,
    );
    let t = Instant::now();
    while count(
        &crate::common::db(one.folder()),
        "SELECT COUNT(*) FROM ratings",
    ) != 2
    {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "pages-1 never heard of pages-2's rating"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM ratings"), 2);
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM sync_problems"), 0);
}

#[test]
fn a_copy_is_given_only_to_a_request_the_chain_signed() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    run_json(riga.path(), &["sale", "record", "--amount", "1.00"]);
    sync(riga.path());
    let one = PageServer::start_new(&pg.url(), "pages-1");
    let ask = |signature: Option<String>| {
        let mut r = ureq::get(format!("{}/chain/copy", one.base))
            .config()
            .http_status_as_error(false)
            .build();
        if let Some(s) = signature {
            r = r.header("x-regulars-copy", s);
        }
        let mut answer = r.call().unwrap();
        let body = answer.body_mut().read_to_string().unwrap_or_default();
        (answer.status().as_u16(), body)
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // No signature, a made-up one, one an hour old with a made-up tag: each the 404 of an
    // address that does not exist, in words, and no copy made in its folder.
    for signature in [
        None,
        Some(format!(
            "{now}.0000000000000000000000000000000000000000000000000000"
        )),
        Some(format!("{}.ABC", now - 3600)),
    ] {
        let (status, body) = ask(signature.clone());
        assert_eq!(status, 404, "{signature:?}");
        assert!(
            body.contains("This link does not lead to a receipt"),
            "{body}"
        );
    }
    let made: Vec<_> = std::fs::read_dir(one.folder())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("copy"))
        .collect();
    assert!(made.is_empty(), "{made:?}");
}
