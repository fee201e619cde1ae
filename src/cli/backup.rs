//! `regulars backup` (make, list, verify) and `regulars restore`.

use super::Output;
use super::args::{BackupArgs, BackupCmd};
use super::commands::{Ctx, to_json};
use crate::backups;
use anyhow::Result;
use serde_json::json;

/// "12 customers, 340 visits, the newest sale on …", in the shop's words.
use crate::services::setup::holds;

pub(super) fn backup(ctx: &Ctx, a: BackupArgs, quiet: bool) -> Result<Output> {
    let w = ctx.words();
    match a.cmd {
        Some(BackupCmd::List { dir }) => {
            let dir = dir.unwrap_or_else(|| ctx.dir.backups_dir());
            let all = backups::list(&dir)?;
            let text = if all.is_empty() {
                w.t_args(
                    "cli-backup-none",
                    &[("dir", dir.display().to_string().into())],
                )
            } else {
                all.iter()
                    .map(|b| {
                        let sum = if b.checksum { "" } else { " *" };
                        format!(
                            "{}  {:>10} KB  {}{sum}",
                            w.date_time(b.at),
                            w.number((b.bytes / 1024) as i64),
                            b.path.display()
                        )
                    })
                    .chain(
                        all.iter()
                            .any(|b| !b.checksum)
                            .then(|| w.t("cli-backup-no-checksum")),
                    )
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            return Ok(Output {
                text,
                json: json!({ "backups": to_json(&all) }),
            });
        }
        Some(BackupCmd::Verify { file }) => {
            let v = backups::verify(&file, ctx.config.backup.passphrase.as_deref())?;
            let id = if v.checksum {
                "cli-backup-good"
            } else {
                "cli-backup-good-unsummed"
            };
            let args = [
                ("path", file.display().to_string().into()),
                ("holds", holds(&w, &v.holds).into()),
            ];
            return Ok(Output {
                text: w.t_args(id, &args),
                json: to_json(&v),
            });
        }
        Some(BackupCmd::Run) => {
            let l = backups::schedule::run_once(&ctx.dir, &ctx.config, ctx.now)?;
            let args = [
                ("path", l.path.display().to_string().into()),
                ("kb", (l.bytes / 1024).into()),
                ("customers", l.customers.into()),
                ("visits", l.visits.into()),
            ];
            let id = if l.encrypted {
                "cli-backup-run-sealed"
            } else {
                "cli-backup-run"
            };
            return Ok(Output {
                text: w.t_args(id, &args),
                json: to_json(&l),
            });
        }
        None => {}
    }
    let store = ctx.store()?;
    let dest = match a.to {
        Some(p) => p,
        None => {
            let dir = ctx.dir.backups_dir();
            std::fs::create_dir_all(&dir).map_err(|source| backups::BackupsError::Io {
                path: dir.clone(),
                source,
            })?;
            dir.join(backups::file_name("regulars", ctx.now))
        }
    };
    let bar = crate::progress::bar(0, &w.t("cli-backing-up"), quiet);
    let made = backups::make(&store, &dest, |done, total| {
        bar.set_length(total.max(0) as u64);
        bar.set_position(done.max(0) as u64);
    })?;
    bar.finish_and_clear();
    backups::schedule::record(&ctx.dir, &backups::schedule::Logged::plain(&made, ctx.now))?;
    Ok(Output {
        text: w.t_args(
            "cli-backup-written",
            &[
                ("path", dest.display().to_string().into()),
                ("kb", (made.bytes / 1024).into()),
                ("holds", holds(&w, &made.holds).into()),
            ],
        ),
        json: to_json(&made),
    })
}

pub(super) fn restore(ctx: &Ctx, file: &std::path::Path) -> Result<Output> {
    let w = ctx.words();
    let mut store = ctx.store()?;
    let r = backups::restore(
        &ctx.dir,
        &mut store,
        file,
        ctx.config.backup.passphrase.as_deref(),
        ctx.now,
    )?;
    Ok(Output {
        text: crate::services::setup::restored_words(&w, file, &r),
        json: to_json(&r),
    })
}
