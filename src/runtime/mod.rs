//! The counter's runtime: a bevy_ecs `World` and `Schedule`, ticked every frame by the window
//! (or by any loop). Device and database threads ([`workers`]) answer through channels; systems
//! in explicit sets — Input → Identify → Reward → Persist → Print → Notify — turn scans, the
//! cashier's intents and the workers' answers into requests and into the state the screen
//! draws, kept by concern in resources of their own: [`CounterState`] (the customer on screen,
//! search, notices, what the screen should follow up), [`Staffing`] (who is signed in),
//! [`SupportSide`] (the tickets and timeline of what is on screen), [`DeviceBar`] (printer,
//! scanner, customer display, pages, backups, chain, messages), [`OwnerFigures`] and
//! [`display::DisplayLink`] (what the customer display shows). No system waits on I/O.
//!
//! `start.rs` starts the workers and builds the world; `requests.rs` turns an intent into a
//! store request (or a refusal in words); `jobs.rs` is the store worker's side of each request;
//! `answers.rs` turns the workers' answers into state and notices; `display.rs` picks the
//! customer display's screen.

mod answers;
mod devices;
pub mod display;
pub mod figures_work;
mod jobs;
mod requests;
mod start;
mod support_work;
mod systems;
pub mod workers;

use crate::config::Config;
use crate::datadir::DataDir;
use crate::devices::scanner::ScanEvent;
use crate::domain::money::Currency;
use crate::domain::program::Reward;
use crate::printing::ReceiptPrinter;
use crate::store::{CustomerView, NewCustomer, VisitView};
use bevy_ecs::message::MessageRegistry;
use bevy_ecs::prelude::*;
pub use devices::{DeviceBar, PagesBar, PrinterState, ScannerState};
pub use start::StartError;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender};
use workers::{PrintRequest, StoreReply, StoreRequest};

/// The ordered stages of one tick.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Drain the channels from the device and database threads into messages.
    Input,
    /// Scans and searches: who is at the counter, which visit is this.
    Identify,
    /// Redemptions.
    Reward,
    /// Sales, enrolments, refunds: sent to the store worker.
    Persist,
    /// Receipts to the print worker.
    Print,
    /// Outcomes into the state the screen draws.
    Notify,
}

/// What the cashier asked for.
#[derive(Message, Debug, Clone)]
pub enum Intent {
    Search(String),
    Open(String),
    Clear,
    Enroll(NewCustomer),
    /// A sale for the customer on screen (or anonymous when none).
    Sale(String),
    /// A sale without a customer, even if one is on screen; its receipt carries a claim QR.
    AnonymousSale(String),
    Redeem(String),
    Refund {
        receipt: String,
        amount: Option<String>,
        owner_pin: Option<String>,
    },
    Reprint,
    TestPrint,
    /// Print a card slip for the customer on screen.
    PrintCard,
    /// Adjust the on-screen customer's points by hand.
    Adjust {
        points: String,
        reason: String,
        owner_pin: Option<String>,
    },
    /// Credit the stamps on the on-screen member's paper card (once per member).
    PaperStamps {
        stamps: String,
        owner_pin: Option<String>,
    },
    SignIn(String),
    SignOut,
    /// Open a support ticket for the customer on screen (about the visit on screen, if any).
    OpenTicket {
        summary: String,
        severity: i64,
        /// How the customer wants to hear back, and where (none typed: the card's).
        reply: crate::domain::support::ContactVia,
        contact: Option<String>,
    },
    /// Add a staff note to the on-screen customer's timeline.
    Note(String),
    /// Answer the customer on a ticket, by the email or SMS they asked for.
    ReplyTicket {
        id: i64,
        text: String,
    },
    /// Mark a ticket resolved: with a note, a kept answer, or nothing said.
    ResolveTicket {
        id: i64,
        how: crate::store::Resolution,
    },
    /// The owner's figures for a range of days (YYYY-MM-DD, empty: all time / today).
    Figures {
        from: String,
        to: String,
        owner_pin: Option<String>,
        /// The chain's figures from its central store, instead of this till's.
        chain: bool,
    },
    /// Write the figures on screen as CSV files into the data folder's `exports/`.
    ExportFigures,
    /// The owner acknowledges an alert, with a note saying what was found.
    AckAlert {
        id: i64,
        note: String,
        owner_pin: Option<String>,
    },
    /// Check now where the customer pages open from (Settings).
    CheckPages,
}

