//! The store's refusals in the reader's words (with what to do about them), for the counter,
//! the command line and plug-in mode. The few that carry free text the store wrote for the case
//! (ticket rules, staff details) keep the store's sentence.

use crate::domain::code::CodeError;
use crate::domain::contact::ContactError;
use crate::domain::money::AmountError;
use crate::i18n::Language;
use crate::store::StoreError;

/// What went wrong, for a notice.
pub fn store_error(w: &Language, e: &StoreError) -> String {
    let text = |s: &str| s.to_string().into();
    match e {
        StoreError::Amount(a) => amount_error(w, a),
        StoreError::Code(CodeError::CheckFailed(c)) => {
            w.t_args("store-error-typo", &[("code", text(c))])
        }
        StoreError::Code(CodeError::CustomerShape(c)) => {
            w.t_args("store-error-code-shape", &[("code", text(c))])
        }
        StoreError::Contact(ContactError::EmailShape(c)) => {
            w.t_args("store-error-email", &[("email", text(c))])
        }
        StoreError::Contact(ContactError::PhoneShape(c) | ContactError::PhoneLength(c)) => {
            w.t_args("store-error-phone", &[("phone", text(c))])
        }
        StoreError::NoSuchCustomer(c) => w.t_args("store-error-no-customer", &[("code", text(c))]),
        StoreError::NoSuchReferralCode(c) => {
            w.t_args("store-error-no-referral", &[("code", text(c))])
        }
        StoreError::BadName => w.t("store-error-name"),
        StoreError::DuplicatePhone { phone, code } => w.t_args(
            "store-error-duplicate-phone",
            &[("phone", text(phone)), ("code", text(code))],
        ),
        StoreError::DuplicateEmail { email, code } => w.t_args(
            "store-error-duplicate-email",
            &[("email", text(email)), ("code", text(code))],
        ),
        StoreError::NotEnoughPoints {
            what,
            needed,
            balance,
        } => w.t_args(
            "store-error-not-enough",
            &[
                ("reward", text(what)),
                ("needed", (*needed).into()),
                ("balance", (*balance).into()),
            ],
        ),
        StoreError::NeedsConnection { needed, left } => w.t_args(
            "store-error-needs-connection",
            &[("needed", (*needed).into()), ("left", (*left).into())],
        ),
        StoreError::UnknownReceipt(r) => {
            w.t_args("store-error-unknown-receipt", &[("receipt", text(r))])
        }
        StoreError::AmbiguousReceipt { receipt, choices } => w.t_args(
            "store-error-ambiguous-receipt",
            &[("receipt", text(receipt)), ("choices", text(choices))],
        ),
        StoreError::AlreadyRefunded(r) => w.t_args("store-error-refunded", &[("receipt", text(r))]),
        StoreError::Busy => w.t("store-error-busy"),
        StoreError::UnknownReward { id, available } => w.t_args(
            "store-error-unknown-reward",
            &[("id", text(id)), ("available", text(available))],
        ),
        StoreError::BadReceipt(max) => {
            w.t_args("store-error-bad-receipt", &[("max", (*max).into())])
        }
        StoreError::RefundTooLarge {
            receipt,
            requested,
            refundable,
        } => w.t_args(
            "store-error-refund-too-large",
            &[
                ("receipt", text(receipt)),
                ("requested", text(requested)),
                ("refundable", text(refundable)),
            ],
        ),
        StoreError::NoSuchVisit(v) => {
            w.t_args("store-error-no-visit", &[("visit", v.to_string().into())])
        }
        StoreError::NoSuchTicket(t) => {
            w.t_args("store-error-no-ticket", &[("ticket", t.to_string().into())])
        }
        StoreError::AlreadyClaimed => w.t("store-error-claimed"),
        StoreError::KeyConflict(k) => w.t_args("store-error-key-conflict", &[("key", text(k))]),
        StoreError::NewerSchema { path, found, known } => w.t_args(
            "store-error-newer-schema",
            &[
                ("path", path.display().to_string().into()),
                ("found", found.to_string().into()),
                ("known", known.to_string().into()),
            ],
        ),
        StoreError::NotADatabase { path } => w.t_args(
            "store-error-not-a-database",
            &[("path", path.display().to_string().into())],
        ),
        StoreError::Open { path, source } => w.t_args(
            "store-error-open",
            &[
                ("path", path.display().to_string().into()),
                ("reason", source.to_string().into()),
            ],
        ),
        StoreError::Sqlite(e) => {
            w.t_args("store-error-database", &[("reason", e.to_string().into())])
        }
        // Free text the store wrote for the case (ticket rules, staff, bulk loads), and the
        // operating system's own words for a file it could not use.
        other => other.to_string(),
    }
}

