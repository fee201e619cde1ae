//! `regulars alerts` (what does not add up), `alerts ack`, and the names the checks record:
//! `sale record --by`, `staff card`.

use super::args::{AlertsArgs, AlertsCmd};
use super::commands::Ctx;
use super::{Output, UsageError};
use crate::services::alerts;
use anyhow::Result;
use serde_json::json;

pub(super) fn run(ctx: &Ctx, args: AlertsArgs) -> Result<Output> {
    let mut store = ctx.store()?;
    let w = ctx.words();
    match args.cmd {
        None if args.chain => chain(ctx, args.all),
        None => {
            let list = store.alerts(args.all, args.limit)?;
            let items: Vec<(bool, String)> = list
                .iter()
                .map(|a| (a.acked_at.is_none(), alerts::describe(&w, a)))
                .collect();
            let text = alerts::list_words(&w, args.all, &items);
            Ok(Output {
                text,
                json: json!(list),
            })
        }
        Some(AlertsCmd::Ack { id, note, by }) => {
            let by = by.unwrap_or_else(|| "owner".into());
            let acked = store.write(|tx| tx.checks().ack(id, &note, &by, ctx.now))?;
            Ok(Output {
                text: format!(
                    "{}\n{}",
                    w.t_args("alert-acked-done", &[("id", id.to_string().into())]),
                    alerts::describe(&w, &acked)
                ),
                json: json!({ "alert": acked }),
            })
        }
    }
}

/// The member of staff `--by` names, as the staff list spells them; refused when the shop has
/// staff and the name is not among them (a typo would hide a cashier from the checks).
pub(super) fn staff_named(ctx: &Ctx, by: Option<&str>) -> Result<Option<String>> {
    let Some(by) = by.map(str::trim).filter(|b| !b.is_empty()) else {
        return Ok(None);
    };
    let staff = ctx.store()?.staff()?;
    if staff.is_empty() {
        return Ok(Some(by.to_string()));
    }
    match staff.iter().find(|s| s.name.eq_ignore_ascii_case(by)) {
        Some(s) => Ok(Some(s.name.clone())),
        None => {
            let known: Vec<&str> = staff.iter().map(|s| s.name.as_str()).collect();
            Err(UsageError(ctx.words().t_args(
                "cli-by-unknown",
                &[
                    ("name", by.to_string().into()),
                    ("known", known.join(", ").into()),
                ],
            ))
            .into())
        }
    }
}

/// `staff card NAME CODE` / `--none`: a member of staff's own card.
pub(super) fn staff_card(ctx: &Ctx, name: &str, code: Option<&str>) -> Result<Output> {
    let mut store = ctx.store()?;
    store.write(|tx| tx.checks().set_staff_card(name, code))?;
    let w = ctx.words();
    let staff = store.staff()?;
    let who = staff.iter().find(|s| s.name == name.trim());
    let text = match who.and_then(|s| s.card.clone()) {
        Some(code) => w.t_args(
            "cli-staff-card",
            &[
                ("name", name.trim().to_string().into()),
                ("code", code.into()),
            ],
        ),
        None => w.t_args(
            "cli-staff-card-none",
            &[("name", name.trim().to_string().into())],
        ),
    };
    Ok(Output {
        text,
        json: json!({ "staff": who }),
    })
}

/// `alerts --chain`: every shop's alerts, from the central store.
fn chain(ctx: &Ctx, all: bool) -> Result<Output> {
    let w = ctx.words();
    let Some(central) = &ctx.config.central else {
        return Err(UsageError(crate::services::errors::sync_error(
            &w,
            &crate::services::sync::SyncError::NotConfigured,
        ))
        .into());
    };
    let list = crate::central::Central::open(&central.url)
        .and_then(|mut c| c.alerts(all))
        .map_err(|e| {
            anyhow::anyhow!(crate::services::errors::sync_error(
                &w,
                &crate::services::sync::SyncError::Central(e)
            ))
        })?;
    let items: Vec<(bool, String)> = list
        .iter()
        .map(|a| (a.acked_at.is_none(), alerts::describe_chain(&w, a)))
        .collect();
    let text = alerts::list_words(&w, all, &items);
    Ok(Output {
        text,
        json: json!(list),
    })
}
