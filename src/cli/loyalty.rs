//! Sales, refunds, rewards, points adjustments and referrals from the command line.

use super::Output;
use super::args::*;
use super::commands::{Ctx, to_json};
use super::hardware;
use crate::domain::staff::Actor;
use crate::domain::token::receipt_url;
use crate::store::NewSale;
use anyhow::Result;
use serde_json::json;

pub(super) fn sale(ctx: &Ctx, cmd: SaleCmd) -> Result<Output> {
    match cmd {
        SaleCmd::Record {
            amount,
            customer,
            receipt,
            print,
            by,
        } => record_sale(ctx, &amount, customer, receipt, print, by.as_deref()),
        SaleCmd::Refund {
            receipt,
            amount,
            by,
        } => refund(ctx, &receipt, amount.as_deref(), by.as_deref()),
    }
}

/// `sale record`: the sale and its receipt job commit together, then the receipt is sent.
fn record_sale(
    ctx: &Ctx,
    amount: &str,
    customer: Option<String>,
    receipt: Option<String>,
    print: bool,
    by: Option<&str>,
) -> Result<Output> {
    let amount = ctx.amount(amount)?;
    let by = super::alerts::staff_named(ctx, by)?;
    let printer = print.then(|| ctx.printer()).transpose()?;
    let mut store = ctx.store()?;
    let secret = ctx.dir.secret()?;
    let sale = NewSale {
        amount,
        at: ctx.now,
        customer,
        receipt,
    };
    let url_of = |tx: &crate::store::Tx<'_>, visit_id| {
        let token = tx.counter().receipt_token(visit_id, &secret)?;
        Ok::<_, crate::store::StoreError>(receipt_url(&ctx.config.portal.public_url, &token))
    };
    // The sale and its receipt job commit together, before anything is sent.
    let out = store.write(|tx| {
        let out = tx.counter().record_sale_by(&sale, by.as_deref())?;
        if let Some(p) = &printer
            && !out.duplicate
        {
            crate::printing::enqueue_receipt(
                tx,
                &ctx.config.worker_settings(),
                p,
                &out,
                &url_of(tx, out.visit_id)?,
                &ctx.words().date_time(out.at),
                ctx.now,
            )?;
        }
        Ok(out)
    })?;
    let url = store.read(|tx| url_of(tx, out.visit_id))?;
    let mut json = to_json(&out);
    json["receipt_url"] = serde_json::Value::String(url.clone());
    let delivery = match &printer {
        Some(p) => Some(p.deliver(&mut store, ctx.now)?),
        None => None,
    };
    if let Some(d) = &delivery {
        json["print"] = to_json(d);
    }
    let text = describe_sale(ctx, &mut store, &out, &url)?;
    let text = match &delivery {
        Some(d) => format!("{text}\n{}", hardware::describe_delivery(&ctx.words(), d)),
        None => text,
    };
    if !out.duplicate {
        drop(store);
        json["sent_to_chain"] = serde_json::Value::Bool(send_to_chain(ctx));
    }
    Ok(Output { text, json })
}

/// On a chain's till, sends the sale to the central store before the command ends, so its
/// receipt opens at the chain's page server at once: waits at most 2 seconds and never fails
/// the sale (what is not sent goes at the next sync). Whether it went.
fn send_to_chain(ctx: &Ctx) -> bool {
    let Some(central) = ctx.config.central.clone() else {
        return false;
    };
    let (opener, now) = (ctx.dir.store_opener(&ctx.config), ctx.now);
    let (done, outcome) = std::sync::mpsc::channel();
    let started = std::thread::Builder::new()
        .name("send-sale".into())
        .spawn(move || {
            let sent = opener.open(now).ok().is_some_and(|mut store| {
                let sent = crate::services::sync::send_now(&mut store, &central, now);
                matches!(sent, Ok(Some(done)) if done.to_send == 0)
            });
            let _ = done.send(sent);
        });
    started.is_ok()
        && outcome
            .recv_timeout(std::time::Duration::from_secs(2))
            .unwrap_or(false)
}

