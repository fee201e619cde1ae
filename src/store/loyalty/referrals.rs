//! Referrals: a friend enrolled with a customer's code is credited, and the referrer too, only
//! after the friend's first qualifying purchase. Refusals are kept with their reason.

use crate::domain::{
    code::{CustomerCode, ReferralCode},
    ledger::EventKind,
    referral::{
        Person, ReferralOutcome, ReferralStatus, RefusalReason, is_self_referral, within_cap,
    },
};
use crate::store::{
    Result, Store, StoreError, loyalty::ledger::Credit, people::customers::CustomerRow,
};
use rusqlite::OptionalExtension;
use serde::Serialize;

pub(in crate::store) const THIRTY_DAYS: i64 = 30 * 86_400;

/// A referral, for the owner's review.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralView {
    pub id: i64,
    pub at: i64,
    pub referrer: String,
    pub friend: Option<String>,
    pub status: String,
    /// Why refused, as stored (`self_referral`, …); the words are the reader's.
    pub reason: Option<String>,
    pub decided_at: Option<i64>,
}

impl super::Room<'_, '_> {
    /// The customer whose referral code this is.
    pub(in crate::store) fn referrer_by_code(&self, text: &str) -> Result<CustomerRow> {
        let code = ReferralCode::parse(text)?;
        self.tx
            .prepare_cached(&format!(
                "SELECT {} FROM customers WHERE referral_code = ?1",
                crate::store::people::customers::CUSTOMER_COLUMNS
            ))?
            .query_row([code.as_str()], CustomerRow::from_row)
            .optional()?
            .ok_or_else(|| StoreError::NoSuchReferralCode(code.to_string()))
    }

