//! The only place that touches SQLite.
//!
//! One opener ([`Store::open`]) sets WAL, `synchronous=FULL`, foreign keys and a busy timeout, and
//! runs the append-only migrations tracked in `user_version`; a database from a newer Regulars is
//! refused untouched. Every write that matters runs in one `BEGIN IMMEDIATE` transaction
//! ([`Store::write`]), so two tills redeeming at once are serialised and a crash leaves either the
//! whole sale or none of it.
//!
//! The opener, [`Tx`], errors, backup and migrations live here; the operations live in a
//! folder per concern, each saying which tables it owns: `people/` (customers, merge),
//! `counter/` (sales, print jobs, receipt tokens, staff), `loyalty/` (ledger, referrals, stamps,
//! tiers, occasions), `support/` (tickets, answers, timeline, the receipt page and its stamps),
//! `messages/` (outbox, causes, consents), `chain/` (sync, applying other tills' events,
//! reversals) and `figures/` (aggregates, dashboard, stats, support figures, overdue, insights);
//! `bulk.rs` loads a demo history.
//!
//! Each room is reached through its own handle on the transaction (`tx.loyalty().redeem(…)`,
//! `tx.support().open_ticket(…)`), so every call says which room it goes to, and a room's own
//! helpers are visible only inside its folder (`pub(super)`); those shared between rooms are
//! `pub(in crate::store)`.

/// A room's handle on a transaction (`tx.people()`…): its operations are methods of `Room`,
/// which reaches the transaction itself through `Deref`.
macro_rules! room {
    ($name:ident) => {
        /// This room's operations on a transaction.
        pub struct Room<'a, 't>(&'a super::Tx<'t>);

        impl<'t> std::ops::Deref for Room<'_, 't> {
            type Target = super::Tx<'t>;
            fn deref(&self) -> &super::Tx<'t> {
                self.0
            }
        }

        impl<'t> super::Tx<'t> {
            /// This room's operations in this transaction.
            pub fn $name(&self) -> Room<'_, 't> {
                Room(self)
            }
        }
    };
}
use room;

mod backup;
mod bulk;
mod chain;
mod checks;
mod commits;
mod counter;
mod error;
mod figures;
mod functions;
mod loyalty;
mod messages;
mod people;
mod support;

pub use backup::{BackupError, Counts, Inspection, inspect};
pub use bulk::{Bulk, BulkEnrolled, BulkSale};
pub use chain::copy::{Adopted, Origin, adopt_copy, copy_origin};
pub use chain::reversals::Reversal;
pub use chain::sync::{Answer, Applied, Joined, OutboxEvent, RemoteEvent, SyncState};
pub use checks::view::ChecksView;
pub use checks::{AlertView, Raise};
pub use commits::{Watch, commits};
pub use counter::print_jobs::{JobKind, JobStatus, PrintJob};
pub use counter::refunds::RefundOutcome;
pub use counter::sales::{NewSale, SaleOutcome, VisitView};
pub use counter::staff::Staff;
pub use error::{AdjustmentPart, OwnerTask, Result, StoreError};
pub use figures::aggregates::{Rebuilt, aggregate_differences};
pub use figures::dashboard::{
    BUCKETS, Cohort, Figures, Funnel, REFERRAL_MOMENT_DAYS, TopCustomer, Week, month_of,
};
pub use figures::insights::{FitInfo, MIN_REPEAT_MEMBERS, Refit, Slipping};
pub use figures::members::MemberIndex;
pub use figures::stats::Stats;
pub use figures::support_figures::{
    BACK_DAYS, CameBack, FEW, Rated as RatedGroup, Share, StaffRatings, SupportFigures,
    WAIT_BUCKETS, Wait, Waits, wait_bucket,
};
pub use functions::register_functions;
pub use loyalty::ledger::{Adjusted, PaidWith, Redeemed};
pub use loyalty::occasions::Given;
pub use loyalty::referrals::ReferralView;
pub use loyalty::stamps::PaperStamped;
pub use loyalty::tiers::TierView;
pub use messages::chats::{ChatLink, ChatMessage, Heard, NewChatLink, UnknownChatMessage};
pub use messages::consents::{Consent, ConsentSource, MessageChoices, NewConsent};
pub use messages::outbox::{CLAIM_SECONDS, Claim, Outgoing, Why, WhyOwned};
pub use messages::outbox_view::{MessageView, OutboxCounts};
pub use people::customers::{
    ConsentShown, CustomerView, Enrolled, JUST_REDEEMED_SECONDS, NewCustomer, NewCustomerField,
    Progress,
};
pub use people::import::{BatchView, ImportBatch, ImportPlan, Imported, PlannedRow, RowAction};
pub use people::merge::{Duplicate, Merged, Shared};
pub use people::roster::{GivenConsent, RosterRow};
pub use support::answers::{CommonProblem, KeptAnswer, Resolution};
pub use support::page_stamps::PageStamp;
pub use support::tickets::{NewTicket, TicketEvent, TicketFilter, TicketView};
pub use support::timeline::{Happened, TimelineEntry};
pub use support::visit_page::{ClaimClosed, Claimed, Member, Rated, RatingView, VisitPage};

