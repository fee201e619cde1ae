//! A till in a chain: its outbox of events for the central store, the events of other tills
//! applied here (sales, points, stamps, support), and refunds whose points the central store
//! settles.
//!
//! Owns `outbox`, `sync_state`, `sync_problems` and `holds_pending`, and writes other rooms'
//! tables only when applying another till's event.

pub(super) mod apply;
pub(super) mod apply_stamps;
pub(super) mod apply_support;
pub(super) mod reversals;
pub(super) mod sync;

/// This room's operations on a transaction: `tx.chain()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The chain room's operations in this transaction.
    pub fn chain(&self) -> Room<'_, 't> {
        Room(self)
    }
}
