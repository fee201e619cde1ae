//! `[program.tiers]` in config.toml.

use crate::domain::program::ProgramError;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTiers {
    base: Option<String>,
    /// MM-DD.
    review: Option<String>,
    levels: Vec<RawTierLevel>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTierLevel {
    name: String,
    from_points: i64,
    /// "1.25": what a sale's points are multiplied by.
    multiplier: Option<String>,
}

/// `[program.tiers]` into tiers: the review date as MM-DD (default 01-01), multipliers as
/// decimals ("1.25"; default 1).
pub(super) fn tiers_from(t: RawTiers) -> Result<crate::domain::tiers::Tiers, ProgramError> {
    use crate::domain::tiers::{TierLevel, Tiers, TiersError};
    let review = t.review.unwrap_or_else(|| "01-01".into());
    let (month, day) = review
        .split_once('-')
        .and_then(|(m, d)| Some((m.trim().parse::<u8>().ok()?, d.trim().parse::<u8>().ok()?)))
        .ok_or(TiersError::Review)?;
    let levels = t
        .levels
        .into_iter()
        .map(|l| {
            let percent = match l.multiplier.as_deref().map(str::trim) {
                None => 100,
                Some(m) => match m.parse::<f64>() {
                    Ok(v) if v.is_finite() && (1.0..=100.0).contains(&v) => {
                        (v * 100.0).round() as i64
                    }
                    _ => return Err(TiersError::Order(l.name.clone())),
                },
            };
            Ok(TierLevel {
                name: l.name,
                from_points: l.from_points,
                multiplier_percent: percent,
            })
        })
        .collect::<Result<Vec<_>, TiersError>>()?;
    Ok(Tiers {
        base: t.base.unwrap_or_else(|| "Regular".into()),
        levels,
        review_month: month,
        review_day: day,
    })
}
