//! One sync with the central store: push this till's outbox in batches, then pull and apply
//! what other tills wrote, then report this till's standing. Used by `regulars sync`, and by
//! the background worker of the window and `serve`.
//!
//! Every step can fail without loss: an event leaves the outbox only once the central store
//! has answered for it, and a pulled batch is applied together with the cursor it reaches, so
//! a crash or a dead network at any point just means the next sync does the rest.

use crate::central::{Central, CentralError, TillReport};
use crate::config::CentralConfig;
use crate::store::{Store, StoreError};
use serde::Serialize;

/// Events per push or pull.
pub const BATCH: usize = 500;

/// What one sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Synced {
    pub sent: i64,
    pub duplicates: i64,
    pub rejected: i64,
    pub received: i64,
    pub problems: i64,
    /// Events still waiting here (0 after a sync that reached the end).
    pub to_send: i64,
    pub cursor: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Central(#[from] CentralError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this till has no [central] section in config.toml: set url, shop_id and till_id")]
    NotConfigured,
}

/// Joins the chain if this till has not yet, then syncs once. Records the contact (or the
/// failure, for "offline since") in the till's database either way.
pub fn sync_once(store: &mut Store, config: &CentralConfig, now: i64) -> Result<Synced, SyncError> {
    store.write(|t| t.join_chain(&config.till_id, &config.shop_id))?;
    let result = exchange(store, config, now);
    let error = result.as_ref().err().map(|e| e.to_string());
    store.write(|t| t.note_contact(now, error.as_deref()))?;
    result
}

fn exchange(store: &mut Store, config: &CentralConfig, now: i64) -> Result<Synced, SyncError> {
    let mut central = Central::connect(&config.url)?;
    central.check(&config.url)?;
    let mut done = Synced::default();
    loop {
        let batch = store.read(|t| t.outbox(BATCH))?;
        if batch.is_empty() {
            break;
        }
        let answers = central.push(&config.shop_id, &config.till_id, &batch)?;
        for (_, a) in &answers {
            match a {
                crate::store::Answer::Stored => done.sent += 1,
                crate::store::Answer::Duplicate => done.duplicates += 1,
                crate::store::Answer::Rejected => done.rejected += 1,
            }
        }
        store.write(|t| t.mark_sent(&answers, now))?;
    }
    loop {
        let cursor = store.read(|t| Ok(t.sync_state()?.map_or(0, |s| s.cursor)))?;
        let events = central.pull(&config.till_id, cursor, BATCH as i64)?;
        if events.is_empty() {
            done.cursor = cursor;
            break;
        }
        let applied = store.write(|t| t.apply_remote(&events, now))?;
        done.received += applied.applied;
        done.problems += applied.problems;
    }
    let state = store
        .read(|t| t.sync_state())?
        .expect("joined at the start of the sync");
    done.to_send = state.to_send;
    central.report(&TillReport {
        till_id: config.till_id.clone(),
        shop_id: config.shop_id.clone(),
        last_contact: 0,
        cursor: state.cursor,
        to_send: state.to_send,
        oldest_unsent: state.oldest_unsent,
    })?;
    Ok(done)
}
