//! The print queue: jobs stored before they are sent, never silently dropped.

use crate::store::{Result, Store};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// What a print job is (stored as `receipt`, `reprint` or `test`, the names in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobKind {
    /// A sale's receipt.
    Receipt,
    /// A receipt printed again, or a member's card slip.
    Reprint,
    /// The printer's test page.
    Test,
}

impl JobKind {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Receipt => "receipt",
            JobKind::Reprint => "reprint",
            JobKind::Test => "test",
        }
    }
}

impl rusqlite::types::FromSql for JobKind {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match v.as_str()? {
            "receipt" => Ok(JobKind::Receipt),
            "reprint" => Ok(JobKind::Reprint),
            "test" => Ok(JobKind::Test),
            _ => Err(rusqlite::types::FromSqlError::InvalidType),
        }
    }
}

/// Where a print job is (`pending` or `sent`, as stored and in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    /// Waiting for the printer.
    Pending,
    /// Taken by the printer.
    Sent,
}

impl rusqlite::types::FromSql for JobStatus {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match v.as_str()? {
            "pending" => Ok(JobStatus::Pending),
            "sent" => Ok(JobStatus::Sent),
            _ => Err(rusqlite::types::FromSqlError::InvalidType),
        }
    }
}

/// A job waiting to print (or printed).
#[derive(Debug, Clone, Serialize)]
pub struct PrintJob {
    pub id: i64,
    pub visit_id: Option<i64>,
    pub kind: JobKind,
    pub created_at: i64,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub text: String,
    pub status: JobStatus,
    pub attempts: i64,
    pub last_error: Option<String>,
}

const JOB_COLUMNS: &str =
    "id, visit_id, kind, created_at, bytes, text, status, attempts, last_error";

fn job(r: &rusqlite::Row<'_>) -> rusqlite::Result<PrintJob> {
    Ok(PrintJob {
        id: r.get(0)?,
        visit_id: r.get(1)?,
        kind: r.get(2)?,
        created_at: r.get(3)?,
        bytes: r.get(4)?,
        text: r.get(5)?,
        status: r.get(6)?,
        attempts: r.get(7)?,
        last_error: r.get(8)?,
    })
}

impl super::Room<'_, '_> {
    /// Stores a job to print; part of the caller's transaction (the sale's, for a receipt).
    pub fn enqueue_print(
        &self,
        visit_id: Option<i64>,
        kind: JobKind,
        bytes: &[u8],
        text: &str,
        now: i64,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO print_jobs (visit_id, kind, created_at, bytes, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((visit_id, kind.as_str(), now, bytes, text))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Jobs not yet printed, oldest first.
    pub fn pending_prints(&self) -> Result<Vec<PrintJob>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {JOB_COLUMNS} FROM print_jobs WHERE status = 'pending' ORDER BY id"
        ))?;
        Ok(stmt.query_map([], job)?.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest receipt job, for a reprint.
    pub fn last_receipt(&self) -> Result<Option<PrintJob>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {JOB_COLUMNS} FROM print_jobs WHERE kind IN ('receipt', 'reprint') ORDER BY id DESC LIMIT 1"
            ))?
            .query_row([], job)
            .optional()?)
    }

    /// The receipt job of a visit, for a reprint.
    pub fn receipt_of_visit(&self, visit_id: i64) -> Result<Option<PrintJob>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {JOB_COLUMNS} FROM print_jobs WHERE visit_id = ?1 ORDER BY id LIMIT 1"
            ))?
            .query_row([visit_id], job)
            .optional()?)
    }

    pub fn mark_printed(&self, id: i64, now: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE print_jobs SET status = 'sent', sent_at = ?2, attempts = attempts + 1 WHERE id = ?1",
            (id, now),
        )?;
        Ok(())
    }

    pub fn mark_print_failed(&self, id: i64, error: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE print_jobs SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
            (id, error),
        )?;
        Ok(())
    }
}

impl Store {
    /// Jobs not yet printed.
    pub fn pending_prints(&mut self) -> Result<Vec<PrintJob>> {
        self.read(|tx| tx.counter().pending_prints())
    }
}
