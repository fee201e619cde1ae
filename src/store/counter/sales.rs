//! Sales (visits) and refunds.
//!
//! A sale commits to SQLite before anything is printed: the visit, the points it earned, the
//! stamp, any stamp-card voucher and any referral bonus it unlocks, all in one transaction.
//! Recording the same till receipt number again changes nothing and returns the first result.

use crate::domain::ledger::{EventKind, refund_reversal};
use crate::domain::referral::ReferralOutcome;
use crate::domain::sale::{self, Earning, MAX_RECEIPT_CHARS, RefundRefused, RefundTake};
use crate::domain::staff::Actor;
use crate::store::figures::folds::Visit;
use crate::store::{Result, StoreError, loyalty::ledger::Credit};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A sale as the till reports it.
#[derive(Debug, Clone, Default)]
pub struct NewSale {
    /// Amount in minor units, above zero (see `Currency::parse_amount`).
    pub amount: i64,
    /// Unix seconds.
    pub at: i64,
    /// The customer's code as typed or scanned; `None` for an anonymous sale.
    pub customer: Option<String>,
    /// The till's receipt number: the sale's idempotency key.
    pub receipt: Option<String>,
}

/// What recording a sale did.
#[derive(Debug, Clone, Serialize)]
pub struct SaleOutcome {
    pub visit_id: i64,
    pub at: i64,
    pub amount: i64,
    pub receipt: Option<String>,
    /// The customer's code, when the sale was not anonymous.
    pub customer: Option<String>,
    /// The customer's row id (internal).
    #[serde(skip)]
    pub customer_id: Option<i64>,
    pub points_earned: i64,
    /// The customer's balance after the sale (0 for an anonymous sale).
    pub balance: i64,
    /// Whether it counted as a qualifying visit (stamps, referrals).
    pub qualifying: bool,
    /// Stamp-card vouchers this sale completed.
    pub vouchers_issued: i64,
    /// A friend's pending referral that this first purchase settled.
    pub referral: Option<ReferralOutcome>,
    /// True when this receipt had already been recorded: nothing changed.
    pub duplicate: bool,
    /// The code printed under the QR (`7KQ2M-XR4TP`), which opens the same page from
    /// `{public_url}/c/{code}`; none for a sale recorded before receipts had codes.
    pub receipt_code: Option<String>,
}

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

/// One past visit, as the counter shows it when a receipt QR is scanned.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VisitView {
    pub id: i64,
    pub at: i64,
    pub amount: i64,
    pub refunded: i64,
    pub receipt: Option<String>,
    pub customer: Option<String>,
    pub points_earned: i64,
}

#[derive(Debug)]
struct VisitRow {
    id: i64,
    at: i64,
    amount: i64,
    customer_id: Option<i64>,
    points_earned: i64,
    stamped: bool,
    refunded: i64,
    /// The till that made it, when another till of the chain did.
    origin: Option<String>,
}

impl super::Room<'_, '_> {
    fn visit_by_receipt(&self, receipt: &str) -> Result<Option<VisitRow>> {
        self.visit_row("receipt_no = ?1", [receipt])
    }

