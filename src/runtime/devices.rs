//! What the device bar says of the printer and the scanner, kept as facts and put in words
//! only when drawn (in the shop's language then).

use crate::devices::escpos::PrinterStatus;
use crate::i18n::Language;

/// The device bar: the printer (and its last receipt, for the preview), the scanner, the
/// customer pages, backups, the chain and messages, as the counter last heard of them. A
/// resource of its own beside the counter's screen state: the systems that hear from the
/// workers write it, the screen reads it.
#[derive(bevy_ecs::prelude::Resource, Debug, Default)]
pub struct DeviceBar {
    /// The last receipt the virtual printer drew, for the preview.
    pub receipt_image: Option<std::path::PathBuf>,
    pub printer: PrinterState,
    pub printer_ok: bool,
    pub printer_waiting: usize,
    pub scanner: ScannerState,
    /// Whether the scanner's port answered since it was last lost.
    pub scanner_connected: bool,
    pub last_scan: Option<String>,
    /// Where the customer pages are served, or why not.
    pub portal: String,
    /// Where phones can open the customer pages from (the address receipts carry).
    pub pages: PagesBar,
    pub backup: super::BackupState,
    /// How this till stands with its chain; `None` for a till that works alone.
    pub chain: Option<super::ChainState>,
    /// How messages to customers stand; `None` when no channel is set up.
    pub messages: Option<crate::services::messages::News>,
    /// Open alerts from the checks (shown to the owner only).
    pub alerts: i64,
    /// The customer's pole display.
    pub display: super::display::DisplayState,
}

/// The receipt printer, as the counter last knew it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PrinterState {
    /// Ready for the next receipt.
    #[default]
    Ready,
    /// The built-in virtual printer (receipts drawn to the preview).
    Virtual,
    /// A printer on this port, not checked yet.
    On(String),
    /// No printer: why (its profile did not load, or plug-in mode prints), in words.
    Unusable(String),
    /// Plug-in mode's link between the till and its printer, in words.
    Plug(String),
    /// In plug-in mode, the printer stopped answering: the till's receipts wait.
    PlugWaits,
    /// What the printer answered when it was checked while idle.
    Checked(PrinterStatus),
    /// The check could not reach it: why, in words.
    Unreachable(String),
    /// Receipts waiting to print, and why (in words).
    Waiting { problem: String, count: usize },
}

impl PrinterState {
    /// The device bar's words for it.
    pub fn words(&self, w: &Language) -> String {
        match self {
            PrinterState::Ready => w.t("printer-ready"),
            PrinterState::Virtual => w.t("printer-virtual"),
            PrinterState::On(port) => w.t_args("printer-on", &[("port", port.as_str().into())]),
            PrinterState::Unusable(problem) => {
                w.t_args("printer-none", &[("problem", problem.as_str().into())])
            }
            PrinterState::Plug(label) => label.clone(),
            PrinterState::PlugWaits => w.t("plug-printer-waits"),
            PrinterState::Checked(status) => w.t(status.message_id()),
            PrinterState::Unreachable(why) => why.clone(),
            PrinterState::Waiting { problem, count } => w.t_args(
                "printer-waiting",
                &[
                    ("problem", problem.as_str().into()),
                    ("count", (*count).into()),
                ],
            ),
        }
    }
}

/// The barcode scanner, as the counter last knew it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ScannerState {
    /// None configured: codes are typed or pasted.
    #[default]
    None,
    /// Set on this port, nothing read from it yet.
    Waiting(String),
    /// It has sent a scan.
    Connected,
    /// The port failed (why, in words); it is opened again by itself.
    Retrying(String),
}

impl ScannerState {
    /// The device bar's words for it.
    pub fn words(&self, w: &Language) -> String {
        match self {
            ScannerState::None => w.t("scanner-none"),
            ScannerState::Waiting(port) => {
                w.t_args("scanner-waiting", &[("port", port.as_str().into())])
            }
            ScannerState::Connected => w.t("scanner-connected"),
            ScannerState::Retrying(fault) => {
                w.t_args("scanner-retrying", &[("fault", fault.as_str().into())])
            }
        }
    }
}

/// The customer pages' reach, for the device bar: the address receipts carry, the last check of
/// it, and whether one is under way.
#[derive(Debug, Clone, Default)]
pub struct PagesBar {
    pub url: String,
    pub checked: Option<crate::services::reach::Checked>,
    pub checking: bool,
    /// Checks heard of since the start.
    pub checks: u64,
}
