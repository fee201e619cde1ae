//! The long-running commands: `regulars serve` (customer pages) and `regulars passthrough`
//! (plug-in mode between a till and its printer).

use super::commands::Ctx;
use super::{Output, UsageError};
use crate::clock::local_time;
use crate::domain::reach::Scope;
use crate::services::page_copy::{
    CopyNews, copy_from_another, start_from_backup as start_from_backup_file,
};
use anyhow::{Context, Result};
use serde_json::json;

pub(super) fn serve(
    ctx: &Ctx,
    bind: Option<String>,
    devices: bool,
    (pages_only, start_from): (bool, Option<std::path::PathBuf>),
) -> Result<Output> {
    let _in_use = ctx.dir.in_use()?;
    if pages_only && ctx.config.central.is_none() {
        return Err(UsageError(ctx.words().t("cli-pages-only-needs-central")).into());
    }
    if pages_only {
        match start_from {
            Some(file) => start_from_backup(ctx, &file)?,
            None => copy_chain(ctx),
        }
    }
    // Open once here so a broken database or config fails before listening.
    drop(ctx.store()?);
    let mut settings = crate::portal::Settings::from_config(&ctx.dir, &ctx.config)?;
    if pages_only {
        // The page server never serves the tills' local API.
        settings.api_key = None;
        settings.catch_up = catch_up(ctx);
        settings.copies = Some(ctx.dir.root().to_path_buf());
        settings.watch_commits = true;
    }
    // With the counter's runtime here, the customer display's tablet page is served too.
    let hub = std::sync::Arc::new(crate::services::display::DisplayHub::default());
    if devices && !pages_only {
        settings = settings.with_display(&ctx.config, hub.clone());
    }
    // A sale through the local API goes to the chain's central store at once.
    let (to_sync, sold) = std::sync::mpsc::channel::<()>();
    settings.on_sale = Some(std::sync::Arc::new(move || {
        let _ = to_sync.send(());
    }));
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
    if pages_only {
        let url = &ctx.config.portal.public_url;
        if matches!(
            crate::domain::reach::scope_of_url(url),
            Some(Scope::LocalNetwork | Scope::ThisComputer)
        ) {
            eprintln!(
                "{}",
                w.t_args("cli-pages-only-private", &[("url", url.as_str().into())])
            );
        }
        eprintln!("{}", w.t("cli-pages-only"));
    } else if ctx.config.portal.api_key.is_some() {
        eprintln!("{}", w.t("cli-api-on"));
    } else {
        eprintln!("{}", w.t("cli-api-off"));
    }
    if devices {
        // The counter's runtime runs it all, ticked by a loop instead of a window.
        serve_devices(ctx, hub)?;
    } else {
        background(ctx, pages_only, sold)?;
        reach_checks(ctx)?;
    }
    portal.wait();
    Ok(Output {
        text: String::new(),
        json: json!({}),
    })
}

/// A page server's part in the chain: it syncs every second, so a receipt opens there moments
/// after its till sent it, and tells the chain where its pages open.
fn page_server_central(ctx: &Ctx) -> Option<crate::config::CentralConfig> {
    let mut central = ctx.config.central.clone()?;
    central.every = 1;
    central.pages_url = Some(ctx.config.portal.public_url.clone());
    Some(central)
}

/// What a new page server tells as its copy of the chain arrives, in the shop's language.
fn copy_news(w: &crate::i18n::Words) -> impl FnMut(CopyNews) + '_ {
    move |n: CopyNews| {
        let line = match n {
            CopyNews::Asking(url) => w.t_args("cli-pages-copy-asking", &[("url", url.into())]),
            CopyNews::Arrived(done, total) => w.t_args(
                "cli-pages-copy-arrived",
                &[("done", mb(done).into()), ("total", mb(total).into())],
            ),
            CopyNews::Failed(url, why) => w.t_args(
                "cli-pages-copy-failed",
                &[("url", url.into()), ("why", why.into())],
            ),
        };
        eprintln!("{line}");
    }
}

fn mb(bytes: u64) -> i64 {
    (bytes >> 20) as i64
}

