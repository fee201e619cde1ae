//! Customers: enrolment, the customer's card as the counter and the pages see it, finding one by
//! code, phone, email or name, and merging two records of one person.
//!
//! Owns `customers`. Merging moves a duplicate's rows in every other room's tables (visits,
//! vouchers, referrals, notes, tickets, consents, messages, scores) onto the kept customer.

pub(super) mod customers;
pub(super) mod import;
pub(super) mod merge;
pub(super) mod phones;
pub(super) mod privacy;
pub(super) mod roster;

super::room!(people);
