//! Threads that do the counter's I/O, so no system ever blocks: the store worker owns the
//! database, the print worker owns the printer, the scanner thread owns the scanner's port.
//! Each takes requests from a channel and answers on another.

use crate::config::Config;
use crate::datadir::DataDir;
use crate::devices::profile::{FlowControl, ScannerProfile};
use crate::devices::scanner::{ScanEvent, read_scans};
use crate::devices::transport::{SerialSettings, SerialTransport};
use crate::domain::staff::{Actor, Role};
use crate::domain::token::{ShopSecret, receipt_url};
use crate::printing::{Delivery, ReceiptPrinter, enqueue_receipt};
use crate::store::{
    CustomerView, Enrolled, NewCustomer, NewSale, Redeemed, RefundOutcome, SaleOutcome, Staff,
    Store, StoreError, VisitView,
};
use std::sync::mpsc::{Receiver, Sender};

/// Work for the store worker.
#[derive(Debug, Clone)]
pub enum StoreRequest {
    Search(String),
    Show(String),
    Enroll(NewCustomer),
    Sale {
        amount: i64,
        customer: Option<String>,
        /// Who is signed in at the counter (for the ratings by staff on duty).
        staff: Option<String>,
    },
    Redeem {
        customer: String,
        reward: String,
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
    Support(super::Support),
    Figures(Box<crate::store::Figures>),
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

/// Who is recorded for an action (the domain's rule, [`crate::domain::staff::approval`]), once
/// the owner's PIN, if one was typed, is checked against the staff list.
fn approved_actor(
    tx: &crate::store::Tx<'_>,
    cashier: Option<&Staff>,
    owner_pin: Option<&str>,
    needs_owner: bool,
    task: crate::store::OwnerTask,
) -> Result<Actor, StoreError> {
    let owner = match owner_pin.map(str::trim).filter(|p| !p.is_empty()) {
        Some(pin) => tx.staff_by_pin(pin)?.filter(|s| s.role == Role::Owner),
        None => None,
    };
    crate::domain::staff::approval(
        cashier.map(|c| (c.name.as_str(), c.role)),
        owner.as_ref().map(|o| o.name.as_str()),
        needs_owner,
    )
    .map_err(|_| StoreError::NeedsOwner(task))
}

/// Work for the print worker.
#[derive(Debug, Clone, Copy)]
pub enum PrintRequest {
    /// Send whatever is waiting.
    Deliver,
}

/// Runs the store worker until its request channel closes.
pub fn store_worker(
    mut store: Store,
    config: Config,
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
    for request in requests {
        let side = match request {
            StoreRequest::Figures { .. } | StoreRequest::ExportFigures { .. } => {
                Some((&mut figures, "figures"))
            }
            StoreRequest::Redeem { .. } if config.central.is_some() => Some((&mut chain, "chain")),
            _ => None,
        };
        if let Some((worker, name)) = side {
            if worker.is_none() {
                *worker = side_worker(name, &store, &config, &secret, &replies);
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
            &config,
            &secret,
            printer.as_ref(),
            request,
            now(),
        );
        if replies.send(reply).is_err() {
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
    config: &Config,
    secret: &ShopSecret,
    replies: &Sender<StoreReply>,
) -> Option<Sender<StoreRequest>> {
    let mut own = Store::open(store.path(), store.rules().clone()).ok()?;
    let (config, secret, replies) = (config.clone(), secret.clone(), replies.clone());
    let (tx, rx) = std::sync::mpsc::channel::<StoreRequest>();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            for request in rx {
                let reply = answer(
                    &mut own,
                    &config,
                    &secret,
                    None,
                    request,
                    crate::clock::now(),
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
    config: &Config,
    secret: &ShopSecret,
    printer: Option<&ReceiptPrinter>,
    request: StoreRequest,
    now: i64,
) -> StoreReply {
    let mut attempts = 0;
    loop {
        let reply = handle(store, config, secret, printer, request.clone(), now);
        if attempts == BUSY_RETRIES || !matches!(&reply, StoreReply::Failed { busy: true, .. }) {
            return reply;
        }
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

fn handle(
    store: &mut Store,
    config: &Config,
    secret: &ShopSecret,
    printer: Option<&ReceiptPrinter>,
    request: StoreRequest,
    now: i64,
) -> StoreReply {
    let mut job = Job {
        store,
        config,
        secret,
        printer,
        now,
        w: config.shop.words(),
    };
    match request {
        StoreRequest::Search(text) => job.search(text),
        StoreRequest::Show(code) => job.show(&code),
        StoreRequest::Enroll(new) => job.enroll(&new),
        StoreRequest::Sale {
            amount,
            customer,
            staff,
        } => job.sale(amount, customer, staff.as_deref()),
        StoreRequest::Redeem { customer, reward } => job.redeem(&customer, &reward),
        StoreRequest::Refund {
            receipt,
            amount,
            cashier,
            owner_pin,
            limit,
        } => job.refund(
            &receipt,
            amount,
            cashier.as_ref(),
            owner_pin.as_deref(),
            limit,
        ),
        StoreRequest::TestPrint => job.test_print(),
        StoreRequest::PrintCard(code) => job.print_card(&code),
        StoreRequest::Adjust {
            customer,
            points,
            reason,
            cashier,
            owner_pin,
        } => job.adjust(
            &customer,
            points,
            &reason,
            cashier.as_ref(),
            owner_pin.as_deref(),
        ),
        StoreRequest::Figures {
            from_day,
            to_day,
            cashier,
            owner_pin,
            chain,
        } => job.figures(
            (from_day, to_day),
            cashier.as_ref(),
            owner_pin.as_deref(),
            chain,
        ),
        StoreRequest::ExportFigures {
            from_day,
            to_day,
            dir,
        } => job.export_figures(from_day, to_day, &dir),
        StoreRequest::Support(r) => super::support_work::handle(job.store, &job.w, r, now),
        StoreRequest::SignIn(pin) => job.sign_in(&pin),
        StoreRequest::Reprint => job.reprint(),
        StoreRequest::OpenReceipt(token) => job.open_receipt(&token),
    }
}

/// One request to the store worker, with what it is done with.
struct Job<'a> {
    store: &'a mut Store,
    config: &'a Config,
    secret: &'a ShopSecret,
    printer: Option<&'a ReceiptPrinter>,
    now: i64,
    w: crate::i18n::Words,
}

impl Job<'_> {
    /// What went wrong while `doing` (a message id), in the cashier's words.
    fn fail(&self, doing: &'static str) -> impl Fn(StoreError) -> StoreReply + '_ {
        move |e| failed(&self.w, doing, e)
    }

    /// A refusal worded here rather than by the store.
    fn refused(&self, doing: &'static str, id: &str) -> StoreReply {
        StoreReply::Failed {
            doing,
            error: self.w.t(id),
            busy: false,
        }
    }

    fn search(&mut self, text: String) -> StoreReply {
        let now = self.now;
        match self.store.read(|tx| tx.find_customers(&text, 12, now)) {
            Ok(found) => StoreReply::Found(text, found),
            Err(e) => self.fail("doing-find")(e),
        }
    }

    fn show(&mut self, code: &str) -> StoreReply {
        match self.store.customer_view(code, self.now) {
            Ok(view) => StoreReply::Customer(view),
            Err(e) => self.fail("doing-open-customer")(e),
        }
    }

    fn enroll(&mut self, new: &crate::store::NewCustomer) -> StoreReply {
        let now = self.now;
        let store = &mut *self.store;
        let out = store
            .enroll(new, now, &mut rand::random::<u64>)
            .and_then(|e| {
                let view = store.customer_view(&e.code, now)?;
                Ok(StoreReply::Enrolled(e, view))
            });
        out.unwrap_or_else(|e| match e.new_customer_field() {
            Some(field) => StoreReply::EnrollRefused {
                field,
                error: crate::services::errors::store_error(&self.w, &e),
            },
            None => self.fail("doing-enrol")(e),
        })
    }

    fn sale(&mut self, amount: i64, customer: Option<String>, staff: Option<&str>) -> StoreReply {
        let (config, secret, printer, now) = (self.config, self.secret, self.printer, self.now);
        let sale = NewSale {
            amount,
            at: now,
            customer,
            receipt: None,
        };
        let store = &mut *self.store;
        let out = store
            .write(|tx| {
                let out = tx.record_sale_by(&sale, staff)?;
                let token = tx.receipt_token(out.visit_id, secret)?;
                let url = receipt_url(&config.portal.public_url, &token);
                if let Some(p) = printer {
                    let when = config.shop.words().date_time(out.at);
                    enqueue_receipt(tx, config, p, &out, &url, &when, now)?;
                }
                Ok((out, url))
            })
            .and_then(|(out, url)| {
                let customer = match &out.customer {
                    Some(code) => Some(store.customer_view(code, now)?),
                    None => None,
                };
                Ok(StoreReply::Sold {
                    url,
                    sale: out,
                    customer,
                })
            });
        out.unwrap_or_else(self.fail("doing-sale"))
    }

    fn redeem(&mut self, customer: &str, reward: &str) -> StoreReply {
        let now = self.now;
        match crate::services::sync::redeem(self.store, self.config, customer, reward, now, None) {
            Ok((r, _)) => match self.store.customer_view(customer, now) {
                Ok(view) => StoreReply::Redeemed(r, view),
                Err(e) => self.fail("doing-redeem")(e),
            },
            Err(crate::services::sync::SyncError::Store(e)) => self.fail("doing-redeem")(e),
            // The chain's central store could not be asked: its own words, never a
            // refusal of what the cashier typed.
            Err(e) => StoreReply::Failed {
                doing: "doing-redeem",
                error: crate::services::errors::sync_error(&self.w, &e),
                busy: false,
            },
        }
    }

    fn refund(
        &mut self,
        receipt: &str,
        amount: Option<i64>,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
        limit: i64,
    ) -> StoreReply {
        let (now, currency) = (self.now, self.config.shop.currency);
        let out = self.store.write(|tx| {
            // Without staff set up there is no owner to ask; with staff, a large refund
            // needs an owner at the counter or the owner's PIN.
            let large = tx.refund_amount(receipt, amount)? > limit;
            let task = crate::store::OwnerTask::Refund { limit, currency };
            let actor = approved_actor(tx, cashier, owner_pin, large, task)?;
            let refund = tx.refund(receipt, amount, now, &actor)?;
            // The customer of the refunded visit as they are now, for the screen.
            let customer = match tx.visit(refund.visit_id)?.and_then(|v| v.customer) {
                Some(code) => Some(tx.view(&code, now)?),
                None => None,
            };
            Ok(StoreReply::Refunded(refund, customer))
        });
        out.unwrap_or_else(self.fail("doing-refund"))
    }

    fn test_print(&mut self) -> StoreReply {
        let Some(p) = self.printer else {
            return self.refused("doing-test-page", "worker-no-printer");
        };
        let (config, now) = (self.config, self.now);
        match self
            .store
            .write(|tx| crate::printing::enqueue_test_page(tx, config, p, now))
        {
            Ok(_) => StoreReply::Reprinted,
            Err(e) => self.fail("doing-test-page")(e),
        }
    }

    fn print_card(&mut self, code: &str) -> StoreReply {
        let Some(p) = self.printer else {
            return self.refused("doing-print-card", "worker-no-printer");
        };
        let (config, now) = (self.config, self.now);
        match self.store.write(|tx| {
            let view = tx.view(code, now)?;
            crate::printing::enqueue_card_slip(tx, config, p, &view, now)
        }) {
            Ok(_) => StoreReply::Reprinted,
            Err(e) => self.fail("doing-print-card")(e),
        }
    }

    fn adjust(
        &mut self,
        customer: &str,
        points: i64,
        reason: &str,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
    ) -> StoreReply {
        let now = self.now;
        let out = self.store.write(|tx| {
            // With staff set up, only an owner adjusts points: signed in, or by PIN.
            let task = crate::store::OwnerTask::Adjust;
            let mut actor = approved_actor(tx, cashier, owner_pin, true, task)?;
            // Without staff nobody signs in; an adjustment still names who made it.
            actor.name.get_or_insert_with(|| "counter".into());
            tx.adjust(customer, points, reason, &actor, None, now)?;
            tx.view(customer, now)
        });
        match out {
            Ok(view) => StoreReply::Adjusted(points, view),
            Err(e) => self.fail("doing-adjust")(e),
        }
    }

    fn figures(
        &mut self,
        (from_day, to_day): (Option<i64>, i64),
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
        chain: bool,
    ) -> StoreReply {
        let task = crate::store::OwnerTask::Figures;
        let allowed = self
            .store
            .read(|tx| approved_actor(tx, cashier, owner_pin, true, task));
        let out = allowed.and_then(|_| match chain {
            true => Ok(super::figures_work::chain(
                self.config,
                &self.w,
                from_day,
                to_day,
            )),
            false => super::figures_work::this_till(self.store, from_day, to_day, self.now),
        });
        out.unwrap_or_else(self.fail("doing-figures"))
    }

    fn export_figures(&mut self, from_day: i64, to_day: i64, dir: &std::path::Path) -> StoreReply {
        let currency = self.config.shop.currency;
        let written = self
            .store
            .figures(from_day, to_day, self.now)
            .map_err(crate::report::ReportError::from)
            .and_then(|f| crate::report::write_csv(dir, &f, self.store, currency))
            .map_err(|e| crate::services::errors::report_error(&self.w, &e));
        match written {
            Ok(files) => StoreReply::SupportSaved(self.w.t_args(
                "worker-exported",
                &[
                    ("count", files.len().into()),
                    ("dir", dir.display().to_string().into()),
                ],
            )),
            Err(error) => StoreReply::Failed {
                doing: "doing-export",
                error,
                busy: false,
            },
        }
    }

    fn sign_in(&mut self, pin: &str) -> StoreReply {
        match self.store.read(|tx| tx.staff_by_pin(pin.trim())) {
            Ok(Some(s)) => StoreReply::SignedIn(s),
            Ok(None) => self.refused("doing-sign-in", "worker-unknown-pin"),
            Err(e) => self.fail("doing-sign-in")(e),
        }
    }

    fn reprint(&mut self) -> StoreReply {
        let now = self.now;
        let reprinted = self.store.write(|tx| match tx.last_receipt()? {
            Some(job) => {
                tx.enqueue_print(job.visit_id, "reprint", &job.bytes, &job.text, now)?;
                Ok(true)
            }
            None => Ok(false),
        });
        match reprinted {
            Ok(true) => StoreReply::Reprinted,
            Ok(false) => self.refused("doing-reprint", "worker-nothing-printed"),
            Err(e) => self.fail("doing-reprint")(e),
        }
    }

    fn open_receipt(&mut self, token: &str) -> StoreReply {
        let (secret, now) = (self.secret, self.now);
        // A forged or altered token is answered exactly like an unknown visit.
        let Ok(Some(id)) = self.store.read(|tx| tx.visit_for_token(token, secret)) else {
            return self.refused("doing-open-receipt", "worker-foreign-receipt");
        };
        let found = self.store.read(|tx| {
            let Some(v) = tx.visit(id)? else {
                return Ok(None);
            };
            let c = match &v.customer {
                Some(code) => Some(tx.view(code, now)?),
                None => None,
            };
            Ok(Some((v, c)))
        });
        match found {
            Ok(Some((v, c))) => StoreReply::Visit(v, c),
            Ok(None) => self.refused("doing-open-receipt", "worker-foreign-receipt"),
            Err(e) => self.fail("doing-open-receipt")(e),
        }
    }
}

/// Runs the print worker: on each request (and every few seconds while receipts wait) it
/// sends what is queued. It opens its own connection to the database.
pub fn print_worker(
    dir: DataDir,
    config: Config,
    printer: ReceiptPrinter,
    requests: Receiver<PrintRequest>,
    replies: Sender<PrinterNews>,
) {
    use std::sync::mpsc::RecvTimeoutError;
    let Ok(mut store) = dir.open_store(&config, crate::clock::now()) else {
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
                PrinterNews::Status(printer.status().map_err(|e| e.to_string()))
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
            let e = e.to_string();
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
