//! The counter's devices in `config.toml`: `[printer]`, `[scanner]` and `[passthrough]`
//! (plug-in mode between a till and its printer).

use super::ConfigError;
use serde::Deserialize;
use std::path::Path;

/// `[passthrough]`: plug-in mode in the counter window (`regulars passthrough` takes flags).
#[derive(Debug, Clone)]
pub struct PlugConfig {
    /// Whether the window sits between the till and the printer.
    pub enabled: bool,
    /// The serial port the till prints into.
    pub pos: Option<String>,
    /// A till profile in `hardware/pos/`.
    pub pos_profile: String,
    pub pos_baud: u32,
    /// Seconds a customer identified at the counter stays attached to the next receipt.
    pub window_seconds: u64,
}

/// `[scanner]`: where scans come from.
#[derive(Debug, Clone)]
pub struct ScannerConfig {
    /// A serial port or PTY path; none means no scanner (type or paste codes instead).
    pub port: Option<String>,
    /// A profile in `hardware/scanners/`.
    pub profile: String,
}

/// Where receipts go: the built-in virtual printer, or a printer on a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterPort {
    /// The built-in virtual printer (the default), which draws each receipt to
    /// `receipts/NNNN.png` in the data folder: `port = "virtual"`.
    Virtual,
    /// A serial port or PTY path, a USB printer (`/dev/usb/lp0`) or a network printer
    /// (`tcp://192.168.1.50:9100`): see [`crate::devices::transport::Link`].
    Device(String),
}

impl PrinterPort {
    /// What `config.toml` says for the virtual printer.
    pub const VIRTUAL: &str = "virtual";

    /// The port `config.toml` names (empty or "virtual", in any case, is the virtual printer).
    pub fn parse(text: &str) -> PrinterPort {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case(Self::VIRTUAL) {
            PrinterPort::Virtual
        } else {
            PrinterPort::Device(text.to_string())
        }
    }

    /// As `config.toml` writes it.
    pub fn as_str(&self) -> &str {
        match self {
            PrinterPort::Virtual => Self::VIRTUAL,
            PrinterPort::Device(path) => path,
        }
    }
}

impl std::fmt::Display for PrinterPort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `[printer] port`, with a network printer's address checked.
pub(super) fn printer_port(text: Option<&str>, path: &Path) -> Result<PrinterPort, ConfigError> {
    let port = PrinterPort::parse(text.unwrap_or_default());
    if let PrinterPort::Device(p) = &port {
        crate::devices::transport::Link::parse(p).map_err(|message| ConfigError::Invalid {
            path: path.to_path_buf(),
            what: "[printer] port",
            message,
        })?;
    }
    Ok(port)
}

/// `[printer]`: where receipts go.
#[derive(Debug, Clone)]
pub struct PrinterConfig {
    pub port: PrinterPort,
    /// A profile in `hardware/printers/`.
    pub profile: String,
    /// Overrides the profile's baud rate.
    pub baud: Option<u32>,
    /// A picture printed at the top of receipts, dithered to black and white. It is sent as an
    /// image: about 4 KB (4 s at 9600 baud) for a 320×112 logo.
    pub logo: Option<std::path::PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlug {
    pub(super) enabled: Option<bool>,
    pub(super) pos: Option<String>,
    pub(super) pos_profile: Option<String>,
    pub(super) pos_baud: Option<u32>,
    pub(super) window_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct RawScanner {
    pub(super) port: Option<String>,
    pub(super) profile: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct RawPrinter {
    pub(super) port: Option<String>,
    pub(super) profile: Option<String>,
    pub(super) baud: Option<u32>,
    pub(super) logo: Option<std::path::PathBuf>,
}
