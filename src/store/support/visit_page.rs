//! After the visit: the receipt page's view, ratings and claims of anonymous receipts (tickets
//! are in `tickets.rs`, the customer's timeline and staff notes in `timeline.rs`).
//!
//! Every row points at the visit where one is known, so a ticket opened from a receipt page,
//! at the counter or after a phone call joins back to the purchase it is about.

use crate::domain::{
    contact::{normalize_email, normalize_phone},
    support::{
        CLAIM_DAYS, Channel, FOLLOW_UP_AT_OR_BELOW, RATING_EDIT_DAYS, STARS, Status, TextField,
        clean_text, first_name, rating_severity,
    },
};
use crate::store::figures::folds::Visit;
use crate::store::support::tickets::{NewTicket, TicketView};
use crate::store::{Result, StoreError, people::customers::CustomerView};
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
    /// The shop that printed it, when another of the chain's (`None`: this shop).
    pub shop: Option<String>,
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
    /// The first moment the page shows something else with no row changing (a window
    /// closing, points expiring…); `i64::MAX` when nothing is due.
    pub fresh_until: i64,
}

/// The member a visit belongs to, as far as its receipt page may show.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub first_name: String,
    pub code: String,
    pub referral_code: String,
    pub balance: i64,
    pub progress: Vec<crate::store::Progress>,
    pub rewards_available: Vec<String>,
    /// The language the member chose for their pages, if any.
    pub language: Option<String>,
    /// Their tier, when the program has tiers.
    pub tier: Option<crate::store::TierView>,
    /// Whether reward news and offers may come by email, by SMS; `None` without an address
    /// or number on file for it.
    pub email_consent: Option<bool>,
    pub sms_consent: Option<bool>,
    /// Whether the shop has their birthday (the page never shows it).
    pub has_birthday: bool,
    /// The messaging apps they have a live chat with the shop on.
    pub chats: Vec<crate::domain::messages::Channel>,
    /// One-time codes to link a chat, one per app (`Channel::CHATS` order), when the page
    /// offers the apps (`tx.counter().chat_link_codes`).
    #[serde(skip)]
    pub chat_codes: Vec<String>,
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

impl super::Room<'_, '_> {
    /// The receipt page for a visit, or `None` if there is no such visit.
    pub fn visit_page(&self, visit_id: i64, now: i64) -> Result<Option<VisitPage>> {
        let Some(v) = self.counter().visit(visit_id)? else {
            return Ok(None);
        };
        let mut customer_id = None;
        let member = match &v.customer {
            Some(code) => {
                let row = self.people().customer(code)?.0;
                let id = row.id;
                customer_id = Some(id);
                let language = self.people().language_of(id)?;
                let choices = self.messages().message_choices(id)?;
                let mut m = member_of(&self.people().view_of(row, now)?, language);
                (m.email_consent, m.sms_consent, m.has_birthday) =
                    (choices.email, choices.sms, choices.has_birthday);
                m.chats = self
                    .messages()
                    .chat_links_of(id)?
                    .into_iter()
                    .filter(|l| l.unlinked_at.is_none())
                    .map(|l| l.channel)
                    .collect();
                Some(m)
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
            shop: self.chain().shop_of_visit(visit_id)?,
            at: v.at,
            amount: v.amount,
            refunded: v.refunded,
            points_earned: v.points_earned,
            member,
            claimable_points,
            claim_closed,
            rating_open,
            tickets: self.tickets_where("t.visit_id = ?1", visit_id, 50)?,
            fresh_until: self.page_fresh_until(
                v.at,
                customer_id,
                rating.as_ref().map(|r| r.first_at),
                now,
            )?,
            rating,
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
            return Err(StoreError::BadStars);
        }
        let comment = clean_text(comment, TextField::Comment)?;
        let comment = (!comment.is_empty()).then_some(comment);
        let visit = self
            .counter()
            .visit(visit_id)?
            .ok_or(StoreError::NoSuchVisit(visit_id))?;
        let previous = self.rating(visit_id)?;
        if let Some(p) = &previous
            && now >= p.first_at + RATING_EDIT_DAYS * DAY
        {
            return Err(StoreError::RatingLocked {
                days: RATING_EDIT_DAYS,
            });
        }
        self.tx.execute(
            "INSERT INTO ratings (visit_id, stars, comment, first_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (visit_id) DO UPDATE SET stars = ?2, comment = ?3,
               updated_at = MAX(?4, updated_at + 1)",
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
                    // The customer's own word again: a repeat contact, never the shop's reply.
                    let customer = Some("customer");
                    if !t.status.is_active() {
                        self.move_ticket(&t, Status::Open, Some(&summary), customer, now)?;
                    } else {
                        self.ticket_event(id, now, "note", Some(&summary), customer)?;
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
            .counter()
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
            .map_err(StoreError::ClaimClosed)?;
        let contact = contact.trim();
        if contact.is_empty() {
            return Err(StoreError::ContactNeeded);
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
                    return Err(StoreError::NameToJoin);
                }
                let new = crate::store::NewCustomer {
                    name: name.to_string(),
                    phone: (column == "phone").then(|| contact.to_string()),
                    email: (column == "email").then(|| contact.to_string()),
                    referred_by: None,
                    language: None,
                    birthday: None,
                    consents: vec![],
                    paper_stamps: 0,
                };
                (self.people().enroll(&new, now, random)?.id, true)
            }
        };
        let customer = self.people().customer_by_id(id)?;
        let (_, program) = self.program_at(v.at);
        let qualifying = program.qualifies(v.amount - v.refunded);
        let stamped = qualifying && program.stamps.is_some();
        // On a chain's till, what is queued says the visit was anonymous when it was made.
        self.chain().freeze_outbox()?;
        let changed = self.tx.execute(
            "UPDATE visits SET customer_id = ?2, points_earned = ?3, stamped = ?4, claimed_at = ?5
             WHERE id = ?1 AND customer_id IS NULL AND claimed_at IS NULL",
            (visit_id, id, points, stamped, now),
        )?;
        if changed != 1 {
            return Err(StoreError::AlreadyClaimed);
        }
        // The visit moves from the anonymous figures to the member's.
        let before = Visit {
            at: v.at,
            amount: v.amount,
            customer: None,
            refunded: v.refunded,
        };
        let after = Visit {
            customer: Some(id),
            ..before
        };
        self.figures().visit_changed(before, after)?;
        self.counter()
            .reward_visit(&customer, visit_id, now, points, stamped, qualifying)?;
        self.checks().claimed(visit_id, id, v.at, now)?;
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
            balance: self.loyalty().balance_of(id)?,
        })
    }
}

fn member_of(view: &CustomerView, language: Option<String>) -> Member {
    Member {
        language,
        tier: view.tier.clone(),
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
        email_consent: None,
        sms_consent: None,
        has_birthday: false,
        chats: Vec::new(),
        chat_codes: Vec::new(),
    }
}

impl super::Room<'_, '_> {
    /// The first name of the member whose referral code this is (for the join page).
    pub fn referrer_first_name(&self, referral_code: &str) -> Result<String> {
        let row = self.loyalty().referrer_by_code(referral_code)?;
        if row.erased_at.is_some() {
            return Err(StoreError::NoSuchReferralCode(referral_code.to_string()));
        }
        Ok(first_name(row.name.as_deref().unwrap_or("")).to_string())
    }
}