/// What the cashier reads about a sale: a repeat of a receipt already recorded, a member's
/// points and progress, or an anonymous sale's page to claim its points.
fn describe_sale(
    ctx: &Ctx,
    store: &mut crate::store::Store,
    out: &crate::store::SaleOutcome,
    url: &str,
) -> Result<String> {
    let w = ctx.words();
    let amount = ctx.money(out.amount);
    let visit = out.visit_id.to_string();
    let text = if out.duplicate {
        w.t_args(
            "cli-sale-duplicate",
            &[
                ("receipt", out.receipt.as_deref().unwrap_or("").into()),
                ("visit", visit.as_str().into()),
                ("amount", amount.as_str().into()),
            ],
        )
    } else if let Some(code) = &out.customer {
        let view = store.customer_view(code, ctx.now)?;
        let mut lines = vec![w.t_args(
            "cli-sale-member",
            &[
                ("amount", amount.as_str().into()),
                ("visit", visit.as_str().into()),
                ("code", code.as_str().into()),
                ("points", out.points_earned.into()),
                ("balance", w.number(out.balance).into()),
            ],
        )];
        if out.vouchers_issued > 0 {
            lines.push(w.t("cli-stamp-complete"));
        }
        if let Some(r) = &out.referral {
            lines.push(crate::services::words::referral(&ctx.words(), r));
        }
        lines.extend(
            view.progress
                .iter()
                .map(|p| w.progress(p.unit, p.remaining, &p.reward_name)),
        );
        lines.push(w.t_args("cli-receipt-page", &[("url", url.into())]));
        lines.join("\n")
    } else {
        w.t_args(
            "cli-sale-anonymous",
            &[
                ("amount", amount.as_str().into()),
                ("visit", visit.as_str().into()),
                ("url", url.into()),
            ],
        )
    };
    Ok(text)
}

/// `sale refund`: all or part of a sale, with the points it earned taken back.
fn refund(ctx: &Ctx, receipt: &str, amount: Option<&str>, by: Option<&str>) -> Result<Output> {
    let amount = amount.map(|a| ctx.amount(a)).transpose()?;
    let mut store = ctx.store()?;
    let mut out = store.write(|tx| {
        tx.counter()
            .refund(receipt, amount, ctx.now, &Actor::named(by))
    })?;
    // On a chain's till the points come back once the central store has answered: ask
    // it now; offline, the next sync does.
    if out.points_pending > 0
        && let Some(central) = &ctx.config.central
    {
        let _ = crate::services::sync::sync_once(&mut store, central, ctx.now);
        let (reversed, pending, balance) =
            store.read(|tx| tx.chain().refund_standing(out.refund_id))?;
        out.points_reversed = reversed;
        out.balance = balance;
        if !pending {
            out.points_pending = 0;
        }
    }
    let w = ctx.words();
    let mut text = w.t_args(
        if out.fully_refunded {
            "cli-refunded-full"
        } else {
            "cli-refunded"
        },
        &[
            ("amount", ctx.money(out.amount).into()),
            ("receipt", out.receipt.as_str().into()),
        ],
    );
    if out.points_due > 0 {
        text.push(' ');
        text.push_str(&w.t_args(
            "cli-points-back",
            &[
                ("points", out.points_reversed.into()),
                ("balance", w.number(out.balance).into()),
            ],
        ));
        if out.points_pending > 0 {
            text.push(' ');
            text.push_str(&w.t_args(
                "cli-points-pending",
                &[("points", out.points_pending.into())],
            ));
        } else if out.points_reversed < out.points_due {
            text.push(' ');
            text.push_str(&w.t_args("cli-points-spent", &[("due", out.points_due.into())]));
        }
    }
    Ok(Output {
        text,
        json: to_json(&out),
    })
}

