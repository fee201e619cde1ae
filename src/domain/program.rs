//! Loyalty programs: how a sale turns into points, stamps and referral bonuses.
//!
//! A program is a value; the store keeps every version with the moment it took effect, so a sale
//! is rewarded under the program in force when it happened and a later change never rewrites it.

use serde::{Deserialize, Serialize};

/// How fractional points are rounded when a sale is not a whole multiple of the earning unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    /// Fractions are dropped: 12.99 at 1 point per 1.00 earns 12 points (the common rule).
    #[default]
    Down,
    /// Half or more rounds up: 12.50 earns 13.
    Nearest,
    /// Any fraction rounds up: 12.01 earns 13.
    Up,
}

/// Earning rule: `points` points for every `per_minor` minor units spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarnRule {
    pub points: i64,
    pub per_minor: i64,
    pub rounding: Rounding,
}

/// A stamp card: every `every`-th qualifying visit earns one `reward`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampRule {
    pub every: u32,
    /// Id of a reward in the catalogue.
    pub reward: String,
    /// Most stamps a cashier credits from a customer's paper card without the owner's PIN
    /// (`[program] paper_stamps_max`; default: a full card's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_max: Option<u32>,
}

impl StampRule {
    /// The most stamps from a paper card a cashier credits alone.
    pub fn paper_limit(&self) -> u32 {
        self.paper_max.unwrap_or(self.every)
    }
}

/// An item in the reward catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reward {
    pub id: String,
    pub name: String,
    /// Cost in points.
    pub cost: i64,
}

/// Referral bonuses and the cap that stops one referrer farming them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralRule {
    pub referrer_bonus: i64,
    pub friend_bonus: i64,
    /// Most referrals one referrer is rewarded for in any 30 days.
    pub cap_per_30_days: u32,
}

/// A whole loyalty program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    pub earn: EarnRule,
    /// The smallest sale, in minor units, that counts as a qualifying visit (stamps, referrals).
    pub min_spend_minor: i64,
    pub stamps: Option<StampRule>,
    pub rewards: Vec<Reward>,
    /// Points expire this many days after they were earned; `None` means never.
    pub expiry_days: Option<u32>,
    pub referral: ReferralRule,
    /// Tiers by points earned in the last 12 months, when the shop has them.
    #[serde(default)]
    pub tiers: Option<crate::domain::tiers::Tiers>,
    /// A reward on each member's birthday (those who gave it), and on the day they joined.
    #[serde(default)]
    pub birthday: Option<Occasion>,
    #[serde(default)]
    pub anniversary: Option<Occasion>,
    /// An offer for a regular found slipping away, once a year at most.
    #[serde(default)]
    pub welcome_back: Option<Occasion>,
}

/// A reward given once a year on a member's day, to be used within `days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occasion {
    /// Id of a reward in the catalogue.
    pub reward: String,
    pub days: u32,
}

/// Why a program configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    #[error("program: points per unit must be zero or more and the unit above zero")]
    EarnRule,
    #[error("program: reward '{0}' must have a name, an id without spaces and a cost above zero")]
    Reward(String),
    #[error("program: two rewards share the id '{0}'; give each its own")]
    DuplicateReward(String),
    #[error("program: the stamp card's reward '{0}' is not in the reward catalogue")]
    StampReward(String),
    #[error("program: the stamp card needs `every` of 2 or more")]
    StampEvery,
    #[error("program: bonuses, minimum spend and expiry must not be negative")]
    Negative,
    #[error(
        "program: a birthday or anniversary reward needs a reward from the catalogue ('{0}' is \
         not one) and days of 1 or more"
    )]
    Occasion(String),
    #[error(transparent)]
    Tiers(#[from] crate::domain::tiers::TiersError),
}

const SECONDS_PER_DAY: i64 = 86_400;

impl Program {
    /// Checks the program makes sense before anything uses it.
    pub fn validate(&self) -> Result<(), ProgramError> {
        if let Some(t) = &self.tiers {
            t.validate()?;
        }
        for o in [&self.birthday, &self.anniversary, &self.welcome_back]
            .into_iter()
            .flatten()
        {
            if self.reward(&o.reward).is_none() || o.days == 0 {
                return Err(ProgramError::Occasion(o.reward.clone()));
            }
        }
        if self.earn.points < 0 || self.earn.per_minor <= 0 {
            return Err(ProgramError::EarnRule);
        }
        if self.min_spend_minor < 0
            || self.referral.referrer_bonus < 0
            || self.referral.friend_bonus < 0
        {
            return Err(ProgramError::Negative);
        }
        let mut seen = std::collections::HashSet::new();
        for r in &self.rewards {
            if r.id.is_empty()
                || r.id.contains(char::is_whitespace)
                || r.name.trim().is_empty()
                || r.cost <= 0
            {
                return Err(ProgramError::Reward(r.id.clone()));
            }
            if !seen.insert(r.id.as_str()) {
                return Err(ProgramError::DuplicateReward(r.id.clone()));
            }
        }
        if let Some(s) = &self.stamps {
            if s.every < 2 {
                return Err(ProgramError::StampEvery);
            }
            if self.reward(&s.reward).is_none() {
                return Err(ProgramError::StampReward(s.reward.clone()));
            }
        }
        Ok(())
    }

