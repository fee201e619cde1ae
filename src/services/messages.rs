//! Sending the outbox: each message due is claimed, put in the customer's words, handed to
//! the channel's transport and marked sent, to be tried again, failed, or unsure. Run by the
//! window's and `serve`'s sender thread and by `regulars messages send`.

use crate::config::{Config, ShopConfig};
use crate::domain::messages::{Channel, State};
use crate::domain::token::ShopSecret;
use crate::i18n::Language;
use crate::messages::{
    EmailTransport, MessengerTransport, SendError, SmsTransport, TelegramTransport, Transport,
    ViberTransport, WhatsAppSettings, WhatsAppTransport,
};
use crate::store::{Claim, Store, StoreError, Why, WhyOwned};
use serde::Serialize;

pub(super) use super::compose::words_for;
pub use super::compose::{Facts, compose, standard_consent, stop_wording};

/// The transports the settings give (none for a channel without settings: its messages
/// wait in the outbox).
pub struct Senders {
    email: Option<Box<dyn Transport + Send>>,
    sms: Option<Box<dyn Transport + Send>>,
    /// Also fetches what customers wrote (long polling).
    pub(super) telegram: Option<TelegramTransport>,
    whatsapp: Option<WhatsAppTransport>,
    viber: Option<ViberTransport>,
    messenger: Option<MessengerTransport>,
    /// The approved templates, for a message outside WhatsApp's window.
    pub(super) whatsapp_settings: Option<WhatsAppSettings>,
}

impl Senders {
    pub fn from_config(config: &Config) -> Senders {
        Senders {
            email: config
                .email
                .clone()
                .map(|s| Box::new(EmailTransport::new(s)) as Box<dyn Transport + Send>),
            sms: config
                .sms
                .clone()
                .map(|s| Box::new(SmsTransport::new(s)) as Box<dyn Transport + Send>),
            telegram: config.chats.telegram.clone().map(TelegramTransport::new),
            whatsapp: config.chats.whatsapp.clone().map(WhatsAppTransport::new),
            viber: config.chats.viber.clone().map(ViberTransport::new),
            messenger: config.chats.messenger.clone().map(MessengerTransport::new),
            whatsapp_settings: config.chats.whatsapp.clone(),
        }
    }

    /// The channels there is a way to send on.
    pub fn channels(&self) -> Vec<Channel> {
        let mut c = vec![];
        if self.email.is_some() {
            c.push(Channel::Email);
        }
        if self.sms.is_some() {
            c.push(Channel::Sms);
        }
        if self.whatsapp.is_some() {
            c.push(Channel::WhatsApp);
        }
        if self.viber.is_some() {
            c.push(Channel::Viber);
        }
        if self.telegram.is_some() {
            c.push(Channel::Telegram);
        }
        if self.messenger.is_some() {
            c.push(Channel::Messenger);
        }
        c
    }

    fn get(&mut self, channel: Channel) -> Option<&mut (dyn Transport + Send + 'static)> {
        match channel {
            Channel::Email => self.email.as_deref_mut(),
            Channel::Sms => self.sms.as_deref_mut(),
            Channel::WhatsApp => self.whatsapp.as_mut().map(|t| t as _),
            Channel::Telegram => self.telegram.as_mut().map(|t| t as _),
            Channel::Viber => self.viber.as_mut().map(|t| t as _),
            Channel::Messenger => self.messenger.as_mut().map(|t| t as _),
        }
    }

    /// Ends open connections.
    pub fn close(&mut self) {
        for t in [self.email.as_mut(), self.sms.as_mut()]
            .into_iter()
            .flatten()
        {
            t.close();
        }
    }
}

/// What one round of sending did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Round {
    pub sent: usize,
    /// Failed for a passing reason: tried again later.
    pub retrying: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Left by a sender that stopped mid-send, or broken off after the hand-over.
    pub unsure: usize,
    /// What went wrong, one per message that did not go.
    pub problems: Vec<RoundProblem>,
    /// What customers wrote in the apps fetched by polling (Telegram), taken first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heard: Option<super::chats::Intake>,
    /// Why an app could not be asked what arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poll_problem: Option<WhyOwned>,
}

/// A message that did not go in a round, and why.
#[derive(Debug, Clone, Serialize)]
pub struct RoundProblem {
    pub id: i64,
    #[serde(flatten)]
    pub why: WhyOwned,
}

impl RoundProblem {
    pub(super) fn new(id: i64, code: &str, about: &str, detail: &str) -> RoundProblem {
        RoundProblem {
            id,
            why: WhyOwned {
                code: code.into(),
                about: about.into(),
                detail: detail.into(),
            },
        }
    }
}

