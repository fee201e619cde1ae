//! Birthday and enrolment-anniversary rewards: a member's birthday (day and month, kept only
//! with their consent), and the vouchers a daily job gives on the day, to be used within the
//! program's window. Each is given once a year; a till that was off on the day gives it
//! later within the window.

use crate::store::{Result, StoreError};
use serde::Serialize;

const DAY: i64 = 86_400;

/// What `tx.loyalty().give_occasion_vouchers` gave.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Given {
    pub birthday: usize,
    pub anniversary: usize,
    /// Messages queued for them (to members who consented).
    pub messages: usize,
}

impl super::Room<'_, '_> {
    /// Records (or with `None` forgets) a member's birthday, with when and where they agreed
    /// to give it (`source`: counter, page or import).
    pub fn set_birthday(
        &self,
        code: &str,
        birthday: Option<&str>,
        source: &str,
        now: i64,
    ) -> Result<()> {
        let id = self.people().customer(code)?.0.id;
        let birthday = match birthday {
            Some(b) => Some(
                crate::domain::contact::birthday_text(b)
                    .ok_or_else(|| StoreError::BadBirthday(b.to_string()))?,
            ),
            None => None,
        };
        self.tx.execute(
            "UPDATE customers SET birthday = ?2, birthday_consent_at = ?3, birthday_source = ?4
             WHERE id = ?1",
            (
                id,
                &birthday,
                birthday.as_ref().map(|_| now),
                birthday.as_ref().map(|_| source),
            ),
        )?;
        Ok(())
    }

    /// Gives the birthday and anniversary vouchers due on any day of the program's window up
    /// to `now` (UTC days) that have not been given yet.
    pub fn give_occasion_vouchers(&self, now: i64) -> Result<Given> {
        let program = self.program_at(now).1.clone();
        let mut given = Given::default();
        for (kind, rule) in [
            ("birthday", &program.birthday),
            ("anniversary", &program.anniversary),
        ] {
            let Some(rule) = rule else { continue };
            for back in 0..i64::from(rule.days) {
                let day_start = (now.div_euclid(DAY) - back) * DAY;
                let until = day_start + i64::from(rule.days) * DAY - 1;
                let date = jiff::Timestamp::from_second(day_start)
                    .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
                    .map_err(|e| StoreError::Damaged(e.to_string()))?;
                let md = format!("{:02}-{:02}", date.month(), date.day());
                // In a year without 29 February, its birthdays are on the 28th.
                let leap_day = (md == "02-28" && !date.in_leap_year()).then_some("02-29");
                let whose = if kind == "birthday" {
                    "(c.birthday = ?5 OR c.birthday = ?6)"
                } else {
                    "(strftime('%m-%d', c.enrolled_at, 'unixepoch') IN (?5, ?6)
                      AND CAST(strftime('%Y', c.enrolled_at, 'unixepoch') AS INTEGER) < ?3)"
                };
                let n = self.tx.execute(
                    &format!(
                        "INSERT OR IGNORE INTO vouchers (customer_id, reward_id, issued_at, kind,
                         year, valid_until)
                         SELECT c.id, ?1, ?4, ?2, ?3, ?7 FROM customers c
                         WHERE c.erased_at IS NULL AND c.merged_into IS NULL AND {whose}"
                    ),
                    rusqlite::params![
                        rule.reward,
                        kind,
                        i64::from(date.year()),
                        now,
                        md,
                        leap_day.unwrap_or(&md),
                        until,
                    ],
                )?;
                match kind {
                    "birthday" => given.birthday += n,
                    _ => given.anniversary += n,
                }
            }
        }
        given.messages = self.messages().queue_voucher_messages(now)?;
        Ok(given)
    }
}
