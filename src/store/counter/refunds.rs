//! Refunds: the sale a receipt number names (this till's, a counter sale's `V<id>` or another
//! till's of the chain), what may be given back, and the points taken back with it.

use super::sales::{VisitRow, check_receipt, earn_key};
use crate::domain::ledger::{EventKind, refund_reversal};
use crate::domain::sale::{self, RefundRefused, RefundTake};
use crate::domain::staff::Actor;
use crate::store::figures::folds::Visit;
use crate::store::{Result, StoreError, loyalty::ledger::Credit};
use serde::Serialize;

/// What a refund did.
#[derive(Debug, Clone, Serialize)]
pub struct RefundOutcome {
    pub refund_id: i64,
    pub visit_id: i64,
    pub receipt: String,
    pub amount: i64,
    /// Prorated points the refund should take back (capped at what the sale earned).
    pub points_due: i64,
    /// What it took back: the due points, floored at the customer's balance.
    pub points_reversed: i64,
    /// On a chain's till: points to take back once the central store has said how many are
    /// left across the chain (at the next sync).
    pub points_pending: i64,
    pub balance: i64,
    pub fully_refunded: bool,
}

impl super::Room<'_, '_> {
    /// The visit a refund is for: the till's receipt number, or for a sale recorded without
    /// one (at the counter), the `V<visit id>` its receipt shows. Only refunds read numbers this
    /// way; recording a sale never does, so a till's own "V…" numbers keep their meaning.
    /// On a chain's till, another till's sale is found by the number on its receipt too; when
    /// two tills' sales have that number, `<till>/<number>` says which.
    pub(super) fn visit_for_refund(&self, receipt: &str) -> Result<Option<VisitRow>> {
        let this_till = self.optional::<String>("SELECT till_id FROM sync_state", [])?;
        if let Some((till, number)) = receipt.split_once('/') {
            if this_till.as_deref() == Some(till) {
                return self.own_visit_for_refund(number);
            }
            if let Some(v) =
                self.visit_row("origin = ?1 AND origin_receipt = ?2", (till, number))?
            {
                return Ok(Some(v));
            }
        }
        let mut found: Vec<VisitRow> = self.own_visit_for_refund(receipt)?.into_iter().collect();
        if this_till.is_some() {
            found.extend(self.visit_rows("origin_receipt = ?1 AND origin IS NOT NULL", [receipt])?);
        }
        if found.len() > 1 {
            let here = this_till.unwrap_or_default();
            let tills: Vec<String> = found
                .iter()
                .map(|v| format!("{}/{receipt}", v.origin.as_deref().unwrap_or(&here)))
                .collect();
            return Err(StoreError::AmbiguousReceipt {
                receipt: receipt.to_string(),
                choices: tills.join(", "),
            });
        }
        Ok(found.pop())
    }

    fn own_visit_for_refund(&self, receipt: &str) -> Result<Option<VisitRow>> {
        if let Some(v) = self.visit_by_receipt(receipt)? {
            return Ok(Some(v));
        }
        match receipt.strip_prefix(['V', 'v']).map(str::parse::<i64>) {
            Some(Ok(id)) => {
                self.visit_row("id = ?1 AND receipt_no IS NULL AND origin IS NULL", [id])
            }
            _ => Ok(None),
        }
    }

    /// What a refund of `amount` (or of everything left, for `None`) on this receipt would give
    /// back, after the same checks as `tx.counter().refund`; changes nothing.
    pub fn refund_amount(&self, receipt: &str, amount: Option<i64>) -> Result<i64> {
        let receipt = check_receipt(receipt.trim())?;
        let visit = self
            .visit_for_refund(&receipt)?
            .ok_or_else(|| StoreError::UnknownReceipt(receipt.clone()))?;
        Ok(amount.unwrap_or(visit.amount - visit.refunded))
    }

