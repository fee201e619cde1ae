//! This till's side of a chain: joining it, the outbox the triggers fill (migration 0008), the
//! central store's answers and the till's standing. Applying what other tills wrote is in
//! `apply.rs`. Rows another till wrote keep its name in `origin`; this till never expires their
//! lots (their own till does, and its expiry arrives like any other event), so no lot is
//! expired twice.

use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

pub use crate::domain::chain::{Answer, OutboxEvent, RemoteEvent};

/// A kind of event: the table its rows live in, the column saying when it happened,
/// whether its rows have a global id of their own (a rating is named by its visit's), the view
/// giving its content, and which of the table's rows are events of this kind.
struct Kind {
    name: &'static str,
    table: &'static str,
    at: &'static str,
    own_gid: bool,
    view: &'static str,
    rows: &'static str,
}

const fn kind(name: &'static str, table: &'static str, at: &'static str) -> Kind {
    Kind {
        name,
        table,
        at,
        own_gid: true,
        view: "",
        rows: "1",
    }
}

/// Every kind, in the order a history is queued (each finds what it refers to).
const KINDS: [Kind; 13] = [
    Kind {
        view: "sync_customer",
        ..kind("customer", "customers", "enrolled_at")
    },
    Kind {
        view: "sync_visit",
        ..kind("visit", "visits", "at")
    },
    Kind {
        view: "sync_refund",
        ..kind("refund", "refunds", "at")
    },
    Kind {
        view: "sync_points",
        ..kind("points", "points_events", "at")
    },
    // A reward paid with a stamp-card voucher (one paid with points is a points event).
    Kind {
        view: "sync_voucher",
        rows: "voucher_id IS NOT NULL",
        ..kind("voucher", "redemptions", "at")
    },
    Kind {
        view: "sync_rating",
        own_gid: false,
        ..kind("rating", "ratings", "updated_at")
    },
    Kind {
        view: "sync_ticket",
        ..kind("ticket", "tickets", "opened_at")
    },
    Kind {
        view: "sync_ticket_event",
        ..kind("ticket_event", "ticket_events", "at")
    },
    Kind {
        view: "sync_note",
        ..kind("note", "customer_notes", "at")
    },
    Kind {
        view: "sync_consent",
        ..kind("consent", "consents", "at")
    },
    Kind {
        view: "sync_chat_link",
        ..kind("chat_link", "chat_links", "linked_at")
    },
    // Stamps from an imported file or a paper card (an opening balance is a points event).
    Kind {
        view: "sync_opening_stamps",
        ..kind("opening_stamps", "opening_stamps", "at")
    },
    // The checks' alerts, for the chain's view of every shop's (no other till takes them in).
    Kind {
        view: "sync_alert",
        ..kind("alert", "alerts", "at")
    },
];

/// How far apart in seconds the central store's answers are recorded (see `note_contact`).
pub const CONTACT_GRAIN: i64 = 10;

/// A new global id in SQL: the row id in hex and 32 random bits (migration 0008).
const NEW_GID: &str = "printf('%08x', id) || lower(hex(randomblob(4)))";

/// A new outbox key in SQL: the time in milliseconds and 80 random bits, as the triggers of
/// migration 0008 make them.
pub(in crate::store) const NEW_KEY: &str = "printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) \
                       || lower(hex(randomblob(10)))";

/// Where this till stands in its chain.
#[derive(Debug, Clone, Serialize)]
pub struct SyncState {
    pub till_id: String,
    pub shop_id: String,
    /// This database's own random id, which the central store ties to the till id.
    #[serde(skip)]
    pub instance: String,
    /// The last central event applied here.
    pub cursor: i64,
    pub last_contact: Option<i64>,
    pub offline_since: Option<i64>,
    pub last_error: Option<String>,
    /// Events written here and not yet acknowledged by the central store.
    pub to_send: i64,
    /// When the oldest of them happened.
    pub oldest_unsent: Option<i64>,
    /// Events the central store refused (same key, other content), kept for the owner.
    pub rejected: i64,
    /// Others' events that could not be applied exactly (see `sync_problems`).
    pub problems: i64,
}

/// What joining a chain did.
#[derive(Debug, Clone, Serialize)]
pub struct Joined {
    pub till_id: String,
    /// Events of the history before joining, queued to send.
    pub queued: i64,
    /// False when this till had joined before (nothing changed).
    pub new: bool,
}

/// What applying a batch did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Applied {
    pub applied: i64,
    /// Already here (an event seen before).
    pub known: i64,
    pub problems: i64,
    pub cursor: i64,
}

