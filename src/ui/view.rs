//! What the panels read and what they ask for: a copy of the counter's state for one frame,
//! and the asks a panel hands back to the app (intents for the runtime, where the cursor goes,
//! and what the screen itself should do).

use super::focus::Field;
use crate::runtime::Intent;

/// A copy of the state for one frame, so drawing can ask for things while reading it.
pub struct StateView {
    pub customer: Option<crate::store::CustomerView>,
    pub results: Vec<crate::store::CustomerView>,
    pub visit: Option<(crate::store::VisitView, Option<crate::store::CustomerView>)>,
    pub notice: Option<crate::runtime::Notice>,
    pub history: Vec<crate::runtime::Notice>,
    pub printer: crate::runtime::PrinterState,
    pub printer_ok: bool,
    pub scanner: crate::runtime::ScannerState,
    pub last_scan: Option<String>,
    /// The customer's pole display.
    pub display: crate::runtime::display::DisplayState,
    pub busy: usize,
    pub staff_required: bool,
    pub signed_in: Option<crate::store::Staff>,
    pub support: crate::runtime::Support,
    pub portal: String,
    pub pages: crate::runtime::PagesBar,
    pub last_receipt: Option<String>,
    pub backup: crate::runtime::BackupState,
    pub chain: Option<crate::runtime::ChainState>,
    /// Open alerts (only the owner sees them: signed in, or anyone where there is no staff).
    pub alerts: i64,
    pub messages: Option<crate::services::messages::News>,
}

impl StateView {
    pub fn of(counter: &crate::runtime::Counter) -> StateView {
        let (s, d) = (counter.state(), counter.devices());
        let (staffing, side) = (counter.staffing(), counter.support_side());
        StateView {
            customer: s.customer.clone(),
            results: s.results.clone(),
            visit: s.visit.clone(),
            notice: s.notice.clone(),
            history: s.history.clone(),
            printer: d.printer.clone(),
            printer_ok: d.printer_ok,
            scanner: d.scanner.clone(),
            last_scan: d.last_scan.clone(),
            display: d.display.clone(),
            busy: s.busy,
            staff_required: staffing.required,
            signed_in: staffing.signed_in.clone(),
            support: side.support.clone(),
            portal: d.portal.clone(),
            pages: d.pages.clone(),
            last_receipt: s.last_receipt.clone(),
            backup: d.backup.clone(),
            chain: d.chain.clone(),
            messages: d.messages.clone(),
            alerts: d.alerts,
        }
    }
}

/// What the screen itself should do (not the runtime's business).
#[derive(Debug, Clone)]
pub enum ScreenAsk {
    /// Open the enrolment form (F3), or close it when it is open and `toggle` is set.
    Enroll {
        toggle: bool,
    },
    /// Close the enrolment form, keeping nothing typed.
    CancelEnroll,
    OpenSettings,
    OpenDashboard,
    /// Fill in a receipt number for a refund.
    RefundReceipt(String),
    /// Text typed into Find that is a code: handled like a scan.
    Scan(String, crate::devices::scanner::ScanKind),
    /// Show the receipt preview large (F6), or close it.
    EnlargeReceipt(bool),
    /// Open About Regulars (F1), or close it.
    About(bool),
}

/// What one frame's panels asked for, applied by the app after drawing.
#[derive(Debug, Default)]
pub struct Asks {
    pub intents: Vec<Intent>,
    pub focus: Option<Field>,
    pub notices: Vec<(bool, String)>,
    pub screen: Vec<ScreenAsk>,
}

impl Asks {
    pub fn send(&mut self, intent: Intent) {
        self.intents.push(intent);
    }
    pub fn focus(&mut self, field: Field) {
        self.focus = Some(field);
    }
    pub fn say(&mut self, ok: bool, text: impl Into<String>) {
        self.notices.push((ok, text.into()));
    }
    pub fn screen(&mut self, ask: ScreenAsk) {
        self.screen.push(ask);
    }
}
