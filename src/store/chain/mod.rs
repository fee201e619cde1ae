//! A till in a chain: its outbox of events for the central store, the events of other tills
//! applied here (sales, points, stamps, support), and refunds whose points the central store
//! settles.
//!
//! Owns `outbox`, `sync_state`, `sync_problems`, `holds_pending`, `chain_tills` and
//! `chain_shops`, and writes other rooms' tables only when applying another till's event.

pub(super) mod apply;
pub(super) mod apply_sales;
pub(super) mod apply_stamps;
pub(super) mod apply_support;
pub(super) mod copy;
pub(super) mod reversals;
pub(super) mod shops;
pub(super) mod sync;

super::room!(chain);
