//! A till reaching the chain's central store as it works: in the background (and saying when it
//! is offline), over PostgreSQL's Unix socket, and at once for a sale at the counter or through
//! the local API.

use crate::chain::{balance, central_events, edit_config, enrol, sync, till};
use crate::common::run_json;
use crate::pg::Postgres;

#[test]
fn the_counter_syncs_in_the_background_and_says_when_it_is_offline() {
    use crate::counter_ui::{harness, step_until};
    use egui_kittest::kittest::Queryable;
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    edit_config(riga.path(), "[central]\n", "[central]\nevery = 1\n");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(dublin.path(), "Anna");
    sync(dublin.path());

    // The window syncs by itself: Dublin's customer arrives, and the bar says so.
    let chain = |app: &regulars::ui::CounterApp,
                 holds: fn(&regulars::runtime::ChainState) -> bool| {
        app.counter.devices().chain.as_ref().is_some_and(holds)
    };
    let mut h = harness(riga.path());
    step_until(&mut h, "the first sync", |app| {
        chain(app, |c| c.last_contact.is_some())
    });
    assert!(h.query_by_label_contains("Chain: synced").is_some());
    assert_eq!(balance(riga.path(), &anna), 0);
    let found = run_json(riga.path(), &["customer", "show", &anna]);
    assert_eq!(found["code"], anna.as_str());

    // The server goes down: the bar says since when, and what waits to be sent.
    pg.crash();
    run_json(
        riga.path(),
        &["sale", "record", "--amount", "12.00", "--customer", &anna],
    );
    step_until(&mut h, "the bar to say offline", |app| {
        chain(app, |c| c.offline_since.is_some() && c.to_send > 0)
    });
    assert!(h.query_by_label_contains("Offline since").is_some());
    pg.up();
    step_until(&mut h, "the sync after the server is back", |app| {
        chain(app, |c| c.offline_since.is_none() && c.to_send == 0)
    });
    sync(dublin.path());
    assert!(
        balance(dublin.path(), &anna) > 0,
        "Riga's offline sale reached Dublin"
    );
}

#[test]
fn a_till_and_central_init_reach_postgresql_over_its_unix_socket() {
    let pg = Postgres::start();
    // The usual way in on one server: the socket folder as `host`, no password, no TLS.
    let url = format!(
        "postgresql://postgres@/postgres?host={}&port={}",
        pg.socket_dir().display(),
        pg.port()
    );
    let riga = till(&url, "riga", "riga-1");
    let init = run_json(riga.path(), &["central", "init"]);
    assert!(init["version"].as_i64().unwrap() >= 1, "{init}");
    run_json(riga.path(), &["sale", "record", "--amount", "3.00"]);
    let synced = run_json(riga.path(), &["sync"]);
    assert!(synced["sent"].as_i64().unwrap() >= 1, "{synced}");
    assert!(central_events(&pg) >= 1);
}

#[test]
fn a_sale_at_the_counter_goes_to_the_central_store_at_once() {
    use crate::counter_ui::{fill, harness, press, step_until};
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    // A sync period far longer than the test: only the sale itself can send it.
    edit_config(riga.path(), "[central]\n", "[central]\nevery = 3600\n");
    run_json(riga.path(), &["central", "init"]);
    let mut h = harness(riga.path());
    step_until(&mut h, "the first sync", |app| {
        app.counter
            .devices()
            .chain
            .as_ref()
            .is_some_and(|c| c.last_contact.is_some())
    });
    let before = central_events(&pg);
    fill(&mut h, "Amount", "6.40");
    press(&mut h, "Anonymous sale (F4)");
    let t = std::time::Instant::now();
    while central_events(&pg) == before {
        assert!(
            t.elapsed() < std::time::Duration::from_secs(10),
            "the sale did not reach the central store"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_sale_through_the_local_api_goes_to_the_central_store_at_once() {
    use std::io::BufRead;
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    edit_config(riga.path(), "[central]\n", "[central]\nevery = 3600\n");
    edit_config(
        riga.path(),
        "[portal]\n",
        "[portal]\napi_key = \"till-secret-key-0123456789\"\n",
    );
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    let mut serve = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(riga.path())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(serve.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let base = crate::common::serving_address(&line).expect(&line);
    std::thread::spawn(move || for _ in err.lines() {});
    // The serve's own first sync (2 seconds after it starts) is over before the sale.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let before = central_events(&pg);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let answer = agent
        .post(format!("{base}/api/v1/sales"))
        .header("Authorization", "Bearer till-secret-key-0123456789")
        .header("Content-Type", "application/json")
        .send(r#"{"amount": "3.20", "receipt": "T-77"}"#)
        .unwrap();
    assert_eq!(answer.status(), 200);
    let t = std::time::Instant::now();
    while central_events(&pg) == before {
        assert!(
            t.elapsed() < std::time::Duration::from_secs(10),
            "the API's sale did not reach the central store"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = serve.kill();
    let _ = serve.wait();
}
