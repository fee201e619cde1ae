//! The counter hardware from the command line: the print queue, virtual devices, listing ports
//! and listening to a scanner.

use super::args::*;
use super::commands::{Ctx, to_json};
use super::{Output, UsageError};
use crate::services::words;
use anyhow::{Context, Result};
use serde_json::json;

pub(super) fn simulate(ctx: &Ctx, cmd: SimulateCmd) -> Result<Output> {
    use crate::devices::profile::PrinterProfile;
    use crate::devices::virtual_printer::{Control, Event, Line, VirtualPrinter, run};
    let (line, profile, out, speed) = match cmd {
        SimulateCmd::Printer {
            link,
            listen,
            fifo,
            profile,
            out,
            speed,
        } => {
            let line = match (link, listen, fifo) {
                (Some(link), _, _) => Line::Pty(link),
                (_, Some(addr), _) => Line::Tcp(addr),
                (_, _, Some(path)) => Line::Fifo(path),
                _ => unreachable!("clap requires one of --link, --listen, --fifo"),
            };
            (line, profile, out, speed)
        }
        SimulateCmd::Scanner {
            link,
            suffix,
            aim,
            codes,
        } => return simulate_scanner(&link, &suffix, aim, &codes),
        SimulateCmd::Display { link, profile, out } => {
            return super::display::simulate(&link, &profile, out.as_deref());
        }
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
        line,
        out.display()
    );
    let stop = std::sync::atomic::AtomicBool::new(false);
    run(printer, &line, rx, &stop, |e| match e {
        Event::Printed { png, text } => {
            println!("printed {}", png.display());
            let first = text.lines().next().unwrap_or_default();
            eprintln!("  {first} … ({} lines)", text.lines().count());
        }
        Event::Note(n) => eprintln!("note: {n}"),
        Event::Busy(true) => eprintln!("busy: receive buffer nearly full"),
        Event::Busy(false) => eprintln!("ready again"),
        // On standard output, for a program driving the simulator to wait on.
        Event::Applied(c) => println!("now {}", c.name()),
    })
    .with_context(|| format!("the virtual printer at {line} stopped"))?;
    Ok(Output {
        text: String::new(),
        json: json!({}),
    })
}

pub(super) fn devices(ctx: &Ctx) -> Result<Output> {
    use crate::devices::profile::list;
    let w = ctx.words();
    let ports = crate::devices::transport::list_ports();
    let usb = crate::devices::transport::usb_printers();
    let printers = list("printers");
    let scanners = list("scanners");
    let found = if ports.is_empty() {
        w.t("cli-devices-no-ports")
    } else {
        ports.join(", ")
    };
    let usb_found = if usb.is_empty() {
        w.t("cli-devices-no-ports")
    } else {
        usb.join(", ")
    };
    let text = [
        w.t_args("cli-devices-ports", &[("ports", found.into())]),
        w.t_args("cli-devices-usb", &[("ports", usb_found.into())]),
        w.t_args(
            "cli-devices-printers",
            &[("profiles", printers.join(", ").into())],
        ),
        w.t_args(
            "cli-devices-scanners",
            &[("profiles", scanners.join(", ").into())],
        ),
        w.t("cli-devices-help"),
    ]
    .join("\n");
    Ok(Output {
        text,
        json: json!({ "ports": ports, "usb_printers": usb, "printer_profiles": printers, "scanner_profiles": scanners }),
    })
}

/// What the cashier reads after a print attempt.
pub(super) fn describe_delivery(
    w: &crate::i18n::Language,
    d: &crate::printing::Delivery,
) -> String {
    let mut lines = Vec::new();
    for img in &d.images {
        let file = img.display().to_string();
        lines.push(w.t_args("cli-printed", &[("file", file.into())]));
    }
    if d.images.is_empty() && !d.printed.is_empty() {
        lines.push(w.t_args("cli-printed-count", &[("count", d.printed.len().into())]));
    }
    if let Some(problem) = &d.problem {
        lines.push(w.t_args(
            "cli-not-printed",
            &[
                ("problem", problem.as_str().into()),
                ("waiting", d.waiting.into()),
            ],
        ));
    }
    lines.join("\n")
}

