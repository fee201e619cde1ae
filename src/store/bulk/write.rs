//! Writing a bulk load: every table's rows in id order, then the secondary indexes and the
//! aggregates computed from the rows, with progress told as it goes.

use super::*;

impl Bulk {
    /// Rows to write, for a progress bar.
    pub fn rows(&self) -> u64 {
        (self.customers.rows.len()
            + self.referrals.rows.len()
            + self.visits.rows.len()
            + self.events.rows.len()
            + self.allocations.len()
            + self.vouchers.rows.len()
            + self.redemptions.rows.len()
            + self.refunds.rows.len()) as u64
    }

    /// Writes the history into `store` in one transaction: the rows, the aggregates, then the
    /// secondary indexes, calling `progress(stage, done, of)` as it goes ("writing" rows out of
    /// [`Bulk::rows`], then "indexing"). Nothing is written unless all of it is.
    pub fn write(self, store: &mut Store, progress: &mut Progress<'_>) -> Result<()> {
        // The rows come from the store's own rules (a test compares them with the store's
        // operations, row for row), so the checks a till's writes need are off for the load:
        // foreign keys, and CHECK constraints, whose `IN (…)` lists cost more than the insert.
        // The shop is empty, so an in-memory rollback journal is enough (an error still rolls
        // everything back) and spares writing each page twice through the WAL; a larger cache
        // keeps the index pages being filled in memory.
        let c = &store.conn;
        c.pragma_update(None, "foreign_keys", "OFF")?;
        c.pragma_update(None, "ignore_check_constraints", "ON")?;
        c.pragma_update(None, "journal_mode", "MEMORY")?;
        c.pragma_update(None, "cache_size", -LOAD_CACHE_KIB)?;
        let out = store.write(|tx| self.write_rows(&tx.tx, progress));
        let c = &store.conn;
        c.pragma_update(None, "cache_size", -crate::store::BULK_CACHE_KIB)?;
        c.pragma_update(None, "journal_mode", "WAL")?;
        c.pragma_update(None, "ignore_check_constraints", "OFF")?;
        c.pragma_update(None, "foreign_keys", "ON")?;
        out
    }

    fn write_rows(&self, c: &rusqlite::Connection, progress: &mut Progress<'_>) -> Result<()> {
        let (indexes, triggers) = set_aside(c)?;
        let mut w = Writer {
            c,
            done: 0,
            of: self.rows(),
            progress,
        };
        self.write_sales(&mut w)?;
        self.write_points(&mut w)?;
        self.write_aggregates(&mut w)?;
        (w.progress)("writing", w.done, self.rows());
        put_back(w.c, w.progress, &indexes, &triggers)
    }

