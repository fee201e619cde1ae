//! Pure rules and types of the loyalty business: no I/O, no clock, no randomness.
//! Time arrives as unix seconds and randomness as numbers, from the caller.

pub mod chain;
pub mod checks;
pub mod code;
pub mod contact;
pub mod display;
pub mod import;
pub mod ledger;
pub mod messages;
pub mod money;
pub mod program;
pub mod reach;
pub mod referral;
pub mod sale;
pub mod spreadsheet;
pub mod staff;
pub mod support;
pub mod tiers;
pub mod token;
