//! The customer's own messaging apps, between the outbox and the apps' rules: which form a
//! message takes (WhatsApp's template outside its window), where one that cannot go now goes
//! instead, what a refusal means for the member (a blocked bot ends the chat), what customers
//! wrote (linking a chat by its code, into the ticket), and the visit page's buttons.

use super::messages::{Facts, Round, RoundProblem, Senders, why_of};
use crate::config::ShopConfig;
use crate::domain::messages::{CHAT_WINDOW_SECONDS, Channel, Kind};
use crate::domain::token::ShopSecret;
use crate::messages::{Form, Incoming, Problem, WhatsAppSettings};
use crate::store::{ChatMessage, Heard, NewChatLink, Outgoing, Store, StoreError};
use serde::Serialize;

/// How a chat message goes by its app's rules, or why it cannot go now.
pub fn form_for(
    out: &Outgoing,
    whatsapp: Option<&WhatsAppSettings>,
    facts: &Facts,
    now: i64,
) -> Result<Form, Problem> {
    let open = out
        .last_heard_at
        .is_some_and(|at| now - at < CHAT_WINDOW_SECONDS);
    match out.channel {
        Channel::WhatsApp if !open => {
            let language = out.language.as_deref().unwrap_or("en");
            match whatsapp.and_then(|w| w.template(out.kind.as_str(), language)) {
                Some((name, language)) => Ok(Form::Template {
                    name,
                    language,
                    params: template_params(out.kind, facts),
                }),
                None => Err(Problem::new(
                    "no_template",
                    "WhatsApp",
                    format!("{} ({language})", out.kind.as_str()),
                )),
            }
        }
        // Messenger: a support answer may follow for 7 days, tagged as a person's; nothing
        // else after the window.
        Channel::Messenger if !open => {
            let agent = out
                .last_heard_at
                .is_some_and(|at| now - at < crate::domain::messages::HUMAN_AGENT_SECONDS);
            if agent && !out.kind.is_marketing() {
                Ok(Form::HumanAgent)
            } else {
                Err(Problem::new(
                    "window_closed",
                    "Messenger",
                    out.kind.as_str(),
                ))
            }
        }
        _ => Ok(Form::Text),
    }
}

/// The values of a template's body placeholders, in order, for each kind of message (the
/// README lists them, for writing the templates Meta approves).
pub fn template_params(kind: Kind, f: &Facts) -> Vec<String> {
    match kind {
        Kind::RewardReady => vec![f.reward.clone(), f.points.to_string(), f.link.clone()],
        Kind::NearingReward => vec![f.reward.clone(), f.remaining.to_string(), f.link.clone()],
        Kind::WelcomeBack | Kind::Birthday | Kind::Anniversary => {
            vec![f.reward.clone(), f.until.clone()]
        }
        Kind::TicketResolved | Kind::TicketFollowUp => vec![f.summary.clone(), f.link.clone()],
        Kind::TicketReply => vec![f.reply.clone(), f.summary.clone(), f.link.clone()],
        // Only ever an email to the owner.
        Kind::AlertsSummary => vec![],
    }
}

/// The problems that say something about the chat itself rather than the app's server.
pub fn is_chat_problem(code: &str) -> bool {
    matches!(
        code,
        "chat_ended" | "opted_out" | "window_closed" | "no_template"
    )
}

/// A message that cannot go in its chat now: a marketing message goes on the member's other
/// consented channel; otherwise it waits (tried again later: the customer's next message
/// opens the window) and the owner is told.
pub(super) fn divert(
    store: &mut Store,
    out: &Outgoing,
    p: &Problem,
    now: i64,
    round: &mut Round,
) -> Result<(), StoreError> {
    let why = why_of(p);
    let moved = store.write(|t| t.messages().divert_message(out.id, &why, now))?;
    match moved {
        Some(_) => round.cancelled += 1,
        None => round.retrying += 1,
    }
    round
        .problems
        .push(RoundProblem::new(out.id, p.code, &p.subject, &p.detail));
    Ok(())
}

/// What an app's refusal means: a chat the customer ended (a blocked bot) ends here too, with
/// consent withdrawn; a marketing opt-out withdraws consent; a closed window or a template
/// not approved diverts the message.
pub(super) fn after_refusal(
    store: &mut Store,
    out: &Outgoing,
    p: &Problem,
    now: i64,
    round: &mut Round,
) -> Result<(), StoreError> {
    let why = why_of(p);
    match p.code {
        "chat_ended" | "opted_out" => {
            let wording = ended_wording(out.channel, &p.detail);
            store.write(|t| {
                let m = t.messages();
                if p.code == "chat_ended" {
                    m.end_chat(out.channel, &out.to, "blocked", &wording, now)?;
                } else {
                    m.opt_out_chat(out.channel, &out.to, &wording, now)?;
                }
                m.mark_message_failed(out.id, &why, true, now)
            })?;
            round.failed += 1;
            round
                .problems
                .push(RoundProblem::new(out.id, p.code, &p.subject, &p.detail));
            Ok(())
        }
        _ => divert(store, out, p, now, round),
    }
}

/// The words a withdrawal in a chat is recorded with: what the app said.
fn ended_wording(channel: Channel, detail: &str) -> String {
    format!("{}: {}", channel.app_name(), detail.trim())
}

/// What one intake of an app's news did.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Intake {
    pub linked: usize,
    /// Link codes refused (used before, not this shop's): nothing linked.
    pub refused: usize,
    /// Messages into tickets (new ones counted in `opened`).
    pub heard: usize,
    pub opened: usize,
    /// Messages from chats linked to no one, kept for the owner.
    pub unknown: usize,
    /// Delivered again: recorded before.
    pub again: usize,
    pub ended: usize,
}

