//! The stamp card's vouchers: as many as the card is worth, issued or voided as stamps come
//! and go (a sale, a refund, a merge, another till's stamp).

use crate::domain::ledger::vouchers_due;
use crate::domain::staff::Actor;
use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;

/// Stamps a customer had before Regulars, as `opening_stamps` keeps them.
#[derive(Debug, Default)]
pub(in crate::store) struct OpeningStamps<'a> {
    pub customer_id: i64,
    pub at: i64,
    pub stamps: i64,
    /// `import` or `paper`.
    pub source: &'a str,
    pub key: &'a str,
    pub batch_id: Option<i64>,
    pub actor: Option<&'a str>,
    pub approved_by: Option<&'a str>,
    /// Another till's: its global id and the till.
    pub gid: Option<&'a str>,
    pub origin: Option<&'a str>,
}

/// Stamps credited from a member's paper card.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PaperStamped {
    pub stamps: i64,
    /// The card's stamps now, and the vouchers they made that are not used yet.
    pub card: i64,
    pub vouchers: i64,
}

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

    /// Credits the stamps on a member's paper card, once per member, recorded with who did it
    /// (and the owner who approved it, for more than the program's paper limit, which the
    /// caller checks: [`StampRule::paper_limit`](crate::domain::program::StampRule)).
    pub fn paper_stamps(
        &self,
        code: &str,
        stamps: i64,
        by: &Actor,
        now: i64,
    ) -> Result<PaperStamped> {
        let customer = self.people().customer(code)?.0;
        if customer.erased_at.is_some() {
            return Err(StoreError::Erased(customer.display_code()));
        }
        if self.program_at(now).1.stamps.is_none() {
            return Err(StoreError::NoStampCard);
        }
        if !(1..=crate::domain::import::MAX_OPENING).contains(&stamps) {
            return Err(StoreError::PaperStampsCount(stamps));
        }
        let before: Option<(i64, i64, Option<String>)> = self
            .tx
            .prepare_cached(
                "SELECT stamps, at, actor FROM opening_stamps
                 WHERE customer_id = ?1 AND source = 'paper'",
            )?
            .query_row([customer.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if let Some((stamps, at, actor)) = before {
            return Err(StoreError::PaperStampsTaken {
                stamps,
                at,
                by: actor,
            });
        }
        self.add_opening_stamps(&OpeningStamps {
            customer_id: customer.id,
            at: now,
            stamps,
            source: "paper",
            key: &format!("paper:{}", customer.code),
            actor: by.name.as_deref(),
            approved_by: by.approved_by.as_deref(),
            ..OpeningStamps::default()
        })?;
        Ok(PaperStamped {
            stamps,
            card: customer.stamps + stamps,
            vouchers: self.unused_vouchers(customer.id)?,
        })
    }

    /// The most paper-card stamps a cashier credits alone, when the program has a stamp card.
    pub fn paper_limit(&self, now: i64) -> Option<u32> {
        self.program_at(now)
            .1
            .stamps
            .as_ref()
            .map(|s| s.paper_limit())
    }

    /// Records opening stamps (an import's, a paper card's, or another till's) and puts them
    /// on the customer's card, with the vouchers they make.
    pub(in crate::store) fn add_opening_stamps(&self, o: &OpeningStamps<'_>) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO opening_stamps (customer_id, at, stamps, source, key, batch_id,
                 actor, approved_by, gid, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(rusqlite::params![
                o.customer_id,
                o.at,
                o.stamps,
                o.source,
                o.key,
                o.batch_id,
                o.actor,
                o.approved_by,
                o.gid,
                o.origin
            ])?;
        let after: i64 = self
            .tx
            .prepare_cached(
                "UPDATE customers SET stamps = stamps + ?2 WHERE id = ?1 RETURNING stamps",
            )?
            .query_row((o.customer_id, o.stamps), |r| r.get(0))?;
        self.sync_vouchers(o.customer_id, after - o.stamps, after, o.at, None)?;
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
