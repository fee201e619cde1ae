//! Customers brought from another system: a file's rows (read and checked by
//! `domain::import`) matched to the customers here, then enrolled or credited in one
//! transaction. Balances become opening balances in the ledger and stamps opening stamps, each
//! keyed by the row's fingerprint; the file is a batch keyed by its digest.

use crate::domain::code::CustomerCode;
use crate::domain::import::{BadRow, ImportRow, Parsed, RowFault};
use crate::domain::ledger::EventKind;
use crate::store::loyalty::ledger::Credit;
use crate::store::loyalty::stamps::OpeningStamps;
use crate::store::{ConsentSource, NewConsent, Result, Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// What an import does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    /// A new customer.
    New,
    /// A customer already here (by card, phone or email): only the balance and stamps are
    /// added.
    Matched,
}

/// A good row, as the import will take it.
#[derive(Debug, Clone, Serialize)]
pub struct PlannedRow {
    pub line: u64,
    pub action: RowAction,
    /// The card of the customer matched (a new one's is drawn on import, unless the file
    /// gives one).
    pub code: Option<String>,
    pub name: String,
    /// Points and stamps this import adds (0 when this row's were credited before).
    pub points: i64,
    pub stamps: i64,
    /// The row's balance or stamps came in an earlier file already.
    pub credited_before: bool,
}

/// An import that was done.
#[derive(Debug, Clone, Serialize)]
pub struct BatchView {
    pub id: i64,
    pub file_name: String,
    pub format: String,
    pub actor: String,
    pub at: i64,
    pub created: i64,
    pub matched: i64,
    pub skipped: i64,
    pub points: i64,
    pub stamps: i64,
}

/// What importing a file would do, or did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPlan {
    pub rows: Vec<PlannedRow>,
    /// The file's bad rows and those the store found (two customers, a card taken).
    pub bad: Vec<BadRow>,
    /// This very file was imported before (then nothing is done again).
    pub already: Option<BatchView>,
}

/// Who imports, and how.
pub struct ImportBatch<'a> {
    pub file_name: &'a str,
    pub actor: &'a str,
    /// Import the good rows of a file that has bad ones.
    pub skip_bad: bool,
}

/// What an import did.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub batch: BatchView,
    /// The file had been imported before: nothing changed.
    pub already: bool,
    pub bad: Vec<BadRow>,
}

impl super::Room<'_, '_> {
    /// What importing `file` would do: reads only.
    pub fn plan_import(&self, file: &Parsed) -> Result<ImportPlan> {
        let mut plan = ImportPlan {
            rows: Vec::with_capacity(file.rows.len()),
            bad: file.bad.clone(),
            already: self.batch_by_digest(&file.digest)?,
        };
        for row in &file.rows {
            match self.plan_row(row)? {
                Ok(p) => plan.rows.push(p),
                Err(faults) => plan.bad.push(BadRow {
                    line: row.line,
                    faults,
                }),
            }
        }
        plan.bad.sort_by_key(|b| b.line);
        Ok(plan)
    }

