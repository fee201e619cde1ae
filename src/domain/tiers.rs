//! Tiers (e.g. Regular, Silver, Gold) by the points a member earned in the last 12 months —
//! not their balance, so spending points never costs a tier. A tier's points multiply what
//! each sale earns. Moving up happens at once; moving down only at the stated review date,
//! when each member's tier is decided again by what they earned in the 12 months before it.

use serde::{Deserialize, Serialize};

/// Seconds in the 12 months a tier looks back over (365 days).
pub const YEAR: i64 = 365 * 86_400;

/// A tier above the base one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierLevel {
    pub name: String,
    /// Points earned in the last 12 months that reach it.
    pub from_points: i64,
    /// What a sale's points are multiplied by, in hundredths (125 = ×1.25).
    pub multiplier_percent: i64,
}

/// A program's tiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tiers {
    /// The tier every member starts in.
    pub base: String,
    /// The levels above it, lowest first.
    pub levels: Vec<TierLevel>,
    /// The review date each year (UTC), when a member may move down.
    pub review_month: u8,
    pub review_day: u8,
}

/// Why tiers cannot be used as configured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TiersError {
    #[error("program: each tier needs a name")]
    Name,
    #[error(
        "program: tier '{0}' must need more points than the one below it, and multiply by 1 or more"
    )]
    Order(String),
    #[error("program: the tier review date must be a day of the year as MM-DD (not 29 February)")]
    Review,
}

/// A member's place: the tier's number (0 = base), its name and multiplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub tier: usize,
    pub name: String,
    pub multiplier_percent: i64,
}

impl Tiers {
    pub fn validate(&self) -> Result<(), TiersError> {
        if self.base.trim().is_empty() || self.levels.iter().any(|l| l.name.trim().is_empty()) {
            return Err(TiersError::Name);
        }
        let mut below = 0;
        for l in &self.levels {
            if l.from_points <= below || l.multiplier_percent < 100 {
                return Err(TiersError::Order(l.name.clone()));
            }
            below = l.from_points;
        }
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let month = usize::from(self.review_month);
        if !(1..=12).contains(&month) || self.review_day == 0 || self.review_day > days[month - 1] {
            return Err(TiersError::Review);
        }
        Ok(())
    }

    /// The tier `earned` points in 12 months reach.
    pub fn reached(&self, earned: i64) -> usize {
        self.levels
            .iter()
            .take_while(|l| earned >= l.from_points)
            .count()
    }

    pub fn place(&self, tier: usize) -> Place {
        let tier = tier.min(self.levels.len());
        match tier {
            0 => Place {
                tier,
                name: self.base.clone(),
                multiplier_percent: 100,
            },
            n => Place {
                tier,
                name: self.levels[n - 1].name.clone(),
                multiplier_percent: self.levels[n - 1].multiplier_percent,
            },
        }
    }

    /// The tier above `tier` and the points it needs, if there is one.
    pub fn next(&self, tier: usize) -> Option<&TierLevel> {
        self.levels.get(tier)
    }

    /// The last review at or before `now` (unix seconds, UTC).
    pub fn last_review(&self, now: i64) -> i64 {
        let year = jiff::Timestamp::from_second(now)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
            .unwrap_or(1970);
        let at = |year: i16| -> i64 {
            jiff::civil::date(year, self.review_month as i8, self.review_day as i8)
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .map(|z| z.timestamp().as_second())
                .unwrap_or(0)
        };
        let this_year = at(year);
        if this_year <= now {
            this_year
        } else {
            at(year - 1)
        }
    }

    /// The next review after `now`.
    pub fn next_review(&self, now: i64) -> i64 {
        let last = self.last_review(now);
        let year = jiff::Timestamp::from_second(last)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
            .unwrap_or(1970);
        jiff::civil::date(year + 1, self.review_month as i8, self.review_day as i8)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp().as_second())
            .unwrap_or(i64::MAX)
    }

    /// The member's tier now: the one they hold (reached at `held_at`), unless a review has
    /// come since, which decided it again from what they earned in the 12 months before it
    /// (`earned_at_review`); and never below what they earned in the last 12 months
    /// (`earned_now`), as moving up is at once. `earned_at_review` is asked only when needed,
    /// and its error is passed on.
    pub fn now<E>(
        &self,
        held: usize,
        held_at: Option<i64>,
        earned_at_review: impl FnOnce(i64) -> Result<i64, E>,
        earned_now: i64,
        now: i64,
    ) -> Result<usize, E> {
        let review = self.last_review(now);
        let kept = match held_at {
            Some(at) if at >= review => held,
            _ if held == 0 => 0,
            _ => self.reached(earned_at_review(review)?),
        };
        Ok(kept.max(self.reached(earned_now)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiers() -> Tiers {
        Tiers {
            base: "Regular".into(),
            levels: vec![
                TierLevel {
                    name: "Silver".into(),
                    from_points: 100,
                    multiplier_percent: 125,
                },
                TierLevel {
                    name: "Gold".into(),
                    from_points: 300,
                    multiplier_percent: 150,
                },
            ],
            review_month: 1,
            review_day: 1,
        }
    }

    fn utc(y: i16, m: i8, d: i8) -> i64 {
        jiff::civil::date(y, m, d)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_second()
    }

    #[test]
    fn points_earned_reach_a_tier_and_the_review_is_once_a_year() {
        let t = tiers();
        assert_eq!(t.validate(), Ok(()));
        assert_eq!((t.reached(99), t.reached(100), t.reached(1000)), (0, 1, 2));
        assert_eq!(t.place(2).multiplier_percent, 150);
        assert_eq!(t.last_review(utc(2026, 6, 1)), utc(2026, 1, 1));
        assert_eq!(t.last_review(utc(2026, 1, 1)), utc(2026, 1, 1));
        assert_eq!(t.next_review(utc(2026, 6, 1)), utc(2027, 1, 1));
        let leap = Tiers {
            review_month: 2,
            review_day: 29,
            ..tiers()
        };
        assert_eq!(leap.validate(), Err(TiersError::Review));
    }

    #[test]
    fn a_member_moves_down_only_at_the_review() {
        let t = tiers();
        // Gold since March 2025; by June 2026 they earned nothing for a year, but the review of
        // 1 January 2026 counted the 300 points of 2025: still Gold.
        let gold_at = utc(2025, 3, 1);
        let at_review = |review: i64| -> Result<i64, ()> {
            Ok(if review == utc(2026, 1, 1) { 300 } else { 0 })
        };
        assert_eq!(
            t.now(2, Some(gold_at), at_review, 0, utc(2026, 6, 1)),
            Ok(2)
        );
        // The review of 1 January 2027 counts 2026's: nothing, so the base tier.
        assert_eq!(
            t.now(2, Some(gold_at), at_review, 0, utc(2027, 1, 2)),
            Ok(0)
        );
        // Moving up is at once.
        assert_eq!(
            t.now(0, None, |_| Ok::<_, ()>(0), 120, utc(2026, 6, 1)),
            Ok(1)
        );
    }
}
