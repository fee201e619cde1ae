//! One function per command: open what it needs, call the store, describe the outcome.

use super::args::*;
use super::{
    Output, UsageError, backup, chain, customers, hardware, loyalty, plug, support, switching,
};
use crate::config::Config;
use crate::datadir::DataDir;
use crate::store::Store;
use anyhow::Result;
use serde_json::{Value, json};

/// Everything a command may need, opened once.
pub(super) struct Ctx {
    pub(super) dir: DataDir,
    pub(super) config: Config,
    pub(super) now: i64,
    pub(super) json: bool,
    pub(super) started: std::time::Instant,
}

impl Ctx {
    pub(super) fn open(data: Option<std::path::PathBuf>, json: bool) -> Result<Ctx> {
        let started = std::time::Instant::now();
        let dir = DataDir::resolve(data)?;
        crate::devices::profile::use_own_profiles(dir.root().join("hardware"));
        let tightened = dir.prepare()?;
        let config = dir.config()?;
        if tightened.any() {
            let args = [
                ("path", dir.root().display().to_string().into()),
                ("folders", tightened.folders.into()),
                ("files", tightened.files.into()),
            ];
            eprintln!("{}", config.shop.words().t_args("cli-made-private", &args));
        }
        Ok(Ctx {
            dir,
            config,
            now: crate::clock::now(),
            json,
            started,
        })
    }

    pub(super) fn store(&self) -> Result<Store> {
        Ok(self.dir.open_store(&self.config, self.now)?)
    }

    pub(super) fn printer(&self) -> Result<crate::printing::ReceiptPrinter> {
        crate::printing::ReceiptPrinter::from_config(&self.config, &self.dir).map_err(|e| {
            let why = crate::services::errors::profile_error(&self.words(), &e);
            UsageError(format!("[printer] profile, config.toml: {why}")).into()
        })
    }

    /// Money the shop's way (`3,50 €` in Riga).
    pub(super) fn money(&self, minor: i64) -> String {
        self.words().amount(minor, self.config.shop.currency)
    }

    /// The shop's language, for human output (JSON stays language-neutral).
    pub(super) fn words(&self) -> crate::i18n::Words {
        self.config.shop.words()
    }

    pub(super) fn amount(&self, text: &str) -> Result<i64> {
        let decimal = self.config.shop.words().numbers.decimal_separator;
        Ok(self
            .config
            .shop
            .currency
            .parse_amount_local(text, decimal)?)
    }
}

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("outcomes serialise")
}

/// Runs the command; also gives the language its errors are told in (the shop's, or the
/// system's when the shop's files could not be read).
pub fn execute(cli: Cli) -> (crate::i18n::Words, Result<Output>) {
    // What the package is built with needs no shop.
    if let Some(out) = super::package::without_shop(&cli) {
        return (system_words(), out);
    }
    match Ctx::open(cli.data.clone(), cli.json) {
        Ok(ctx) => (ctx.words(), run_command(&ctx, cli)),
        Err(e) => (system_words(), Err(e)),
    }
}

/// The system's language (the shop's is not known yet, or not needed).
fn system_words() -> crate::i18n::Words {
    let c = crate::i18n::catalog();
    crate::i18n::Words(c.get(crate::i18n::system_default()).unwrap_or(c.fallback()))
}

fn run_command(ctx: &Ctx, cli: Cli) -> Result<Output> {
    let Some(command) = cli.command else {
        let in_use = ctx.dir.in_use()?;
        crate::ui::run(&ctx.dir, &ctx.config, ctx.started, in_use)?;
        return Ok(Output {
            text: String::new(),
            json: json!({}),
        });
    };
    match command {
        Command::Customer(c) => customers::customer(ctx, c),
        Command::Sale(c) => loyalty::sale(ctx, c),
        Command::Reward(c) => loyalty::reward(ctx, c),
        Command::Points(c) => loyalty::points(ctx, c),
        Command::Referral(c) => loyalty::referral(ctx, c),
        Command::Demo(a) => demo(ctx, a, cli.json),
        Command::Stats(a) => stats(ctx, a),
        Command::Import(c) => switching::import(ctx, c),
        Command::Export(c) => switching::export(ctx, c),
        Command::Backup(a) => backup::backup(ctx, a, cli.json),
        Command::Restore { file } => backup::restore(ctx, &file),
        Command::Central(c) => chain::central(ctx, c),
        Command::Sync(a) => chain::sync(ctx, a),
        Command::Simulate(s) => hardware::simulate(ctx, s),
        Command::Devices => hardware::devices(ctx),
        Command::Display(d) => super::display::display(ctx, d),
        Command::Print(p) => hardware::print_cmd(ctx, p),
        Command::Pages(p) => pages(ctx, p),
        Command::Setup => super::setup::setup(ctx),
        Command::Staff(s) => staff(ctx, s),
        Command::Alerts(a) => super::alerts::run(ctx, a),
        Command::Ticket(t) => support::ticket(ctx, t),
        Command::Insights(i) => super::insights::insights(ctx, i),
        Command::Messages(m) => super::messages::messages(ctx, m),
        Command::Completions { .. } | Command::Manual { .. } => {
            unreachable!("answered before the shop is opened")
        }
        Command::Serve {
            bind,
            devices,
            pages_only,
            start_from,
        } => plug::serve(ctx, bind, devices, (pages_only, start_from)),
        Command::Passthrough {
            pos,
            pos_link,
            printer,
            pos_profile,
            pos_baud,
            window,
        } => plug::passthrough(ctx, pos, pos_link, printer, pos_profile, pos_baud, window),
        Command::Scan {
            port,
            profile,
            count,
            seconds,
        } => hardware::scan(ctx, port, profile, count, seconds, cli.json),
    }
}

