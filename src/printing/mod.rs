//! From a sale to a printed receipt, through the durable print queue.
//!
//! The receipt is built whole and stored as a print job in the sale's own transaction; only then
//! is it sent. A job waits while the printer is offline, out of paper or open, and goes out with
//! the next delivery (`regulars print retry`, or the next sale); it is marked sent only after
//! the printer has taken it and answered a status check (a USB or network printer that never
//! answers one: once it has taken the whole job). On a printer that keeps pictures the shop's
//! header is stored once and printed from its memory (`logo.rs`).

use crate::config::PrinterPort;
use crate::config::{Config, WorkerSettings};
use crate::datadir::DataDir;
use crate::devices::escpos::PrinterStatus;
use crate::devices::printer::{PrintError, Printer};
use crate::devices::profile::{PrinterProfile, ProfileError};
use crate::devices::raster::Bitmap;
use crate::devices::receipt::{ItemLine, Loyalty, Receipt};
use crate::devices::transport::{Link, Transport};
use crate::devices::virtual_printer::VirtualPrinter;
use crate::i18n::Language;
use crate::store::JobKind;
use crate::store::{CustomerView, Result as StoreResult, SaleOutcome, Store, Tx};
use serde::Serialize;
use std::path::PathBuf;

mod logo;
mod samples;
pub use logo::{load_logo, shipped_logo};
pub use samples::{STANDARD_SHOPS, StandardShop, standard_receipt, standard_shop_receipt};

/// The shop's receipt printer, as configured.
#[derive(Clone)]
pub struct ReceiptPrinter {
    pub profile: PrinterProfile,
    pub port: PrinterPort,
    baud: u32,
    receipts_dir: PathBuf,
    /// The configured logo, dithered for this printer's width.
    pub logo: Option<Bitmap>,
    /// The shop's language, for what the cashier is told when a receipt cannot go out.
    words: &'static Language,
    /// The printer is on a connection that may not carry answers and has given none.
    silent: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Which header each printer keeps in its memory (`printer-memory.json`).
    memory_file: PathBuf,
    /// On a printer that keeps pictures: the shop's header (logo and name) as one picture.
    stored_header: Option<Bitmap>,
}

/// What a delivery attempt did.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Delivery {
    /// Jobs printed now.
    pub printed: Vec<i64>,
    /// Receipt images written by the virtual printer.
    pub images: Vec<PathBuf>,
    /// Jobs still waiting.
    pub waiting: usize,
    /// Why the rest is waiting, in the cashier's words.
    pub problem: Option<String>,
}

impl ReceiptPrinter {
    pub fn from_config(config: &Config, dir: &DataDir) -> Result<ReceiptPrinter, ProfileError> {
        let profile = PrinterProfile::load(&config.printer.profile)?;
        let logo = config.printer.logo.as_ref().and_then(|p| {
            let path = dir.root().join(p);
            load_logo(&path, profile.dots)
                .map_err(|e| eprintln!("warning: {e}; printing without it"))
                .ok()
        });
        let stored_header = profile.nv_graphics.then(|| {
            crate::devices::drawn::header_picture(logo.as_ref(), &config.shop.name, &profile)
        });
        Ok(ReceiptPrinter {
            stored_header,
            logo,
            baud: config.printer.baud.unwrap_or(profile.baud),
            profile,
            port: config.printer.port.clone(),
            receipts_dir: dir.root().join("receipts"),
            words: config.shop.words().0,
            silent: Default::default(),
            memory_file: dir.root().join("printer-memory.json"),
        })
    }

    /// Why the printer could not be used, in the cashier's words where they can act on it (a
    /// port this computer refused: what to do about it).
    pub fn fault(&self, e: &PrintError) -> String {
        match e {
            PrintError::Io(io) if crate::devices::transport::refused(io) => {
                self.words.port_refused(&self.port.to_string())
            }
            _ => e.to_string(),
        }
    }

    pub fn is_virtual(&self) -> bool {
        self.port == PrinterPort::Virtual
    }

    /// Sends one job. Returns the receipt image when the virtual printer drew it.
    fn send(&self, bytes: &[u8], words: &str) -> Result<Option<PathBuf>, PrintError> {
        if self.is_virtual() {
            let mut v =
                VirtualPrinter::new(&self.profile, &self.receipts_dir, 0)?.with_words(words);
            let mut events = Vec::new();
            v.receive(bytes, &mut events)?;
            return Ok(events.into_iter().find_map(|e| match e {
                crate::devices::virtual_printer::Event::Printed { png, .. } => Some(png),
                _ => None,
            }));
        }
        let mut printer = self.connection()?;
        let r = printer.print(bytes);
        self.remember_silence(&printer);
        r?;
        Ok(None)
    }