/// An amount that was not accepted, for a notice.
pub fn amount_error(w: &Language, e: &AmountError) -> String {
    let text = |s: &str| s.to_string().into();
    match e {
        AmountError::Empty => w.t("amount-error-empty"),
        AmountError::NotANumber(t) => w.t_args(
            "amount-error-not-a-number",
            &[("text", text(t)), ("example", w.amount_example().into())],
        ),
        AmountError::Negative(t) => w.t_args("amount-error-negative", &[("text", text(t))]),
        AmountError::Zero => w.t("amount-error-zero"),
        AmountError::TooManyDecimals {
            text: t,
            currency,
            allowed,
        } => w.t_args(
            "amount-error-decimals",
            &[
                ("text", text(t)),
                ("currency", text(currency)),
                ("allowed", (*allowed).into()),
            ],
        ),
        AmountError::TooLarge { text: t, .. } => {
            w.t_args("amount-error-too-large", &[("text", text(t))])
        }
        other => other.to_string(),
    }
}

/// A backup that could not be made, read or restored.
pub fn backup_error(w: &Language, e: &crate::backups::BackupsError) -> String {
    use crate::backups::BackupsError;
    use crate::store::BackupError;
    let path = |p: &std::path::Path| p.display().to_string().into();
    match e {
        BackupsError::Backup(BackupError::Store(s)) => store_error(w, s),
        BackupsError::Backup(BackupError::Damaged(reason)) => w.t_args(
            "backup-error-damaged",
            &[("reason", reason.as_str().into())],
        ),
        BackupsError::Backup(BackupError::Differs { table, copy, live }) => w.t_args(
            "backup-error-differs",
            &[
                ("table", table.as_str().into()),
                ("copy", (*copy).into()),
                ("live", (*live).into()),
            ],
        ),
        BackupsError::Checksum { path: p } => {
            w.t_args("backup-error-checksum", &[("path", path(p))])
        }
        BackupsError::InUse => w.t("backup-error-in-use"),
        BackupsError::TargetMissing { path: p } => {
            w.t_args("backup-error-target-missing", &[("path", path(p))])
        }
        BackupsError::Passphrase => w.t("backup-error-passphrase"),
        BackupsError::NeedsPassphrase { path: p } => {
            w.t_args("backup-error-needs-passphrase", &[("path", path(p))])
        }
        BackupsError::Exists { path: p } => w.t_args("cli-backup-exists", &[("path", path(p))]),
        BackupsError::Io { path: p, source } => w.t_args(
            "backup-error-io",
            &[("path", path(p)), ("reason", source.to_string().into())],
        ),
        BackupsError::DataDir(d) => d.to_string(),
    }
}

/// Why the models of who is slipping away could not be fitted.
pub fn fit_error(w: &Language, e: &crate::insights::FitError) -> String {
    use crate::insights::FitError as F;
    match e {
        F::NoRepeats => w.t("fit-error-no-repeats"),
        F::NotConverged { iterations } => w.t_args(
            "fit-error-not-converged",
            &[("steps", (*iterations as i64).into())],
        ),
        F::Edge { parameter } => w.t_args("fit-error-edge", &[("parameter", (*parameter).into())]),
        F::BadRow { line, why } => w.t_args(
            "fit-error-row",
            &[("line", (*line as i64).into()), ("why", why.clone().into())],
        ),
        F::MissingColumn(c) => w.t_args("fit-error-column", &[("column", (*c).into())]),
        F::Unreadable(why) => w.t_args("fit-error-unreadable", &[("why", why.clone().into())]),
    }
}

/// A sync's or the central store's failure, for a notice, the device bar and the command line.
pub fn sync_error(w: &Language, e: &super::sync::SyncError) -> String {
    use super::sync::SyncError;
    use crate::central::CentralError;
    match e {
        SyncError::Store(s) => store_error(w, s),
        SyncError::NotConfigured => w.t("sync-error-not-configured"),
        SyncError::Central(CentralError::Unreachable { url, reason }) => w.t_args(
            "central-error-unreachable",
            &[
                ("url", url.clone().into()),
                ("reason", reason.clone().into()),
            ],
        ),
        SyncError::Central(CentralError::NewerSchema { found, known }) => w.t_args(
            "central-error-newer",
            &[("found", (*found).into()), ("known", (*known).into())],
        ),
        SyncError::Central(CentralError::NotInitialised { url }) => w.t_args(
            "central-error-not-initialised",
            &[("url", url.clone().into())],
        ),
        SyncError::Central(CentralError::TillTaken { till_id }) => w.t_args(
            "central-error-till-taken",
            &[("till", till_id.clone().into())],
        ),
        SyncError::Central(CentralError::Database(m)) => {
            w.t_args("central-error-refused", &[("reason", m.clone().into())])
        }
    }
}
