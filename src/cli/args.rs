//! Command-line arguments (the contract in DESIGN.md).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

pub use super::args_devices::*;
pub use super::args_loyalty::*;

/// Regulars: loyalty rewards for the shop counter.
///
/// With no command, opens the counter window.
#[derive(Debug, Parser)]
#[command(name = "regulars", version, about, long_about = None)]
pub struct Cli {
    /// Data folder (database, config.toml, shop secret, receipts, backups).
    #[arg(long, global = true, env = "REGULARS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Enroll, look up, export or erase customers.
    #[command(subcommand)]
    Customer(CustomerCmd),
    /// Record sales and refunds.
    #[command(subcommand)]
    Sale(SaleCmd),
    /// Redeem rewards, list the catalogue.
    #[command(subcommand)]
    Reward(RewardCmd),
    /// Manual points adjustments.
    #[command(subcommand)]
    Points(PointsCmd),
    /// Referral codes: attach one late, review refused ones.
    #[command(subcommand)]
    Referral(ReferralCmd),
    /// Bring customers, balances and stamps from another system (a CSV file).
    #[command(subcommand)]
    Import(ImportCmd),
    /// Write every customer to a CSV file another shop or system can read.
    #[command(subcommand)]
    Export(ExportCmd),
    /// Fill the data folder with a realistic, deterministic shop history.
    Demo(DemoArgs),
    /// Owner figures for a range: repeat visits, cohorts, points, referrals, ratings, tickets.
    Stats(StatsArgs),
    /// Copy the live database to backups/ (safe while tills are writing), checked against
    /// the database before it counts; `backup list` and `backup verify FILE` read them back.
    Backup(BackupArgs),
    /// Put the database back as it is in a backup: checks the file first and keeps the
    /// current database beside it (regulars-before-restore-….db). Close the window first.
    Restore {
        /// The backup file (see `regulars backup list`).
        file: PathBuf,
    },
    /// The chain's central store (PostgreSQL): `central init` creates or upgrades its schema.
    #[command(subcommand)]
    Central(CentralCmd),
    /// Send this till's events to the central store and fetch the other tills' ([central] in
    /// config.toml); `sync status` shows each till's last contact, what it has to send and lag.
    Sync(SyncArgs),
    /// Virtual devices on a pseudo-terminal, for trying and testing without hardware.
    #[command(subcommand)]
    Simulate(SimulateCmd),
    /// List serial ports and the device profiles in hardware/.
    Devices,
    /// The customer display: a test screen, or what it shows for a customer.
    #[command(subcommand)]
    Display(DisplayCmd),
    /// Listen to a scanner and show what each scan is (to check the wiring and settings).
    Scan {
        /// The scanner's serial port (default: [scanner] port in config.toml).
        #[arg(long, value_name = "PORT")]
        port: Option<String>,
        /// Scanner profile from hardware/scanners/.
        #[arg(long)]
        profile: Option<String>,
        /// Stop after this many scans.
        #[arg(long)]
        count: Option<usize>,
        /// Stop after this many seconds.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
    /// Staff who sign in at the counter with a PIN.
    #[command(subcommand)]
    Staff(StaffCmd),
    /// What does not add up: alerts from the checks on loyalty activity (a busy card, a
    /// cashier's own card, points by hand, refunds after a reward, late or many claims, split
    /// sales, after hours, many referrals). Open ones by default; `alerts ack ID --note …`.
    Alerts(AlertsArgs),
    /// Set up the shop in the terminal (a page server or a back office without a screen): the
    /// questions the window asks at its first start, each saved as it is answered. Enter takes
    /// the suggestion in brackets; "-" answers "none".
    Setup,
    /// Where the customer pages open from: `pages check` asks the address printed on
    /// receipts for an answer only this shop's pages can give (exit 1 when none comes).
    #[command(subcommand)]
    Pages(PagesCmd),
    /// The print queue: retry waiting receipts, reprint, test the printer.
    #[command(subcommand)]
    Print(PrintCmd),
    /// Support tickets: open one after a call or email, list, resolve, confirm.
    #[command(subcommand)]
    Ticket(TicketCmd),
    /// Who is slipping away: the members worth a call this week, from the models of repeat
    /// visits (BG/NBD) and of spend (Gamma-Gamma) fitted to the shop's history.
    Insights(InsightsArgs),
    /// Messages to customers by email and SMS: the outbox, sending what is due, trying again.
    #[command(subcommand)]
    Messages(MessagesCmd),
    /// Plug-in mode: sit between an existing till and its printer, adding the loyalty block.
    ///
    /// The till prints to --pos (or to the pseudo-terminal made at --pos-link); every byte goes
    /// on to --printer unchanged and in order, and each receipt gets the loyalty block before
    /// its cut. A card scanned at the counter ([scanner] port) within --window seconds before a
    /// receipt makes it that member's visit.
    Passthrough {
        /// The serial port the till prints into.
        #[arg(
            long,
            value_name = "PORT",
            required_unless_present = "pos_link",
            conflicts_with = "pos_link"
        )]
        pos: Option<String>,
        /// Make a pseudo-terminal for the till and link it here (for software tills and tests).
        #[arg(long, value_name = "PATH")]
        pos_link: Option<std::path::PathBuf>,
        /// The real printer's serial port (its profile is [printer] profile).
        #[arg(long, value_name = "PORT")]
        printer: String,
        /// How to read the till's receipts: a file in hardware/pos/.
        #[arg(long, value_name = "PROFILE", default_value = "generic-point")]
        pos_profile: String,
        /// Baud rate of the till's port.
        #[arg(long, default_value_t = 9600)]
        pos_baud: u32,
        /// Seconds a scanned card stays attached to the next receipt.
        #[arg(long, default_value_t = 120)]
        window: u64,
    },
    /// Shell completions for bash, zsh or fish, printed: e.g. `regulars completions bash >
    /// ~/.local/share/bash-completion/completions/regulars` (the package installs them).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// The manual pages (regulars.1 and one per command), written to a folder: `man -l
    /// DIR/regulars.1` reads one (the package installs them).
    Manual {
        /// Where to write them.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Run the customer pages and the local API without the window.
    Serve {
        /// Address to listen on (default: [portal] bind in config.toml).
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Also run the counter's devices without a window: the print queue, the scanner and
        /// plug-in mode as config.toml sets them (not while the window runs: it has them).
        #[arg(long, conflicts_with = "pages_only")]
        devices: bool,
        /// Serve only the customer pages of every shop of the chain, from a copy of the chain
        /// kept current from its central store ([central] in config.toml, with a till id of
        /// its own such as pages-1): for a server that stays on while the tills are off. No
        /// sales, devices, local API or messages here.
        #[arg(long)]
        pages_only: bool,
        /// Start a new page server (an empty data folder) from a backup of one of the chain's
        /// tills or page servers, carried to this machine, instead of reading the chain's
        /// whole history from the central store: minutes instead of most of an hour for ten
        /// million visits. An encrypted backup opens with [backup] passphrase_file or
        /// REGULARS_BACKUP_PASSPHRASE.
        #[arg(long, value_name = "BACKUP", requires = "pages_only")]
        start_from: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct InsightsArgs {
    #[command(subcommand)]
    pub command: Option<InsightsCmd>,
    /// How many members to list.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Also write the list to this CSV file.
    #[arg(long, value_name = "FILE.csv")]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum InsightsCmd {
    /// Fit the models to the shop's history now and score every member (the window and
    /// `serve` do it every night).
    Refit,
    /// Fit both models to a summary table and print their parameters: one row per customer
    /// with columns frequency (repeat visits), recency (when the last visit was, from the
    /// first) and T (how long ago the first was), in any one unit of time, and optionally
    /// monetary_value (the mean spend of the repeat visits).
    Fit {
        #[arg(long, value_name = "FILE.csv")]
        summary: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum MessagesCmd {
    /// Send what is due now, once (the window and `serve` send continuously), after queueing
    /// the ticket follow-ups due.
    Send,
    /// The outbox, newest first: what was sent, waits, failed and why.
    List {
        /// Only these states: queued, sending, sent, failed, cancelled, unsure.
        #[arg(long, value_name = "STATE", value_parser = ["queued", "sending", "sent", "failed", "cancelled", "unsure"])]
        state: Vec<String>,
        /// Only this customer's.
        #[arg(long, value_name = "CODE")]
        customer: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Try a failed or unsure message again (an unsure one may then arrive twice).
    Retry { id: i64 },
    /// Record an SMS STOP that reached the shop another way (the gateway's own inbox): no
    /// more marketing texts to this number.
    Stop {
        #[arg(value_name = "PHONE")]
        phone: String,
        /// What the customer wrote.
        #[arg(long, default_value = "STOP")]
        text: String,
    },
    /// What arrived in the shop's chats (WhatsApp, Viber, Telegram, Messenger) from people not
    /// linked to a card: never attached to a member by guess; answer them in the app itself.
    Unknown {
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

/// A new ticket, as `ticket add` takes it.
#[derive(Debug, clap::Args)]
pub struct AddTicket {
    /// The customer's card code.
    #[arg(long, value_name = "CODE")]
    pub customer: Option<String>,
    /// The receipt it is about: the till's number, or V<visit id>.
    #[arg(long, value_name = "POS-NO")]
    pub receipt: Option<String>,
    /// How it reached the shop: phone, email or counter.
    #[arg(long, default_value = "phone", value_parser = ["phone", "email", "counter"])]
    pub channel: String,
    /// What went wrong, in the customer's words.
    #[arg(long)]
    pub summary: String,
    /// 1 (minor), 2 (normal) or 3 (urgent).
    #[arg(long, default_value_t = 2)]
    pub severity: i64,
    /// The kind of problem (its kept answers are offered when it is resolved).
    #[arg(long, value_name = "KIND", value_parser = ["missing", "wrong_item", "quality", "charged", "service", "other"])]
    pub problem: Option<String>,
    /// How they want to hear back: phone, email, sms, in_store, or a messaging app they
    /// linked on their visit page (whatsapp, viber, telegram, messenger).
    #[arg(long, value_name = "HOW")]
    pub contact_via: Option<String>,
    /// The number or address to use, if not the one on their card (or their linked chat).
    #[arg(long)]
    pub contact: Option<String>,
    /// Who took it.
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

/// Which tickets `ticket list` shows.
#[derive(Debug, clap::Args)]
pub struct ListTickets {
    /// open, waiting, resolved, confirmed or all (default: open and waiting).
    #[arg(long)]
    pub status: Option<String>,
    /// Only this customer's tickets.
    #[arg(long, value_name = "CODE")]
    pub customer: Option<String>,
    /// Resolved tickets the customer has not confirmed after [support] follow_up_days.
    #[arg(long)]
    pub follow_up: bool,
    /// Only tickets past their reply or resolve target ([support] reply_within,
    /// resolve_within); they are always listed first.
    #[arg(long, conflicts_with = "follow_up")]
    pub overdue: bool,
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

#[derive(Debug, Subcommand)]
pub enum TicketCmd {
    /// Open a ticket for a customer and/or a receipt (after a phone call, an email, a chat).
    Add(AddTicket),
    /// Tickets to work on, highest priority first (severity, then the customer's value).
    List(ListTickets),
    /// One ticket with its history.
    Show { id: i64 },
    /// Mark a ticket resolved (the customer is asked to confirm on the receipt page).
    Resolve {
        id: i64,
        /// What was done.
        #[arg(long)]
        note: Option<String>,
        /// Resolve with a kept answer (`ticket answers` lists them): its words are the note.
        #[arg(long, value_name = "N")]
        answer: Option<i64>,
        /// Keep the note as an answer for this kind of problem, to pick next time.
        #[arg(long)]
        keep: bool,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Kept answers, most used first (for one kind of problem, or all).
    Answers {
        #[arg(long, value_name = "KIND", value_parser = ["missing", "wrong_item", "quality", "charged", "service", "other"])]
        problem: Option<String>,
    },
    /// Record the customer's confirmation that it is sorted (e.g. on the phone).
    Confirm {
        id: i64,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Waiting on the customer.
    Wait {
        id: i64,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Reopen a resolved ticket.
    Reopen {
        id: i64,
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Add a note to a ticket's history.
    Note {
        id: i64,
        text: String,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Answer the customer the way they asked to hear back (email or SMS): kept in the
    /// ticket's history and sent with `regulars messages send` (the window sends by itself).
    Reply {
        id: i64,
        /// What to tell them.
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCmd {
    /// Add a member of staff. Once anyone is added, the counter asks for a PIN to sign in.
    Add {
        #[arg(long)]
        name: String,
        /// cashier or owner (owners approve refunds above [staff] owner_pin_above).
        #[arg(long, value_parser = ["cashier", "owner"])]
        role: String,
        /// 4 to 8 digits.
        #[arg(long)]
        pin: String,
        /// Their own loyalty card: points it earns from sales they ring up themselves are an
        /// alert (`regulars alerts`).
        #[arg(long, value_name = "CODE")]
        card: Option<String>,
    },
    /// Record a member of staff's own loyalty card (or, with --none, that they have none).
    Card {
        name: String,
        #[arg(value_name = "CODE", required_unless_present = "none")]
        code: Option<String>,
        #[arg(long, conflicts_with = "code")]
        none: bool,
    },
    /// List staff.
    List,
}

#[derive(Debug, Subcommand)]
pub enum PagesCmd {
    /// Fetch a one-time address under [portal] public_url and check that the answer is signed
    /// with this shop's key; say whether phones can open the pages from anywhere, only on the
    /// shop's network, or not at all, and why.
    Check {
        /// Check this address instead of [portal] public_url (before setting it).
        #[arg(long)]
        url: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 500)]
    pub customers: u32,
    #[arg(long, default_value_t = 365)]
    pub days: u32,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Make the shop one in this language: its name, currency, prices, rewards and customers'
    /// names (en, lv, sr-Cyrl, sr-Latn, fil, te). Needs a new data folder.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Plant each pattern the checks look for in the last days (a cashier's own card, a busy
    /// card, points by hand, a refund after a reward, claims, a split bill, a sale after hours,
    /// a referral ring), with staff Cara (PIN 4071) and Owen (owner, PIN 9020), to see what
    /// `regulars alerts` and the dashboard's Checks show.
    #[arg(long)]
    pub with_fraud: bool,
}

#[derive(Debug, Args)]
pub struct AlertsArgs {
    #[command(subcommand)]
    pub cmd: Option<AlertsCmd>,
    /// Acknowledged alerts too.
    #[arg(long)]
    pub all: bool,
    /// Every shop's alerts, from the chain's central store ([central] url).
    #[arg(long)]
    pub chain: bool,
    /// At most this many, newest first.
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
}

#[derive(Debug, Subcommand)]
pub enum AlertsCmd {
    /// Acknowledge an alert with a note saying what was found; the note stays with it.
    Ack {
        id: i64,
        #[arg(long)]
        note: String,
        /// Who acknowledges it (default: owner).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// First day included (YYYY-MM-DD, local time).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day included (YYYY-MM-DD, local time).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Also write every figure, and the range's visits, as CSV files into this folder.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// Recompute the figures' aggregates from the raw rows and say whether they matched.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub rebuild: bool,
    /// The chain's figures, per shop and together, from the central store ([central]).
    #[arg(long, conflicts_with_all = ["csv", "rebuild"])]
    pub all_shops: bool,
}

#[derive(Debug, Subcommand)]
pub enum CentralCmd {
    /// Create the central schema, or upgrade it (a newer one is refused untouched).
    Init {
        /// postgresql://user@host/database (default: [central] url in config.toml); the
        /// password from the URL or PGPASSWORD.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SyncArgs {
    #[command(subcommand)]
    pub cmd: Option<SyncCmd>,
}

#[derive(Debug, Subcommand)]
pub enum SyncCmd {
    /// This till's standing, and every till's as the central store last heard from it.
    Status,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub cmd: Option<BackupCmd>,
    /// Where to write the copy (default: backups/regulars-YYYYMMDD-HHMMSS.db).
    #[arg(long, value_name = "PATH")]
    pub to: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// The backups in backups/ (or DIR), oldest first.
    List {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Read a backup back: its checksum, SQLite's integrity check and what it holds.
    Verify { file: PathBuf },
    /// Make the scheduled backup now: to [backup] to, encrypted when a passphrase is set,
    /// then rotated and logged (what the counter window does every [backup] every).
    Run,
}
