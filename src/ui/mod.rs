//! The cashier's screen (egui). It draws the runtime's state (read once a frame into a
//! `StateView` from the counter's resources) and sends [`Intent`]s; it holds no
//! business rules. Keyboard first (see [`focus`] for where the cursor goes): Enter records the
//! sale, F2 finds a customer, F3 enrolls one, F4 records an anonymous sale, F5 redeems the
//! first reward available, F6 shows the last receipt large, F8 refunds the last receipt, F9
//! reprints it, F10 opens the settings, F12 opens a support ticket for the customer on screen, F1 says which Regulars this is, Esc closes what is open or clears the customer. Every control has an
//! accessible label.
//!
//! Each panel is a struct with its own fields and a `ui` that hands back [`view::Asks`];
//! [`CounterApp`] keeps the runtime and the panels, and applies the asks.

mod about;
mod bars;
mod checks;
mod customer_panel;
mod dashboard;
mod enroll;
mod figures;
mod find;
pub mod focus;
pub(crate) mod preview;
mod refund;
mod sale;
pub(crate) mod settings;
mod settings_apply;
pub mod setup;
mod support;
mod support_view;
mod view;
mod window;

pub use dashboard::DashboardForm;
pub use enroll::EnrollForm;
pub use settings::SettingsForm;
pub use window::run;

use crate::i18n::Language;
use crate::runtime::{Counter, Intent};
use egui::Key;
use focus::Field;
use view::{Asks, ScreenAsk, StateView};

/// The counter app: the runtime plus its panels.
pub struct CounterApp {
    pub counter: Counter,
    dir: crate::datadir::DataDir,
    pub settings: SettingsForm,
    pub dashboard: DashboardForm,
    pub find: find::FindPanel,
    pub enroll: EnrollForm,
    pub sale: sale::SalePanel,
    pub refund: refund::RefundPanel,
    pub customer: customer_panel::CustomerPanel,
    pub support: support::SupportPanel,
    pub sign_in: bars::SignIn,
    pub preview: preview::ReceiptPreview,
    pub about: about::About,
    /// When timing start-up: when the process started (reported at the first frame).
    pub started: Option<std::time::Instant>,
    /// A backup to put back: the window lets go of the shop, restores, and opens it again.
    pub restore_asked: Option<std::path::PathBuf>,
    /// Where the cursor goes next (applied after drawing); Amount at start.
    focus: Option<Field>,
    /// Where it goes a frame later: egui keeps the cursor out of the widgets behind a modal
    /// for one frame after the modal was last drawn.
    focus_after_modal: Option<Field>,
    seen: Seen,
    styled: bool,
}

/// The runtime's counters as last seen, so each change is acted on once.
#[derive(Debug, Default, Clone, PartialEq)]
struct Seen {
    sales: u64,
    enrolled: u64,
    refunds: u64,
    identified: u64,
    enroll_refused: u64,
    signed_in: bool,
}

impl CounterApp {
    pub fn new(counter: Counter, dir: crate::datadir::DataDir) -> CounterApp {
        CounterApp {
            counter,
            dir,
            settings: SettingsForm::default(),
            dashboard: DashboardForm::default(),
            find: Default::default(),
            enroll: EnrollForm::default(),
            sale: Default::default(),
            refund: Default::default(),
            customer: Default::default(),
            support: Default::default(),
            sign_in: Default::default(),
            preview: Default::default(),
            about: Default::default(),
            started: None,
            restore_asked: None,
            focus: Some(Field::Amount),
            focus_after_modal: None,
            seen: Seen::default(),
            styled: false,
        }
    }