    /// Customers, referrals and visits.
    fn write_sales(&self, w: &mut Writer<'_, '_>) -> Result<()> {
        // Rows go in id order and SQLite numbers them the same way (checked after each table),
        // which lets it append instead of looking each id up.
        w.rows(
            "INSERT INTO customers (code, referral_code, name, phone, email, enrolled_at, balance, stamps)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.customers,
            |s, r| {
                s.execute((
                    &r.code,
                    &r.referral_code,
                    &r.name,
                    &r.phone,
                    &r.email,
                    r.enrolled_at,
                    r.balance,
                    r.stamps,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO referrals (referrer_id, friend_id, at, status, reason, decided_at, visit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            &self.referrals,
            |s, r| {
                s.execute((
                    r.referrer,
                    r.friend,
                    r.at,
                    r.status.as_str(),
                    r.reason,
                    r.decided_at,
                    r.visit,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO visits (at, amount, customer_id, receipt_no, program_id, points_earned, stamped, refunded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.visits,
            |s, r| {
                s.execute((
                    r.at,
                    r.amount,
                    r.customer,
                    r.receipt.map(|span| self.receipts.text(span)),
                    r.program_id,
                    r.points,
                    r.stamped,
                    r.refunded,
                ))
            },
        )?;
        Ok(())
    }

    /// Points events and their allocations, vouchers, redemptions and refunds.
    fn write_points(&self, w: &mut Writer<'_, '_>) -> Result<()> {
        w.rows(
            "INSERT INTO points_events
             (customer_id, at, kind, points, idempotency_key, visit_id, expires_at, remaining, reason, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &self.events,
            |s, r| {
                s.execute((
                    r.customer,
                    r.at,
                    r.kind.as_str(),
                    r.points,
                    r.key.text(),
                    r.visit,
                    r.expires_at,
                    r.remaining,
                    r.reason.as_deref(),
                    r.actor.as_deref(),
                ))
            },
        )?;
        let mut stmt = w.c.prepare(
            "INSERT INTO points_allocations (spend_id, lot_id, points) VALUES (?1, ?2, ?3)",
        )?;
        for (spend, lot, points) in &self.allocations {
            stmt.execute((spend, lot, points))?;
            w.tick();
        }
        w.rows(
            "INSERT INTO vouchers (customer_id, reward_id, issued_at, visit_id, used_at, voided_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &self.vouchers,
            |s, r| {
                s.execute((
                    r.customer,
                    &*r.reward,
                    r.issued_at,
                    r.visit,
                    r.used_at,
                    r.voided_at,
                ))
            },
        )?;
        w.rows(
            "INSERT INTO redemptions (customer_id, at, reward_id, reward_name, points, voucher_id, event_id, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &self.redemptions,
            |s, r| {
                s.execute((
                    r.customer,
                    r.at,
                    &*r.reward,
                    &*r.reward_name,
                    r.points,
                    r.voucher,
                    r.event,
                    r.actor.as_deref(),
                ))
            },
        )?;
        w.rows(
            "INSERT INTO refunds (visit_id, at, amount, points_due, points_reversed, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &self.refunds,
            |s, r| {
                s.execute((
                    r.visit,
                    r.at,
                    r.amount,
                    r.due,
                    r.reversed,
                    r.actor.as_deref(),
                ))
            },
        )?;
        Ok(())
    }
}

/// An index or trigger set aside: its name and the SQL that makes it.
type Saved = (String, String);

/// Sets aside the secondary indexes and the aggregate and page triggers of the tables a bulk
/// load fills, returning each with its SQL to make it again.
fn set_aside(c: &rusqlite::Connection) -> Result<(Vec<Saved>, Vec<Saved>)> {
    // Secondary indexes are dropped and built again after the rows: one sort each instead
    // of millions of scattered inserts.
    let list = TABLES
        .iter()
        .copied()
        .chain(crate::store::figures::folds::TABLES.iter().map(|t| t.name))
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let indexes: Vec<Saved> = c
        .prepare(&format!(
            "SELECT name, sql FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list})"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        c.execute(&format!("DROP INDEX {name}"), [])?;
    }
    // So are the support figures' triggers on these tables (a visit may bring a member
    // back after a ticket) and the pages' change counters: the shop is empty, so there is
    // nothing for them to count, the figures are made afresh from their views after the
    // rows, and a page no one has served has no counter to move.
    let triggers: Vec<Saved> = c
            .prepare(&format!(
                "SELECT name, sql FROM sqlite_master
                 WHERE type = 'trigger' AND (name LIKE 'agg\\_%' ESCAPE '\\' OR name LIKE 'page\\_%' ESCAPE '\\')
                   AND tbl_name IN ({list})"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        c.execute(&format!("DROP TRIGGER {name}"), [])?;
    }
    Ok((indexes, triggers))
}

/// Makes the indexes and triggers set aside again, and the support figures' tables afresh.
fn put_back(
    c: &rusqlite::Connection,
    progress: &mut Progress<'_>,
    indexes: &[Saved],
    triggers: &[Saved],
) -> Result<()> {
    for (i, (_, sql)) in indexes.iter().enumerate() {
        progress("indexing", i as u64, indexes.len() as u64);
        c.execute(sql, [])?;
    }
    for (_, sql) in triggers {
        c.execute(sql, [])?;
    }
    for table in ["agg_ticket_back", "agg_rating_days"] {
        c.execute(&format!("DELETE FROM {table}"), [])?;
        c.execute(
            &format!("INSERT INTO {table} SELECT * FROM {table}_fresh"),
            [],
        )?;
    }
    c.execute("INSERT INTO agg_member_log (customer_id) VALUES (NULL)", [])?;
    Ok(())
}

impl Bulk {
    /// The aggregates of the rows, folded by their one definition (`figures::folds`) as
    /// `stats --rebuild` folds the tables' rows, and written in each table's key order.
    fn write_aggregates(&self, w: &mut Writer<'_, '_>) -> Result<()> {
        use crate::store::figures::folds::{self, Accumulator};
        let mut acc: Vec<Accumulator> = folds::TABLES.iter().map(|_| Default::default()).collect();
        let place = |table: &folds::Table| {
            folds::TABLES
                .iter()
                .position(|t| t.name == table.name)
                .expect("a table of the definition")
        };
        let mut fold = |part: folds::Part| acc[place(part.table)].add_parts(std::iter::once(part));
        for v in &self.visits.rows {
            let visit = folds::Visit {
                at: v.at,
                amount: v.amount,
                customer: v.customer,
                refunded: v.refunded,
            };
            visit.parts().for_each(&mut fold);
        }
        for e in &self.events.rows {
            let points = folds::Points {
                at: e.at,
                kind: e.kind,
                points: e.points,
            };
            points.parts().for_each(&mut fold);
        }
        for (table, rows) in folds::TABLES.into_iter().zip(acc) {
            rows.write(w.c, table)?;
        }
        Ok(())
    }
}

/// Told how a bulk write is going: (stage, done, out of).
pub type Progress<'a> = dyn FnMut(&str, u64, u64) + 'a;

/// Writes rows with a progress count.
struct Writer<'c, 'p> {
    c: &'c rusqlite::Connection,
    done: u64,
    of: u64,
    progress: &'p mut Progress<'p>,
}

impl Writer<'_, '_> {
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(65_536) {
            (self.progress)("writing", self.done, self.of);
        }
    }

    /// Inserts `rows` in order with `insert`, checking SQLite numbered them as the load did.
    fn rows<T>(
        &mut self,
        sql: &str,
        rows: &Rows<T>,
        insert: impl Fn(&mut rusqlite::Statement<'_>, &T) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        let mut stmt = self.c.prepare(sql)?;
        for r in &rows.rows {
            insert(&mut stmt, r)?;
            self.tick();
        }
        if !rows.rows.is_empty() && self.c.last_insert_rowid() != rows.next_id() - 1 {
            return Err(StoreError::Damaged(format!(
                "bulk load: rows were numbered out of step at `{sql}`"
            )));
        }
        Ok(())
    }
}
