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
    for table in TABLES {
        let (a, b) = (rows(&reference, table), rows(&bulk, table));
        assert_eq!(a.len(), b.len(), "{table}: row counts differ");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "{table}: first differing row");
        }
    }
    check_invariants(bulk.connection());
    let today = plan.end / DAY;
    assert_eq!(
        bulk.figures(0, today, plan.end).unwrap(),
        reference.figures(0, today, plan.end).unwrap()
    );
}
