//! Support: ratings, tickets and how they are ranked. Pure rules; the store keeps the rows.
//!
//! A ticket goes open → waiting (on the customer) → resolved → confirmed by the customer, or is
//! reopened from resolved. Tickets are worked in order of priority: severity first, then the
//! customer's value to the shop (lifetime visits and spend), and only then arrival order.

use serde::{Deserialize, Serialize};

/// Stars a visit can get.
pub const STARS: std::ops::RangeInclusive<i64> = 1..=5;
/// A rating of this or less opens a follow-up ticket by itself.
pub const FOLLOW_UP_AT_OR_BELOW: i64 = 3;
/// Days after the first rating during which the customer may change it.
pub const RATING_EDIT_DAYS: i64 = 7;
/// Days after a visit during which an anonymous receipt can be claimed.
pub const CLAIM_DAYS: i64 = 30;
/// Longest comment or ticket text kept, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// What a customer or a member of staff typed, named in a refusal of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// A ticket's description of what went wrong.
    Description,
    /// The contact a ticket's answer goes to.
    Contact,
    /// A note on a ticket or on a customer.
    Note,
    /// A kept answer to a common problem.
    Answer,
    /// A rating's comment.
    Comment,
}

/// Why typed text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("{field:?} is too long: keep it under {max} characters")]
    TooLong { field: TextField, max: usize },
    #[error("{field:?} contains control characters: type it again as plain text")]
    ControlCharacters { field: TextField },
}

/// Typed text as kept: trimmed, at most [`MAX_TEXT_CHARS`] characters, and no control
/// characters but line breaks and tabs (a pasted terminal escape would reach staff screens).
pub fn clean_text(text: &str, field: TextField) -> Result<String, TextError> {
    let t = text.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return Err(TextError::TooLong {
            field,
            max: MAX_TEXT_CHARS,
        });
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(TextError::ControlCharacters { field });
    }
    Ok(t.to_string())
}

/// Where a ticket came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The customer's "Help with this purchase" on the receipt page.
    Portal,
    /// Opened by a low rating on the receipt page.
    Rating,
    /// At the counter, in person.
    Counter,
    /// Staff after a phone call.
    Phone,
    /// Staff after an email.
    Email,
    /// The customer wrote in a linked chat (WhatsApp, Viber, Telegram, Messenger).
    Chat,
}

/// How the customer wants to hear back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactVia {
    Phone,
    Email,
    Sms,
    InStore,
    /// In the member's linked chat on a messaging app.
    #[serde(rename = "whatsapp")]
    WhatsApp,
    Viber,
    Telegram,
    Messenger,
}

/// A ticket's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    /// Waiting on the customer.
    Waiting,
    Resolved,
    /// The customer said it is sorted.
    Confirmed,
}

/// What the customer says went wrong with a purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Missing,
    WrongItem,
    Quality,
    Charged,
    Service,
    Other,
}

macro_rules! words {
    ($t:ty { $($v:ident => $s:literal / $label:literal),* $(,)? }) => {
        impl $t {
            /// Every value, in the order forms list them.
            pub const ALL: &'static [$t] = &[$(<$t>::$v),*];
            /// The stored word.
            pub fn as_str(self) -> &'static str {
                match self { $(<$t>::$v => $s),* }
            }
            /// What a person reads.
            pub fn label(self) -> &'static str {
                match self { $(<$t>::$v => $label),* }
            }
            /// The value for a stored word (also accepts `-` for `_`).
            pub fn parse(text: &str) -> Option<$t> {
                let t = text.trim().to_ascii_lowercase().replace('-', "_");
                Self::ALL.iter().copied().find(|v| v.as_str() == t)
            }
        }
    };
}

words!(Channel {
    Portal => "portal" / "receipt page",
    Rating => "rating" / "low rating",
    Counter => "counter" / "at the counter",
    Phone => "phone" / "phone call",
    Email => "email" / "email",
    Chat => "chat" / "a message on a messaging app",
});
words!(ContactVia {
    Phone => "phone" / "Phone call",
    Email => "email" / "Email",
    Sms => "sms" / "Text message (SMS)",
    InStore => "in_store" / "Next time I'm in the shop",
    WhatsApp => "whatsapp" / "WhatsApp",
    Viber => "viber" / "Viber",
    Telegram => "telegram" / "Telegram",
    Messenger => "messenger" / "Messenger",
});

impl ContactVia {
    /// The ways to answer that need no linked chat (the receipt page's help form offers these).
    pub const WITHOUT_CHAT: [ContactVia; 4] = [
        ContactVia::Phone,
        ContactVia::Email,
        ContactVia::Sms,
        ContactVia::InStore,
    ];