    /// The printer on its port (serial, USB or network), not yet opened.
    fn connection(&self) -> Result<Printer<Box<dyn Transport>>, PrintError> {
        let port = self.port.to_string();
        let link = Link::parse(&port).map_err(|e| {
            PrintError::Io(std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
        })?;
        let transport = link.transport(self.baud, self.profile.flow_control);
        let silent = self.silent.load(std::sync::atomic::Ordering::Relaxed);
        Ok(Printer::new(transport, port)
            .with_baud(self.baud)
            .known_silent(silent))
    }

    /// A network or USB printer found not to answer status queries is not asked again (each
    /// question costs a second's wait).
    fn remember_silence(&self, printer: &Printer<Box<dyn Transport>>) {
        if printer.silent() {
            self.silent
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// How the printer is now (the virtual printer is always ready).
    pub fn status(&self) -> Result<PrinterStatus, PrintError> {
        if self.is_virtual() {
            return Ok(PrinterStatus {
                online: true,
                ..PrinterStatus::default()
            });
        }
        let mut printer = self.connection()?;
        let r = printer.status();
        self.remember_silence(&printer);
        r
    }

    /// The printer as the memory file names it.
    fn memory_name(&self) -> String {
        format!("{} {}", self.port, self.profile.id)
    }

    /// Puts the shop's header on `receipt` the way this printer takes it: on a printer that
    /// keeps pictures, the logo and the name as the one picture it keeps (stored with a test
    /// page, or when it is new to this printer; else printed from its memory); otherwise as
    /// they are.
    pub fn put_header(&self, receipt: &mut Receipt, test: bool) {
        let Some(header) = &self.stored_header else {
            return;
        };
        receipt.logo_memory =
            logo::memory_for(&self.memory_file, &self.memory_name(), header, test);
        receipt.logo = Some(header.clone());
        receipt.shop_name.clear();
    }

    /// After a job was printed: if it stored the header, this printer keeps it from now on.
    fn note_kept_header(&self, job: &[u8], logo: Option<&Bitmap>) {
        let key = crate::devices::escpos::LOGO_KEY;
        let define = [0x30, 67, 0x30, key[0], key[1]];
        if let Some(logo) = logo
            && self.profile.nv_graphics
            && job.windows(define.len()).any(|w| w == define)
            && let Err(e) = logo::remember(&self.memory_file, &self.memory_name(), logo)
        {
            eprintln!("warning: cannot note that the printer keeps the logo: {e}");
        }
    }

    /// Sends every pending job in order; stops at the first failure, which leaves it and the
    /// rest pending with the reason recorded.
    pub fn deliver(&self, store: &mut Store, now: i64) -> StoreResult<Delivery> {
        let mut d = Delivery::default();
        let jobs = store.pending_prints()?;
        d.waiting = jobs.len();
        for job in jobs {
            match self.send(&job.bytes, &job.text) {
                Ok(image) => {
                    store.write(|tx| tx.counter().mark_printed(job.id, now))?;
                    self.note_kept_header(&job.bytes, self.stored_header.as_ref());
                    d.printed.push(job.id);
                    d.images.extend(image);
                    d.waiting -= 1;
                }
                Err(e) => {
                    let why = self.fault(&e);
                    store.write(|tx| tx.counter().mark_print_failed(job.id, &why))?;
                    d.problem = Some(why);
                    break;
                }
            }
        }
        Ok(d)
    }
}

/// Text for paper: the no-break spaces number formats use become plain spaces, which every
/// code page has (the printer never breaks a line by itself).
pub(crate) fn paper(text: String) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// How money is written on the receipt: the shop's language's way, with the currency's sign.
fn money_text(settings: &WorkerSettings, w: &Language, minor: i64) -> String {
    paper(w.amount(minor, settings.shop.currency))
}

/// A member's points and progress for the receipt, in the shop's words. Shared with the
/// pass-through's insert into another till's receipt.
pub fn loyalty_block(w: &Language, customer: &CustomerView, points_earned: i64) -> Loyalty {
    let mut progress: Vec<String> = Vec::new();
    if let Some(t) = &customer.tier {
        // Plain words on paper (a printer's code page may have no "×").
        progress.push(w.t_args("receipt-tier", &[("tier", t.place.name.as_str().into())]));
        progress.extend(w.tier(t).1);
    }
    progress.extend(
        customer
            .progress
            .iter()
            .map(|p| w.progress(p.unit, p.remaining, &p.reward_name)),
    );
    let mut l = loyalty_words(
        w,
        customer.name.as_deref(),
        points_earned,
        customer.balance,
        progress,
        &customer.referral_code,
    );
    // Right after a reward, the invitation to bring a friend says so, in large print.
    if let Some(reward) = &customer.just_redeemed {
        l.refer = paper(w.t_args(
            "receipt-refer-reward",
            &[("reward", reward.as_str().into())],
        ));
        l.refer_now = true;
    }
    l
}

/// The loyalty block's words: first name only (the receipt may be left on the counter).
pub fn loyalty_words(
    w: &Language,
    name: Option<&str>,
    points_earned: i64,
    balance: i64,
    progress: Vec<String>,
    referral_code: &str,
) -> Loyalty {
    let first = name
        .map(crate::domain::support::first_name)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| w.t("receipt-friend"));
    Loyalty {
        thanks: w.t_args("receipt-thanks", &[("name", first.into())]),
        points_label: w.t("receipt-points-visit"),
        points_earned: paper(format!("+{}", w.number(points_earned))),
        balance_label: w.t("receipt-balance"),
        balance: paper(w.number(balance)),
        progress,
        refer: w.t("receipt-refer"),
        referral_code: referral_code.to_string(),
        refer_now: false,
    }
}

/// What the receipt's QR code gives, in the shop's words.
pub fn qr_caption(w: &Language, member: bool) -> String {
    w.t(if member {
        "receipt-qr-member"
    } else {
        "receipt-qr-claim"
    })
}

/// A sale's receipt in `w`'s words: the shop, the sale's number and amount, the member's
/// block (or none), the visit QR.
pub struct SaleReceipt<'a> {
    pub shop_name: &'a str,
    pub currency: crate::domain::money::Currency,
    pub logo: Option<&'a Bitmap>,
    pub number: &'a str,
    pub amount: i64,
    pub loyalty: Option<Loyalty>,
    pub url: &'a str,
    pub when: &'a str,
    /// The receipt's code and the address to type it at (`{public_url}/c`).
    pub code: Option<(&'a str, &'a str)>,
}

impl SaleReceipt<'_> {
    pub fn build(self, w: &Language) -> Receipt {
        let total = paper(w.amount(self.amount, self.currency));
        Receipt {
            logo: self.logo.cloned(),
            logo_memory: Default::default(),
            shop_name: self.shop_name.to_string(),
            header: Vec::new(),
            when: self.when.to_string(),
            receipt_no: Some(w.t_args("receipt-no", &[("number", self.number.into())])),
            items: vec![ItemLine {
                text: w.t("receipt-purchase"),
                amount: total.clone(),
            }],
            total_label: w.t("receipt-total"),
            total,
            qr_caption: qr_caption(w, self.loyalty.is_some()),
            qr_code: self.code.map(|(code, site)| {
                w.t_args(
                    "receipt-code",
                    &[("code", code.into()), ("site", site.into())],
                )
            }),
            loyalty: self.loyalty,
            qr_url: Some(self.url.to_string()),
            footer: vec![w.t("receipt-footer")],
        }
    }
}

