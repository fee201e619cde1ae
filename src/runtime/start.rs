//! Starting the counter: the store and the workers beside it (printer, backups, the insights
//! refit, messages, the chain's sync, the scanner, plug-in mode), and the world the schedule
//! runs over.

use super::*;
use crate::devices::profile::ProfileError;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::channel;

/// Why the counter could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    DataDir(#[from] crate::datadir::DataDirError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error("a worker thread could not start: {0}")]
    Thread(#[from] std::io::Error),
}

/// The ends of the background workers' channels the schedule reads.
struct Background {
    from_backups: Receiver<crate::backups::schedule::News>,
    from_messages: Receiver<crate::services::messages::News>,
    from_sync: Receiver<crate::services::sync::SyncNews>,
    to_pages: Sender<()>,
    from_pages: Receiver<crate::services::reach::Checked>,
    /// A word to the chain's sync for each sale, so it is sent at once.
    to_sync: Sender<()>,
}

/// The printer and the store worker's channel ends.
struct Workers {
    to_store: Sender<StoreRequest>,
    from_store: Receiver<StoreReply>,
    to_printer: Option<Sender<PrintRequest>>,
    from_printer: Receiver<workers::PrinterNews>,
    /// Why there is no printer, when there is none.
    printer_problem: Option<String>,
}

impl Counter {
    /// Opens the store, starts the workers (and the scanner thread when one is configured).
    pub fn start(dir: &DataDir, config: &Config) -> Result<Counter, StartError> {
        Counter::start_sharing(dir, config, Default::default())
    }

    /// The same, showing the customer display's screens on `hub` (the tablet page's, which
    /// outlives a restart of the counter's workers when settings are saved).
    pub fn start_sharing(
        dir: &DataDir,
        config: &Config,
        hub: Arc<crate::services::display::DisplayHub>,
    ) -> Result<Counter, StartError> {
        let now = crate::clock::now();
        let mut store = dir.open_store(config, now)?;
        let staff_required = !store.staff()?.is_empty();
        let shop_key = dir.secret()?;
        let threads_stop = Arc::new(AtomicBool::new(false));
        // Plug-in mode owns the printer: the till prints, Regulars adds to its receipts.
        let (plug_tx, from_plug) = channel();
        let (plug_link, plug_label) = start_plug(dir, config, plug_tx, &threads_stop);
        let workers = start_workers(dir, config, store)?;
        let background = start_background(dir, config, shop_key, &threads_stop)?;
        let (scan_sender, scans) = channel();
        let scanner = start_scanner(config, scan_sender.clone(), &threads_stop)?;
        let (display, display_state) = super::display::start(config, hub, &threads_stop)?;
        let mut world = World::new();
        for register in [
            MessageRegistry::register_message::<Intent> as fn(&mut World),
            MessageRegistry::register_message::<Scanned>,
            MessageRegistry::register_message::<StoreAnswer>,
            MessageRegistry::register_message::<PrintAnswer>,
            MessageRegistry::register_message::<PlugNews>,
        ] {
            register(&mut world);
        }
        world.insert_resource(Shop {
            name: config.shop.name.clone(),
            currency: config.shop.currency,
            rewards: config.program.rewards.clone(),
            owner_pin_above: config.staff.owner_pin_above,
            data_dir: dir.root().to_path_buf(),
            program: config.program.clone(),
        });
        world.insert_resource(display);
        let printer_problem = workers.printer_problem.clone();
        world.insert_resource(Channels {
            to_store: workers.to_store,
            from_store: Mutex::new(workers.from_store),
            to_printer: workers.to_printer,
            from_printer: Mutex::new(workers.from_printer),
            scans: Mutex::new(scans),
            from_plug: Mutex::new(from_plug),
            from_backups: Mutex::new(background.from_backups),
            from_messages: Mutex::new(background.from_messages),
            from_sync: Mutex::new(background.from_sync),
            to_pages: background.to_pages,
            to_sync: background.to_sync,
            from_pages: Mutex::new(background.from_pages),
        });
        world.insert_resource(plug_link);
        world.insert_resource(CounterState {
            words: config.shop.words(),
            ..CounterState::default()
        });
        world.insert_resource(Staffing {
            required: staff_required,
            signed_in: None,
        });
        world.insert_resource(SupportSide::default());
        world.insert_resource(OwnerFigures::default());
        world.insert_resource(DeviceBar {
            receipt_image: latest_receipt(&dir.root().join("receipts")),
            printer_ok: printer_problem.is_none() || plug_label.is_some(),
            printer: printer_label(config, printer_problem, plug_label),
            scanner,
            display: display_state,
            backup: BackupState {
                last: crate::backups::schedule::last_good(dir).map(|l| l.at),
                problem: None,
                second_place: config.backup.to.is_some(),
            },
            chain: config.central.as_ref().map(|_| ChainState::default()),
            pages: PagesBar {
                url: config.portal.public_url.clone(),
                ..PagesBar::default()
            },
            ..DeviceBar::default()
        });
        Ok(Counter {
            world,
            schedule: schedule(),
            scan_sender,
            scanner_stop: threads_stop,
        })
    }
}

