//! What happens at the counter: sales and refunds with the points they earn and take back, the
//! print queue, the receipt tokens printed under the QR, and the staff who sign in.
//!
//! Owns `visits`, `refunds`, `print_jobs`, `staff` and `programs` (read through the opener's
//! list of program versions).

pub(super) mod print_jobs;
pub(super) mod refunds;
pub(super) mod sales;
pub(super) mod staff;
pub(super) mod tokens;

super::room!(counter);
