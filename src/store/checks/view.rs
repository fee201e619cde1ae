//! The dashboard's Checks: the open alerts, and the alerts of a range by week and by the
//! member of staff signed in.

use super::AlertView;
use crate::store::Result;
use serde::Serialize;
use std::collections::BTreeMap;

/// Alerts in a range as the owner's dashboard shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ChecksView {
    /// Every open alert (whenever raised), newest first.
    pub open: Vec<AlertView>,
    /// Alerts raised in the range, per week: the week's Monday (days since 1970-01-01), how
    /// many, how many still open.
    pub by_week: Vec<(i64, i64, i64)>,
    /// Per member of staff signed in (empty: nobody), how many and how many open.
    pub by_staff: Vec<(String, i64, i64)>,
}

impl super::Room<'_, '_> {
    /// The Checks section for alerts raised in `[from, to)` (unix seconds).
    pub fn checks_view(&self, from: i64, to: i64) -> Result<ChecksView> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT at, COALESCE(staff, ''), acked_at IS NULL FROM alerts
             WHERE at >= ?1 AND at < ?2",
        )?;
        let rows = stmt.query_map((from, to), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        let mut weeks: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
        let mut staff: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for row in rows {
            let (at, who, open) = row?;
            let monday = self.rules.checks.local(at).week * 7 - 3;
            for e in [
                weeks.entry(monday).or_default(),
                staff.entry(who).or_default(),
            ] {
                e.0 += 1;
                e.1 += i64::from(open);
            }
        }
        Ok(ChecksView {
            open: self.alerts(false, 500)?,
            by_week: weeks
                .into_iter()
                .rev()
                .map(|(w, (n, o))| (w, n, o))
                .collect(),
            by_staff: staff.into_iter().map(|(s, (n, o))| (s, n, o)).collect(),
        })
    }
}