    fn insert_referral(
        &self,
        referrer: &CustomerRow,
        friend_id: i64,
        now: i64,
        refused: Option<RefusalReason>,
    ) -> Result<ReferralOutcome> {
        self.tx
            .prepare_cached(
                "INSERT INTO referrals (referrer_id, friend_id, at, status, reason, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute((
                referrer.id,
                friend_id,
                now,
                if refused.is_some() {
                    "refused"
                } else {
                    "pending"
                },
                refused.map(RefusalReason::as_str),
                refused.map(|_| now),
            ))?;
        let id = self.tx.last_insert_rowid();
        self.checks().referred(id, referrer.id, now)?;
        let rule = &self.program_now().referral;
        Ok(match refused {
            Some(reason) => ReferralOutcome {
                referral_id: id,
                status: ReferralStatus::Refused,
                reason: Some(reason),
                referrer: referrer.display_code(),
                referrer_name: referrer.name.clone(),
                friend_bonus: 0,
                referrer_bonus: 0,
                promised: (rule.friend_bonus, rule.referrer_bonus),
            },
            None => ReferralOutcome {
                referral_id: id,
                status: ReferralStatus::Pending,
                reason: None,
                referrer: referrer.display_code(),
                referrer_name: referrer.name.clone(),
                friend_bonus: 0,
                referrer_bonus: 0,
                promised: (rule.friend_bonus, rule.referrer_bonus),
            },
        })
    }

    /// Opens a referral of `friend_id` by `referrer`, or records why it is refused.
    pub(in crate::store) fn open_referral(
        &self,
        referrer: &CustomerRow,
        friend_id: i64,
        now: i64,
    ) -> Result<ReferralOutcome> {
        let friend = self.people().customer_by_id(friend_id)?;
        let as_person = |c: &CustomerRow| -> (Option<i64>, Option<String>, Option<String>) {
            (Some(c.id), c.phone.clone(), c.email.clone())
        };
        let (rid, rphone, remail) = as_person(referrer);
        let (fid, fphone, femail) = as_person(&friend);
        let refusal = if is_self_referral(
            &Person {
                id: rid,
                phone: rphone.as_deref(),
                email: remail.as_deref(),
            },
            &Person {
                id: fid,
                phone: fphone.as_deref(),
                email: femail.as_deref(),
            },
        ) {
            Some(RefusalReason::SelfReferral)
        } else if self
            .optional::<i64>(
                "SELECT id FROM referrals WHERE friend_id = ?1 AND status <> 'refused'",
                [friend_id],
            )?
            .is_some()
        {
            Some(RefusalReason::SecondReferrer)
        } else if self
            .optional::<i64>(
                "SELECT id FROM visits WHERE customer_id = ?1 LIMIT 1",
                [friend_id],
            )?
            .is_some()
        {
            Some(RefusalReason::ExistingCustomer)
        } else {
            None
        };
        self.insert_referral(referrer, friend_id, now, refusal)
    }

    /// Records a refused referral of someone who is already a customer.
    pub(in crate::store) fn refuse_existing(
        &self,
        referrer: &CustomerRow,
        friend_id: i64,
        now: i64,
    ) -> Result<ReferralOutcome> {
        let reason = if referrer.id == friend_id {
            RefusalReason::SelfReferral
        } else {
            RefusalReason::ExistingCustomer
        };
        self.insert_referral(referrer, friend_id, now, Some(reason))
    }

    /// Adds a referral code to an enrolled customer who forgot it at enrolment.
    pub fn attach_referral(
        &self,
        customer_code: &str,
        referral_code: &str,
        now: i64,
    ) -> Result<ReferralOutcome> {
        let friend = self.people().customer(customer_code)?.0;
        let referrer = self.referrer_by_code(referral_code)?;
        self.open_referral(&referrer, friend.id, now)
    }

    /// On a friend's qualifying purchase: credits both sides of their pending referral, or
    /// refuses it when the referrer has reached the 30-day cap.
    pub(in crate::store) fn settle_referral(
        &self,
        friend_id: i64,
        visit_id: i64,
        at: i64,
    ) -> Result<Option<ReferralOutcome>> {
        let pending: Option<(i64, i64)> = self
            .tx
            .prepare_cached(
                "SELECT id, referrer_id FROM referrals WHERE friend_id = ?1 AND status = 'pending'",
            )?
            .query_row([friend_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((referral_id, referrer_id)) = pending else {
            return Ok(None);
        };
        let rule = self.program_at(at).1.referral.clone();
        let recent: u32 = self
            .tx
            .prepare_cached(
                "SELECT COUNT(*) FROM referrals
                 WHERE referrer_id = ?1 AND status = 'rewarded' AND decided_at > ?2",
            )?
            .query_row((referrer_id, at - THIRTY_DAYS), |r| r.get(0))?;
        let referrer = self.people().customer_by_id(referrer_id)?;
        if !within_cap(recent, rule.cap_per_30_days) {
            self.tx.execute(
                "UPDATE referrals SET status = 'refused', reason = ?2, decided_at = ?3, visit_id = ?4
                 WHERE id = ?1",
                (referral_id, RefusalReason::CapReached.as_str(), at, visit_id),
            )?;
            return Ok(Some(ReferralOutcome {
                referral_id,
                status: ReferralStatus::Refused,
                reason: Some(RefusalReason::CapReached),
                referrer: referrer.display_code(),
                referrer_name: referrer.name.clone(),
                friend_bonus: 0,
                referrer_bonus: 0,
                promised: (rule.friend_bonus, rule.referrer_bonus),
            }));
        }
        for (who, points, side) in [
            (friend_id, rule.friend_bonus, "friend"),
            (referrer_id, rule.referrer_bonus, "referrer"),
        ] {
            if points > 0 {
                let key = format!("referral:{referral_id}:{side}");
                self.credit(&Credit {
                    customer_id: who,
                    kind: EventKind::Referral,
                    points,
                    at,
                    key: &key,
                    visit_id: Some(visit_id),
                    reason: Some("referral bonus"),
                    actor: None,
                    approved_by: None,
                    batch_id: None,
                })?;
            }
        }
        self.tx.execute(
            "UPDATE referrals SET status = 'rewarded', decided_at = ?2, visit_id = ?3 WHERE id = ?1",
            (referral_id, at, visit_id),
        )?;
        Ok(Some(ReferralOutcome {
            referral_id,
            status: ReferralStatus::Rewarded,
            reason: None,
            referrer: referrer.display_code(),
            referrer_name: referrer.name.clone(),
            friend_bonus: rule.friend_bonus,
            referrer_bonus: rule.referrer_bonus,
            promised: (rule.friend_bonus, rule.referrer_bonus),
        }))
    }

    /// Referrals for the owner's review, newest first; `status` filters ("refused" …).
    pub fn list_referrals(&self, status: Option<&str>, limit: usize) -> Result<Vec<ReferralView>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT r.id, r.at, a.code, f.code, r.status, r.reason, r.decided_at
             FROM referrals r JOIN customers a ON a.id = r.referrer_id
             LEFT JOIN customers f ON f.id = r.friend_id
             WHERE ?1 IS NULL OR r.status = ?1 ORDER BY r.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map((status, limit as i64), |r| {
            let reason: Option<String> = r.get(5)?;
            Ok(ReferralView {
                id: r.get(0)?,
                at: r.get(1)?,
                referrer: CustomerCode::from_stored(r.get(2)?).to_string(),
                friend: r
                    .get::<_, Option<String>>(3)?
                    .map(|c| CustomerCode::from_stored(c).to_string()),
                status: r.get(4)?,
                reason,
                decided_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Referrals for review, in a read transaction.
    pub fn referrals(&mut self, status: Option<&str>, limit: usize) -> Result<Vec<ReferralView>> {
        self.read(|tx| tx.loyalty().list_referrals(status, limit))
    }
}
