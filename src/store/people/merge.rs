//! Two cards of one person become one customer: the merge list (pairs found to share a phone or
//! an email when other tills' enrolments arrived) and the merge itself, which moves everything
//! the gone card had to the kept one without losing or doubling a point.
//!
//! The gone card stays, pointing at the customer it became (`merged_into`), so scanning it
//! still finds them. On a chain's till the merge goes to the other tills as one event (the
//! gone card's customer event, naming the kept one), and each till moves the rows it holds
//! itself, the same way.

use crate::store::people::customers::CustomerRow;
use crate::store::{Result, StoreError};
use serde::Serialize;

/// What a merge did.
#[derive(Debug, Clone, Serialize)]
pub struct Merged {
    /// The card that stays.
    pub kept: String,
    /// The card folded into it (it finds the kept customer from now on).
    pub gone: String,
    pub visits_moved: i64,
    pub points_moved: i64,
    /// The kept customer's balance after the merge.
    pub balance: i64,
}

/// What two records of one person were found to share (`"phone"` or `"email"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shared {
    Phone,
    Email,
}

/// One pair on the owner's merge list.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    pub a: String,
    pub a_name: Option<String>,
    pub b: String,
    pub b_name: Option<String>,
    /// What they share.
    pub what: Shared,
    pub found_at: i64,
}

impl super::Room<'_, '_> {
    /// Makes the customers with cards `a` and `b` one: the card enrolled first stays, and the
    /// other is folded into it (visits, points with what is left of each lot, vouchers and
    /// stamps, redemptions, referrals, tickets and notes move; the kept customer takes a phone
    /// or email only the other had). Every till of a chain chooses the same card whatever order
    /// merges reach it in, so they all end with the same customers.
    pub fn merge_customers(&self, a: &str, b: &str, now: i64) -> Result<Merged> {
        let in_chain = self.chain().in_chain()?;
        if in_chain {
            // Every queued event first says what was true when it was written (and every row
            // has its global id, which settles ties below).
            self.chain().freeze_outbox()?;
        }
        let (a, b) = (self.customer(a)?.0, self.customer(b)?.0);
        let (kept, gone) = self.kept_and_gone(a.id, b.id)?;
        let (kept, gone) = (self.customer_by_id(kept)?, self.customer_by_id(gone)?);
        if kept.id == gone.id {
            return Err(StoreError::AlreadyOneCustomer {
                kept: kept.display_code(),
                gone: gone.display_code(),
            });
        }
        for c in [&kept, &gone] {
            if c.erased_at.is_some() {
                return Err(StoreError::Erased(c.display_code()));
            }
        }
        // On a chain's till the moves below are this till's to make, not events of their own:
        // the merge goes out once, as the gone card's customer event.
        if in_chain {
            self.tx.execute("UPDATE sync_state SET applying = 1", [])?;
        }
        let (visits_moved, points_moved) = self.fold_customer(kept.id, gone.id, now)?;
        if in_chain {
            self.tx.execute("UPDATE sync_state SET applying = 0", [])?;
            self.tx.execute(
                &format!(
                    "INSERT INTO outbox (key, kind, at, row_id) VALUES ({}, 'customer', ?1, ?2)",
                    crate::store::chain::sync::NEW_KEY
                ),
                (now, gone.id),
            )?;
        }
        Ok(Merged {
            kept: kept.display_code(),
            gone: gone.display_code(),
            visits_moved,
            points_moved,
            balance: self.loyalty().balance_of(kept.id)?,
        })
    }

