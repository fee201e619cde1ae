//! The points ledger's arithmetic: which points a spend consumes, and what a refund takes back.
//!
//! The ledger itself is append-only events in the store; this module decides amounts. Rules from
//! the field notes: spend the soonest-expiring points first; never go below zero; a refund takes
//! back points in proportion to the amount refunded, never more than the sale earned, and never
//! more than the customer still holds (spent rewards are not clawed back).

/// Kinds of ledger event. Positive kinds create a lot that later spends consume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Earn,
    Redeem,
    Refund,
    Referral,
    Adjust,
    Expire,
    /// A balance brought from another system (an import), never a sale.
    Opening,
}

impl EventKind {
    /// The name stored in the database and shown in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Earn => "earn",
            EventKind::Redeem => "redeem",
            EventKind::Refund => "refund",
            EventKind::Referral => "referral",
            EventKind::Adjust => "adjust",
            EventKind::Expire => "expire",
            EventKind::Opening => "opening",
        }
    }
}

/// Points still available from one earning event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lot {
    pub id: i64,
    pub remaining: i64,
    /// Unix seconds; `None` never expires.
    pub expires_at: Option<i64>,
}

/// Not enough points for a spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub needed: i64,
    pub available: i64,
}

/// Chooses which lots pay for `points`: soonest-expiring first, never-expiring last, oldest
/// first among equals. Lots listed in `first` (e.g. the refunded sale's own lot) are used before
/// all others. Returns `(lot id, points taken)` pairs.
pub fn allocate(lots: &[Lot], points: i64, first: &[i64]) -> Result<Vec<(i64, i64)>, Shortfall> {
    let available: i64 = lots.iter().map(|l| l.remaining.max(0)).sum();
    if points > available {
        return Err(Shortfall {
            needed: points,
            available,
        });
    }
    let mut order: Vec<&Lot> = lots.iter().filter(|l| l.remaining > 0).collect();
    order.sort_by_key(|l| {
        (
            !first.contains(&l.id),
            l.expires_at.is_none(),
            l.expires_at,
            l.id,
        )
    });
    let mut left = points;
    let mut taken = Vec::new();
    for lot in order {
        if left == 0 {
            break;
        }
        let take = lot.remaining.min(left);
        taken.push((lot.id, take));
        left -= take;
    }
    Ok(taken)
}

/// Points a refund should take back, before the floor at the customer's balance.
///
/// Computed cumulatively so that several partial refunds add up to exactly what one full refund
/// would take: after refunding `refunded_before + amount` of `sale_amount`, the total taken back
/// is `earned × refunded / sale_amount` rounded down, and a full refund takes back all of it.
pub fn refund_reversal(earned: i64, sale_amount: i64, refunded_before: i64, amount: i64) -> i64 {
    if earned <= 0 || sale_amount <= 0 {
        return 0;
    }
    let cumulative = |refunded: i64| -> i64 {
        let refunded = refunded.clamp(0, sale_amount);
        (i128::from(earned) * i128::from(refunded) / i128::from(sale_amount)) as i64
    };
    cumulative(refunded_before + amount) - cumulative(refunded_before)
}

/// Stamp-card vouchers a customer should hold (used or not) for `stamps` qualifying visits.
pub fn vouchers_due(stamps: i64, every: u32) -> i64 {
    if every == 0 {
        0
    } else {
        stamps.max(0) / i64::from(every)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lot(id: i64, remaining: i64, expires_at: Option<i64>) -> Lot {
        Lot {
            id,
            remaining,
            expires_at,
        }
    }

    #[test]
    fn soonest_expiring_first() {
        let lots = [
            lot(1, 10, None),
            lot(2, 10, Some(300)),
            lot(3, 10, Some(100)),
        ];
        assert_eq!(allocate(&lots, 15, &[]), Ok(vec![(3, 10), (2, 5)]));
        assert_eq!(allocate(&lots, 25, &[]), Ok(vec![(3, 10), (2, 10), (1, 5)]));
        assert_eq!(allocate(&lots, 12, &[1]), Ok(vec![(1, 10), (3, 2)]));
        assert_eq!(
            allocate(&lots, 31, &[]),
            Err(Shortfall {
                needed: 31,
                available: 30
            })
        );
    }

    #[test]
    fn refund_proration() {
        // 12 points for 12.99; refund 6.50 then the rest.
        let first = refund_reversal(12, 1299, 0, 650);
        let second = refund_reversal(12, 1299, 650, 649);
        assert_eq!(first, 6);
        assert_eq!(first + second, 12);
        assert_eq!(refund_reversal(0, 1299, 0, 1299), 0);
    }

    proptest! {
        #[test]
        fn partial_refunds_never_exceed_earned(earned in 0i64..10_000, amount in 1i64..1_000_000, cuts in proptest::collection::vec(1i64..1_000_000, 1..6)) {
            let mut refunded = 0;
            let mut total = 0;
            for c in cuts {
                let part = c.min(amount - refunded);
                if part == 0 { break; }
                let r = refund_reversal(earned, amount, refunded, part);
                prop_assert!(r >= 0);
                total += r;
                refunded += part;
            }
            prop_assert!(total <= earned);
            if refunded == amount { prop_assert_eq!(total, earned); }
        }

        #[test]
        fn allocation_takes_exactly(points in 0i64..500, rem in proptest::collection::vec((0i64..100, proptest::option::of(0i64..1000)), 0..8)) {
            let lots: Vec<Lot> = rem.iter().enumerate().map(|(i, (r, e))| lot(i as i64, *r, *e)).collect();
            let total: i64 = lots.iter().map(|l| l.remaining).sum();
            match allocate(&lots, points, &[]) {
                Ok(taken) => {
                    prop_assert_eq!(taken.iter().map(|t| t.1).sum::<i64>(), points);
                    for (id, t) in taken { prop_assert!(t <= lots[id as usize].remaining && t > 0); }
                }
                Err(s) => prop_assert!(points > total && s.available == total),
            }
        }
    }
}
