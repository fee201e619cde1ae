//! The owner's dashboard figures, answered on the figures thread: this till's own, and the
//! chain's (each shop's and all shops' together, read from the central store), so the counter
//! never waits on them.

use super::workers::StoreReply;
use crate::central::{Central, ChainFigures};
use crate::config::CentralConfig;
use crate::i18n::Language;
use crate::services::sync::SyncError;
use crate::store::{Store, StoreError};

/// The chain's figures for a range of days, as the dashboard shows them.
#[derive(Debug, Clone)]
pub struct ChainView {
    /// `None`: from the chain's first event.
    pub from_day: Option<i64>,
    pub to_day: i64,
    pub figures: ChainFigures,
    /// Every shop's open alerts (the checks), newest first.
    pub alerts: Vec<crate::central::ChainAlert>,
}

/// Reads the chain's figures for days `from_day..=to_day`; the failure in the shop's words.
pub(super) fn chain(
    central: Option<&CentralConfig>,
    w: &Language,
    from_day: Option<i64>,
    to_day: i64,
) -> StoreReply {
    let Some(central) = central else {
        return StoreReply::Failed {
            doing: "doing-figures",
            error: crate::services::errors::sync_error(w, &SyncError::NotConfigured),
            busy: false,
        };
    };
    let from = from_day.map_or(i64::MIN, |d| d * 86_400);
    let to = (to_day + 1) * 86_400;
    let read = Central::open(&central.url)
        .and_then(|mut c| Ok((c.shop_figures(from, to)?, c.alerts(false)?)));
    match read {
        Ok((figures, alerts)) => StoreReply::ChainFigures(Box::new(ChainView {
            from_day,
            to_day,
            figures,
            alerts,
        })),
        Err(e) => StoreReply::Failed {
            doing: "doing-figures",
            error: crate::services::errors::sync_error(w, &SyncError::Central(e)),
            busy: false,
        },
    }
}

/// This till's own figures for the dashboard (from its first visit when `from_day` is none).
pub(super) fn this_till(
    store: &mut Store,
    from_day: Option<i64>,
    to_day: i64,
    now: i64,
) -> Result<StoreReply, StoreError> {
    let from_day = match from_day {
        Some(d) => d,
        None => store.read(|tx| tx.figures().first_day())?.unwrap_or(to_day),
    };
    // The store keeps the member index between requests.
    let f = store.figures(from_day, to_day, now)?;
    let checks = store.read(|tx| {
        tx.checks()
            .checks_view(from_day * 86_400, (to_day + 1) * 86_400)
    })?;
    Ok(StoreReply::Figures(Box::new(f), Box::new(checks)))
}
