//! From a sale to a printed receipt, through the durable print queue.
//!
//! The receipt is built whole and stored as a print job in the sale's own transaction; only then
//! is it sent. A job waits while the printer is offline, out of paper or open, and goes out with
//! the next delivery (`regulars print retry`, or the next sale); it is marked sent only after
//! the printer has taken it and answered a status check.

use crate::config::Config;
use crate::datadir::DataDir;
use crate::devices::escpos::PrinterStatus;
use crate::devices::printer::{PrintError, Printer};
use crate::devices::profile::{PrinterProfile, ProfileError};
use crate::devices::raster::{Bitmap, dither};
use crate::devices::receipt::{ItemLine, Loyalty, Receipt};
use crate::devices::transport::{SerialSettings, SerialTransport};
use crate::devices::virtual_printer::VirtualPrinter;
use crate::store::{CustomerView, Result as StoreResult, SaleOutcome, Store, Tx};
use serde::Serialize;
use std::path::PathBuf;

/// The shop's receipt printer, as configured.
#[derive(Clone)]
pub struct ReceiptPrinter {
    pub profile: PrinterProfile,
    /// A serial port or PTY path, or "virtual".
    pub port: String,
    baud: u32,
    receipts_dir: PathBuf,
    /// The configured logo, dithered for this printer's width.
    pub logo: Option<Bitmap>,
}

/// The logo shipped in `assets/`, used by the test page when none is configured.
pub fn shipped_logo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/logo.png")
}

/// Reads a picture and dithers it for a printer `dots` wide (at most half the paper).
pub fn load_logo(path: &std::path::Path, dots: usize) -> Result<Bitmap, String> {
    let img =
        image::open(path).map_err(|e| format!("cannot read the logo {}: {e}", path.display()))?;
    Ok(dither(&img, dots * 2 / 3))
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
        Ok(ReceiptPrinter {
            logo,
            baud: config.printer.baud.unwrap_or(profile.baud),
            profile,
            port: config.printer.port.clone(),
            receipts_dir: dir.root().join("receipts"),
        })
    }

    pub fn is_virtual(&self) -> bool {
        self.port.eq_ignore_ascii_case("virtual")
    }

    /// Sends one job. Returns the receipt image when the virtual printer drew it.
    fn send(&self, bytes: &[u8]) -> Result<Option<PathBuf>, PrintError> {
        if self.is_virtual() {
            let mut v = VirtualPrinter::new(&self.profile, &self.receipts_dir, 0)?;
            let mut events = Vec::new();
            v.receive(bytes, &mut events)?;
            return Ok(events.into_iter().find_map(|e| match e {
                crate::devices::virtual_printer::Event::Printed { png, .. } => Some(png),
                _ => None,
            }));
        }
        self.serial().print(bytes)?;
        Ok(None)
    }

    fn serial(&self) -> Printer<SerialTransport> {
        let transport = SerialTransport::new(SerialSettings {
            path: self.port.clone(),
            baud: self.baud,
            flow_control: self.profile.flow_control,
        });
        Printer::new(transport, self.port.clone()).with_baud(self.baud)
    }

    /// How the printer is now (the virtual printer is always ready).
    pub fn status(&self) -> Result<PrinterStatus, PrintError> {
        if self.is_virtual() {
            return Ok(PrinterStatus {
                online: true,
                ..PrinterStatus::default()
            });
        }
        self.serial().status()
    }

    /// Sends every pending job in order; stops at the first failure, which leaves it and the
    /// rest pending with the reason recorded.
    pub fn deliver(&self, store: &mut Store, now: i64) -> StoreResult<Delivery> {
        let mut d = Delivery::default();
        let jobs = store.pending_prints()?;
        d.waiting = jobs.len();
        for job in jobs {
            match self.send(&job.bytes) {
                Ok(image) => {
                    store.write(|tx| tx.mark_printed(job.id, now))?;
                    d.printed.push(job.id);
                    d.images.extend(image);
                    d.waiting -= 1;
                }
                Err(e) => {
                    let why = e.to_string();
                    store.write(|tx| tx.mark_print_failed(job.id, &why))?;
                    d.problem = Some(why);
                    break;
                }
            }
        }
        Ok(d)
    }
}

/// How money is written on the receipt: the currency's sign where the printer has it.
fn money_text(config: &Config, profile: &PrinterProfile, minor: i64) -> String {
    let c = config.shop.currency;
    let amount = c.format(minor);
    let sign = match c.code() {
        "EUR" => Some('€'),
        "GBP" => Some('£'),
        "USD" => Some('$'),
        _ => None,
    };
    match sign.filter(|s| profile.code_page.encode_char(*s).is_some()) {
        Some(s) => format!("{s}{amount}"),
        None => format!("{amount} {}", c.code()),
    }
}