fn demo(ctx: &Ctx, a: DemoArgs, quiet: bool) -> Result<Output> {
    use crate::demo::shops;
    let config = match &a.language {
        Some(tag) => {
            let tag = crate::i18n::catalog().get(tag)?.tag();
            let shop = shops::shop(tag).expect("a demo shop for every shipped language");
            if ctx.dir.db_path().exists() {
                return Err(UsageError(format!(
                    "demo --language makes a new shop, and {} already has a database: use \
                     --data DIR with a new folder",
                    ctx.dir.root().display()
                ))
                .into());
            }
            shop.write_config(&ctx.dir.root().join("config.toml"))?;
            ctx.dir.config()?
        }
        None => ctx.config.clone(),
    };
    let names = shops::shop(&config.shop.language).map_or(&shops::ENGLISH, |s| &s.names);
    let mut store = ctx.dir.open_store(&config, ctx.now)?;
    let report = crate::demo::generate(
        &mut store,
        &crate::demo::DemoPlan {
            customers: a.customers,
            days: a.days,
            seed: a.seed,
            end: ctx.now,
            names,
        },
        !quiet,
    )?;
    let mut report = report;
    if a.with_fraud {
        report.planted = crate::demo::fraud::plant(&mut store, ctx.now)?;
    }
    let planted: Vec<String> = report
        .planted
        .iter()
        .map(|p| {
            format!(
                "  {} {}: {}",
                if p.found { "found" } else { "MISSED" },
                p.kind.as_str(),
                p.events.join(", ")
            )
        })
        .collect();
    let text = format!(
        "Demo shop ready in {}: {} customers, {} visits ({} anonymous), {} refunds, {} redemptions, \
         {} referrals, in {:.1} s.\nChecks: {} alerts over the history ({:.2} per 1,000 members a week).{}\nTry: regulars --data {} stats",
        ctx.dir.root().display(),
        report.customers,
        report.visits,
        report.anonymous_visits,
        report.refunds,
        report.redemptions,
        report.referrals,
        report.seconds,
        report.alerts,
        report.alerts_per_1000_members_week,
        if planted.is_empty() {
            String::new()
        } else {
            format!(
                "\nPlanted (staff Cara, PIN 4071; Owen, owner, PIN 9020):\n{}",
                planted.join("\n")
            )
        },
        ctx.dir.root().display()
    );
    Ok(Output {
        text,
        json: to_json(&report),
    })
}

/// Start of a local calendar day, as unix seconds.
/// The start of a YYYY-MM-DD day (UTC, as the figures count days), in unix seconds.
fn day_start(w: &crate::i18n::Language, text: &str, what: &str) -> Result<i64> {
    crate::report::day_of(text)
        .map(|d| d * 86_400)
        .ok_or_else(|| {
            let args = [("option", what.into()), ("text", text.into())];
            UsageError(w.t_args("cli-not-a-date", &args)).into()
        })
}

