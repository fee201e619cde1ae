//! The central store over TLS: a server that refuses unencrypted connections and shows a
//! certificate from the chain's own authority. With that authority (`sslrootcert=` in the
//! URL, as libpq reads it) the till syncs; without it, or without TLS, it is refused with the
//! reason and goes on selling, losing nothing.

use crate::chain::{balance, enrol, sync, till};
use crate::common::{run, run_json};
use crate::pg::Postgres;

#[test]
fn the_central_store_over_tls_with_the_chains_own_authority() {
    let pg = Postgres::start();
    let ca = pg.enable_tls();
    let plain = pg.url();
    let url = format!("{plain}?sslmode=verify-full&sslrootcert={}", ca.display());
    let riga = till(&url, "riga", "riga-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna");
    run_json(
        riga.path(),
        &["sale", "record", "--amount", "9.00", "--customer", &anna],
    );
    let sent = sync(riga.path());
    assert!(sent["sent"].as_i64().unwrap() >= 3, "{sent}");
    let stored: i64 = pg
        .socket_client()
        .query_one("SELECT COUNT(*) FROM events", &[])
        .unwrap()
        .get(0);
    assert!(stored >= 3);

    // Without TLS the server refuses; with TLS but not the chain's authority the till does.
    for (till_id, url, reason) in [
        (
            "dublin-1",
            format!("{plain}?sslmode=disable"),
            "no encryption",
        ),
        ("cork-1", format!("{plain}?sslmode=require"), "certificate"),
    ] {
        let other = till(&url, "dublin", till_id);
        let bea = enrol(other.path(), "Bea");
        let (code, _, err) = run(other.path(), &["sync"]);
        assert_ne!(code, 0);
        assert!(err.contains(reason), "{till_id}: {err}");
        assert!(!err.contains("password"), "{err}");
        // It goes on selling, and keeps what waits.
        run_json(
            other.path(),
            &["sale", "record", "--amount", "4.00", "--customer", &bea],
        );
        assert_eq!(balance(other.path(), &bea), 4);
        let status = run_json(other.path(), &["sync", "status"]);
        assert!(status["till"]["to_send"].as_i64().unwrap() >= 3, "{status}");
    }
    let after: i64 = pg
        .socket_client()
        .query_one("SELECT COUNT(*) FROM events", &[])
        .unwrap()
        .get(0);
    assert_eq!(after, stored, "nothing arrived from the refused tills");
}