impl super::Room<'_, '_> {
    /// Joins the chain as `till_id` of `shop_id`: from now on every write here is queued for the
    /// central store, and the history so far is queued first (customers, then visits, then
    /// points, so each event finds what it refers to). Joining again as the same till changes
    /// nothing; as another till it is refused.
    pub fn join_chain(&self, till_id: &str, shop_id: &str) -> Result<Joined> {
        if let Some(s) = self.sync_state()? {
            if s.till_id != till_id {
                return Err(StoreError::OtherTill {
                    this: s.till_id,
                    asked: till_id.to_string(),
                });
            }
            return Ok(Joined {
                till_id: s.till_id,
                queued: 0,
                new: false,
            });
        }
        let tx = &self.tx;
        tx.execute(
            "INSERT INTO sync_state (id, till_id, shop_id, instance)
             VALUES (1, ?1, ?2, lower(hex(randomblob(16))))",
            (till_id, shop_id),
        )?;
        // The history so far, each row's event in the order they happened.
        let mut queued = 0;
        for Kind {
            name,
            table,
            at,
            own_gid,
            rows,
            ..
        } in KINDS
        {
            if own_gid {
                tx.execute(
                    &format!("UPDATE {table} SET gid = {NEW_GID} WHERE gid IS NULL AND {rows}"),
                    [],
                )?;
            }
            queued += tx.execute(
                &format!(
                    "INSERT INTO outbox (key, kind, at, row_id)
                     SELECT {NEW_KEY}, '{name}', {at}, rowid FROM {table} WHERE {rows}
                     ORDER BY rowid"
                ),
                [],
            )? as i64;
        }
        Ok(Joined {
            till_id: till_id.to_string(),
            queued,
            new: true,
        })
    }

    /// Whether this till has joined a chain (without counting its outbox, as `sync_state`
    /// does).
    pub fn in_chain(&self) -> Result<bool> {
        Ok(self
            .optional::<i64>("SELECT 1 FROM sync_state WHERE id = 1", [])?
            .is_some())
    }