    /// Points a member earns for a sale of `amount_minor`, by the earning rule and its rounding.
    pub fn points_for(&self, amount_minor: i64) -> i64 {
        let num = i128::from(amount_minor) * i128::from(self.earn.points);
        let den = i128::from(self.earn.per_minor);
        let points = match self.earn.rounding {
            Rounding::Down => num.div_euclid(den),
            Rounding::Up => (num + den - 1).div_euclid(den),
            Rounding::Nearest => (2 * num + den).div_euclid(2 * den),
        };
        i64::try_from(points).unwrap_or(i64::MAX)
    }

    /// Whether a sale counts as a qualifying visit (stamps, a friend's first purchase).
    pub fn qualifies(&self, amount_minor: i64) -> bool {
        amount_minor >= self.min_spend_minor
    }

    /// The catalogue entry with this id.
    pub fn reward(&self, id: &str) -> Option<&Reward> {
        self.rewards.iter().find(|r| r.id.eq_ignore_ascii_case(id))
    }

    /// When points earned at `earned_at` (unix seconds) expire, if they do.
    pub fn expires_at(&self, earned_at: i64) -> Option<i64> {
        self.expiry_days
            .filter(|d| *d > 0)
            .map(|d| earned_at + i64::from(d) * SECONDS_PER_DAY)
    }

    /// The cheapest reward, for "N more points to …".
    pub fn cheapest_reward(&self) -> Option<&Reward> {
        self.rewards.iter().min_by_key(|r| r.cost)
    }
}

impl Default for Program {
    /// A coffee-shop program: 1 point per currency unit (2-decimal currency), a stamp card with a
    /// free coffee every 10th visit, points valid a year, 50 points each way for a referral.
    fn default() -> Self {
        Program {
            earn: EarnRule {
                points: 1,
                per_minor: 100,
                rounding: Rounding::Down,
            },
            min_spend_minor: 200,
            stamps: Some(StampRule {
                every: 10,
                reward: "coffee".into(),
                paper_max: None,
            }),
            rewards: vec![
                Reward {
                    id: "coffee".into(),
                    name: "Free coffee".into(),
                    cost: 40,
                },
                Reward {
                    id: "cake".into(),
                    name: "Slice of cake".into(),
                    cost: 60,
                },
                Reward {
                    id: "beans".into(),
                    name: "Bag of beans".into(),
                    cost: 150,
                },
            ],
            expiry_days: Some(365),
            tiers: None,
            birthday: None,
            anniversary: None,
            welcome_back: None,
            referral: ReferralRule {
                referrer_bonus: 50,
                friend_bonus: 50,
                cap_per_30_days: 5,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_rounding(r: Rounding) -> Program {
        let mut p = Program::default();
        p.earn.rounding = r;
        p
    }

    #[test]
    fn rounding_rules() {
        assert_eq!(with_rounding(Rounding::Down).points_for(1299), 12);
        assert_eq!(with_rounding(Rounding::Nearest).points_for(1250), 13);
        assert_eq!(with_rounding(Rounding::Nearest).points_for(1249), 12);
        assert_eq!(with_rounding(Rounding::Up).points_for(1201), 13);
        assert_eq!(with_rounding(Rounding::Up).points_for(1200), 12);
    }

    #[test]
    fn one_point_per_ten() {
        let p = Program {
            earn: EarnRule {
                points: 1,
                per_minor: 1000,
                rounding: Rounding::Down,
            },
            ..Program::default()
        };
        assert_eq!(p.points_for(999), 0);
        assert_eq!(p.points_for(2500), 2);
    }

    #[test]
    fn validation() {
        assert_eq!(Program::default().validate(), Ok(()));
        let p = Program {
            stamps: Some(StampRule {
                every: 10,
                reward: "tea".into(),
                paper_max: None,
            }),
            ..Program::default()
        };
        assert_eq!(p.validate(), Err(ProgramError::StampReward("tea".into())));
        let mut p = Program::default();
        p.rewards.push(p.rewards[0].clone());
        assert!(matches!(
            p.validate(),
            Err(ProgramError::DuplicateReward(_))
        ));
    }

    #[test]
    fn expiry() {
        let p = Program::default();
        assert_eq!(p.expires_at(0), Some(365 * 86_400));
        let p = Program {
            expiry_days: None,
            ..Program::default()
        };
        assert_eq!(p.expires_at(0), None);
    }
}
