//! `regulars setup`: the window's first-run questions in a terminal, for a page server or a
//! back-office machine without a screen. Each question shows its suggestion in brackets (Enter
//! takes it); a wrong answer is refused in the shop's language and asked again; each answer is
//! saved to `config.toml` as it is given (keeping its comments). At the end of the input
//! (Ctrl+D, or a script's answers running out) the suggestions are taken for the rest.

use super::Output;
use super::commands::Ctx;
use crate::config::setup::{self as answers, Earning};
use crate::config::{Change, Config, save_changes};
use crate::domain::money::Currency;
use crate::i18n::{Words, catalog};
use anyhow::Result;
use std::io::{BufRead, Write};

/// Asks on stdout and reads answers from stdin.
struct Asker {
    lines: std::io::Lines<std::io::StdinLock<'static>>,
    /// The input ended: suggestions from here on.
    ended: bool,
    /// Answers come from a file or a pipe: each is shown after its question, as typed.
    echo: bool,
}

impl Asker {
    /// Asks `question` until `check` takes the answer (empty: `suggestion`).
    fn ask<T>(
        &mut self,
        question: &str,
        suggestion: &str,
        mut check: impl FnMut(&str) -> std::result::Result<T, String>,
    ) -> Result<T> {
        loop {
            print!("{question} [{suggestion}]: ");
            let _ = std::io::stdout().flush();
            let typed = match (self.ended, self.lines.next()) {
                (false, Some(line)) => line?,
                _ => {
                    self.ended = true;
                    String::new()
                }
            };
            if self.echo || self.ended {
                println!("{}", typed.trim());
            }
            let answer = match typed.trim() {
                "" => suggestion.to_string(),
                a => a.to_string(),
            };
            match check(&answer) {
                Ok(v) => return Ok(v),
                Err(e) if self.ended => return Err(anyhow::anyhow!(e)),
                Err(e) => println!("{e}"),
            }
        }
    }
}

fn not_saved(w: &Words, e: impl ToString) -> String {
    w.t_args("setup-not-saved", &[("error", e.to_string().into())])
}

pub(super) fn setup(ctx: &Ctx) -> Result<Output> {
    let path = ctx.dir.config_path();
    let fresh = answers::never_set_up(&path) || !ctx.dir.db_path().exists();
    let locale = sys_locale::get_locale().unwrap_or_default();
    let mut a = Asker {
        lines: std::io::stdin().lock().lines(),
        ended: false,
        echo: !std::io::IsTerminal::is_terminal(&std::io::stdin()),
    };
    let mut w = ctx.words();
    println!(
        "{}",
        w.t_args(
            "cli-setup-intro",
            &[("path", ctx.dir.root().display().to_string().into())]
        )
    );
    let name = if fresh {
        w.t("setup-default-name")
    } else {
        ctx.config.shop.name.clone()
    };
    a.ask(&w.t("setup-name"), &name, |n| {
        answers::save_name(&path, n).map_err(|e| not_saved(&w, e))
    })?;
    let tags = catalog().tags().join(", ");
    let language = match fresh {
        true => catalog()
            .best(&locale)
            .map_or(crate::i18n::FALLBACK, |l| l.tag())
            .to_string(),
        false => ctx.config.shop.language.clone(),
    };
    let config = a.ask(
        &format!("{} ({tags})", w.t("setup-language")),
        &language,
        |l| answers::save_language(&path, l).map_err(|e| not_saved(&w, e)),
    )?;
    w = config.shop.words();
    let currency = match fresh {
        true => answers::currency_for_locale(&locale),
        false => ctx.config.shop.currency,
    };
    a.ask(&w.t("setup-currency"), currency.code(), |c| {
        let currency = Currency::from_code(&c.to_ascii_uppercase())
            .map_err(|_| w.t_args("setup-currency-unknown", &[("code", c.into())]))?;
        answers::save_currency(&path, currency).map_err(|e| not_saved(&w, e))
    })?;
    if let Some(code) = answers::calling_code_for_locale(&locale) {
        answers::save_calling_code(&path, &code)?;
    }
    let config = earning(&mut a, &w, &path)?;
    devices(&mut a, &w, &path, &config)?;
    pages(&mut a, ctx, &w, &path)?;
    let config = Config::load(&path)?;
    a.ask(&w.t("setup-pin"), "", |pin| {
        let pin = if pin == "-" { "" } else { pin };
        crate::services::setup::save_pin(&ctx.dir, &config, pin, &w)
    })?;
    let folder = crate::services::setup::usb_folder().unwrap_or_default();
    let (_, made) = a.ask(&w.t("setup-backups"), &folder, |to| {
        let to = if to == "-" { "" } else { to };
        crate::services::setup::backups_folder(&ctx.dir, to, &w)
    })?;
    println!("{made}");
    let config = Config::load(&path)?;
    Ok(Output {
        text: w.t("cli-setup-done"),
        json: serde_json::json!({
            "name": config.shop.name,
            "language": config.shop.language,
            "currency": config.shop.currency.code(),
            "rewards": config.program.rewards.iter().map(|r| &r.name).collect::<Vec<_>>(),
            "printer": config.printer.port.as_str(),
            "scanner": config.scanner.port,
            "public_url": config.portal.public_url,
        }),
    })
}

