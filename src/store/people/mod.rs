//! Customers: enrolment, the customer's card as the counter and the pages see it, finding one by
//! code, phone, email or name, and merging two records of one person.
//!
//! Owns `customers`. Merging moves a duplicate's rows in every other room's tables (visits,
//! vouchers, referrals, notes, tickets, consents, messages, scores) onto the kept customer.

pub(super) mod customers;
pub(super) mod merge;

/// This room's operations on a transaction: `tx.people()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The people room's operations in this transaction.
    pub fn people(&self) -> Room<'_, 't> {
        Room(self)
    }
}
