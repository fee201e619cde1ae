//! The owner's figures: the aggregates kept beside every sale and ticket, the dashboard's
//! figures read from them (and, with the `oracles` feature, the same computed the slow way
//! for the tests and benchmarks), the support
//! figures and the overdue series, `regulars stats`, and who is slipping away.
//!
//! Owns the `agg_*` tables, `support_targets`, `wait_buckets`, `insights_fits` and
//! `insights_scores`.

pub(super) mod aggregates;
#[cfg(any(test, feature = "oracles"))]
pub(super) mod brute;
pub(super) mod dashboard;
pub(crate) mod folds;
pub(super) mod insights;
pub(super) mod members;
pub(super) mod overdue;
pub(super) mod stats;
#[cfg(any(test, feature = "oracles"))]
pub(super) mod support_brute;
pub(super) mod support_figures;

super::room!(figures);
