//! `regulars customer`: enrol, show, find, export, timeline, notes, merges and erasure.

use super::args::*;
use super::commands::{Ctx, to_json};
use super::{Output, UsageError};
use crate::store::{CustomerView, NewCustomer, Store};
use anyhow::{Context, Result};
use serde_json::json;
use std::path::PathBuf;

pub(super) fn describe_customer(ctx: &Ctx, v: &CustomerView) -> String {
    let w = ctx.words();
    let erased = w.t("cli-erased");
    let mut lines = vec![w.t_args(
        "cli-customer",
        &[
            ("name", v.name.as_deref().unwrap_or(&erased).into()),
            ("code", v.code.as_str().into()),
            ("referral", v.referral_code.as_str().into()),
        ],
    )];
    if let Some(p) = &v.phone {
        lines.push(w.t_args("cli-phone", &[("phone", p.as_str().into())]));
    }
    if let Some(e) = &v.email {
        lines.push(w.t_args("cli-email", &[("email", e.as_str().into())]));
    }
    lines.push(w.t_args("cli-balance", &[("points", v.balance.into())]));
    if let Some(t) = &v.tier {
        let (here, next) = w.tier(t);
        lines.push(format!("  {here}"));
        lines.extend(next.map(|n| format!("  {n}")));
    }
    if let Some(t) = v.last_visit_at.filter(|_| v.slipping) {
        let weeks = (crate::clock::now() - t) / (7 * 86_400);
        lines.push(format!(
            "  {}",
            w.slipping(weeks, v.welcome_back.as_deref())
        ));
    }
    lines.push(match v.last_visit_at {
        Some(t) => w.t_args(
            "cli-visits-last",
            &[("visits", v.visits.into()), ("when", w.date_time(t).into())],
        ),
        None => w.t_args("cli-visits", &[("visits", v.visits.into())]),
    });
    for p in &v.progress {
        let progress = w.progress(p.unit, p.remaining, &p.reward_name);
        lines.push(w.t_args("cli-next", &[("progress", progress.into())]));
    }
    for a in &v.rewards_available {
        let reward: [crate::i18n::Arg; 3] = [
            ("reward", a.reward_name.as_str().into()),
            ("id", a.reward_id.as_str().into()),
            ("points", a.cost.into()),
        ];
        lines.push(if a.pay_with == "voucher" {
            w.t_args("cli-reward-voucher", &reward)
        } else {
            w.t_args("cli-reward-points", &reward)
        });
    }
    lines.push(w.t_args(
        "cli-enrolled-at",
        &[("when", w.date_time(v.enrolled_at).into())],
    ));
    lines.join("\n")
}

pub(super) fn customer(ctx: &Ctx, cmd: CustomerCmd) -> Result<Output> {
    let store = || ctx.store();
    match cmd {
        CustomerCmd::Add(new) => add(ctx, &mut store()?, new),
        CustomerCmd::Show { code } => show(ctx, &mut store()?, &code),
        CustomerCmd::Find { text, limit } => find(ctx, &mut store()?, &text, limit),
        CustomerCmd::Export { code, out } => export(ctx, &mut store()?, &code, out),
        CustomerCmd::Timeline { code, limit } => timeline(ctx, &mut store()?, &code, limit),
        CustomerCmd::Note { code, text, by } => note(ctx, &mut store()?, &code, &text, by),
        CustomerCmd::Merge { a, b } => merge(ctx, &mut store()?, &a, &b),
        CustomerCmd::Duplicates => duplicates(ctx, &mut store()?),
        CustomerCmd::Birthday {
            code,
            birthday,
            clear,
            source,
        } => set_birthday(
            ctx,
            &mut store()?,
            &code,
            (!clear).then_some(birthday).flatten(),
            &source,
        ),
        CustomerCmd::PaperStamps { code, stamps, by } => {
            paper_stamps(ctx, &mut store()?, &code, stamps, by)
        }
        CustomerCmd::Consent {
            code,
            channel,
            action,
            source,
            wording,
            by,
        } => super::messages::consent(
            ctx,
            &code,
            &channel,
            &action,
            &source,
            wording.as_deref(),
            by.as_deref(),
        ),
        CustomerCmd::Erase { code, yes } => erase(ctx, &code, yes),
    }
}

