//! `regulars central init`, `regulars sync` and `regulars sync status`.

use super::args::{CentralCmd, SyncArgs, SyncCmd};
use super::commands::{Ctx, to_json};
use super::{Output, UsageError};
use crate::central::Central;
use crate::config::{CentralConfig, redacted};
use crate::services::sync::{SyncError, sync_once};
use anyhow::Result;
use serde_json::json;

fn configured(ctx: &Ctx) -> Result<&CentralConfig> {
    ctx.config
        .central
        .as_ref()
        .ok_or_else(|| SyncError::NotConfigured.into())
}

pub(super) fn central(ctx: &Ctx, c: CentralCmd) -> Result<Output> {
    let CentralCmd::Init { url } = c;
    let url = match url {
        Some(u) => u,
        None => match &ctx.config.central {
            Some(c) => c.url.clone(),
            None => {
                return Err(UsageError(
                    "give --url postgresql://user@host/database, or set [central] url in config.toml"
                        .into(),
                )
                .into());
            }
        },
    };
    let (before, after) = Central::connect(&url)?.init()?;
    let w = ctx.words();
    Ok(Output {
        text: w.t_args(
            "cli-central-init",
            &[
                ("url", redacted(&url).into()),
                ("version", after.into()),
                ("before", before.into()),
            ],
        ),
        json: json!({ "url": redacted(&url), "version": after, "before": before }),
    })
}

pub(super) fn sync(ctx: &Ctx, a: SyncArgs) -> Result<Output> {
    let config = configured(ctx)?;
    if let Some(SyncCmd::Status) = a.cmd {
        return status(ctx, config);
    }
    let mut store = ctx.store()?;
    let done = sync_once(&mut store, config, ctx.now)?;
    let w = ctx.words();
    let mut text = w.t_args(
        "cli-sync-done",
        &[
            ("sent", done.sent.into()),
            ("duplicates", done.duplicates.into()),
            ("rejected", done.rejected.into()),
            ("received", done.received.into()),
            ("to_send", done.to_send.into()),
        ],
    );
    if done.problems > 0 {
        text.push('\n');
        text.push_str(&w.t_args("cli-sync-problems", &[("problems", done.problems.into())]));
    }
    Ok(Output {
        text,
        json: to_json(&done),
    })
}

fn status(ctx: &Ctx, config: &CentralConfig) -> Result<Output> {
    let w = ctx.words();
    let mut store = ctx.store()?;
    let here = store.read(|t| t.chain().sync_state())?;
    let problems = store.read(|t| t.chain().sync_problems(20))?;
    let when = |at: Option<i64>| match at {
        Some(at) if at > 0 => w.date_time(at),
        _ => w.t("cli-sync-never"),
    };
    let mut lines = Vec::new();
    match &here {
        Some(s) => {
            lines.push(w.t_args(
                "cli-sync-this-till",
                &[
                    ("till", s.till_id.clone().into()),
                    ("shop", s.shop_id.clone().into()),
                    ("when", when(s.last_contact).into()),
                    ("to_send", s.to_send.into()),
                    ("rejected", s.rejected.into()),
                    ("problems", s.problems.into()),
                ],
            ));
            if let (Some(since), Some(error)) = (s.offline_since, &s.last_error) {
                lines.push(w.t_args(
                    "cli-sync-offline",
                    &[
                        ("since", w.date_time(since).into()),
                        ("error", error.clone().into()),
                    ],
                ));
            }
        }
        None => lines.push(w.t_args(
            "cli-sync-not-joined",
            &[("till", config.till_id.clone().into())],
        )),
    }
    for (at, detail) in &problems {
        lines.push(format!("  {}: {detail}", w.date_time(*at)));
    }
    let chain = Central::open(&config.url).and_then(|mut c| {
        let (newest, tills) = c.tills()?;
        Ok((newest, tills, c.rejected_count()?))
    });
    let chain_json = match &chain {
        Ok((newest, tills, rejected)) => {
            lines.push(w.t("cli-sync-chain"));
            for t in tills {
                lines.push(format!(
                    "  {}",
                    w.t_args(
                        "cli-sync-chain-till",
                        &[
                            ("till", t.till_id.clone().into()),
                            ("shop", t.shop_id.clone().into()),
                            ("when", when(Some(t.last_contact)).into()),
                            ("to_send", t.to_send.into()),
                            ("behind", (newest - t.cursor).max(0).into()),
                        ],
                    )
                ));
            }
            json!({ "newest": newest, "tills": to_json(tills), "rejected": rejected })
        }
        Err(e) => {
            lines.push(w.t_args("cli-sync-unreachable", &[("error", e.to_string().into())]));
            json!(null)
        }
    };
    Ok(Output {
        text: lines.join("\n"),
        json: json!({
            "till": here.as_ref().map(to_json),
            "problems": problems.iter().map(|(at, d)| json!({"at": at, "detail": d})).collect::<Vec<_>>(),
            "chain": chain_json,
        }),
    })
}

/// `regulars stats --all-shops`: visits, sales, members, points, new members, ratings and
/// tickets per shop and for the chain.
pub(super) fn all_shops(ctx: &Ctx, from: Option<i64>, to: Option<i64>) -> Result<Output> {
    let config = configured(ctx)?;
    let crate::central::ChainFigures { shops, total } = Central::open(&config.url)?
        .shop_figures(from.unwrap_or(i64::MIN), to.unwrap_or(i64::MAX))?;
    let w = ctx.words();
    let line = |name: String, f: &crate::central::ShopFigures| {
        w.t_args(
            "cli-stats-shop",
            &[
                ("shop", name.into()),
                ("visits", f.visits.into()),
                ("sales", ctx.money(f.sales).into()),
                ("refunds", ctx.money(f.refunds).into()),
                ("members", f.members.into()),
                ("returning", f.returning.into()),
                ("earned", f.points_earned.into()),
                ("redeemed", f.points_redeemed.into()),
            ],
        )
    };
    let service = |name: String, f: &crate::central::ShopFigures| {
        let average = f
            .average_rating()
            .map_or_else(|| "–".to_string(), |r| w.numbers.fixed(r, 2));
        w.t_args(
            "cli-stats-shop-service",
            &[
                ("shop", name.into()),
                ("new", f.new_members.into()),
                ("ratings", f.ratings.into()),
                ("average", average.into()),
                ("tickets", f.tickets.into()),
                ("resolved", f.tickets_resolved.into()),
            ],
        )
    };
    let mut lines = Vec::new();
    for s in &shops {
        lines.push(line(s.shop_id.clone(), s));
        lines.push(service(s.shop_id.clone(), s));
    }
    lines.push(line(w.t("cli-stats-all-shops"), &total));
    lines.push(service(w.t("cli-stats-all-shops"), &total));
    Ok(Output {
        text: lines.join("\n"),
        json: json!({ "shops": to_json(&shops), "total": to_json(&total) }),
    })
}