/// Plug-in mode's link to the till, and what the device bar says of it, when it is on.
fn start_plug(
    dir: &DataDir,
    config: &Config,
    plug_tx: Sender<crate::passthrough::Event>,
    stop: &Arc<AtomicBool>,
) -> (PlugLink, Option<String>) {
    if !config.passthrough.enabled {
        return (PlugLink::default(), None);
    }
    let last: crate::passthrough::LastCustomer = Default::default();
    let label =
        crate::passthrough::spawn_for_counter(dir, config, last.clone(), plug_tx, stop.clone())
            .unwrap_or_else(|e| {
                let w = config.shop.words();
                let error = crate::services::errors::plug_error(&w, &e);
                w.t_args("plug-off", &[("error", error.into())])
            });
    (PlugLink(Some(last)), Some(label))
}

/// The store worker, and the print worker when there is a printer. A printer profile that
/// does not load leaves the counter working without receipts; the device bar says so.
fn start_workers(
    dir: &DataDir,
    config: &Config,
    store: crate::store::Store,
) -> Result<Workers, StartError> {
    let secret = dir.secret()?;
    let printer = if config.passthrough.enabled {
        Err(ProfileError::Invalid {
            path: "config.toml".into(),
            message: config.shop.words().t("plug-prints"),
        })
    } else {
        ReceiptPrinter::from_config(config, dir)
    };
    let words = config.shop.words();
    let printer_problem =
        (printer.as_ref().err()).map(|e| crate::services::errors::profile_error(&words, e));
    let printer = printer.ok();
    let (to_store, store_rx) = channel();
    let (store_tx, from_store) = channel();
    let (print_tx, from_printer) = channel();
    let to_printer = match &printer {
        Some(p) => {
            let (tx, rx) = channel();
            let (opener, p2) = (dir.store_opener(config), p.clone());
            std::thread::Builder::new()
                .name("printer".into())
                .spawn(move || workers::print_worker(opener, p2, rx, print_tx))?;
            tx.send(PrintRequest::Deliver).ok();
            Some(tx)
        }
        None => None,
    };
    let settings = config.worker_settings();
    std::thread::Builder::new()
        .name("store".into())
        .spawn(move || {
            workers::store_worker(store, settings, secret, printer, store_rx, store_tx)
        })?;
    Ok(Workers {
        to_store,
        from_store,
        to_printer,
        from_printer,
        printer_problem,
    })
}

/// Backups on their schedule (the first check waits a minute so a start is never slowed by
/// one), the nightly refit of who is slipping away (after a few minutes), messages to
/// customers, and the chain's sync when this till is in one.
fn start_background(
    dir: &DataDir,
    config: &Config,
    shop_key: crate::domain::token::ShopSecret,
    stop: &Arc<AtomicBool>,
) -> Result<Background, StartError> {
    let spawn = |name: &str, work: Box<dyn FnOnce() + Send>| {
        std::thread::Builder::new()
            .name(name.into())
            .spawn(work)
            .map(|_| ())
    };
    let (backups_tx, from_backups) = channel();
    let (d, s) = (dir.clone(), stop.clone());
    let settings = (dir.store_opener(config), config.backup.clone());
    spawn(
        "backups",
        Box::new(move || {
            let first = std::time::Duration::from_secs(60);
            crate::backups::schedule::worker(d, settings, first, backups_tx, s)
        }),
    )?;
    crate::services::insights::start_worker(dir, config, stop.clone())?;
    let (messages_tx, from_messages) = channel();
    let settings = crate::services::messages::MessageSettings::of(dir, config);
    let (d, s) = (dir.clone(), stop.clone());
    spawn(
        "messages",
        Box::new(move || crate::services::messages::worker(d, settings, messages_tx, s)),
    )?;
    let (sync_tx, from_sync) = channel();
    let (to_sync, sold) = channel();
    if let Some(central) = config.central.clone() {
        let (opener, words, s) = (dir.store_opener(config), config.shop.words(), stop.clone());
        spawn(
            "sync",
            Box::new(move || {
                crate::services::sync::worker(opener, central, words, sold, sync_tx, s)
            }),
        )?;
    }
    let (to_pages, asks) = channel();
    let (pages_tx, from_pages) = channel();
    crate::services::reach::start_worker(dir, config, shop_key, asks, pages_tx, stop.clone())?;
    Ok(Background {
        from_backups,
        from_messages,
        from_sync,
        to_pages,
        from_pages,
        to_sync,
    })
}

/// The scanner thread, when a scanner port is set; what the device bar says of it.
fn start_scanner(
    config: &Config,
    tx: Sender<Result<ScanEvent, String>>,
    stop: &Arc<AtomicBool>,
) -> Result<ScannerState, StartError> {
    let Some(port) = &config.scanner.port else {
        return Ok(ScannerState::None);
    };
    let profile = crate::devices::profile::ScannerProfile::load(&config.scanner.profile)?;
    let (port, stop) = (port.clone(), stop.clone());
    let state = ScannerState::Waiting(port.clone());
    let words = config.shop.words().0;
    std::thread::Builder::new()
        .name("scanner".into())
        .spawn(move || workers::scanner_thread(port, profile, words, tx, stop))?;
    Ok(state)
}

/// The printer as the counter starts.
fn printer_label(config: &Config, problem: Option<String>, plug: Option<String>) -> PrinterState {
    use crate::config::PrinterPort;
    match (plug, problem, &config.printer.port) {
        (Some(plug), _, _) => PrinterState::Plug(plug),
        (None, Some(problem), _) => PrinterState::Unusable(problem),
        (None, None, PrinterPort::Virtual) => PrinterState::Virtual,
        (None, None, PrinterPort::Device(port)) => PrinterState::On(port.clone()),
    }
}