pub(super) fn print_cmd(ctx: &Ctx, cmd: PrintCmd) -> Result<Output> {
    let printer = ctx.printer()?;
    let mut store = ctx.store()?;
    match cmd {
        PrintCmd::Queue => {
            let jobs = store.pending_prints()?;
            let w = ctx.words();
            let text = if jobs.is_empty() {
                w.t("cli-nothing-to-print")
            } else {
                jobs.iter()
                    .map(|j| {
                        let job = w.t_args(
                            "cli-print-job",
                            &[
                                ("id", j.id.to_string().into()),
                                ("kind", j.kind.as_str().into()),
                                (
                                    "visit",
                                    j.visit_id.map_or("-".into(), |v| v.to_string()).into(),
                                ),
                                ("when", w.date_time(j.created_at).into()),
                                ("attempts", j.attempts.into()),
                            ],
                        );
                        match &j.last_error {
                            Some(e) => w.t_args(
                                "cli-print-job-error",
                                &[("job", job.into()), ("error", e.as_str().into())],
                            ),
                            None => job,
                        }
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
                    let w = ctx.words();
                    let problem = d.problem.clone().unwrap_or_else(|| w.t("printer-offline"));
                    let waiting = w.t_args(
                        "printer-waiting",
                        &[("problem", problem.into()), ("count", d.waiting.into())],
                    );
                    eprintln!(
                        "{}",
                        w.t_args("cli-trying-again", &[("waiting", waiting.into())])
                    );
                }
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
            let text = if total.printed.is_empty() && total.problem.is_none() {
                ctx.words().t("cli-nothing-to-print")
            } else {
                describe_delivery(&ctx.words(), &total)
            };
            return Ok(Output {
                text,
                json: to_json(&total),
            });
        }
        PrintCmd::Reprint { visit } => {
            store.write(|tx| {
                let job = match visit {
                    Some(v) => tx.counter().receipt_of_visit(v)?,
                    None => tx.counter().last_receipt()?,
                };
                let job = job.ok_or_else(|| {
                    crate::store::StoreError::UnknownReceipt(match visit {
                        Some(v) => format!("visit {v} (it was recorded without --print)"),
                        None => "(no receipt has been printed yet)".into(),
                    })
                })?;
                tx.counter().enqueue_print(
                    job.visit_id,
                    crate::store::JobKind::Reprint,
                    &job.bytes,
                    &job.text,
                    ctx.now,
                )
            })?;
        }
        PrintCmd::Test => {
            store.write(|tx| {
                crate::printing::enqueue_test_page(
                    tx,
                    &ctx.config.worker_settings(),
                    &printer,
                    ctx.now,
                )
            })?;
        }
    }
    let d = printer.deliver(&mut store, ctx.now)?;
    let text = if d.printed.is_empty() && d.problem.is_none() {
        ctx.words().t("cli-nothing-to-print")
    } else {
        describe_delivery(&ctx.words(), &d)
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
    let (mut master, slave) = crate::devices::transport::pty_with_link(link)?;
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

pub(super) fn scan(
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
    let w = ctx.words();
    let port = port
        .or_else(|| ctx.config.scanner.port.clone())
        .ok_or_else(|| UsageError(w.t("cli-scan-no-port")))?;
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
        let args = [
            ("port", port.as_str().into()),
            ("profile", profile.name.as_str().into()),
        ];
        eprintln!("{}", w.t_args("cli-scan-listening", &args));
    }
    read_scans(
        &mut transport,
        &profile,
        &clock,
        &|now| now >= seconds * 1000,
        &mut |e| {
            if !json_out {
                match &e {
                    ScanEvent::Scanned { scan, what } => {
                        let text = |s: &str| s.to_string().into();
                        let kind = match what {
                            ScanKind::CustomerCard { code } => {
                                w.t_args("cli-scan-card", &[("code", text(code))])
                            }
                            ScanKind::Receipt { token } => {
                                w.t_args("cli-scan-receipt", &[("token", text(token))])
                            }
                            ScanKind::Referral { code } => {
                                w.t_args("cli-scan-referral", &[("code", text(code))])
                            }
                            ScanKind::Product { symbology, gtin } => w.t_args(
                                "cli-scan-product",
                                &[("symbology", text(symbology)), ("gtin", text(gtin))],
                            ),
                            ScanKind::Unknown { reason } => w.t_args(
                                "cli-scan-unknown",
                                &[
                                    ("data", text(&scan.data)),
                                    ("reason", words::scan_problem(&w, reason).into()),
                                ],
                            ),
                        };
                        println!(
                            "{kind}{}",
                            scan.aim
                                .as_deref()
                                .map(|a| format!("  (AIM {a})"))
                                .unwrap_or_default()
                        );
                    }
                    ScanEvent::Rejected { reason } => println!(
                        "{}",
                        w.t_args(
                            "cli-scan-rejected",
                            &[("reason", words::scan_problem(&w, reason).into())]
                        )
                    ),
                }
            }
            events.push(e);
            count.is_none_or(|c| events.len() < c)
        },
    )
    .with_context(|| format!("reading the scanner at {port}"))?;
    Ok(Output {
        text: String::new(),
        json: json!({ "scans": to_json(&events) }),
    })
}
