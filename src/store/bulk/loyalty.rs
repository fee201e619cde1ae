//! The loyalty side of a bulk load, as the store's own rules do it: points lots earned and
//! spent (soonest-expiring first), expiry, stamp cards' vouchers, referrals settled at the
//! friend's first qualifying purchase, and redemptions.

use super::*;

impl Bulk {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn credit(
        &mut self,
        customer: i64,
        kind: EventKind,
        points: i64,
        at: i64,
        key: Key,
        visit: Option<i64>,
        reason: Option<Rc<str>>,
        actor: Option<Rc<str>>,
    ) -> i64 {
        let expires_at = self.program_at(at).1.expires_at(at);
        let id = self.events.push(Event {
            customer,
            at,
            kind,
            points,
            key,
            visit,
            expires_at,
            remaining: Some(points),
            reason,
            actor,
        });
        if let Some(e) = expires_at {
            self.expiring.insert((e, id));
        }
        let c = self.customers.get_mut(customer);
        c.lots.push((expires_at, id));
        c.balance += points;
        id
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn spend(
        &mut self,
        customer: i64,
        kind: EventKind,
        points: i64,
        at: i64,
        key: Key,
        visit: Option<i64>,
        reason: Option<Rc<str>>,
        actor: Option<Rc<str>>,
        first: &[i64],
        what: &str,
    ) -> Result<i64> {
        let lots: Vec<Lot> = self
            .customers
            .get(customer)
            .lots
            .iter()
            .map(|&(expires_at, id)| Lot {
                id,
                remaining: self.events.get(id).remaining.unwrap_or(0),
                expires_at,
            })
            .collect();
        let taken = allocate(&lots, points, first).map_err(|s| StoreError::NotEnoughPoints {
            what: what.to_string(),
            needed: s.needed,
            balance: s.available,
        })?;
        let id = self.events.push(Event {
            customer,
            at,
            kind,
            points: -points,
            key,
            visit,
            expires_at: None,
            remaining: None,
            reason,
            actor,
        });
        for (lot, p) in taken {
            self.allocations.push((id, lot, p));
            let e = self.events.get_mut(lot);
            e.remaining = e.remaining.map(|r| r - p);
        }
        let events = &self.events;
        let c = self.customers.get_mut(customer);
        c.lots
            .retain(|(_, l)| events.get(*l).remaining.unwrap_or(0) > 0);
        c.balance -= points;
        Ok(id)
    }

    /// As `tx.loyalty().expire_due`: one customer's lots past their date, or everyone's.
    pub(super) fn expire(&mut self, customer: Option<i64>, now: i64) -> Result<()> {
        let due: Vec<(i64, i64)> = match customer {
            Some(c) => {
                let lots = &self.customers.get(c).lots;
                if !lots.iter().any(|(x, _)| x.is_some_and(|x| x <= now)) {
                    return Ok(());
                }
                let mut due: Vec<(i64, i64)> = lots
                    .iter()
                    .filter_map(|&(x, id)| x.filter(|x| *x <= now).map(|x| (x, id)))
                    .collect();
                due.sort_unstable();
                due
            }
            None => {
                let mut due = Vec::new();
                while let Some(&(x, id)) = self.expiring.first()
                    && x <= now
                {
                    self.expiring.pop_first();
                    if self.events.get(id).remaining.unwrap_or(0) > 0 {
                        due.push((x, id));
                    }
                }
                due
            }
        };
        let reason = self.text("points expired");
        for (_, lot) in due {
            let e = self.events.get(lot);
            let (owner, remaining) = (e.customer, e.remaining.unwrap_or(0));
            self.spend(
                owner,
                EventKind::Expire,
                remaining,
                now,
                Key::Expire(lot),
                None,
                Some(reason.clone()),
                None,
                &[lot],
                "expiry",
            )?;
        }
        Ok(())
    }

    /// As `tx.loyalty().expire_due` for every customer.
    pub fn expire_due(&mut self, now: i64) -> Result<()> {
        self.expire(None, now)
    }

    pub(super) fn sync_vouchers(
        &mut self,
        customer: i64,
        before: i64,
        stamps: i64,
        now: i64,
        visit: i64,
    ) {
        let Some(rule) = self.program_at(now).1.stamps.clone() else {
            return;
        };
        let due = vouchers_due(stamps, rule.every);
        if due == vouchers_due(before, rule.every) {
            return;
        }
        let held = self
            .customers
            .get(customer)
            .vouchers
            .iter()
            .filter(|v| self.vouchers.get(**v).voided_at.is_none())
            .count() as i64;
        let reward = self.text(&rule.reward);
        for _ in held..due {
            let id = self.vouchers.push(Voucher {
                customer,
                reward: reward.clone(),
                issued_at: now,
                visit: Some(visit),
                used_at: None,
                voided_at: None,
            });
            self.customers.get_mut(customer).vouchers.push(id);
        }
        for _ in due..held {
            let newest = self
                .customers
                .get(customer)
                .vouchers
                .iter()
                .rev()
                .find(|v| {
                    let v = self.vouchers.get(**v);
                    v.used_at.is_none() && v.voided_at.is_none()
                })
                .copied();
            if let Some(v) = newest {
                self.vouchers.get_mut(v).voided_at = Some(now);
            }
        }
    }

    pub(super) fn settle_referral(
        &mut self,
        friend: i64,
        visit: i64,
        at: i64,
    ) -> Option<ReferralStatus> {
        let id = self.customers.get_mut(friend).pending_referral.take()?;
        let rule = self.program_at(at).1.referral.clone();
        let referrer = self.referrals.get(id).referrer;
        let recent = self
            .customers
            .get(referrer)
            .rewarded
            .iter()
            .filter(|d| **d > at - THIRTY_DAYS)
            .count() as u32;
        if !within_cap(recent, rule.cap_per_30_days) {
            let r = self.referrals.get_mut(id);
            r.status = ReferralStatus::Refused;
            r.reason = Some(RefusalReason::CapReached.as_str());
            r.decided_at = Some(at);
            r.visit = Some(visit);
            return Some(ReferralStatus::Refused);
        }
        let reason = self.text("referral bonus");
        for (who, points, side) in [
            (friend, rule.friend_bonus, "friend"),
            (referrer, rule.referrer_bonus, "referrer"),
        ] {
            if points > 0 {
                self.credit(
                    who,
                    EventKind::Referral,
                    points,
                    at,
                    Key::Referral(id, side),
                    Some(visit),
                    Some(reason.clone()),
                    None,
                );
            }
        }
        let r = self.referrals.get_mut(id);
        r.status = ReferralStatus::Rewarded;
        r.decided_at = Some(at);
        r.visit = Some(visit);
        self.customers.get_mut(referrer).rewarded.push(at);
        Some(ReferralStatus::Rewarded)
    }

    /// Stamp-card vouchers the customer holds and has not used.
    pub fn unused_vouchers(&self, customer: i64) -> i64 {
        self.customers
            .get(customer)
            .vouchers
            .iter()
            .filter(|v| {
                let v = self.vouchers.get(**v);
                v.used_at.is_none() && v.voided_at.is_none()
            })
            .count() as i64
    }

    /// As `tx.loyalty().redeem`.
    pub fn redeem(
        &mut self,
        code_text: &str,
        reward_id: &str,
        now: i64,
        actor: Option<&str>,
    ) -> Result<()> {
        let customer = self.customer_id(code_text)?;
        let program = &self.programs.last().expect("checked").program;
        let reward = crate::store::loyalty::ledger::reward_of(program, reward_id)?;
        self.expire(Some(customer), now)?;
        let voucher = self
            .customers
            .get(customer)
            .vouchers
            .iter()
            .find(|v| {
                let v = self.vouchers.get(**v);
                *v.reward == *reward.id && v.used_at.is_none() && v.voided_at.is_none()
            })
            .copied();
        let (reward_text, name, actor) = (
            self.text(&reward.id),
            self.text(&reward.name),
            actor.map(|a| self.text(a)),
        );
        let id = self.redemptions.push(Redemption {
            customer,
            at: now,
            reward: reward_text,
            reward_name: name.clone(),
            points: if voucher.is_some() { 0 } else { reward.cost },
            voucher,
            event: None,
            actor: actor.clone(),
        });
        if let Some(v) = voucher {
            self.vouchers.get_mut(v).used_at = Some(now);
            return Ok(());
        }
        match self.spend(
            customer,
            EventKind::Redeem,
            reward.cost,
            now,
            Key::Redemption(id),
            None,
            Some(name),
            actor,
            &[],
            &reward.name,
        ) {
            Ok(event) => {
                self.redemptions.get_mut(id).event = Some(event);
                Ok(())
            }
            Err(e) => {
                self.redemptions.rows.pop();
                Err(e)
            }
        }
    }
}