    fn plan_row(&self, row: &ImportRow) -> Result<std::result::Result<PlannedRow, Vec<RowFault>>> {
        let mut found: Vec<(i64, String)> = Vec::new();
        let mut card_free = false;
        if let Some(card) = &row.card {
            let hit: Option<(i64, Option<i64>)> = self
                .tx
                .prepare_cached(
                    "SELECT COALESCE(c.merged_into, c.id), k.erased_at FROM customers c
                     JOIN customers k ON k.id = COALESCE(c.merged_into, c.id) WHERE c.code = ?1",
                )?
                .query_row([card], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match hit {
                Some((_, Some(_))) => {
                    return Ok(Err(vec![RowFault::CardTaken {
                        text: display(card),
                    }]));
                }
                Some((id, None)) => found.push((id, display_of(self, id)?)),
                None => card_free = true,
            }
        }
        for (column, value) in [("phone", &row.phone), ("email", &row.email)] {
            let Some(value) = value else { continue };
            let id: Option<i64> = self
                .tx
                .prepare_cached(&format!("SELECT id FROM customers WHERE {column} = ?1"))?
                .query_row([value], |r| r.get(0))
                .optional()?;
            if let Some(id) = id
                && !found.iter().any(|f| f.0 == id)
            {
                found.push((id, display_of(self, id)?));
            }
        }
        if found.len() > 1 {
            return Ok(Err(vec![RowFault::TwoCustomers {
                first: found[0].1.clone(),
                second: found[1].1.clone(),
            }]));
        }
        let key = opening_key(&row.key);
        let credited_before = self
            .optional::<i64>(
                "SELECT 1 FROM points_events WHERE idempotency_key = ?1
                 UNION ALL SELECT 1 FROM opening_stamps WHERE key = ?1",
                [&key],
            )?
            .is_some();
        let (points, stamps) = if credited_before {
            (0, 0)
        } else {
            (row.points, row.stamps)
        };
        Ok(Ok(match found.pop() {
            Some((id, code)) => PlannedRow {
                line: row.line,
                action: RowAction::Matched,
                code: Some(code),
                name: self.customer_by_id(id)?.name.unwrap_or_default(),
                points,
                stamps,
                credited_before,
            },
            None => {
                let Some(name) = row.name.clone() else {
                    return Ok(Err(vec![RowFault::NoName]));
                };
                PlannedRow {
                    line: row.line,
                    action: RowAction::New,
                    code: row.card.as_deref().filter(|_| card_free).map(display),
                    name,
                    points,
                    stamps,
                    credited_before,
                }
            }
        }))
    }

    /// Imports `file`: enrols the new customers, credits opening balances and stamps. Nothing
    /// is written if any row is bad, unless `batch.skip_bad`; the same file twice is imported
    /// once.
    pub fn import_customers(
        &self,
        file: &Parsed,
        batch: &ImportBatch<'_>,
        now: i64,
        random: &mut dyn FnMut() -> u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Imported> {
        let plan = self.plan_import(file)?;
        if let Some(done) = plan.already {
            return Ok(Imported {
                batch: done,
                already: true,
                bad: Vec::new(),
            });
        }
        if !plan.bad.is_empty() && !batch.skip_bad {
            return Err(StoreError::BadRows(plan.bad.len()));
        }
        self.tx.execute(
            "INSERT INTO import_batches (digest, file_name, format, actor, at, skipped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                &file.digest,
                batch.file_name,
                file.format.as_str(),
                batch.actor,
                now,
                plan.bad.len() as i64,
            ),
        )?;
        let batch_id = self.tx.last_insert_rowid();
        let rows: std::collections::HashMap<u64, &ImportRow> =
            file.rows.iter().map(|r| (r.line, r)).collect();
        let of = plan.rows.len() as u64;
        for (done, p) in plan.rows.iter().enumerate() {
            let row = rows[&p.line];
            let id = match p.action {
                RowAction::Matched => {
                    let code = p.code.as_deref().expect("a match has a card");
                    self.customer(code)?.0.id
                }
                RowAction::New => self.enrol_imported(row, batch.actor, now, random)?,
            };
            self.credit_opening(id, row, p, batch, batch_id, now)?;
            if done % 1024 == 0 {
                progress(done as u64, of);
            }
        }
        progress(of, of);
        let count = |a: RowAction| plan.rows.iter().filter(|p| p.action == a).count() as i64;
        self.tx.execute(
            "UPDATE import_batches SET created = ?2, matched = ?3, points = ?4, stamps = ?5
             WHERE id = ?1",
            (
                batch_id,
                count(RowAction::New),
                count(RowAction::Matched),
                plan.rows.iter().map(|p| p.points).sum::<i64>(),
                plan.rows.iter().map(|p| p.stamps).sum::<i64>(),
            ),
        )?;
        Ok(Imported {
            batch: self
                .batch_by_digest(&file.digest)?
                .expect("the batch was just written"),
            already: false,
            bad: plan.bad,
        })
    }

    /// A new customer from a row: their card (the file's, or a new one), language, birthday
    /// and the consents the file says they gave.
    fn enrol_imported(
        &self,
        row: &ImportRow,
        actor: &str,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<i64> {
        let name = row
            .name
            .as_deref()
            .expect("a new customer's row has a name");
        // One row with everything (each later update of a customer marks their pages changed).
        let brought = super::customers::Brought {
            card: row.card.as_deref(),
            language: row.language.as_deref(),
            birthday: row.birthday.as_deref(),
        };
        let id = self.insert_customer_with(
            name,
            row.phone.as_deref(),
            row.email.as_deref(),
            now,
            random,
            &brought,
        )?;
        for c in &row.consents {
            self.messages().record_consent(
                id,
                &NewConsent {
                    channel: c.channel,
                    given: true,
                    source: ConsentSource::Import,
                    wording: &c.how,
                    language: None,
                    actor: Some(actor),
                    at: c.at,
                },
            )?;
        }
        Ok(id)
    }

    /// The row's opening balance and stamps, once.
    fn credit_opening(
        &self,
        customer_id: i64,
        row: &ImportRow,
        p: &PlannedRow,
        batch: &ImportBatch<'_>,
        batch_id: i64,
        now: i64,
    ) -> Result<()> {
        let key = opening_key(&row.key);
        if p.points > 0 {
            self.loyalty().credit(&Credit {
                customer_id,
                kind: EventKind::Opening,
                points: p.points,
                at: now,
                key: &key,
                visit_id: None,
                reason: Some(batch.file_name),
                actor: Some(batch.actor),
                approved_by: None,
                batch_id: Some(batch_id),
            })?;
        }
        if p.stamps > 0 {
            self.loyalty().add_opening_stamps(&OpeningStamps {
                customer_id,
                at: now,
                stamps: p.stamps,
                source: "import",
                key: &key,
                batch_id: Some(batch_id),
                actor: Some(batch.actor),
                ..OpeningStamps::default()
            })?;
        }
        Ok(())
    }

    fn batch_by_digest(&self, digest: &str) -> Result<Option<BatchView>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT id, file_name, format, actor, at, created, matched, skipped, points,
                        stamps
                 FROM import_batches WHERE digest = ?1",
            )?
            .query_row([digest], |r| {
                Ok(BatchView {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    format: r.get(2)?,
                    actor: r.get(3)?,
                    at: r.get(4)?,
                    created: r.get(5)?,
                    matched: r.get(6)?,
                    skipped: r.get(7)?,
                    points: r.get(8)?,
                    stamps: r.get(9)?,
                })
            })
            .optional()?)
    }
}

impl Store {
    /// Imports a customer file (see [`super::import`]) in one transaction, with the larger page
    /// cache of a bulk load so a large file's pages are written once, at the commit.
    pub fn import_customers(
        &mut self,
        file: &crate::domain::import::Parsed,
        batch: &ImportBatch<'_>,
        now: i64,
        random: &mut dyn FnMut() -> u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Imported> {
        self.conn
            .pragma_update(None, "cache_size", -crate::store::BULK_CACHE_KIB)?;
        let done = self.write(|tx| {
            tx.people()
                .import_customers(file, batch, now, random, progress)
        });
        self.conn
            .pragma_update(None, "cache_size", -crate::store::CACHE_KIB)?;
        done
    }
}

fn opening_key(row_key: &str) -> String {
    format!("opening:{row_key}")
}

fn display(stored: &str) -> String {
    CustomerCode::from_stored(stored.to_string()).to_string()
}

fn display_of(room: &super::Room<'_, '_>, id: i64) -> Result<String> {
    Ok(room.customer_by_id(id)?.display_code())
}
