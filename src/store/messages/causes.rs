//! What puts a message in the outbox: a sale that makes a reward affordable or near, an
//! occasion's voucher, a resolved ticket and the customer's silence after it. Each is queued
//! in the transaction of its cause, under a key naming that cause, so it is queued once.

use crate::domain::messages::{Kind, crossed, nearing_threshold};
use crate::store::Result;

const DAY: i64 = 86_400;

impl super::Room<'_, '_> {
    /// After a sale moved a member's balance from `before` to `after`: "reward ready" when it
    /// now pays for a reward it did not (the dearest such), else "nearing a reward" when it
    /// came within a fifth of the next one.
    pub(in crate::store) fn queue_progress_message(
        &self,
        customer_id: i64,
        visit_id: i64,
        before: i64,
        after: i64,
        now: i64,
    ) -> Result<bool> {
        let program = self.program_at(now).1;
        let ready = program
            .rewards
            .iter()
            .filter(|r| crossed(before, after, r.cost))
            .max_by_key(|r| r.cost);
        if let Some(r) = ready {
            let facts = serde_json::json!({ "reward": r.id, "cost": r.cost });
            return self.queue_marketing(
                customer_id,
                Kind::RewardReady,
                &format!("reward_ready:visit:{visit_id}"),
                &facts,
                now,
            );
        }
        let near = program
            .rewards
            .iter()
            .filter(|r| r.cost > after && crossed(before, after, nearing_threshold(r.cost)))
            .min_by_key(|r| r.cost);
        match near {
            Some(r) => {
                let facts = serde_json::json!({ "reward": r.id, "cost": r.cost });
                self.queue_marketing(
                    customer_id,
                    Kind::NearingReward,
                    &format!("nearing_reward:visit:{visit_id}"),
                    &facts,
                    now,
                )
            }
            None => Ok(false),
        }
    }

    /// A message for each birthday, anniversary and welcome-back voucher given in the last
    /// two days and not yet used (once per voucher). Returns how many were queued.
    pub(in crate::store) fn queue_voucher_messages(&self, now: i64) -> Result<usize> {
        let vouchers: Vec<(i64, i64, String, String, Option<i64>)> = {
            let mut stmt = self.tx.prepare_cached(
                "SELECT v.id, v.customer_id, v.kind, v.reward_id, v.valid_until FROM vouchers v
                 WHERE v.kind <> 'stamps' AND v.issued_at >= ?1 AND v.used_at IS NULL
                   AND v.voided_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.key = 'voucher:' || v.id)",
            )?;
            stmt.query_map([now - 2 * DAY], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut queued = 0;
        for (id, customer, kind, reward, until) in vouchers {
            let kind = match kind.as_str() {
                "birthday" => Kind::Birthday,
                "anniversary" => Kind::Anniversary,
                _ => Kind::WelcomeBack,
            };
            let facts = serde_json::json!({ "reward": reward, "valid_until": until });
            queued += usize::from(self.queue_marketing(
                customer,
                kind,
                &format!("voucher:{id}"),
                &facts,
                now,
            )?);
        }
        Ok(queued)
    }

    /// A follow-up for each resolved ticket the customer has not confirmed, `every_days`
    /// after the resolution and after each follow-up, `most` times at most. Returns how many
    /// were queued.
    pub fn queue_follow_ups(&self, now: i64, every_days: i64, most: i64) -> Result<usize> {
        let every = every_days.max(1) * DAY;
        let tickets: Vec<(i64, i64, i64, Option<i64>)> = {
            let mut stmt = self.tx.prepare_cached(
                "SELECT t.id, t.resolved_at,
                        (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id
                           AND m.kind = 'ticket_follow_up' AND m.created_at >= t.resolved_at),
                        (SELECT MAX(m.created_at) FROM messages m WHERE m.ticket_id = t.id
                           AND m.created_at >= t.resolved_at)
                 FROM tickets t
                 WHERE t.status = 'resolved' AND t.resolved_at <= ?1
                   AND t.contact_via IN ('email', 'sms') AND t.contact IS NOT NULL",
            )?;
            stmt.query_map([now - every], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut queued = 0;
        for (ticket, resolved_at, sent, last) in tickets {
            if sent >= most || last.unwrap_or(resolved_at) > now - every {
                continue;
            }
            let key = format!("ticket_follow_up:{ticket}:{resolved_at}:{}", sent + 1);
            queued += usize::from(self.queue_ticket_message(
                ticket,
                Kind::TicketFollowUp,
                &key,
                &serde_json::json!({}),
                now,
            )?);
        }
        Ok(queued)
    }
}