/// Where a receipt's code is typed, as printed: the pages' address without its scheme.
pub fn code_site(public_url: &str) -> String {
    let bare = public_url
        .split_once("://")
        .map_or(public_url, |(_, rest)| rest);
    format!("{}/c", bare.trim_end_matches('/'))
}

/// The receipt for a sale just recorded.
pub fn receipt_for(
    settings: &WorkerSettings,
    logo: Option<&Bitmap>,
    sale: &SaleOutcome,
    customer: Option<&CustomerView>,
    url: &str,
    when: &str,
) -> Receipt {
    let w = settings.shop.words();
    let site = code_site(&settings.public_url);
    let number = sale
        .receipt
        .clone()
        .unwrap_or_else(|| format!("V{}", sale.visit_id));
    SaleReceipt {
        shop_name: &settings.shop.name,
        currency: settings.shop.currency,
        logo,
        number: &number,
        amount: sale.amount,
        loyalty: customer.map(|c| loyalty_block(&w, c, sale.points_earned)),
        url,
        when,
        code: sale.receipt_code.as_deref().map(|c| (c, site.as_str())),
    }
    .build(&w)
}

/// Builds a sale's receipt and stores it as a print job, inside the sale's transaction.
pub fn enqueue_receipt(
    tx: &Tx<'_>,
    settings: &WorkerSettings,
    printer: &ReceiptPrinter,
    sale: &SaleOutcome,
    url: &str,
    when: &str,
    now: i64,
) -> StoreResult<i64> {
    let view = match &sale.customer {
        Some(code) => Some(tx.people().view(code, now)?),
        None => None,
    };
    let profile = &printer.profile;
    let mut receipt = receipt_for(
        settings,
        printer.logo.as_ref(),
        sale,
        view.as_ref(),
        url,
        when,
    );
    printer.put_header(&mut receipt, false);
    let text = job_text(&receipt, profile.columns);
    tx.counter().enqueue_print(
        Some(sale.visit_id),
        JobKind::Receipt,
        &receipt.encode(profile),
        &text,
        now,
    )
}

