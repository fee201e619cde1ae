//! The `[program]` section: how points are earned, the rewards, stamps, referrals, tiers and
//! occasions, with the defaults a new shop starts from, checked whole.

use super::{ConfigError, tiers};
use crate::domain::money::Currency;
use crate::domain::program::{EarnRule, Program, ReferralRule, Reward, Rounding, StampRule};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProgram {
    points: Option<i64>,
    per: Option<String>,
    rounding: Option<Rounding>,
    min_spend: Option<String>,
    expiry_days: Option<u32>,
    stamps: Option<RawStamps>,
    rewards: Option<Vec<Reward>>,
    referral: Option<RawReferral>,
    tiers: Option<tiers::RawTiers>,
    birthday: Option<crate::domain::program::Occasion>,
    anniversary: Option<crate::domain::program::Occasion>,
    welcome_back: Option<crate::domain::program::Occasion>,
    paper_stamps_max: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStamps {
    every: u32,
    reward: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReferral {
    referrer_bonus: Option<i64>,
    friend_bonus: Option<i64>,
    cap_per_30_days: Option<u32>,
}

impl RawProgram {
    /// The programme these settings describe, amounts read in the shop's `currency`.
    pub(super) fn validate(self, currency: Currency, path: &Path) -> Result<Program, ConfigError> {
        let amount_err = |what, source| ConfigError::Amount {
            path: path.to_path_buf(),
            what,
            source,
        };
        let defaults = Program::default();
        let p = self;
        let per_minor = match p.per.as_deref() {
            Some(per) => currency
                .parse_amount(per)
                .map_err(|e| amount_err("[program] per", e))?,
            None => currency.minor_per_major(),
        };
        let min_spend_minor = match p.min_spend.as_deref() {
            Some("0") | Some("0.00") | Some("0.0") => 0,
            Some(m) => currency
                .parse_amount(m)
                .map_err(|e| amount_err("[program] min_spend", e))?,
            None => defaults.min_spend_minor * currency.minor_per_major() / 100,
        };
        let rewards = p.rewards.unwrap_or(defaults.rewards.clone());
        let stamps = match p.stamps {
            Some(RawStamps { every: 0, .. }) => None,
            Some(s) => Some(StampRule {
                every: s.every,
                reward: s
                    .reward
                    .or_else(|| rewards.iter().min_by_key(|r| r.cost).map(|r| r.id.clone()))
                    .unwrap_or_default(),
                paper_max: p.paper_stamps_max,
            }),
            None if rewards
                .iter()
                .any(|r| defaults.stamps.as_ref().is_some_and(|s| s.reward == r.id)) =>
            {
                defaults.stamps.clone()
            }
            None => None,
        };
        let referral = p.referral.unwrap_or_default();
        let tiers = match p.tiers {
            Some(t) => Some(tiers::tiers_from(t).map_err(|source| ConfigError::Program {
                path: path.to_path_buf(),
                source,
            })?),
            None => None,
        };
        let program = Program {
            earn: EarnRule {
                points: p.points.unwrap_or(defaults.earn.points),
                per_minor,
                rounding: p.rounding.unwrap_or_default(),
            },
            min_spend_minor,
            stamps,
            rewards,
            expiry_days: match p.expiry_days {
                Some(0) => None,
                Some(d) => Some(d),
                None => defaults.expiry_days,
            },
            referral: ReferralRule {
                referrer_bonus: referral
                    .referrer_bonus
                    .unwrap_or(defaults.referral.referrer_bonus),
                friend_bonus: referral
                    .friend_bonus
                    .unwrap_or(defaults.referral.friend_bonus),
                cap_per_30_days: referral
                    .cap_per_30_days
                    .unwrap_or(defaults.referral.cap_per_30_days),
            },
            tiers,
            birthday: p.birthday,
            anniversary: p.anniversary,
            welcome_back: p.welcome_back,
        };
        program.validate().map_err(|source| ConfigError::Program {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(program)
    }
}
