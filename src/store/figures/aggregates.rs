//! Aggregates behind the owner's figures, kept in the same transaction as the rows they sum,
//! and rebuilt from the raw rows on demand. The visit and points aggregates are defined once,
//! in [`folds`]; the support ones by views (`migrations/0016_support_figures.sql`).

use super::folds::{self, Accumulator, Points, Table, Visit};
use crate::store::{Result, Store};
use serde::Serialize;

/// Entries of the member change log kept: an index further behind is read afresh.
const LOG_KEEP: i64 = 100_000;
/// How often (in entries) the log is pruned.
const LOG_PRUNE_EVERY: i64 = 1_024;

/// The support figures' aggregates, each defined by a view computing it from the raw rows
/// (`0016_support_figures.sql`), which the schema's triggers read to keep it.
const SUPPORT: &[&str] = &[
    "agg_ticket_days",
    "agg_ticket_times",
    "agg_ticket_back",
    "agg_rating_days",
    "agg_overdue_days",
    "agg_problems",
];

/// What `stats --rebuild` found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rebuilt {
    /// Rows that differed between the kept aggregates and a fresh computation, per table.
    pub differences: Vec<(String, i64)>,
    pub matched: bool,
}

impl super::Room<'_, '_> {
    /// A visit of this till's, newly made: its part in the figures (see [`folds`]).
    pub(in crate::store) fn visit_added(&self, v: Visit) -> Result<()> {
        folds::upsert(&self.tx, v.parts(), false)?;
        if let Some(id) = v.customer {
            self.log_member_change(Some(id))?;
        }
        Ok(())
    }

    /// A visit of this till's that changed (refunded, or an anonymous one claimed): its part
    /// as it was taken away, its part as it is added. A member's visit keeps its member and
    /// its day, so a first or last day is never taken away.
    pub(in crate::store) fn visit_changed(&self, before: Visit, after: Visit) -> Result<()> {
        debug_assert!(
            before.customer.is_none() || (before.customer, before.at) == (after.customer, after.at)
        );
        folds::upsert(&self.tx, before.parts(), true)?;
        self.visit_added(after)
    }

    /// A points event of this till's: its part in the figures.
    pub(in crate::store) fn points_added(&self, p: Points) -> Result<()> {
        folds::upsert(&self.tx, p.parts(), false)
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
        for table in [&folds::CUSTOMER_DAYS, &folds::CUSTOMERS] {
            self.tx
                .prepare_cached(&format!(
                    "DELETE FROM {} WHERE customer_id IN (?1, ?2)",
                    table.name
                ))?
                .execute([kept, gone])?;
            let mut acc = Accumulator::default();
            table.fold_raw(&self.tx, Some(kept), &mut acc)?;
            acc.write(&self.tx, table)?;
        }
        self.log_member_change(Some(kept))?;
        self.log_member_change(Some(gone))
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
        let mut differences = Vec::new();
        for table in folds::TABLES {
            let fresh = fresh(&self.tx, table)?;
            let diff = table.read(&self.tx)?.differences(&fresh);
            if diff > 0 {
                differences.push((table.name.to_string(), diff));
                if fix {
                    self.tx
                        .execute(&format!("DELETE FROM {}", table.name), [])?;
                    fresh.write(&self.tx, table)?;
                }
            }
        }
        for (table, diff) in support_differences(&self.tx)? {
            if fix {
                self.tx.execute(&format!("DELETE FROM {table}"), [])?;
                self.tx.execute(
                    &format!("INSERT INTO {table} SELECT * FROM {table}_fresh"),
                    [],
                )?;
            }
            differences.push((table, diff));
        }
        if fix {
            self.log_member_change(None)?;
        }
        Ok(Rebuilt {
            matched: differences.is_empty(),
            differences,
        })
    }
}

/// A table's rows computed afresh from the raw rows, by its definition.
fn fresh(conn: &rusqlite::Connection, table: &Table) -> Result<Accumulator> {
    let mut acc = Accumulator::default();
    table.fold_raw(conn, None, &mut acc)?;
    Ok(acc)
}

/// Rows that differ between each support aggregate and its view.
fn support_differences(conn: &rusqlite::Connection) -> Result<Vec<(String, i64)>> {
    let mut differences = Vec::new();
    for table in SUPPORT {
        let diff: i64 = conn.query_row(
            &format!(
                "SELECT (SELECT COUNT(*) FROM (SELECT * FROM {table} EXCEPT SELECT * FROM {table}_fresh))
                      + (SELECT COUNT(*) FROM (SELECT * FROM {table}_fresh EXCEPT SELECT * FROM {table}))"
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

/// Rows that differ, per aggregate table, between what is kept and a fresh computation from
/// the raw rows (empty when they all agree). Tests call it after every write.
pub fn aggregate_differences(conn: &rusqlite::Connection) -> Result<Vec<(String, i64)>> {
    let mut differences = Vec::new();
    for table in folds::TABLES {
        let diff = table.read(conn)?.differences(&fresh(conn, table)?);
        if diff > 0 {
            differences.push((table.name.to_string(), diff));
        }
    }
    differences.extend(support_differences(conn)?);
    Ok(differences)
}

impl Store {
    /// `regulars stats --rebuild`: recomputes the aggregates from the raw rows in one
    /// transaction and reports whether the kept ones matched.
    pub fn rebuild_aggregates(&mut self) -> Result<Rebuilt> {
        self.write(|tx| tx.figures().rebuild_aggregates(true))
    }
}