    /// One frame: run the runtime's schedule, then draw.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            window::add_fonts(ui.ctx());
            window::touch_friendly(ui.ctx());
            self.styled = true;
        }
        self.counter.tick();
        self.follow_state();
        self.draw(ui);
        if let Some(t) = self.started.take() {
            eprintln!(
                "first frame {:.0} ms after start",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
        // Answers from the workers arrive between frames: look again soon.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }

    /// Acts once on each thing the runtime confirms: clears what was typed for it and moves
    /// the cursor by the rules in [`focus`].
    fn follow_state(&mut self) {
        let s = self.counter.state();
        let now = Seen {
            sales: s.sales_recorded,
            enrolled: s.enrolled,
            refunds: s.refunds_recorded,
            identified: s.identified,
            enroll_refused: s.enroll_refused.map_or(0, |(_, n)| n),
            signed_in: self.counter.staffing().signed_in.is_some(),
        };
        let before = std::mem::replace(&mut self.seen, now.clone());
        if now.sales != before.sales {
            self.sale.amount.clear();
            self.focus = Some(Field::Amount);
        }
        if now.enrolled != before.enrolled {
            self.enroll = EnrollForm::default();
        }
        if now.refunds != before.refunds {
            self.refund.receipt.clear();
            self.focus = Some(Field::Amount);
        }
        if now.identified != before.identified || now.signed_in && !before.signed_in {
            self.focus = Some(Field::Amount);
        }
        if now.enroll_refused != before.enroll_refused
            && let Some((field, _)) = s.enroll_refused
        {
            self.enroll.open = true;
            self.focus = Some(Field::of_new_customer(field));
        }
        if let Some(code) = s.enroll_referral.clone()
            && self.enroll.referral != code
            && !self.enroll.open
        {
            self.enroll.open = true;
            self.enroll.referral = code;
            self.focus = Some(Field::EnrollName);
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let s = StateView::of(&self.counter);
        let mut asks = Asks::default();
        let shop = self.counter.shop().name.clone();
        let w = self.counter.state().words.0;
        self.shortcuts(&ctx, &s, w, &mut asks);
        egui::Panel::top("device-bar").show(ui, |ui| bars::device_bar(ui, &s, &shop, w, &mut asks));
        egui::Panel::bottom("notice-bar").show(ui, |ui| bars::notice_bar(ui, &s, w));
        if s.staff_required && s.signed_in.is_none() {
            egui::CentralPanel::default().show(ui, |ui| self.sign_in.ui(ui, w, &mut asks));
            if ctx.memory(|m| m.focused()).is_none() {
                asks.focus(Field::StaffPin);
            }
        } else {
            self.counter_panels(ui, &s, w, &mut asks);
        }
        self.apply(&ctx, asks);
    }

    fn counter_panels(&mut self, ui: &mut egui::Ui, s: &StateView, w: &Language, asks: &mut Asks) {
        let ctx = ui.ctx().clone();
        egui::Panel::left("customer")
            .default_size(340.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("customer-scroll")
                    .show(ui, |ui| self.customer_side(ui, s, w, asks));
            });
        let image = self.counter.devices().receipt_image.clone();
        egui::Panel::right("receipt")
            .default_size(320.0)
            .resizable(true)
            .show(ui, |ui| self.preview.ui(ui, image.as_deref(), w, asks));
        let (hint, limit) = {
            let shop = self.counter.shop();
            let zero = w.amount(0, shop.currency);
            let hint: String = zero
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == w.numbers.decimal_separator)
                .collect();
            (hint, w.amount(shop.owner_pin_above, shop.currency))
        };
        egui::CentralPanel::default().show(ui, |ui| {
            self.sale.ui(ui, s, &hint, w, asks);
            ui.add_space(12.0);
            ui.separator();
            self.refund
                .ui(ui, &limit, s.last_receipt.as_deref(), w, asks);
            ui.add_space(12.0);
            sale::recent(ui, s, w, asks);
        });
        if self.settings.open {
            self.settings_window(&ctx, w, asks);
        }
        if self.dashboard.open {
            self.dashboard.window(&ctx, &self.counter, asks);
        }
        self.preview.window(&ctx, w, asks);
        self.about.window(&ctx, self.dir.root(), w, asks);
    }

    /// The left-hand side: Find, enrolment, the customer, the visit, and their support side.
    fn customer_side(&mut self, ui: &mut egui::Ui, s: &StateView, w: &Language, asks: &mut Asks) {
        ui.heading(w.t("customer"));
        self.find.ui(ui, &s.results, w, asks);
        ui.horizontal(|ui| {
            if ui.button(w.t("new-customer-button")).clicked() {
                asks.screen(ScreenAsk::Enroll { toggle: true });
            }
            if s.customer.is_some() && ui.button(w.t("clear-customer")).clicked() {
                asks.send(Intent::Clear);
                asks.focus(Field::Amount);
            }
        });
        if self.enroll.open {
            let shop = self.counter.shop().name.clone();
            self.enroll.ui(ui, w, &shop, asks);
        }
        ui.separator();
        self.customer.ui(ui, s, w, asks);
        if s.customer.is_some() || s.visit.is_some() {
            let currency = self.counter.shop().currency;
            self.support.ui(ui, s, w, currency, asks);
        }
    }

    /// The function keys and Esc, read before drawing so that they act whatever has focus.
    fn shortcuts(&mut self, ctx: &egui::Context, s: &StateView, w: &Language, asks: &mut Asks) {
        let pressed = |k: Key| ctx.input(|i| i.key_pressed(k));
        if s.staff_required && s.signed_in.is_none() {
            return;
        }
        if self.settings.open {
            // The settings screen has its own keys (Esc closes it).
            return;
        }
        if pressed(Key::F10) {
            asks.screen(ScreenAsk::OpenSettings);
        }
        // Ctrl+L locks the till: whoever is signed in is signed out (another takes over).
        if s.signed_in.is_some() && ctx.input(|i| i.modifiers.command && i.key_pressed(Key::L)) {
            asks.send(Intent::SignOut);
        }
        if pressed(Key::F1) {
            asks.screen(ScreenAsk::About(!self.about.open));
        }
        if pressed(Key::F2) {
            asks.focus(Field::Find);
        }
        if pressed(Key::F3) {
            asks.screen(ScreenAsk::Enroll { toggle: false });
        }
        if pressed(Key::F4) {
            self.sale.anonymous(asks);
        }
        if pressed(Key::F5) {
            customer_panel::redeem_first(s, w, asks);
        }
        if pressed(Key::F6) {
            asks.screen(ScreenAsk::EnlargeReceipt(!self.preview.enlarged));
        }
        if pressed(Key::F8) {
            self.refund.last_receipt(s.last_receipt.as_deref(), w, asks);
        }
        if pressed(Key::F7) {
            asks.screen(ScreenAsk::OpenDashboard);
        }
        if pressed(Key::F9) {
            asks.send(Intent::Reprint);
        }
        if pressed(Key::F12) && (s.customer.is_some() || s.visit.is_some()) {
            self.support.open_form = true;
        }
        if pressed(Key::Escape) {
            // Esc closes what is open first; with nothing open it clears the customer.
            if self.about.open {
                asks.screen(ScreenAsk::About(false));
            } else if self.preview.enlarged {
                asks.screen(ScreenAsk::EnlargeReceipt(false));
            } else if self.enroll.open {
                asks.screen(ScreenAsk::CancelEnroll);
            } else {
                asks.send(Intent::Clear);
            }
            asks.focus(Field::Amount);
        }
    }

    /// Applies what the panels asked for this frame.
    fn apply(&mut self, ctx: &egui::Context, asks: Asks) {
        if let Some(f) = self.focus_after_modal.take() {
            self.focus = Some(f);
        }
        for intent in asks.intents {
            self.counter.send(intent);
        }
        for (ok, text) in asks.notices {
            self.counter.notify(ok, text);
        }
        if let Some(f) = asks.focus {
            self.focus = Some(f);
        }
        for ask in asks.screen {
            match ask {
                ScreenAsk::Enroll { toggle } if toggle && self.enroll.open => {
                    self.enroll.open = false;
                    self.focus = Some(Field::Amount);
                }
                ScreenAsk::Enroll { .. } => {
                    self.enroll.open = true;
                    self.focus = Some(Field::EnrollName);
                }
                ScreenAsk::CancelEnroll => {
                    self.enroll = EnrollForm::default();
                    self.focus = Some(Field::Amount);
                }
                ScreenAsk::OpenSettings => self.open_settings(),
                ScreenAsk::OpenDashboard => self.open_dashboard(),
                ScreenAsk::RefundReceipt(r) => {
                    self.refund.receipt = r;
                    self.focus = Some(Field::RefundAmount);
                }
                ScreenAsk::Scan(text, what) => self.counter.scan_typed(&text, what),
                ScreenAsk::EnlargeReceipt(on) => {
                    if self.preview.enlarged && !on {
                        self.focus_after_modal = Some(Field::Amount);
                    }
                    self.preview.enlarged = on;
                }
                ScreenAsk::About(on) => {
                    if self.about.open && !on {
                        self.focus_after_modal = Some(Field::Amount);
                    }
                    self.about.open = on;
                }
            }
        }
        if let Some(f) = self.focus.take() {
            focus::apply(ctx, f);
        }
    }

    /// Opens the settings screen with what `config.toml` says now. Once staff exist, only the
    /// owner signed in may change them (a cashier could otherwise give themselves a PIN).
    pub fn open_settings(&mut self) {
        let staffing = self.counter.staffing();
        let owner = staffing
            .signed_in
            .as_ref()
            .is_some_and(|s| s.role == crate::domain::staff::Role::Owner);
        if staffing.required && !owner {
            let w = self.counter.state().words.0;
            self.counter.notify(false, w.t("set-owner-only"));
            return;
        }
        self.settings = SettingsForm::load(&self.dir);
    }

    /// Opens the dashboard (the figures load with "Show figures").
    pub fn open_dashboard(&mut self) {
        self.dashboard.open = true;
        self.dashboard.focus_scope = true;
    }
}
