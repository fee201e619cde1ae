//! After the visit: the receipt page's view and its change stamps, ratings, claims of anonymous
//! receipts, tickets and their events, kept answers, and the customer's timeline with staff
//! notes. Every row points at the visit where one is known.
//!
//! Owns `ratings`, `tickets`, `ticket_events`, `answers`, `customer_notes`, and reads the page
//! change counters `page_visit_revs` and `page_customer_revs` (moved by triggers).

pub(super) mod answers;
pub(super) mod page_stamps;
pub(super) mod tickets;
pub(super) mod timeline;
pub(super) mod visit_page;

/// This room's operations on a transaction: `tx.support()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The support room's operations in this transaction.
    pub fn support(&self) -> Room<'_, 't> {
        Room(self)
    }
}