    /// Refunds all (`amount` = `None`) or part of the sale with this receipt number.
    pub fn refund(
        &self,
        receipt: &str,
        amount: Option<i64>,
        now: i64,
        by: &Actor,
    ) -> Result<RefundOutcome> {
        let receipt = check_receipt(receipt.trim())?;
        let visit = self
            .visit_for_refund(&receipt)?
            .ok_or_else(|| StoreError::UnknownReceipt(receipt.clone()))?;
        let RefundTake {
            amount,
            full: fully_refunded,
        } = refund_to_take(
            &receipt,
            visit.amount,
            visit.refunded,
            amount,
            self.currency(),
        )?;
        let points_due = refund_reversal(visit.points_earned, visit.amount, visit.refunded, amount);
        self.tx.execute(
            "UPDATE visits SET refunded = refunded + ?2 WHERE id = ?1",
            (visit.id, amount),
        )?;
        // Another till's sale counts in that till's figures, and its refund with it.
        if visit.origin.is_none() {
            let before = Visit {
                at: visit.at,
                amount: visit.amount,
                customer: visit.customer_id,
                refunded: visit.refunded,
            };
            let after = Visit {
                refunded: visit.refunded + amount,
                ..before
            };
            self.figures().visit_changed(before, after)?;
        }
        self.tx.execute(
            "INSERT INTO refunds (visit_id, at, amount, points_due, points_reversed, actor,
             approved_by) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)",
            (visit.id, now, amount, points_due, &by.name, &by.approved_by),
        )?;
        let refund_id = self.tx.last_insert_rowid();
        let (points_reversed, points_pending, balance) = match visit.customer_id {
            Some(customer_id) => self.take_back(
                &visit,
                (refund_id, customer_id),
                (points_due, fully_refunded),
                now,
                by,
            )?,
            None => (0, 0, 0),
        };
        Ok(RefundOutcome {
            refund_id,
            visit_id: visit.id,
            receipt,
            amount,
            points_due,
            points_reversed,
            points_pending,
            balance,
            fully_refunded,
        })
    }

    /// What a refund takes back from its customer: the points (here, floored at their balance,
    /// or on a chain's till left for the central store to decide at the next sync) and, for a
    /// whole refund, the sale's stamp. Returns (points reversed, points pending, balance).
    fn take_back(
        &self,
        visit: &VisitRow,
        (refund_id, customer_id): (i64, i64),
        (points_due, fully_refunded): (i64, bool),
        now: i64,
        by: &Actor,
    ) -> Result<(i64, i64, i64)> {
        let (mut points_reversed, mut points_pending) = (0, 0);
        if self.chain().in_chain()? {
            // On a chain's till other shops may be spending the same balance: the central
            // store decides what the refund takes back, at the next sync.
            if points_due > 0 {
                self.tx.execute(
                    "UPDATE refunds SET reversal_pending = 1 WHERE id = ?1",
                    [refund_id],
                )?;
                points_pending = points_due;
            }
            self.checks().refunded(
                (refund_id, visit.id, customer_id),
                None,
                now,
                by.name.as_deref(),
            )?;
        } else {
            self.loyalty().expire_due(Some(customer_id), now)?;
            // Floor at zero: what was already spent on rewards is not clawed back.
            points_reversed = points_due.min(self.loyalty().balance_of(customer_id)?);
            self.reverse_refund(
                refund_id,
                visit.id,
                customer_id,
                points_reversed,
                now,
                by,
                None,
            )?;
            self.checks().refunded(
                (refund_id, visit.id, customer_id),
                Some((points_due, points_reversed)),
                now,
                by.name.as_deref(),
            )?;
        }
        if fully_refunded && visit.stamped {
            self.tx
                .execute("UPDATE visits SET stamped = 0 WHERE id = ?1", [visit.id])?;
            let stamps: i64 = self.tx.query_row(
                "UPDATE customers SET stamps = stamps - 1 WHERE id = ?1 RETURNING stamps",
                [customer_id],
                |r| r.get(0),
            )?;
            self.loyalty()
                .sync_vouchers(customer_id, stamps + 1, stamps, now, Some(visit.id))?;
        }
        let balance = self.loyalty().balance_of(customer_id)?;
        Ok((points_reversed, points_pending, balance))
    }
}

/// What a refund of `amount` (everything left, for `None`) takes off the sale with this
/// receipt number (the domain's rule), with its refusals in the store's words.
pub(in crate::store) fn refund_to_take(
    receipt: &str,
    sale_amount: i64,
    refunded: i64,
    amount: Option<i64>,
    currency: crate::domain::money::Currency,
) -> Result<RefundTake> {
    sale::refund_to_take(sale_amount, refunded, amount).map_err(|why| match why {
        RefundRefused::NothingLeft => StoreError::AlreadyRefunded(receipt.to_string()),
        RefundRefused::NotAboveZero => crate::domain::money::AmountError::Zero.into(),
        RefundRefused::TooLarge { refundable } => StoreError::RefundTooLarge {
            receipt: receipt.to_string(),
            requested: currency.format(amount.unwrap_or(refundable)),
            refundable: currency.format(refundable),
        },
    })
}

impl super::Room<'_, '_> {
    /// Takes back `points` of a refunded sale from the customer, from the sale's own lot
    /// first; with `hold`, the central store's hold that already took them across the chain.
    #[allow(clippy::too_many_arguments)]
    pub(in crate::store) fn reverse_refund(
        &self,
        refund_id: i64,
        visit_id: i64,
        customer_id: i64,
        points: i64,
        at: i64,
        by: &Actor,
        hold: Option<&str>,
    ) -> Result<()> {
        if points <= 0 {
            return Ok(());
        }
        let own_lot: Vec<i64> = self
            .optional(
                "SELECT id FROM points_events WHERE idempotency_key = ?1
                 UNION ALL SELECT id FROM points_events
                 WHERE visit_id = ?2 AND kind = 'earn' AND origin IS NOT NULL",
                (earn_key(visit_id), visit_id),
            )?
            .into_iter()
            .collect();
        let key = format!("refund:{refund_id}");
        let event = self.loyalty().spend(
            &Credit {
                customer_id,
                kind: EventKind::Refund,
                points,
                at,
                key: &key,
                visit_id: Some(visit_id),
                reason: Some("refund"),
                actor: by.name.as_deref(),
                approved_by: by.approved_by.as_deref(),
                batch_id: None,
            },
            &own_lot,
            "the refund",
        )?;
        if let Some(hold) = hold {
            self.loyalty().name_hold(event, hold)?;
        }
        self.tx.execute(
            "UPDATE refunds SET points_reversed = ?2 WHERE id = ?1",
            (refund_id, points),
        )?;
        Ok(())
    }
}
