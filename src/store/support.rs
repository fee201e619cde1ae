//! After the visit: the receipt page's view, ratings, claims of anonymous receipts, support
//! tickets with their history, staff notes, and the customer's timeline.
//!
//! Every row points at the visit where one is known, so a ticket opened from a receipt page,
//! at the counter or after a phone call joins back to the purchase it is about.

use super::{Result, StoreError, Tx, customers::CustomerView};
use crate::domain::{
    code::CustomerCode,
    contact::{normalize_email, normalize_phone},
    support::{
        CLAIM_DAYS, Channel, ContactVia, FOLLOW_UP_AT_OR_BELOW, MAX_TEXT_CHARS, Problem,
        RATING_EDIT_DAYS, STARS, Status, first_name, priority, rating_severity,
    },
};
use rusqlite::OptionalExtension;
use serde::Serialize;

const DAY: i64 = 86_400;

/// Everything a receipt page may show: the visit, and of the customer only the first name,
/// the member code (their QR) and their points. Never a phone number or email.
#[derive(Debug, Clone, Serialize)]
pub struct VisitPage {
    pub visit_id: i64,
    /// The number printed on the receipt: the till's, or `V<visit id>`.
    pub receipt: String,
    pub at: i64,
    pub amount: i64,
    pub refunded: i64,
    pub points_earned: i64,
    /// `None` for an anonymous receipt (not claimed yet).
    pub member: Option<Member>,
    /// Points the receipt would earn if claimed now; `None` when it cannot be claimed.
    pub claimable_points: Option<i64>,
    /// Why it cannot be claimed, for an anonymous receipt that cannot.
    pub claim_closed: Option<ClaimClosed>,
    pub rating: Option<RatingView>,
    /// Whether the rating can still be given or changed.
    pub rating_open: bool,
    pub tickets: Vec<TicketView>,
}

/// The member a visit belongs to, as far as its receipt page may show.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub first_name: String,
    pub code: String,
    pub referral_code: String,
    pub balance: i64,
    pub progress: Vec<super::Progress>,
    pub rewards_available: Vec<String>,
    /// The language the member chose for their pages, if any.
    pub language: Option<String>,
}

/// Why an anonymous receipt's points can no longer be claimed.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ClaimClosed {
    /// Older than the claim window (`days` days).
    TooOld { days: i64 },
    /// Refunded in full.
    Refunded,
}

impl std::fmt::Display for ClaimClosed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClaimClosed::TooOld { days } => write!(
                f,
                "receipts can be claimed for {days} days after the visit; this one is older"
            ),
            ClaimClosed::Refunded => {
                f.write_str("this purchase was refunded, so there are no points to claim")
            }
        }
    }
}

/// A visit's rating.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RatingView {
    pub stars: i64,
    pub comment: Option<String>,
    pub first_at: i64,
    pub updated_at: i64,
}

/// What rating a visit did.
#[derive(Debug, Clone, Serialize)]
pub struct Rated {
    pub visit_id: i64,
    pub stars: i64,
    /// True when this replaced an earlier rating.
    pub changed: bool,
    /// The follow-up ticket a low rating opened (or added to).
    pub ticket_id: Option<i64>,
}

/// What claiming an anonymous receipt did.
#[derive(Debug, Clone, Serialize)]
pub struct Claimed {
    pub visit_id: i64,
    pub code: String,
    pub first_name: String,
    /// True when the claim enrolled a new member.
    pub enrolled: bool,
    pub points_earned: i64,
    pub balance: i64,
}

/// A ticket to open.
#[derive(Debug, Clone)]
pub struct NewTicket {
    /// A customer code, when known.
    pub customer: Option<String>,
    /// The visit it is about, when known.
    pub visit_id: Option<i64>,
    pub channel: Channel,
    pub problem: Option<Problem>,
    pub summary: String,
    pub contact_via: Option<ContactVia>,
    pub contact: Option<String>,
    /// 1 (minor) to 3 (urgent); defaults to the problem's severity, else 2.
    pub severity: Option<i64>,
    pub at: i64,
    pub actor: Option<String>,
    /// Makes opening idempotent: the same key returns the first ticket.
    pub key: Option<String>,
}

