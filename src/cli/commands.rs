//! One function per command: open what it needs, call the store, describe the outcome.

use super::args::*;
use super::{Output, UsageError};
use crate::config::Config;
use crate::datadir::DataDir;
use crate::domain::token::receipt_url;
use crate::store::{CustomerView, NewCustomer, NewSale, Store};
use anyhow::{Context, Result};
use serde_json::{Value, json};

/// Everything a command may need, opened once.
struct Ctx {
    dir: DataDir,
    config: Config,
    now: i64,
    json: bool,
    started: std::time::Instant,
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

    fn store(&self) -> Result<Store> {
        Ok(self.dir.open_store(&self.config, self.now)?)
    }

    fn printer(&self) -> Result<crate::printing::ReceiptPrinter> {
        crate::printing::ReceiptPrinter::from_config(&self.config, &self.dir)
            .map_err(|e| UsageError(format!("[printer] in config.toml: {e}")).into())
    }

    fn money(&self, minor: i64) -> String {
        format!(
            "{} {}",
            self.config.shop.currency.format(minor),
            self.config.shop.currency
        )
    }

    fn amount(&self, text: &str) -> Result<i64> {
        Ok(self.config.shop.currency.parse_amount(text)?)
    }
}

use crate::clock::local_time;

fn to_json<T: serde::Serialize>(v: &T) -> Value {
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
        Command::Simulate(s) => simulate(&ctx, s),
        Command::Devices => devices(),
        Command::Print(p) => print_cmd(&ctx, p),
        Command::Scan {
            port,
            profile,
            count,
            seconds,
        } => scan(&ctx, port, profile, count, seconds, cli.json),
    }
}

