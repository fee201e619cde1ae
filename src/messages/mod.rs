//! The only place that talks to mail servers, SMS gateways and messaging apps. A [`Letter`] is
//! what to send, already in the customer's words; a [`Transport`] sends it (email over SMTP,
//! SMS through an HTTP gateway, a chat through the app's API), and says whether a failure may
//! pass (try again later) or is for good. What customers write in their chats comes back as
//! [`Incoming`].

pub mod chat;
pub mod email;
pub mod messenger;
pub mod sms;
pub mod telegram;
pub mod viber;
pub mod whatsapp;

pub use email::{EmailSettings, EmailTransport, TlsMode};
pub use messenger::{MessengerSettings, MessengerTransport};
pub use sms::{SmsSettings, SmsTransport};
pub use telegram::{TelegramSettings, TelegramTransport};
pub use viber::{ViberSettings, ViberTransport};
pub use whatsapp::{WhatsAppSettings, WhatsAppTransport};

/// One message, ready to go.
#[derive(Debug, Clone)]
pub struct Letter {
    pub to: String,
    /// Email only.
    pub subject: String,
    pub text: String,
    /// The outbox key: the email's Message-ID, so a copy is recognisable as one.
    pub key: String,
    /// A marketing message's one-click unsubscribe link.
    pub unsubscribe: Option<String>,
    /// BCP 47 tag of the words.
    pub language: String,
    /// How a messaging app takes it (plain words everywhere else).
    pub form: Form,
}

/// How a chat message goes, by the app's rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Form {
    /// Plain words (an email, an SMS, a chat inside its window).
    #[default]
    Text,
    /// A WhatsApp message template the shop had approved: its name, its language code and
    /// the values of its body's placeholders, in order.
    Template {
        name: String,
        language: String,
        params: Vec<String>,
    },
    /// A Messenger support answer after the 24-hour window (tagged HUMAN_AGENT: within 7 days).
    HumanAgent,
}

/// What a messaging app told the shop (by webhook or long polling), for one chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// The customer opened the chat with a link code from their visit page.
    Link { chat: String, code: String },
    /// The customer wrote (`id`: the app's id for the message, `at`: Unix seconds).
    Message {
        chat: String,
        id: String,
        text: String,
        at: i64,
    },
    /// The customer ended the chat or asked for no more marketing (`why`: blocked,
    /// unsubscribed, opted_out), in the app's own words.
    Ended {
        chat: String,
        why: &'static str,
        detail: String,
    },
}

/// What went wrong, for the owner: a stable `code` (the words are chosen where it is shown,
/// `message-problem-{code}`), what it is about (`subject`: a server, an address, a status),
/// and the technical detail in the server's or library's own words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub code: &'static str,
    pub subject: String,
    pub detail: String,
}

impl Problem {
    pub fn new(code: &'static str, subject: impl Into<String>, detail: impl ToString) -> Problem {
        Problem {
            code,
            subject: subject.into(),
            detail: detail.to_string(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.code, self.subject, self.detail)
    }
}

/// Why a message did not go.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again later: the server is down or busy, the network is out.
    #[error("{0}")]
    Passing(Problem),
    /// Trying again will not help: the address was refused, the settings are wrong.
    #[error("{0}")]
    ForGood(Problem),
    /// The connection broke after the server had the message and before it answered: it
    /// may have gone out, so it is not sent again by itself.
    #[error("{0}")]
    Unsure(Problem),
}

impl SendError {
    pub fn is_for_good(&self) -> bool {
        matches!(self, SendError::ForGood(_))
    }

    pub fn problem(&self) -> &Problem {
        match self {
            SendError::Passing(p) | SendError::ForGood(p) | SendError::Unsure(p) => p,
        }
    }
}

/// Sends letters on one channel. `handing_over` is called just before the message itself
/// goes to the server, once nothing before it can have delivered it; if it fails the
/// letter is not handed over.
pub trait Transport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError>;

    /// Ends any open connection politely.
    fn close(&mut self) {}
}