    /// Of two customers, the one that stays (enrolled first; then the smaller global id, then
    /// row id) and the one folded into it.
    pub(in crate::store) fn kept_and_gone(&self, a: i64, b: i64) -> Result<(i64, i64)> {
        let key = |id: i64| -> Result<(i64, Option<String>, i64)> {
            Ok(self.tx.query_row(
                "SELECT enrolled_at, gid, id FROM customers WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        };
        Ok(if key(a)? <= key(b)? { (a, b) } else { (b, a) })
    }

    /// Moves everything of customer `gone` to `kept` and marks `gone` as merged into it.
    /// Returns the visits and the points (the balance) moved.
    pub(in crate::store) fn fold_customer(
        &self,
        kept: i64,
        gone: i64,
        now: i64,
    ) -> Result<(i64, i64)> {
        let tx = &self.tx;
        let row = |id| self.customer_by_id(id);
        let (k, g): (CustomerRow, CustomerRow) = (row(kept)?, row(gone)?);
        let visits_moved = tx.execute(
            "UPDATE visits SET customer_id = ?1 WHERE customer_id = ?2",
            (kept, gone),
        )? as i64;
        for table in [
            "points_events",
            "redemptions",
            "tickets",
            "customer_notes",
            "consents",
            "messages",
            "opening_stamps",
        ] {
            tx.execute(
                &format!("UPDATE {table} SET customer_id = ?1 WHERE customer_id = ?2"),
                (kept, gone),
            )?;
        }
        // Their chats: the kept card's live chat on an app stays; the gone card's on the same
        // app ends.
        tx.execute(
            "UPDATE chat_links SET unlinked_at = linked_at, unlinked_why = 'merged'
             WHERE customer_id = ?2 AND unlinked_at IS NULL AND channel IN
                (SELECT channel FROM chat_links WHERE customer_id = ?1 AND unlinked_at IS NULL)",
            (kept, gone),
        )?;
        for table in ["chat_links", "chat_inbound"] {
            tx.execute(
                &format!("UPDATE {table} SET customer_id = ?1 WHERE customer_id = ?2"),
                (kept, gone),
            )?;
        }
        // Vouchers too, but one birthday, anniversary or welcome-back voucher a year: the
        // gone card's second one of a kind stays with it, voided if unused.
        tx.execute(
            "UPDATE OR IGNORE vouchers SET customer_id = ?1 WHERE customer_id = ?2",
            (kept, gone),
        )?;
        tx.execute(
            "UPDATE vouchers SET voided_at = ?2
             WHERE customer_id = ?1 AND used_at IS NULL AND voided_at IS NULL",
            (gone, now),
        )?;
        tx.execute(
            "UPDATE referrals SET referrer_id = ?1 WHERE referrer_id = ?2",
            (kept, gone),
        )?;
        // One referral per friend: the gone card's is kept only if the kept one had none.
        tx.execute(
            "UPDATE referrals SET status = 'refused', reason = 'merged', decided_at = ?3
             WHERE friend_id = ?2 AND status <> 'refused'
               AND EXISTS (SELECT 1 FROM referrals WHERE friend_id = ?1 AND status <> 'refused')",
            (kept, gone, now),
        )?;
        tx.execute(
            "UPDATE referrals SET friend_id = ?1 WHERE friend_id = ?2",
            (kept, gone),
        )?;
        // The gone card's phone and email go to the kept customer where it has none.
        let phone = k.phone.clone().or(g.phone.clone());
        let email = k.email.clone().or(g.email.clone());
        tx.execute(
            "UPDATE customers SET phone = NULL, email = NULL, balance = 0, stamps = 0,
             merged_into = ?2 WHERE id = ?1",
            (gone, kept),
        )?;
        // Cards merged into the gone one earlier now lead to the kept one.
        tx.execute(
            "UPDATE customers SET merged_into = ?1 WHERE merged_into = ?2",
            (kept, gone),
        )?;
        tx.execute(
            "UPDATE customers SET phone = ?2, email = ?3, balance = balance + ?4,
             stamps = stamps + ?5 WHERE id = ?1",
            (kept, &phone, &email, g.balance, g.stamps),
        )?;
        if g.stamps > 0 {
            let visit =
                self.optional::<i64>("SELECT MAX(id) FROM visits WHERE customer_id = ?1", [kept])?;
            self.loyalty()
                .sync_vouchers(kept, 0, k.stamps + g.stamps, now, visit)?;
        }
        // The gone card's scores go; the kept one's are redone at the next refit.
        tx.execute("DELETE FROM insights_scores WHERE customer_id = ?1", [gone])?;
        self.figures().agg_members_refold(kept, gone)?;
        Ok((visits_moved, g.balance))
    }

    /// Pairs of customers found to share a phone or an email, neither merged nor erased since.
    pub fn duplicates(&self) -> Result<Vec<Duplicate>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.code, a.name, b.code, b.name, p.detail, MIN(p.at)
             FROM sync_problems p
             JOIN customers a ON a.id = p.customer_a JOIN customers b ON b.id = p.customer_b
             WHERE p.kind = 'duplicate' AND a.merged_into IS NULL AND b.merged_into IS NULL
               AND a.erased_at IS NULL AND b.erased_at IS NULL
             GROUP BY a.id, b.id ORDER BY MIN(p.at), a.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let detail: String = r.get(4)?;
                Ok(Duplicate {
                    a: crate::store::people::customers::display_code(r.get(0)?),
                    a_name: r.get(1)?,
                    b: crate::store::people::customers::display_code(r.get(2)?),
                    b_name: r.get(3)?,
                    what: if detail.ends_with("email") {
                        Shared::Email
                    } else {
                        Shared::Phone
                    },
                    found_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