/// A ticket as staff and the receipt page see it.
#[derive(Debug, Clone, Serialize)]
pub struct TicketView {
    pub id: i64,
    pub customer: Option<String>,
    #[serde(skip)]
    pub customer_name: Option<String>,
    pub visit_id: Option<i64>,
    pub opened_at: i64,
    pub channel: Channel,
    pub problem: Option<Problem>,
    pub summary: String,
    pub contact_via: Option<ContactVia>,
    #[serde(skip)]
    pub contact: Option<String>,
    pub severity: i64,
    /// Higher is worked first (see `domain::support::priority`).
    pub priority: i64,
    pub status: Status,
    pub status_at: i64,
    pub resolved_at: Option<i64>,
    pub events: Vec<TicketEvent>,
}

/// One step in a ticket's history.
#[derive(Debug, Clone, Serialize)]
pub struct TicketEvent {
    pub at: i64,
    pub kind: String,
    pub body: Option<String>,
    pub actor: Option<String>,
}

/// Which tickets to list.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    /// Only these statuses; empty means open and waiting.
    pub statuses: Vec<Status>,
    pub customer: Option<String>,
    /// Resolved tickets the customer has not confirmed after this many days.
    pub follow_up_after_days: Option<i64>,
    pub limit: usize,
}

/// One line of a customer's timeline: when, and the facts (words are the reader's language's,
/// chosen where it is shown).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TimelineEntry {
    pub at: i64,
    #[serde(flatten)]
    pub what: Happened,
    pub visit_id: Option<i64>,
    pub ticket_id: Option<i64>,
}

/// What a timeline line is about; `kind` in JSON.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Happened {
    Enrolled,
    Visit {
        /// Minor units.
        amount: i64,
        refunded: i64,
        receipt: String,
        points: i64,
    },
    /// A ledger event other than earning: redeem, refund, referral, adjust, expire.
    Points {
        event: String,
        points: i64,
        reason: Option<String>,
        actor: Option<String>,
    },
    Rating {
        stars: i64,
        comment: Option<String>,
    },
    /// A ticket was opened.
    Ticket {
        channel: Channel,
        summary: String,
        body: Option<String>,
        actor: Option<String>,
    },
    /// A ticket moved on: `event` is note, waiting, resolved, confirmed, reopened or open.
    TicketUpdate {
        event: String,
        body: Option<String>,
        actor: Option<String>,
    },
    Note {
        body: String,
        actor: Option<String>,
    },
}

impl TimelineEntry {
    /// visit, points, rating, ticket, ticket_update, note or enrolled.
    pub fn kind(&self) -> &'static str {
        match self.what {
            Happened::Enrolled => "enrolled",
            Happened::Visit { .. } => "visit",
            Happened::Points { .. } => "points",
            Happened::Rating { .. } => "rating",
            Happened::Ticket { .. } => "ticket",
            Happened::TicketUpdate { .. } => "ticket_update",
            Happened::Note { .. } => "note",
        }
    }
}

fn clean_text(text: &str, what: &str) -> Result<String> {
    let t = text.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(StoreError::Invalid(format!(
            "{what} is too long: keep it under {MAX_TEXT_CHARS} characters"
        )));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(StoreError::Invalid(format!(
            "{what} contains control characters: type it again as plain text"
        )));
    }
    Ok(t.to_string())
}