/// `customer add`: enrols, with the standard consent wording in the customer's language.
fn add(ctx: &Ctx, store: &mut Store, a: AddCustomer) -> Result<Output> {
    let language = a
        .language
        .map(|l| crate::i18n::catalog().get(&l).map(|l| l.tag().to_string()))
        .transpose()?;
    let tag = language
        .clone()
        .unwrap_or_else(|| ctx.config.shop.language.clone());
    let consents = a
        .consent
        .iter()
        .filter_map(|c| crate::domain::messages::Channel::parse(c))
        .map(|c| crate::services::messages::standard_consent(c, &tag, &ctx.config.shop.name))
        .collect();
    let new = NewCustomer {
        name: a.name,
        phone: a.phone,
        email: a.email,
        referred_by: a.referred_by,
        language,
        birthday: a.birthday,
        consents,
        paper_stamps: 0,
    };
    let e = store.enroll(&new, ctx.now, &mut rand::random::<u64>)?;
    let mut text = ctx.words().t_args(
        "cli-enrolled",
        &[
            ("name", e.name.as_str().into()),
            ("code", e.code.as_str().into()),
            ("referral", e.referral_code.as_str().into()),
            ("points", e.balance.into()),
        ],
    );
    if let Some(r) = &e.referral {
        text.push('\n');
        text.push_str(&crate::services::words::referral(&ctx.words(), r));
    }
    Ok(Output {
        text,
        json: to_json(&e),
    })
}

fn show(ctx: &Ctx, store: &mut Store, code: &str) -> Result<Output> {
    let v = store.customer_view(code, ctx.now)?;
    let chats = store.read(|tx| tx.messages().chat_links_of(v.id))?;
    let mut text = describe_customer(ctx, &v);
    let w = ctx.words();
    for l in &chats {
        let line = match l.unlinked_at {
            None => w.t_args(
                "cli-chat-linked",
                &[
                    ("app", l.channel.app_name().into()),
                    ("since", w.date(l.linked_at).into()),
                ],
            ),
            Some(at) => w.t_args(
                "cli-chat-ended",
                &[
                    ("app", l.channel.app_name().into()),
                    ("since", w.date(at).into()),
                    ("why", l.unlinked_why.clone().unwrap_or_default().into()),
                ],
            ),
        };
        text.push('\n');
        text.push_str(&line);
    }
    let mut json = to_json(&v);
    json["chats"] = to_json(&chats);
    Ok(Output { text, json })
}

