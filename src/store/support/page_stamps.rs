//! What a receipt page was made from, as the store counts its changes (schema 18), and the
//! moment its contents change by time alone, so the customer pages can keep a page they
//! rendered and know exactly when it no longer holds.

use crate::domain::support::{CLAIM_DAYS, RATING_EDIT_DAYS};
use crate::domain::tiers::YEAR;
use crate::domain::token::ShopSecret;
use crate::store::{Result, Store};

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

/// The chain's key and the change counters of visit `?1`, in one row whether or not the
/// visit is there (`?1` may be NULL).
const STAMP: &str = "SELECT s.chain_secret, s.till_number,
        v.id, COALESCE(vr.rev, 0), v.customer_id, COALESCE(cr.rev, 0)
 FROM (SELECT ?1 AS id) q
 LEFT JOIN sync_state s ON 1
 LEFT JOIN visits v ON v.id = q.id
 LEFT JOIN page_visit_revs vr ON vr.visit_id = v.id
 LEFT JOIN page_customer_revs cr ON cr.customer_id = v.customer_id
 LIMIT 1";

/// The chain's secret and this till's number in it.
type ChainKey = (ShopSecret, u32);

/// Reads [`STAMP`] for `visit` on `conn` (in a transaction or not): the chain's key, and the
/// visit's stamp under `program` if the visit is there.
fn read_stamp(
    conn: &rusqlite::Connection,
    visit: Option<i64>,
    program: i64,
) -> Result<(Option<ChainKey>, Option<PageStamp>)> {
    Ok(conn.prepare_cached(STAMP)?.query_row([visit], |r| {
        let chain = crate::store::counter::tokens::chain_key_of(r.get(0)?, r.get(1)?);
        let Some(visit_id) = r.get::<_, Option<i64>>(2)? else {
            return Ok((chain, None));
        };
        let customer = match r.get::<_, Option<i64>>(4)? {
            Some(c) => Some((c, r.get(5)?)),
            None => None,
        };
        let stamp = PageStamp {
            visit_id,
            visit_rev: r.get(3)?,
            customer,
            program,
        };
        Ok((chain, Some(stamp)))
    })?)
}

impl Store {
    /// The stamp of the page `token` opens, or `None` for anything forged, altered or unknown,
    /// as `tx.counter().visit_for_token` decides. It runs for every page served, so each token
    /// takes one read of the database: a shop's own, one statement outside a transaction (the
    /// chain's key and the stamp together); any other (a chain's, as every token at a page
    /// server) the one transaction of `visit_for_token`, whose locks many pages at once take
    /// in turn.
    pub fn page_stamp_for_token(
        &mut self,
        token: &str,
        shop: &ShopSecret,
    ) -> Result<Option<PageStamp>> {
        let program = self.programs.last().map_or(0, |p| p.id);
        if let Some(visit) = shop.verify(token) {
            let (chain, stamp) = read_stamp(&self.conn, Some(visit), program)?;
            if chain.is_none_or(|(key, _)| key.verify(token).is_none()) {
                return Ok(stamp);
            }
        }
        self.read(|tx| match tx.counter().visit_for_token(token, shop)? {
            Some(id) => tx.support().page_stamp(id),
            None => Ok(None),
        })
    }
}

impl super::Room<'_, '_> {
    /// The stamp of a visit's page now, or `None` if there is no such visit: one row of
    /// indexed lookups.
    pub fn page_stamp(&self, visit_id: i64) -> Result<Option<PageStamp>> {
        let program = self.programs.last().map_or(0, |p| p.id);
        Ok(read_stamp(&self.tx, Some(visit_id), program)?.1)
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