    /// The visit a refund is for: the till's receipt number, or for a sale recorded without
    /// one (at the counter), the `V<visit id>` its receipt shows. Only refunds read numbers this
    /// way; recording a sale never does, so a till's own "V…" numbers keep their meaning.
    /// On a chain's till, another till's sale is found by the number on its receipt too; when
    /// two tills' sales have that number, `<till>/<number>` says which.
    fn visit_for_refund(&self, receipt: &str) -> Result<Option<VisitRow>> {
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

    /// The visit id for a till receipt number or a counter sale's `V<id>` (another till's
    /// too, as for refunds).
    pub fn visit_id_for_receipt(&self, receipt: &str) -> Result<i64> {
        let receipt = check_receipt(receipt.trim())?;
        match self.visit_for_refund(&receipt)? {
            Some(v) => Ok(v.id),
            None => match receipt.strip_prefix(['V', 'v']).map(str::parse::<i64>) {
                Some(Ok(id)) if self.visit(id)?.is_some() => Ok(id),
                _ => Err(StoreError::UnknownReceipt(receipt)),
            },
        }
    }

    fn visit_row(
        &self,
        condition: &str,
        values: impl rusqlite::Params,
    ) -> Result<Option<VisitRow>> {
        Ok(self.visit_rows(condition, values)?.into_iter().next())
    }

    fn visit_rows(&self, condition: &str, values: impl rusqlite::Params) -> Result<Vec<VisitRow>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT id, at, amount, customer_id, points_earned, stamped, refunded, origin
             FROM visits WHERE {condition} ORDER BY id"
        ))?;
        let rows = stmt
            .query_map(values, |r| {
                Ok(VisitRow {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    amount: r.get(2)?,
                    customer_id: r.get(3)?,
                    points_earned: r.get(4)?,
                    stamped: r.get(5)?,
                    refunded: r.get(6)?,
                    origin: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// A visit by id, or `None` if there is no such visit.
    pub fn visit(&self, id: i64) -> Result<Option<VisitView>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT v.id, v.at, v.amount, v.refunded, v.receipt_no, c.code, v.points_earned
                 FROM visits v LEFT JOIN customers c ON c.id = v.customer_id WHERE v.id = ?1",
            )?
            .query_row([id], visit_view)
            .optional()?)
    }

    /// Visits made in `[from, to)` (unix seconds), oldest first: the raw rows for an export.
    pub fn visits_between(&self, from: i64, to: i64) -> Result<Vec<VisitView>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.id, v.at, v.amount, v.refunded, v.receipt_no, c.code, v.points_earned
             FROM visits v LEFT JOIN customers c ON c.id = v.customer_id
             WHERE v.at >= ?1 AND v.at < ?2 ORDER BY v.at, v.id",
        )?;
        let rows = stmt.query_map((from, to), visit_view)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a sale. See the module documentation.
    pub fn record_sale(&self, sale: &NewSale) -> Result<SaleOutcome> {
        self.record_sale_by(sale, None)
    }

    /// Records a sale made while `staff` was signed in at the counter (see
    /// [`record_sale`](Self::record_sale)).
    pub fn record_sale_by(&self, sale: &NewSale, staff: Option<&str>) -> Result<SaleOutcome> {
        if sale.amount <= 0 {
            return Err(crate::domain::money::AmountError::Zero.into());
        }
        let receipt = match sale.receipt.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(r) => Some(check_receipt(r)?),
        };
        if let Some(r) = &receipt
            && let Some(first) = self.visit_by_receipt(r)?
        {
            return self.replay(first, r);
        }
        let customer = match sale.customer.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(code) => Some(self.people().customer(code)?.0),
        };
        let (program_id, program) = self.program_at(sale.at);
        let Earning {
            qualifying,
            mut points,
            stamped,
        } = sale::earning(program, sale.amount, customer.is_some());
        // A member's tier multiplies what the sale earns (rounded down).
        if let Some(c) = &customer
            && let Some(t) = self.loyalty().tier_of(c.id, sale.at)?
        {
            points = points * t.place.multiplier_percent / 100;
        }
        let code = self.new_receipt_code()?;
        self.tx
            .prepare_cached(
                "INSERT INTO visits (at, amount, customer_id, receipt_no, program_id, points_earned,
                     stamped, staff, receipt_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute((
                sale.at,
                sale.amount,
                customer.as_ref().map(|c| c.id),
                &receipt,
                program_id,
                points,
                stamped,
                staff,
                &code,
            ))?;
        let visit_id = self.tx.last_insert_rowid();
        self.figures().visit_added(Visit {
            at: sale.at,
            amount: sale.amount,
            customer: customer.as_ref().map(|c| c.id),
            refunded: 0,
        })?;
        let mut outcome = SaleOutcome {
            visit_id,
            at: sale.at,
            amount: sale.amount,
            receipt,
            customer: customer.as_ref().map(|c| c.display_code()),
            customer_id: customer.as_ref().map(|c| c.id),
            points_earned: points,
            balance: 0,
            qualifying,
            vouchers_issued: 0,
            referral: None,
            duplicate: false,
            receipt_code: Some(crate::domain::token::receipt_code_printed(&code)),
        };
        let Some(customer) = customer else {
            return Ok(outcome);
        };
        let before = self.loyalty().balance_of(customer.id)?;
        let (vouchers, referral) =
            self.reward_visit(&customer, visit_id, sale.at, points, stamped, qualifying)?;
        self.checks()
            .sale_made(visit_id, customer.id, sale.amount, points, sale.at, staff)?;
        outcome.vouchers_issued = vouchers;
        outcome.referral = referral;
        outcome.balance = self.loyalty().balance_of(customer.id)?;
        self.messages().queue_progress_message(
            customer.id,
            visit_id,
            before,
            outcome.balance,
            sale.at,
        )?;
        Ok(outcome)
    }

    /// Credits a member for a visit already stored with `points` and `stamped`: the earn
    /// event, the stamp and any voucher it completes, and a referral it settles. Used by a sale
    /// and by a later claim of an anonymous receipt (then `at` is the claim's time).
    pub(in crate::store) fn reward_visit(
        &self,
        customer: &crate::store::people::customers::CustomerRow,
        visit_id: i64,
        at: i64,
        points: i64,
        stamped: bool,
        qualifying: bool,
    ) -> Result<(i64, Option<ReferralOutcome>)> {
        self.loyalty().expire_due(Some(customer.id), at)?;
        if points > 0 {
            let key = earn_key(visit_id);
            self.loyalty().credit(&Credit {
                customer_id: customer.id,
                kind: EventKind::Earn,
                points,
                at,
                key: &key,
                visit_id: Some(visit_id),
                reason: None,
                actor: None,
                approved_by: None,
                batch_id: None,
            })?;
        }
        let mut vouchers = 0;
        if stamped {
            self.tx
                .prepare_cached("UPDATE customers SET stamps = stamps + 1 WHERE id = ?1")?
                .execute([customer.id])?;
            vouchers = self.loyalty().sync_vouchers(
                customer.id,
                customer.stamps,
                customer.stamps + 1,
                at,
                Some(visit_id),
            )?;
        }
        let referral = if qualifying {
            self.loyalty().settle_referral(customer.id, visit_id, at)?
        } else {
            None
        };
        self.loyalty().keep_tier(customer.id, at)?;
        Ok((vouchers, referral))
    }

    /// The first result for a receipt recorded before, as it stands now.
    fn replay(&self, first: VisitRow, receipt: &str) -> Result<SaleOutcome> {
        let customer_id = first.customer_id;
        let (customer, balance) = match first.customer_id {
            Some(id) => {
                let c = self.people().customer_by_id(id)?;
                (Some(c.display_code()), c.balance)
            }
            None => (None, 0),
        };
        let vouchers_issued: i64 = self
            .tx
            .prepare_cached("SELECT COUNT(*) FROM vouchers WHERE visit_id = ?1")?
            .query_row([first.id], |r| r.get(0))?;
        let code: Option<String> = self
            .tx
            .prepare_cached("SELECT receipt_code FROM visits WHERE id = ?1")?
            .query_row([first.id], |r| r.get(0))?;
        Ok(SaleOutcome {
            visit_id: first.id,
            at: first.at,
            amount: first.amount,
            receipt: Some(receipt.to_string()),
            customer,
            customer_id,
            points_earned: first.points_earned,
            balance,
            qualifying: self.program_at(first.at).1.qualifies(first.amount),
            vouchers_issued,
            referral: None,
            duplicate: true,
            receipt_code: code
                .as_deref()
                .map(crate::domain::token::receipt_code_printed),
        })
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
        let mut points_reversed = 0;
        let mut points_pending = 0;
        let mut balance = 0;
        if let Some(customer_id) = visit.customer_id {
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
                self.loyalty().sync_vouchers(
                    customer_id,
                    stamps + 1,
                    stamps,
                    now,
                    Some(visit.id),
                )?;
            }
            balance = self.loyalty().balance_of(customer_id)?;
        }
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
}

/// A visit from a row of `id, at, amount, refunded, receipt_no, customer code, points_earned`.
fn visit_view(r: &rusqlite::Row<'_>) -> rusqlite::Result<VisitView> {
    Ok(VisitView {
        id: r.get(0)?,
        at: r.get(1)?,
        amount: r.get(2)?,
        refunded: r.get(3)?,
        receipt: r.get(4)?,
        customer: r
            .get::<_, Option<String>>(5)?
            .map(|c| crate::domain::code::CustomerCode::from_stored(c).to_string()),
        points_earned: r.get(6)?,
    })
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

/// The idempotency key of a sale's earn event: one per visit, and how a refund finds it.
pub(in crate::store) fn earn_key(visit_id: i64) -> String {
    format!("visit:{visit_id}:earn")
}

/// A till's receipt number as kept (the domain's rule), refused in the store's words.
pub(in crate::store) fn check_receipt(r: &str) -> Result<String> {
    sale::check_receipt(r)
        .map(str::to_string)
        .ok_or(StoreError::BadReceipt(MAX_RECEIPT_CHARS))
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
