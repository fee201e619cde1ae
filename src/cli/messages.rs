//! `regulars messages` (the outbox) and `regulars customer consent`.

use super::Output;
use super::UsageError;
use super::args::MessagesCmd;
use super::commands::{Ctx, to_json};
use crate::domain::messages::{Channel, State};
use crate::i18n::Language;
use crate::services::messages::{Links, Senders, problem_words, send_due};
use crate::store::{ConsentSource, MessageView, NewConsent};
use anyhow::Result;
use serde_json::json;

pub(super) fn messages(ctx: &Ctx, cmd: MessagesCmd) -> Result<Output> {
    match cmd {
        MessagesCmd::Send => send(ctx),
        MessagesCmd::List {
            state,
            customer,
            limit,
        } => list(ctx, &state, customer.as_deref(), limit),
        MessagesCmd::Retry { id } => {
            let mut store = ctx.store()?;
            store.write(|t| t.messages().retry_message(id, ctx.now))?;
            Ok(Output {
                text: ctx
                    .words()
                    .t_args("cli-messages-retried", &[("id", id.into())]),
                json: json!({ "id": id, "state": "queued" }),
            })
        }
        MessagesCmd::Unknown { limit } => {
            let mut store = ctx.store()?;
            let rows = store.read(|t| t.messages().unknown_chat_messages(limit))?;
            let w = ctx.words();
            let text = if rows.is_empty() {
                w.t("cli-messages-no-unknown")
            } else {
                rows.iter()
                    .map(|m| {
                        format!(
                            "{}  {} {}: {}",
                            w.date_time(m.at),
                            m.channel.app_name(),
                            m.chat,
                            m.text
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Output {
                text,
                json: json!({ "messages": to_json(&rows) }),
            })
        }
        MessagesCmd::Stop { phone, text } => {
            let mut store = ctx.store()?;
            let shop = ctx.config.shop.name.as_str();
            let wording = crate::services::messages::stop_wording(&text, shop);
            let stopped = store.write(|t| {
                t.messages()
                    .withdraw_sms_by_phone(&phone, &wording, ctx.now)
            })?;
            Ok(Output {
                text: ctx.words().t_args(
                    "cli-messages-stopped",
                    &[
                        ("phone", phone.as_str().into()),
                        ("count", (stopped as i64).into()),
                    ],
                ),
                json: json!({ "phone": phone, "customers": stopped }),
            })
        }
    }
}

fn send(ctx: &Ctx) -> Result<Output> {
    let mut store = ctx.store()?;
    let w = ctx.words();
    let m = &ctx.config.messages;
    store.write(|t| {
        t.messages()
            .queue_follow_ups(ctx.now, m.follow_up_every_days, m.follow_ups)
    })?;
    let mut senders = Senders::from_config(&ctx.config);
    if senders.channels().is_empty() {
        let queued = store.read(|t| t.messages().outbox_counts())?.queued;
        return Err(
            UsageError(w.t_args("cli-messages-no-channel", &[("queued", queued.into())])).into(),
        );
    }
    let secret = ctx.dir.secret()?;
    let links = Links {
        public_url: &ctx.config.portal.public_url,
        secret: &secret,
    };
    crate::services::alerts::queue_summary(
        &mut store,
        &ctx.config.shop,
        ctx.config.alerts.email.as_deref(),
        ctx.now,
    )?;
    let round = send_due(
        &mut store,
        &ctx.config.shop,
        &links,
        &mut senders,
        &crate::clock::now,
        usize::MAX,
    )?;
    senders.close();
    let mut lines = vec![w.t_args(
        "cli-messages-round",
        &[
            ("sent", (round.sent as i64).into()),
            ("retrying", (round.retrying as i64).into()),
            ("failed", (round.failed as i64).into()),
            ("cancelled", (round.cancelled as i64).into()),
            ("unsure", (round.unsure as i64).into()),
        ],
    )];
    if let Some(h) = &round.heard {
        lines.push(w.t_args(
            "cli-messages-heard",
            &[
                ("linked", (h.linked as i64).into()),
                ("heard", (h.heard as i64).into()),
                ("opened", (h.opened as i64).into()),
                ("unknown", (h.unknown as i64).into()),
                ("refused", (h.refused as i64).into()),
                ("ended", (h.ended as i64).into()),
            ],
        ));
    }
    if let Some(p) = &round.poll_problem {
        lines.push(w.t_args(
            "cli-messages-poll-problem",
            &[("why", problem_words(&w, p).into())],
        ));
    }
    lines.extend(round.problems.iter().map(|p| {
        w.t_args(
            "cli-messages-problem",
            &[
                ("id", p.id.into()),
                ("why", problem_words(&w, &p.why).into()),
            ],
        )
    }));
    Ok(Output {
        text: lines.join("\n"),
        json: to_json(&round),
    })
}

fn list(ctx: &Ctx, states: &[String], customer: Option<&str>, limit: usize) -> Result<Output> {
    let mut store = ctx.store()?;
    let states: Vec<State> = states.iter().filter_map(|s| State::parse(s)).collect();
    let (rows, counts) = store.read(|t| {
        let id = match customer {
            Some(code) => Some(t.people().customer(code)?.id()),
            None => None,
        };
        Ok((
            t.messages().messages(&states, id, limit)?,
            t.messages().outbox_counts()?,
        ))
    })?;
    let w = ctx.words();
    let mut lines = vec![w.t_args(
        "cli-messages-head",
        &[
            ("queued", counts.queued.into()),
            ("sent", counts.sent.into()),
            ("failed", counts.failed.into()),
            ("unsure", counts.unsure.into()),
            ("cancelled", counts.cancelled.into()),
        ],
    )];
    lines.extend(rows.iter().map(|m| row(&w, m)));
    Ok(Output {
        text: lines.join("\n"),
        json: json!({ "counts": counts, "messages": rows }),
    })
}

fn row(w: &Language, m: &MessageView) -> String {
    let mut line = w.t_args(
        "cli-messages-row",
        &[
            ("id", m.id.into()),
            ("kind", kind_words(w, m.kind).into()),
            ("channel", channel_words(w, m.channel).into()),
            (
                "who",
                m.to.clone()
                    .or_else(|| m.customer.clone())
                    .unwrap_or_else(|| "-".into())
                    .into(),
            ),
            (
                "state",
                w.t(&format!("message-state-{}", m.state.as_str())).into(),
            ),
            ("when", w.date_time(m.state_at).into()),
            ("attempts", m.attempts.into()),
        ],
    );
    if m.state == State::Queued && m.attempts > 0 {
        line.push_str(&format!(
            " · {}",
            w.t_args(
                "cli-messages-next",
                &[("when", w.date_time(m.next_at).into())]
            )
        ));
    }
    if let Some(code) = &m.problem {
        let why = crate::store::WhyOwned {
            code: code.clone(),
            about: m.problem_about.clone().unwrap_or_default(),
            detail: m.last_error.clone().unwrap_or_default(),
        };
        line.push_str(&format!("\n    {}", problem_words(w, &why)));
    }
    line
}

/// A message kind in words.
pub(crate) fn kind_words(w: &Language, k: crate::domain::messages::Kind) -> String {
    w.t(&format!("message-kind-{}", k.as_str().replace('_', "-")))
}

pub(crate) fn channel_words(w: &Language, c: Channel) -> String {
    w.t(&format!("message-channel-{}", c.as_str()))
}

/// `customer consent CODE email|sms give|withdraw`.
pub(super) fn consent(
    ctx: &Ctx,
    code: &str,
    channel: &str,
    action: &str,
    source: &str,
    wording: Option<&str>,
    by: Option<&str>,
) -> Result<Output> {
    let channel = Channel::parse(channel).expect("clap checked it");
    let given = action == "give";
    let source = ConsentSource::parse(source).expect("clap checked it");
    let mut store = ctx.store()?;
    let shop = ctx.config.shop.name.clone();
    let shop_language = ctx.config.shop.language.clone();
    let (shown, language) = store.read(|t| {
        let id = t.people().customer(code)?.id();
        let language = t
            .people()
            .language_of(id)?
            .unwrap_or_else(|| shop_language.clone());
        let words = crate::i18n::catalog()
            .get(&language)
            .unwrap_or_else(|_| crate::i18n::catalog().fallback());
        let standard = words.t_args(
            &format!("consent-{}-wording", channel.as_str()),
            &[("shop", shop.as_str().into())],
        );
        Ok((
            wording.map(str::to_string).unwrap_or(standard),
            words.tag().to_string(),
        ))
    })?;
    let display = store.write(|t| {
        t.messages().record_consent_of(
            code,
            &NewConsent {
                channel,
                given,
                source,
                wording: &shown,
                language: Some(&language),
                actor: by,
                at: ctx.now,
            },
        )
    })?;
    let w = ctx.words();
    let args = [
        ("code", display.as_str().into()),
        ("channel", channel_words(&w, channel).into()),
        ("wording", shown.as_str().into()),
    ];
    let text = if given {
        w.t_args("cli-consent-given", &args)
    } else {
        w.t_args("cli-consent-withdrawn", &args)
    };
    Ok(Output {
        text,
        json: json!({ "code": display, "channel": channel, "given": given, "wording": shown,
                      "source": source, "at": ctx.now }),
    })
}