    /// The messaging app this way is, if it is one.
    pub fn chat(self) -> Option<crate::domain::messages::Channel> {
        use crate::domain::messages::Channel;
        match self {
            ContactVia::WhatsApp => Some(Channel::WhatsApp),
            ContactVia::Viber => Some(Channel::Viber),
            ContactVia::Telegram => Some(Channel::Telegram),
            ContactVia::Messenger => Some(Channel::Messenger),
            _ => None,
        }
    }

    /// The way to answer in a messaging app's chat.
    pub fn of_chat(channel: crate::domain::messages::Channel) -> Option<ContactVia> {
        ContactVia::ALL
            .iter()
            .copied()
            .find(|v| v.chat() == Some(channel))
    }
}
words!(Status {
    Open => "open" / "open",
    Waiting => "waiting" / "waiting on the customer",
    Resolved => "resolved" / "resolved",
    Confirmed => "confirmed" / "confirmed by the customer",
});
words!(Problem {
    Missing => "missing" / "Something was missing",
    WrongItem => "wrong_item" / "Wrong item",
    Quality => "quality" / "Quality was not right",
    Charged => "charged" / "I was charged the wrong amount",
    Service => "service" / "Service",
    Other => "other" / "Something else",
});

impl Problem {
    /// How serious a problem of this kind is, 1 (minor) to 3 (urgent).
    pub fn severity(self) -> i64 {
        match self {
            Problem::Charged | Problem::Missing => 3,
            Problem::WrongItem | Problem::Quality => 2,
            Problem::Service | Problem::Other => 1,
        }
    }
}

impl Status {
    /// Whether staff still have something to do.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Open | Status::Waiting)
    }

    /// Whether a ticket may move from `self` to `to`. Reopening is `Resolved → Open`.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Open, Waiting)
                | (Waiting, Open)
                | (Open | Waiting, Resolved)
                | (Resolved, Confirmed)
                | (Resolved | Confirmed, Open)
        )
    }
}

/// Severity of the follow-up a rating opens: 1 star is urgent, 3 stars minor.
pub fn rating_severity(stars: i64) -> i64 {
    (FOLLOW_UP_AT_OR_BELOW + 1 - stars).clamp(1, 3)
}

/// A ticket's rank: higher first. Severity dominates; among equal severity the customer's
/// value (visits and spend, each capped so one whale cannot bury everyone else) decides.
/// `spend_major` is lifetime spend in whole currency units. Anonymous customers have zero value.
pub fn priority(severity: i64, lifetime_visits: i64, spend_major: i64) -> i64 {
    let value = lifetime_visits.clamp(0, 200) * 2 + spend_major.clamp(0, 2000) / 10;
    severity.clamp(1, 3) * 1000 + value.min(999)
}

/// The first word of a name: all a receipt page may show of who the customer is.
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_beats_value_and_value_beats_arrival() {
        let regular = priority(2, 80, 900);
        let stranger = priority(2, 0, 0);
        let urgent_stranger = priority(3, 0, 0);
        assert!(regular > stranger);
        assert!(urgent_stranger > priority(2, 10_000, 10_000_000));
        assert_eq!(priority(2, 1_000_000, 1_000_000), priority(2, 200, 2000));
    }

    #[test]
    fn words_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
        assert_eq!(ContactVia::parse("in-store"), Some(ContactVia::InStore));
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn transitions() {
        assert!(Status::Resolved.can_become(Status::Confirmed));
        assert!(Status::Resolved.can_become(Status::Open));
        assert!(!Status::Open.can_become(Status::Confirmed));
        assert!(!Status::Confirmed.can_become(Status::Resolved));
    }

    #[test]
    fn ratings_map_to_severity() {
        assert_eq!(rating_severity(1), 3);
        assert_eq!(rating_severity(3), 1);
        assert_eq!(first_name("  Ann  Marie Byrne"), "Ann");
    }
}

/// How soon staff should give a ticket its first reply and resolve it, per severity (1 minor,
/// 2 normal, 3 urgent), in seconds from its opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub reply: [i64; 3],
    pub resolve: [i64; 3],
}

impl Default for Targets {
    /// Reply within the day, resolve within three, whatever the severity.
    fn default() -> Targets {
        Targets {
            reply: [86_400; 3],
            resolve: [3 * 86_400; 3],
        }
    }
}

/// Which target a ticket has missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Overdue {
    /// No reply yet, past the reply target.
    Reply,
    /// Replied to but not resolved, past the resolve target.
    Resolve,
}