impl Tx<'_> {
    /// The receipt page for a visit, or `None` if there is no such visit.
    pub fn visit_page(&self, visit_id: i64, now: i64) -> Result<Option<VisitPage>> {
        let Some(v) = self.visit(visit_id)? else {
            return Ok(None);
        };
        let member = match &v.customer {
            Some(code) => {
                let row = self.customer(code)?.0;
                let language = self.language_of(row.id)?;
                Some(member_of(&self.view_of(row, now)?, language))
            }
            None => None,
        };
        let (claimable_points, claim_closed) = if member.is_some() {
            (None, None)
        } else {
            match self.claim_check(v.at, v.amount, v.refunded, now) {
                Ok(points) => (Some(points), None),
                Err(why) => (None, Some(why)),
            }
        };
        let rating = self.rating(visit_id)?;
        let rating_open = rating
            .as_ref()
            .is_none_or(|r| now < r.first_at + RATING_EDIT_DAYS * DAY);
        Ok(Some(VisitPage {
            visit_id,
            receipt: v.receipt.clone().unwrap_or_else(|| format!("V{visit_id}")),
            at: v.at,
            amount: v.amount,
            refunded: v.refunded,
            points_earned: v.points_earned,
            member,
            claimable_points,
            claim_closed,
            rating,
            rating_open,
            tickets: self.tickets_where("t.visit_id = ?1", visit_id, 50)?,
        }))
    }

    fn rating(&self, visit_id: i64) -> Result<Option<RatingView>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT stars, comment, first_at, updated_at FROM ratings WHERE visit_id = ?1",
            )?
            .query_row([visit_id], |r| {
                Ok(RatingView {
                    stars: r.get(0)?,
                    comment: r.get(1)?,
                    first_at: r.get(2)?,
                    updated_at: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// Rates a visit (1–5 and an optional comment). One rating per visit; it may be changed
    /// for 7 days after it was first given. A rating of 3 or less opens a follow-up ticket
    /// (one per visit: a later low rating adds to it, or reopens it).
    pub fn rate_visit(&self, visit_id: i64, stars: i64, comment: &str, now: i64) -> Result<Rated> {
        if !STARS.contains(&stars) {
            return Err(StoreError::Invalid(
                "a rating is 1 to 5 stars: pick one and send it again".into(),
            ));
        }
        let comment = clean_text(comment, "the comment")?;
        let comment = (!comment.is_empty()).then_some(comment);
        let visit = self
            .visit(visit_id)?
            .ok_or(StoreError::NoSuchVisit(visit_id))?;
        let previous = self.rating(visit_id)?;
        if let Some(p) = &previous
            && now >= p.first_at + RATING_EDIT_DAYS * DAY
        {
            return Err(StoreError::Invalid(format!(
                "this visit was rated more than {RATING_EDIT_DAYS} days ago; the rating can no longer be changed"
            )));
        }
        self.tx.execute(
            "INSERT INTO ratings (visit_id, stars, comment, first_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (visit_id) DO UPDATE SET stars = ?2, comment = ?3, updated_at = ?4",
            (visit_id, stars, &comment, now),
        )?;
        let mut ticket_id = None;
        if stars <= FOLLOW_UP_AT_OR_BELOW {
            let key = format!("rating:{visit_id}");
            let summary = match &comment {
                Some(c) => format!("Rated the visit {stars}/5: {c}"),
                None => format!("Rated the visit {stars}/5 (no comment)"),
            };
            let existing: Option<i64> =
                self.optional("SELECT id FROM tickets WHERE idempotency_key = ?1", [&key])?;
            ticket_id = Some(match existing {
                Some(id) => {
                    let t = self.ticket(id)?;
                    if !t.status.is_active() {
                        self.move_ticket(&t, Status::Open, Some(&summary), None, now)?;
                    } else {
                        self.ticket_event(id, now, "note", Some(&summary), None)?;
                    }
                    id
                }
                None => {
                    self.open_ticket(&NewTicket {
                        customer: visit.customer.clone(),
                        visit_id: Some(visit_id),
                        channel: Channel::Rating,
                        problem: None,
                        summary,
                        contact_via: None,
                        contact: None,
                        severity: Some(rating_severity(stars)),
                        at: now,
                        actor: None,
                        key: Some(key),
                    })?
                    .id
                }
            });
        }
        Ok(Rated {
            visit_id,
            stars,
            changed: previous.is_some(),
            ticket_id,
        })
    }

    /// Points an anonymous receipt would earn if claimed now, or why it cannot be claimed.
    fn claim_check(
        &self,
        at: i64,
        amount: i64,
        refunded: i64,
        now: i64,
    ) -> std::result::Result<i64, ClaimClosed> {
        if now > at + CLAIM_DAYS * DAY {
            return Err(ClaimClosed::TooOld { days: CLAIM_DAYS });
        }
        if refunded >= amount {
            return Err(ClaimClosed::Refunded);
        }
        Ok(self.program_at(at).1.points_for(amount - refunded))
    }

    /// Claims an anonymous receipt's points for the member with this phone or email, enrolling
    /// them (with `name`) if there is none. Once per receipt: a second claim is refused.
    pub fn claim_visit(
        &self,
        visit_id: i64,
        name: &str,
        contact: &str,
        now: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<Claimed> {
        let v = self
            .visit(visit_id)?
            .ok_or(StoreError::NoSuchVisit(visit_id))?;
        let (customer_id, claimed_at): (Option<i64>, Option<i64>) = self.tx.query_row(
            "SELECT customer_id, claimed_at FROM visits WHERE id = ?1",
            [visit_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if customer_id.is_some() || claimed_at.is_some() {
            return Err(StoreError::AlreadyClaimed);
        }
        let points = self
            .claim_check(v.at, v.amount, v.refunded, now)
            .map_err(|why| StoreError::Invalid(why.to_string()))?;
        let contact = contact.trim();
        if contact.is_empty() {
            return Err(StoreError::Invalid(
                "give the phone number or email of your membership (or the one to join with)"
                    .into(),
            ));
        }
        let (column, value) = if contact.contains('@') {
            ("email", normalize_email(contact)?)
        } else {
            (
                "phone",
                normalize_phone(contact, self.rules.country_code.as_deref())?,
            )
        };
        let found: Option<i64> = self.optional(
            &format!("SELECT id FROM customers WHERE {column} = ?1 AND erased_at IS NULL"),
            [&value],
        )?;
        let (id, enrolled) = match found {
            Some(id) => (id, false),
            None => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(StoreError::Invalid(
                        "no member has that phone or email yet: add your first name to join".into(),
                    ));
                }
                let new = super::NewCustomer {
                    name: name.to_string(),
                    phone: (column == "phone").then(|| contact.to_string()),
                    email: (column == "email").then(|| contact.to_string()),
                    referred_by: None,
                    language: None,
                };
                (self.enroll(&new, now, random)?.id, true)
            }
        };
        let customer = self.customer_by_id(id)?;
        let (_, program) = self.program_at(v.at);
        let qualifying = program.qualifies(v.amount - v.refunded);
        let stamped = qualifying && program.stamps.is_some();
        let changed = self.tx.execute(
            "UPDATE visits SET customer_id = ?2, points_earned = ?3, stamped = ?4, claimed_at = ?5
             WHERE id = ?1 AND customer_id IS NULL AND claimed_at IS NULL",
            (visit_id, id, points, stamped, now),
        )?;
        if changed != 1 {
            return Err(StoreError::AlreadyClaimed);
        }
        // The visit moves from the anonymous figures to the member's.
        self.agg_visit(None, v.at, v.amount, v.refunded, -1)?;
        self.agg_visit(Some(id), v.at, v.amount, v.refunded, 1)?;
        self.reward_visit(&customer, visit_id, now, points, stamped, qualifying)?;
        // Tickets opened from the page before the claim now belong to the member too.
        self.tx.execute(
            "UPDATE tickets SET customer_id = ?2 WHERE visit_id = ?1 AND customer_id IS NULL",
            (visit_id, id),
        )?;
        Ok(Claimed {
            visit_id,
            code: customer.display_code(),
            first_name: first_name(customer.name.as_deref().unwrap_or("")).to_string(),
            enrolled,
            points_earned: points,
            balance: self.balance_of(id)?,
        })
    }

    /// Opens a support ticket. With a key, opening again returns the first ticket unchanged.
    pub fn open_ticket(&self, new: &NewTicket) -> Result<TicketView> {
        if let Some(key) = &new.key
            && let Some(id) =
                self.optional::<i64>("SELECT id FROM tickets WHERE idempotency_key = ?1", [key])?
        {
            return self.ticket(id);
        }
        let summary = clean_text(&new.summary, "the description")?;
        if summary.is_empty() {
            return Err(StoreError::Invalid(
                "say in a few words what went wrong".into(),
            ));
        }
        let contact = match new.contact.as_deref().map(str::trim) {
            Some("") | None => None,
            Some(c) => Some(clean_text(c, "the contact")?),
        };
        if contact.as_ref().is_some_and(|c| c.chars().count() > 200) {
            return Err(StoreError::Invalid("the contact is too long".into()));
        }
        let severity = new
            .severity
            .or(new.problem.map(Problem::severity))
            .unwrap_or(2);
        if !(1..=3).contains(&severity) {
            return Err(StoreError::Invalid(
                "severity is 1 (minor), 2 (normal) or 3 (urgent)".into(),
            ));
        }
        let visit_customer = match new.visit_id {
            Some(id) => {
                let v = self.visit(id)?.ok_or(StoreError::NoSuchVisit(id))?;
                v.customer
            }
            None => None,
        };
        let customer_id = match new.customer.as_deref().or(visit_customer.as_deref()) {
            Some(code) => {
                let c = self.customer(code)?.0;
                if let (Some(vc), Some(_)) = (&visit_customer, &new.customer)
                    && CustomerCode::parse(vc)?.as_str() != c.code
                {
                    return Err(StoreError::Invalid(format!(
                        "visit V{} belongs to customer {vc}, not {}",
                        new.visit_id.unwrap_or_default(),
                        c.display_code()
                    )));
                }
                Some(c.id)
            }
            None => None,
        };
        if customer_id.is_none() && new.visit_id.is_none() {
            return Err(StoreError::Invalid(
                "a ticket needs a customer or a receipt to belong to".into(),
            ));
        }
        self.tx.execute(
            "INSERT INTO tickets (customer_id, visit_id, opened_at, channel, problem, summary,
                 contact_via, contact, severity, status, status_at, idempotency_key, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?3, ?10, ?11)",
            rusqlite::params![
                customer_id,
                new.visit_id,
                new.at,
                new.channel.as_str(),
                new.problem.map(Problem::as_str),
                summary,
                new.contact_via.map(ContactVia::as_str),
                contact,
                severity,
                new.key,
                new.actor,
            ],
        )?;
        let id = self.tx.last_insert_rowid();
        self.ticket_event(id, new.at, "opened", None, new.actor.as_deref())?;
        self.ticket(id)
    }

    fn ticket_event(
        &self,
        ticket_id: i64,
        at: i64,
        kind: &str,
        body: Option<&str>,
        actor: Option<&str>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO ticket_events (ticket_id, at, kind, body, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((ticket_id, at, kind, body, actor))?;
        Ok(())
    }

    /// The tickets about one visit, oldest first.
    pub fn tickets_of_visit(&self, visit_id: i64) -> Result<Vec<TicketView>> {
        self.tickets_where("t.visit_id = ?1", visit_id, 50)
    }

    /// One ticket with its history.
    pub fn ticket(&self, id: i64) -> Result<TicketView> {
        self.tickets_where("t.id = ?1", id, 1)?
            .pop()
            .ok_or(StoreError::NoSuchTicket(id))
    }

    fn tickets_where(
        &self,
        condition: &str,
        value: impl rusqlite::ToSql,
        limit: usize,
    ) -> Result<Vec<TicketView>> {
        let minor = self.currency().minor_per_major().max(1);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT t.id, c.code, c.name, t.visit_id, t.opened_at, t.channel, t.problem, t.summary,
                    t.contact_via, t.contact, t.severity, t.status, t.status_at, t.resolved_at,
                    (SELECT COUNT(*) FROM visits v WHERE v.customer_id = t.customer_id),
                    (SELECT COALESCE(SUM(v.amount - v.refunded), 0) FROM visits v
                      WHERE v.customer_id = t.customer_id)
             FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
             WHERE {condition} ORDER BY t.opened_at, t.id LIMIT {limit}"
        ))?;
        let mut out = Vec::new();
        let rows = stmt.query_map([value], |r| {
            let word = |i: usize| r.get::<_, Option<String>>(i);
            let severity: i64 = r.get(10)?;
            let visits: i64 = r.get(14)?;
            let spend: i64 = r.get(15)?;
            Ok(TicketView {
                id: r.get(0)?,
                customer: word(1)?.map(|c| CustomerCode::from_stored(c).to_string()),
                customer_name: word(2)?,
                visit_id: r.get(3)?,
                opened_at: r.get(4)?,
                channel: word(5)?
                    .and_then(|w| Channel::parse(&w))
                    .unwrap_or(Channel::Counter),
                problem: word(6)?.and_then(|w| Problem::parse(&w)),
                summary: r.get(7)?,
                contact_via: word(8)?.and_then(|w| ContactVia::parse(&w)),
                contact: word(9)?,
                severity,
                priority: priority(severity, visits, spend / minor),
                status: word(11)?
                    .and_then(|w| Status::parse(&w))
                    .unwrap_or(Status::Open),
                status_at: r.get(12)?,
                resolved_at: r.get(13)?,
                events: Vec::new(),
            })
        })?;
        for t in rows {
            out.push(t?);
        }
        drop(stmt);
        let mut events = self.tx.prepare_cached(
            "SELECT at, kind, body, actor FROM ticket_events WHERE ticket_id = ?1 ORDER BY at, id",
        )?;
        for t in &mut out {
            t.events = events
                .query_map([t.id], |r| {
                    Ok(TicketEvent {
                        at: r.get(0)?,
                        kind: r.get(1)?,
                        body: r.get(2)?,
                        actor: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    fn move_ticket(
        &self,
        t: &TicketView,
        to: Status,
        note: Option<&str>,
        actor: Option<&str>,
        now: i64,
    ) -> Result<()> {
        if !t.status.can_become(to) {
            return Err(StoreError::Invalid(format!(
                "ticket {} is {}; it cannot become {}",
                t.id,
                t.status.label(),
                to.label()
            )));
        }
        let kind = match (t.status, to) {
            (Status::Resolved | Status::Confirmed, Status::Open) => "reopened",
            (_, s) => s.as_str(),
        };
        self.tx.execute(
            "UPDATE tickets SET status = ?2, status_at = ?3,
                 resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3
                                    WHEN ?2 = 'open' THEN NULL ELSE resolved_at END
             WHERE id = ?1",
            (t.id, to.as_str(), now),
        )?;
        self.ticket_event(t.id, now, kind, note, actor)
    }

    /// Moves a ticket to `to` with an optional note, checking the transition. With `visit`,
    /// the ticket must be about that visit (the receipt page can only touch its own tickets).
    pub fn set_ticket_status(
        &self,
        id: i64,
        to: Status,
        note: Option<&str>,
        actor: Option<&str>,
        visit: Option<i64>,
        now: i64,
    ) -> Result<TicketView> {
        let t = self.ticket(id)?;
        if visit.is_some() && t.visit_id != visit {
            return Err(StoreError::NoSuchTicket(id));
        }
        let note = match note.map(|n| clean_text(n, "the note")).transpose()? {
            Some(n) if !n.is_empty() => Some(n),
            _ => None,
        };
        self.move_ticket(&t, to, note.as_deref(), actor, now)?;
        self.ticket(id)
    }

    /// Adds a note to a ticket's history.
    pub fn note_ticket(&self, id: i64, body: &str, actor: Option<&str>, now: i64) -> Result<()> {
        self.ticket(id)?;
        let body = clean_text(body, "the note")?;
        if body.is_empty() {
            return Err(StoreError::Invalid("the note is empty".into()));
        }
        self.ticket_event(id, now, "note", Some(&body), actor)
    }

    /// Tickets to work on, highest priority first (then oldest first).
    pub fn tickets(&self, filter: &TicketFilter, now: i64) -> Result<Vec<TicketView>> {
        let limit = if filter.limit == 0 { 100 } else { filter.limit };
        let wanted: Vec<Status> = if !filter.statuses.is_empty() {
            filter.statuses.clone()
        } else if filter.follow_up_after_days.is_some() {
            vec![Status::Resolved]
        } else if filter.customer.is_some() {
            Status::ALL.to_vec()
        } else {
            vec![Status::Open, Status::Waiting]
        };
        let statuses = wanted
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut condition = format!("t.status IN ({statuses})");
        let value = match (&filter.customer, filter.follow_up_after_days) {
            (Some(code), _) => {
                condition.push_str(" AND t.customer_id = ?1");
                self.customer(code)?.0.id
            }
            (None, Some(days)) => {
                condition.push_str(" AND t.status_at <= ?1");
                now - days * DAY
            }
            (None, None) => {
                condition.push_str(" AND ?1 = 1");
                1
            }
        };
        if let (Some(_), Some(days)) = (&filter.customer, filter.follow_up_after_days) {
            condition.push_str(&format!(" AND t.status_at <= {}", now - days * DAY));
        }
        let mut all = self.tickets_where(&condition, value, 100_000)?;
        all.sort_by(|a, b| {
            b.priority
                .cmp(&a.priority)
                .then(a.opened_at.cmp(&b.opened_at))
        });
        all.truncate(limit);
        Ok(all)
    }

    /// Adds a staff note to a customer's timeline.
    pub fn add_customer_note(
        &self,
        code: &str,
        body: &str,
        actor: Option<&str>,
        now: i64,
    ) -> Result<i64> {
        let c = self.customer(code)?.0;
        let body = clean_text(body, "the note")?;
        if body.is_empty() {
            return Err(StoreError::Invalid("the note is empty".into()));
        }
        self.tx.execute(
            "INSERT INTO customer_notes (customer_id, at, body, actor) VALUES (?1, ?2, ?3, ?4)",
            (c.id, now, body, actor),
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// A customer's visits, points events, ratings, tickets (with their updates) and staff
    /// notes in one list, newest first.
    pub fn timeline(&self, code: &str, limit: usize) -> Result<Vec<TimelineEntry>> {
        let c = self.customer(code)?.0;
        let mut out = vec![TimelineEntry {
            at: self.customer_by_id(c.id)?.enrolled_at,
            what: Happened::Enrolled,
            visit_id: None,
            ticket_id: None,
        }];
        let mut q = |sql: &str,
                     f: &dyn Fn(&rusqlite::Row<'_>) -> rusqlite::Result<TimelineEntry>|
         -> Result<()> {
            let mut stmt = self.tx.prepare_cached(sql)?;
            for e in stmt.query_map((c.id, limit as i64), |r| f(r))? {
                out.push(e?);
            }
            Ok(())
        };
        q(
            "SELECT id, at, amount, refunded, receipt_no, points_earned FROM visits
             WHERE customer_id = ?1 ORDER BY at DESC LIMIT ?2",
            &|r| {
                let id: i64 = r.get(0)?;
                let receipt: Option<String> = r.get(4)?;
                Ok(TimelineEntry {
                    at: r.get(1)?,
                    what: Happened::Visit {
                        amount: r.get(2)?,
                        refunded: r.get(3)?,
                        receipt: receipt.unwrap_or_else(|| format!("V{id}")),
                        points: r.get(5)?,
                    },
                    visit_id: Some(id),
                    ticket_id: None,
                })
            },
        )?;
        q(
            "SELECT at, kind, points, reason, actor, visit_id FROM points_events
             WHERE customer_id = ?1 AND kind <> 'earn' ORDER BY at DESC LIMIT ?2",
            &|r| {
                Ok(TimelineEntry {
                    at: r.get(0)?,
                    what: Happened::Points {
                        event: r.get(1)?,
                        points: r.get(2)?,
                        reason: r.get(3)?,
                        actor: r.get(4)?,
                    },
                    visit_id: r.get(5)?,
                    ticket_id: None,
                })
            },
        )?;
        q(
            "SELECT r.updated_at, r.visit_id, r.stars, r.comment FROM ratings r
             JOIN visits v ON v.id = r.visit_id WHERE v.customer_id = ?1
             ORDER BY r.updated_at DESC LIMIT ?2",
            &|r| {
                Ok(TimelineEntry {
                    at: r.get(0)?,
                    what: Happened::Rating {
                        stars: r.get(2)?,
                        comment: r.get(3)?,
                    },
                    visit_id: Some(r.get(1)?),
                    ticket_id: None,
                })
            },
        )?;
        q(
            "SELECT e.at, e.kind, e.body, e.actor, t.id, t.visit_id, t.summary, t.channel
             FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE t.customer_id = ?1 ORDER BY e.at DESC LIMIT ?2",
            &|r| {
                let kind: String = r.get(1)?;
                let body: Option<String> = r.get(2)?;
                let actor: Option<String> = r.get(3)?;
                let channel: String = r.get(7)?;
                let what = if kind == "opened" {
                    Happened::Ticket {
                        channel: Channel::parse(&channel).unwrap_or(Channel::Counter),
                        summary: r.get(6)?,
                        body,
                        actor,
                    }
                } else {
                    Happened::TicketUpdate {
                        event: kind,
                        body,
                        actor,
                    }
                };
                Ok(TimelineEntry {
                    at: r.get(0)?,
                    what,
                    visit_id: r.get(5)?,
                    ticket_id: Some(r.get(4)?),
                })
            },
        )?;
        q(
            "SELECT at, body, actor FROM customer_notes WHERE customer_id = ?1
             ORDER BY at DESC LIMIT ?2",
            &|r| {
                Ok(TimelineEntry {
                    at: r.get(0)?,
                    what: Happened::Note {
                        body: r.get(1)?,
                        actor: r.get(2)?,
                    },
                    visit_id: None,
                    ticket_id: None,
                })
            },
        )?;
        out.sort_by_key(|e| std::cmp::Reverse(e.at));
        out.truncate(limit);
        Ok(out)
    }
}

fn member_of(view: &CustomerView, language: Option<String>) -> Member {
    Member {
        language,
        first_name: first_name(view.name.as_deref().unwrap_or("")).to_string(),
        code: view.code.clone(),
        referral_code: view.referral_code.clone(),
        balance: view.balance,
        progress: view.progress.clone(),
        rewards_available: view
            .rewards_available
            .iter()
            .map(|r| r.reward_name.clone())
            .collect(),
    }
}

impl Tx<'_> {
    /// The first name of the member whose referral code this is (for the join page).
    pub fn referrer_first_name(&self, referral_code: &str) -> Result<String> {
        let row = self.referrer_by_code(referral_code)?;
        if row.erased_at.is_some() {
            return Err(StoreError::NoSuchReferralCode(referral_code.to_string()));
        }
        Ok(first_name(row.name.as_deref().unwrap_or("")).to_string())
    }
}
