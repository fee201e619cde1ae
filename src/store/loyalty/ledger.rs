//! The points ledger in SQLite: lots, spends, expiry, redemptions and manual adjustments.
//!
//! Every change is an appended event with a unique idempotency key; the customer's cached
//! `balance` and each lot's `remaining` move in the same transaction, and a CHECK keeps the
//! balance from ever going below zero even if two tills race (they are also serialised by
//! `BEGIN IMMEDIATE`).

use crate::domain::ledger::{EventKind, Lot, allocate};
use crate::domain::program::{Program, Reward};
use crate::domain::staff::Actor;
use crate::store::error::{AdjustmentPart, is_unique_violation};
use crate::store::figures::folds::Points;
use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// How a reward was paid for (`"voucher"` or `"points"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaidWith {
    /// A stamp card's voucher.
    Voucher,
    Points,
}

/// A redemption that went through.
#[derive(Debug, Clone, Serialize)]
pub struct Redeemed {
    pub redemption_id: i64,
    pub reward_id: String,
    pub reward_name: String,
    pub paid_with: PaidWith,
    pub points: i64,
    pub balance: i64,
}

/// A manual adjustment that went through (or had already: `duplicate`).
#[derive(Debug, Clone, Serialize)]
pub struct Adjusted {
    pub event_id: i64,
    pub points: i64,
    pub balance: i64,
    pub duplicate: bool,
}

/// The details of a positive event.
pub(in crate::store) struct Credit<'a> {
    pub customer_id: i64,
    pub kind: EventKind,
    pub points: i64,
    pub at: i64,
    pub key: &'a str,
    pub visit_id: Option<i64>,
    pub reason: Option<&'a str>,
    pub actor: Option<&'a str>,
    /// The owner who approved it with their PIN, when it needed one.
    pub approved_by: Option<&'a str>,
    /// The import it came with (an opening balance).
    pub batch_id: Option<i64>,
}

impl super::Room<'_, '_> {
    /// Appends a positive event as a new lot (expiring by the program in force at `at`).
    pub(in crate::store) fn credit(&self, c: &Credit<'_>) -> Result<i64> {
        debug_assert!(c.points > 0);
        let expires_at = self.program_at(c.at).1.expires_at(c.at);
        self.tx
            .prepare_cached(
                "INSERT INTO points_events
                 (customer_id, at, kind, points, idempotency_key, visit_id, expires_at, remaining, reason, actor,
                  approved_by, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?8, ?9, ?10, ?11)",
            )?
            .execute(rusqlite::params![
                c.customer_id,
                c.at,
                c.kind.as_str(),
                c.points,
                c.key,
                c.visit_id,
                expires_at,
                c.reason,
                c.actor,
                c.approved_by,
                c.batch_id,
            ])
            .map_err(|e| key_error(e, c.key))?;
        let id = self.tx.last_insert_rowid();
        self.figures().points_added(Points {
            at: c.at,
            kind: c.kind,
            points: c.points,
        })?;
        self.add_to_balance(c.customer_id, c.points)?;
        Ok(id)
    }