/// Takes what `channel` told the shop, all in one transaction (with `poll_next`, where a
/// long poll goes on from, so a stop neither loses nor doubles anything).
pub fn take(
    store: &mut Store,
    secret: &ShopSecret,
    shop: &ShopConfig,
    channel: Channel,
    news: &[Incoming],
    poll_next: Option<i64>,
    now: i64,
) -> Result<Intake, StoreError> {
    store.write(|t| {
        let mut intake = Intake::default();
        for n in news {
            match n {
                Incoming::Link { chat, code } => {
                    let card = t.counter().chat_link_card(code, secret)?;
                    let customer = card.and_then(|c| t.people().customer(&c).ok());
                    let Some(customer_id) = customer.map(|c| c.id()) else {
                        intake.refused += 1;
                        continue;
                    };
                    let language = t.people().language_of(customer_id)?;
                    let words = super::messages::words_for(language.as_deref(), &shop.language);
                    let wording = link_wording(words, channel, &shop.name);
                    let linked = t.messages().link_chat(&NewChatLink {
                        channel,
                        chat,
                        code,
                        customer_id,
                        wording: &wording,
                        language: Some(words.tag()),
                        at: now,
                    });
                    match linked {
                        Ok(_) => intake.linked += 1,
                        Err(StoreError::LinkCodeUsed | StoreError::LinkCodeUnknown) => {
                            intake.refused += 1
                        }
                        Err(e) => return Err(e),
                    }
                }
                Incoming::Message { chat, id, text, at } => {
                    let heard = t.messages().hear_chat(&ChatMessage {
                        channel,
                        platform_id: id,
                        chat,
                        text,
                        at: if *at > 0 { *at } else { now },
                    })?;
                    match heard {
                        Heard::Ticket { opened, .. } => {
                            intake.heard += 1;
                            intake.opened += usize::from(opened);
                        }
                        Heard::Unknown => intake.unknown += 1,
                        Heard::Again => intake.again += 1,
                    }
                }
                Incoming::Ended { chat, why, detail } => {
                    let wording = ended_wording(channel, detail);
                    let n = if *why == "opted_out" {
                        t.messages().opt_out_chat(channel, chat, &wording, now)?
                    } else {
                        t.messages().end_chat(channel, chat, why, &wording, now)?
                    };
                    intake.ended += n;
                }
            }
        }
        if let Some(next) = poll_next {
            t.messages().set_poll_from(channel, next)?;
        }
        Ok(intake)
    })
}

/// The words a member agrees to by linking a chat, as the visit page shows them.
pub fn link_wording(words: &crate::i18n::Language, channel: Channel, shop: &str) -> String {
    words.t_args(
        "consent-chat-wording",
        &[("shop", shop.into()), ("app", channel.app_name().into())],
    )
}

/// Fetches what arrived on the apps polled (Telegram) and takes it, waiting up to `wait`
/// seconds when nothing is there. Returns what it did, or why the app could not be asked.
pub fn poll(
    store: &mut Store,
    secret: &ShopSecret,
    shop: &ShopConfig,
    senders: &Senders,
    wait: u64,
    now: &dyn Fn() -> i64,
) -> Result<Option<Result<Intake, Problem>>, StoreError> {
    let Some(telegram) = senders.telegram.as_ref().filter(|t| t.fetches()) else {
        return Ok(None);
    };
    let from = store.read(|t| t.messages().poll_from(Channel::Telegram))?;
    match telegram.poll(from, wait) {
        Ok((next, news)) => {
            let intake = take(
                store,
                secret,
                shop,
                Channel::Telegram,
                &news,
                Some(next),
                now(),
            )?;
            Ok(Some(Ok(intake)))
        }
        Err(e) => Ok(Some(Err(e.problem().clone()))),
    }
}

/// A button on the member's visit page: the app and the link that opens the chat with a
/// one-time code.
#[derive(Debug, Clone, Serialize)]
pub struct ChatButton {
    pub channel: Channel,
    pub link: String,
    /// Whether the member has a live chat on this app already.
    pub linked: bool,
}

/// The apps set up, in the order the shop's country uses them, each with the member's code for
/// it (`codes`, in the order of `Channel::CHATS`).
pub fn buttons(
    chats: &crate::config::chats::ChatsConfig,
    calling_code: &Option<String>,
    codes: &[String],
    linked: &[Channel],
    words: &crate::i18n::Language,
) -> Vec<ChatButton> {
    let code = |channel: Channel| {
        Channel::CHATS
            .iter()
            .position(|c| *c == channel)
            .and_then(|i| codes.get(i))
            .cloned()
    };
    Channel::chats_for_country(calling_code.as_deref())
        .into_iter()
        .filter_map(|channel| {
            let code = code(channel)?;
            let link = match channel {
                Channel::Telegram => chats.telegram.as_ref()?.link(&code),
                Channel::WhatsApp => chats
                    .whatsapp
                    .as_ref()?
                    .link(&code, &words.t("chat-link-prefill")),
                Channel::Viber => chats.viber.as_ref()?.link(&code),
                Channel::Messenger => chats.messenger.as_ref()?.link(&code),
                _ => return None,
            };
            Some(ChatButton {
                channel,
                link,
                linked: linked.contains(&channel),
            })
        })
        .collect()
}

/// Whether any messaging app is set up (the visit page then carries link codes).
pub fn any(chats: &crate::config::chats::ChatsConfig) -> bool {
    chats.telegram.is_some()
        || chats.whatsapp.is_some()
        || chats.viber.is_some()
        || chats.messenger.is_some()
}