/// A new page server (no database yet) starts from another page server's copy of the chain
/// when one gives it, saying so as it goes; else it reads the chain's history, and says that
/// this takes a while and what is quicker.
fn copy_chain(ctx: &Ctx) {
    let Some(central) = page_server_central(ctx) else {
        return;
    };
    let db = ctx.dir.db_path();
    if db.exists() {
        return;
    }
    let w = ctx.words();
    let mut news = copy_news(&w);
    match copy_from_another(&db, &central, crate::clock::now(), &mut news) {
        Ok(Some(c)) => eprintln!(
            "{}",
            w.t_args(
                "cli-pages-copied",
                &[
                    ("url", c.from.as_str().into()),
                    ("mb", mb(c.bytes).into()),
                    ("customers", c.adopted.customers.into()),
                    ("visits", c.adopted.visits.into()),
                ],
            )
        ),
        // The sync says what is wrong with the central store, every time it tries.
        Ok(None) | Err(_) => {
            eprintln!("{}", w.t("cli-pages-copy-none"));
            eprintln!("{}", w.t("cli-pages-copy-quicker"));
        }
    }
}

/// A new page server starts from a backup of one of the chain's tills or page servers: only
/// into an empty folder; on any fault it says why and stops, having changed nothing.
fn start_from_backup(ctx: &Ctx, file: &std::path::Path) -> Result<()> {
    let Some(central) = page_server_central(ctx) else {
        return Ok(());
    };
    let db = ctx.dir.db_path();
    let w = ctx.words();
    if db.exists() {
        let path = db.display().to_string();
        return Err(
            UsageError(w.t_args("cli-pages-start-has-db", &[("path", path.into())])).into(),
        );
    }
    let shown = file.display().to_string();
    eprintln!(
        "{}",
        w.t_args(
            "cli-pages-start-copying",
            &[("file", shown.as_str().into())]
        )
    );
    let mut news = |n: CopyNews| {
        if let CopyNews::Arrived(done, total) = n {
            let args = [("done", mb(done).into()), ("total", mb(total).into())];
            eprintln!("{}", w.t_args("cli-pages-start-copied", &args));
        }
    };
    let passphrase = ctx.config.backup.passphrase.as_deref();
    match start_from_backup_file(&db, file, passphrase, &central, &mut news) {
        Ok(c) => {
            eprintln!(
                "{}",
                w.t_args(
                    "cli-pages-started",
                    &[
                        ("file", shown.as_str().into()),
                        ("mb", mb(c.bytes).into()),
                        ("customers", c.adopted.customers.into()),
                        ("visits", c.adopted.visits.into()),
                    ],
                )
            );
            Ok(())
        }
        Err(e) => {
            use crate::services::errors::{backup_error, store_error};
            use crate::services::page_copy::StartError;
            let why = match &e {
                StartError::Backup(b) => backup_error(&w, b),
                StartError::Store(s) => store_error(&w, s),
                other => other.to_string(),
            };
            let args = [("file", shown.as_str().into()), ("why", why.into())];
            Err(UsageError(w.t_args("cli-pages-start-failed", &args)).into())
        }
    }
}

/// A page server's fetch of the chain's news when asked for a receipt it has not seen: none
/// when a sync that began after the ask has run meanwhile (a flood of receipts not here yet
/// costs one fetch at a time), and none after waiting a second and a half for a sync under way
/// (a new page server catching up: the page says the receipt is on its way).
fn catch_up(ctx: &Ctx) -> Option<crate::portal::CatchUp> {
    let central = page_server_central(ctx)?;
    let opener = ctx.dir.store_opener(&ctx.config);
    Some(std::sync::Arc::new(move || {
        let asked = std::time::Instant::now();
        let now = crate::clock::now();
        let wait = std::time::Duration::from_millis(1500);
        let open = || opener.open(now).ok();
        if let Some(Err(e)) = crate::services::sync::fetch_news(asked, wait, open, &central, now) {
            eprintln!("sync failed: {e}");
        }
    }))
}

