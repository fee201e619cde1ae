//! The demo's bulk load writes exactly what the store's own operations write for the same
//! history: every table, row for row, aggregates included. Run with a program that expires
//! points and caps referrals, so every rule the bulk load mirrors is exercised.

use crate::common::{DAY, T0, check_invariants, rules};
use regulars::demo::{DemoPlan, generate, generate_through_store};
use regulars::domain::program::Program;
use regulars::store::Store;
use rusqlite::types::Value;

const TABLES: &[&str] = &[
    "customers",
    "referrals",
    "visits",
    "points_events",
    "points_allocations",
    "vouchers",
    "redemptions",
    "refunds",
    "agg_days",
    "agg_customer_days",
    "agg_customers",
    "agg_points_days",
];

fn shop(dir: &tempfile::TempDir, program: &Program) -> Store {
    let mut s = Store::open(&dir.path().join("regulars.db"), rules()).unwrap();
    s.ensure_program(program, 0).unwrap();
    s
}

fn rows(s: &Store, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = s
        .connection()
        .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
        .unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn the_bulk_load_writes_what_the_stores_operations_write() {
    let mut program = Program {
        expiry_days: Some(40),
        ..Program::default()
    };
    program.referral.cap_per_30_days = 2;
    let plan = DemoPlan {
        customers: 400,
        days: 150,
        seed: 11,
        end: T0 + 200 * DAY,
        names: &regulars::demo::shops::ENGLISH,
    };
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut reference = shop(&da, &program);
    let mut bulk = shop(&db, &program);
    let ra = generate_through_store(&mut reference, &plan, false).unwrap();
    let rb = generate(&mut bulk, &plan, false).unwrap();
    assert!(ra.visits > 2_000, "a history worth comparing: {ra:?}");
    assert!(
        ra.refunds > 0 && ra.redemptions > 0 && ra.referrals_refused > 0,
        "{ra:?}"
    );
    assert_eq!(
        (
            ra.customers,
            ra.visits,
            ra.refunds,
            ra.redemptions,
            ra.referrals
        ),
        (
            rb.customers,
            rb.visits,
            rb.refunds,
            rb.redemptions,
            rb.referrals
        )
    );
    let expired: i64 = reference
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM points_events WHERE kind = 'expire'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(expired > 0, "points expired in the history");
    // A sale through the store gets a random code to type (printed under its QR); the demo's
    // history was never printed, so its visits have none. Every code is there and its own;
    // then the rows are compared without them.
    let (coded, distinct): (i64, i64) = reference
        .connection()
        .query_row(
            "SELECT COUNT(receipt_code), COUNT(DISTINCT receipt_code) FROM visits",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((coded, distinct), (ra.visits as i64, ra.visits as i64));
    reference
        .connection()
        .execute("UPDATE visits SET receipt_code = NULL", [])
        .unwrap();
    for table in TABLES {
        let (a, b) = (rows(&reference, table), rows(&bulk, table));
        assert_eq!(a.len(), b.len(), "{table}: row counts differ");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{table}: first differing row");
        }
    }
    check_invariants(bulk.connection());
    let today = plan.end / DAY;
    let f = bulk.figures(0, today, plan.end).unwrap();
    assert_eq!(f, reference.figures(0, today, plan.end).unwrap());
    // The referral funnel, counted straight from the table.
    let count = |sql: &str| -> i64 {
        bulk.connection()
            .query_row(&format!("SELECT {sql} FROM referrals"), [], |r| r.get(0))
            .unwrap()
    };
    let r = &f.referrals;
    assert!(r.codes_shared > 0 && !r.refused.is_empty(), "{r:?}");
    assert_eq!(
        r.codes_shared,
        count("COUNT(DISTINCT referrer_id) FILTER (WHERE status <> 'refused')")
    );
    assert_eq!(
        r.friends_enrolled,
        count("COUNT(*) FILTER (WHERE status <> 'refused')")
    );
    assert_eq!(
        r.rewarded,
        count("COUNT(*) FILTER (WHERE status = 'rewarded')")
    );
    assert_eq!(
        r.pending,
        count("COUNT(*) FILTER (WHERE status = 'pending')")
    );
    assert_eq!(
        r.refused.iter().map(|(_, n)| n).sum::<i64>(),
        count("COUNT(*) FILTER (WHERE status = 'refused')")
    );
    assert!(
        r.refused.windows(2).all(|w| w[0].1 >= w[1].1),
        "most common reason first"
    );
}

#[test]
fn the_demo_makes_a_shop_in_each_language() {
    use crate::common::{run, run_json};
    for (tag, currency, name_letter) in [
        ("sr-Cyrl", "RSD", 'ћ'),
        ("lv", "EUR", 'ņ'),
        ("te", "INR", 'ి'),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let args = [
            "demo",
            "--language",
            tag,
            "--customers",
            "80",
            "--days",
            "60",
        ];
        let report = run_json(d, &args);
        assert_eq!(report["customers"], 80, "{tag}");
        let config = std::fs::read_to_string(d.join("config.toml")).unwrap();
        assert!(
            config.contains(&format!("language = \"{tag}\"")),
            "{config}"
        );
        assert!(
            config.contains(&format!("currency = \"{currency}\"")),
            "{config}"
        );
        let names: Vec<String> = crate::common::connect(crate::common::db(d))
            .unwrap()
            .prepare("SELECT name FROM customers")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            names.iter().any(|n| n.contains(name_letter)),
            "{tag}: {names:?}"
        );
        // Prices the local way: a basket is a few points, as in the English shop.
        let stats = run_json(d, &["stats"]);
        let per_visit = stats["sales_total"].as_f64().unwrap() / stats["visits"].as_f64().unwrap();
        let points = stats["points_outstanding"].as_i64().unwrap();
        assert!(points > 0 && per_visit > 0.0, "{stats}");
        if currency == "RSD" {
            assert!(
                per_visit > 20_000.0,
                "a Belgrade basket is hundreds of dinars: {per_visit}"
            );
        }
        crate::common::check_invariants(&crate::common::connect(crate::common::db(d)).unwrap());
        // A folder with a shop in it is never turned into another.
        let before = crate::common::fingerprint(&crate::common::db(d));
        let (code, _, err) = run(d, &["demo", "--language", "fil"]);
        assert_ne!(code, 0);
        assert!(err.contains("already has a database"), "{err}");
        assert_eq!(crate::common::fingerprint(&crate::common::db(d)), before);
        assert!(
            std::fs::read_to_string(d.join("config.toml"))
                .unwrap()
                .contains(tag)
        );
    }
    let (code, _, err) = run(
        tempfile::tempdir().unwrap().path(),
        &["demo", "--language", "xx"],
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("the languages are en, fil, lv, sr-Cyrl, sr-Latn, te"),
        "{err}"
    );
}
