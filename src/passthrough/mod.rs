//! Plug-in mode: Regulars sits between an existing till and its printer.
//!
//! The till prints to a port Regulars owns; every byte is forwarded to the real printer in
//! order, as it arrives. Only a cut command is held for a moment: the receipt it ends is read
//! (total and receipt number, by the till's profile), the visit is recorded, and the loyalty
//! block goes in just before the cut. Anything that goes wrong (no total, a damaged stream, the
//! database busy) leaves the receipt exactly as the till sent it, and is logged.
//!
//! Status queries from the till (`DLE EOT`) reach the printer like any other byte, and
//! whatever the printer answers goes straight back to the till, so the till's own paper-out
//! warnings keep working.

use crate::devices::interpret::Page;
use crate::devices::transport::Transport;
use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

mod splice;
pub use splice::Splice;

/// How long a possible cut at the end of what arrived is held when nothing more comes (a till
/// that stopped in the middle of a command): then the bytes go on as they are.
pub const HOLD_LIMIT: Duration = Duration::from_millis(100);

/// Something worth telling the person running plug-in mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A receipt got its loyalty block.
    Added {
        receipt: String,
        visit_id: i64,
        customer: Option<String>,
        duplicate: bool,
    },
    /// A receipt went through unchanged, and why.
    Unchanged(String),
    /// The printer cannot be reached; bytes wait (none are dropped).
    PrinterDown {
        error: String,
        waiting: usize,
    },
    PrinterBack,
    /// The till's side of the link failed (it keeps being retried).
    TillDown(String),
}

impl Event {
    /// One line for the log and the counter's screen, in `w`'s words.
    pub fn describe(&self, w: &crate::i18n::Language) -> String {
        match self {
            Event::Added {
                receipt,
                visit_id,
                customer,
                duplicate,
            } => {
                let who = match customer {
                    Some(c) => c.clone(),
                    None => w.t("plug-anonymous"),
                };
                let id = if *duplicate {
                    "plug-added-again"
                } else {
                    "plug-added"
                };
                let args = [
                    ("receipt", receipt.as_str().into()),
                    ("visit", visit_id.to_string().into()),
                    ("who", who.into()),
                ];
                w.t_args(id, &args)
            }
            Event::Unchanged(why) => w.t_args("plug-unchanged", &[("why", why.as_str().into())]),
            Event::PrinterDown { error, waiting } => w.t_args(
                "plug-printer-down",
                &[
                    ("error", error.as_str().into()),
                    ("bytes", (*waiting).into()),
                ],
            ),
            Event::PrinterBack => w.t("plug-printer-back"),
            Event::TillDown(e) => w.t_args("plug-till-down", &[("error", e.as_str().into())]),
        }
    }

    /// Whether it is good news.
    pub fn ok(&self) -> bool {
        matches!(self, Event::Added { .. } | Event::PrinterBack)
    }
}

/// Who was identified at the counter last, and when.
pub type LastCustomer = std::sync::Arc<std::sync::Mutex<Option<(String, Instant)>>>;