use crate::domain::{money::Currency, program::Program};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Schema migrations, in order; entry `i` upgrades version `i` to `i + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_print_jobs.sql"),
    include_str!("migrations/0003_staff.sql"),
    include_str!("migrations/0004_support.sql"),
    include_str!("migrations/0005_aggregates.sql"),
    include_str!("migrations/0006_figures_log.sql"),
    include_str!("migrations/0007_customer_language.sql"),
    include_str!("migrations/0008_chain.sql"),
    include_str!("migrations/0009_chain_identity.sql"),
    include_str!("migrations/0010_chain_stamps.sql"),
    include_str!("migrations/0011_insights.sql"),
    include_str!("migrations/0012_tiers.sql"),
    include_str!("migrations/0013_occasions.sql"),
    include_str!("migrations/0014_messages.sql"),
    include_str!("migrations/0015_reply_targets.sql"),
    include_str!("migrations/0016_support_figures.sql"),
    include_str!("migrations/0017_answers.sql"),
    include_str!("migrations/0018_page_revs.sql"),
    include_str!("migrations/0019_approved_by.sql"),
    include_str!("migrations/0020_overdue_rule.sql"),
    include_str!("migrations/0021_receipt_codes.sql"),
    include_str!("migrations/0022_chain_shops.sql"),
    include_str!("migrations/0023_copied_from.sql"),
    include_str!("migrations/0024_chats.sql"),
    include_str!("migrations/0025_switching.sql"),
    include_str!("migrations/0026_checks.sql"),
];

/// Checks a migration widens before its SQL runs: (the version it upgrades from, table, the
/// check as written, the check it becomes). SQLite cannot alter a check; a widened one accepts
/// every row the old one did, so the table's stored definition is rewritten in place (the
/// procedure SQLite documents for changes that leave the stored rows as they are) instead of
/// copying tables that many triggers and views name.
const WIDENED: &[(usize, &str, &str, &str)] = &[
    (
        23,
        "consents",
        "channel IN ('email', 'sms')",
        "channel IN ('email', 'sms', 'whatsapp', 'viber', 'telegram', 'messenger')",
    ),
    (
        23,
        "consents",
        "'unsubscribe', 'sms_stop')",
        "'unsubscribe', 'sms_stop', 'chat')",
    ),
    (
        23,
        "messages",
        "channel IN ('email', 'sms')",
        "channel IN ('email', 'sms', 'whatsapp', 'viber', 'telegram', 'messenger')",
    ),
    (
        23,
        "tickets",
        "contact_via IN ('phone', 'email', 'sms', 'in_store')",
        "contact_via IN ('phone', 'email', 'sms', 'in_store', 'whatsapp', 'viber', 'telegram', \
         'messenger')",
    ),
    (
        23,
        "tickets",
        "channel IN ('portal', 'rating', 'counter', 'phone', 'email')",
        "channel IN ('portal', 'rating', 'counter', 'phone', 'email', 'chat')",
    ),
    // A ticket waiting on the customer is open again when they answer (the step's words were
    // there; the check never took it).
    (
        23,
        "ticket_events",
        "'resolved', 'confirmed', 'reopened')",
        "'resolved', 'confirmed', 'reopened', 'open')",
    ),
    // Opening balances brought from another system.
    (
        24,
        "points_events",
        "'adjust', 'expire')",
        "'adjust', 'expire', 'opening')",
    ),
];

/// Rewrites the checks [`WIDENED`] lists for the upgrade from `version`, in `tx`.
fn widen_checks(tx: &Transaction<'_>, version: usize) -> Result<()> {
    let rewrites: Vec<_> = WIDENED.iter().filter(|w| w.0 == version).collect();
    if rewrites.is_empty() {
        return Ok(());
    }
    let schema: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    for (_, table, old, new) in rewrites {
        let n = tx.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3)
             WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
            (table, old, new),
        )?;
        if n != 1 {
            return Err(StoreError::Damaged(format!(
                "table {table} does not have the check \"{old}\" this upgrade widens"
            )));
        }
    }
    tx.pragma_update(None, "schema_version", schema + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    let ok: String = tx.pragma_query_value(None, "quick_check", |r| r.get(0))?;
    if ok != "ok" {
        return Err(StoreError::Damaged(format!("after widening checks: {ok}")));
    }
    Ok(())
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database at `path`, open as `conn`, to this build's schema; a newer one is
/// refused.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        widen_checks(&tx, version)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// How long a write waits for another writer (a second till, a backup) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Page cache per connection, in KiB: enough for a million customers' hot index pages.
pub(crate) const CACHE_KIB: i64 = 64 * 1024;

/// WAL pages between automatic checkpoints. A sale touches the same hot pages (the newest
/// index leaves, the customer's row) as the sales before it; checkpointing less often copies
/// each such page to the main file once instead of once per hundred sales.
const WAL_CHECKPOINT_PAGES: i32 = 10_000;

/// Page cache while bulk loading a demo history, in KiB.
pub(crate) const BULK_CACHE_KIB: i64 = 1024 * 1024;

/// Facts about the shop that the store's rules need.
#[derive(Debug, Clone)]
pub struct ShopRules {
    pub currency: Currency,
    /// Calling code for numbers typed in national form, e.g. "+353".
    pub country_code: Option<String>,
    /// How soon tickets should be answered and resolved.
    pub targets: crate::domain::support::Targets,
    /// The checks on what does not add up (`[alerts]`).
    pub checks: crate::domain::checks::Checks,
}

/// A program version as stored.
#[derive(Debug, Clone)]
struct ProgramVersion {
    id: i64,
    effective_from: i64,
    program: Program,
}

/// An open Regulars database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    rules: ShopRules,
    programs: Vec<ProgramVersion>,
    /// The owner figures' member index, kept between calls and brought up to date by each.
    member_index: Option<figures::members::MemberIndex>,
}

/// A write transaction in progress; dropped without [`Store::write`] returning `Ok`, it rolls back.
pub struct Tx<'s> {
    tx: Transaction<'s>,
    rules: &'s ShopRules,
    programs: &'s [ProgramVersion],
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path, rules: ShopRules) -> Result<Store> {
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let with_path = |e: rusqlite::Error| match StoreError::from(e) {
            StoreError::NotADatabase { .. } => StoreError::NotADatabase {
                path: path.to_path_buf(),
            },
            other => other,
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(with_path)?;
        // Every operation's statements stay prepared (the default keeps only 16).
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // And stay prepared: without the planner's stability guarantee SQLite prepares a
        // statement again whenever a value it looked at while planning changes, and the
        // cache clears the values each time a statement comes back to it, so nearly every
        // use of a cached statement was a fresh preparation (a third of a receipt page's
        // time). Plans here never depend on the values bound.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(with_path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(with_path)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(with_path)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(with_path)?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(with_path)?;
        // A statement's undo copy (its journal, kept until it finishes, in case it fails
        // half-way) in memory, not written to a temporary file: it was half the time of
        // applying a chain's history at a new page server. Durability is the WAL's, unchanged.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(with_path)?;
        commits::count_commits(&mut conn, WAL_CHECKPOINT_PAGES).map_err(with_path)?;
        register_functions(&conn).map_err(with_path)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            rules,
            programs: Vec::new(),
            member_index: None,
        };
        store.migrate().map_err(|e| match e {
            StoreError::NotADatabase { .. } => StoreError::NotADatabase {
                path: path.to_path_buf(),
            },
            other => other,
        })?;
        store.keep_targets()?;
        store.load_programs()?;
        store.renormalize_phones()?;
        Ok(store)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<()> {
        migrate(&mut self.conn, &self.path)
    }

    fn load_programs(&mut self) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT id, effective_from, rules FROM programs ORDER BY effective_from, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut programs = Vec::new();
        for row in rows {
            let (id, effective_from, json) = row?;
            let program: Program = serde_json::from_str(&json).map_err(|e| {
                StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                ))
            })?;
            programs.push(ProgramVersion {
                id,
                effective_from,
                program,
            });
        }
        drop(stmt);
        self.programs = programs;
        Ok(())
    }

    /// Makes `program` the one in force from `now`, unless it already is. Returns its id.
    /// Earlier sales keep the program they were rewarded under.
    pub fn ensure_program(&mut self, program: &Program, now: i64) -> Result<i64> {
        if let Some(current) = self.programs.last()
            && current.program == *program
        {
            return Ok(current.id);
        }
        let json = serde_json::to_string(program).expect("a program always serialises");
        let from = self
            .programs
            .last()
            .map_or(now, |p| now.max(p.effective_from));
        self.conn.execute(
            "INSERT INTO programs (effective_from, rules) VALUES (?1, ?2)",
            (from, json),
        )?;
        let id = self.conn.last_insert_rowid();
        self.programs.push(ProgramVersion {
            id,
            effective_from: from,
            program: program.clone(),
        });
        Ok(id)
    }

    /// The program in force now (the latest one).
    pub fn current_program(&self) -> Option<&Program> {
        self.programs.last().map(|p| &p.program)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The shop's rules this store was opened with.
    pub fn rules(&self) -> &ShopRules {
        &self.rules
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: committed if it returns `Ok`, rolled back
    /// otherwise. Everything `f` writes lands together or not at all.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let t = self.begin(TransactionBehavior::Immediate)?;
        let value = f(&t)?;
        t.tx.commit()?;
        Ok(value)
    }

    /// Runs read-only `f` against a consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        f(&self.begin(TransactionBehavior::Deferred)?)
    }

    fn begin(&mut self, behavior: TransactionBehavior) -> Result<Tx<'_>> {
        Ok(Tx {
            tx: self.conn.transaction_with_behavior(behavior)?,
            rules: &self.rules,
            programs: &self.programs,
        })
    }

    /// Switches this connection to bulk loading for `regulars demo`: no fsync per commit and a
    /// large page cache. Only for generating a throwaway history (a crash means running the
    /// demo again); the counter, the CLI and the portal keep `synchronous=FULL`.
    pub fn bulk_load_mode(&self) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        Ok(())
    }

    /// Switches this connection to taking a long history from the chain's central store (a
    /// new page server, a shop joining a big chain), or back: commits that do not wait for the
    /// disk, and a larger page cache. A crash (or power cut) can lose only the last batches
    /// taken, and the cursor saying they were is lost with them, so the next sync takes them
    /// again; writes made on other connections (a sale, a rating) keep waiting for the disk.
    pub fn catch_up_mode(&self, on: bool) -> Result<()> {
        let (synchronous, cache) = if on {
            ("NORMAL", BULK_CACHE_KIB / 2)
        } else {
            ("FULL", CACHE_KIB)
        };
        self.conn.pragma_update(None, "synchronous", synchronous)?;
        self.conn.pragma_update(None, "cache_size", -cache)?;
        Ok(())
    }

    /// How long a write waits for another writer before failing with [`StoreError::Busy`].
    /// Plug-in mode sets it short: a till's receipt must never wait on the database.
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// The raw connection, for tests and benchmarks that check invariants directly.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The program (and its id) in force at `at` among `programs`; a time before the first uses
/// the first.
fn program_in_force(programs: &[ProgramVersion], at: i64) -> (i64, &Program) {
    let p = programs
        .iter()
        .rev()
        .find(|p| p.effective_from <= at)
        .or_else(|| programs.first())
        .expect("a program is registered when the store is set up (Store::ensure_program)");
    (p.id, &p.program)
}

impl Tx<'_> {
    /// The program in force at `at`; a time before the first program uses the first.
    fn program_at(&self, at: i64) -> (i64, &Program) {
        program_in_force(self.programs, at)
    }

    /// The program in force now, by the same rule.
    fn program_now(&self) -> &Program {
        &self
            .programs
            .last()
            .expect("a program is registered when the store is set up (Store::ensure_program)")
            .program
    }

    fn currency(&self) -> Currency {
        self.rules.currency
    }

    /// Runs a single-value query that may find nothing.
    fn optional<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Option<T>> {
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row(params, |r| r.get(0))
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_statements_are_not_prepared_again_for_new_values() {
        let dir = tempfile::tempdir().unwrap();
        let rules = ShopRules {
            currency: Currency::from_code("EUR").unwrap(),
            country_code: None,
            targets: Default::default(),
            checks: Default::default(),
        };
        let mut s = Store::open(&dir.path().join("regulars.db"), rules).unwrap();
        s.ensure_program(&Program::default(), 0).unwrap();
        for id in [5, 6, 7, 1_000] {
            s.read(|tx| tx.counter().visit(id)).unwrap();
            s.read(|tx| tx.support().tickets_where("t.visit_id = ?1", id, 50))
                .unwrap();
        }
        let stmt = s
            .conn
            .prepare_cached(
                "SELECT v.id, v.at, v.amount, v.refunded, v.receipt_no, c.code, v.points_earned
                 FROM visits v LEFT JOIN customers c ON c.id = v.customer_id WHERE v.id = ?1",
            )
            .unwrap();
        assert_eq!(
            stmt.get_status(rusqlite::StatementStatus::RePrepare),
            0,
            "the visit's statement was prepared again"
        );
    }
}