/// Why a message did not go, in the reader's words: "Cannot reach mail.example.com:587
/// (connection refused)".
pub fn problem_words(w: &Language, why: &WhyOwned) -> String {
    let text = w.t_args(
        &format!("message-problem-{}", why.code.replace('_', "-")),
        &[("about", why.about.as_str().into())],
    );
    if why.detail.is_empty() {
        text
    } else {
        format!("{text} ({})", why.detail)
    }
}

/// A transport's problem as the outbox keeps it.
pub(super) fn why_of(p: &crate::messages::Problem) -> Why<'_> {
    Why {
        code: p.code,
        about: &p.subject,
        detail: &p.detail,
    }
}

/// Where a message's links point.
pub struct Links<'a> {
    pub public_url: &'a str,
    pub secret: &'a ShopSecret,
}

/// Sends up to `most` messages due, on the channels `senders` has.
pub fn send_due(
    store: &mut Store,
    shop: &ShopConfig,
    links: &Links<'_>,
    senders: &mut Senders,
    now: &dyn Fn() -> i64,
    most: usize,
) -> Result<Round, StoreError> {
    let mut round = Round {
        unsure: store.write(|t| t.messages().recover_unsure(now()))?,
        ..Round::default()
    };
    // What customers wrote first: a chat linked a moment ago is an address now, and a reply
    // lands in its ticket before anything is said to it.
    match super::chats::poll(store, links.secret, shop, senders, 0, now)? {
        Some(Ok(intake)) => round.heard = Some(intake),
        Some(Err(p)) => {
            round.poll_problem = Some(WhyOwned {
                code: p.code.into(),
                about: p.subject,
                detail: p.detail,
            })
        }
        None => {}
    }
    let mut channels = senders.channels();
    for _ in 0..most {
        if channels.is_empty() {
            break;
        }
        let out = match store.write(|t| t.messages().claim_message(now(), &channels))? {
            Claim::None => break,
            Claim::Cancelled { id, reason } => {
                round.cancelled += 1;
                round.problems.push(RoundProblem::new(id, reason, "", ""));
                continue;
            }
            Claim::Send(out) => out,
        };
        let token = match out.visit_id {
            Some(v) => Some(store.read(|t| t.counter().receipt_token(v, links.secret))?),
            None => None,
        };
        let words = words_for(out.language.as_deref(), &shop.language);
        let mut letter = compose(words, shop, store, &out, links, token.as_deref());
        if out.channel.is_chat() {
            let facts = Facts::of(words, shop, store, &out, links, token.as_deref());
            match super::chats::form_for(&out, senders.whatsapp_settings.as_ref(), &facts, now()) {
                Ok(form) => letter.form = form,
                Err(p) => {
                    super::chats::divert(store, &out, &p, now(), &mut round)?;
                    continue;
                }
            }
        }
        let Some(transport) = senders.get(out.channel) else {
            unreachable!("claimed only on a channel with a transport")
        };
        let mut handing_over = || {
            store
                .write(|t| {
                    t.messages().mark_message_sending(
                        out.id,
                        &letter.language,
                        &letter.subject,
                        &letter.text,
                        now(),
                    )
                })
                .map_err(|e| crate::messages::Problem::new("store", "", e))
        };
        let outcome = transport.send(&letter, &mut handing_over);
        let at = now();
        match outcome {
            Ok(()) => {
                store.write(|t| t.messages().mark_message_sent(out.id, &letter.to, at))?;
                round.sent += 1;
            }
            Err(SendError::Unsure(p)) => {
                let why = why_of(&p);
                store.write(|t| t.messages().mark_message_unsure(out.id, &why, at))?;
                round.unsure += 1;
                round
                    .problems
                    .push(RoundProblem::new(out.id, p.code, &p.subject, &p.detail));
            }
            Err(e) if super::chats::is_chat_problem(e.problem().code) => {
                super::chats::after_refusal(store, &out, e.problem(), at, &mut round)?;
            }
            Err(e) => {
                let p = e.problem();
                let why = why_of(p);
                let state = store.write(|t| {
                    t.messages()
                        .mark_message_failed(out.id, &why, e.is_for_good(), at)
                })?;
                match state {
                    State::Failed => round.failed += 1,
                    _ => round.retrying += 1,
                }
                round
                    .problems
                    .push(RoundProblem::new(out.id, p.code, &p.subject, &p.detail));
                if !e.is_for_good() {
                    // The server or gateway is out: the rest on its channel waits for the
                    // next round; the other channel goes on.
                    channels.retain(|c| *c != out.channel);
                }
            }
        }
    }
    Ok(round)
}

