//! Checks on what happens at the counter: when loyalty activity looks like fraud or a mistake.
//!
//! Each check has a threshold (`[alerts]` in the config; 0 turns it off) and a *bucket*: the
//! day, the week or the event an alert belongs to, so that it is raised once however many events
//! follow. The store asks these rules, inside the transaction of the event that may cross a
//! threshold, whether it does; it never re-reads the whole history. Days and weeks are the
//! shop's own (its time zone), weeks start on Monday.

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

const DAY: i64 = 86_400;

/// The kinds of alert, as `regulars alerts --json` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    BusyCard,
    OwnCard,
    Adjustments,
    RefundAfterRedeem,
    Claims,
    SplitSales,
    AfterHours,
    ReferralBurst,
}

impl AlertKind {
    pub const ALL: [AlertKind; 8] = [
        AlertKind::BusyCard,
        AlertKind::OwnCard,
        AlertKind::Adjustments,
        AlertKind::RefundAfterRedeem,
        AlertKind::Claims,
        AlertKind::SplitSales,
        AlertKind::AfterHours,
        AlertKind::ReferralBurst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::BusyCard => "busy_card",
            AlertKind::OwnCard => "own_card",
            AlertKind::Adjustments => "adjustments",
            AlertKind::RefundAfterRedeem => "refund_after_redeem",
            AlertKind::Claims => "claims",
            AlertKind::SplitSales => "split_sales",
            AlertKind::AfterHours => "after_hours",
            AlertKind::ReferralBurst => "referral_burst",
        }
    }

    pub fn parse(s: &str) -> Option<AlertKind> {
        AlertKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What an alert found: the figures its words are made of. Kept with the alert as JSON and
/// brought up to date when a later event joins it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "found", rename_all = "snake_case")]
pub enum Finding {
    /// `count` loyalty transactions on one card in a day, above `limit`.
    BusyCard { count: i64, limit: i64 },
    /// A staff member's own card earned `points` from `count` sales they rang up themselves.
    OwnCard { count: i64, points: i64 },
    /// One person adjusted points by hand `count` times in a week, above `limit`.
    Adjustments { count: i64, limit: i64 },
    /// A sale refunded after its points were spent on a reward: of `due` points, `taken` were
    /// taken back.
    RefundAfterRedeem { due: i64, taken: i64 },
    /// An anonymous receipt claimed `hours` after the sale, later than `limit` hours.
    LateClaim { hours: i64, limit: i64 },
    /// One phone or email claimed `count` receipts in a week, above `limit`.
    ManyClaims { count: i64, limit: i64 },
    /// `count` sales to one card within `minutes`, each just over a threshold.
    SplitSales { count: i64, minutes: i64 },
    /// `count` loyalty transactions outside opening hours in a day.
    AfterHours { count: i64 },
    /// One member referred `count` friends in a week, above `limit`.
    ReferralBurst { count: i64, limit: i64 },
}

impl Finding {
    pub fn kind(&self) -> AlertKind {
        match self {
            Finding::BusyCard { .. } => AlertKind::BusyCard,
            Finding::OwnCard { .. } => AlertKind::OwnCard,
            Finding::Adjustments { .. } => AlertKind::Adjustments,
            Finding::RefundAfterRedeem { .. } => AlertKind::RefundAfterRedeem,
            Finding::LateClaim { .. } | Finding::ManyClaims { .. } => AlertKind::Claims,
            Finding::SplitSales { .. } => AlertKind::SplitSales,
            Finding::AfterHours { .. } => AlertKind::AfterHours,
            Finding::ReferralBurst { .. } => AlertKind::ReferralBurst,
        }
    }
}

/// The checks' thresholds (`[alerts]`); 0 turns a check off.
#[derive(Debug, Clone, PartialEq)]
pub struct Checks {
    /// More loyalty transactions (sales, redemptions, claims) than this on one card in a day.
    pub card_transactions_per_day: i64,
    /// Alert on points earned on a staff member's own card from their own sales (0: off).
    pub own_card: bool,
    /// More hand adjustments than this by one person in a week.
    pub adjustments_per_week: i64,
    /// Alert on a sale refunded after the points it earned were spent (0: off).
    pub refund_after_redeem: bool,
    /// An anonymous receipt claimed more than this many hours after the sale.
    pub claim_after_hours: i64,
    /// More receipts than this claimed by one phone or email in a week.
    pub claims_per_week: i64,
    /// This many sales to one card within `split_minutes`, each just over a threshold.
    pub split_sales: i64,
    pub split_minutes: i64,
    /// When the shop is open; activity outside is an alert. `None`: the check is off.
    pub opening_hours: Option<OpeningHours>,
    /// More referrals than this from one member in a week.
    pub referrals_per_week: i64,
    /// The shop's time zone, for its days, weeks and hours.
    pub time_zone: TimeZone,
}

impl Checks {
    /// Every check turned off.
    pub fn off() -> Checks {
        Checks {
            card_transactions_per_day: 0,
            own_card: false,
            adjustments_per_week: 0,
            refund_after_redeem: false,
            claim_after_hours: 0,
            claims_per_week: 0,
            split_sales: 0,
            opening_hours: None,
            referrals_per_week: 0,
            ..Checks::default()
        }
    }
}

impl Default for Checks {
    /// Thresholds that stay quiet for an honest shop (see the README's measurements).
    fn default() -> Self {
        Checks {
            card_transactions_per_day: 5,
            own_card: true,
            adjustments_per_week: 5,
            refund_after_redeem: true,
            claim_after_hours: 72,
            claims_per_week: 3,
            split_sales: 3,
            split_minutes: 30,
            opening_hours: None,
            referrals_per_week: 5,
            time_zone: TimeZone::UTC,
        }
    }
}

/// A moment in the shop's own calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Local {
    /// Days since 1970-01-01 in the shop's time zone.
    pub day: i64,
    /// The week's number (weeks start on Monday).
    pub week: i64,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes since midnight.
    pub minute: u16,
}