impl Targets {
    fn index(severity: i64) -> usize {
        (severity.clamp(1, 3) - 1) as usize
    }

    /// When the first reply is due.
    pub fn reply_by(&self, severity: i64, opened_at: i64) -> i64 {
        opened_at + self.reply[Targets::index(severity)]
    }

    /// When the resolution is due.
    pub fn resolve_by(&self, severity: i64, opened_at: i64) -> i64 {
        opened_at + self.resolve[Targets::index(severity)]
    }

    /// Whether a ticket still open or waiting is overdue at `now`: first for its reply (a
    /// resolution counts as the reply), then for its resolution. Resolved and confirmed
    /// tickets are never overdue.
    pub fn overdue(
        &self,
        status: Status,
        severity: i64,
        opened_at: i64,
        first_reply_at: Option<i64>,
        now: i64,
    ) -> Option<Overdue> {
        let open = matches!(status, Status::Open | Status::Waiting);
        let i = Targets::index(severity);
        overdue_spans(
            self.reply[i],
            self.resolve[i],
            opened_at,
            first_reply_at,
            (!open).then_some(now),
        )
        .into_iter()
        .find(|span| span.contains(now))
        .map(|span| span.which)
    }
}

/// A stretch of time a ticket is overdue: from the first second past its target until (not
/// counting) the second it was answered (`None`: it still is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueSpan {
    pub which: Overdue,
    pub from: i64,
    pub until: Option<i64>,
}

impl OverdueSpan {
    pub fn contains(&self, t: i64) -> bool {
        self.from <= t && self.until.is_none_or(|u| t < u)
    }
}

/// The overdue rule, in one place: a ticket is overdue for its reply from the first second
/// past `reply` seconds after it was opened until its first reply or its resolution, and for
/// its resolution from the first second past `resolve` seconds until it is resolved. The
/// counter's list, the overdue counts by day (through the schema's `overdue_span` function)
/// and the tests' oracle all read it from here.
pub fn overdue_spans(
    reply: i64,
    resolve: i64,
    opened_at: i64,
    first_reply_at: Option<i64>,
    resolved_at: Option<i64>,
) -> [OverdueSpan; 2] {
    let answered = match (first_reply_at, resolved_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    [
        OverdueSpan {
            which: Overdue::Reply,
            from: opened_at + reply + 1,
            until: answered,
        },
        OverdueSpan {
            which: Overdue::Resolve,
            from: opened_at + resolve + 1,
            until: resolved_at,
        },
    ]
}

#[cfg(test)]
mod target_tests {
    use super::*;

    #[test]
    fn a_ticket_is_overdue_from_past_its_target_until_answered() {
        let [reply, resolve] = overdue_spans(3600, 86_400, 1000, Some(9000), Some(90_000));
        assert_eq!((reply.from, reply.until), (4601, Some(9000)));
        assert_eq!((resolve.from, resolve.until), (87_401, Some(90_000)));
        assert!(!reply.contains(4600) && reply.contains(4601) && !reply.contains(9000));
        // A resolution before any reply ends both; never answered, both stay open.
        let [reply, _] = overdue_spans(3600, 86_400, 1000, None, Some(2000));
        assert_eq!(reply.until, Some(2000));
        let [reply, resolve] = overdue_spans(3600, 86_400, 1000, None, None);
        assert!(reply.contains(i64::MAX) && resolve.contains(i64::MAX));
    }

    #[test]
    fn overdue_for_the_reply_then_for_the_resolution() {
        let t = Targets {
            reply: [2 * 86_400, 86_400, 4 * 3600],
            resolve: [5 * 86_400, 3 * 86_400, 86_400],
        };
        let open = 1_000_000;
        assert_eq!(
            t.overdue(Status::Open, 3, open, None, open + 4 * 3600),
            None
        );
        assert_eq!(
            t.overdue(Status::Open, 3, open, None, open + 4 * 3600 + 1),
            Some(Overdue::Reply)
        );
        assert_eq!(
            t.overdue(Status::Open, 1, open, None, open + 86_400 + 1),
            None
        );
        let replied = Some(open + 3600);
        assert_eq!(
            t.overdue(Status::Waiting, 3, open, replied, open + 5 * 3600),
            None
        );
        assert_eq!(
            t.overdue(Status::Waiting, 3, open, replied, open + 86_400 + 1),
            Some(Overdue::Resolve)
        );
        assert_eq!(
            t.overdue(Status::Resolved, 3, open, None, open + 99 * 86_400),
            None
        );
        // Severity outside 1..3 takes the nearest.
        assert_eq!(t.reply_by(9, open), open + 4 * 3600);
    }
}
