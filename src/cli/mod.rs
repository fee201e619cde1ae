//! The `regulars` command line: parses arguments, runs one operation, prints text or JSON, and
//! turns errors into exit codes (0 ok, 1 failed, 2 bad usage or input). No business rules here.

mod alerts;
mod args;
mod args_devices;
mod args_loyalty;
mod backup;
mod chain;
mod commands;
mod customers;
mod display;
mod hardware;
mod insights;
mod loyalty;
mod messages;
mod package;
mod plug;
mod setup;
mod support;
mod switching;

pub use args::Cli;

use crate::datadir::DataDirError;
use crate::store::StoreError;
use clap::Parser;
use std::ffi::OsString;
use std::process::ExitCode;

/// A mistake in what was asked, found by the CLI itself (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// What a command prints: text for people, JSON for scripts.
pub struct Output {
    pub text: String,
    pub json: serde_json::Value,
}

/// A command's outcome that is a failure but still its answer (`pages check` that found the
/// pages unreachable): printed as the command's output, with its own exit code.
#[derive(Debug, thiserror::Error)]
#[error("{text}")]
pub struct Reported {
    pub text: String,
    pub json: serde_json::Value,
    pub code: u8,
}

/// Runs the command line and returns the process exit code.
pub fn run<I, T>(argv: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    // Customers' details and the shop's keys are for this user alone.
    crate::datadir::private::restrict_new_files();
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let json = cli.json;
    let (words, outcome) = commands::execute(cli);
    match outcome {
        Ok(out) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out.json).expect("JSON values serialise")
                );
            } else if !out.text.is_empty() {
                println!("{}", out.text);
            }
            ExitCode::SUCCESS
        }
        Err(e) if e.downcast_ref::<Reported>().is_some() => {
            let r = e.downcast_ref::<Reported>().expect("just checked");
            if json {
                let text = serde_json::to_string_pretty(&r.json).expect("JSON values serialise");
                println!("{text}");
            } else {
                eprintln!("{}", r.text);
            }
            ExitCode::from(r.code)
        }
        Err(e) => {
            let code = exit_code(&e);
            if json {
                eprintln!(
                    "{}",
                    serde_json::json!({ "error": format!("{e:#}"), "exit_code": code })
                );
            } else {
                let message = ("message", describe_error(&words, &e).into());
                eprintln!("{}", words.t_args("cli-error", &[message]));
            }
            ExitCode::from(code)
        }
    }
}

/// An error for a person: each cause in turn, like `{:#}`, with the store's refusals and
/// amount errors in `w`'s words (their causes are part of their sentence).
fn describe_error(w: &crate::i18n::Language, e: &anyhow::Error) -> String {
    use crate::services::errors::{amount_error, store_error};
    let mut parts = Vec::new();
    for cause in e.chain() {
        let translated = if let Some(b) = cause.downcast_ref::<crate::backups::BackupsError>() {
            Some(crate::services::errors::backup_error(w, b))
        } else if let Some(s) = cause.downcast_ref::<StoreError>() {
            Some(store_error(w, s))
        } else if let Some(DataDirError::Store(s)) = cause.downcast_ref::<DataDirError>() {
            Some(store_error(w, s))
        } else if let Some(s) = cause.downcast_ref::<crate::services::sync::SyncError>() {
            Some(crate::services::errors::sync_error(w, s))
        } else if let Some(c) = cause.downcast_ref::<crate::central::CentralError>() {
            // `central init` meets the central store without a sync around it.
            let wrapped = crate::services::sync::SyncError::Central(c.clone());
            Some(crate::services::errors::sync_error(w, &wrapped))
        } else if let Some(f) = cause.downcast_ref::<crate::insights::FitError>() {
            Some(crate::services::errors::fit_error(w, f))
        } else if let Some(p) = cause.downcast_ref::<crate::passthrough::PlugError>() {
            Some(crate::services::errors::plug_error(w, p))
        } else if let Some(r) = cause.downcast_ref::<crate::report::ReportError>() {
            Some(crate::services::errors::report_error(w, r))
        } else if let Some(p) = cause.downcast_ref::<crate::devices::profile::ProfileError>() {
            Some(crate::services::errors::profile_error(w, p))
        } else if let Some(crate::runtime::StartError::Profile(p)) = cause.downcast_ref() {
            Some(crate::services::errors::profile_error(w, p))
        } else if let Some(crate::demo::DemoError::Store(s)) =
            cause.downcast_ref::<crate::demo::DemoError>()
        {
            Some(store_error(w, s))
        } else {
            cause
                .downcast_ref::<crate::domain::money::AmountError>()
                .map(|a| amount_error(w, a))
        };
        match translated {
            Some(text) => {
                parts.push(text);
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

/// 2 when the person's input was wrong, 1 when the environment failed.
fn exit_code(e: &anyhow::Error) -> u8 {
    let from_store = |s: &StoreError| if s.is_input_error() { 2 } else { 1 };
    for cause in e.chain() {
        if let Some(b) = cause.downcast_ref::<crate::backups::BackupsError>() {
            use crate::backups::BackupsError as B;
            return match b {
                B::Backup(crate::store::BackupError::Store(s)) => from_store(s),
                B::Backup(crate::store::BackupError::Damaged(_))
                | B::Checksum { .. }
                | B::Exists { .. }
                | B::Passphrase
                | B::NeedsPassphrase { .. }
                | B::InUse => 2,
                _ => 1,
            };
        }
        if let Some(s) = cause.downcast_ref::<StoreError>() {
            return from_store(s);
        }
        if let Some(s) = cause.downcast_ref::<crate::services::sync::SyncError>() {
            return match s {
                crate::services::sync::SyncError::Store(s) => from_store(s),
                crate::services::sync::SyncError::NotConfigured => 2,
                _ => 1,
            };
        }
        if let Some(p) = cause.downcast_ref::<crate::passthrough::PlugError>() {
            use crate::passthrough::PlugError as P;
            return match p {
                P::Store(s) => from_store(s),
                P::NeedsTillPort
                | P::NeedsRealPrinter
                | P::PrinterProfile(_)
                | P::TillProfile(_) => 2,
                _ => 1,
            };
        }
        if let Some(crate::report::ReportError::Store(s)) = cause.downcast_ref() {
            return from_store(s);
        }
        if let Some(d) = cause.downcast_ref::<DataDirError>() {
            return match d {
                DataDirError::Store(s) => from_store(s),
                _ => 1,
            };
        }
        if let Some(d) = cause.downcast_ref::<crate::demo::DemoError>() {
            return match d {
                crate::demo::DemoError::Store(s) => from_store(s),
                _ => 2,
            };
        }
        if let Some(f) = cause.downcast_ref::<crate::insights::FitError>() {
            // A table that does not fit is the table's; one that cannot settle, the data's.
            return 2 - u8::from(matches!(f, crate::insights::FitError::Unreadable(_)));
        }
        if cause.downcast_ref::<UsageError>().is_some()
            || cause
                .downcast_ref::<crate::domain::money::AmountError>()
                .is_some()
        {
            return 2;
        }
    }
    1
}