/// The receipt for a sale just recorded.
pub fn receipt_for(
    config: &Config,
    profile: &PrinterProfile,
    logo: Option<&Bitmap>,
    sale: &SaleOutcome,
    customer: Option<&CustomerView>,
    url: &str,
    when: &str,
) -> Receipt {
    let total = money_text(config, profile, sale.amount);
    Receipt {
        logo: logo.cloned(),
        shop_name: config.shop.name.clone(),
        header: Vec::new(),
        when: when.to_string(),
        receipt_no: Some(
            sale.receipt
                .clone()
                .unwrap_or_else(|| format!("V{}", sale.visit_id)),
        ),
        items: vec![ItemLine {
            text: "Purchase".into(),
            amount: total.clone(),
        }],
        total,
        loyalty: customer.map(|c| Loyalty {
            first_name: c
                .name
                .as_deref()
                .and_then(|n| n.split_whitespace().next())
                .unwrap_or("friend")
                .to_string(),
            points_earned: sale.points_earned,
            balance: c.balance,
            progress: c.progress.iter().map(|p| p.describe()).collect(),
            referral_code: c.referral_code.clone(),
        }),
        qr_url: Some(url.to_string()),
        qr_caption: if customer.is_some() {
            "Scan: your visit, points, rate it, get help".into()
        } else {
            "Scan to claim your points for this visit".into()
        },
        footer: vec!["Thank you for coming back!".into()],
    }
}

/// Builds a sale's receipt and stores it as a print job, inside the sale's transaction.
pub fn enqueue_receipt(
    tx: &Tx<'_>,
    config: &Config,
    printer: &ReceiptPrinter,
    sale: &SaleOutcome,
    url: &str,
    when: &str,
    now: i64,
) -> StoreResult<i64> {
    let view = match &sale.customer {
        Some(code) => Some(tx.view(code, now)?),
        None => None,
    };
    let profile = &printer.profile;
    let receipt = receipt_for(
        config,
        profile,
        printer.logo.as_ref(),
        sale,
        view.as_ref(),
        url,
        when,
    );
    let text = job_text(&receipt, profile.columns);
    tx.enqueue_print(
        Some(sale.visit_id),
        "receipt",
        &receipt.encode(profile),
        &text,
        now,
    )
}

/// What a job says, line by line, for the print queue's listing.
fn job_text(receipt: &Receipt, columns: usize) -> String {
    use crate::devices::receipt::Block;
    receipt
        .layout(columns)
        .iter()
        .filter_map(|b| match b {
            Block::Line { text, .. } => Some(text.clone()),
            Block::Qr(url) => Some(format!("[QR] {url}")),
            Block::Image(_) => Some("[logo]".into()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Stores the test page: the logo, the printer's settings, accents, € and a QR code to scan.
pub fn enqueue_test_page(
    tx: &Tx<'_>,
    config: &Config,
    printer: &ReceiptPrinter,
    now: i64,
) -> StoreResult<i64> {
    let p = &printer.profile;
    let logo = printer
        .logo
        .clone()
        .or_else(|| load_logo(&shipped_logo(), p.dots).ok());
    let receipt = Receipt {
        logo,
        shop_name: config.shop.name.clone(),
        header: vec![
            "Test print".into(),
            format!("{} on {}", p.name, printer.port),
            format!(
                "{} columns, {} baud, code page {:?}",
                p.columns, printer.baud, p.code_page
            ),
        ],
        when: crate::clock::local_time(now),
        total: "0.00".into(),
        qr_url: Some(config.portal.public_url.clone()),
        qr_caption: "If this code scans, QR printing works".into(),
        footer: vec!["Accents: café crème €".into()],
        ..Default::default()
    };
    let text = job_text(&receipt, p.columns);
    tx.enqueue_print(None, "test", &receipt.encode(p), &text, now)
}

/// Stores a card slip for a customer: their member QR (scan it at the counter instead of a card)
/// and their referral code to share.
pub fn enqueue_card_slip(
    tx: &Tx<'_>,
    config: &Config,
    printer: &ReceiptPrinter,
    customer: &CustomerView,
    now: i64,
) -> StoreResult<i64> {
    let p = &printer.profile;
    let first = customer
        .name
        .as_deref()
        .and_then(|n| n.split_whitespace().next())
        .unwrap_or("friend");
    let receipt = Receipt {
        logo: printer.logo.clone(),
        shop_name: config.shop.name.clone(),
        header: vec![format!("Welcome, {first}!"), "Your loyalty card".into()],
        when: crate::clock::local_time(now),
        receipt_no: Some(customer.code.clone()),
        total: format!("{} points", customer.balance),
        qr_url: Some(customer.code.clone()),
        qr_caption: format!("Card {}: show this at the counter", customer.code),
        loyalty: None,
        footer: vec![
            "Bring a friend: give them your code".into(),
            customer.referral_code.clone(),
            "You both get points after their first visit.".into(),
        ],
        ..Default::default()
    };
    let text = job_text(&receipt, p.columns);
    tx.enqueue_print(None, "reprint", &receipt.encode(p), &text, now)
}
