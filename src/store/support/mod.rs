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

super::room!(support);
