//! Reusable answers: how a ticket was resolved, kept for its kind of problem, so the next
//! similar ticket is resolved by picking it; and the most common problems with their usual
//! fixes for the owner.

use crate::domain::support::{Problem, Status};
use crate::domain::support::{TextField, clean_text};
use crate::store::{Result, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A kept answer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct KeptAnswer {
    pub id: i64,
    /// The kind of problem it answers (`other` for tickets without one).
    pub problem: String,
    pub body: String,
    /// Tickets resolved with it.
    pub uses: i64,
}

/// A kind of problem, how many of this till's tickets had it, and its usual fixes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CommonProblem {
    pub problem: String,
    pub tickets: i64,
    /// The answers most used for it, most used first (up to three).
    pub fixes: Vec<KeptAnswer>,
}

/// How staff resolve a ticket.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// What was done, in their words (or an answer's).
    pub note: Option<String>,
    /// A kept answer to use as the note.
    pub answer: Option<i64>,
    /// Keep the note as an answer for the ticket's kind of problem.
    pub keep: bool,
}

fn kept_answer(r: &rusqlite::Row<'_>) -> rusqlite::Result<KeptAnswer> {
    Ok(KeptAnswer {
        id: r.get(0)?,
        problem: r.get(1)?,
        body: r.get(2)?,
        uses: r.get(3)?,
    })
}

/// The stored word of a ticket's kind of problem.
fn kind(problem: Option<Problem>) -> &'static str {
    problem.unwrap_or(Problem::Other).as_str()
}

impl super::Room<'_, '_> {
    /// Kept answers (for one kind of problem, or all), most used first.
    pub fn answers(&self, problem: Option<Problem>) -> Result<Vec<KeptAnswer>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, problem, body, uses FROM answers WHERE ?1 IS NULL OR problem = ?1
             ORDER BY uses DESC, id",
        )?;
        let rows = stmt.query_map([problem.map(Problem::as_str)], kept_answer)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps `body` as an answer for `problem` (the same words again are the same answer).
    pub fn keep_answer(
        &self,
        problem: Option<Problem>,
        body: &str,
        actor: Option<&str>,
        now: i64,
    ) -> Result<KeptAnswer> {
        let body = clean_text(body, TextField::Answer)?;
        if body.is_empty() {
            return Err(StoreError::EmptyText(TextField::Answer));
        }
        self.tx
            .prepare_cached(
                "INSERT INTO answers (problem, body, created_at, actor) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (problem, body) DO NOTHING",
            )?
            .execute((kind(problem), &body, now, actor))?;
        self.tx
            .prepare_cached(
                "SELECT id, problem, body, uses FROM answers WHERE problem = ?1 AND body = ?2",
            )?
            .query_row((kind(problem), &body), kept_answer)
            .map_err(Into::into)
    }

    /// Resolves a ticket with a note, a kept answer (its words become the note), or both kept
    /// as a new answer for the ticket's kind of problem.
    pub fn resolve_ticket(
        &self,
        id: i64,
        how: &Resolution,
        actor: Option<&str>,
        now: i64,
    ) -> Result<crate::store::TicketView> {
        let ticket = self.ticket(id)?;
        let mut answer = match how.answer {
            Some(a) => Some(
                self.tx
                    .prepare_cached("SELECT id, problem, body, uses FROM answers WHERE id = ?1")?
                    .query_row([a], kept_answer)
                    .optional()?
                    .ok_or_else(|| StoreError::NoSuchAnswer(a))?,
            ),
            None => None,
        };
        let note = match (&answer, how.note.as_deref().map(str::trim)) {
            (_, Some(n)) if !n.is_empty() => Some(n.to_string()),
            (Some(a), _) => Some(a.body.clone()),
            _ => None,
        };
        if how.keep {
            let Some(n) = &note else {
                return Err(StoreError::EmptyText(TextField::Answer));
            };
            answer = Some(self.keep_answer(ticket.problem, n, actor, now)?);
        }
        let t = self.set_ticket_status(id, Status::Resolved, note.as_deref(), actor, None, now)?;
        if let Some(a) = answer {
            self.tx
                .prepare_cached("UPDATE tickets SET answer_id = ?2 WHERE id = ?1")?
                .execute((id, a.id))?;
            self.tx
                .prepare_cached("UPDATE answers SET uses = uses + 1 WHERE id = ?1")?
                .execute([a.id])?;
        }
        Ok(t)
    }

    /// The kinds of problem of this till's tickets, most common first, with their usual fixes.
    pub fn common_problems(&self) -> Result<Vec<CommonProblem>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT problem, tickets FROM agg_problems ORDER BY tickets DESC, problem",
        )?;
        let rows: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (problem, tickets) in rows {
            let mut fixes = self.answers(Problem::parse(&problem))?;
            fixes.retain(|a| a.uses > 0);
            fixes.truncate(3);
            out.push(CommonProblem {
                problem,
                tickets,
                fixes,
            });
        }
        Ok(out)
    }
}
