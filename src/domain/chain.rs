//! The chain's events as tills and the central store exchange them (see DESIGN.md, "Many
//! tills and shops"): plain values, no I/O.

use serde::Serialize;

/// One event waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEvent {
    /// Its place in this till's outbox (not sent: the central store orders by its own).
    pub seq: i64,
    pub key: String,
    pub kind: String,
    pub at: i64,
    pub payload: String,
}

/// One event another till wrote, as the central store hands it out.
#[derive(Debug, Clone)]
pub struct RemoteEvent {
    /// The central store's sequence number: the cursor.
    pub seq: i64,
    pub key: String,
    pub till_id: String,
    pub kind: String,
    pub payload: String,
    /// The shop of the till that wrote it.
    pub shop_id: String,
}

/// What the central store answered for one pushed event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Stored now.
    Stored,
    /// Stored before with the same content (a replay): nothing changed.
    Duplicate,
    /// The key is taken by other content: refused, never merged.
    Rejected,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Stored => "stored",
            Answer::Duplicate => "duplicate",
            Answer::Rejected => "rejected",
        }
    }
}
