//! Messages to customers: the outbox and its states, what puts a message in it (a reward come
//! within reach, an occasion, a resolved ticket), and consent per customer and channel.
//!
//! Owns `messages`, `consents` and the chats of `chats`.

pub(super) mod causes;
pub(super) mod chats;
pub(super) mod consents;
pub(super) mod outbox;
pub(super) mod outbox_view;

super::room!(messages);