/// The customer's support side, shown under their panel.
#[derive(Debug, Clone, Default)]
pub struct Support {
    /// Whose it is.
    pub code: Option<String>,
    /// Open and waiting tickets, highest priority first.
    pub open_tickets: Vec<crate::store::TicketView>,
    /// Visits, points, ratings, tickets and notes, newest first.
    pub timeline: Vec<crate::store::TimelineEntry>,
    /// Tickets about the visit opened from a receipt QR.
    pub visit_tickets: Vec<crate::store::TicketView>,
    /// The kept answers, most used first, to resolve a ticket with.
    pub answers: Vec<crate::store::KeptAnswer>,
    /// The messaging apps the customer linked a chat on (a ticket can be answered there).
    pub chats: Vec<crate::domain::messages::Channel>,
}

/// A scan (or a scanner fault) from the scanner thread.
#[derive(Message, Debug, Clone)]
pub struct Scanned(pub Result<ScanEvent, String>);

/// An answer from the store worker.
#[derive(Message, Debug, Clone)]
pub struct StoreAnswer(pub StoreReply);

/// News from plug-in mode.
#[derive(Message, Debug, Clone)]
pub struct PlugNews(pub crate::passthrough::Event);

/// What plug-in mode shares with the counter: who was identified last.
#[derive(Resource, Clone, Default)]
pub struct PlugLink(pub Option<crate::passthrough::LastCustomer>);

/// An answer from the print worker.
#[derive(Message, Debug, Clone)]
pub struct PrintAnswer(pub workers::PrinterNews);

/// One line of feedback for the cashier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

/// Everything the counter screen shows.
#[derive(Resource, Debug, Default)]
pub struct CounterState {
    /// The shop's language: the counter's words.
    pub words: crate::i18n::Words,
    pub customer: Option<CustomerView>,
    pub results: Vec<CustomerView>,
    /// The text Find's results are wanted for (none once a customer is chosen).
    pub searching: Option<String>,
    /// A past visit opened by scanning its receipt QR.
    pub visit: Option<(VisitView, Option<CustomerView>)>,
    pub notice: Option<Notice>,
    pub history: Vec<Notice>,
    /// A referral code scanned or typed, waiting for the enrolment form.
    pub enroll_referral: Option<String>,
    /// Requests sent and not yet answered.
    pub busy: usize,
    /// Bumped when a sale is recorded, so the screen can clear the amount.
    pub sales_recorded: u64,
    pub enrolled: u64,
    /// Bumped when a refund is made.
    pub refunds_recorded: u64,
    /// Bumped when a customer or a visit comes on screen (a scan, Find, an enrolment).
    pub identified: u64,
    /// The number of the last receipt recorded here (the till's, or `V<visit id>`).
    pub last_receipt: Option<String>,
    /// The field of the enrolment form the last refused enrolment was about, with a count so
    /// the screen sees each refusal once.
    pub enroll_refused: Option<(crate::store::NewCustomerField, u64)>,
    /// The last sale recorded here: its total, the points it earned and whether a member's.
    pub last_sale: Option<(i64, i64, bool)>,
}

/// Who works the counter: whether the shop has staff (so the counter asks for a PIN) and who
/// is signed in.
#[derive(Resource, Debug, Default)]
pub struct Staffing {
    pub required: bool,
    pub signed_in: Option<crate::store::Staff>,
}

/// The support side of the customer (and visit) on screen.
#[derive(Resource, Debug, Default)]
pub struct SupportSide {
    /// Tickets and timeline of the customer (and visit) on screen.
    pub support: Support,
    /// Set when what is on screen changed, so the support side is read again.
    pub stale: bool,
}