fn describe_customer(ctx: &Ctx, v: &CustomerView) -> String {
    let mut lines = vec![format!(
        "{}  card {}  referral code {}",
        v.name.as_deref().unwrap_or("(details erased)"),
        v.code,
        v.referral_code
    )];
    if let Some(p) = &v.phone {
        lines.push(format!("phone    {p}"));
    }
    if let Some(e) = &v.email {
        lines.push(format!("email    {e}"));
    }
    lines.push(format!("balance  {} points", v.balance));
    lines.push(format!(
        "visits   {}{}",
        v.visits,
        v.last_visit_at
            .map(|t| format!(" (last {})", local_time(t)))
            .unwrap_or_default()
    ));
    for p in &v.progress {
        lines.push(format!("next     {}", p.describe()));
    }
    for a in &v.rewards_available {
        let how = if a.pay_with == "voucher" {
            "stamp card, free".to_string()
        } else {
            format!("{} points", a.cost)
        };
        lines.push(format!(
            "reward   {} ({how})  [{}]",
            a.reward_name, a.reward_id
        ));
    }
    lines.push(format!("enrolled {}", local_time(v.enrolled_at)));
    let _ = ctx;
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
        } => {
            let new = NewCustomer {
                name,
                phone,
                email,
                referred_by,
            };
            let e = store.enroll(&new, ctx.now, &mut rand::random::<u64>)?;
            let mut text = format!(
                "Enrolled {}: card {}, referral code {}, balance {} points.",
                e.name, e.code, e.referral_code, e.balance
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
                        &local_time(out.at),
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
            let text = if out.duplicate {
                format!(
                    "Receipt {} was already recorded (visit {}, {}): nothing changed.",
                    out.receipt.as_deref().unwrap_or(""),
                    out.visit_id,
                    ctx.money(out.amount)
                )
            } else if let Some(code) = &out.customer {
                let view = store.customer_view(code, ctx.now)?;
                let mut lines = vec![format!(
                    "Sale of {} recorded (visit {}) for {}: +{} points, balance {}.",
                    ctx.money(out.amount),
                    out.visit_id,
                    code,
                    out.points_earned,
                    out.balance
                )];
                if out.vouchers_issued > 0 {
                    lines.push("Stamp card complete: a reward voucher is ready.".into());
                }
                if let Some(r) = &out.referral {
                    lines.push(r.message.clone());
                }
                lines.extend(view.progress.iter().map(|p| p.describe()));
                lines.push(format!("Receipt page: {url}"));
                lines.join("\n")
            } else {
                format!(
                    "Anonymous sale of {} recorded (visit {}). Receipt page: {url}",
                    ctx.money(out.amount),
                    out.visit_id
                )
            };
            let text = match &delivery {
                Some(d) => format!("{text}\n{}", describe_delivery(d)),
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
            let mut text = format!(
                "Refunded {} of receipt {}{}.",
                ctx.money(out.amount),
                out.receipt,
                if out.fully_refunded { " (in full)" } else { "" }
            );
            if out.points_due > 0 {
                text.push_str(&format!(
                    " {} points taken back; balance {}.",
                    out.points_reversed, out.balance
                ));
                if out.points_reversed < out.points_due {
                    text.push_str(&format!(
                        " ({} were due; the rest had already been spent on rewards.)",
                        out.points_due
                    ));
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
    let mut store = ctx.store()?;
    let report = crate::demo::generate(
        &mut store,
        &crate::demo::DemoPlan {
            customers: a.customers,
            days: a.days,
            seed: a.seed,
            end: ctx.now,
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
fn day_start(text: &str, what: &str) -> Result<i64> {
    let date: jiff::civil::Date = text.trim().parse().map_err(|_| {
        UsageError(format!(
            "{what} '{text}' is not a date: use YYYY-MM-DD, e.g. 2026-03-01"
        ))
    })?;
    let zoned = date
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .map_err(|e| UsageError(format!("{what} '{text}': {e}")))?;
    Ok(zoned.timestamp().as_second())
}

fn stats(ctx: &Ctx, a: StatsArgs) -> Result<Output> {
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
    let s = store.stats(from, to, ctx.now)?;
    let range = match (&a.from, &a.to) {
        (None, None) => "all time".to_string(),
        (f, t) => format!(
            "{} to {}",
            f.as_deref().unwrap_or("the start"),
            t.as_deref().unwrap_or("today")
        ),
    };
    let text = format!(
        "Figures for {range}\n\
         customers            {}\n\
         visits               {} ({} by members)\n\
         visiting members     {}\n\
         repeat-visit rate    {:.1}% (members with 2+ visits)\n\
         sales                {} (refunds {})\n\
         points outstanding   {}\n\
         referrals            {} pending, {} rewarded, {} refused",
        s.customers,
        s.visits,
        s.member_visits,
        s.visiting_customers,
        s.repeat_visit_rate * 100.0,
        ctx.money(s.sales_total),
        ctx.money(s.refunds_total),
        s.points_outstanding,
        s.referrals_pending,
        s.referrals_rewarded,
        s.referrals_refused
    );
    Ok(Output {
        text,
        json: to_json(&s),
    })
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
    if dest.exists() {
        return Err(UsageError(format!(
            "{} already exists: choose another path; nothing was overwritten",
            dest.display()
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
        text: format!("Backup written to {} ({} KB).", dest.display(), size / 1024),
        json: json!({ "path": dest, "bytes": size }),
    })
}

fn simulate(ctx: &Ctx, cmd: SimulateCmd) -> Result<Output> {
    use crate::devices::profile::PrinterProfile;
    use crate::devices::virtual_printer::{Control, Event, VirtualPrinter, run_on_pty};
    let (link, profile, out, speed) = match cmd {
        SimulateCmd::Printer {
            link,
            profile,
            out,
            speed,
        } => (link, profile, out, speed),
        SimulateCmd::Scanner {
            link,
            suffix,
            aim,
            codes,
        } => return simulate_scanner(&link, &suffix, aim, &codes),
    };
    let profile = PrinterProfile::load(&profile).map_err(|e| UsageError(e.to_string()))?;
    let out = out.unwrap_or_else(|| ctx.dir.root().join("receipts"));
    let printer = VirtualPrinter::new(&profile, &out, speed)
        .with_context(|| format!("cannot use {}", out.display()))?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lines().map_while(Result::ok) {
            match Control::parse(&line) {
                Some(c) => {
                    let _ = tx.send(c);
                    eprintln!("printer: {}", line.trim());
                }
                None => eprintln!(
                    "unknown command '{}': paper out, paper low, paper in, cover open, cover close",
                    line.trim()
                ),
            }
        }
    });
    eprintln!(
        "Virtual printer '{}' ({} columns) at {}; receipts go to {}. Ctrl-C stops it.",
        profile.name,
        profile.columns,
        link.display(),
        out.display()
    );
    let stop = std::sync::atomic::AtomicBool::new(false);
    run_on_pty(printer, &link, rx, &stop, |e| match e {
        Event::Printed { png, text } => {
            println!("printed {}", png.display());
            let first = text.lines().next().unwrap_or_default();
            eprintln!("  {first} … ({} lines)", text.lines().count());
        }
        Event::Note(n) => eprintln!("note: {n}"),
        Event::Busy(true) => eprintln!("busy: receive buffer nearly full"),
        Event::Busy(false) => eprintln!("ready again"),
    })
    .with_context(|| format!("the virtual printer at {} stopped", link.display()))?;
    Ok(Output {
        text: String::new(),
        json: json!({}),
    })
}

fn devices() -> Result<Output> {
    use crate::devices::profile::{hardware_dir, list};
    let ports = crate::devices::transport::list_ports();
    let printers = list(&hardware_dir().join("printers"));
    let scanners = list(&hardware_dir().join("scanners"));
    let text = format!(
        "Serial ports: {}\nPrinter profiles: {}\nScanner profiles: {}\n\
         Set [printer] port/profile and [scanner] port/profile in config.toml; \
         port = \"virtual\" uses the built-in virtual printer.",
        if ports.is_empty() {
            "none found".to_string()
        } else {
            ports.join(", ")
        },
        printers.join(", "),
        scanners.join(", ")
    );
    Ok(Output {
        text,
        json: json!({ "ports": ports, "printer_profiles": printers, "scanner_profiles": scanners }),
    })
}

/// What the cashier reads after a print attempt.
fn describe_delivery(d: &crate::printing::Delivery) -> String {
    let mut lines = Vec::new();
    for img in &d.images {
        lines.push(format!("Receipt printed: {}", img.display()));
    }
    if d.images.is_empty() && !d.printed.is_empty() {
        lines.push(format!("{} receipt(s) printed.", d.printed.len()));
    }
    if let Some(problem) = &d.problem {
        lines.push(format!(
            "Receipt not printed: {problem}. It is kept ({} waiting) and prints with \
             `regulars print retry` once the printer is ready.",
            d.waiting
        ));
    }
    lines.join("\n")
}

fn print_cmd(ctx: &Ctx, cmd: PrintCmd) -> Result<Output> {
    let printer = ctx.printer()?;
    let mut store = ctx.store()?;
    match cmd {
        PrintCmd::Queue => {
            let jobs = store.pending_prints()?;
            let text = if jobs.is_empty() {
                "Nothing waiting to print.".to_string()
            } else {
                jobs.iter()
                    .map(|j| {
                        format!(
                            "job {} ({}, visit {}) from {}: {} attempt(s){}",
                            j.id,
                            j.kind,
                            j.visit_id.map_or("-".into(), |v| v.to_string()),
                            local_time(j.created_at),
                            j.attempts,
                            j.last_error
                                .as_deref()
                                .map(|e| format!(", last: {e}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            return Ok(Output {
                text,
                json: json!({ "pending": to_json(&jobs) }),
            });
        }
        PrintCmd::Retry { wait } => {
            let until = std::time::Instant::now() + std::time::Duration::from_secs(wait);
            let mut total = crate::printing::Delivery::default();
            loop {
                let now = crate::clock::now();
                let d = printer.deliver(&mut store, now)?;
                total.printed.extend(d.printed);
                total.images.extend(d.images);
                total.waiting = d.waiting;
                total.problem = d.problem.clone();
                if d.waiting == 0 || std::time::Instant::now() >= until {
                    break;
                }
                if !ctx.json {
                    eprintln!(
                        "{} receipt(s) waiting: {}; trying again…",
                        d.waiting,
                        d.problem.as_deref().unwrap_or("printer not ready")
                    );
                }
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
            let text = if total.printed.is_empty() && total.problem.is_none() {
                "Nothing waiting to print.".to_string()
            } else {
                describe_delivery(&total)
            };
            return Ok(Output {
                text,
                json: to_json(&total),
            });
        }
        PrintCmd::Reprint { visit } => {
            store.write(|tx| {
                let job = match visit {
                    Some(v) => tx.receipt_of_visit(v)?,
                    None => tx.last_receipt()?,
                };
                let job = job.ok_or_else(|| {
                    crate::store::StoreError::UnknownReceipt(match visit {
                        Some(v) => format!("visit {v} (it was recorded without --print)"),
                        None => "(no receipt has been printed yet)".into(),
                    })
                })?;
                tx.enqueue_print(job.visit_id, "reprint", &job.bytes, &job.text, ctx.now)
            })?;
        }
        PrintCmd::Test => {
            let p = &printer.profile;
            let logo = match &printer.logo {
                Some(l) => Some(l.clone()),
                None => crate::printing::load_logo(&crate::printing::shipped_logo(), p.dots).ok(),
            };
            let receipt = crate::devices::receipt::Receipt {
                logo,
                shop_name: ctx.config.shop.name.clone(),
                header: vec![
                    "Test print".into(),
                    format!("{} on {}", p.name, printer.port),
                    format!(
                        "{} columns, {} baud, code page {:?}",
                        p.columns, p.baud, p.code_page
                    ),
                ],
                when: local_time(ctx.now),
                total: "0.00".into(),
                qr_url: Some(ctx.config.portal.public_url.clone()),
                qr_caption: "If this code scans, QR printing works".into(),
                footer: vec!["Accents: café crème €".into()],
                ..Default::default()
            };
            let text = receipt.layout(p.columns).len().to_string();
            store.write(|tx| tx.enqueue_print(None, "test", &receipt.encode(p), &text, ctx.now))?;
        }
    }
    let d = printer.deliver(&mut store, ctx.now)?;
    let text = if d.printed.is_empty() && d.problem.is_none() {
        "Nothing waiting to print.".to_string()
    } else {
        describe_delivery(&d)
    };
    Ok(Output {
        text,
        json: to_json(&d),
    })
}

fn simulate_scanner(
    link: &std::path::Path,
    suffix: &str,
    aim: bool,
    codes: &[String],
) -> Result<Output> {
    use crate::devices::profile::Suffix;
    use crate::devices::scanner::frame_for;
    use std::io::Write;
    let suffix = match suffix {
        "lf" => Suffix::Lf,
        "crlf" => Suffix::CrLf,
        "tab" => Suffix::Tab,
        "none" => Suffix::None,
        _ => Suffix::Cr,
    };
    let (mut master, slave) =
        serialport::TTYPort::pair().context("cannot open a pseudo-terminal")?;
    let device = serialport::SerialPort::name(&slave).context("the pseudo-terminal has no name")?;
    let _ = std::fs::remove_file(link);
    std::os::unix::fs::symlink(&device, link)
        .with_context(|| format!("cannot create the link {}", link.display()))?;
    eprintln!(
        "Virtual scanner at {}: type a code and Enter to scan it; Ctrl-D ends.",
        link.display()
    );
    let mut send = |code: &str| -> Result<()> {
        master.write_all(&frame_for(code.trim(), suffix, aim))?;
        master.flush()?;
        eprintln!("scanned {}", code.trim());
        // A scanner needs a moment between two codes; so does a gap-framed reader.
        std::thread::sleep(std::time::Duration::from_millis(120));
        Ok(())
    };
    for code in codes {
        send(code)?;
    }
    for line in std::io::stdin().lines().map_while(Result::ok) {
        if !line.trim().is_empty() {
            send(&line)?;
        }
    }
    // Give the reader time to take the last codes before the device goes away.
    std::thread::sleep(std::time::Duration::from_secs(1));
    drop(slave);
    let _ = std::fs::remove_file(link);
    Ok(Output {
        text: String::new(),
        json: json!({ "sent": codes.len() }),
    })
}

fn scan(
    ctx: &Ctx,
    port: Option<String>,
    profile: Option<String>,
    count: Option<usize>,
    seconds: u64,
    json_out: bool,
) -> Result<Output> {
    use crate::devices::profile::ScannerProfile;
    use crate::devices::scanner::{ScanEvent, ScanKind, read_scans};
    use crate::devices::transport::{SerialSettings, SerialTransport};
    let port = port
        .or_else(|| ctx.config.scanner.port.clone())
        .ok_or_else(|| {
            UsageError(
                "no scanner port: pass --port PATH or set [scanner] port in config.toml".into(),
            )
        })?;
    let profile_id = profile.unwrap_or_else(|| ctx.config.scanner.profile.clone());
    let profile = ScannerProfile::load(&profile_id).map_err(|e| UsageError(e.to_string()))?;
    let mut transport = SerialTransport::new(SerialSettings {
        path: port.clone(),
        baud: profile.baud,
        flow_control: crate::devices::profile::FlowControl::None,
    });
    let start = std::time::Instant::now();
    let clock = move || start.elapsed().as_millis() as u64;
    let mut events = Vec::new();
    if !json_out {
        eprintln!("Listening to {port} ({}); scan something.", profile.name);
    }
    read_scans(&mut transport, &profile, &clock, seconds * 1000, &mut |e| {
        if !json_out {
            match &e {
                ScanEvent::Scanned { scan, what } => {
                    let kind = match what {
                        ScanKind::CustomerCard { code } => format!("customer card {code}"),
                        ScanKind::Receipt { token } => format!("receipt QR (token {token})"),
                        ScanKind::Referral { code } => format!("referral code {code}"),
                        ScanKind::Product { symbology, gtin } => {
                            format!("product {symbology} {gtin}")
                        }
                        ScanKind::Unknown { reason } => {
                            format!("unknown code '{}': {reason}", scan.data)
                        }
                    };
                    println!(
                        "{kind}{}",
                        scan.aim
                            .as_deref()
                            .map(|a| format!("  (AIM {a})"))
                            .unwrap_or_default()
                    );
                }
                ScanEvent::Rejected { reason } => println!("rejected: {reason}"),
            }
        }
        events.push(e);
        count.is_none_or(|c| events.len() < c)
    })
    .with_context(|| format!("reading the scanner at {port}"))?;
    Ok(Output {
        text: String::new(),
        json: json!({ "scans": to_json(&events) }),
    })
}