impl Checks {
    /// `at` (unix seconds) in the shop's calendar.
    pub fn local(&self, at: i64) -> Local {
        let offset = jiff::Timestamp::from_second(at)
            .map(|t| i64::from(self.time_zone.to_offset(t).seconds()))
            .unwrap_or(0);
        let secs = at + offset;
        let day = secs.div_euclid(DAY);
        Local {
            day,
            // 1970-01-01 was a Thursday: three days after a Monday.
            week: (day + 3).div_euclid(7),
            weekday: (day + 3).rem_euclid(7) as u8,
            minute: (secs.rem_euclid(DAY) / 60) as u16,
        }
    }

    /// Whether `at` is outside opening hours (false when the check is off).
    pub fn after_hours(&self, at: i64) -> bool {
        self.opening_hours
            .as_ref()
            .is_some_and(|h| !h.open(self.local(at)))
    }

    /// Whether a claim `hours_late` after its sale is late enough for an alert.
    pub fn late_claim(&self, sale_at: i64, claim_at: i64) -> Option<i64> {
        let hours = (claim_at - sale_at) / 3600;
        (self.claim_after_hours > 0 && claim_at - sale_at > self.claim_after_hours * 3600)
            .then_some(hours)
    }
}

/// Whether a sale of `amount` (minor units) only just reaches a threshold that splitting a bill
/// gains from: the smallest qualifying sale (a stamp each), within a quarter of it; or, where
/// points are rounded up, a sale a tenth of a unit past a whole one.
pub fn just_passes(program: &super::program::Program, amount: i64) -> bool {
    use super::program::Rounding;
    let min = program.min_spend_minor;
    let stamp = program.stamps.is_some() && min > 0 && amount >= min && amount * 4 < min * 5;
    let per = program.earn.per_minor;
    let over = amount.rem_euclid(per.max(1));
    let point = program.earn.points > 0
        && per > 1
        && over > 0
        && over * 10 <= per
        && match program.earn.rounding {
            Rounding::Up => true,
            Rounding::Nearest => false,
            Rounding::Down => false,
        };
    stamp || point
}

/// Opening hours: for each weekday, the spans (minutes since midnight) the shop is open; a span
/// may run past midnight ("18:00-02:00").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningHours {
    days: [Vec<(u16, u16)>; 7],
}

/// Why opening hours could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "opening hours: cannot read '{0}'; write them like \"08:00-20:00\" or \"Mon-Fri 08:00-19:00, Sat 09:00-17:00\""
)]
pub struct HoursError(pub String);

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl OpeningHours {
    /// Reads "08:00-20:00" (every day) or "Mon-Fri 08:00-19:00, Sat 09:00-17:00" (days not
    /// named are closed). An empty text is `None`: the check is off.
    pub fn parse(text: &str) -> Result<Option<OpeningHours>, HoursError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let mut days: [Vec<(u16, u16)>; 7] = Default::default();
        for entry in text.split([',', ';']).map(str::trim) {
            let bad = || HoursError(entry.to_string());
            let (which, span) = match entry.rsplit_once(' ') {
                Some((d, s)) => (weekdays(d.trim()).ok_or_else(bad)?, s),
                None => ((0..7).collect(), entry),
            };
            let (from, to) = span.split_once('-').ok_or_else(bad)?;
            let (from, to) = (minute(from).ok_or_else(bad)?, minute(to).ok_or_else(bad)?);
            if from == to {
                return Err(bad());
            }
            for d in which {
                days[d].push((from, to));
            }
        }
        Ok(Some(OpeningHours { days }))
    }

    /// Whether the shop is open at this local moment.
    pub fn open(&self, at: Local) -> bool {
        let today = usize::from(at.weekday);
        let yesterday = (today + 6) % 7;
        let m = at.minute;
        self.days[today].iter().any(|&(from, to)| {
            if from < to {
                m >= from && m < to
            } else {
                m >= from
            }
        }) || self.days[yesterday]
            .iter()
            .any(|&(from, to)| from > to && m < to)
    }
}

