//! The chain's view of the checks' alerts: every shop's, each in its latest state (raised, and
//! acknowledged later), from the events the tills sent. No till takes in another's alerts.

use super::{Central, Result};
use crate::domain::checks::{AlertKind, Finding};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One shop's alert, as the chain's view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainAlert {
    #[serde(default)]
    pub shop_id: String,
    #[serde(default)]
    pub till_id: String,
    pub gid: String,
    pub kind: AlertKind,
    /// The card's code and name, as the till knew them.
    pub card: Option<String>,
    pub name: Option<String>,
    pub staff: Option<String>,
    pub at: i64,
    pub finding: Finding,
    pub events: Vec<String>,
    pub acked_at: Option<i64>,
    pub acked_by: Option<String>,
    pub note: Option<String>,
}

impl Central {
    /// Every shop's alerts, newest first: the open ones, or with `all` those acknowledged too.
    pub fn alerts(&mut self, all: bool) -> Result<Vec<ChainAlert>> {
        let rows = self.client.query(
            "SELECT shop_id, till_id, payload FROM events WHERE kind = 'alert' ORDER BY seq",
            &[],
        )?;
        // The latest event of each alert wins (an acknowledgement comes after the raise).
        let mut latest: BTreeMap<String, ChainAlert> = BTreeMap::new();
        for r in rows {
            let payload: String = r.get(2);
            if let Ok(mut a) = serde_json::from_str::<ChainAlert>(&payload) {
                a.shop_id = r.get(0);
                a.till_id = r.get(1);
                latest.insert(a.gid.clone(), a);
            }
        }
        let mut out: Vec<ChainAlert> = latest
            .into_values()
            .filter(|a| all || a.acked_at.is_none())
            .collect();
        out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.gid.cmp(&b.gid)));
        Ok(out)
    }
}
