//! What the counter, the command line and the customer pages share, below all three: the work
//! that runs beside a till (syncing with the chain, sending the outbox, refitting who is slipping
//! away, checking where the customer pages open, showing the customer display) and the words for the store's refusals and
//! records.
//!
//! Depends on the store, the central store, messages, insights, devices' typed problems and
//! i18n; nothing here knows the window or the command line, or serves HTTP (the reach check's
//! one request, to the shop's own printed address, is made here).

pub mod alerts;
pub mod chats;
pub mod compose;
pub mod display;
pub mod errors;
pub mod insights;
pub mod messages;
pub mod page_copy;
pub mod reach;
pub mod setup;
pub mod switching;
pub mod sync;
pub mod words;
