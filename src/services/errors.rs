//! The store's refusals and failures in the reader's words (with what to do about them), for the
//! counter, the command line, the customer pages and plug-in mode. Every variant has its own
//! sentence in every language: the match below has no catch-all, so a new refusal cannot reach
//! a person in English.

use crate::domain::code::CodeError;
use crate::domain::contact::ContactError;
use crate::domain::money::AmountError;
use crate::domain::support::{TextError, TextField};
use crate::i18n::Language;
use crate::store::StoreError;

/// What went wrong, for a notice.
pub fn store_error(w: &Language, e: &StoreError) -> String {
    use crate::store::{AdjustmentPart, OwnerTask};
    let text = |s: &str| -> fluent_bundle::FluentValue<'static> { s.to_string().into() };
    let number = |n: i64| -> fluent_bundle::FluentValue<'static> { n.into() };
    match e {
        StoreError::Amount(a) => amount_error(w, a),
        StoreError::Code(CodeError::CheckFailed(c)) => {
            w.t_args("store-error-typo", &[("code", text(c))])
        }
        StoreError::Code(CodeError::CustomerShape(c)) => {
            w.t_args("store-error-code-shape", &[("code", text(c))])
        }
        StoreError::Code(CodeError::ReferralShape(c)) => {
            w.t_args("store-error-referral-shape", &[("code", text(c))])
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
        StoreError::Text(TextError::TooLong { field, max }) => w.t_args(
            "store-error-text-too-long",
            &[
                ("field", field_name(w, *field).into()),
                ("max", (*max).into()),
            ],
        ),
        StoreError::Text(TextError::ControlCharacters { field }) => w.t_args(
            "store-error-text-control",
            &[("field", field_name(w, *field).into())],
        ),
        StoreError::EmptyText(TextField::Description) => w.t("store-error-empty-description"),
        StoreError::EmptyText(TextField::Answer) => w.t("store-error-empty-answer"),
        StoreError::EmptyText(field) => w.t_args(
            "store-error-empty",
            &[("field", field_name(w, *field).into())],
        ),
        StoreError::AdjustmentNeeds(AdjustmentPart::Points) => w.t("store-error-adjust-points"),
        StoreError::AdjustmentNeeds(AdjustmentPart::Reason) => w.t("store-error-adjust-reason"),
        StoreError::AdjustmentNeeds(AdjustmentPart::Actor) => w.t("store-error-adjust-actor"),
        StoreError::BadBirthday(b) => w.t_args("store-error-birthday", &[("text", text(b))]),
        StoreError::BadSeverity => w.t("store-error-severity"),
        StoreError::NoStampCard => w.t("store-error-no-stamp-card"),
        StoreError::PaperStampsCount(n) => {
            w.t_args("store-error-paper-count", &[("count", number(*n))])
        }
        StoreError::PaperStampsTaken { stamps, at, by } => w.t_args(
            "store-error-paper-taken",
            &[
                ("stamps", number(*stamps)),
                ("when", w.date(*at).into()),
                ("by", text(by.as_deref().unwrap_or("-"))),
            ],
        ),
        StoreError::NeedsOwner(OwnerTask::PaperStamps { max, enrolling }) => w.t_args(
            if *enrolling {
                "worker-paper-needs-owner-enrol"
            } else {
                "worker-paper-needs-owner"
            },
            &[("max", number(i64::from(*max)))],
        ),
        StoreError::BadRows(n) => w.t_args("store-error-bad-rows", &[("count", number(*n as i64))]),
        StoreError::VisitNotTheirs {
            visit,
            owner,
            given,
        } => w.t_args(
            "store-error-visit-not-theirs",
            &[
                ("visit", visit.to_string().into()),
                ("owner", text(owner)),
                ("given", text(given)),
            ],
        ),
        StoreError::TicketWithoutOwner => w.t("store-error-ticket-owner"),
        StoreError::NoContact(crate::domain::support::ContactVia::Email) => {
            w.t("store-error-no-email")
        }
        StoreError::NoContact(_) => w.t("store-error-no-phone"),
        StoreError::NoWrittenReply(_) => w.t("store-error-no-written-reply"),
        StoreError::NoChat(c) => w.t_args("store-error-no-chat", &[("app", c.app_name().into())]),
        StoreError::LinkCodeUsed => w.t("store-error-link-code-used"),
        StoreError::LinkCodeUnknown => w.t("store-error-link-code-unknown"),
        StoreError::TicketCannotBecome { ticket, from, to } => w.t_args(
            "store-error-ticket-move",
            &[
                ("ticket", ticket.to_string().into()),
                (
                    "from",
                    w.t(&format!("ticket-status-{}", from.as_str())).into(),
                ),
                ("to", w.t(&format!("ticket-status-{}", to.as_str())).into()),
            ],
        ),
        StoreError::NoSuchAnswer(a) => {
            w.t_args("store-error-no-answer", &[("answer", a.to_string().into())])
        }
        StoreError::BadStars => w.t("store-error-stars"),
        StoreError::RatingLocked { days } => {
            w.t_args("store-error-rating-locked", &[("days", number(*days))])
        }
        StoreError::ContactNeeded => w.t("store-error-contact-needed"),
        StoreError::NameToJoin => w.t("store-error-name-to-join"),
        StoreError::ClaimClosed(crate::store::ClaimClosed::TooOld { days }) => {
            w.t_args("portal-claim-too-old", &[("days", number(*days))])
        }
        StoreError::ClaimClosed(crate::store::ClaimClosed::Refunded) => {
            w.t("portal-claim-refunded")
        }
        StoreError::ConsentWording => w.t("store-error-consent-wording"),
        StoreError::Erased(code) => w.t_args("store-error-erased", &[("code", text(code))]),
        StoreError::AlreadyOneCustomer { kept, gone } => w.t_args(
            "store-error-already-one",
            &[("kept", text(kept)), ("gone", text(gone))],
        ),
        StoreError::NotRetryable(id) => w.t_args(
            "store-error-not-retryable",
            &[("message", id.to_string().into())],
        ),
        StoreError::OtherTill { this, asked } => w.t_args(
            "store-error-other-till",
            &[("this", text(this)), ("asked", text(asked))],
        ),
        StoreError::NotInChain => w.t("store-error-not-in-chain"),
        StoreError::CopyOfLoneShop => w.t("store-error-copy-of-lone-shop"),
        StoreError::CopyOfOtherChain => w.t("store-error-copy-of-other-chain"),
        StoreError::BulkNotEmpty => w.t("store-error-bulk-not-empty"),
        StoreError::NoProgram => w.t("store-error-no-program"),
        StoreError::StaffNameNeeded => w.t("store-error-staff-name"),
        StoreError::BadPin => w.t("store-error-pin"),
        StoreError::PinTaken => w.t("store-error-pin-taken"),
        StoreError::StaffNameTaken(name) => {
            w.t_args("store-error-staff-taken", &[("name", text(name))])
        }
        StoreError::NoSuchStaff(name) => {
            w.t_args("store-error-no-such-staff", &[("name", text(name))])
        }
        StoreError::NoSuchAlert(id) => w.t_args(
            "store-error-no-such-alert",
            &[("id", id.to_string().into())],
        ),
        StoreError::AckNeedsNote => w.t("store-error-ack-needs-note"),
        StoreError::AlreadyAcked { id, at, by } => w.t_args(
            "store-error-already-acked",
            &[
                ("id", id.to_string().into()),
                ("when", w.date_time(*at).into()),
                ("by", text(by)),
            ],
        ),
        StoreError::NeedsOwner(OwnerTask::Refund { limit, currency }) => w.t_args(
            "worker-refund-needs-owner",
            &[("limit", w.amount(*limit, *currency).into())],
        ),
        StoreError::NeedsOwner(OwnerTask::Adjust) => w.t("worker-adjust-needs-owner"),
        StoreError::NeedsOwner(OwnerTask::Figures) => w.t("worker-figures-needs-owner"),
        StoreError::AggregatesDisagree => w.t("store-error-aggregates"),
        StoreError::Damaged(reason) => w.t_args("store-error-damaged", &[("reason", text(reason))]),
    }
}

/// What a person typed, named in a refusal of it.
pub fn field_name(w: &Language, field: TextField) -> String {
    w.t(match field {
        TextField::Description => "text-field-description",
        TextField::Contact => "text-field-contact",
        TextField::Note => "text-field-note",
        TextField::Answer => "text-field-answer",
        TextField::Comment => "text-field-comment",
    })
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

/// A printer, scanner or till profile that could not be loaded.
pub fn profile_error(w: &Language, e: &crate::devices::profile::ProfileError) -> String {
    use crate::devices::profile::ProfileError;
    match e {
        ProfileError::Unknown {
            kind,
            id,
            dir,
            available,
        } => w.t_args(
            "profile-unknown",
            &[
                ("kind", (*kind).into()),
                ("id", id.as_str().into()),
                ("available", available.as_str().into()),
                ("dir", dir.display().to_string().into()),
            ],
        ),
        ProfileError::Invalid { path, message } => w.t_args(
            "profile-invalid",
            &[
                ("path", path.display().to_string().into()),
                ("reason", message.as_str().into()),
            ],
        ),
    }
}

/// Why plug-in mode could not start.
pub fn plug_error(w: &Language, e: &crate::passthrough::PlugError) -> String {
    use crate::passthrough::PlugError;
    match e {
        PlugError::NeedsTillPort => w.t("plug-needs-till-port"),
        PlugError::PrinterProfile(p) | PlugError::TillProfile(p) => profile_error(w, p),
        PlugError::NeedsRealPrinter => w.t("plug-needs-real-printer"),
        PlugError::Store(s) | PlugError::DataDir(crate::datadir::DataDirError::Store(s)) => {
            store_error(w, s)
        }
        other => other.to_string(),
    }
}

/// Figures that could not be written as CSV files.
pub fn report_error(w: &Language, e: &crate::report::ReportError) -> String {
    use crate::report::ReportError;
    match e {
        ReportError::Store(s) => store_error(w, s),
        ReportError::Write { path, source } => w.t_args(
            "report-error-write",
            &[
                ("path", path.display().to_string().into()),
                ("reason", source.to_string().into()),
            ],
        ),
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
