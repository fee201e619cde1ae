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
use std::path::{Path, PathBuf};

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

/// The names of the files in `dir` that `wanted` picks.
fn files_named(dir: &Path, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| wanted(n))
        .collect()
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
    two.until_has(
        "SELECT COUNT(*) FROM sync_state WHERE till_id = 'pages-2' AND till_number IS NOT NULL",
        1,
    );
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
    one.until_has("SELECT COUNT(*) FROM ratings", 2);
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
    let made = files_named(one.folder(), |n| n.contains("copy"));
    assert!(made.is_empty(), "{made:?}");
}

/// Records a sale of `amount` at the till in `dir` (for `customer`, when given): the sale, as
/// `sale record --json` tells it, sent to the central store at once.
fn sell(dir: &Path, amount: &str, customer: Option<&str>) -> serde_json::Value {
    let mut args = vec!["sale", "record", "--amount", amount];
    if let Some(c) = customer {
        args.extend(["--customer", c]);
    }
    let sale = run_json(dir, &args);
    assert_eq!(sale["sent_to_chain"], true, "{sale}");
    sale
}

/// The chain's first page server starts from a till's backup instead of reading the whole
/// history: it serves what the backup holds at once, takes from the central store what the
/// backup does not (another till's sale the till had not fetched yet, the till's sale after
/// the backup), and sends nothing of the till's.
#[test]
fn the_chains_first_page_server_starts_from_a_tills_backup() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    crate::chain::name_shop(riga.path(), "Riga Market");
    run_json(riga.path(), &["central", "init"]);
    let belgrade = till(&pg.url(), "belgrade", "belgrade-1");
    crate::chain::name_shop(belgrade.path(), "Belgrade Market");
    sync(belgrade.path());
    let anna = enrol(riga.path(), "Anna Bērziņa");
    sync(riga.path());
    let mut sales = vec![sell(riga.path(), "4.00", Some(&anna))];
    sales.push(sell(belgrade.path(), "3.00", None));
    sync(riga.path());
    // Riga sends its sales at once but fetches Belgrade's at its next sync: Belgrade's second
    // sale is in the central store between Riga's, and not in Riga's backup.
    sales.push(sell(riga.path(), "2.50", None));
    sales.push(sell(belgrade.path(), "7.00", None));
    sales.push(sell(riga.path(), "1.00", None));
    let backup = PathBuf::from(run_json(riga.path(), &["backup"])["path"].as_str().unwrap());
    sales.push(sell(riga.path(), "9.00", None));

    let one = PageServer::start_from(&pg.url(), "pages-1", &backup);
    let said = one.said();
    assert!(
        said.contains(&format!("Started from the backup {}", backup.display()))
            && said.contains("1 customers, 4 visits"),
        "{said}"
    );
    // Each receipt opens there, naming the shop that printed it.
    for (sale, shop) in sales
        .iter()
        .zip(["Riga", "Belgrade", "Riga", "Belgrade", "Riga", "Riga"])
    {
        let page = one.until_open(&visit_path(sale));
        assert!(page.contains(&format!("{shop} Market")), "{page}");
    }
    let db1 = crate::common::db(one.folder());
    one.until_has(
        "SELECT COUNT(*) FROM sync_state WHERE copied_through <= cursor",
        1,
    );
    assert_eq!(count(&db1, "SELECT COUNT(*) FROM visits"), 6);
    assert_eq!(count(&db1, "SELECT COUNT(*) FROM customers"), 1);
    assert_eq!(count(&db1, "SELECT COUNT(*) FROM sync_problems"), 0);
    assert_eq!(
        count(
            &db1,
            "SELECT COUNT(*) FROM sync_state WHERE copied_till = 'riga-1'"
        ),
        1
    );
    // Anna rates her visit there: it reaches Riga once, and the page server sent only that.
    rate(&one, &visit_path(&sales[0]), "5");
    until_till_has(
        riga.path(),
        "SELECT COUNT(*) FROM ratings WHERE stars = 5",
        1,
    );
    let sent: i64 = pg
        .client()
        .query_one("SELECT COUNT(*) FROM events WHERE till_id = 'pages-1'", &[])
        .unwrap()
        .get(0);
    assert_eq!(sent, 1);
}

/// `serve --pages-only --start-from FILE` in `dir`, expected to refuse: its exit code and
/// what it said.
fn refused_start(dir: &Path, bind: &str, file: &Path) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .args(["serve", "--pages-only", "--bind", bind, "--start-from"])
        .arg(file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    (out.status.code().unwrap_or(-1), said)
}

/// Files that are no start for a page server: a lone shop's backup, a backup with a byte
/// changed on the way, a file that is not there, and any backup into a folder that has a
/// database. Each says why and leaves nothing behind; the backups and the database stay as
/// they were.
#[test]
fn a_page_server_starts_only_from_a_whole_backup_of_its_chain() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    sell_unsent(riga.path());
    sync(riga.path());
    let good = PathBuf::from(run_json(riga.path(), &["backup"])["path"].as_str().unwrap());
    let lone = tempfile::tempdir().unwrap();
    sell_unsent(lone.path());
    let lone_backup = PathBuf::from(run_json(lone.path(), &["backup"])["path"].as_str().unwrap());
    // A copy carried with its checksum, one byte changed on the way.
    let carried = tempfile::tempdir().unwrap();
    let changed = carried.path().join(good.file_name().unwrap());
    std::fs::copy(&good, &changed).unwrap();
    let sums = |p: &Path| PathBuf::from(format!("{}.sha256", p.display()));
    std::fs::copy(sums(&good), sums(&changed)).unwrap();
    let mut bytes = std::fs::read(&changed).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&changed, bytes).unwrap();

    let (dir, bind) = PageServer::new_folder(&pg.url(), "pages-1");
    let missing = carried.path().join("not-there.db");
    for (file, why) in [
        (&lone_backup, "a shop that has not joined a chain"),
        (&changed, "is not the file that was backed up"),
        (&missing, "No such file"),
    ] {
        let (code, said) = refused_start(dir.path(), &bind, file);
        assert_eq!(code, 2, "{said}");
        assert!(
            said.contains(&format!(
                "Could not start from the backup {}",
                file.display()
            )) && said.contains(why)
                && said.contains("Nothing was changed"),
            "{said}"
        );
        let left = files_named(dir.path(), |n| n.starts_with("regulars.db"));
        assert!(left.is_empty(), "{left:?}");
    }
    let (code, out, err) =
        crate::common::run(riga.path(), &["backup", "verify", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    // A folder with a database is no new page server's: the till's own is left as it was.
    let before = crate::common::fingerprint(&crate::common::db(riga.path()));
    let (code, said) = refused_start(riga.path(), &bind, &good);
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("has its database already"), "{said}");
    assert_eq!(
        crate::common::fingerprint(&crate::common::db(riga.path())),
        before
    );
}

/// A sale recorded at the till in `dir`, whether or not it is in a chain.
fn sell_unsent(dir: &Path) {
    run_json(dir, &["sale", "record", "--amount", "1.00"]);
}
