//! What a receipt page was made from, as the store counts its changes (schema 18), and the
//! moment its contents change by time alone, so the customer pages can keep a page they
//! rendered and know exactly when it no longer holds.

use super::{Result, Store, Tx};
use crate::domain::support::{CLAIM_DAYS, RATING_EDIT_DAYS};
use crate::domain::tiers::YEAR;
use crate::domain::token::ShopSecret;
use rusqlite::OptionalExtension;

const DAY: i64 = 86_400;

/// The change counters of a visit's page: equal stamps, the same page (until the page's
/// `fresh_until`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageStamp {
    pub visit_id: i64,
    /// The visit's counter: the visit, its rating, its tickets.
    pub visit_rev: i64,
    /// The member's id and counter: points, vouchers, tier, name, language, choices.
    pub customer: Option<(i64, i64)>,
    /// The program this connection knows (a new one changes rewards and wording).
    pub program: i64,
}

impl Store {
    /// The stamp of the page `token` opens, or `None` for anything forged, altered or unknown,
    /// as [`Tx::visit_for_token`] decides. It runs for every page served, so a shop's own
    /// token takes one statement outside a transaction (the chain's key and the stamp
    /// together); a chain's token goes through the transaction of `visit_for_token`.
    pub fn page_stamp_for_token(
        &mut self,
        token: &str,
        shop: &ShopSecret,
    ) -> Result<Option<PageStamp>> {
        let by_shop = shop.verify(token);
        let program = self.programs.last().map_or(0, |p| p.id);
        let (chain, stamp) = self
            .conn
            .prepare_cached(
                "SELECT s.chain_secret, s.till_number,
                        v.id, COALESCE(vr.rev, 0), v.customer_id, COALESCE(cr.rev, 0)
                 FROM (SELECT ?1 AS id) q
                 LEFT JOIN sync_state s ON 1
                 LEFT JOIN visits v ON v.id = q.id
                 LEFT JOIN page_visit_revs vr ON vr.visit_id = v.id
                 LEFT JOIN page_customer_revs cr ON cr.customer_id = v.customer_id
                 LIMIT 1",
            )?
            .query_row([by_shop], |r| {
                let chain = super::tokens::chain_key_of(r.get(0)?, r.get(1)?);
                let visit: Option<i64> = r.get(2)?;
                let customer: Option<i64> = r.get(4)?;
                let stamp = match visit {
                    Some(visit_id) => Some(PageStamp {
                        visit_id,
                        visit_rev: r.get(3)?,
                        customer: match customer {
                            Some(c) => Some((c, r.get(5)?)),
                            None => None,
                        },
                        program,
                    }),
                    None => None,
                };
                Ok((chain, stamp))
            })?;
        if chain.is_some_and(|(key, _)| key.verify(token).is_some()) {
            return self.read(|tx| match tx.visit_for_token(token, shop)? {
                Some(id) => tx.page_stamp(id),
                None => Ok(None),
            });
        }
        Ok(stamp)
    }
}

impl Tx<'_> {
    /// The stamp of a visit's page now, or `None` if there is no such visit. One indexed
    /// lookup: cheap enough for every request.
    pub fn page_stamp(&self, visit_id: i64) -> Result<Option<PageStamp>> {
        let program = self.programs.last().map_or(0, |p| p.id);
        Ok(self
            .tx
            .prepare_cached(
                "SELECT COALESCE(vr.rev, 0), v.customer_id, COALESCE(cr.rev, 0)
                 FROM visits v
                 LEFT JOIN page_visit_revs vr ON vr.visit_id = v.id
                 LEFT JOIN page_customer_revs cr ON cr.customer_id = v.customer_id
                 WHERE v.id = ?1",
            )?
            .query_row([visit_id], |r| {
                let customer: Option<i64> = r.get(1)?;
                Ok(PageStamp {
                    visit_id,
                    visit_rev: r.get(0)?,
                    customer: customer
                        .map(|c| Ok::<_, rusqlite::Error>((c, r.get(2)?)))
                        .transpose()?,
                    program,
                })
            })
            .optional()?)
    }

    /// The first moment after `now` when the page of a visit made at `at` shows something
    /// else with no row changing: the claim window closing, the rating becoming final,
    /// points expiring, a voucher running out, points leaving the tier's year, a tier
    /// review, a program coming into force. `i64::MAX` when nothing is due.
    pub(super) fn page_fresh_until(
        &self,
        at: i64,
        customer_id: Option<i64>,
        rating_first_at: Option<i64>,
        now: i64,
    ) -> Result<i64> {
        let mut due = vec![];
        match customer_id {
            None => due.push(Some(at + CLAIM_DAYS * DAY + 1)),
            Some(id) => {
                due.push(self.smallest(
                    "SELECT MIN(expires_at) FROM points_events
                     WHERE customer_id = ?1 AND remaining > 0 AND expires_at > ?2",
                    (id, now),
                )?);
                due.push(
                    self.smallest(
                        "SELECT MIN(valid_until) FROM vouchers
                         WHERE customer_id = ?1 AND used_at IS NULL AND voided_at IS NULL
                           AND valid_until >= ?2",
                        (id, now),
                    )?
                    .map(|v| v + 1),
                );
                if let Some(tiers) = &self.program_at(now).1.tiers {
                    due.push(Some(tiers.next_review(now)));
                    due.push(
                        self.smallest(
                            "SELECT MIN(at) FROM points_events
                             WHERE customer_id = ?1 AND kind IN ('earn', 'referral')
                               AND points > 0 AND at > ?2 AND at <= ?3",
                            (id, now - YEAR, now),
                        )?
                        .map(|a| a + YEAR),
                    );
                }
            }
        }
        if let Some(first) = rating_first_at {
            due.push(Some(first + RATING_EDIT_DAYS * DAY));
        }
        due.extend(
            self.programs
                .iter()
                .map(|p| p.effective_from)
                .filter(|&from| from > now)
                .map(Some),
        );
        Ok(due
            .into_iter()
            .flatten()
            .filter(|&t| t > now)
            .min()
            .unwrap_or(i64::MAX))
    }

    /// The value of a `SELECT MIN(…)` (`None` when no row counts).
    fn smallest(&self, sql: &str, params: impl rusqlite::Params) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row(params, |r| r.get(0))?)
    }
}
