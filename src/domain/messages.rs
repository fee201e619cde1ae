//! Messages to customers: their kinds, which need marketing consent, the channels, and how a
//! message that could not be sent is tried again. Pure rules; the store keeps the outbox, the
//! messages layer talks to mail servers and SMS gateways.

use serde::{Deserialize, Serialize};

/// How a message reaches the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
    /// WhatsApp Business Platform (Cloud API): the customer's phone is their WhatsApp id.
    #[serde(rename = "whatsapp")]
    WhatsApp,
    /// A Viber bot: only to members who opened a chat with it.
    Viber,
    /// A Telegram bot: only to members who pressed Start.
    Telegram,
    /// A Facebook Page's Messenger: only to members who wrote to the Page.
    Messenger,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Email,
        Channel::Sms,
        Channel::WhatsApp,
        Channel::Viber,
        Channel::Telegram,
        Channel::Messenger,
    ];

    /// The messaging apps: a member links a chat with the shop from their visit page, and the
    /// chat's id is the address.
    pub const CHATS: [Channel; 4] = [
        Channel::WhatsApp,
        Channel::Viber,
        Channel::Telegram,
        Channel::Messenger,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::WhatsApp => "whatsapp",
            Channel::Viber => "viber",
            Channel::Telegram => "telegram",
            Channel::Messenger => "messenger",
        }
    }

    /// Reads a stored or typed word (`email`, `sms`, `whatsapp`, `viber`, `telegram`,
    /// `messenger`).
    pub fn parse(s: &str) -> Option<Channel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "email" | "e-mail" | "mail" => Some(Channel::Email),
            "sms" | "text" => Some(Channel::Sms),
            "whatsapp" => Some(Channel::WhatsApp),
            "viber" => Some(Channel::Viber),
            "telegram" => Some(Channel::Telegram),
            "messenger" | "facebook" => Some(Channel::Messenger),
            _ => None,
        }
    }

    /// A messaging app, reached through a linked chat rather than an address on the card.
    pub fn is_chat(self) -> bool {
        Channel::CHATS.contains(&self)
    }

    /// The app's own name (not translated).
    pub fn app_name(self) -> &'static str {
        match self {
            Channel::Email => "Email",
            Channel::Sms => "SMS",
            Channel::WhatsApp => "WhatsApp",
            Channel::Viber => "Viber",
            Channel::Telegram => "Telegram",
            Channel::Messenger => "Messenger",
        }
    }

    /// The messaging apps in the order a member in the shop's country looks for them, by
    /// the country's calling code (`[shop] country_code`): Viber first in Serbia and its
    /// neighbours, WhatsApp in India, Messenger in the Philippines.
    pub fn chats_for_country(calling_code: Option<&str>) -> [Channel; 4] {
        use Channel::*;
        let digits: String = calling_code
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        match digits.as_str() {
            "381" | "387" | "382" | "389" | "359" | "380" | "375" | "30" => {
                [Viber, WhatsApp, Messenger, Telegram]
            }
            "63" => [Messenger, Viber, WhatsApp, Telegram],
            "7" | "998" | "992" => [Telegram, WhatsApp, Viber, Messenger],
            _ => [WhatsApp, Messenger, Viber, Telegram],
        }
    }
}

/// How long after a customer's last message a platform lets the business write freely
/// (WhatsApp and Messenger), in seconds.
pub const CHAT_WINDOW_SECONDS: i64 = 24 * 3600;

/// How long after the customer's last message Messenger takes a support answer tagged
/// HUMAN_AGENT, in seconds.
pub const HUMAN_AGENT_SECONDS: i64 = 7 * 24 * 3600;

/// Whether a link code (a Telegram start payload's limits: at most 64 of `A-Za-z0-9_-`) is
/// well formed; whether it is genuine is the shop secret's to say.
pub fn is_link_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The balance now pays for a reward.
    RewardReady,
    /// The balance is close to a reward.
    NearingReward,
    /// A regular who is slipping away has a welcome-back voucher.
    WelcomeBack,
    /// A birthday voucher.
    Birthday,
    /// An enrolment-anniversary voucher.
    Anniversary,
    /// Staff resolved a ticket: "is it sorted?".
    TicketResolved,
    /// The customer has not yet said whether a resolved ticket is sorted.
    TicketFollowUp,
    /// Staff's answer on a ticket, in their own words.
    TicketReply,
    /// The owner's daily summary of new alerts from the checks (its words are composed when
    /// it is queued, in the shop's language).
    AlertsSummary,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::RewardReady,
        Kind::NearingReward,
        Kind::WelcomeBack,
        Kind::Birthday,
        Kind::Anniversary,
        Kind::TicketResolved,
        Kind::TicketFollowUp,
        Kind::TicketReply,
        Kind::AlertsSummary,
    ];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::RewardReady => "reward_ready",
            Kind::NearingReward => "nearing_reward",
            Kind::WelcomeBack => "welcome_back",
            Kind::Birthday => "birthday",
            Kind::Anniversary => "anniversary",
            Kind::TicketResolved => "ticket_resolved",
            Kind::TicketFollowUp => "ticket_follow_up",
            Kind::TicketReply => "ticket_reply",
            Kind::AlertsSummary => "alerts_summary",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Marketing needs the customer's consent for the channel and carries an unsubscribe link;
    /// a service message answers a ticket, to the contact the customer gave for it.
    pub fn is_marketing(self) -> bool {
        !matches!(
            self,
            Kind::TicketResolved | Kind::TicketFollowUp | Kind::TicketReply | Kind::AlertsSummary
        )
    }
}