pub(super) fn reward(ctx: &Ctx, cmd: RewardCmd) -> Result<Output> {
    let mut store = ctx.store()?;
    match cmd {
        RewardCmd::Redeem {
            customer,
            reward,
            by,
        } => {
            let (out, via) = crate::services::sync::redeem(
                &mut store,
                ctx.config.central.as_ref(),
                &customer,
                &reward,
                ctx.now,
                by.as_deref(),
            )?;
            let w = ctx.words();
            let reward = ("reward", out.reward_name.as_str().into());
            let balance = ("balance", out.balance.into());
            let text = if out.paid_with == crate::store::PaidWith::Voucher {
                w.t_args("cli-redeemed-voucher", &[reward, balance])
            } else {
                w.t_args(
                    "cli-redeemed",
                    &[reward, ("points", out.points.into()), balance],
                )
            };
            let mut json = to_json(&out);
            if let Some(via) = via {
                json["via"] = to_json(&via);
            }
            let text = if via == Some(crate::services::sync::RedeemedVia::Allowance) {
                format!("{text}\n{}", w.t("cli-redeemed-offline"))
            } else {
                text
            };
            Ok(Output { text, json })
        }
        RewardCmd::Occasions => {
            let given = store.write(|tx| tx.loyalty().give_occasion_vouchers(ctx.now))?;
            Ok(Output {
                text: ctx.words().t_args(
                    "cli-occasions-given",
                    &[
                        ("birthday", (given.birthday as i64).into()),
                        ("anniversary", (given.anniversary as i64).into()),
                    ],
                ),
                json: super::commands::to_json(&given),
            })
        }
        RewardCmd::List => {
            let program = store
                .current_program()
                .cloned()
                .unwrap_or_else(|| ctx.config.program.clone());
            let text = program
                .rewards
                .iter()
                .map(|r| {
                    let cost = ctx
                        .words()
                        .t_args("cli-points", &[("points", r.cost.into())]);
                    format!("{:<12} {:<24} {cost:>12}", r.id, r.name)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output {
                text,
                json: json!({ "rewards": to_json(&program.rewards) }),
            })
        }
    }
}

pub(super) fn points(ctx: &Ctx, cmd: PointsCmd) -> Result<Output> {
    let PointsCmd::Adjust {
        customer,
        points,
        reason,
        by,
        key,
    } = cmd;
    let mut store = ctx.store()?;
    let out = store.write(|tx| {
        tx.loyalty().adjust(
            &customer,
            points,
            &reason,
            &Actor::named(Some(&by)),
            key.as_deref(),
            ctx.now,
        )
    })?;
    let w = ctx.words();
    let balance = ("balance", out.balance.into());
    let text = if out.duplicate {
        let event = ("event", out.event_id.to_string().into());
        w.t_args("cli-adjusted-already", &[event, balance])
    } else {
        w.t_args(
            if points > 0 {
                "cli-points-added"
            } else {
                "cli-points-removed"
            },
            &[
                ("points", points.abs().into()),
                ("by", by.as_str().into()),
                ("reason", reason.as_str().into()),
                balance,
            ],
        )
    };
    Ok(Output {
        text,
        json: to_json(&out),
    })
}

pub(super) fn referral(ctx: &Ctx, cmd: ReferralCmd) -> Result<Output> {
    let mut store = ctx.store()?;
    match cmd {
        ReferralCmd::Attach { customer, code } => {
            let out = store.write(|tx| tx.loyalty().attach_referral(&customer, &code, ctx.now))?;
            Ok(Output {
                text: crate::services::words::referral(&ctx.words(), &out),
                json: to_json(&out),
            })
        }
        ReferralCmd::List { status, limit } => {
            let list = store.referrals(status.as_deref(), limit)?;
            let w = ctx.words();
            let text = if list.is_empty() {
                w.t("cli-no-referrals")
            } else {
                list.iter()
                    .map(|r| {
                        let why = r
                            .reason
                            .as_deref()
                            .map(|e| format!(": {}", crate::services::words::refusal(&w, e)))
                            .unwrap_or_default();
                        format!(
                            "{}  {} → {}  {}{why}",
                            w.date_time(r.at),
                            r.referrer,
                            r.friend.as_deref().unwrap_or("-"),
                            w.t(&format!("referral-status-{}", r.status.as_str())),
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Output {
                text,
                json: json!({ "referrals": to_json(&list) }),
            })
        }
    }
}
