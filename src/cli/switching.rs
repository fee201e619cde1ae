//! `regulars import customers` and `regulars export customers`: switching in and out.

use super::args::{ExportCmd, ImportCmd};
use super::commands::Ctx;
use super::{Output, Reported, UsageError};
use crate::domain::import::Format;
use crate::services::switching;
use crate::store::{ImportBatch, ImportPlan, RowAction};
use anyhow::Result;
use serde_json::json;

pub(super) fn import(ctx: &Ctx, cmd: ImportCmd) -> Result<Output> {
    let ImportCmd::Customers {
        file,
        format,
        dry_run,
        skip_bad,
        by,
    } = cmd;
    let w = ctx.words();
    let format = Format::parse(&format).expect("clap checks the format");
    let country = ctx.config.shop.country_code.as_deref();
    let parsed = switching::read(&w, &file, format, country, ctx.now).map_err(UsageError)?;
    let mut store = ctx.store()?;
    let plan = store.read(|tx| tx.people().plan_import(&parsed))?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let mut lines = Vec::new();
    if !dry_run && plan.already.is_none() {
        lines.push(columns(ctx, &parsed.read, &parsed.ignored));
    }
    let bad: Vec<String> = plan.bad.iter().map(|b| switching::bad_row(&w, b)).collect();
    if let Some(done) = &plan.already {
        let text = switching::batch_words(&w, &name, done, true);
        let json = json!({"already": true, "batch": done});
        return Ok(Output { text, json });
    }
    if dry_run {
        lines.push(columns(ctx, &parsed.read, &parsed.ignored));
        lines.extend(planned_lines(ctx, &plan));
        lines.extend(bad.iter().cloned());
        lines.push(switching::summary(&w, &plan));
        lines.push(w.t("import-dry-run"));
        let json = json!({
            "dry_run": true, "format": format, "rows": plan.rows, "bad": plan.bad,
            "read": parsed.read, "ignored": parsed.ignored,
        });
        return Ok(Output {
            text: lines.join("\n"),
            json,
        });
    }
    if !plan.bad.is_empty() && !skip_bad {
        lines.extend(bad);
        lines.push(w.t_args("import-refused", &[("bad", (plan.bad.len() as i64).into())]));
        return Err(Reported {
            text: lines.join("\n"),
            json: json!({"imported": false, "bad": plan.bad}),
            code: 2,
        }
        .into());
    }
    let actor = by
        .or_else(|| std::env::var("USER").ok())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "owner".into());
    let batch = ImportBatch {
        file_name: &name,
        actor: actor.trim(),
        skip_bad,
    };
    let bar = crate::progress::bar(plan.rows.len() as u64, &w.t("import-progress"), ctx.json);
    let imported = store.import_customers(
        &parsed,
        &batch,
        ctx.now,
        &mut rand::random::<u64>,
        &mut |done, _| bar.set_position(done),
    )?;
    bar.finish_and_clear();
    lines.extend(bad);
    let b = &imported.batch;
    lines.push(switching::batch_words(&w, &name, b, false));
    Ok(Output {
        text: lines.join("\n"),
        json: json!({"imported": true, "batch": b, "bad": imported.bad}),
    })
}

fn columns(ctx: &Ctx, read: &[String], ignored: &[String]) -> String {
    ctx.words().t_args(
        "import-columns",
        &[
            ("read", read.join(", ").into()),
            (
                "ignored",
                if ignored.is_empty() {
                    "-".into()
                } else {
                    ignored.join(", ")
                }
                .into(),
            ),
        ],
    )
}

/// A line per good row (a long file shows its first hundred).
fn planned_lines(ctx: &Ctx, plan: &ImportPlan) -> Vec<String> {
    const SHOWN: usize = 100;
    let w = ctx.words();
    plan.rows
        .iter()
        .take(SHOWN)
        .map(|p| {
            let id = match (p.action, p.credited_before) {
                (RowAction::New, _) => "import-row-new",
                (RowAction::Matched, false) => "import-row-matched",
                (RowAction::Matched, true) => "import-row-credited",
            };
            w.t_args(
                id,
                &[
                    ("line", (p.line as i64).into()),
                    ("name", p.name.clone().into()),
                    ("code", p.code.clone().unwrap_or_default().into()),
                    ("points", p.points.into()),
                    ("stamps", p.stamps.into()),
                ],
            )
        })
        .chain((plan.rows.len() > SHOWN).then(|| format!("… ({})", plan.rows.len() - SHOWN)))
        .collect()
}

pub(super) fn export(ctx: &Ctx, cmd: ExportCmd) -> Result<Output> {
    let ExportCmd::Customers { file } = cmd;
    let mut store = ctx.store()?;
    let count = switching::export(&mut store, &file, ctx.now)?;
    let text = ctx.words().t_args(
        "export-done",
        &[
            ("count", (count as i64).into()),
            ("file", file.display().to_string().into()),
        ],
    );
    Ok(Output {
        text,
        json: json!({"customers": count, "file": file}),
    })
}
