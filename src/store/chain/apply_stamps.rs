//! Stamp cards across the chain: a stamp another till put on a customer's card counts here,
//! a full refund anywhere takes it off, and a reward paid with a stamp-card voucher at
//! another till uses one of the vouchers held here. Every till then holds the same vouchers
//! for a customer, and the same ones used.

use crate::store::Result;
use crate::store::chain::apply::Outcome;
use crate::store::chain::sync::RemoteEvent;
use crate::store::loyalty::stamps::OpeningStamps;
use serde::Deserialize;

/// A reward another till paid with a voucher.
#[derive(Deserialize)]
struct VoucherPayload {
    gid: String,
    customer: String,
    at: i64,
    reward: String,
    reward_name: String,
    actor: Option<String>,
    /// The stamp card's, or an occasion's with its year (earlier events: the card's).
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    year: Option<i64>,
    #[serde(default)]
    valid_until: Option<i64>,
}

/// Stamps another till recorded from an import or a paper card.
#[derive(Deserialize)]
struct OpeningStampsPayload {
    gid: String,
    customer: String,
    at: i64,
    stamps: i64,
    source: String,
    key: String,
    actor: Option<String>,
    approved_by: Option<String>,
}

impl super::Room<'_, '_> {
    /// Opening stamps from another till: on the card here too, with the vouchers they make.
    pub(super) fn apply_opening_stamps(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(o) = serde_json::from_str::<OpeningStampsPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "opening stamps that do not parse");
        };
        if self.id_by_gid("opening_stamps", &o.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.customer_by_gid(&o.customer)? else {
            return self.problem(e, now, "missing", "opening stamps of an unknown customer");
        };
        self.loyalty().add_opening_stamps(&OpeningStamps {
            customer_id: customer,
            at: o.at,
            stamps: o.stamps,
            source: &o.source,
            key: &format!("chain:{}", o.key),
            batch_id: None,
            actor: o.actor.as_deref(),
            approved_by: o.approved_by.as_deref(),
            gid: Some(&o.gid),
            origin: Some(&e.till_id),
        })?;
        Ok(Outcome::Applied)
    }

    /// A stamp on `customer`'s card for `visit` (made at another till, or claimed there).
    pub(super) fn stamp_from_chain(&self, customer: i64, visit: i64, at: i64) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE visits SET stamped = 1 WHERE id = ?1")?
            .execute([visit])?;
        let stamps: i64 = self
            .tx
            .prepare_cached(
                "UPDATE customers SET stamps = stamps + 1 WHERE id = ?1 RETURNING stamps",
            )?
            .query_row([customer], |r| r.get(0))?;
        self.loyalty()
            .sync_vouchers(customer, stamps - 1, stamps, at, Some(visit))?;
        Ok(())
    }

    /// After a refund from another till refunded `visit` in full: its stamp comes off the card
    /// (and the voucher it paid for, if still unused), as a refund here does.
    pub(super) fn unstamp_from_chain(&self, visit: i64, at: i64) -> Result<()> {
        let stamped: Option<(bool, Option<i64>)> = self.optional_row(
            "SELECT stamped, customer_id FROM visits WHERE id = ?1 AND refunded >= amount",
            visit,
        )?;
        let Some((true, Some(customer))) = stamped else {
            return Ok(());
        };
        self.tx
            .prepare_cached("UPDATE visits SET stamped = 0 WHERE id = ?1")?
            .execute([visit])?;
        let stamps: i64 = self
            .tx
            .prepare_cached(
                "UPDATE customers SET stamps = stamps - 1 WHERE id = ?1 RETURNING stamps",
            )?
            .query_row([customer], |r| r.get(0))?;
        self.loyalty()
            .sync_vouchers(customer, stamps + 1, stamps, at, Some(visit))?;
        Ok(())
    }

    fn optional_row(&self, sql: &str, id: i64) -> Result<Option<(bool, Option<i64>)>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// A reward another till paid with a stamp-card voucher: one of the customer's vouchers
    /// for it is used here too. The oldest unused one; else one a refund here voided (that
    /// till used it before it heard of the refund, and a used voucher is not taken back);
    /// else one is made, used (the voucher was used twice while apart, or its stamp was
    /// refunded here meanwhile), and the owner's list says so.
    pub(super) fn apply_voucher(&self, e: &RemoteEvent, now: i64) -> Result<Outcome> {
        let Ok(p) = serde_json::from_str::<VoucherPayload>(&e.payload) else {
            return self.problem(e, now, "unreadable", "a voucher event that does not parse");
        };
        if self.id_by_gid("redemptions", &p.gid)?.is_some() {
            return Ok(Outcome::Known);
        }
        let Some(customer) = self.customer_by_gid(&p.customer)? else {
            return self.problem(e, now, "missing", "a voucher of an unknown customer");
        };
        if let (Some(kind @ ("birthday" | "anniversary" | "welcome_back")), Some(year)) =
            (p.kind.as_deref(), p.year)
        {
            // A birthday's or an anniversary's voucher: the same one at every till, used.
            self.tx
                .prepare_cached(
                    "INSERT INTO vouchers (customer_id, reward_id, issued_at, used_at, kind, year,
                     valid_until) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)
                     ON CONFLICT (customer_id, kind, year) WHERE kind <> 'stamps'
                     DO UPDATE SET used_at = COALESCE(used_at, excluded.used_at)",
                )?
                .execute((customer, &p.reward, p.at, kind, year, p.valid_until))?;
            let voucher: i64 = self.tx.query_row(
                "SELECT id FROM vouchers WHERE customer_id = ?1 AND kind = ?2 AND year = ?3",
                (customer, kind, year),
                |r| r.get(0),
            )?;
            self.remote_redemption(e, customer, voucher, &p)?;
            return Ok(Outcome::Applied);
        }
        let voucher: Option<i64> = self.optional(
            "SELECT id FROM vouchers WHERE customer_id = ?1 AND reward_id = ?2 AND used_at IS NULL
             AND kind = 'stamps' ORDER BY voided_at IS NOT NULL, id LIMIT 1",
            (customer, &p.reward),
        )?;
        let mut outcome = Outcome::Applied;
        let voucher = match voucher {
            Some(v) => {
                self.tx
                    .prepare_cached(
                        "UPDATE vouchers SET used_at = ?2, voided_at = NULL WHERE id = ?1",
                    )?
                    .execute((v, p.at))?;
                v
            }
            // Given where this till's card had none to give (used twice while apart, or
            // earned there by a stamp a refund here has since taken off): it is held and used
            // here too, so every till counts the same vouchers given.
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO vouchers (customer_id, reward_id, issued_at, used_at)
                         VALUES (?1, ?2, ?3, ?3)",
                    )?
                    .execute((customer, &p.reward, p.at))?;
                let made = self.tx.last_insert_rowid();
                let code: String = self.tx.query_row(
                    "SELECT code FROM customers WHERE id = ?1",
                    [customer],
                    |r| r.get(0),
                )?;
                outcome = self.problem(
                    e,
                    now,
                    "voucher",
                    &format!(
                        "{code}: another till gave a {} for a stamp-card voucher this till's \
                         card did not hold",
                        p.reward_name
                    ),
                )?;
                made
            }
        };
        self.remote_redemption(e, customer, voucher, &p)?;
        Ok(outcome)
    }

    /// Another till's reward paid with `voucher`, on this customer's timeline here.
    fn remote_redemption(
        &self,
        e: &RemoteEvent,
        customer: i64,
        voucher: i64,
        p: &VoucherPayload,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO redemptions (customer_id, at, reward_id, reward_name, points,
                 voucher_id, actor, gid, origin) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8)",
            )?
            .execute((
                customer,
                p.at,
                &p.reward,
                &p.reward_name,
                voucher,
                &p.actor,
                &p.gid,
                &e.till_id,
            ))?;
        Ok(())
    }
}