fn find(ctx: &Ctx, store: &mut Store, text: &str, limit: usize) -> Result<Output> {
    let found = store.read(|tx| tx.people().find_customers(text, limit, ctx.now))?;
    let w = ctx.words();
    let text_out = if found.is_empty() {
        w.t_args("cli-no-match", &[("text", text.into())])
    } else {
        found
            .iter()
            .map(|v| {
                let erased = w.t("cli-erased");
                let name = v.name.as_deref().unwrap_or(&erased);
                let figures = w.t_args(
                    "cli-found-figures",
                    &[("points", v.balance.into()), ("visits", v.visits.into())],
                );
                format!("{}  {name:<30} {figures}", v.code)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Output {
        text: text_out,
        json: json!({ "customers": to_json(&found) }),
    })
}

/// `customer export`: everything held about a customer (a data-access request).
fn export(ctx: &Ctx, store: &mut Store, code: &str, out: Option<PathBuf>) -> Result<Output> {
    let data = store.read(|tx| tx.people().export_customer(code))?;
    let pretty = serde_json::to_string_pretty(&data)?;
    let Some(path) = out else {
        return Ok(Output {
            text: pretty,
            json: data,
        });
    };
    std::fs::write(&path, &pretty).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Output {
        text: ctx.words().t_args(
            "cli-exported",
            &[
                ("code", code.into()),
                ("path", path.display().to_string().into()),
            ],
        ),
        json: json!({ "written": path }),
    })
}

fn timeline(ctx: &Ctx, store: &mut Store, code: &str, limit: usize) -> Result<Output> {
    let (w, currency) = (ctx.words(), ctx.config.shop.currency);
    let entries = store.read(|tx| tx.support().timeline(code, limit))?;
    let text = entries
        .iter()
        .map(|e| {
            let line = crate::services::words::timeline_entry(&w, currency, e);
            format!("{}  {line}", w.date_time(e.at))
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(Output {
        text,
        json: json!({ "timeline": to_json(&entries) }),
    })
}

fn note(
    ctx: &Ctx,
    store: &mut Store,
    code: &str,
    text: &str,
    by: Option<String>,
) -> Result<Output> {
    let id = store.write(|tx| {
        tx.support()
            .add_customer_note(code, text, by.as_deref(), ctx.now)
    })?;
    Ok(Output {
        text: ctx
            .words()
            .t_args("cli-note-added", &[("code", code.into())]),
        json: json!({ "note_id": id }),
    })
}

fn merge(ctx: &Ctx, store: &mut Store, a: &str, b: &str) -> Result<Output> {
    let m = store.write(|tx| tx.people().merge_customers(a, b, ctx.now))?;
    Ok(Output {
        text: ctx.words().t_args(
            "cli-merged",
            &[
                ("gone", m.gone.as_str().into()),
                ("kept", m.kept.as_str().into()),
                ("visits", m.visits_moved.into()),
                ("points", m.points_moved.into()),
                ("balance", m.balance.into()),
            ],
        ),
        json: to_json(&m),
    })
}

/// `customer duplicates`: the merge list.
fn duplicates(ctx: &Ctx, store: &mut Store) -> Result<Output> {
    let pairs = store.read(|tx| tx.people().duplicates())?;
    let w = ctx.words();
    let text = if pairs.is_empty() {
        w.t("cli-duplicates-none")
    } else {
        let unnamed = w.t("cli-erased");
        pairs
            .iter()
            .map(|d| {
                w.t_args(
                    if d.what == crate::store::Shared::Email {
                        "cli-duplicate-email"
                    } else {
                        "cli-duplicate-phone"
                    },
                    &[
                        ("a", d.a.as_str().into()),
                        ("a_name", d.a_name.as_deref().unwrap_or(&unnamed).into()),
                        ("b", d.b.as_str().into()),
                        ("b_name", d.b_name.as_deref().unwrap_or(&unnamed).into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Output {
        text,
        json: json!({ "duplicates": to_json(&pairs) }),
    })
}

/// `customer birthday`: records it (`Some`) or forgets it (`None`).
fn set_birthday(
    ctx: &Ctx,
    store: &mut Store,
    code: &str,
    birthday: Option<String>,
    source: &str,
) -> Result<Output> {
    let b = birthday.as_deref();
    store.write(|tx| tx.loyalty().set_birthday(code, b, source, ctx.now))?;
    let w = ctx.words();
    let text = match b {
        Some(b) => w.t_args(
            "cli-birthday-set",
            &[("code", code.into()), ("birthday", b.into())],
        ),
        None => w.t_args("cli-birthday-cleared", &[("code", code.into())]),
    };
    Ok(Output {
        text,
        json: json!({ "code": code, "birthday": b }),
    })
}

/// `customer erase`: only with `--yes`.
fn erase(ctx: &Ctx, code: &str, yes: bool) -> Result<Output> {
    if !yes {
        let w = ctx.words();
        let code = ("code", code.into());
        return Err(UsageError(w.t_args("cli-erase-confirm", &[code])).into());
    }
    let erased = ctx
        .store()?
        .write(|tx| tx.people().erase_customer(code, ctx.now))?;
    Ok(Output {
        text: ctx
            .words()
            .t_args("cli-erased-details", &[("code", erased.as_str().into())]),
        json: json!({ "code": erased, "erased": true }),
    })
}

/// `customer paper-stamps CODE N`: the command line is the owner's, so no PIN is asked.
fn paper_stamps(
    ctx: &Ctx,
    store: &mut Store,
    code: &str,
    stamps: i64,
    by: Option<String>,
) -> Result<Output> {
    let actor = crate::domain::staff::Actor::named(Some(by.as_deref().unwrap_or("owner")));
    let done = store.write(|tx| tx.loyalty().paper_stamps(code, stamps, &actor, ctx.now))?;
    let text = ctx.words().t_args(
        "paper-stamped",
        &[("stamps", done.stamps.into()), ("card", done.card.into())],
    );
    Ok(Output {
        text,
        json: to_json(&done),
    })
}
