//! Threads that do the counter's I/O, so no system ever blocks: the store worker owns the
//! database, the print worker owns the printer, the scanner thread owns the scanner's port.
//! Each takes requests from a channel and answers on another.

use crate::config::WorkerSettings;
use crate::devices::profile::{FlowControl, ScannerProfile};
use crate::devices::scanner::{ScanEvent, read_scans};
use crate::devices::transport::{SerialSettings, SerialTransport};
use crate::domain::token::ShopSecret;
use crate::printing::{Delivery, ReceiptPrinter};
use crate::store::{
    CustomerView, Enrolled, NewCustomer, Redeemed, RefundOutcome, SaleOutcome, Staff, Store,
    StoreError, VisitView,
};
use std::sync::mpsc::{Receiver, Sender};

/// Work for the store worker.
#[derive(Debug, Clone)]
pub enum StoreRequest {
    Search(String),
    Show(String),
    /// Enrol, with the stamps of a paper card credited by whoever is signed in.
    Enroll {
        new: NewCustomer,
        cashier: Option<Staff>,
    },
    /// Stamps from the paper card of the customer on screen.
    PaperStamps {
        customer: String,
        stamps: i64,
        cashier: Option<Staff>,
        owner_pin: Option<String>,
    },
    Sale {
        amount: i64,
        customer: Option<String>,
        /// Who is signed in at the counter (for the ratings by staff on duty).
        staff: Option<String>,
    },
    Redeem {
        customer: String,
        reward: String,
        /// Who is signed in at the counter (for the checks).
        staff: Option<String>,
    },
    Refund {
        receipt: String,
        amount: Option<i64>,
        /// Who is at the counter (none when the shop has no staff set up).
        cashier: Option<Staff>,
        /// The owner's PIN, for refunds above the limit.
        owner_pin: Option<String>,
        /// Refunds above this (minor units) need an owner.
        limit: i64,
    },
    Reprint,
    TestPrint,
    /// A card slip with the member QR and the referral code.
    PrintCard(String),
    /// A manual points adjustment, which needs an owner.
    Adjust {
        customer: String,
        points: i64,
        reason: String,
        cashier: Option<Staff>,
        owner_pin: Option<String>,
    },
    SignIn(String),
    /// A receipt QR scanned at the counter: verify its token, open the visit.
    OpenReceipt(String),
    /// The owner's figures; needs an owner when the shop has staff. No `from_day`: from
    /// the first visit.
    Figures {
        from_day: Option<i64>,
        to_day: i64,
        cashier: Option<Staff>,
        owner_pin: Option<String>,
        /// The chain's, from its central store.
        chain: bool,
    },
    /// The same figures as CSV files in `dir`.
    ExportFigures {
        from_day: i64,
        to_day: i64,
        dir: std::path::PathBuf,
    },
    /// Support: a customer's and a visit's tickets and timeline, and staff's work on them.
    Support(super::support_work::SupportRequest),
    /// The owner acknowledges an alert, with a note.
    AckAlert {
        id: i64,
        note: String,
        cashier: Option<Staff>,
        owner_pin: Option<String>,
    },
}

/// The store worker's answers.
#[derive(Debug, Clone)]
pub enum StoreReply {
    /// The customers matching a search, with the text searched for.
    Found(String, Vec<CustomerView>),
    Customer(CustomerView),
    Enrolled(Enrolled, CustomerView),
    Sold {
        sale: SaleOutcome,
        url: String,
        customer: Option<CustomerView>,
    },
    Redeemed(Redeemed, CustomerView),
    /// A refund, with the refunded visit's customer as they are after it.
    Refunded(RefundOutcome, Option<CustomerView>),
    Reprinted,
    Visit(VisitView, Option<CustomerView>),
    SignedIn(Staff),
    Adjusted(i64, CustomerView),
    PaperStamped(crate::store::PaperStamped, CustomerView),
    Support(super::Support),
    /// This till's figures, with the checks' alerts of the same range.
    Figures(Box<crate::store::Figures>, Box<crate::store::ChecksView>),
    /// An alert acknowledged.
    Acked(Box<crate::store::AlertView>),
    /// How many alerts are open, after a request that may have raised or acknowledged one.
    OpenAlerts(i64),
    ChainFigures(Box<super::figures_work::ChainView>),
    /// A ticket or note was saved: what to tell the cashier.
    SupportSaved(String),
    /// What went wrong, in the cashier's words; nothing was changed. `doing` is the message id
    /// of what was being done; `busy` when another program held the database (worth trying
    /// again).
    Failed {
        doing: &'static str,
        error: String,
        busy: bool,
    },
    /// Another program holds the database past SQLite's own wait: the request (`doing`, a
    /// message id) is being tried again; its answer follows.
    StillBusy {
        doing: &'static str,
    },
    /// An enrolment refused for what was typed in one field of the form; nothing was changed.
    EnrollRefused {
        field: crate::store::NewCustomerField,
        error: String,
    },
}