/// Where a message stands in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Waiting to be sent (again, after `next_at`).
    Queued,
    /// Handed to the mail server or gateway and not yet answered.
    Sending,
    Sent,
    /// Given up: refused for good (a bounced address, a gateway saying no) or too many tries.
    Failed,
    /// Not sent, on purpose: consent withdrawn, no address left, the customer erased.
    Cancelled,
    /// The till stopped while the server had the message and before it answered: it may
    /// have gone out. Never sent again by itself (that could send it twice); the owner
    /// decides (`regulars messages retry`).
    Unsure,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Queued,
        State::Sending,
        State::Sent,
        State::Failed,
        State::Cancelled,
        State::Unsure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Queued => "queued",
            State::Sending => "sending",
            State::Sent => "sent",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
            State::Unsure => "unsure",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        State::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Tries before a message that keeps failing for a passing reason is given up (about a day
/// and a half of backing off).
pub const MAX_ATTEMPTS: i64 = 14;

/// Seconds to wait after the `attempt`-th failed try (1-based): one minute, doubling, at
/// most six hours.
pub fn backoff(attempt: i64) -> i64 {
    let doublings = (attempt - 1).clamp(0, 20) as u32;
    (60i64 << doublings).min(6 * 3600)
}

/// Whether an incoming SMS asks to stop messages: STOP and its usual variants (as the text's
/// first word, any case), plus the extra words given (the shop language's own).
pub fn is_stop(text: &str, extra: &[&str]) -> bool {
    let first = text
        .trim()
        .split(|c: char| c.is_whitespace() || c == '.' || c == '!')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ["stop", "stopall", "unsubscribe", "cancel", "end", "quit"]
        .iter()
        .any(|w| *w == first)
        || extra
            .iter()
            .any(|w| !w.trim().is_empty() && w.trim().to_lowercase() == first)
}

/// Whether a sale moved the balance across `threshold` (from below to at least it).
pub fn crossed(before: i64, after: i64, threshold: i64) -> bool {
    threshold > 0 && before < threshold && after >= threshold
}

/// The balance from which a reward costing `cost` is "near": four fifths of the way.
pub fn nearing_threshold(cost: i64) -> i64 {
    (cost * 4 + 4) / 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_stays() {
        assert_eq!(backoff(1), 60);
        assert_eq!(backoff(2), 120);
        assert_eq!(backoff(5), 960);
        assert_eq!(backoff(10), 6 * 3600);
        assert_eq!(backoff(1000), 6 * 3600);
        let total: i64 = (1..MAX_ATTEMPTS).map(backoff).sum();
        assert!(total > 24 * 3600 && total < 48 * 3600, "{total}");
    }

    #[test]
    fn chats_are_offered_in_the_order_the_country_uses_them() {
        assert_eq!(Channel::chats_for_country(Some("+381"))[0], Channel::Viber);
        assert_eq!(
            Channel::chats_for_country(Some("+91"))[0],
            Channel::WhatsApp
        );
        assert_eq!(
            Channel::chats_for_country(Some("+63"))[0],
            Channel::Messenger
        );
        assert_eq!(Channel::chats_for_country(None)[0], Channel::WhatsApp);
    }

    #[test]
    fn stop_words() {
        assert!(is_stop("STOP", &[]));
        assert!(is_stop("  stop please", &[]));
        assert!(is_stop("Stop.", &[]));
        assert!(!is_stop("don't stop", &[]));
        assert!(!is_stop("", &[]));
        assert!(is_stop("СТОП", &["стоп"]));
        assert!(!is_stop("СТОП", &[]));
    }

    #[test]
    fn crossing_and_nearing() {
        assert!(crossed(90, 100, 100));
        assert!(!crossed(100, 110, 100));
        assert!(!crossed(50, 90, 100));
        assert!(!crossed(0, 5, 0));
        assert_eq!(nearing_threshold(100), 80);
        assert_eq!(nearing_threshold(7), 6);
    }

    #[test]
    fn words_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for s in State::ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
        }
        assert!(Kind::Birthday.is_marketing());
        assert!(!Kind::TicketFollowUp.is_marketing());
        assert_eq!(Channel::parse("E-mail"), Some(Channel::Email));
    }
}
