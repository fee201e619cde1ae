//! Messages to customers: the outbox and its states, what puts a message in it (a reward come
//! within reach, an occasion, a resolved ticket), and consent per customer and channel.
//!
//! Owns `messages` and `consents`.

pub(super) mod causes;
pub(super) mod consents;
pub(super) mod outbox;

/// This room's operations on a transaction: `tx.messages()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The messages room's operations in this transaction.
    pub fn messages(&self) -> Room<'_, 't> {
        Room(self)
    }
}