/// What a job says, line by line, for the print queue's listing.
fn job_text(receipt: &Receipt, columns: usize) -> String {
    use crate::devices::receipt::Block;
    receipt
        .layout()
        .iter()
        .filter_map(|b| match b {
            Block::Line { text, large, .. } => Some(
                crate::devices::receipt::wrap(text, if *large { columns / 2 } else { columns })
                    .join("\n"),
            ),
            Block::Pair { left, right, .. } => {
                Some(crate::devices::receipt::two_columns(left, right, columns))
            }
            Block::Qr(url) => Some(format!("[QR] {url}")),
            Block::Image(_) | Block::Logo { .. } => Some("[logo]".into()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Stores the test page: the logo, the printer's settings, accents, € and a QR code to scan.
pub fn enqueue_test_page(
    tx: &Tx<'_>,
    settings: &WorkerSettings,
    printer: &ReceiptPrinter,
    now: i64,
) -> StoreResult<i64> {
    let p = &printer.profile;
    let w = settings.shop.words();
    let logo = printer.logo.clone().or_else(|| Some(shipped_logo(p.dots)));
    let pages: Vec<String> = p
        .pages()
        .iter()
        .map(|(page, _)| format!("{page:?}").to_uppercase())
        .collect();
    let mut receipt = Receipt {
        logo,
        shop_name: settings.shop.name.clone(),
        header: vec![
            w.t("test-title"),
            w.t_args(
                "test-on",
                &[
                    ("printer", p.name.as_str().into()),
                    ("port", printer.port.as_str().into()),
                ],
            ),
            w.t_args(
                "test-settings",
                &[
                    ("columns", p.columns.to_string().into()),
                    ("baud", printer.baud.to_string().into()),
                    ("page", pages.join(" ").into()),
                ],
            ),
        ],
        when: w.date_time(now),
        total_label: w.t("receipt-total"),
        total: money_text(settings, &w, 0),
        qr_url: Some(settings.public_url.clone()),
        qr_caption: w.t("test-caption"),
        footer: vec![w.t("test-letters")],
        ..Default::default()
    };
    // The test page stores the shop's header in the printer again (a printer replaced).
    printer.put_header(&mut receipt, true);
    let text = job_text(&receipt, p.columns);
    tx.counter()
        .enqueue_print(None, JobKind::Test, &receipt.encode(p), &text, now)
}

/// Stores a card slip for a customer: their member QR (scan it at the counter instead of a card)
/// and their referral code to share.
pub fn enqueue_card_slip(
    tx: &Tx<'_>,
    settings: &WorkerSettings,
    printer: &ReceiptPrinter,
    customer: &CustomerView,
    now: i64,
) -> StoreResult<i64> {
    let p = &printer.profile;
    let w = settings.shop.words();
    let first = customer
        .name
        .as_deref()
        .map(crate::domain::support::first_name)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| w.t("receipt-friend"));
    let mut receipt = Receipt {
        logo: printer.logo.clone(),
        shop_name: settings.shop.name.clone(),
        header: vec![
            w.t_args("card-welcome", &[("name", first.into())]),
            w.t("card-title"),
        ],
        when: w.date_time(now),
        receipt_no: Some(customer.code.clone()),
        total_label: String::new(),
        total: paper(w.t_args("card-points", &[("points", customer.balance.into())])),
        qr_url: Some(customer.code.clone()),
        qr_caption: w.t_args("card-caption", &[("code", customer.code.as_str().into())]),
        loyalty: None,
        footer: vec![
            w.t("receipt-refer"),
            customer.referral_code.clone(),
            w.t("card-both-points"),
        ],
        ..Default::default()
    };
    printer.put_header(&mut receipt, false);
    let text = job_text(&receipt, p.columns);
    tx.counter()
        .enqueue_print(None, JobKind::Reprint, &receipt.encode(p), &text, now)
}