/// Why plug-in mode could not start.
#[derive(Debug, thiserror::Error)]
pub enum PlugError {
    #[error("plug-in mode needs the till's port: [passthrough] pos")]
    NeedsTillPort,
    #[error("plug-in mode needs a printer on a port ([printer] port), not the virtual one")]
    NeedsRealPrinter,
    #[error("[printer] profile in config.toml: {0}")]
    PrinterProfile(crate::devices::profile::ProfileError),
    #[error("[passthrough] pos_profile in config.toml: {0}")]
    TillProfile(crate::devices::profile::ProfileError),
    #[error(transparent)]
    DataDir(#[from] crate::datadir::DataDirError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("plug-in mode could not start its thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// Starts plug-in mode for the counter window, on a thread of its own: the till on
/// `[passthrough] pos`, the printer on `[printer] port`. Events come back on `events`.
pub fn spawn_for_counter(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    last_customer: LastCustomer,
    events: std::sync::mpsc::Sender<Event>,
    stop: std::sync::Arc<AtomicBool>,
) -> Result<String, PlugError> {
    use crate::devices::profile::FlowControl;
    use crate::devices::transport::{SerialSettings, SerialTransport};
    let plug = &config.passthrough;
    let w = config.shop.words();
    let pos = plug.pos.clone().ok_or(PlugError::NeedsTillPort)?;
    let crate::config::PrinterPort::Device(printer_port) = &config.printer.port else {
        return Err(PlugError::NeedsRealPrinter);
    };
    let till = crate::devices::till::TillProfile::load(&plug.pos_profile)
        .map_err(PlugError::TillProfile)?;
    let mut recorder = Recorder::from_config(
        dir,
        config,
        till.clone(),
        last_customer,
        Duration::from_secs(plug.window_seconds),
    )?;
    let profile = recorder.printer.clone();
    // A serial, USB or network printer: the same splice for all.
    let mut printer = crate::devices::transport::Link::parse(printer_port)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?
        .transport(
            config.printer.baud.unwrap_or(profile.baud),
            profile.flow_control,
        );
    let mut till_side = SerialTransport::new(SerialSettings {
        path: pos.clone(),
        baud: plug.pos_baud,
        flow_control: FlowControl::None,
    });
    let label = w.t_args(
        "plug-state",
        &[
            ("till", pos.as_str().into()),
            ("printer", config.printer.port.as_str().into()),
        ],
    );
    std::thread::Builder::new()
        .name("passthrough".into())
        .spawn(move || {
            let mut splice = Splice::new(till.code_page);
            let tell = events.clone();
            run(
                &mut till_side,
                &mut printer,
                &mut splice,
                &mut |page| {
                    recorder.at_cut(page, &mut |e| {
                        let _ = tell.send(e);
                    })
                },
                &stop,
                &mut |e| {
                    let _ = events.send(e);
                },
            );
        })?;
    Ok(label)
}

/// Moves bytes between the till and the printer until `stop` is set: till → printer through
/// the splice (with `at_cut` adding blocks), printer → till unchanged. Neither side's failure
/// loses a byte: what the printer cannot take yet waits, in order.
pub fn run(
    till: &mut dyn Transport,
    printer: &mut dyn Transport,
    splice: &mut Splice,
    at_cut: &mut dyn FnMut(&Page) -> Option<Vec<u8>>,
    stop: &AtomicBool,
    log: &mut dyn FnMut(Event),
) {
    let mut outgoing: VecDeque<u8> = VecDeque::new();
    let mut buf = vec![0u8; 4096];
    let mut back = vec![0u8; 256];
    let mut last_in = Instant::now();
    let mut printer_down_since: Option<Instant> = None;
    let mut till_down = false;
    // Output bytes written since the last cut, and how many were written in all: a printer
    // that was unplugged or switched off lost what it had not printed, so the receipt in
    // progress goes again from its start when it is back (never lost; at worst its top twice).
    let mut since_cut: Vec<u8> = Vec::new();
    let mut written: u64 = 0;
    while !stop.load(Ordering::Relaxed) {
        // The till's bytes, as soon as they come.
        let wait = if outgoing.is_empty() {
            Duration::from_millis(10)
        } else {
            Duration::from_millis(1)
        };
        match till.read_timeout(&mut buf, wait) {
            Ok(0) => {
                if splice.holding() && last_in.elapsed() >= HOLD_LIMIT {
                    outgoing.extend(splice.release());
                }
            }
            Ok(n) => {
                last_in = Instant::now();
                till_down = false;
                outgoing.extend(splice.push(&buf[..n], at_cut));
            }
            Err(e) => {
                if !till_down {
                    log(Event::TillDown(e.to_string()));
                    till_down = true;
                }
                if splice.holding() {
                    outgoing.extend(splice.release());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        // On to the printer, a slice at a time so the till keeps being read.
        if !outgoing.is_empty() {
            let retry_due =
                printer_down_since.is_none_or(|t| t.elapsed() >= Duration::from_millis(250));
            if retry_due {
                if printer_down_since.is_some() && !since_cut.is_empty() {
                    // Retrying after a failure: the receipt in progress starts again.
                    written -= since_cut.len() as u64;
                    for b in since_cut.drain(..).rev() {
                        outgoing.push_front(b);
                    }
                }
                let n = outgoing.len().min(1024);
                let chunk: Vec<u8> = outgoing.iter().take(n).copied().collect();
                match printer.write_all(&chunk) {
                    Ok(()) => {
                        outgoing.drain(..n);
                        match splice.last_cut_upto(written + n as u64) {
                            Some(c) if c > written => {
                                since_cut.clear();
                                since_cut.extend_from_slice(&chunk[(c - written) as usize..]);
                            }
                            _ => since_cut.extend_from_slice(&chunk),
                        }
                        written += n as u64;
                        if printer_down_since.take().is_some() {
                            log(Event::PrinterBack);
                        }
                    }
                    Err(e) => {
                        if printer_down_since.is_none() {
                            log(Event::PrinterDown {
                                error: e.to_string(),
                                waiting: outgoing.len(),
                            });
                        }
                        printer_down_since = Some(Instant::now());
                    }
                }
            }
        }
        // The printer's answers (status replies, ASB) go back to the till.
        if printer_down_since.is_none()
            && let Ok(n) = printer.read_timeout(&mut back, Duration::ZERO)
            && n > 0
        {
            let _ = till.write_all(&back[..n]);
        }
    }
    // Stopping: pass on whatever is left, unchanged, if the printer takes it.
    outgoing.extend(splice.release());
    if !outgoing.is_empty() {
        let rest: Vec<u8> = outgoing.into_iter().collect();
        let _ = printer.write_all(&rest);
    }
    let _ = printer.flush();
}

/// A port opened once and used as is: the till's side of a pseudo-terminal Regulars created.
pub struct PortTransport(pub Box<dyn serialport::SerialPort>);

impl Transport for PortTransport {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        io::Write::write_all(&mut self.0, bytes)
    }

    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        self.0
            .set_timeout(timeout.max(Duration::from_millis(1)))
            .map_err(io::Error::other)?;
        match io::Read::read(&mut self.0, buf) {
            Ok(n) => Ok(n),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(0),
            // EIO: the till has not opened its end (yet, or any more): nothing to read.
            Err(e) if e.raw_os_error() == Some(5) => {
                std::thread::sleep(timeout);
                Ok(0)
            }
            Err(e) => Err(e),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        io::Write::flush(&mut self.0)
    }
}

/// Creates a pseudo-terminal for the till to print into, linked at `link`.
#[cfg(unix)]
pub fn till_pty(link: &std::path::Path) -> io::Result<(PortTransport, serialport::TTYPort)> {
    let (master, slave) = crate::devices::transport::pty_with_link(link)?;
    Ok((PortTransport(Box::new(master)), slave))
}

/// Records each till receipt as a visit and makes its loyalty block.
pub struct Recorder {
    pub store: crate::store::Store,
    pub till: crate::devices::till::TillProfile,
    pub printer: crate::devices::profile::PrinterProfile,
    pub secret: crate::domain::token::ShopSecret,
    pub public_url: String,
    pub currency: crate::domain::money::Currency,
    /// The shop's language, for the inserted block's words.
    pub words: crate::i18n::Words,
    /// The last card scanned at the counter, and when.
    pub last_scan: LastCustomer,
    /// How long a scan stays attached to the next receipt.
    pub window: Duration,
    pub clock: fn() -> i64,
}

impl Recorder {
    /// A recorder for the shop in `dir`, with its own database connection that never waits
    /// more than 50 ms (a busy database means the receipt goes through unchanged).
    pub fn from_config(
        dir: &crate::datadir::DataDir,
        config: &crate::config::Config,
        till: crate::devices::till::TillProfile,
        last_scan: LastCustomer,
        window: Duration,
    ) -> Result<Recorder, PlugError> {
        let printer = crate::devices::profile::PrinterProfile::load(&config.printer.profile)
            .map_err(PlugError::PrinterProfile)?;
        let store = dir.open_store(config, crate::clock::now())?;
        store.set_busy_timeout(Duration::from_millis(50))?;
        Ok(Recorder {
            store,
            till,
            printer,
            secret: dir.secret()?,
            public_url: config.portal.public_url.clone(),
            currency: config.shop.currency,
            words: config.shop.words(),
            last_scan,
            window,
            clock: crate::clock::now,
        })
    }

    /// What plug-in mode inserts before this receipt's cut (nothing: pass it unchanged),
    /// telling `tell` what happened either way.
    pub fn at_cut(&mut self, page: &Page, tell: &mut dyn FnMut(Event)) -> Option<Vec<u8>> {
        match self.block_for(page) {
            Ok((block, event)) => {
                tell(event);
                Some(block)
            }
            Err(why) => {
                tell(Event::Unchanged(why));
                None
            }
        }
    }

    /// The block for this receipt, or `None` (and why) to pass it through unchanged.
    pub fn block_for(&mut self, page: &Page) -> Result<(Vec<u8>, Event), String> {
        use crate::devices::receipt::{encode_insert, loyalty_insert};
        use crate::store::{NewSale, StoreError};
        let read = self.till.read(&page.text);
        let total = read
            .total
            .clone()
            .ok_or_else(|| self.words.t("plug-no-total"))?;
        let amount = self.currency.parse_amount(&total).map_err(|e| {
            let error = crate::services::errors::amount_error(&self.words, &e);
            self.words.t_args(
                "plug-bad-total",
                &[("total", total.as_str().into()), ("error", error.into())],
            )
        })?;
        // Without a number the receipt's own text is its key: a reprint is still one visit.
        let key = read.key(self.till.numbering).unwrap_or_else(|| {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(page.text.as_bytes());
            let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
            format!("text:{hex}")
        });
        let scanned = {
            let mut last = self.last_scan.lock().unwrap_or_else(|e| e.into_inner());
            match last.take() {
                Some((code, at)) if at.elapsed() <= self.window => Some(code),
                _ => None,
            }
        };
        let now = (self.clock)();
        let sale = |customer: Option<String>| NewSale {
            amount,
            at: now,
            customer,
            receipt: Some(key.clone()),
        };
        let out = match self
            .store
            .write(|tx| tx.counter().record_sale(&sale(scanned.clone())))
        {
            // A card that no longer works: the receipt still counts, anonymously (claimable).
            Err(StoreError::NoSuchCustomer(_) | StoreError::Code(_)) => {
                self.store.write(|tx| tx.counter().record_sale(&sale(None)))
            }
            other => other,
        }
        .map_err(|e| {
            let error = crate::services::errors::store_error(&self.words, &e);
            self.words
                .t_args("plug-not-recorded", &[("error", error.into())])
        })?;
        let loyalty = match &out.customer {
            Some(code) => {
                let v = self.store.customer_view(code, now).map_err(|e| {
                    let error = crate::services::errors::store_error(&self.words, &e);
                    self.words.t_args("plug-unread", &[("error", error.into())])
                })?;
                Some(crate::printing::loyalty_block(
                    &self.words,
                    &v,
                    out.points_earned,
                ))
            }
            None => None,
        };
        let token = self
            .store
            .read(|tx| tx.counter().receipt_token(out.visit_id, &self.secret))
            .unwrap_or_else(|_| self.secret.sign_visit(out.visit_id));
        let url = crate::domain::token::receipt_url(&self.public_url, &token);
        let caption = crate::printing::qr_caption(&self.words, loyalty.is_some());
        let code = out.receipt_code.as_deref().map(|code| {
            let site = crate::printing::code_site(&self.public_url);
            let args = [("code", code.into()), ("site", site.into())];
            self.words.t_args("receipt-code", &args)
        });
        let blocks = loyalty_insert(loyalty.as_ref(), &url, &caption, code);
        // A till that keeps characters of its own in the printer keeps them: the block's
        // letters no page has go as pictures instead.
        let without = crate::devices::profile::PrinterProfile {
            user_chars: 0,
            ..self.printer.clone()
        };
        let printer = if page.user_chars {
            &without
        } else {
            &self.printer
        };
        Ok((
            encode_insert(&blocks, printer),
            Event::Added {
                receipt: key,
                visit_id: out.visit_id,
                customer: out.customer.clone(),
                duplicate: out.duplicate,
            },
        ))
    }
}
