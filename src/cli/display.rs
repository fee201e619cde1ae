//! The customer display from the command line: `display test` and `display customer CODE` show
//! a screen on the pole display (and say what it shows), `simulate display` is a pole display
//! on a pseudo-terminal that prints what it would show.

use super::args::DisplayCmd;
use super::commands::Ctx;
use super::{Output, UsageError};
use crate::devices::display::{DisplayProfile, screen::VirtualDisplay};
use crate::devices::transport::{SerialSettings, SerialTransport, Transport};
use crate::domain::display::Screen;
use anyhow::{Context, Result};
use serde_json::json;

pub(super) fn display(ctx: &Ctx, cmd: DisplayCmd) -> Result<Output> {
    let w = ctx.words();
    let secret = ctx.dir.secret()?;
    let address = crate::services::display::tablet_address(&ctx.config, &secret);
    let (screen, port, profile) = match cmd {
        DisplayCmd::Tablet => {
            return Ok(Output {
                text: w.t_args("display-tablet", &[("url", address.as_str().into())]),
                json: json!({ "url": address }),
            });
        }
        DisplayCmd::Test { port, profile } => (Screen::Test, port, profile),
        DisplayCmd::Customer {
            code,
            port,
            profile,
        } => {
            let mut store = ctx.store()?;
            let c = store.customer_view(&code, ctx.now)?;
            (
                Screen::Member(crate::services::display::member_shown(&c)),
                port,
                profile,
            )
        }
    };
    let profile_id = profile.unwrap_or_else(|| ctx.config.display.profile.clone());
    let profile = DisplayProfile::load(&profile_id).map_err(|e| UsageError(e.to_string()))?;
    let parts = crate::services::display::parts(
        &w,
        &ctx.config.shop.name,
        ctx.config.shop.currency,
        &screen,
    );
    let shown = profile.show(&parts);
    let port = port.or_else(|| ctx.config.display.port.clone());
    let mut text = framed(&shown.lines, profile.columns);
    match &port {
        Some(port) => {
            let mut t = SerialTransport::new(SerialSettings {
                path: port.clone(),
                baud: profile.baud,
                flow_control: crate::devices::profile::FlowControl::None,
            });
            let mut bytes = profile.start();
            bytes.extend(&shown.bytes);
            t.write_all(&bytes).and_then(|()| t.flush()).map_err(|e| {
                if crate::devices::transport::refused(&e) {
                    anyhow::anyhow!(w.port_refused(port))
                } else if e.to_string().contains("exclusive lock") {
                    // The counter's window (or `serve --devices`) shows on it already.
                    anyhow::anyhow!(w.t_args("cli-display-busy", &[("port", port.as_str().into())]))
                } else {
                    let args = [("error", e.to_string().into())];
                    anyhow::anyhow!(w.t_args("cli-display-failed", &args))
                }
            })?;
            let args = [
                ("port", port.as_str().into()),
                ("profile", profile.name.as_str().into()),
            ];
            text.push_str(&w.t_args("cli-display-sent", &args));
        }
        None => text.push_str(&w.t("cli-display-no-port")),
    }
    text.push('\n');
    text.push_str(&w.t_args("display-tablet", &[("url", address.as_str().into())]));
    Ok(Output {
        text,
        json: json!({
            "screen": screen,
            "lines": shown.lines,
            "words": parts.iter().filter_map(|p| p.first()).collect::<Vec<_>>(),
            "port": port,
            "profile": profile.id,
            "code_page": shown.page,
            "tablet_url": address,
        }),
    })
}

/// The lines in a frame of the display's width, as the display shows them.
fn framed(lines: &[String], columns: usize) -> String {
    let bar = "─".repeat(columns);
    let mut out = format!("┌{bar}┐\n");
    for l in lines {
        let pad = columns.saturating_sub(l.chars().count());
        out.push_str(&format!("│{l}{}│\n", " ".repeat(pad)));
    }
    out.push_str(&format!("└{bar}┘\n"));
    out
}

/// `simulate display`: a pole display on a pseudo-terminal linked at `link`. Each time what it
/// shows changes, the lines go to standard output (and replace the file `out`).
pub(super) fn simulate(
    link: &std::path::Path,
    profile: &str,
    out: Option<&std::path::Path>,
) -> Result<Output> {
    use std::io::Read;
    let profile = DisplayProfile::load(profile).map_err(|e| UsageError(e.to_string()))?;
    let (mut master, slave) = crate::devices::transport::pty_with_link(link)?;
    eprintln!(
        "Virtual customer display '{}' at {}. Ctrl-C stops it.",
        profile.name,
        link.display()
    );
    let mut display = VirtualDisplay::new(profile.clone());
    let mut last = display.lines();
    let mut buf = [0u8; 256];
    serialport::SerialPort::set_timeout(&mut master, std::time::Duration::from_millis(100))?;
    loop {
        match master.read(&mut buf) {
            Ok(0) => {}
            Ok(n) => display.feed(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                // A pause: the screen is whole. Say so when it changed.
                let now = display.lines();
                if now != last {
                    println!("{}", framed(&now, profile.columns).trim_end());
                    if let Some(out) = out {
                        let temp = out.with_extension("new");
                        std::fs::write(&temp, now.join("\n") + "\n")
                            .and_then(|()| std::fs::rename(&temp, out))
                            .with_context(|| format!("cannot write {}", out.display()))?;
                    }
                    last = now;
                }
            }
            Err(e) => {
                drop(slave);
                return Err(e).context("the virtual display stopped");
            }
        }
    }
}