fn stats(ctx: &Ctx, a: StatsArgs) -> Result<Output> {
    if a.rebuild {
        let mut store = ctx.store()?;
        let r = store.rebuild_aggregates()?;
        let w = ctx.words();
        let text = if r.matched {
            w.t("cli-rebuild-matched")
        } else {
            let tables = r
                .differences
                .iter()
                .map(|(t, n)| {
                    w.t_args(
                        "cli-rebuild-table",
                        &[("table", t.as_str().into()), ("rows", (*n).into())],
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            w.t_args("cli-rebuild-done", &[("tables", tables.into())])
        };
        return Ok(Output {
            text,
            json: to_json(&r),
        });
    }
    let from = a
        .from
        .as_deref()
        .map(|d| day_start(&ctx.words(), d, "--from"))
        .transpose()?;
    let to =
        a.to.as_deref()
            .map(|d| day_start(&ctx.words(), d, "--to").map(|s| s + 86_400))
            .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        return Err(UsageError(ctx.words().t("cli-range-backwards")).into());
    }
    if a.all_shops {
        return chain::all_shops(ctx, from, to);
    }
    let mut store = ctx.store()?;
    let today = ctx.now.div_euclid(86_400);
    let from_day = match &a.from {
        Some(d) => crate::report::day_of(d).expect("checked above"),
        None => store.read(|tx| tx.figures().first_day())?.unwrap_or(today),
    };
    let to_day = match &a.to {
        Some(d) => crate::report::day_of(d).expect("checked above"),
        None => today,
    };
    let f = store.figures(from_day, to_day.max(from_day), ctx.now)?;
    let s = store.stats_with_members(from, to, ctx.now, (f.visiting_members, f.repeat_members))?;
    let w = ctx.words();
    let range = [
        ("from", crate::report::day_label(f.from_day).into()),
        ("to", crate::report::day_label(f.to_day).into()),
    ];
    let mut rows = vec![
        (w.t("cli-stats-customers"), w.number(s.customers)),
        (
            w.t("cli-stats-sales"),
            w.t_args(
                "cli-stats-sales-value",
                &[
                    ("sales", ctx.money(s.sales_total).into()),
                    ("refunds", ctx.money(s.refunds_total).into()),
                ],
            ),
        ),
    ];
    rows.extend(crate::report::headline(&f, &w, ctx.config.shop.currency));
    rows.extend(crate::report::support_rows(&f.support, &w));
    let mut text = w.t_args("dash-range", &range);
    for (name, value) in rows {
        text.push('\n');
        text.push_str(&w.t_args(
            "dash-row",
            &[("name", name.into()), ("value", value.into())],
        ));
    }
    let [waits, staff] = crate::report::support_tables(&f.support, &w);
    text.push_str(&format!("\n\n{}", w.t("dash-waits")));
    text.push_str(&table_text(&waits));
    if staff.len() > 1 {
        text.push_str(&format!("\n\n{}", w.t("dash-by-staff")));
        text.push_str(&table_text(&staff));
    }
    if !f.support.common_problems.is_empty() {
        text.push_str(&format!("\n\n{}", w.t("dash-common-problems")));
        text.push_str(&table_text(&crate::report::problems_table(&f.support, &w)));
    }
    if let Some(dir) = &a.csv {
        let files = crate::report::write_csv(dir, &f, &mut store, ctx.config.shop.currency)?;
        text.push('\n');
        text.push_str(&w.t_args(
            "cli-stats-csv",
            &[
                ("count", files.len().into()),
                ("dir", dir.display().to_string().into()),
            ],
        ));
    }
    let mut json = to_json(&s);
    json["figures"] = to_json(&f);
    Ok(Output { text, json })
}

/// A table as aligned columns of text (widths in characters, so any script lines up as far as
/// a terminal can).
fn table_text(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        out.push_str("\n ");
        for (i, cell) in r.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            out.push_str(&format!(" {cell}{}", " ".repeat(pad)));
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
    }
    out
}

fn staff(ctx: &Ctx, cmd: StaffCmd) -> Result<Output> {
    use crate::domain::staff::Role;
    let mut store = ctx.store()?;
    match cmd {
        StaffCmd::Add {
            name,
            role,
            pin,
            card,
        } => {
            let role =
                Role::parse(&role).ok_or_else(|| UsageError(ctx.words().t("cli-bad-role")))?;
            let added = store.write(|tx| {
                let mut added =
                    tx.counter()
                        .add_staff(&name, role, &pin, rand::random(), ctx.now)?;
                if let Some(card) = card.as_deref() {
                    added.card = tx.checks().set_staff_card(&added.name, Some(card))?;
                }
                Ok(added)
            })?;
            let w = ctx.words();
            Ok(Output {
                text: w.t_args(
                    "cli-staff-added",
                    &[
                        ("name", added.name.as_str().into()),
                        ("role", w.role(added.role).into()),
                    ],
                ),
                json: to_json(&added),
            })
        }
        StaffCmd::Card { name, code, none } => {
            drop(store);
            super::alerts::staff_card(ctx, &name, if none { None } else { code.as_deref() })
        }
        StaffCmd::List => {
            let all = store.staff()?;
            let w = ctx.words();
            let text = if all.is_empty() {
                w.t("cli-staff-none")
            } else {
                all.iter()
                    .map(|s| format!("{} ({})", s.name, w.role(s.role)))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Output {
                text,
                json: json!({ "staff": to_json(&all) }),
            })
        }
    }
}

/// `regulars pages check`: exit 0 when the address answers as this shop's pages.
fn pages(ctx: &Ctx, cmd: super::args::PagesCmd) -> Result<Output> {
    let super::args::PagesCmd::Check { url } = cmd;
    let url = url.unwrap_or_else(|| ctx.config.portal.public_url.clone());
    let known = crate::services::reach::known(ctx.dir.secret()?, &mut ctx.store()?)?;
    let checked = crate::services::reach::check(&url, &known, ctx.now);
    let text = crate::services::reach::check_words(&ctx.words(), &checked);
    let json = serde_json::to_value(&checked)?;
    if checked.reachable {
        Ok(Output { text, json })
    } else {
        Err(super::Reported {
            text,
            json,
            code: 1,
        }
        .into())
    }
}
