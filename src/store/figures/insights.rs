//! Who is slipping away, on this till's members: their histories in days, a refit (the
//! models, or a recency/frequency grid while the shop is too small for a stable fit), each
//! member's scores, and the list of members worth a call.

use crate::insights::{self, BgNbd, FitError, GammaGamma, History};
use crate::store::Result;
use serde::Serialize;
use std::collections::HashMap;

/// Below this many members who came back, the models are not fitted: the grid is used.
pub const MIN_REPEAT_MEMBERS: usize = 200;

/// A member is on the list when the chance they are still a regular is below this.
const SLIPPING_BELOW: f64 = 0.5;

const DAY: i64 = 86_400;

/// One member's history, in days, for the models.
#[derive(Debug, Clone, Copy)]
struct Member {
    customer_id: i64,
    history: History,
    /// Their mean net spend per visit, minor units.
    mean: f64,
}

/// What a refit did.
#[derive(Debug, Clone, Serialize)]
pub struct Refit {
    pub at: i64,
    /// "models" or "grid".
    pub method: &'static str,
    pub members: usize,
    pub repeat_members: usize,
    /// Members now on the list worth a call.
    pub slipping: usize,
    /// Welcome-back offers given to them now (once a year at most each).
    pub offers: usize,
    /// The models' parameters, when they were fitted.
    pub fitted: Option<insights::Fitted>,
    /// Why the models could not be fitted (the scores stay those of the fit before).
    #[serde(skip)]
    pub failed: Option<FitError>,
}

/// The last good fit, for the owner.
#[derive(Debug, Clone, Serialize)]
pub struct FitInfo {
    pub at: i64,
    pub method: String,
    pub members: i64,
    pub repeat_members: i64,
    /// Members it put on the list worth a call.
    pub slipping: i64,
    /// A refit after it that failed: when, and why.
    pub failed_since: Option<(i64, String)>,
}

/// A member worth a call this week.
#[derive(Debug, Clone, Serialize)]
pub struct Slipping {
    pub code: String,
    pub name: Option<String>,
    pub last_visit_at: i64,
    pub visits: i64,
    /// Their mean spend per visit, minor units.
    pub usual_spend: i64,
    /// The chance they are still a regular (none under the grid), and at the fit before.
    pub p_alive: Option<f64>,
    pub previous_p_alive: Option<f64>,
    /// What they would spend in 90 days while still a regular, minor units.
    pub at_stake: i64,
    pub open_tickets: i64,
}

