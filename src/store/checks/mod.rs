//! Checks on what does not add up: alerts raised in the transaction of the event that crosses a
//! threshold (`watch.rs`), listed and acknowledged by the owner (here), and the same rules
//! computed from the raw rows (`rows.rs`) for a history loaded in bulk and for the tests.
//!
//! Owns `alerts` and `alert_events`, and the staff's own cards (`staff.card_id`).

pub(super) mod rows;
pub(super) mod view;
pub(super) mod watch;

use crate::domain::checks::{AlertKind, Finding};
use crate::store::{Result, Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

super::room!(checks);

/// An alert as the owner reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertView {
    pub id: i64,
    pub kind: AlertKind,
    /// The card it is about (its code), if any.
    pub customer: Option<String>,
    pub customer_name: Option<String>,
    /// Who was signed in (or named with `--by`) at the event that raised it.
    pub staff: Option<String>,
    /// When the event that raised it happened, and the latest that joined it.
    pub at: i64,
    pub last_at: i64,
    pub finding: Finding,
    /// The events behind it ('visit:12', 'redemption:3', …), oldest first.
    pub events: Vec<String>,
    pub note: Option<String>,
    pub acked_at: Option<i64>,
    pub acked_by: Option<String>,
}

/// An alert to raise, or an event joining one already raised (same `bucket`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raise {
    pub bucket: String,
    pub finding: Finding,
    pub customer_id: Option<i64>,
    pub staff: Option<String>,
    pub at: i64,
    /// The events behind it, with when each happened.
    pub events: Vec<(String, i64)>,
}

