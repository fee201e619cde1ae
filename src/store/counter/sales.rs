//! Sales (visits) and refunds.
//!
//! A sale commits to SQLite before anything is printed: the visit, the points it earned, the
//! stamp, any stamp-card voucher and any referral bonus it unlocks, all in one transaction.
//! Recording the same till receipt number again changes nothing and returns the first result.

use crate::domain::ledger::EventKind;
use crate::domain::referral::ReferralOutcome;
use crate::domain::sale::{self, Earning, MAX_RECEIPT_CHARS};
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
pub(super) struct VisitRow {
    pub(super) id: i64,
    pub(super) at: i64,
    pub(super) amount: i64,
    pub(super) customer_id: Option<i64>,
    pub(super) points_earned: i64,
    pub(super) stamped: bool,
    pub(super) refunded: i64,
    /// The till that made it, when another till of the chain did.
    pub(super) origin: Option<String>,
}

impl super::Room<'_, '_> {
    pub(super) fn visit_by_receipt(&self, receipt: &str) -> Result<Option<VisitRow>> {
        self.visit_row("receipt_no = ?1", [receipt])
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

    pub(super) fn visit_row(
        &self,
        condition: &str,
        values: impl rusqlite::Params,
    ) -> Result<Option<VisitRow>> {
        Ok(self.visit_rows(condition, values)?.into_iter().next())
    }

    pub(super) fn visit_rows(
        &self,
        condition: &str,
        values: impl rusqlite::Params,
    ) -> Result<Vec<VisitRow>> {
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