fn weekdays(text: &str) -> Option<Vec<usize>> {
    let day = |s: &str| {
        let s = s.trim().to_ascii_lowercase();
        WEEKDAYS.iter().position(|d| s.starts_with(d))
    };
    match text.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (day(a)?, day(b)?);
            Some(
                (0..7)
                    .map(|i| (a + i) % 7)
                    .take((b + 7 - a) % 7 + 1)
                    .collect(),
            )
        }
        None => Some(vec![day(text)?]),
    }
}

fn minute(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some((h * 60 + m) % (24 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64, minute: u16) -> Local {
        Checks::default().local(day * DAY + i64::from(minute) * 60)
    }

    #[test]
    fn days_weeks_and_minutes_in_the_shops_zone() {
        let c = Checks::default();
        // 2026-12-07 is a Monday.
        let monday = 1_796_601_600;
        let l = c.local(monday + 3600 * 9 + 60 * 30);
        assert_eq!((l.weekday, l.minute), (0, 9 * 60 + 30));
        assert_eq!(c.local(monday - 1).week + 1, l.week);
        assert_eq!(c.local(monday + 6 * DAY + 86_399).week, l.week);
        let riga = Checks {
            time_zone: TimeZone::get("Europe/Riga").unwrap(),
            ..Checks::default()
        };
        // 23:30 UTC on Sunday is 01:30 on Monday in Riga.
        let l = riga.local(monday - 1800);
        assert_eq!((l.weekday, l.minute), (0, 90));
    }

    #[test]
    fn opening_hours_every_day_by_day_and_past_midnight() {
        let h = OpeningHours::parse("08:00-20:00").unwrap().unwrap();
        let monday = 20_430; // 2025-12-08
        assert!(h.open(at(monday, 8 * 60)));
        assert!(!h.open(at(monday, 20 * 60)));
        assert!(!h.open(at(monday, 7 * 60 + 59)));
        let h = OpeningHours::parse("Mon-Fri 08:00-19:00, Sat 09:00-17:00")
            .unwrap()
            .unwrap();
        assert!(h.open(at(monday + 5, 10 * 60)));
        assert!(!h.open(at(monday + 6, 10 * 60)), "Sunday is closed");
        let bar = OpeningHours::parse("Fri-Sat 18:00-02:00").unwrap().unwrap();
        assert!(
            bar.open(at(monday + 5, 60)),
            "Saturday 01:00 is Friday night"
        );
        assert!(
            !bar.open(at(monday + 4, 60)),
            "Friday 01:00 is Thursday night"
        );
        assert!(bar.open(at(monday + 4, 23 * 60)));
        assert_eq!(OpeningHours::parse(" ").unwrap(), None);
        for bad in [
            "8-20",
            "Mon 08:00",
            "Funday 08:00-10:00",
            "08:00-08:00",
            "25:00-26:00",
        ] {
            assert!(OpeningHours::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_split_bill_just_passes_the_stamp_threshold() {
        let p = crate::domain::program::Program::default();
        assert!(p.stamps.is_some() && p.min_spend_minor == 200);
        assert!(just_passes(&p, 200));
        assert!(just_passes(&p, 249));
        assert!(!just_passes(&p, 250));
        assert!(!just_passes(&p, 199));
        let up = crate::domain::program::Program {
            stamps: None,
            earn: crate::domain::program::EarnRule {
                rounding: crate::domain::program::Rounding::Up,
                ..p.earn.clone()
            },
            ..p.clone()
        };
        assert!(just_passes(&up, 1005));
        assert!(!just_passes(&up, 1050));
        assert!(!just_passes(&up, 1000));
    }

    #[test]
    fn a_claim_is_late_after_the_threshold() {
        let c = Checks::default();
        assert_eq!(c.late_claim(0, 72 * 3600), None);
        assert_eq!(c.late_claim(0, 80 * 3600), Some(80));
        let off = Checks {
            claim_after_hours: 0,
            ..c
        };
        assert_eq!(off.late_claim(0, 900 * 3600), None);
    }
}
