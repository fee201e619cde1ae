//! Command-line arguments of the counter's devices: `print`, `display` and `simulate` (the rest
//! of the contract is in `args.rs`).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PrintCmd {
    /// Send receipts that are waiting (printer was offline, out of paper or open).
    Retry {
        /// Keep trying every 2 seconds for up to this many seconds, until all have printed.
        #[arg(long, value_name = "SECONDS", default_value_t = 0)]
        wait: u64,
    },
    /// Print the last receipt again, or the receipt of one visit.
    Reprint {
        #[arg(long, value_name = "VISIT-ID")]
        visit: Option<i64>,
    },
    /// List receipts waiting to print.
    Queue,
    /// Print a test page with the printer's settings.
    Test,
}

#[derive(Debug, Subcommand)]
pub enum DisplayCmd {
    /// Show a test screen on the pole display ([display] port in config.toml).
    Test {
        /// The display's serial port (default: [display] port).
        #[arg(long, value_name = "PORT")]
        port: Option<String>,
        /// Display profile from hardware/displays/ (default: [display] profile).
        #[arg(long)]
        profile: Option<String>,
    },
    /// The tablet screen's address, to open on the counter's tablet.
    Tablet,
    /// Show what the display shows when this customer is identified at the counter.
    Customer {
        /// The customer's code.
        code: String,
        #[arg(long, value_name = "PORT")]
        port: Option<String>,
        #[arg(long)]
        profile: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SimulateCmd {
    /// A virtual ESC/POS printer: each cut receipt becomes NNNN.png (and .txt).
    ///
    /// While it runs, type "paper out", "paper low", "paper in", "cover open" or
    /// "cover close" and Enter to change its state.
    #[command(group(clap::ArgGroup::new("line").required(true).args(["link", "listen", "fifo"])))]
    Printer {
        /// Path of the link to create to the printer's device (open it as a serial port).
        #[arg(long, value_name = "PATH")]
        link: Option<std::path::PathBuf>,
        /// Be a network printer listening on this address (e.g. 127.0.0.1:9100); the counter
        /// prints to it with port = "tcp://127.0.0.1:9100".
        #[arg(long, value_name = "HOST:PORT")]
        listen: Option<String>,
        /// Be a USB printer's device file: a FIFO made at this path, which answers nothing
        /// back (as /dev/usb/lp0 on a printer that does not report its status).
        #[arg(long, value_name = "PATH")]
        fifo: Option<std::path::PathBuf>,
        /// Printer profile from hardware/printers/.
        #[arg(long, default_value = "generic-80mm")]
        profile: String,
        /// Folder for the receipts (default: receipts/ in the data folder).
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
        /// Print speed in bytes per second, to model the receive buffer (0: instant).
        #[arg(long, default_value_t = 0)]
        speed: usize,
    },
    /// A virtual barcode scanner: sends the codes given, then each line typed on stdin.
    Scanner {
        /// Path of the link to create to the scanner's device (open it as a serial port).
        #[arg(long, value_name = "PATH")]
        link: std::path::PathBuf,
        /// What ends each code: cr, lf, crlf, tab or none.
        #[arg(long, default_value = "cr", value_parser = ["cr", "lf", "crlf", "tab", "none"])]
        suffix: String,
        /// Send an AIM symbology identifier before each code.
        #[arg(long)]
        aim: bool,
        /// Codes to send, in order.
        codes: Vec<String>,
    },
    /// A virtual customer pole display: prints its two lines each time they change.
    Display {
        /// Path of the link to create to the display's device (open it as a serial port).
        #[arg(long, value_name = "PATH")]
        link: std::path::PathBuf,
        /// Display profile from hardware/displays/.
        #[arg(long, default_value = "epson-2x20")]
        profile: String,
        /// A file that always holds what the display shows.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
}
