//! One function per command: open what it needs, call the store, describe the outcome.

use super::args::*;
use super::{Output, UsageError, hardware};
use crate::config::Config;
use crate::datadir::DataDir;
use crate::domain::token::receipt_url;
use crate::store::{CustomerView, NewCustomer, NewSale, Store};
use anyhow::{Context, Result};
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
    fn open(data: Option<std::path::PathBuf>, json: bool) -> Result<Ctx> {
        let started = std::time::Instant::now();
        let dir = DataDir::resolve(data)?;
        dir.prepare()?;
        let config = dir.config()?;
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
        crate::printing::ReceiptPrinter::from_config(&self.config, &self.dir)
            .map_err(|e| UsageError(format!("[printer] in config.toml: {e}")).into())
    }

    /// Money the shop's way (`3,50 €` in Riga).
    fn money(&self, minor: i64) -> String {
        self.words().amount(minor, self.config.shop.currency)
    }

    /// The shop's language, for human output (JSON stays language-neutral).
    pub(super) fn words(&self) -> crate::i18n::Words {
        self.config.shop.words()
    }

    fn amount(&self, text: &str) -> Result<i64> {
        let decimal = self.config.shop.words().numbers.decimal_separator;
        Ok(self
            .config
            .shop
            .currency
            .parse_amount_local(text, decimal)?)
    }
}

use crate::clock::local_time;

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("outcomes serialise")
}

pub fn execute(cli: Cli) -> Result<Output> {
    let ctx = Ctx::open(cli.data, cli.json)?;
    let Some(command) = cli.command else {
        crate::ui::run(&ctx.dir, &ctx.config, ctx.started)?;
        return Ok(Output {
            text: String::new(),
            json: json!({}),
        });
    };
    match command {
        Command::Customer(c) => customer(&ctx, c),
        Command::Sale(c) => sale(&ctx, c),
        Command::Reward(c) => reward(&ctx, c),
        Command::Points(c) => points(&ctx, c),
        Command::Referral(c) => referral(&ctx, c),
        Command::Demo(a) => demo(&ctx, a, cli.json),
        Command::Stats(a) => stats(&ctx, a),
        Command::Backup(a) => backup(&ctx, a, cli.json),
        Command::Simulate(s) => hardware::simulate(&ctx, s),
        Command::Devices => hardware::devices(),
        Command::Print(p) => hardware::print_cmd(&ctx, p),
        Command::Staff(s) => staff(&ctx, s),
        Command::Ticket(t) => ticket(&ctx, t),
        Command::Serve { bind, devices } => serve(&ctx, bind, devices),
        Command::Passthrough {
            pos,
            pos_link,
            printer,
            pos_profile,
            pos_baud,
            window,
        } => passthrough(&ctx, pos, pos_link, printer, pos_profile, pos_baud, window),
        Command::Scan {
            port,
            profile,
            count,
            seconds,
        } => hardware::scan(&ctx, port, profile, count, seconds, cli.json),
    }
}