/// What the print worker reports.
#[derive(Debug, Clone)]
pub enum PrinterNews {
    /// What a delivery of the queue did.
    Delivered(Delivery),
    /// The printer's state, checked while nothing is waiting.
    Status(Result<crate::devices::escpos::PrinterStatus, String>),
}

/// How often the printer's state is checked while idle, so paper low or a cover left open
/// shows on the screen before the next sale.
const IDLE_STATUS_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// Extra attempts after SQLite's own busy wait (5 s each) before a request fails.
const BUSY_RETRIES: usize = 3;

/// Work for the print worker.
#[derive(Debug, Clone, Copy)]
pub enum PrintRequest {
    /// Send whatever is waiting.
    Deliver,
}

/// Runs the store worker until its request channel closes.
pub fn store_worker(
    mut store: Store,
    settings: WorkerSettings,
    secret: ShopSecret,
    printer: Option<ReceiptPrinter>,
    requests: Receiver<StoreRequest>,
    replies: Sender<StoreReply>,
) {
    let now = crate::clock::now;
    // The owner's figures are read on a connection and thread of their own: reading them the
    // first time takes a second or more at millions of visits, and a sale must not wait.
    let mut figures: Option<Sender<StoreRequest>> = None;
    // On a chain's till a redemption asks the central store, which may be slow or gone:
    // those wait on a thread of their own too, so the next sale never waits for the network.
    let mut chain: Option<Sender<StoreRequest>> = None;
    // Open alerts, for the owner's line on the device bar: told at the start and whenever a
    // request changes how many there are.
    let mut open_alerts = None;
    let mut tell_alerts = |store: &mut Store| {
        let now_open = store.read(|tx| tx.checks().open_alerts()).ok();
        if now_open.is_some() && now_open != open_alerts {
            open_alerts = now_open;
            replies
                .send(StoreReply::OpenAlerts(now_open.unwrap_or(0)))
                .is_ok()
        } else {
            true
        }
    };
    if !tell_alerts(&mut store) {
        return;
    }
    for request in requests {
        let side = match request {
            StoreRequest::Figures { .. } | StoreRequest::ExportFigures { .. } => {
                Some((&mut figures, "figures"))
            }
            StoreRequest::Redeem { .. } if settings.central.is_some() => {
                Some((&mut chain, "chain"))
            }
            _ => None,
        };
        if let Some((worker, name)) = side {
            if worker.is_none() {
                *worker = side_worker(name, &store, &settings, &secret, &replies);
            }
            if let Some(w) = worker {
                if w.send(request.clone()).is_ok() {
                    continue;
                }
                *worker = None;
            }
        }
        let reply = answer(
            &mut store,
            (&settings, &secret, printer.as_ref()),
            request,
            now(),
            &replies,
        );
        if replies.send(reply).is_err() || !tell_alerts(&mut store) {
            break;
        }
    }
}

/// Starts a thread (`name`) that answers some requests (the owner's figures, a chain's
/// redemptions) with its own connection to the store; `None` (answer them here instead) if
/// that connection cannot be opened.
fn side_worker(
    name: &str,
    store: &Store,
    settings: &WorkerSettings,
    secret: &ShopSecret,
    replies: &Sender<StoreReply>,
) -> Option<Sender<StoreRequest>> {
    let mut own = Store::open(store.path(), store.rules().clone()).ok()?;
    let (settings, secret, replies) = (settings.clone(), secret.clone(), replies.clone());
    let (tx, rx) = std::sync::mpsc::channel::<StoreRequest>();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            for request in rx {
                let reply = answer(
                    &mut own,
                    (&settings, &secret, None),
                    request,
                    crate::clock::now(),
                    &replies,
                );
                if replies.send(reply).is_err() {
                    break;
                }
            }
        })
        .ok()?;
    Some(tx)
}