/// What runs beside the pages without the counter's runtime: the chain's sync (a page
/// server's every second, so a receipt opens there moments after the till sent it; `sold`
/// hears of the local API's sales), and, except on a page server, the nightly refit of who is
/// slipping away and messages to customers (the tills send them, never a page server).
fn background(ctx: &Ctx, pages_only: bool, sold: std::sync::mpsc::Receiver<()>) -> Result<()> {
    let spawn = |name: &str, work: Box<dyn FnOnce() + Send>| {
        std::thread::Builder::new().name(name.into()).spawn(work)
    };
    let stop = || std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let central = match pages_only {
        true => page_server_central(ctx),
        false => ctx.config.central.clone(),
    };
    if let Some(central) = central {
        let (news, _) = std::sync::mpsc::channel();
        let (opener, words, s) = (
            ctx.dir.store_opener(&ctx.config),
            ctx.config.shop.words(),
            stop(),
        );
        spawn(
            "sync",
            Box::new(move || crate::services::sync::worker(opener, central, words, sold, news, s)),
        )?;
    }
    if pages_only {
        return Ok(());
    }
    crate::services::insights::start_worker(&ctx.dir, &ctx.config, stop())?;
    let dir = ctx.dir.clone();
    let settings = crate::services::messages::MessageSettings::of(&dir, &ctx.config);
    let s = stop();
    spawn(
        "messages",
        Box::new(move || {
            let (news, _) = std::sync::mpsc::channel();
            crate::services::messages::worker(dir, settings, news, s)
        }),
    )?;
    Ok(())
}

/// Where the pages open from, checked every 15 minutes and said when it changes (with
/// --devices the counter's runtime checks and its bar says).
fn reach_checks(ctx: &Ctx) -> Result<()> {
    let words = ctx.config.shop.words();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (news, heard) = std::sync::mpsc::channel();
    let (_asks, asks) = std::sync::mpsc::channel();
    let shop = ctx.dir.secret()?;
    crate::services::reach::start_worker(&ctx.dir, &ctx.config, shop, asks, news, stop)?;
    std::thread::Builder::new()
        .name("pages-news".into())
        .spawn(move || {
            let mut last = String::new();
            for checked in heard {
                let line = crate::services::reach::check_words(&words, &checked);
                if line != last {
                    eprintln!("{line}");
                    last = line;
                }
            }
        })?;
    Ok(())
}

/// The counter's runtime without a window (`serve --devices`), until the process ends.
fn serve_devices(
    ctx: &Ctx,
    hub: std::sync::Arc<crate::services::display::DisplayHub>,
) -> Result<()> {
    let w = ctx.words();
    let mut counter = crate::runtime::Counter::start_sharing(&ctx.dir, &ctx.config, hub)?;
    eprintln!(
        "{}",
        w.t_args(
            "cli-devices-state",
            &[
                ("printer", counter.devices().printer.words(&w).into()),
                ("scanner", counter.devices().scanner.words(&w).into()),
            ],
        )
    );
    let stop = std::sync::atomic::AtomicBool::new(false);
    counter.run_headless(&stop, |n| {
        if n.ok {
            eprintln!("{}", n.text)
        } else {
            eprintln!(
                "{}",
                w.t_args("cli-error", &[("message", n.text.as_str().into())])
            )
        }
    });
    Ok(())
}

pub(super) fn passthrough(
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
    let _in_use = ctx.dir.in_use()?;
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
        let sp = ScannerProfile::load(&ctx.config.scanner.profile).map_err(|e| {
            let why = crate::services::errors::profile_error(&ctx.words(), &e);
            UsageError(format!("[scanner] profile, config.toml: {why}"))
        })?;
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let w = ctx.words().0;
        std::thread::spawn(move || crate::runtime::workers::scanner_thread(port, sp, w, tx, stop));
        let last = last_scan.clone();
        let words = ctx.words();
        std::thread::spawn(move || {
            for event in rx {
                if let Ok(crate::devices::scanner::ScanEvent::Scanned {
                    what: crate::devices::scanner::ScanKind::CustomerCard { code },
                    ..
                }) = event
                {
                    let code_arg = ("code", code.as_str().into());
                    eprintln!("{}", words.t_args("cli-plug-card", &[code_arg]));
                    *last.lock().unwrap_or_else(|e| e.into_inner()) =
                        Some((code, std::time::Instant::now()));
                }
            }
        });
    }
    // A serial, USB or network printer: the same splice for all.
    let mut printer = crate::devices::transport::Link::parse(&printer_port)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?
        .transport(
            ctx.config.printer.baud.unwrap_or(profile.baud),
            profile.flow_control,
        );
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
    let words = ctx.words();
    let till_at = pos_link
        .as_ref()
        .map(|l| l.display().to_string())
        .or(pos.clone())
        .unwrap_or_default();
    eprintln!(
        "{}",
        words.t_args(
            "cli-plug-started",
            &[
                ("till", till_at.into()),
                ("profile", till.name.as_str().into()),
                ("printer", printer_port.as_str().into()),
                ("log", log_path.display().to_string().into()),
            ],
        )
    );
    let log = |e: Event| {
        let line = e.describe(&words);
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
