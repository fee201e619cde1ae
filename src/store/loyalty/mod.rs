//! Points and rewards: the points ledger and its lots, redemptions, referrals and their bonus,
//! stamp cards' vouchers, tiers, and the birthday and anniversary occasions.
//!
//! Owns `points_events`, `points_allocations`, `redemptions`, `referrals` and `vouchers`, and
//! keeps each customer's cached balance in `customers` in the same transaction as the event.

pub(super) mod ledger;
pub(super) mod occasions;
pub(super) mod referrals;
pub(super) mod stamps;
pub(super) mod tiers;

/// This room's operations on a transaction: `tx.loyalty()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The loyalty room's operations in this transaction.
    pub fn loyalty(&self) -> Room<'_, 't> {
        Room(self)
    }
}