    /// Appends a negative event of `points`, consuming lots soonest-expiring first (after any in
    /// `first`). Fails with `NotEnoughPoints` rather than go below zero.
    pub(in crate::store) fn spend(&self, c: &Credit<'_>, first: &[i64], what: &str) -> Result<i64> {
        debug_assert!(c.points > 0);
        let lots = self.open_lots(c.customer_id)?;
        let taken = allocate(&lots, c.points, first).map_err(|s| StoreError::NotEnoughPoints {
            what: what.to_string(),
            needed: s.needed,
            balance: s.available,
        })?;
        self.tx
            .prepare_cached(
                "INSERT INTO points_events
                 (customer_id, at, kind, points, idempotency_key, visit_id, reason, actor,
                  approved_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute((
                c.customer_id,
                c.at,
                c.kind.as_str(),
                -c.points,
                c.key,
                c.visit_id,
                c.reason,
                c.actor,
                c.approved_by,
            ))
            .map_err(|e| key_error(e, c.key))?;
        let spend_id = self.tx.last_insert_rowid();
        self.figures().points_added(Points {
            at: c.at,
            kind: c.kind,
            points: -c.points,
        })?;
        for (lot_id, points) in taken {
            self.tx
                .prepare_cached(
                    "INSERT INTO points_allocations (spend_id, lot_id, points) VALUES (?1, ?2, ?3)",
                )?
                .execute((spend_id, lot_id, points))?;
            self.tx
                .prepare_cached(
                    "UPDATE points_events SET remaining = remaining - ?2 WHERE id = ?1",
                )?
                .execute((lot_id, points))?;
        }
        self.add_to_balance(c.customer_id, -c.points)?;
        Ok(spend_id)
    }

    fn add_to_balance(&self, customer_id: i64, delta: i64) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE customers SET balance = balance + ?2 WHERE id = ?1")?
            .execute((customer_id, delta))?;
        Ok(())
    }

    fn open_lots(&self, customer_id: i64) -> Result<Vec<Lot>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, remaining, expires_at FROM points_events
             WHERE customer_id = ?1 AND remaining > 0",
        )?;
        let lots = stmt
            .query_map([customer_id], |r| {
                Ok(Lot {
                    id: r.get(0)?,
                    remaining: r.get(1)?,
                    expires_at: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lots)
    }

    /// Expires every lot past its date: one `expire` event per lot, for what is left of it.
    /// With `customer_id` only that customer's lots. Returns the points expired. Lots another
    /// till of the chain earned are left to that till, whose expiry arrives as an event.
    pub fn expire_due(&self, customer_id: Option<i64>, now: i64) -> Result<i64> {
        // Two statements rather than one with `?2 IS NULL OR …`, so each uses its own index.
        let sql = if customer_id.is_some() {
            "SELECT id, customer_id, remaining FROM points_events
             WHERE customer_id = ?2 AND remaining > 0 AND expires_at <= ?1 AND origin IS NULL"
        } else {
            "SELECT id, customer_id, remaining FROM points_events
             WHERE remaining > 0 AND expires_at <= ?1 AND ?2 IS NULL AND origin IS NULL"
        };
        let due: Vec<(i64, i64, i64)> = self
            .tx
            .prepare_cached(sql)?
            .query_map((now, customer_id), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut total = 0;
        for (lot_id, customer, remaining) in due {
            let key = format!("expire:{lot_id}");
            self.spend(
                &Credit {
                    customer_id: customer,
                    kind: EventKind::Expire,
                    points: remaining,
                    at: now,
                    key: &key,
                    visit_id: None,
                    reason: Some("points expired"),
                    actor: None,
                    approved_by: None,
                    batch_id: None,
                },
                &[lot_id],
                "expiry",
            )?;
            total += remaining;
        }
        Ok(total)
    }

    /// The balance as of `now`: the cached balance less anything already past its expiry date
    /// that no sweep has recorded yet. Lets read-only views be right without writing.
    pub(in crate::store) fn balance_now(
        &self,
        customer_id: i64,
        cached: i64,
        now: i64,
    ) -> Result<i64> {
        let expired: i64 = self
            .tx
            .prepare_cached(
                "SELECT COALESCE(SUM(remaining), 0) FROM points_events
                 WHERE customer_id = ?1 AND remaining > 0 AND expires_at <= ?2",
            )?
            .query_row((customer_id, now), |r| r.get(0))?;
        Ok(cached - expired)
    }

    pub(in crate::store) fn balance_of(&self, customer_id: i64) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached("SELECT balance FROM customers WHERE id = ?1")?
            .query_row([customer_id], |r| r.get(0))?)
    }

    /// Redeems a reward: with an unused stamp-card voucher for it if there is one, else with
    /// points (soonest-expiring first). Refused, changing nothing, when points are short.
    pub fn redeem(
        &self,
        code_text: &str,
        reward_id: &str,
        now: i64,
        actor: Option<&str>,
    ) -> Result<Redeemed> {
        self.redeem_held(code_text, reward_id, now, actor, None)
    }

    /// What redeeming `reward_id` would cost in points now (0 when a stamp-card voucher pays),
    /// the customer's global id once this till is in a chain, and the reward's name.
    pub fn redemption_cost(
        &self,
        code_text: &str,
        reward_id: &str,
        now: i64,
    ) -> Result<(i64, Option<String>, String)> {
        let customer = self.people().customer(code_text)?.0;
        let reward = reward_of(self.program_now(), reward_id)?;
        let voucher = self.usable_voucher(customer.id, &reward.id, now)?;
        let gid: Option<String> = self
            .optional("SELECT gid FROM customers WHERE id = ?1", [customer.id])?
            .flatten();
        Ok((
            if voucher.is_some() { 0 } else { reward.cost },
            gid,
            reward.name.clone(),
        ))
    }

    /// The voucher a redemption of `reward_id` uses now: an unused one still valid, the one
    /// that runs out soonest first (a birthday's before the stamp card's, which never does).
    fn usable_voucher(&self, customer_id: i64, reward_id: &str, now: i64) -> Result<Option<i64>> {
        self.optional(
            "SELECT id FROM vouchers WHERE customer_id = ?1 AND reward_id = ?2
             AND used_at IS NULL AND voided_at IS NULL
             AND (valid_until IS NULL OR valid_until >= ?3)
             ORDER BY valid_until IS NULL, valid_until, id LIMIT 1",
            (customer_id, reward_id, now),
        )
    }

    /// Points this till redeemed for the customer since `since` without the central store's
    /// hold (while offline), for the offline allowance.
    pub fn redeemed_offline_since(&self, code_text: &str, since: i64) -> Result<i64> {
        let customer = self.people().customer(code_text)?.0;
        Ok(self
            .optional(
                "SELECT -COALESCE(SUM(points), 0) FROM points_events WHERE customer_id = ?1
                 AND kind = 'redeem' AND hold IS NULL AND origin IS NULL AND at >= ?2",
                (customer.id, since),
            )?
            .unwrap_or(0))
    }

    /// `tx.loyalty().redeem`, with the central store's `hold` on a chain's till: its spend then names
    /// the hold, so the central store does not count the points twice.
    pub fn redeem_held(
        &self,
        code_text: &str,
        reward_id: &str,
        now: i64,
        actor: Option<&str>,
        hold: Option<&str>,
    ) -> Result<Redeemed> {
        let customer = self.people().customer(code_text)?.0;
        let reward = reward_of(self.program_now(), reward_id)?;
        self.expire_due(Some(customer.id), now)?;
        let voucher = self.usable_voucher(customer.id, &reward.id, now)?;
        self.tx
            .prepare_cached(
                "INSERT INTO redemptions (customer_id, at, reward_id, reward_name, points, voucher_id, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                customer.id,
                now,
                &reward.id,
                &reward.name,
                if voucher.is_some() { 0 } else { reward.cost },
                voucher,
                actor,
            ))?;
        let redemption_id = self.tx.last_insert_rowid();
        let paid_with = if let Some(v) = voucher {
            self.tx
                .execute("UPDATE vouchers SET used_at = ?2 WHERE id = ?1", (v, now))?;
            PaidWith::Voucher
        } else {
            let key = format!("redemption:{redemption_id}");
            let event = self.spend(
                &Credit {
                    customer_id: customer.id,
                    kind: EventKind::Redeem,
                    points: reward.cost,
                    at: now,
                    key: &key,
                    visit_id: None,
                    reason: Some(&reward.name),
                    actor,
                    approved_by: None,
                    batch_id: None,
                },
                &[],
                &reward.name,
            )?;
            self.tx.execute(
                "UPDATE redemptions SET event_id = ?2 WHERE id = ?1",
                (redemption_id, event),
            )?;
            if let Some(hold) = hold {
                self.name_hold(event, hold)?;
                self.chain().hold_settled(hold)?;
            }
            PaidWith::Points
        };
        let event = format!("redemption:{redemption_id}");
        self.checks().card_used(customer.id, &event, now, actor)?;
        self.checks().activity(&event, now, actor)?;
        Ok(Redeemed {
            redemption_id,
            reward_id: reward.id.clone(),
            reward_name: reward.name.clone(),
            paid_with,
            points: if voucher.is_some() { 0 } else { reward.cost },
            balance: self.balance_of(customer.id)?,
        })
    }