/// Seconds between rounds of the sender thread.
pub const EVERY_SECONDS: u64 = 10;

/// How the outbox stands, for the counter's device bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct News {
    /// Messages waiting to go.
    pub waiting: i64,
    /// Failed or unsure in the last week.
    pub failed: i64,
    /// Why the last of those did not go.
    pub problem: Option<WhyOwned>,
}

/// What the sender thread needs of the settings: its own way to the store, the shop (its
/// name and language), where the customer pages are reached, and the mail and SMS transports.
pub struct MessageSettings {
    pub opener: crate::datadir::StoreOpener,
    pub shop: ShopConfig,
    pub public_url: String,
    pub senders: Senders,
    /// Where the checks' daily summary goes (`[alerts] email`).
    pub alerts_email: Option<String>,
}

impl MessageSettings {
    pub fn of(dir: &crate::datadir::DataDir, config: &Config) -> MessageSettings {
        MessageSettings {
            opener: dir.store_opener(config),
            shop: config.shop.clone(),
            public_url: config.portal.public_url.clone(),
            senders: Senders::from_config(config),
            alerts_email: config.alerts.email.clone(),
        }
    }
}

/// The sender thread of the window and `serve`: a round every few seconds until `stop`,
/// on its own connection to the store. Problems are logged once each; the outbox shows them,
/// and `news` hears how it stands after each round.
pub fn worker(
    dir: crate::datadir::DataDir,
    settings: MessageSettings,
    news: std::sync::mpsc::Sender<News>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let MessageSettings {
        opener,
        shop,
        public_url,
        mut senders,
        alerts_email,
    } = settings;
    if senders.channels().is_empty() {
        return;
    }
    let secret = match dir.secret() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("messages: {e}");
            return;
        }
    };
    let links = Links {
        public_url: &public_url,
        secret: &secret,
    };
    let mut last_problem = String::new();
    let mut store: Option<Store> = None;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        if store.is_none() {
            store = opener.open(crate::clock::now()).ok();
        }
        if let Some(s) = store.as_mut() {
            let now = crate::clock::now();
            if let Err(e) = super::alerts::queue_summary(s, &shop, alerts_email.as_deref(), now) {
                eprintln!("messages: the checks' summary: {e}");
            }
            match send_due(s, &shop, &links, &mut senders, &crate::clock::now, 500) {
                Ok(round) => {
                    if round.sent > 0 {
                        eprintln!("messages: sent {}", round.sent);
                    }
                    let week = crate::clock::now() - 7 * 86_400;
                    if let Ok((waiting, failed, problem)) =
                        s.read(|t| t.messages().outbox_news(week))
                    {
                        let _ = news.send(News {
                            waiting,
                            failed,
                            problem,
                        });
                    }
                    if let Some(p) = round.problems.last() {
                        let line = problem_words(shop.words().0, &p.why);
                        if line != last_problem {
                            eprintln!("messages: {line}");
                            last_problem = line;
                        }
                    }
                }
                Err(e) => {
                    eprintln!("messages: {e}");
                    store = None;
                }
            }
        }
        for _ in 0..EVERY_SECONDS {
            if stop.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
    senders.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_told_in_the_owners_language_with_the_servers_own_words() {
        let c = crate::i18n::catalog();
        let why = WhyOwned {
            code: "unreachable".into(),
            about: "mail.example.lv:587".into(),
            detail: "Connection refused".into(),
        };
        assert_eq!(
            problem_words(c.get("lv").unwrap(), &why),
            "Nevar sasniegt mail.example.lv:587: mēģinās vēlreiz vēlāk (Connection refused)"
        );
        // Every code a store or transport writes has words in every language.
        let codes = [
            "unreachable",
            "tls",
            "no_starttls",
            "login",
            "settings",
            "refused_sender",
            "refused_recipient",
            "refused_message",
            "bad_address",
            "gateway",
            "unsure",
            "stopped",
            "consent_withdrawn",
            "no_address",
            "erased",
            "no_contact",
            "store",
            "token_refused",
            "chat_ended",
            "opted_out",
            "rate_limited",
            "app_down",
            "app_refused",
            "window_closed",
            "no_template",
        ];
        for l in c.all() {
            for code in codes {
                let id = format!("message-problem-{}", code.replace('_', "-"));
                assert_ne!(l.t(&id), id, "{} has no words for {code}", l.tag());
            }
        }
    }
}