fn describe_customer(ctx: &Ctx, v: &CustomerView) -> String {
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

fn customer(ctx: &Ctx, cmd: CustomerCmd) -> Result<Output> {
    let mut store = ctx.store()?;
    match cmd {
        CustomerCmd::Add {
            name,
            phone,
            email,
            referred_by,
            language,
        } => {
            let language = language
                .map(|l| crate::i18n::catalog().get(&l).map(|l| l.tag().to_string()))
                .transpose()?;
            let new = NewCustomer {
                name,
                phone,
                email,
                referred_by,
                language,
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
                text.push_str(&r.message);
            }
            Ok(Output {
                text,
                json: to_json(&e),
            })
        }
        CustomerCmd::Show { code } => {
            let v = store.customer_view(&code, ctx.now)?;
            Ok(Output {
                text: describe_customer(ctx, &v),
                json: to_json(&v),
            })
        }
        CustomerCmd::Find { text, limit } => {
            let found = store.read(|tx| tx.find_customers(&text, limit, ctx.now))?;
            let text_out = if found.is_empty() {
                format!("No customer matches '{text}'. Enroll them with `regulars customer add`.")
            } else {
                found
                    .iter()
                    .map(|v| {
                        format!(
                            "{}  {:<30} {:>6} points  {} visits",
                            v.code,
                            v.name.as_deref().unwrap_or("(erased)"),
                            v.balance,
                            v.visits
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Output {
                text: text_out,
                json: json!({ "customers": to_json(&found) }),
            })
        }
        CustomerCmd::Export { code, out } => {
            let data = store.read(|tx| tx.export_customer(&code))?;
            let pretty = serde_json::to_string_pretty(&data)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &pretty)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    Ok(Output {
                        text: format!("Wrote everything held about {code} to {}.", path.display()),
                        json: json!({ "written": path }),
                    })
                }
                None => Ok(Output {
                    text: pretty,
                    json: data,
                }),
            }
        }
        CustomerCmd::Timeline { code, limit } => {
            let entries = store.read(|tx| tx.timeline(&code, limit))?;
            let text = entries
                .iter()
                .map(|e| format!("{}  {:<13} {}", local_time(e.at), e.kind, e.text))
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output {
                text,
                json: json!({ "timeline": to_json(&entries) }),
            })
        }
        CustomerCmd::Note { code, text, by } => {
            let id =
                store.write(|tx| tx.add_customer_note(&code, &text, by.as_deref(), ctx.now))?;
            Ok(Output {
                text: format!("Note added to {code}'s timeline."),
                json: json!({ "note_id": id }),
            })
        }
        CustomerCmd::Erase { code, yes } => {
            if !yes {
                return Err(UsageError(format!(
                    "erasing {code} removes their name, phone, email and notes for good: \
                     add --yes to confirm"
                ))
                .into());
            }
            let erased = store.write(|tx| tx.erase_customer(&code, ctx.now))?;
            Ok(Output {
                text: format!(
                    "Erased the personal details of {erased}. Visits and points stay as anonymous numbers."
                ),
                json: json!({ "code": erased, "erased": true }),
            })
        }
    }
}

fn sale(ctx: &Ctx, cmd: SaleCmd) -> Result<Output> {
    match cmd {
        SaleCmd::Record {
            amount,
            customer,
            receipt,
            print,
        } => {
            let amount = ctx.amount(&amount)?;
            let printer = print.then(|| ctx.printer()).transpose()?;
            let mut store = ctx.store()?;
            let secret = ctx.dir.secret()?;
            let sale = NewSale {
                amount,
                at: ctx.now,
                customer,
                receipt,
            };
            let url_of =
                |visit_id| receipt_url(&ctx.config.portal.public_url, &secret.sign_visit(visit_id));
            // The sale and its receipt job commit together, before anything is sent.
            let out = store.write(|tx| {
                let out = tx.record_sale(&sale)?;
                if let Some(p) = &printer
                    && !out.duplicate
                {
                    crate::printing::enqueue_receipt(
                        tx,
                        &ctx.config,
                        p,
                        &out,
                        &url_of(out.visit_id),
                        &ctx.words().date_time(out.at),
                        ctx.now,
                    )?;
                }
                Ok(out)
            })?;
            let url = url_of(out.visit_id);
            let mut json = to_json(&out);
            json["receipt_url"] = Value::String(url.clone());
            let delivery = match &printer {
                Some(p) => Some(p.deliver(&mut store, ctx.now)?),
                None => None,
            };
            if let Some(d) = &delivery {
                json["print"] = to_json(d);
            }
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
                    lines.push(r.message.clone());
                }
                lines.extend(
                    view.progress
                        .iter()
                        .map(|p| w.progress(p.unit, p.remaining, &p.reward_name)),
                );
                lines.push(w.t_args("cli-receipt-page", &[("url", url.as_str().into())]));
                lines.join("\n")
            } else {
                w.t_args(
                    "cli-sale-anonymous",
                    &[
                        ("amount", amount.as_str().into()),
                        ("visit", visit.as_str().into()),
                        ("url", url.as_str().into()),
                    ],
                )
            };
            let text = match &delivery {
                Some(d) => format!("{text}\n{}", hardware::describe_delivery(&ctx.words(), d)),
                None => text,
            };
            Ok(Output { text, json })
        }
        SaleCmd::Refund {
            receipt,
            amount,
            by,
        } => {
            let amount = amount.map(|a| ctx.amount(&a)).transpose()?;
            let mut store = ctx.store()?;
            let out = store.write(|tx| tx.refund(&receipt, amount, ctx.now, by.as_deref()))?;
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
                if out.points_reversed < out.points_due {
                    text.push(' ');
                    text.push_str(&w.t_args("cli-points-spent", &[("due", out.points_due.into())]));
                }
            }
            Ok(Output {
                text,
                json: to_json(&out),
            })
        }
    }
}

