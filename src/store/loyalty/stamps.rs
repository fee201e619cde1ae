//! The stamp card's vouchers: as many as the card is worth, issued or voided as stamps come
//! and go (a sale, a refund, a merge, another till's stamp).

use crate::domain::ledger::vouchers_due;
use crate::store::Result;

impl super::Room<'_, '_> {
    /// After the stamp count moved from `before` to `stamps`, issues or voids vouchers so the
    /// customer holds what the card is worth. Returns the number issued. Only counts vouchers
    /// when the card crosses a multiple of `every`, so an ordinary sale reads nothing extra.
    pub(in crate::store) fn sync_vouchers(
        &self,
        customer_id: i64,
        before: i64,
        stamps: i64,
        now: i64,
        visit_id: Option<i64>,
    ) -> Result<i64> {
        let Some(rule) = self.program_at(now).1.stamps.clone() else {
            return Ok(0);
        };
        let due = vouchers_due(stamps, rule.every);
        if due == vouchers_due(before, rule.every) {
            return Ok(0);
        }
        let held: i64 = self
            .tx
            .prepare_cached(
                "SELECT COUNT(*) FROM vouchers WHERE customer_id = ?1 AND voided_at IS NULL
                 AND kind = 'stamps'",
            )?
            .query_row([customer_id], |r| r.get(0))?;
        for _ in held..due {
            self.tx
                .prepare_cached(
                    "INSERT INTO vouchers (customer_id, reward_id, issued_at, visit_id)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute((customer_id, &rule.reward, now, visit_id))?;
        }
        // A refund that takes a visit off the card voids the newest unused voucher it paid for;
        // one already used stays used (spent rewards are not clawed back).
        for _ in due..held {
            self.tx
                .prepare_cached(
                    "UPDATE vouchers SET voided_at = ?2 WHERE id = (
                        SELECT id FROM vouchers
                        WHERE customer_id = ?1 AND used_at IS NULL AND voided_at IS NULL
                          AND kind = 'stamps'
                        ORDER BY id DESC LIMIT 1)",
                )?
                .execute((customer_id, now))?;
        }
        Ok((due - held).max(0))
    }

    /// Puts `stamps` more on a customer's card (opening stamps), with the vouchers they make.
    pub(in crate::store) fn add_stamps(
        &self,
        customer_id: i64,
        stamps: i64,
        now: i64,
    ) -> Result<()> {
        let after: i64 = self
            .tx
            .prepare_cached(
                "UPDATE customers SET stamps = stamps + ?2 WHERE id = ?1 RETURNING stamps",
            )?
            .query_row((customer_id, stamps), |r| r.get(0))?;
        self.sync_vouchers(customer_id, after - stamps, after, now, None)?;
        Ok(())
    }

    /// Stamp-card vouchers the customer holds and has not used.
    pub fn unused_vouchers(&self, customer_id: i64) -> Result<i64> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT COUNT(*) FROM vouchers
                 WHERE customer_id = ?1 AND used_at IS NULL AND voided_at IS NULL
                   AND kind = 'stamps'",
            )?
            .query_row([customer_id], |r| r.get(0))?)
    }
}
