//! What can go wrong in the store, in the shop's words.
//!
//! Variants are either the person's input (exit code 2: fix the input and try again) or the
//! environment (exit code 1: the file, the disk, another program). Every message says what
//! happened and what to do; a failed operation has changed nothing.

use crate::domain::{code::CodeError, contact::ContactError, money::AmountError};
use std::path::PathBuf;

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Amount(#[from] AmountError),
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error("no customer has the code {0}: check the card, or find them by phone or name")]
    NoSuchCustomer(String),
    #[error("no customer has the referral code {0}: check the code with the friend who gave it")]
    NoSuchReferralCode(String),
    #[error("a name is needed to enroll a customer (up to 100 characters)")]
    BadName,
    #[error("the phone {phone} is already enrolled as customer {code}: use that card instead")]
    DuplicatePhone { phone: String, code: String },
    #[error("the email {email} is already enrolled as customer {code}: use that card instead")]
    DuplicateEmail { email: String, code: String },
    #[error("there is no reward '{id}'; the rewards are: {available}")]
    UnknownReward { id: String, available: String },
    #[error("not enough points: {what} needs {needed} and the customer has {balance}")]
    NotEnoughPoints {
        what: String,
        needed: i64,
        balance: i64,
    },
    #[error(
        "redeeming {needed} points needs the connection to the chain's central store: offline, this till may redeem {left} more for this customer today"
    )]
    NeedsConnection { needed: i64, left: i64 },
    #[error("no sale has the receipt number '{0}': check the number printed on the receipt")]
    UnknownReceipt(String),
    #[error(
        "more than one till's sale has the receipt number '{receipt}': type it as one of {choices}"
    )]
    AmbiguousReceipt { receipt: String, choices: String },
    #[error("a receipt number is 1 to {0} printable characters: check what the till printed")]
    BadReceipt(usize),
    #[error("receipt '{0}' has already been refunded in full; nothing is left to refund")]
    AlreadyRefunded(String),
    #[error(
        "a refund of {requested} is more than is left to refund on receipt '{receipt}' ({refundable})"
    )]
    RefundTooLarge {
        receipt: String,
        requested: String,
        refundable: String,
    },
    #[error("a points adjustment needs {0}")]
    BadAdjustment(&'static str),
    #[error("{0}")]
    Invalid(String),
    #[error("there is no visit V{0}: check the receipt")]
    NoSuchVisit(i64),
    #[error("there is no ticket #{0}: see `regulars ticket list`")]
    NoSuchTicket(i64),
    #[error("this receipt's points have already been claimed")]
    AlreadyClaimed,
    #[error("staff: {0}")]
    BadStaff(String),
    #[error("{0}")]
    NeedsOwner(String),
    #[error("an idempotency key was reused for a different operation: '{0}'")]
    KeyConflict(String),
    #[error(
        "{path} was written by a newer Regulars (schema version {found}; this one knows up to {known}): \
         install the newer Regulars; the file was not changed"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} is not a Regulars database or is damaged: restore the latest file from backups/ \
         (see `regulars backup`) or point --data at the right folder"
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "the database is busy (another Regulars or a backup is writing to it): wait a moment and try again"
    )]
    Busy,
    #[error("cannot open {path}: {source}; check the folder exists and you may write to it")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// True when the person's input was at fault (exit code 2), false for the environment (1).
    pub fn is_input_error(&self) -> bool {
        !matches!(
            self,
            StoreError::NewerSchema { .. }
                | StoreError::NotADatabase { .. }
                | StoreError::Busy
                | StoreError::NeedsConnection { .. }
                | StoreError::Open { .. }
                | StoreError::Io { .. }
                | StoreError::Sqlite(_)
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StoreError::NotADatabase {
                    path: PathBuf::from("the database"),
                }
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