impl super::Room<'_, '_> {
    /// Every member's history up to `now`: visits fully refunded do not count, and two visits
    /// on one day are one (as the models count periods).
    fn member_histories(&self, now: i64) -> Result<Vec<Member>> {
        let mut stmt = self.tx.prepare(
            "SELECT v.customer_id, v.at, v.amount - v.refunded FROM visits v
             JOIN customers c ON c.id = v.customer_id
             WHERE c.erased_at IS NULL AND c.merged_into IS NULL
               AND v.refunded < v.amount AND v.at <= ?1
             ORDER BY v.customer_id, v.at",
        )?;
        let mut rows = stmt.query([now])?;
        let mut out = Vec::new();
        // The member being read: id, first visit, last visit day, last visit, days, the
        // repeat days' spend, and all spend.
        struct Open {
            id: i64,
            first: i64,
            day: i64,
            last: i64,
            days: u32,
            repeat_spend: i64,
            spend: i64,
            visits: i64,
        }
        let close = |o: &Open| Member {
            customer_id: o.id,
            history: History {
                frequency: o.days - 1,
                recency: (o.last - o.first) as f64 / DAY as f64,
                age: (now - o.first) as f64 / DAY as f64,
                spend: (o.days > 1).then(|| o.repeat_spend as f64 / f64::from(o.days - 1)),
            },
            mean: o.spend as f64 / o.visits as f64,
        };
        let mut open: Option<Open> = None;
        while let Some(r) = rows.next()? {
            let (id, at, amount): (i64, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let day = at.div_euclid(DAY);
            match &mut open {
                Some(o) if o.id == id => {
                    if day != o.day {
                        o.days += 1;
                        o.day = day;
                    }
                    if day != o.first.div_euclid(DAY) {
                        o.repeat_spend += amount;
                    }
                    o.last = at;
                    o.spend += amount;
                    o.visits += 1;
                }
                _ => {
                    if let Some(o) = &open {
                        out.push(close(o));
                    }
                    open = Some(Open {
                        id,
                        first: at,
                        day,
                        last: at,
                        days: 1,
                        repeat_spend: 0,
                        spend: amount,
                        visits: 1,
                    });
                }
            }
        }
        if let Some(o) = &open {
            out.push(close(o));
        }
        Ok(out)
    }

    /// Records a refit worked out from `members` (see [`Store::refit_insights`]): the fit, or
    /// why it failed; every member's scores; and the welcome-back offers.
    fn record_refit(
        &self,
        mut refit: Refit,
        outcome: std::result::Result<Vec<Score>, FitError>,
    ) -> Result<Refit> {
        let scores = match outcome {
            Ok(scores) => scores,
            Err(e) => {
                self.tx.execute(
                    "INSERT INTO insights_fits (at, method, members, repeat_members, error)
                     VALUES (?1, 'models', ?2, ?3, ?4)",
                    (
                        refit.at,
                        refit.members as i64,
                        refit.repeat_members as i64,
                        e.to_string(),
                    ),
                )?;
                refit.failed = Some(e);
                return Ok(refit);
            }
        };
        let params = refit.fitted.as_ref().map(|f| {
            serde_json::json!({"bgnbd": f.bgnbd, "gamma_gamma": f.gamma_gamma}).to_string()
        });
        self.tx.execute(
            "INSERT INTO insights_fits (at, method, members, repeat_members, params, log_likelihood)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                refit.at,
                refit.method,
                refit.members as i64,
                refit.repeat_members as i64,
                params,
                refit.fitted.as_ref().map(|f| f.bgnbd_log_likelihood),
            ),
        )?;
        let fit_id = self.tx.last_insert_rowid();
        refit.slipping = self.write_scores(fit_id, &scores)?;
        refit.offers = self.give_welcome_back(refit.at)?;
        Ok(refit)
    }