impl Room<'_, '_> {
    /// Raises an alert, or adds the events to the one with the same bucket (raised once),
    /// bringing its finding up to date. Returns the alert's id.
    pub(in crate::store) fn raise(&self, r: &Raise) -> Result<i64> {
        let finding = serde_json::to_string(&r.finding).expect("a finding serialises");
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO alerts (kind, bucket, customer_id, staff, at, last_at, finding)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)
                 ON CONFLICT (bucket) DO UPDATE SET last_at = max(last_at, excluded.last_at),
                     finding = excluded.finding
                 RETURNING id",
            )?
            .query_row(
                (
                    r.finding.kind().as_str(),
                    &r.bucket,
                    r.customer_id,
                    &r.staff,
                    r.at,
                    &finding,
                ),
                |row| row.get(0),
            )?;
        let mut add = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO alert_events (alert_id, event, at) VALUES (?1, ?2, ?3)",
        )?;
        let mut added = 0;
        for (event, at) in &r.events {
            added += add.execute((id, event, at))?;
        }
        self.tx
            .prepare_cached("UPDATE alerts SET events = events + ?2 WHERE id = ?1")?
            .execute((id, added as i64))?;
        Ok(id)
    }

    /// Adds an event to the alert of this bucket, if one was raised: what a later event of an
    /// alert's day or week does, without counting the day or week again. The alert's id.
    pub(in crate::store) fn join(&self, bucket: &str, event: &str, at: i64) -> Result<Option<i64>> {
        let id: Option<i64> = self
            .tx
            .prepare_cached(
                "UPDATE alerts SET last_at = max(last_at, ?2) WHERE bucket = ?1 RETURNING id",
            )?
            .query_row((bucket, at), |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            let added = self
                .tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO alert_events (alert_id, event, at) VALUES (?1, ?2, ?3)",
                )?
                .execute((id, event, at))?;
            self.tx
                .prepare_cached("UPDATE alerts SET events = events + ?2 WHERE id = ?1")?
                .execute((id, added as i64))?;
        }
        Ok(id)
    }

    /// How many events are behind an alert.
    pub(in crate::store) fn events_behind(&self, id: i64) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached("SELECT events FROM alerts WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?)
    }

    /// Rewrites an alert's finding (once its events are all in).
    pub(in crate::store) fn set_finding(&self, id: i64, finding: &Finding) -> Result<()> {
        self.tx.execute(
            "UPDATE alerts SET finding = ?2 WHERE id = ?1",
            (
                id,
                serde_json::to_string(finding).expect("a finding serialises"),
            ),
        )?;
        Ok(())
    }

    /// Alerts, newest first: the open ones, or with `all` the acknowledged ones too.
    pub fn alerts(&self, all: bool, limit: usize) -> Result<Vec<AlertView>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.id, a.kind, c.code, c.name, a.staff, a.at, a.last_at, a.finding, a.note,
                    a.acked_at, a.acked_by,
                    (SELECT json_group_array(event) FROM
                        (SELECT event FROM alert_events WHERE alert_id = a.id ORDER BY at, event))
             FROM alerts a LEFT JOIN customers c ON c.id = a.customer_id
             WHERE ?1 OR a.acked_at IS NULL ORDER BY a.at DESC, a.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map((all, limit as i64), alert_view)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One alert.
    pub fn alert(&self, id: i64) -> Result<AlertView> {
        self.tx
            .prepare_cached(
                "SELECT a.id, a.kind, c.code, c.name, a.staff, a.at, a.last_at, a.finding,
                        a.note, a.acked_at, a.acked_by,
                        (SELECT json_group_array(event) FROM
                            (SELECT event FROM alert_events WHERE alert_id = a.id ORDER BY at, event))
                 FROM alerts a LEFT JOIN customers c ON c.id = a.customer_id WHERE a.id = ?1",
            )?
            .query_row([id], alert_view)
            .optional()?
            .ok_or(StoreError::NoSuchAlert(id))
    }

    /// Acknowledges an alert with the owner's note. Acknowledging again is refused, saying when
    /// and by whom it was; the first note stays.
    pub fn ack(&self, id: i64, note: &str, by: &str, now: i64) -> Result<AlertView> {
        let note = note.trim();
        if note.is_empty() {
            return Err(StoreError::AckNeedsNote);
        }
        let a = self.alert(id)?;
        if let Some(at) = a.acked_at {
            return Err(StoreError::AlreadyAcked {
                id,
                at,
                by: a.acked_by.unwrap_or_default(),
            });
        }
        self.tx.execute(
            "UPDATE alerts SET acked_at = ?2, acked_by = ?3, note = ?4 WHERE id = ?1",
            (id, now, by.trim(), note),
        )?;
        self.alert(id)
    }

    /// Alerts not yet in an owner's summary, oldest first.
    pub fn not_emailed(&self) -> Result<Vec<AlertView>> {
        let ids: Vec<i64> = self
            .tx
            .prepare_cached("SELECT id FROM alerts WHERE emailed_at IS NULL ORDER BY at, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.alert(id)).collect()
    }

    /// Notes that these alerts went into a summary at `now`.
    pub fn mark_emailed(&self, ids: &[i64], now: i64) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE alerts SET emailed_at = ?2 WHERE id = ?1")?;
        for id in ids {
            stmt.execute((id, now))?;
        }
        Ok(())
    }

    /// Open alerts, how many.
    pub fn open_alerts(&self) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached("SELECT COUNT(*) FROM alerts WHERE acked_at IS NULL")?
            .query_row([], |r| r.get(0))?)
    }

    /// Gives a member of staff their own loyalty card (`None` takes it away); the card's code
    /// as printed.
    pub fn set_staff_card(&self, staff: &str, card: Option<&str>) -> Result<Option<String>> {
        let card = match card.map(str::trim) {
            Some(code) if !code.is_empty() => Some(self.people().customer(code)?.0),
            _ => None,
        };
        let card_id = card.as_ref().map(|c| c.id);
        let changed = self.tx.execute(
            "UPDATE staff SET card_id = ?2 WHERE name = ?1",
            (staff.trim(), card_id),
        )?;
        if changed == 0 {
            return Err(StoreError::NoSuchStaff(staff.trim().to_string()));
        }
        Ok(card.map(|c| c.display_code()))
    }

    /// The card a member of staff has, by name.
    pub(in crate::store) fn staff_card(&self, staff: &str) -> Result<Option<i64>> {
        Ok(self
            .optional::<Option<i64>>("SELECT card_id FROM staff WHERE name = ?1", [staff])?
            .flatten())
    }
}

fn alert_view(r: &rusqlite::Row<'_>) -> rusqlite::Result<AlertView> {
    let json_err = |i, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    let kind: String = r.get(1)?;
    let finding: String = r.get(7)?;
    let events: String = r.get(11)?;
    Ok(AlertView {
        id: r.get(0)?,
        kind: AlertKind::parse(&kind).unwrap_or(AlertKind::BusyCard),
        customer: r
            .get::<_, Option<String>>(2)?
            .map(crate::store::people::customers::display_code),
        customer_name: r.get(3)?,
        staff: r.get(4)?,
        at: r.get(5)?,
        last_at: r.get(6)?,
        finding: serde_json::from_str(&finding).map_err(|e| json_err(7, e))?,
        note: r.get(8)?,
        acked_at: r.get(9)?,
        acked_by: r.get(10)?,
        events: serde_json::from_str(&events).map_err(|e| json_err(11, e))?,
    })
}

impl Store {
    /// Open alerts (or all), newest first.
    pub fn alerts(&mut self, all: bool, limit: usize) -> Result<Vec<AlertView>> {
        self.read(|tx| tx.checks().alerts(all, limit))
    }
}