/// The owner's figures on screen: a resource of their own, written when the store answers
/// and cleared when the owner signs out.
#[derive(Resource, Debug, Default)]
pub struct OwnerFigures {
    /// This till's figures, once asked for (and approved).
    pub figures: Option<crate::store::Figures>,
    /// The chain's figures the owner last asked for, per shop and together.
    pub chain_figures: Option<figures_work::ChainView>,
    /// The checks' alerts shown with this till's figures.
    pub checks: Option<crate::store::ChecksView>,
}

/// How this till stands with the chain's central store, for the device bar.
#[derive(Debug, Clone, Default)]
pub struct ChainState {
    /// When the central store last answered.
    pub last_contact: Option<i64>,
    /// Since when it has not (the first failed try after the last answer).
    pub offline_since: Option<i64>,
    /// This till's events not yet sent.
    pub to_send: i64,
    /// Why the last sync failed.
    pub error: Option<String>,
}

/// How the shop's backups stand, for the device bar.
#[derive(Debug, Clone, Default)]
pub struct BackupState {
    /// Unix seconds of the last good backup on record.
    pub last: Option<i64>,
    /// Why the last try failed (in the shop's words), until one works.
    pub problem: Option<String>,
    /// Whether they go to a second place (`[backup] to`), not only this computer's disk.
    pub second_place: bool,
}

impl CounterState {
    fn say(&mut self, ok: bool, text: impl Into<String>) {
        let n = Notice {
            ok,
            text: text.into(),
        };
        self.history.insert(0, n.clone());
        self.history.truncate(20);
        self.notice = Some(n);
    }
}

/// The shop's settings the systems need.
#[derive(Resource, Debug, Clone)]
pub struct Shop {
    pub name: String,
    pub currency: Currency,
    pub rewards: Vec<Reward>,
    /// Refunds above this (minor units) need the owner's PIN.
    pub owner_pin_above: i64,
    /// The data folder (exports go into it).
    pub data_dir: std::path::PathBuf,
    /// The program's earning rule, for what an anonymous receipt can still collect.
    pub program: crate::domain::program::Program,
}

impl Shop {
    /// The points a sale of `amount` earns under the program now.
    pub fn points_for(&self, amount: i64) -> i64 {
        self.program.points_for(amount)
    }
}

/// The ends of the worker channels.
#[derive(Resource)]
pub struct Channels {
    to_store: Sender<StoreRequest>,
    from_store: Mutex<Receiver<StoreReply>>,
    to_printer: Option<Sender<PrintRequest>>,
    from_printer: Mutex<Receiver<workers::PrinterNews>>,
    scans: Mutex<Receiver<Result<ScanEvent, String>>>,
    from_plug: Mutex<Receiver<crate::passthrough::Event>>,
    from_backups: Mutex<Receiver<crate::backups::schedule::News>>,
    from_messages: Mutex<Receiver<crate::services::messages::News>>,
    from_sync: Mutex<Receiver<crate::services::sync::SyncNews>>,
    to_pages: Sender<()>,
    from_pages: Mutex<Receiver<crate::services::reach::Checked>>,
    to_sync: Sender<()>,
}