    /// A manual adjustment by a named member of staff (with the owner who approved it, when
    /// it needed one), with a reason. Positive adds a lot; negative spends (never below zero).
    /// With `key`, a repeat returns the first result.
    pub fn adjust(
        &self,
        code_text: &str,
        points: i64,
        reason: &str,
        by: &Actor,
        key: Option<&str>,
        now: i64,
    ) -> Result<Adjusted> {
        let actor = by.name.as_deref().unwrap_or_default();
        if points == 0 {
            return Err(StoreError::AdjustmentNeeds(AdjustmentPart::Points));
        }
        if reason.trim().is_empty() {
            return Err(StoreError::AdjustmentNeeds(AdjustmentPart::Reason));
        }
        if actor.trim().is_empty() {
            return Err(StoreError::AdjustmentNeeds(AdjustmentPart::Actor));
        }
        let customer = self.people().customer(code_text)?.0;
        let key = match key {
            Some(k) => format!("adjust:{k}"),
            None => format!(
                "adjust:{}:{}",
                customer.id,
                self.optional::<i64>("SELECT COALESCE(MAX(id), 0) + 1 FROM points_events", [])?
                    .unwrap_or(1)
            ),
        };
        let existing: Option<(i64, i64, i64)> = self
            .tx
            .prepare_cached(
                "SELECT id, customer_id, points FROM points_events WHERE idempotency_key = ?1",
            )?
            .query_row([&key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if let Some((event_id, cust, pts)) = existing {
            if cust != customer.id || pts != points {
                return Err(StoreError::KeyConflict(key));
            }
            return Ok(Adjusted {
                event_id,
                points,
                balance: self.balance_of(customer.id)?,
                duplicate: true,
            });
        }
        self.expire_due(Some(customer.id), now)?;
        let credit = Credit {
            customer_id: customer.id,
            kind: EventKind::Adjust,
            points: points.abs(),
            at: now,
            key: &key,
            visit_id: None,
            reason: Some(reason.trim()),
            actor: Some(actor.trim()),
            approved_by: by.approved_by.as_deref(),
            batch_id: None,
        };
        let event_id = if points > 0 {
            self.credit(&credit)?
        } else {
            self.spend(&credit, &[], "this adjustment")?
        };
        self.checks().adjusted(event_id, actor.trim(), now)?;
        Ok(Adjusted {
            event_id,
            points,
            balance: self.balance_of(customer.id)?,
            duplicate: false,
        })
    }
}

/// The program's reward with this id, or an error listing the rewards there are.
pub(in crate::store) fn reward_of(program: &Program, reward_id: &str) -> Result<Reward> {
    program
        .reward(reward_id.trim())
        .cloned()
        .ok_or_else(|| StoreError::UnknownReward {
            id: reward_id.trim().to_string(),
            available: program
                .rewards
                .iter()
                .map(|r| format!("{} ({}, {} points)", r.id, r.name, r.cost))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn key_error(e: rusqlite::Error, key: &str) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::KeyConflict(key.to_string())
    } else {
        e.into()
    }
}

impl super::Room<'_, '_> {
    /// Names the central store's hold that already took a spend's points across the chain,
    /// so the central store does not count them a second time.
    pub(in crate::store) fn name_hold(&self, event: i64, hold: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE points_events SET hold = ?2 WHERE id = ?1",
            (event, hold),
        )?;
        Ok(())
    }
}
