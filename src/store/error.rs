//! What can go wrong in the store, in the shop's words.
//!
//! Variants are either the person's input (exit code 2: fix the input and try again) or the
//! environment (exit code 1: the file, the disk, another program). Every message says what
//! happened and what to do; a failed operation has changed nothing.

use crate::domain::support::{Status, TextError, TextField};
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
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("{0:?} is empty: say in a few words what it is")]
    EmptyText(TextField),
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
    #[error("a points adjustment needs {0:?}")]
    AdjustmentNeeds(AdjustmentPart),
    #[error("the program has no stamp card")]
    NoStampCard,
    #[error("stamps from a paper card are a whole number from 1, not {0}")]
    PaperStampsCount(i64),
    #[error("this member's paper card was credited already ({stamps} stamps)")]
    PaperStampsTaken {
        stamps: i64,
        at: i64,
        by: Option<String>,
    },
    #[error("{0} rows of the file are bad: nothing was imported")]
    BadRows(usize),
    #[error("a birthday is the month and day as MM-DD (14 July is 07-14), not '{0}'")]
    BadBirthday(String),
    #[error("severity is 1 (minor), 2 (normal) or 3 (urgent)")]
    BadSeverity,
    #[error("visit V{visit} belongs to customer {owner}, not {given}")]
    VisitNotTheirs {
        visit: i64,
        owner: String,
        given: String,
    },
    #[error("a ticket needs a customer or a receipt to belong to")]
    TicketWithoutOwner,
    /// A reply asked for by email, SMS or a call, with no address or number typed and none on
    /// the card (or no card).
    #[error("a reply by {0:?} needs an address or number: the card has none, so give one")]
    NoContact(crate::domain::support::ContactVia),
    /// A reply in a messaging app the member has not linked a chat on.
    #[error("the member has not linked {0:?} yet: they press its button on their visit page")]
    NoChat(crate::domain::messages::Channel),
    /// A chat came with a link code that has linked a chat before.
    #[error("this link code was used already: open the visit page again for a new one")]
    LinkCodeUsed,
    /// A chat came with a link code this shop did not make, or for a member gone.
    #[error("this link code is not one of this shop's: open the visit page again for a new one")]
    LinkCodeUnknown,
    /// A written reply to a ticket the customer asked to hear back on in the shop or by a call.
    #[error("the customer asked to hear back {0:?}, not in writing: note what was said instead")]
    NoWrittenReply(Option<crate::domain::support::ContactVia>),
    #[error("ticket {ticket} is {from:?}; it cannot become {to:?}")]
    TicketCannotBecome {
        ticket: i64,
        from: Status,
        to: Status,
    },
    #[error("there is no kept answer {0}: `regulars ticket answers` lists them")]
    NoSuchAnswer(i64),
    #[error("a rating is 1 to 5 stars: pick one and send it again")]
    BadStars,
    #[error("this visit was rated more than {days} days ago; the rating can no longer be changed")]
    RatingLocked { days: i64 },
    #[error("give the phone number or email of your membership (or the one to join with)")]
    ContactNeeded,
    #[error("no member has that phone or email yet: add your first name to join")]
    NameToJoin,
    #[error("the receipt's points can no longer be claimed: {0}")]
    ClaimClosed(crate::store::ClaimClosed),
    #[error("consent needs the exact words the customer was shown")]
    ConsentWording,
    #[error("customer {0} was erased: nothing more can be recorded for them")]
    Erased(String),
    #[error("{kept} and {gone} are already one customer")]
    AlreadyOneCustomer { kept: String, gone: String },
    #[error("message {0} is not failed or unsure: only those can be tried again")]
    NotRetryable(i64),
    #[error(
        "this database is till '{this}' of the chain; it cannot also be '{asked}' (give each till its own data folder)"
    )]
    OtherTill { this: String, asked: String },
    #[error("this till has not joined a chain")]
    NotInChain,
    #[error("it is a backup of a shop that has not joined a chain")]
    CopyOfLoneShop,
    #[error("it is a backup of another chain (its central store is not this one)")]
    CopyOfOtherChain,
    #[error("a demo history only fills a shop with no customers and no visits")]
    BulkNotEmpty,
    #[error("the shop has no loyalty program yet")]
    NoProgram,
    #[error("the owner's figures disagree with the sales: run `regulars stats --rebuild`")]
    AggregatesDisagree,
    #[error("the data is not as this Regulars wrote it: {0}")]
    Damaged(String),
    #[error("there is no visit V{0}: check the receipt")]
    NoSuchVisit(i64),
    #[error("there is no ticket #{0}: see `regulars ticket list`")]
    NoSuchTicket(i64),
    #[error("this receipt's points have already been claimed")]
    AlreadyClaimed,
    #[error("a member of staff needs a name")]
    StaffNameNeeded,
    #[error("a PIN is 4 to 8 digits")]
    BadPin,
    #[error("another member of staff has this PIN: choose another")]
    PinTaken,
    #[error("there is already a member of staff called {0}")]
    StaffNameTaken(String),
    #[error("there is no member of staff called {0}: see `regulars staff list`")]
    NoSuchStaff(String),
    #[error("there is no alert #{0}: see `regulars alerts --all`")]
    NoSuchAlert(i64),
    #[error("say in a note what was found (`--note`): the note stays with the alert")]
    AckNeedsNote,
    #[error("alert #{id} was already acknowledged by {by}")]
    AlreadyAcked { id: i64, at: i64, by: String },
    #[error("{0:?} needs the owner's PIN")]
    NeedsOwner(OwnerTask),
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
                | StoreError::AggregatesDisagree
                | StoreError::Damaged(_)
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

/// What needs the owner: done by an owner signed in, or approved with the owner's PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerTask {
    /// A refund above the shop's limit (minor units of `currency`).
    Refund {
        limit: i64,
        currency: crate::domain::money::Currency,
    },
    /// Adding or taking away points by hand.
    Adjust,
    /// The owner's figures.
    Figures,
    /// More stamps from a paper card than a cashier credits alone.
    PaperStamps { max: u32, enrolling: bool },
}

/// What a points adjustment was given without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustmentPart {
    /// A number of points other than zero, e.g. +20 or -15.
    Points,
    /// Why it was made.
    Reason,
    /// Who made it.
    Actor,
}

/// True when `e` is SQLite refusing a second row with the same unique key.
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