fn reward(ctx: &Ctx, cmd: RewardCmd) -> Result<Output> {
    let mut store = ctx.store()?;
    match cmd {
        RewardCmd::Redeem {
            customer,
            reward,
            by,
        } => {
            let out = store.write(|tx| tx.redeem(&customer, &reward, ctx.now, by.as_deref()))?;
            let text = if out.paid_with == "voucher" {
                format!(
                    "Redeemed {} with the stamp card voucher. Balance {} points.",
                    out.reward_name, out.balance
                )
            } else {
                format!(
                    "Redeemed {} for {} points. Balance {} points.",
                    out.reward_name, out.points, out.balance
                )
            };
            Ok(Output {
                text,
                json: to_json(&out),
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
                .map(|r| format!("{:<12} {:<24} {:>5} points", r.id, r.name, r.cost))
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output {
                text,
                json: json!({ "rewards": to_json(&program.rewards) }),
            })
        }
    }
}

fn points(ctx: &Ctx, cmd: PointsCmd) -> Result<Output> {
    let PointsCmd::Adjust {
        customer,
        points,
        reason,
        by,
        key,
    } = cmd;
    let mut store = ctx.store()?;
    let out =
        store.write(|tx| tx.adjust(&customer, points, &reason, &by, key.as_deref(), ctx.now))?;
    let text = if out.duplicate {
        format!(
            "This adjustment was already made (event {}): nothing changed. Balance {} points.",
            out.event_id, out.balance
        )
    } else {
        format!(
            "{} {} points by {by} ({reason}). Balance {} points.",
            if points > 0 { "Added" } else { "Removed" },
            points.abs(),
            out.balance
        )
    };
    Ok(Output {
        text,
        json: to_json(&out),
    })
}

fn referral(ctx: &Ctx, cmd: ReferralCmd) -> Result<Output> {
    let mut store = ctx.store()?;
    match cmd {
        ReferralCmd::Attach { customer, code } => {
            let out = store.write(|tx| tx.attach_referral(&customer, &code, ctx.now))?;
            Ok(Output {
                text: out.message.clone(),
                json: to_json(&out),
            })
        }
        ReferralCmd::List { status, limit } => {
            let list = store.referrals(status.as_deref(), limit)?;
            let text = if list.is_empty() {
                "No referrals.".to_string()
            } else {
                list.iter()
                    .map(|r| {
                        format!(
                            "{}  {} → {}  {}{}",
                            local_time(r.at),
                            r.referrer,
                            r.friend.as_deref().unwrap_or("-"),
                            r.status,
                            r.explanation
                                .as_deref()
                                .map(|e| format!(": {e}"))
                                .unwrap_or_default()
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
    let text = format!(
        "Demo shop ready in {}: {} customers, {} visits ({} anonymous), {} refunds, {} redemptions, \
         {} referrals, in {:.1} s.\nTry: regulars --data {} stats",
        ctx.dir.root().display(),
        report.customers,
        report.visits,
        report.anonymous_visits,
        report.refunds,
        report.redemptions,
        report.referrals,
        report.seconds,
        ctx.dir.root().display()
    );
    Ok(Output {
        text,
        json: to_json(&report),
    })
}

/// Start of a local calendar day, as unix seconds.
/// The start of a YYYY-MM-DD day (UTC, as the figures count days), in unix seconds.
fn day_start(text: &str, what: &str) -> Result<i64> {
    crate::report::day_of(text)
        .map(|d| d * 86_400)
        .ok_or_else(|| {
            UsageError(format!(
                "{what} '{text}' is not a date: use YYYY-MM-DD, e.g. 2026-03-01"
            ))
            .into()
        })
}

fn stats(ctx: &Ctx, a: StatsArgs) -> Result<Output> {
    if a.rebuild {
        let mut store = ctx.store()?;
        let r = store.rebuild_aggregates()?;
        let text = if r.matched {
            "The aggregates matched the raw rows: nothing to change.".to_string()
        } else {
            format!(
                "The aggregates differed from the raw rows and were rebuilt ({}).",
                r.differences
                    .iter()
                    .map(|(t, n)| format!("{t}: {n} rows"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Ok(Output {
            text,
            json: to_json(&r),
        });
    }
    let from = a
        .from
        .as_deref()
        .map(|d| day_start(d, "--from"))
        .transpose()?;
    let to =
        a.to.as_deref()
            .map(|d| day_start(d, "--to").map(|s| s + 86_400))
            .transpose()?;
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        return Err(UsageError("--from must be on or before --to".into()).into());
    }
    let mut store = ctx.store()?;
    let today = ctx.now.div_euclid(86_400);
    let from_day = match &a.from {
        Some(d) => crate::report::day_of(d).expect("checked above"),
        None => store.read(|tx| tx.first_day())?.unwrap_or(today),
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
    let mut text = w.t_args("dash-range", &range);
    for (name, value) in rows {
        text.push('\n');
        text.push_str(&w.t_args(
            "dash-row",
            &[("name", name.into()), ("value", value.into())],
        ));
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

fn backup(ctx: &Ctx, a: BackupArgs, quiet: bool) -> Result<Output> {
    let store = ctx.store()?;
    let dest = match a.to {
        Some(p) => p,
        None => {
            let dir = ctx.dir.backups_dir();
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let stamp = jiff::Timestamp::from_second(ctx.now)?
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y%m%d-%H%M%S")
                .to_string();
            dir.join(format!("regulars-{stamp}.db"))
        }
    };
    let w = ctx.words();
    if dest.exists() {
        return Err(UsageError(w.t_args(
            "cli-backup-exists",
            &[("path", dest.display().to_string().into())],
        ))
        .into());
    }
    let bar = crate::progress::bar(0, "backing up", quiet);
    store.backup(&dest, |done, total| {
        bar.set_length(total.max(0) as u64);
        bar.set_position(done.max(0) as u64);
    })?;
    bar.finish_and_clear();
    let size = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
    Ok(Output {
        text: w.t_args(
            "cli-backup-written",
            &[
                ("path", dest.display().to_string().into()),
                ("kb", (size / 1024).into()),
            ],
        ),
        json: json!({ "path": dest, "bytes": size }),
    })
}

fn staff(ctx: &Ctx, cmd: StaffCmd) -> Result<Output> {
    use crate::domain::staff::Role;
    let mut store = ctx.store()?;
    match cmd {
        StaffCmd::Add { name, role, pin } => {
            let role =
                Role::parse(&role).ok_or_else(|| UsageError("role is cashier or owner".into()))?;
            let added =
                store.write(|tx| tx.add_staff(&name, role, &pin, rand::random(), ctx.now))?;
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

fn describe_ticket(t: &crate::store::TicketView) -> String {
    let who = match (&t.customer, &t.customer_name) {
        (Some(code), Some(name)) => format!("{name} ({code})"),
        (Some(code), None) => code.clone(),
        _ => "anonymous receipt".into(),
    };
    let visit = t
        .visit_id
        .map(|v| format!(" · visit V{v}"))
        .unwrap_or_default();
    let contact = match (&t.contact_via, &t.contact) {
        (Some(via), Some(c)) => format!(" · reply by {}: {c}", via.label()),
        (Some(via), None) => format!(" · reply by {}", via.label()),
        _ => String::new(),
    };
    format!(
        "#{:<5} [{}] priority {} · severity {} · {} · {}{}{}\n       {}",
        t.id,
        t.status.as_str(),
        t.priority,
        t.severity,
        who,
        t.channel.label(),
        visit,
        contact,
        t.summary
    )
}

fn ticket(ctx: &Ctx, cmd: TicketCmd) -> Result<Output> {
    use crate::domain::support::{Channel, ContactVia, Status};
    use crate::store::{NewTicket, TicketFilter};
    let mut store = ctx.store()?;
    let one = |t: crate::store::TicketView, what: &str| Output {
        text: format!("{what}\n{}", describe_ticket(&t)),
        json: to_json(&t),
    };
    let mv = |store: &mut Store, id: i64, to: Status, note: Option<String>, by: Option<String>| {
        store
            .write(|tx| tx.set_ticket_status(id, to, note.as_deref(), by.as_deref(), None, ctx.now))
    };
    match cmd {
        TicketCmd::Add {
            customer,
            receipt,
            channel,
            summary,
            severity,
            contact_via,
            contact,
            by,
        } => {
            let contact_via = match contact_via.as_deref() {
                Some(text) => Some(ContactVia::parse(text).ok_or_else(|| {
                    UsageError(format!(
                        "--contact-via {text}: use phone, email, sms or in_store"
                    ))
                })?),
                None => None,
            };
            let channel = Channel::parse(&channel).expect("clap checked the channel");
            let t = store.write(|tx| {
                let visit_id = receipt
                    .as_deref()
                    .map(|r| tx.visit_id_for_receipt(r))
                    .transpose()?;
                tx.open_ticket(&NewTicket {
                    customer: customer.clone(),
                    visit_id,
                    channel,
                    problem: None,
                    summary: summary.clone(),
                    contact_via,
                    contact: contact.clone(),
                    severity: Some(severity),
                    at: ctx.now,
                    actor: by.clone(),
                    key: None,
                })
            })?;
            Ok(one(t, "Ticket opened."))
        }
        TicketCmd::List {
            status,
            customer,
            follow_up,
            limit,
        } => {
            let statuses = match status.as_deref() {
                None => Vec::new(),
                Some("all") => Status::ALL.to_vec(),
                Some(text) => vec![Status::parse(text).ok_or_else(|| {
                    UsageError(format!(
                        "--status {text}: use open, waiting, resolved, confirmed or all"
                    ))
                })?],
            };
            let filter = TicketFilter {
                statuses,
                customer,
                follow_up_after_days: follow_up.then_some(ctx.config.support.follow_up_days),
                limit,
            };
            let list = store.read(|tx| tx.tickets(&filter, ctx.now))?;
            let text = if list.is_empty() {
                if follow_up {
                    "Nothing to follow up: every resolved ticket has been confirmed or is recent."
                        .into()
                } else {
                    "No tickets match.".into()
                }
            } else {
                list.iter()
                    .map(describe_ticket)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Ok(Output {
                text,
                json: json!({ "tickets": to_json(&list) }),
            })
        }
        TicketCmd::Show { id } => {
            let t = store.read(|tx| tx.ticket(id))?;
            let mut text = describe_ticket(&t);
            for e in &t.events {
                text.push_str(&format!(
                    "\n  {}  {}{}{}",
                    local_time(e.at),
                    e.kind,
                    e.body
                        .as_deref()
                        .map(|b| format!(": {b}"))
                        .unwrap_or_default(),
                    e.actor
                        .as_deref()
                        .map(|a| format!(" (by {a})"))
                        .unwrap_or_default()
                ));
            }
            Ok(Output {
                text,
                json: to_json(&t),
            })
        }
        TicketCmd::Resolve { id, note, by } => Ok(one(
            mv(&mut store, id, Status::Resolved, note, by)?,
            "Resolved. The customer can confirm it on their receipt page.",
        )),
        TicketCmd::Confirm { id, by } => Ok(one(
            mv(&mut store, id, Status::Confirmed, None, by)?,
            "Confirmed by the customer.",
        )),
        TicketCmd::Wait { id, note, by } => Ok(one(
            mv(&mut store, id, Status::Waiting, note, by)?,
            "Waiting on the customer.",
        )),
        TicketCmd::Reopen { id, note, by } => Ok(one(
            mv(&mut store, id, Status::Open, note, by)?,
            "Reopened.",
        )),
        TicketCmd::Note { id, text, by } => {
            store.write(|tx| tx.note_ticket(id, &text, by.as_deref(), ctx.now))?;
            Ok(Output {
                text: format!("Note added to ticket #{id}."),
                json: json!({ "ticket_id": id }),
            })
        }
    }
}

fn serve(ctx: &Ctx, bind: Option<String>, devices: bool) -> Result<Output> {
    // Open once here so a broken database or config fails before listening.
    drop(ctx.store()?);
    let settings = crate::portal::Settings::from_config(&ctx.dir, &ctx.config)?;
    let bind = bind.unwrap_or_else(|| ctx.config.portal.bind.clone());
    let portal =
        crate::portal::Portal::start(&bind, settings).map_err(|e| UsageError(e.to_string()))?;
    let w = ctx.words();
    eprintln!(
        "{}",
        w.t_args(
            "cli-serving",
            &[
                ("addr", portal.addr().to_string().into()),
                ("url", ctx.config.portal.public_url.as_str().into()),
            ],
        )
    );
    if ctx.config.portal.api_key.is_some() {
        eprintln!("{}", w.t("cli-api-on"));
    } else {
        eprintln!("{}", w.t("cli-api-off"));
    }
    if devices {
        // The counter's runtime, ticked by a loop instead of a window.
        let mut counter = crate::runtime::Counter::start(&ctx.dir, &ctx.config)?;
        eprintln!(
            "{}",
            w.t_args(
                "cli-devices-state",
                &[
                    ("printer", counter.state().printer.as_str().into()),
                    ("scanner", counter.state().scanner.as_str().into()),
                ],
            )
        );
        let stop = std::sync::atomic::AtomicBool::new(false);
        counter.run_headless(&stop, |n| {
            eprintln!("{}{}", if n.ok { "" } else { "problem: " }, n.text)
        });
    }
    portal.wait();
    Ok(Output {
        text: String::new(),
        json: json!({}),
    })
}

fn passthrough(
    ctx: &Ctx,
    pos: Option<String>,
    pos_link: Option<std::path::PathBuf>,
    printer_port: String,
    pos_profile: String,
    pos_baud: u32,
    window: u64,
) -> Result<Output> {
    use crate::devices::profile::{FlowControl, ScannerProfile};
    use crate::devices::till::TillProfile;
    use crate::devices::transport::{SerialSettings, SerialTransport, Transport};
    use crate::passthrough::{Event, Recorder, Splice, run, till_pty};
    use std::sync::{Arc, Mutex};
    let till = TillProfile::load(&pos_profile).map_err(|e| UsageError(e.to_string()))?;
    let last_scan: crate::passthrough::LastCustomer = Arc::new(Mutex::new(None));
    let mut recorder = Recorder::from_config(
        &ctx.dir,
        &ctx.config,
        till.clone(),
        last_scan.clone(),
        std::time::Duration::from_secs(window),
    )
    .map_err(|e| UsageError(e.to_string()))?;
    let profile = recorder.printer.clone();
    if let Some(port) = ctx.config.scanner.port.clone() {
        let sp = ScannerProfile::load(&ctx.config.scanner.profile)
            .map_err(|e| UsageError(format!("[scanner] profile in config.toml: {e}")))?;
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        std::thread::spawn(move || crate::runtime::workers::scanner_thread(port, sp, tx, stop));
        let last = last_scan.clone();
        std::thread::spawn(move || {
            for event in rx {
                if let Ok(crate::devices::scanner::ScanEvent::Scanned {
                    what: crate::devices::scanner::ScanKind::CustomerCard { code },
                    ..
                }) = event
                {
                    eprintln!("card {code} scanned: the next receipt is theirs");
                    *last.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some((code, std::time::Instant::now()));
                }
            }
        });
    }
    let mut printer = SerialTransport::new(SerialSettings {
        path: printer_port.clone(),
        baud: ctx.config.printer.baud.unwrap_or(profile.baud),
        flow_control: profile.flow_control,
    });
    let (mut till_side, _slave): (Box<dyn Transport>, Option<serialport::TTYPort>) =
        match (&pos, &pos_link) {
            (_, Some(link)) => {
                let (t, slave) = till_pty(link)?;
                (Box::new(t), Some(slave))
            }
            (Some(port), None) => (
                Box::new(SerialTransport::new(SerialSettings {
                    path: port.clone(),
                    baud: pos_baud,
                    flow_control: FlowControl::None,
                })),
                None,
            ),
            (None, None) => unreachable!("clap requires --pos or --pos-link"),
        };
    let log_path = ctx.dir.root().join("passthrough.log");
    let log_file = std::cell::RefCell::new(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .with_context(|| format!("cannot write {}", log_path.display()))?,
    );
    eprintln!(
        "Plug-in mode: till at {} ({}), printer at {printer_port}. Events go to {}. Ctrl-C stops.",
        pos_link
            .as_ref()
            .map(|l| l.display().to_string())
            .or(pos.clone())
            .unwrap_or_default(),
        till.name,
        log_path.display()
    );
    let log = |e: Event| {
        let line = e.describe();
        eprintln!("{line}");
        use std::io::Write;
        let _ = writeln!(
            log_file.borrow_mut(),
            "{} {line}",
            local_time(crate::clock::now())
        );
    };
    let stop = std::sync::atomic::AtomicBool::new(false);
    let mut splice = Splice::new(till.code_page);
    run(
        till_side.as_mut(),
        &mut printer,
        &mut splice,
        &mut |page| recorder.at_cut(page, &mut |e| log(e)),
        &stop,
        &mut |e| log(e),
    );
    Ok(Output {
        text: String::new(),
        json: json!({}),
    })
}
