//! Sending the outbox: each message due is claimed, put in the customer's words, handed to
//! the channel's transport and marked sent, to be tried again, failed, or unsure. Run by the
//! window's and `serve`'s sender thread and by `regulars messages send`.

use crate::config::{Config, ShopConfig};
use crate::domain::messages::{Channel, State};
use crate::domain::token::ShopSecret;
use crate::i18n::{Arg, Language};
use crate::messages::{
    EmailTransport, Letter, MessengerTransport, SendError, SmsTransport, TelegramTransport,
    Transport, ViberTransport, WhatsAppSettings, WhatsAppTransport,
};
use crate::store::{Claim, Outgoing, Store, StoreError, Why, WhyOwned};
use serde::Serialize;

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
                let why = Why {
                    code: p.code,
                    about: &p.subject,
                    detail: &p.detail,
                };
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
                let why = Why {
                    code: p.code,
                    about: &p.subject,
                    detail: &p.detail,
                };
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

/// Consent on `channel` with the standard words, in the language `tag` (else English), as
/// the counter shows them and the command line records them.
pub fn standard_consent(channel: Channel, tag: &str, shop: &str) -> crate::store::ConsentShown {
    let c = crate::i18n::catalog();
    let words = c.get(tag).unwrap_or_else(|_| c.fallback());
    crate::store::ConsentShown {
        channel,
        wording: words.t_args(
            &format!("consent-{}-wording", channel.as_str()),
            &[("shop", shop.into())],
        ),
        language: words.tag().to_string(),
    }
}

/// The words a withdrawal by SMS is recorded with: what the customer texted back.
pub fn stop_wording(text: &str, shop: &str) -> String {
    crate::i18n::catalog().fallback().t_args(
        "sms-stop-wording",
        &[("text", text.trim().into()), ("shop", shop.into())],
    )
}

/// The words of the customer's language, else the shop's.
pub(super) fn words_for(customer: Option<&str>, shop: &str) -> &'static Language {
    let catalog = crate::i18n::catalog();
    customer
        .and_then(|c| catalog.get(c).ok())
        .or_else(|| catalog.get(shop).ok())
        .unwrap_or_else(|| catalog.fallback())
}

/// A message in the customer's words: the subject and the text (an email's whole body with
/// greeting, sign-off and unsubscribe line; an SMS's one short paragraph).
pub fn compose(
    words: &Language,
    shop: &ShopConfig,
    store: &Store,
    out: &Outgoing,
    links: &Links<'_>,
    visit_token: Option<&str>,
) -> Letter {
    let f = Facts::of(words, shop, store, out, links, visit_token);
    let shop = shop.name.as_str();
    let base = links.public_url.trim_end_matches('/');
    let args: Vec<Arg> = vec![
        ("shop", shop.into()),
        ("reward", f.reward.as_str().into()),
        ("points", out.balance.into()),
        ("remaining", f.remaining.into()),
        ("until", f.until.as_str().into()),
        ("summary", f.summary.as_str().into()),
        ("link", f.link.as_str().into()),
        ("reply", f.reply.as_str().into()),
    ];
    let id = format!("msg-{}", out.kind.as_str().replace('_', "-"));
    let subject = words.t_args(&format!("{id}-subject"), &args);
    let body = words.t_args(&id, &args);
    let unsubscribe = (out.kind.is_marketing() && out.channel != Channel::Sms)
        .then(|| {
            out.customer_id
                .map(|c| format!("{base}/u/{}", links.secret.sign_unsubscribe(c, out.channel)))
        })
        .flatten();
    let text = match out.channel {
        Channel::Email => {
            let first = out
                .customer_name
                .as_deref()
                .and_then(|n| n.split_whitespace().next());
            let hello = match first {
                Some(n) => words.t_args("msg-hello-name", &[("name", n.into())]),
                None => words.t("msg-hello"),
            };
            let mut text = format!(
                "{hello}\n\n{body}\n\n{}\n",
                words.t_args("msg-sign-off", &[("shop", shop.into())])
            );
            if let Some(u) = &unsubscribe {
                text.push_str("\n-- \n");
                text.push_str(&words.t_args("msg-unsubscribe", &[("link", u.as_str().into())]));
                text.push('\n');
            }
            text
        }
        Channel::Sms => {
            let mut text = format!("{shop}: {body}");
            if out.kind.is_marketing() {
                text.push(' ');
                text.push_str(&words.t("msg-sms-stop"));
            }
            text
        }
        // A chat: the shop's name is the chat's; a marketing message says how to stop.
        _ => {
            let mut text = body;
            if let Some(u) = &unsubscribe {
                text.push_str("\n\n");
                text.push_str(&words.t_args("msg-chat-stop", &[("link", u.as_str().into())]));
            }
            text
        }
    };
    Letter {
        to: out.to.clone(),
        subject,
        text,
        key: out.key.clone(),
        unsubscribe,
        language: words.tag().to_string(),
        form: crate::messages::Form::Text,
    }
}

/// What a message says beyond its words: a template's placeholders are filled from these.
pub struct Facts {
    pub reward: String,
    pub points: i64,
    pub remaining: i64,
    pub until: String,
    pub summary: String,
    pub link: String,
    pub reply: String,
}

impl Facts {
    pub fn of(
        words: &Language,
        shop: &ShopConfig,
        store: &Store,
        out: &Outgoing,
        links: &Links<'_>,
        visit_token: Option<&str>,
    ) -> Facts {
        let _ = shop;
        let reward_id = out
            .facts
            .get("reward")
            .and_then(|r| r.as_str())
            .unwrap_or("");
        let reward = store
            .current_program()
            .and_then(|p| p.rewards.iter().find(|r| r.id == reward_id))
            .map(|r| r.name.clone())
            .unwrap_or_else(|| reward_id.to_string());
        let cost = out.facts.get("cost").and_then(|c| c.as_i64()).unwrap_or(0);
        let until = out
            .facts
            .get("valid_until")
            .and_then(|u| u.as_i64())
            .map(|u| words.date(u))
            .unwrap_or_default();
        let base = links.public_url.trim_end_matches('/');
        let link = match visit_token {
            Some(t) => format!("{base}/r/{t}"),
            None => format!("{base}/"),
        };
        Facts {
            reward,
            points: out.balance,
            remaining: (cost - out.balance).max(1),
            until,
            summary: out.ticket_summary.clone().unwrap_or_default(),
            link,
            reply: out
                .facts
                .get("reply")
                .and_then(|r| r.as_str())
                .unwrap_or_default()
                .to_string(),
        }
    }
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
}

impl MessageSettings {
    pub fn of(dir: &crate::datadir::DataDir, config: &Config) -> MessageSettings {
        MessageSettings {
            opener: dir.store_opener(config),
            shop: config.shop.clone(),
            public_url: config.portal.public_url.clone(),
            senders: Senders::from_config(config),
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
