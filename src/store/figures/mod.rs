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
pub(super) mod insights;
pub(super) mod members;
pub(super) mod overdue;
pub(super) mod stats;
#[cfg(any(test, feature = "oracles"))]
pub(super) mod support_brute;
pub(super) mod support_figures;

/// This room's operations on a transaction: `tx.figures()`.
pub struct Room<'a, 't>(&'a super::Tx<'t>);

impl<'t> std::ops::Deref for Room<'_, 't> {
    type Target = super::Tx<'t>;
    fn deref(&self) -> &super::Tx<'t> {
        self.0
    }
}

impl<'t> super::Tx<'t> {
    /// The figures room's operations in this transaction.
    pub fn figures(&self) -> Room<'_, 't> {
        Room(self)
    }
}