    /// The program's welcome-back voucher for each member on the list who has had none this
    /// year, to be used within its days.
    fn give_welcome_back(&self, now: i64) -> Result<usize> {
        let Some(offer) = self.program_at(now).1.welcome_back.clone() else {
            return Ok(0);
        };
        let year = jiff::Timestamp::from_second(now)
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).year())
            .map_err(|e| crate::store::StoreError::Damaged(e.to_string()))?;
        let given = self.tx.execute(
            "INSERT OR IGNORE INTO vouchers (customer_id, reward_id, issued_at, kind, year,
             valid_until)
             SELECT s.customer_id, ?1, ?2, 'welcome_back', ?3, ?4 FROM insights_scores s
             JOIN customers c ON c.id = s.customer_id
             WHERE s.slipping = 1 AND c.erased_at IS NULL AND c.merged_into IS NULL",
            (
                &offer.reward,
                now,
                i64::from(year),
                now + i64::from(offer.days) * DAY,
            ),
        )?;
        self.messages().queue_voucher_messages(now)?;
        Ok(given)
    }

    /// Replaces every member's scores, keeping each one's chance at the fit before.
    fn write_scores(&self, fit_id: i64, scores: &[Score]) -> Result<usize> {
        let before: HashMap<i64, Option<f64>> = {
            let mut stmt = self
                .tx
                .prepare("SELECT customer_id, p_alive FROM insights_scores")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        self.tx.execute("DELETE FROM insights_scores", [])?;
        let mut insert = self.tx.prepare(
            "INSERT INTO insights_scores (customer_id, fit_id, p_alive, previous_p_alive,
             visits_30, visits_90, spend, at_stake, slipping)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut slipping = 0;
        for s in scores {
            slipping += usize::from(s.slipping);
            insert.execute(rusqlite::params![
                s.customer_id,
                fit_id,
                s.p_alive,
                before.get(&s.customer_id).copied().flatten(),
                s.visits_30,
                s.visits_90,
                s.spend.round() as i64,
                s.at_stake.round() as i64,
                s.slipping,
            ])?;
        }
        Ok(slipping)
    }

    /// When a refit was last tried, good or not.
    pub fn insights_last_try(&self) -> Result<Option<i64>> {
        Ok(self
            .optional::<Option<i64>>("SELECT MAX(at) FROM insights_fits", [])?
            .flatten())
    }

    /// The last good fit, and a failed refit after it if there was one.
    pub fn insights_fit(&self) -> Result<Option<FitInfo>> {
        let good = self.optional_fit(
            "SELECT at, method, members, repeat_members FROM insights_fits
             WHERE error IS NULL ORDER BY id DESC LIMIT 1",
        )?;
        let failed: Option<(i64, String)> = {
            use rusqlite::OptionalExtension;
            self.tx
                .query_row(
                    "SELECT at, error FROM insights_fits WHERE error IS NOT NULL
                     AND id > COALESCE((SELECT MAX(id) FROM insights_fits WHERE error IS NULL), 0)
                     ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
        };
        let slipping = self
            .optional::<i64>(
                "SELECT COUNT(*) FROM insights_scores WHERE slipping = 1",
                [],
            )?
            .unwrap_or(0);
        Ok(good.map(|g| FitInfo {
            failed_since: failed,
            slipping,
            ..g
        }))
    }

    fn optional_fit(&self, sql: &str) -> Result<Option<FitInfo>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .tx
            .query_row(sql, [], |r| {
                Ok(FitInfo {
                    at: r.get(0)?,
                    method: r.get(1)?,
                    members: r.get(2)?,
                    repeat_members: r.get(3)?,
                    slipping: 0,
                    failed_since: None,
                })
            })
            .optional()?)
    }

    /// The members worth a call: those the last fit found slipping away, most at stake first.
    pub fn slipping(&self, limit: usize) -> Result<Vec<Slipping>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT c.code, c.name,
                    (SELECT MAX(at) FROM visits v WHERE v.customer_id = c.id),
                    (SELECT COUNT(*) FROM visits v WHERE v.customer_id = c.id
                       AND v.refunded < v.amount),
                    (SELECT COALESCE(SUM(amount - refunded), 0) FROM visits v
                       WHERE v.customer_id = c.id),
                    s.p_alive, s.previous_p_alive, s.at_stake,
                    (SELECT COUNT(*) FROM tickets t WHERE t.customer_id = c.id
                       AND t.status IN ('open', 'waiting'))
             FROM insights_scores s JOIN customers c ON c.id = s.customer_id
             WHERE s.slipping = 1 AND c.erased_at IS NULL AND c.merged_into IS NULL
             ORDER BY s.at_stake DESC, s.customer_id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                let visits: i64 = r.get(3)?;
                let spend: i64 = r.get(4)?;
                Ok(Slipping {
                    code: crate::store::people::customers::display_code(r.get(0)?),
                    name: r.get(1)?,
                    last_visit_at: r.get(2)?,
                    visits,
                    usual_spend: if visits > 0 { spend / visits } else { 0 },
                    p_alive: r.get(5)?,
                    previous_p_alive: r.get(6)?,
                    at_stake: r.get(7)?,
                    open_tickets: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The reward of a welcome-back offer the member holds and can use now.
    pub(in crate::store) fn welcome_back_offer(
        &self,
        customer_id: i64,
        now: i64,
    ) -> Result<Option<String>> {
        self.optional(
            "SELECT reward_id FROM vouchers WHERE customer_id = ?1 AND kind = 'welcome_back'
             AND used_at IS NULL AND voided_at IS NULL AND valid_until >= ?2
             ORDER BY id DESC LIMIT 1",
            (customer_id, now),
        )
    }

    /// Whether the last fit put this member on the list worth a call.
    pub(in crate::store) fn is_slipping(&self, customer_id: i64) -> Result<bool> {
        Ok(self
            .optional::<i64>(
                "SELECT slipping FROM insights_scores WHERE customer_id = ?1",
                [customer_id],
            )?
            .is_some_and(|s| s == 1))
    }
}

impl crate::store::Store {
    /// Fits the models to the members' histories (the grid below [`MIN_REPEAT_MEMBERS`]
    /// members who came back) and scores every member. The histories are read in one
    /// transaction and the scores written in another, so the fit itself (seconds, for a
    /// million members) never holds the counter's sales up. A fit that fails is recorded
    /// with why, and the scores of the fit before stay.
    pub fn refit_insights(&mut self, now: i64) -> Result<Refit> {
        let members = self.read(|t| t.figures().member_histories(now))?;
        let repeat_members = members.iter().filter(|m| m.history.frequency > 0).count();
        let mut refit = Refit {
            at: now,
            method: if repeat_members >= MIN_REPEAT_MEMBERS {
                "models"
            } else {
                "grid"
            },
            members: members.len(),
            repeat_members,
            slipping: 0,
            offers: 0,
            fitted: None,
            failed: None,
        };
        let outcome = if refit.method == "models" {
            let histories: Vec<History> = members.iter().map(|m| m.history).collect();
            insights::fit(&histories).map(|f| {
                let scores = members
                    .iter()
                    .map(|m| Score::by_models(m, &f.bgnbd, f.gamma_gamma.as_ref()))
                    .collect();
                refit.fitted = Some(f);
                scores
            })
        } else {
            Ok(members.iter().map(Score::by_grid).collect())
        };
        self.write(|t| t.figures().record_refit(refit, outcome))
    }
}

/// One member's scores.
struct Score {
    customer_id: i64,
    p_alive: Option<f64>,
    visits_30: f64,
    visits_90: f64,
    spend: f64,
    at_stake: f64,
    slipping: bool,
}

impl Score {
    fn by_models(m: &Member, bgnbd: &BgNbd, gg: Option<&GammaGamma>) -> Score {
        let h = &m.history;
        let p = bgnbd.p_alive(h.frequency, h.recency, h.age);
        let visits = |t| bgnbd.expected_visits(t, h.frequency, h.recency, h.age);
        let (v30, v90) = (visits(30.0), visits(90.0));
        let spend = match (gg, h.spend) {
            (Some(g), Some(s)) => g.expected_spend(h.frequency, s),
            _ => m.mean,
        };
        Score {
            customer_id: m.customer_id,
            p_alive: Some(p),
            visits_30: v30,
            visits_90: v90,
            spend,
            at_stake: spend * v90 / p.max(1e-6),
            slipping: h.frequency > 0 && p < SLIPPING_BELOW,
        }
    }

    /// The grid, for a shop too small for the models: a member who came back is slipping
    /// when they have stayed away more than twice their usual gap (and a month at least).
    fn by_grid(m: &Member) -> Score {
        let h = &m.history;
        if h.frequency == 0 {
            return Score {
                customer_id: m.customer_id,
                p_alive: None,
                visits_30: 0.0,
                visits_90: 0.0,
                spend: m.mean,
                at_stake: 0.0,
                slipping: false,
            };
        }
        let gap = (h.recency / f64::from(h.frequency)).max(1.0);
        let away = h.age - h.recency;
        let slipping = away > (2.0 * gap).max(30.0);
        let coming = if slipping { 0.0 } else { 1.0 };
        Score {
            customer_id: m.customer_id,
            p_alive: None,
            visits_30: coming * 30.0 / gap,
            visits_90: coming * 90.0 / gap,
            spend: m.mean,
            at_stake: m.mean * 90.0 / gap,
            slipping,
        }
    }
}
