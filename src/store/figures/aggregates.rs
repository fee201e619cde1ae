//! Aggregates behind the owner's figures, kept in the same transaction as the rows they sum
//! (see `migrations/0005_aggregates.sql`), and rebuilt from the raw rows on demand.

use crate::store::{Result, Store};
use serde::Serialize;

/// Seconds in a day: aggregates are by UTC day number.
pub const DAY: i64 = 86_400;

/// Entries of the member change log kept: an index further behind is read afresh.
const LOG_KEEP: i64 = 100_000;
/// How often (in entries) the log is pruned.
const LOG_PRUNE_EVERY: i64 = 1_024;

/// The SQL that computes each aggregate table from the raw rows, in column order. The figures
/// are this till's: rows another till of the chain wrote (`origin`) are that till's.
const REBUILD: &[(&str, &str)] = &[
    (
        "agg_days",
        "SELECT at / 86400, COUNT(*), COUNT(customer_id),
                COALESCE(SUM(CASE WHEN customer_id IS NOT NULL THEN amount END), 0),
                COALESCE(SUM(CASE WHEN customer_id IS NULL THEN amount END), 0),
                SUM(refunded)
         FROM visits WHERE origin IS NULL GROUP BY at / 86400",
    ),
    (
        "agg_customer_days",
        "SELECT customer_id, at / 86400, COUNT(*), SUM(amount)
         FROM visits WHERE customer_id IS NOT NULL AND origin IS NULL
         GROUP BY customer_id, at / 86400",
    ),
    (
        "agg_customers",
        "SELECT customer_id, MIN(at / 86400), MAX(at / 86400), COUNT(*), SUM(amount), SUM(refunded)
         FROM visits WHERE customer_id IS NOT NULL AND origin IS NULL GROUP BY customer_id",
    ),
    (
        "agg_points_days",
        "SELECT at / 86400, kind, SUM(points) FROM points_events WHERE origin IS NULL
         GROUP BY at / 86400, kind",
    ),
    // The support figures' aggregates are defined by views (`0016_support_figures.sql`).
    ("agg_ticket_days", "SELECT * FROM agg_ticket_days_fresh"),
    ("agg_ticket_times", "SELECT * FROM agg_ticket_times_fresh"),
    ("agg_ticket_back", "SELECT * FROM agg_ticket_back_fresh"),
    ("agg_rating_days", "SELECT * FROM agg_rating_days_fresh"),
    ("agg_overdue_days", "SELECT * FROM agg_overdue_days_fresh"),
    ("agg_problems", "SELECT * FROM agg_problems_fresh"),
];

/// What `stats --rebuild` found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rebuilt {
    /// Rows that differed between the kept aggregates and a fresh computation, per table.
    pub differences: Vec<(String, i64)>,
    pub matched: bool,
}

impl super::Room<'_, '_> {
    /// Adds a member's or an anonymous visit (or, with `sign` -1, takes an anonymous one
    /// away, when a claim makes it a member's).
    pub(in crate::store) fn agg_visit(
        &self,
        customer_id: Option<i64>,
        at: i64,
        amount: i64,
        refunded: i64,
        sign: i64,
    ) -> Result<()> {
        let day = at / DAY;
        let member = customer_id.is_some() as i64;
        self.tx
            .prepare_cached(
                "INSERT INTO agg_days (day, visits, member_visits, member_spend, anon_spend, refunded)
                 VALUES (?1, ?2, ?2 * ?3, ?4 * ?3, ?4 * (1 - ?3), ?5)
                 ON CONFLICT (day) DO UPDATE SET
                    visits = visits + excluded.visits,
                    member_visits = member_visits + excluded.member_visits,
                    member_spend = member_spend + excluded.member_spend,
                    anon_spend = anon_spend + excluded.anon_spend,
                    refunded = refunded + excluded.refunded",
            )?
            .execute((day, sign, member, sign * amount, sign * refunded))?;
        if let Some(id) = customer_id {
            debug_assert_eq!(sign, 1, "members' visits are never taken away");
            self.tx
                .prepare_cached(
                    "INSERT INTO agg_customer_days (customer_id, day, visits, spend)
                     VALUES (?1, ?2, 1, ?3)
                     ON CONFLICT (customer_id, day) DO UPDATE SET
                        visits = visits + 1, spend = spend + excluded.spend",
                )?
                .execute((id, day, amount))?;
            self.tx
                .prepare_cached(
                    "INSERT INTO agg_customers (customer_id, first_day, last_day, visits, spend, refunded)
                     VALUES (?1, ?2, ?2, 1, ?3, ?4)
                     ON CONFLICT (customer_id) DO UPDATE SET
                        first_day = MIN(first_day, excluded.first_day),
                        last_day = MAX(last_day, excluded.last_day),
                        visits = visits + 1,
                        spend = spend + excluded.spend,
                        refunded = refunded + excluded.refunded",
                )?
                .execute((id, day, amount, refunded))?;
            self.log_member_change(Some(id))?;
        }
        Ok(())
    }