    /// For a page server started from a copy of the chain, while its cursor has not passed
    /// them: the till whose events up to the central store's position are in the copy.
    pub fn copied(&self) -> Result<Option<(String, i64)>> {
        Ok(self
            .tx
            .query_row(
                "SELECT copied_till, copied_through FROM sync_state
                 WHERE copied_till IS NOT NULL AND copied_through > cursor",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Moves the cursor on to the central store's position `seq`: everything up to it is
    /// here (what a copy holds, or applied).
    pub fn skip_to(&self, seq: i64) -> Result<()> {
        self.tx
            .execute("UPDATE sync_state SET cursor = MAX(cursor, ?1)", [seq])?;
        Ok(())
    }

    /// This till's place in its chain; `None` before it joins one.
    pub fn sync_state(&self) -> Result<Option<SyncState>> {
        let state = self
            .tx
            .prepare_cached(
                "SELECT till_id, shop_id, cursor, last_contact, offline_since, last_error,
                        instance
                 FROM sync_state WHERE id = 1",
            )?
            .query_row([], |r| {
                Ok(SyncState {
                    till_id: r.get(0)?,
                    shop_id: r.get(1)?,
                    cursor: r.get(2)?,
                    last_contact: r.get(3)?,
                    offline_since: r.get(4)?,
                    last_error: r.get(5)?,
                    instance: r.get(6)?,
                    to_send: 0,
                    oldest_unsent: None,
                    rejected: 0,
                    problems: 0,
                })
            })
            .optional()?;
        let Some(mut state) = state else {
            return Ok(None);
        };
        (state.to_send, state.oldest_unsent) = self.tx.query_row(
            "SELECT COUNT(*), MIN(at) FROM outbox
             WHERE seq > (SELECT sent_through FROM sync_state)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        state.rejected = self.tx.query_row(
            "SELECT COUNT(*) FROM outbox WHERE answer = 'rejected'",
            [],
            |r| r.get(0),
        )?;
        state.problems = self
            .tx
            .query_row("SELECT COUNT(*) FROM sync_problems", [], |r| r.get(0))?;
        Ok(Some(state))
    }

    /// Up to `limit` unsent events, oldest first. Their content is written now if this is
    /// their first sending, and kept: a resend is the same bytes.
    pub fn outbox(&self, limit: usize) -> Result<Vec<OutboxEvent>> {
        let from: i64 = self
            .tx
            .query_row("SELECT sent_through FROM sync_state", [], |r| r.get(0))?;
        self.fill_payloads(from, limit as i64)?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT seq, key, kind, at, payload FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt
            .query_map((from, limit as i64), |r| {
                Ok(OutboxEvent {
                    seq: r.get(0)?,
                    key: r.get(1)?,
                    kind: r.get(2)?,
                    at: r.get(3)?,
                    payload: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Writes now the content of every event not sent yet, before a change that re-points
    /// rows (a merge, a claim): each event then says what was true when it was written, so
    /// it never names a customer whose enrolment comes later in the outbox.
    pub(in crate::store) fn freeze_outbox(&self) -> Result<()> {
        let Some(from) = self.optional::<i64>("SELECT sent_through FROM sync_state", [])? else {
            return Ok(());
        };
        self.fill_payloads(from, i64::MAX)
    }

    /// Gives the rows of up to `limit` events after `from` their global ids, and the events
    /// their content, where they have none yet. Each statement reads only those events, by
    /// their range of sequence numbers: an outbox holding a whole history (a shop joining a
    /// chain) is not read again from the start for every batch.
    fn fill_payloads(&self, from: i64, limit: i64) -> Result<()> {
        let upto: Option<i64> = self
            .tx
            .prepare_cached(
                "SELECT MAX(seq) FROM (SELECT seq FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2)",
            )?
            .query_row((from, limit), |r| r.get(0))?;
        let Some(upto) = upto else {
            return Ok(());
        };
        for Kind {
            name,
            table,
            own_gid,
            ..
        } in KINDS
        {
            if !own_gid {
                continue;
            }
            self.tx
                .prepare_cached(&format!(
                    "UPDATE {table} SET gid = {NEW_GID}
                     WHERE gid IS NULL AND id IN (SELECT row_id FROM outbox
                       WHERE seq > ?1 AND seq <= ?2 AND kind = '{name}')"
                ))?
                .execute((from, upto))?;
        }
        self.tx
            .prepare_cached(&format!(
                "UPDATE outbox SET payload = CASE kind {} END
                 WHERE seq > ?1 AND seq <= ?2 AND payload IS NULL",
                KINDS
                    .iter()
                    .map(|k| format!(
                        "WHEN '{}' THEN (SELECT payload FROM {} s WHERE s.id = row_id)",
                        k.name, k.view
                    ))
                    .collect::<Vec<_>>()
                    .join(" ")
            ))?
            .execute((from, upto))?;
        Ok(())
    }

    /// Records the central store's answers to `sent` (a batch from `tx.chain().outbox`, in order):
    /// those events are sent, whatever the answer.
    pub fn mark_sent(
        &self,
        sent: &[OutboxEvent],
        answers: &[(String, Answer)],
        now: i64,
    ) -> Result<()> {
        let seq: std::collections::HashMap<&str, i64> =
            sent.iter().map(|e| (e.key.as_str(), e.seq)).collect();
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE outbox SET sent_at = ?2, answer = ?3 WHERE seq = ?1")?;
        for (key, answer) in answers {
            if let Some(seq) = seq.get(key.as_str()) {
                stmt.execute((seq, now, answer.as_str()))?;
            }
        }
        if let Some(last) = sent.last() {
            self.tx.execute(
                "UPDATE sync_state SET sent_through = MAX(sent_through, ?1)",
                [last.seq],
            )?;
        }
        Ok(())
    }

    /// This till's number in its chain, once the central store has given it one.
    pub fn till_number(&self) -> Result<Option<u32>> {
        Ok(self
            .optional::<Option<u32>>("SELECT till_number FROM sync_state", [])?
            .flatten())
    }

    /// Keeps this till's number in the chain, which the codes of customers enrolled here from
    /// now on begin with.
    pub fn set_till_number(&self, number: i32) -> Result<()> {
        self.tx
            .execute("UPDATE sync_state SET till_number = ?1", [number])?;
        Ok(())
    }

    /// Notes that a redemption is being asked of the central store under `key`.
    pub fn hold_asked(&self, key: &str, now: i64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO holds_pending (key, at) VALUES (?1, ?2)",
            (key, now),
        )?;
        Ok(())
    }

    /// The hold under `key` is settled: recorded here, refused, or given back.
    pub fn hold_settled(&self, key: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM holds_pending WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Holds asked before `before` and never recorded here: to give back.
    pub fn holds_left_behind(&self, before: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT key FROM holds_pending WHERE at < ?1 ORDER BY at")?;
        let keys = stmt
            .query_map([before], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(keys)
    }

    /// Records whether the central store answered: `error` is `None` when it did. An answer
    /// within [`CONTACT_GRAIN`] seconds of the last one recorded, with nothing else to record,
    /// writes nothing: a page server syncs every second, and each write makes every
    /// connection serving its pages read the database afresh.
    pub fn note_contact(&self, now: i64, error: Option<&str>) -> Result<()> {
        match error {
            None => self.tx.execute(
                "UPDATE sync_state SET last_contact = ?1, offline_since = NULL, last_error = NULL
                 WHERE last_contact IS NULL OR last_contact <= ?1 - ?2 OR last_contact > ?1
                       OR offline_since IS NOT NULL OR last_error IS NOT NULL",
                [now, CONTACT_GRAIN],
            )?,
            Some(e) => self.tx.execute(
                "UPDATE sync_state SET offline_since = COALESCE(offline_since, ?1), last_error = ?2",
                (now, e),
            )?,
        };
        Ok(())
    }
}

impl super::Room<'_, '_> {
    /// The newest `limit` problems applying other tills' events, newest first.
    pub fn sync_problems(&self, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT at, detail FROM sync_problems ORDER BY id DESC LIMIT ?1")?;
        let rows = stmt
            .query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
