//! `[alerts]`: the thresholds of the checks on what does not add up, the shop's opening hours,
//! and where the owner's daily summary goes.

use super::ConfigError;
use crate::domain::checks::{Checks, OpeningHours};
use serde::Deserialize;
use std::path::Path;

/// `[alerts]`, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertsConfig {
    checks: Checks,
    /// The opening hours as written (empty: the after-hours check is off).
    pub opening_hours: String,
    /// Where the daily summary of new alerts goes, through the outbox.
    pub email: Option<String>,
}

/// Opening hours when none are written: activity at the counter between 23:00 and 05:00 is
/// rare enough in a shop to be worth a look.
pub const DEFAULT_OPENING_HOURS: &str = "05:00-23:00";

impl Default for AlertsConfig {
    fn default() -> Self {
        AlertsConfig {
            checks: Checks {
                opening_hours: OpeningHours::parse(DEFAULT_OPENING_HOURS).ok().flatten(),
                ..Checks::default()
            },
            opening_hours: DEFAULT_OPENING_HOURS.into(),
            email: None,
        }
    }
}

impl AlertsConfig {
    /// The checks' thresholds, in the time zone of the machine at the counter.
    pub fn checks(&self) -> Checks {
        Checks {
            time_zone: jiff::tz::TimeZone::system(),
            ..self.checks.clone()
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlerts {
    card_transactions_per_day: Option<i64>,
    own_card: Option<bool>,
    adjustments_per_week: Option<i64>,
    refund_after_redeem: Option<bool>,
    claim_after_hours: Option<i64>,
    claims_per_week: Option<i64>,
    split_sales: Option<i64>,
    split_minutes: Option<i64>,
    opening_hours: Option<String>,
    referrals_per_week: Option<i64>,
    email: Option<String>,
}

impl RawAlerts {
    pub(super) fn validate(self, path: &Path) -> Result<AlertsConfig, ConfigError> {
        let bad = |what: &'static str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            what,
            message,
        };
        let d = AlertsConfig::default().checks;
        let count = |what: &'static str, v: Option<i64>, default: i64| match v {
            Some(n) if n < 0 => Err(bad(
                what,
                format!("{n} is below zero; 0 turns the check off"),
            )),
            Some(n) => Ok(n),
            None => Ok(default),
        };
        let opening_hours = self
            .opening_hours
            .unwrap_or_else(|| DEFAULT_OPENING_HOURS.into());
        let hours = OpeningHours::parse(&opening_hours)
            .map_err(|e| bad("[alerts] opening_hours", e.to_string()))?;
        let email = match self.email.map(|e| e.trim().to_string()) {
            Some(e) if e.is_empty() => None,
            Some(e) => Some(
                crate::domain::contact::normalize_email(&e)
                    .map_err(|err| bad("[alerts] email", err.to_string()))?,
            ),
            None => None,
        };
        Ok(AlertsConfig {
            checks: Checks {
                card_transactions_per_day: count(
                    "[alerts] card_transactions_per_day",
                    self.card_transactions_per_day,
                    d.card_transactions_per_day,
                )?,
                own_card: self.own_card.unwrap_or(d.own_card),
                adjustments_per_week: count(
                    "[alerts] adjustments_per_week",
                    self.adjustments_per_week,
                    d.adjustments_per_week,
                )?,
                refund_after_redeem: self.refund_after_redeem.unwrap_or(d.refund_after_redeem),
                claim_after_hours: count(
                    "[alerts] claim_after_hours",
                    self.claim_after_hours,
                    d.claim_after_hours,
                )?,
                claims_per_week: count(
                    "[alerts] claims_per_week",
                    self.claims_per_week,
                    d.claims_per_week,
                )?,
                split_sales: count("[alerts] split_sales", self.split_sales, d.split_sales)?,
                split_minutes: count(
                    "[alerts] split_minutes",
                    self.split_minutes,
                    d.split_minutes,
                )?,
                opening_hours: hours,
                referrals_per_week: count(
                    "[alerts] referrals_per_week",
                    self.referrals_per_week,
                    d.referrals_per_week,
                )?,
                time_zone: d.time_zone,
            },
            opening_hours,
            email,
        })
    }
}