    /// Notes that a member's aggregates changed (`None`: everyone's), for the figures' member
    /// index to catch up on; every [`LOG_PRUNE_EVERY`] entries the oldest are pruned.
    fn log_member_change(&self, customer_id: Option<i64>) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO agg_member_log (customer_id) VALUES (?1)")?
            .execute([customer_id])?;
        let version = self.tx.last_insert_rowid();
        if version % LOG_PRUNE_EVERY == 0 {
            self.tx
                .prepare_cached("DELETE FROM agg_member_log WHERE version <= ?1")?
                .execute([version - LOG_KEEP])?;
        }
        Ok(())
    }

    /// After customer `gone`'s visits moved to `kept`: both members' aggregates afresh from
    /// this till's own visits (day totals do not change: the visits stay members' visits).
    pub(in crate::store) fn agg_members_refold(&self, kept: i64, gone: i64) -> Result<()> {
        for id in [kept, gone] {
            self.tx
                .prepare_cached("DELETE FROM agg_customer_days WHERE customer_id = ?1")?
                .execute([id])?;
            self.tx
                .prepare_cached("DELETE FROM agg_customers WHERE customer_id = ?1")?
                .execute([id])?;
        }
        self.tx
            .prepare_cached(
                "INSERT INTO agg_customer_days
                 SELECT customer_id, at / 86400, COUNT(*), SUM(amount) FROM visits
                 WHERE customer_id = ?1 AND origin IS NULL GROUP BY at / 86400",
            )?
            .execute([kept])?;
        self.tx
            .prepare_cached(
                "INSERT INTO agg_customers
                 SELECT customer_id, MIN(at / 86400), MAX(at / 86400), COUNT(*), SUM(amount),
                        SUM(refunded)
                 FROM visits WHERE customer_id = ?1 AND origin IS NULL GROUP BY customer_id",
            )?
            .execute([kept])?;
        self.log_member_change(Some(kept))?;
        self.log_member_change(Some(gone))
    }

    /// A refund of `amount` on a visit made at `visit_at` (counted on the sale's day).
    pub(in crate::store) fn agg_refund(
        &self,
        customer_id: Option<i64>,
        visit_at: i64,
        amount: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE agg_days SET refunded = refunded + ?2 WHERE day = ?1")?
            .execute((visit_at / DAY, amount))?;
        if let Some(id) = customer_id {
            self.tx
                .prepare_cached(
                    "UPDATE agg_customers SET refunded = refunded + ?2 WHERE customer_id = ?1",
                )?
                .execute((id, amount))?;
        }
        Ok(())
    }

    /// A points event of `points` (signed) of `kind`.
    pub(in crate::store) fn agg_points(&self, at: i64, kind: &str, points: i64) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO agg_points_days (day, kind, points) VALUES (?1, ?2, ?3)
                 ON CONFLICT (day, kind) DO UPDATE SET points = points + excluded.points",
            )?
            .execute((at / DAY, kind, points))?;
        Ok(())
    }

    /// The first day with a visit, if any.
    pub fn first_day(&self) -> Result<Option<i64>> {
        Ok(self
            .tx
            .query_row("SELECT MIN(day) FROM agg_days", [], |r| r.get(0))?)
    }

    /// Compares every aggregate with a fresh computation from the raw rows; with `fix`,
    /// replaces the ones that differ with it.
    pub fn rebuild_aggregates(&self, fix: bool) -> Result<Rebuilt> {
        let differences = aggregate_differences(&self.tx)?;
        if fix {
            for (table, _) in &differences {
                let sql = REBUILD
                    .iter()
                    .find(|(t, _)| t == table)
                    .map(|(_, sql)| *sql)
                    .expect("a known table");
                self.tx.execute(&format!("DELETE FROM {table}"), [])?;
                self.tx.execute(&format!("INSERT INTO {table} {sql}"), [])?;
            }
            self.log_member_change(None)?;
        }
        Ok(Rebuilt {
            matched: differences.is_empty(),
            differences,
        })
    }
}

/// Rows that differ, per aggregate table, between what is kept and a fresh computation from
/// the raw rows (empty when they all agree). Tests call it after every write.
pub fn aggregate_differences(conn: &rusqlite::Connection) -> Result<Vec<(String, i64)>> {
    let mut differences = Vec::new();
    for (table, sql) in REBUILD {
        let diff: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT COUNT(*) FROM (SELECT * FROM {table} EXCEPT {sql}))
                      + (SELECT COUNT(*) FROM ({sql} EXCEPT SELECT * FROM {table}))"
            ),
            [],
            |r| r.get(0),
        )?;
        if diff > 0 {
            differences.push((table.to_string(), diff));
        }
    }
    Ok(differences)
}

impl Store {
    /// `regulars stats --rebuild`: recomputes the aggregates from the raw rows in one
    /// transaction and reports whether the kept ones matched.
    pub fn rebuild_aggregates(&mut self) -> Result<Rebuilt> {
        self.write(|tx| tx.figures().rebuild_aggregates(true))
    }
}
