//! Opening files: newer schemas, damaged files and a database held by another writer.

use crate::common::{db, fingerprint, rules, run, run_json};
use regulars::store::{SCHEMA_VERSION, Store, StoreError};

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["customer", "add", "--name", "Anna"]);
    let conn = crate::common::connect(crate::common::db(dir.path())).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let before = fingerprint(&db(dir.path()));
    let (code, _, err) = run(dir.path(), &["stats"]);
    assert_eq!(code, 1);
    assert!(err.contains("newer Regulars"), "{err}");
    assert!(err.contains("was not changed"), "{err}");
    assert_eq!(before, fingerprint(&db(dir.path())));
    assert!(matches!(
        Store::open(&db(dir.path()), rules()),
        Err(StoreError::NewerSchema { .. })
    ));
}

#[test]
fn a_damaged_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let junk = b"this is not a database, just bytes that happen to be here".repeat(100);
    std::fs::write(db(dir.path()), &junk).unwrap();
    let (code, _, err) = run(dir.path(), &["sale", "record", "--amount", "3"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("not a Regulars database or is damaged"),
        "{err}"
    );
    assert_eq!(std::fs::read(db(dir.path())).unwrap(), junk);
}

#[test]
fn a_locked_database_is_reported_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    run_json(
        dir.path(),
        &["sale", "record", "--amount", "3", "--receipt", "A"],
    );
    let holder = crate::common::connect(crate::common::db(dir.path())).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["sale", "record", "--amount", "4", "--receipt", "B"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("busy"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 1);
    // Once free, the same sale goes through exactly once.
    run_json(
        dir.path(),
        &["sale", "record", "--amount", "4", "--receipt", "B"],
    );
    assert_eq!(run_json(dir.path(), &["stats"])["visits"], 2);
}

#[test]
fn the_opener_sets_durable_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&db(dir.path()), rules()).unwrap();
    let c = s.connection();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_version_1_database_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(dir.path());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../fixtures/schema-v1.sql"))
        .unwrap();
    drop(conn);
    let mut s = Store::open(&path, rules()).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let view = s.customer_view("4KQ2-M9M", 1_767_700_000).unwrap();
    assert_eq!((view.balance, view.visits, view.stamps), (12, 1, 1));
    crate::common::check_invariants(s.connection());
    // The new print queue works on the upgraded file.
    s.write(|tx| {
        tx.counter().enqueue_print(
            Some(1),
            regulars::store::JobKind::Receipt,
            b"x",
            "x",
            1_767_700_000,
        )
    })
    .unwrap();
    assert_eq!(s.pending_prints().unwrap().len(), 1);
}

#[test]
fn a_chain_till_of_version_8_keeps_its_unsent_events_through_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(dir.path());
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        include_str!("../../src/store/migrations/0001_initial.sql"),
        include_str!("../../src/store/migrations/0002_print_jobs.sql"),
        include_str!("../../src/store/migrations/0003_staff.sql"),
        include_str!("../../src/store/migrations/0004_support.sql"),
        include_str!("../../src/store/migrations/0005_aggregates.sql"),
        include_str!("../../src/store/migrations/0006_figures_log.sql"),
        include_str!("../../src/store/migrations/0007_customer_language.sql"),
        include_str!("../../src/store/migrations/0008_chain.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    // A till of a chain with an enrolment it has not sent yet.
    conn.execute_batch(
        r#"PRAGMA user_version = 8;
         INSERT INTO programs (id, effective_from, rules) VALUES (1, 0, '{"earn":{"points":1,"per_minor":100,"rounding":"down"},"min_spend_minor":200,"stamps":{"every":10,"reward":"coffee"},"rewards":[{"id":"coffee","name":"Free coffee","cost":40}],"expiry_days":365,"referral":{"referrer_bonus":50,"friend_bonus":50,"cap_per_30_days":5}}');
         INSERT INTO sync_state (id, till_id, shop_id) VALUES (1, 'riga-1', 'riga');
         INSERT INTO customers (code, referral_code, name, enrolled_at)
         VALUES ('4KQ2M9M', 'REFAB12', 'Anna', 1767700000);"#,
    )
    .unwrap();
    let queued: i64 = conn
        .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(queued, 1);
    drop(conn);
    let mut s = Store::open(&path, rules()).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let state = s.read(|t| t.chain().sync_state()).unwrap().unwrap();
    assert_eq!((state.till_id.as_str(), state.to_send), ("riga-1", 1));
    assert_eq!(
        state.instance.len(),
        32,
        "the upgrade gives the till its instance id"
    );
    // The queue still fills and is still sent, with the new kinds.
    s.write(|t| {
        t.support()
            .add_customer_note("4KQ2-M9M", "Prefers oat milk", None, 1_767_700_100)
    })
    .unwrap();
    let batch = s.write(|t| t.chain().outbox(10)).unwrap();
    let kinds: Vec<&str> = batch.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["customer", "note"]);
    assert!(
        batch[0].payload.contains("\"name\":\"Anna\""),
        "{}",
        batch[0].payload
    );
    assert!(
        batch[1].payload.contains("oat milk"),
        "{}",
        batch[1].payload
    );
}
