//! A message in the customer's words: what it says (the reward, the ticket's summary, the
//! visit's link, staff's reply), shaped for its channel (an email's greeting, sign-off and
//! unsubscribe line; an SMS's one paragraph with STOP; a chat's plain words), and the consent
//! wordings kept with a choice.

use super::messages::Links;
use crate::config::ShopConfig;
use crate::domain::messages::Channel;
use crate::i18n::{Arg, Language};
use crate::messages::Letter;
use crate::store::{Outgoing, Store};

/// Consent on `channel` with the standard words, in the language `tag` (else English), as
/// the counter shows them and the command line records them.
pub fn standard_consent(channel: Channel, tag: &str, shop: &str) -> crate::store::ConsentShown {
    let c = crate::i18n::catalog();
    let words = c.get(tag).unwrap_or_else(|_| c.fallback());
    let wording = if channel.is_chat() {
        super::chats::link_wording(words, channel, shop)
    } else {
        words.t_args(
            &format!("consent-{}-wording", channel.as_str()),
            &[("shop", shop.into())],
        )
    };
    crate::store::ConsentShown {
        channel,
        wording,
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
pub(crate) fn words_for(customer: Option<&str>, shop: &str) -> &'static Language {
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
    if out.kind == crate::domain::messages::Kind::AlertsSummary {
        // Composed when it was queued, in the shop's language.
        let fact = |k: &str| {
            out.facts
                .get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
        };
        return Letter {
            to: out.to.clone(),
            subject: fact("subject").to_string(),
            text: fact("body").to_string(),
            key: out.key.clone(),
            unsubscribe: None,
            language: words.tag().to_string(),
            form: crate::messages::Form::Text,
        };
    }
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