/// The running counter: world, schedule and the threads behind them.
pub struct Counter {
    pub world: World,
    schedule: Schedule,
    /// Keeps the scan channel open when no scanner thread runs (and lets tests inject scans).
    pub scan_sender: Sender<Result<ScanEvent, String>>,
    /// Tells the scanner thread to let go of its port (when settings change or the app ends).
    scanner_stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for Counter {
    /// The store and print workers end when their channels close with the world; the
    /// scanner thread is told to stop.
    fn drop(&mut self) {
        self.scanner_stop
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Counter {
    /// Runs one tick of the schedule.
    pub fn tick(&mut self) {
        self.schedule.run(&mut self.world);
    }

    /// Queues an intent for the next tick.
    pub fn send(&mut self, intent: Intent) {
        self.world.write_message(intent);
    }

    /// A code typed into Find (a card, a receipt QR's token, a referral code): handled exactly
    /// like the same code from the scanner.
    pub fn scan_typed(&self, text: &str, what: crate::devices::scanner::ScanKind) {
        let scan = crate::devices::scanner::Scan {
            data: text.to_string(),
            aim: None,
            prefix: None,
        };
        let _ = self.scan_sender.send(Ok(ScanEvent::Scanned { scan, what }));
    }

    /// Shows a notice, as the systems do.
    pub fn notify(&mut self, ok: bool, text: impl Into<String>) {
        self.world.resource_mut::<CounterState>().say(ok, text);
    }

    /// Says where the customer pages are served (or why they are not), for the device bar.
    pub fn set_portal_status(&mut self, text: impl Into<String>) {
        self.world.resource_mut::<DeviceBar>().portal = text.into();
    }

    /// Ticks the schedule where no window runs (`regulars serve --devices`): every 20 ms
    /// until `stop`, reporting each new notice (a scan, a receipt, a printer problem).
    pub fn run_headless(
        &mut self,
        stop: &std::sync::atomic::AtomicBool,
        mut report: impl FnMut(&Notice),
    ) {
        let mut last: Option<Notice> = None;
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            self.tick();
            let now = self.state().notice.clone();
            if now != last {
                if let Some(n) = &now {
                    report(n);
                }
                last = now;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    pub fn state(&self) -> &CounterState {
        self.world.resource::<CounterState>()
    }

    /// Who works the counter.
    pub fn staffing(&self) -> &Staffing {
        self.world.resource::<Staffing>()
    }

    /// Keeps `who` signed in across a restart of the counter's workers (settings saved), when
    /// they are still on the staff list.
    pub fn keep_signed_in(&mut self, who: crate::store::Staff, on_list: &[crate::store::Staff]) {
        if on_list.contains(&who) {
            self.world.resource_mut::<Staffing>().signed_in = Some(who);
        }
    }

    /// The support side of the customer on screen.
    pub fn support_side(&self) -> &SupportSide {
        self.world.resource::<SupportSide>()
    }

    /// The device bar's state.
    pub fn devices(&self) -> &DeviceBar {
        self.world.resource::<DeviceBar>()
    }

    /// The owner's figures on screen.
    pub fn owner_figures(&self) -> &OwnerFigures {
        self.world.resource::<OwnerFigures>()
    }

    pub fn shop(&self) -> &Shop {
        self.world.resource::<Shop>()
    }

    /// Where the customer display's screens go for the tablet page (and customers who join
    /// on its QR come from).
    pub fn display_hub(&self) -> std::sync::Arc<crate::services::display::DisplayHub> {
        self.world.resource::<display::DisplayLink>().hub.clone()
    }
}

/// The newest receipt image in a folder, so the preview survives a restart.
fn latest_receipt(dir: &std::path::Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .max()
}

/// The schedule: message buffers, then the six stages in order.
pub fn schedule() -> Schedule {
    let mut s = Schedule::default();
    s.set_executor(bevy_ecs::schedule::SingleThreadedExecutor::new());
    s.configure_sets(
        (
            Stage::Input,
            Stage::Identify,
            Stage::Reward,
            Stage::Persist,
            Stage::Print,
            Stage::Notify,
        )
            .chain(),
    );
    use answers::apply_answers;
    use systems::*;
    s.add_systems(bevy_ecs::message::message_update_system.before(Stage::Input));
    s.add_systems(poll_channels.in_set(Stage::Input));
    s.add_systems((identify_scans, identify_intents).in_set(Stage::Identify));
    s.add_systems(reward_intents.in_set(Stage::Reward));
    s.add_systems((persist_intents, pages_intents).in_set(Stage::Persist));
    s.add_systems(print_receipts.in_set(Stage::Print));
    s.add_systems(
        (
            apply_answers,
            refresh_support,
            plug_news,
            backup_news,
            messages_news,
            sync_news,
            pages_news,
            share_customer,
            display::feed_display,
        )
            .chain()
            .in_set(Stage::Notify),
    );
    s
}
