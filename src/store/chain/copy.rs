//! A page server's database copied to start a new one: checked to be a copy of this chain
//! that this program can read, then given the new server's own identity, so it syncs as
//! itself from where the copy left off.

use crate::store::{Result, SCHEMA_VERSION, StoreError};
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;

/// What a received copy holds, once it is the new server's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    /// The central store's last event in the copy: the new server syncs on from here.
    pub cursor: i64,
    pub customers: i64,
    pub visits: i64,
}

/// Makes the database file at `path` (a copy of another page server of the chain whose
/// secret is `chain_secret`) the database of till `till_id` of shop `shop_id`, as the
/// `instance` that claimed that till id and was given `till_number` by the central store: no
/// contact yet, and an empty outbox: the copy's server sends its own events. Rows it wrote itself stay as written there:
/// when their events come from the central store they are known here by their ids.
pub fn adopt_copy(
    path: &Path,
    chain_secret: &str,
    (till_id, shop_id): (&str, &str),
    (instance, till_number): (&str, i32),
) -> Result<Adopted> {
    let damaged = |e: rusqlite::Error| StoreError::Damaged(e.to_string());
    let mut conn = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    let tx = conn.transaction()?;
    let state: Option<(Option<String>, i64)> = tx
        .query_row(
            "SELECT chain_secret, cursor FROM sync_state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(damaged)?;
    let Some((Some(secret), cursor)) = state else {
        return Err(StoreError::NotInChain);
    };
    if secret != chain_secret {
        return Err(StoreError::Damaged(
            "the copy is of another chain".to_string(),
        ));
    }
    tx.execute(
        "UPDATE sync_state SET till_id = ?1, shop_id = ?2, instance = ?3,
                               till_number = ?4, applying = 0, last_contact = NULL,
                               offline_since = NULL, last_error = NULL, sent_through = 0
         WHERE id = 1",
        (till_id, shop_id, instance, till_number),
    )?;
    tx.execute("DELETE FROM outbox", [])?;
    let count = |table: &str| -> Result<i64> {
        Ok(tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let adopted = Adopted {
        cursor,
        customers: count("customers")?,
        visits: count("visits")?,
    };
    tx.commit()?;
    Ok(adopted)
}
