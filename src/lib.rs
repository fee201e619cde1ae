//! Regulars: loyalty rewards for the shop counter.
//!
//! Layers, each depending only on those below it: [`ui`] over [`runtime`]; [`runtime`],
//! [`cli`] and [`portal`] over [`services`] (sync, the message sender, words for refusals);
//! those over [`store`], [`central`], [`messages`], [`devices`], [`config`], [`datadir`] and
//! [`i18n`]; all over [`domain`] (pure rules, no I/O).

pub mod backups;
pub mod central;
pub mod cli;
pub mod clock;
pub mod config;
pub mod datadir;
pub mod demo;
pub mod devices;
pub mod digest;
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
