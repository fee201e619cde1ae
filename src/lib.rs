//! Regulars: loyalty rewards for the shop counter.
//!
//! Layers, each depending only on those below it: [`cli`] over [`store`], [`config`] and
//! [`datadir`], all over [`domain`] (pure rules, no I/O).

pub mod backups;
pub mod central;
pub mod cli;
pub mod clock;
pub mod config;
pub mod datadir;
pub mod demo;
pub mod devices;
pub mod domain;
pub mod i18n;
pub mod insights;
pub mod messages;
pub mod passthrough;
pub mod portal;
pub mod printing;
pub mod progress;
pub mod report;
pub mod runtime;
pub mod services;
pub mod store;
pub mod ui;
