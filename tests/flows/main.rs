//! Whole flows against real SQLite files and the real binary. One test binary, a module per area.

mod backups;
mod browser;
mod chain;
mod chain_converge;
mod chain_identity;
mod cli;
mod cli_languages;
mod common;
mod counter_keys;
pub mod counter_ui;
mod crash;
mod demo;
mod devices;
mod figures;
mod invariants;
mod ledger;
mod passthrough;
mod pg;
pub mod portal;
mod portal_languages;
mod privacy;
mod readme;
mod runtime;
mod schema;
mod scripts;
pub mod serial;
mod support;
