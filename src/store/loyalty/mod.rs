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

super::room!(loyalty);