/// Points or a stamp card, and the first rewards' names.
fn earning(a: &mut Asker, w: &Words, path: &std::path::Path) -> Result<Config> {
    let config = Config::load(path)?;
    let currency = config.shop.currency;
    let (per, min) = answers::amounts_for(currency);
    let money = |m: &str| {
        currency
            .parse_amount(m)
            .map(|minor| w.amount(minor, currency))
            .unwrap_or_default()
    };
    println!(
        "1: {}\n2: {}",
        w.t_args(
            "setup-earning-points",
            &[("points", 1_i64.into()), ("per", money(&per).into())]
        ),
        w.t_args("setup-earning-stamps", &[("min", money(&min).into())])
    );
    let earning = a.ask(&w.t("setup-earning"), "1", |e| match e {
        "1" => Ok(Earning::Points),
        "2" => Ok(Earning::Stamps),
        _ => Err(w.t("cli-setup-one-or-two")),
    })?;
    let mut rewards = answers::default_rewards(w);
    for r in &mut rewards {
        r.name = a.ask(
            &format!("{} ({})", w.t("setup-rewards"), r.cost),
            &r.name.clone(),
            |n| {
                Ok::<_, String>(if n == "-" {
                    String::new()
                } else {
                    n.to_string()
                })
            },
        )?;
    }
    answers::save_earning(path, earning, &rewards).map_err(|e| anyhow::anyhow!(not_saved(w, e)))
}

/// The printer's port and profile and the scanner's port, from the ports this computer has.
fn devices(a: &mut Asker, w: &Words, path: &std::path::Path, config: &Config) -> Result<Config> {
    let ports = crate::devices::transport::ports();
    for p in &ports {
        println!("  {} {}", p.name, p.about);
    }
    let printer = config.printer.port.as_str().to_string();
    a.ask(&w.t("setup-printer"), &printer, |p| {
        save_changes(path, &[Change::set("printer", "port", p)]).map_err(|e| not_saved(w, e))
    })?;
    let profiles = crate::devices::profile::list("printers");
    a.ask(&w.t("printer-profile"), &config.printer.profile, |p| {
        if !profiles.iter().any(|known| known == p) {
            return Err(w.t_args(
                "cli-setup-profile-unknown",
                &[
                    ("profile", p.into()),
                    ("profiles", profiles.join(", ").into()),
                ],
            ));
        }
        save_changes(path, &[Change::set("printer", "profile", p)]).map_err(|e| not_saved(w, e))
    })?;
    let scanner = config.scanner.port.clone().unwrap_or_else(|| "-".into());
    a.ask(
        &format!(
            "{} (-: {})",
            w.t("setup-scanner"),
            w.t("setup-scanner-none")
        ),
        &scanner,
        |p| {
            let change = match p {
                "-" => Change::remove("scanner", "port"),
                p => Change::set("scanner", "port", p),
            };
            save_changes(path, &[change]).map_err(|e| not_saved(w, e))
        },
    )
}

/// The public address, checked as the window's assistant checks it.
fn pages(a: &mut Asker, ctx: &Ctx, w: &Words, path: &std::path::Path) -> Result<()> {
    for line in [
        "setup-pages-wifi",
        "setup-pages-domain",
        "setup-pages-server",
    ] {
        println!("• {}", w.t(line));
    }
    let now = crate::config::shown(&crate::config::written(path), "portal", "public_url")
        .unwrap_or_else(|| "-".into());
    let config = a.ask(
        &format!("{} (-: {})", w.t("setup-pages"), w.t("setup-pages-hint")),
        &now,
        |u| {
            let change = crate::services::setup::pages_change(if u == "-" { "" } else { u }, w)?;
            save_changes(path, &[change]).map_err(|e| not_saved(w, e))
        },
    )?;
    println!("{}", w.t("setup-pages-checking"));
    let (_, said) = crate::portal::start_and_check(&ctx.dir, &config, "");
    println!("{said}");
    Ok(())
}
