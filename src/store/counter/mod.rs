//! What happens at the counter: sales and refunds with the points they earn and take back, the
//! print queue, the receipt tokens printed under the QR, and the staff who sign in.
//!
//! Owns `visits`, `refunds`, `print_jobs`, `staff` and `programs` (read through the opener's
//! list of program versions).

pub(super) mod print_jobs;
pub(super) mod sales;
pub(super) mod staff;
pub(super) mod tokens;

/// This room's operations on a transaction: `tx.counter()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The counter room's operations in this transaction.
    pub fn counter(&self) -> Room<'_, 't> {
        Room(self)
    }
}