/// Handles one request, trying again a few times while another writer holds the database (a
/// backup, a second till) past SQLite's own 5 s wait. A busy write never committed, so a retry
/// cannot record anything twice.
fn answer(
    store: &mut Store,
    (settings, secret, printer): (&WorkerSettings, &ShopSecret, Option<&ReceiptPrinter>),
    request: StoreRequest,
    now: i64,
    replies: &Sender<StoreReply>,
) -> StoreReply {
    let mut attempts = 0;
    loop {
        let reply = super::jobs::handle(store, settings, secret, printer, request.clone(), now);
        let doing = match &reply {
            StoreReply::Failed {
                doing, busy: true, ..
            } if attempts < BUSY_RETRIES => *doing,
            _ => return reply,
        };
        // The cashier sees why it is slow, then the answer.
        replies.send(StoreReply::StillBusy { doing }).ok();
        attempts += 1;
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A refusal or failure while `doing` (a message id), in the cashier's words.
pub(super) fn failed(w: &crate::i18n::Language, doing: &'static str, e: StoreError) -> StoreReply {
    StoreReply::Failed {
        doing,
        busy: matches!(e, StoreError::Busy),
        error: crate::services::errors::store_error(w, &e),
    }
}

/// Runs the print worker: on each request (and every few seconds while receipts wait) it
/// sends what is queued. It opens its own connection to the database.
pub fn print_worker(
    opener: crate::datadir::StoreOpener,
    printer: ReceiptPrinter,
    requests: Receiver<PrintRequest>,
    replies: Sender<PrinterNews>,
) {
    use std::sync::mpsc::RecvTimeoutError;
    let Ok(mut store) = opener.open(crate::clock::now()) else {
        return;
    };
    let mut waiting = 0;
    loop {
        let wait = if waiting > 0 {
            std::time::Duration::from_secs(3)
        } else {
            IDLE_STATUS_EVERY
        };
        let news = match requests.recv_timeout(wait) {
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) if waiting == 0 => {
                PrinterNews::Status(printer.status().map_err(|e| printer.fault(&e)))
            }
            _ => {
                let d = printer
                    .deliver(&mut store, crate::clock::now())
                    .unwrap_or_else(|e| Delivery {
                        problem: Some(e.to_string()),
                        ..Delivery::default()
                    });
                waiting = d.waiting;
                PrinterNews::Delivered(d)
            }
        };
        if replies.send(news).is_err() {
            return;
        }
    }
}

/// Reads the scanner's port, reopening it when it comes back, and sends each scan, until `stop`
/// is set (then the port is released for whoever opens it next).
pub fn scanner_thread(
    port: String,
    profile: ScannerProfile,
    words: &'static crate::i18n::Language,
    scans: Sender<Result<ScanEvent, String>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::Ordering;
    let start = std::time::Instant::now();
    let clock = move || start.elapsed().as_millis() as u64;
    loop {
        let mut transport = SerialTransport::new(SerialSettings {
            path: port.clone(),
            baud: profile.baud,
            flow_control: FlowControl::None,
        });
        let mut alive = true;
        let r = read_scans(
            &mut transport,
            &profile,
            &clock,
            &|_| stop.load(Ordering::Relaxed),
            &mut |e| {
                alive = scans.send(Ok(e)).is_ok();
                alive
            },
        );
        if !alive || stop.load(Ordering::Relaxed) {
            return;
        }
        if let Err(e) = r {
            let e = if crate::devices::transport::refused(&e) {
                words.port_refused(&port)
            } else {
                e.to_string()
            };
            let fault = if e.contains(&port) {
                e
            } else {
                format!("{port}: {e}")
            };
            if scans.send(Err(fault)).is_err() {
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}
