//! The cashier's screen (egui). It draws [`CounterState`] and sends [`Intent`]s; it holds no
//! business rules. Keyboard first: Enter records the sale, F2 finds a customer, F3 opens the
//! enrolment form, F9 reprints, Esc clears the customer. Every control has an accessible label.

mod dashboard;

pub use dashboard::DashboardForm;

use crate::runtime::{Counter, CounterState, Intent};
use crate::store::NewCustomer;
use egui::{Color32, Key, RichText};
use std::path::PathBuf;

/// The enrolment form's fields.
#[derive(Debug, Default, Clone)]
pub struct EnrollForm {
    pub open: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub referral: String,
}

/// The settings screen's fields.
#[derive(Debug, Default, Clone)]
pub struct SettingsForm {
    pub open: bool,
    pub devices: crate::config::DeviceSettings,
    pub baud: String,
    pub error: Option<String>,
    ports: Vec<String>,
    printers: Vec<String>,
    scanners: Vec<String>,
    tills: Vec<String>,
}

/// The counter app: the runtime plus what the cashier is typing.
pub struct CounterApp {
    pub counter: Counter,
    dir: crate::datadir::DataDir,
    pub settings: SettingsForm,
    pub dashboard: DashboardForm,
    pub amount: String,
    pub search: String,
    last_search: String,
    pub enroll: EnrollForm,
    pub refund_receipt: String,
    pub refund_amount: String,
    pub owner_pin: String,
    pub pin: String,
    pub adjust_points: String,
    pub adjust_reason: String,
    pub adjust_pin: String,
    pub ticket_summary: String,
    pub ticket_severity: i64,
    pub note: String,
    preview: Option<(PathBuf, egui::TextureHandle)>,
    /// The Find field, for F2.
    find_id: Option<egui::Id>,
    /// When timing start-up: when the process started (reported at the first frame).
    pub started: Option<std::time::Instant>,
    seen_sales: u64,
    seen_enrolled: u64,
    styled: bool,
}

impl CounterApp {
    pub fn new(counter: Counter, dir: crate::datadir::DataDir) -> CounterApp {
        CounterApp {
            counter,
            dir,
            settings: SettingsForm::default(),
            dashboard: DashboardForm::default(),
            amount: String::new(),
            search: String::new(),
            last_search: String::new(),
            enroll: EnrollForm::default(),
            refund_receipt: String::new(),
            refund_amount: String::new(),
            owner_pin: String::new(),
            pin: String::new(),
            adjust_points: String::new(),
            adjust_reason: String::new(),
            adjust_pin: String::new(),
            ticket_summary: String::new(),
            ticket_severity: 2,
            note: String::new(),
            preview: None,
            find_id: None,
            started: None,
            seen_sales: 0,
            seen_enrolled: 0,
            styled: false,
        }
    }

    /// One frame: run the runtime's schedule, then draw.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            touch_friendly(ui.ctx());
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

    /// Clears what the cashier typed once the runtime confirms it.
    fn follow_state(&mut self) {
        let s = self.counter.state();
        if s.sales_recorded != self.seen_sales {
            self.seen_sales = s.sales_recorded;
            self.amount.clear();
        }
        if s.enrolled != self.seen_enrolled {
            self.seen_enrolled = s.enrolled;
            self.enroll = EnrollForm::default();
        }
        if let Some(code) = s.enroll_referral.clone()
            && self.enroll.referral != code
            && !self.enroll.open
        {
            self.enroll.open = true;
            self.enroll.referral = code;
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        let state_snapshot = StateView::of(self.counter.state());
        egui::Panel::top("device-bar").show(ui, |ui| self.device_bar(ui, &state_snapshot));
        egui::Panel::bottom("notice-bar").show(ui, |ui| notice_bar(ui, &state_snapshot));
        if state_snapshot.staff_required && state_snapshot.signed_in.is_none() {
            egui::CentralPanel::default().show(ui, |ui| self.sign_in(ui));
            return;
        }
        egui::Panel::left("customer")
            .default_size(340.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("customer-scroll")
                    .show(ui, |ui| self.customer_panel(ui, &state_snapshot));
            });
        egui::Panel::right("receipt")
            .default_size(320.0)
            .resizable(true)
            .show(ui, |ui| self.receipt_preview(ui, &ctx));
        egui::CentralPanel::default().show(ui, |ui| self.sale_panel(ui, &state_snapshot));
        if self.settings.open {
            self.settings_window(&ctx);
        }
        if self.dashboard.open {
            self.dashboard_window(&ctx);
        }
    }

    /// Opens the settings screen with what `config.toml` says now.
    pub fn open_settings(&mut self) {
        use crate::devices::profile::{hardware_dir, list};
        let config = self.dir.config();
        self.settings = SettingsForm {
            open: true,
            devices: config
                .as_ref()
                .map(crate::config::DeviceSettings::of)
                .unwrap_or_default(),
            baud: config
                .as_ref()
                .ok()
                .and_then(|c| c.printer.baud)
                .map(|b| b.to_string())
                .unwrap_or_default(),
            error: config.err().map(|e| e.to_string()),
            ports: crate::devices::transport::list_ports(),
            printers: list(&hardware_dir().join("printers")),
            scanners: list(&hardware_dir().join("scanners")),
            tills: list(&hardware_dir().join("pos")),
        };
    }

    fn settings_window(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let mut save = false;
        let mut test = false;
        egui::Window::new("Settings").open(&mut open).resizable(false).show(ctx, |ui| {
            let f = &mut self.settings;
            ui.label("Ports come from this computer's serial ports; \"virtual\" prints to the preview.");
            egui::Grid::new("settings-grid").num_columns(3).show(ui, |ui| {
                let l = ui.label("Printer port");
                ui.add(egui::TextEdit::singleline(&mut f.devices.printer_port)).labelled_by(l.id);
                egui::ComboBox::from_id_salt("printer-port-choice").selected_text("choose").show_ui(ui, |ui| {
                    for p in std::iter::once("virtual".to_string()).chain(f.ports.iter().cloned()) {
                        ui.selectable_value(&mut f.devices.printer_port, p.clone(), p);
                    }
                });
                ui.end_row();
                ui.label("Printer profile");
                egui::ComboBox::from_id_salt("printer-profile").selected_text(f.devices.printer_profile.clone()).show_ui(ui, |ui| {
                    for p in &f.printers {
                        ui.selectable_value(&mut f.devices.printer_profile, p.clone(), p);
                    }
                });
                ui.end_row();
                let l = ui.label("Baud (empty: the profile's)");
                ui.add(egui::TextEdit::singleline(&mut f.baud)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Scanner port (empty: none)");
                ui.add(egui::TextEdit::singleline(&mut f.devices.scanner_port)).labelled_by(l.id);
                egui::ComboBox::from_id_salt("scanner-port-choice").selected_text("choose").show_ui(ui, |ui| {
                    for p in &f.ports {
                        ui.selectable_value(&mut f.devices.scanner_port, p.clone(), p);
                    }
                });
                ui.end_row();
                ui.label("Scanner profile");
                egui::ComboBox::from_id_salt("scanner-profile").selected_text(f.devices.scanner_profile.clone()).show_ui(ui, |ui| {
                    for p in &f.scanners {
                        ui.selectable_value(&mut f.devices.scanner_profile, p.clone(), p);
                    }
                });
                ui.end_row();
            });
            ui.separator();
            ui.checkbox(
                &mut f.devices.plug_enabled,
                "Plug-in mode: sit between the shop's till and the printer",
            );
            if f.devices.plug_enabled {
                ui.label("The till prints into the till port; Regulars adds the loyalty block to each receipt and prints it on the printer port above. A customer identified here is attached to the till's next receipt.");
                egui::Grid::new("plug-grid").num_columns(3).show(ui, |ui| {
                    let l = ui.label("Till port");
                    ui.add(egui::TextEdit::singleline(&mut f.devices.plug_pos)).labelled_by(l.id);
                    egui::ComboBox::from_id_salt("till-port-choice").selected_text("choose").show_ui(ui, |ui| {
                        for p in &f.ports {
                            ui.selectable_value(&mut f.devices.plug_pos, p.clone(), p);
                        }
                    });
                    ui.end_row();
                    ui.label("Till profile");
                    egui::ComboBox::from_id_salt("till-profile").selected_text(f.devices.plug_profile.clone()).show_ui(ui, |ui| {
                        for p in &f.tills {
                            ui.selectable_value(&mut f.devices.plug_profile, p.clone(), p);
                        }
                    });
                    ui.end_row();
                });
            }
            if let Some(e) = &f.error {
                ui.label(RichText::new(e).color(Color32::from_rgb(200, 60, 40)));
            }
            ui.horizontal(|ui| {
                save = ui.button("Save settings").clicked();
                test = ui.button("Test print").clicked();
            });
        });
        if !open {
            self.settings.open = false;
        }
        if test {
            self.counter.send(Intent::TestPrint);
        }
        if save {
            self.save_settings();
        }
    }

    /// Writes the settings to config.toml and restarts the counter's workers with them.
    fn save_settings(&mut self) {
        let baud = self.settings.baud.trim();
        self.settings.devices.printer_baud = if baud.is_empty() {
            None
        } else {
            match baud.parse::<u32>() {
                Ok(b) if (300..=921_600).contains(&b) => Some(b),
                _ => {
                    self.settings.error = Some(format!(
                        "'{baud}' is not a baud rate: use e.g. 9600 or 38400, or leave it empty"
                    ));
                    return;
                }
            }
        };
        if self.settings.devices.plug_enabled && self.settings.devices.plug_pos.trim().is_empty() {
            self.settings.error =
                Some("plug-in mode needs the till port: the port the till prints into".into());
            return;
        }
        let saved = crate::config::save_devices(&self.dir.config_path(), &self.settings.devices)
            .map_err(|e| e.to_string())
            .and_then(|config| Counter::start(&self.dir, &config).map_err(|e| e.to_string()));
        match saved {
            Ok(mut counter) => {
                counter.set_portal_status(self.counter.state().portal.clone());
                self.counter = counter;
                self.counter.notify(
                    true,
                    format!("Settings saved to {}.", self.dir.config_path().display()),
                );
                self.settings.open = false;
                self.seen_sales = 0;
                self.seen_enrolled = 0;
            }
            Err(e) => self.settings.error = Some(e),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let (f2, f3, f9, esc) = ctx.input(|i| {
            (
                i.key_pressed(Key::F2),
                i.key_pressed(Key::F3),
                i.key_pressed(Key::F9),
                i.key_pressed(Key::Escape),
            )
        });
        if f2 && let Some(id) = self.find_id {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        if f3 {
            self.enroll.open = true;
        }
        if f9 {
            self.counter.send(Intent::Reprint);
        }
        if esc {
            self.counter.send(Intent::Clear);
            self.enroll.open = false;
        }
    }

    fn sign_in(&mut self, ui: &mut egui::Ui) {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading("Staff sign-in");
            let l = ui.label("Staff PIN");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.pin)
                        .password(true)
                        .desired_width(160.0),
                )
                .labelled_by(l.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button("Sign in").clicked() || enter {
                self.counter
                    .send(Intent::SignIn(std::mem::take(&mut self.pin)));
            }
        });
    }

    fn device_bar(&mut self, ui: &mut egui::Ui, s: &StateView) {
        // The buttons keep their place on the right; the devices' state wraps onto a second
        // line when the window is narrow.
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Settings").clicked() {
                    self.open_settings();
                }
                if ui
                    .button("Owner dashboard")
                    .on_hover_text("Repeat visits, cohorts, points, referrals, ratings, tickets")
                    .clicked()
                {
                    self.open_dashboard();
                }
                let dark = ui.ctx().theme() == egui::Theme::Dark;
                let other = if dark { "Light theme" } else { "Dark theme" };
                if ui.button(other).clicked() {
                    ui.ctx().set_theme(if dark {
                        egui::Theme::Light
                    } else {
                        egui::Theme::Dark
                    });
                }
                if s.busy > 0 {
                    ui.spinner();
                }
                ui.with_layout(
                    egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                    |ui| {
                        ui.label(RichText::new(&self.counter.shop().name).strong().size(18.0));
                        ui.separator();
                        if let Some(who) = &s.signed_in {
                            ui.label(format!("{} ({})", who.name, who.role.as_str()));
                            if ui.button("Sign out").clicked() {
                                self.counter.send(Intent::SignOut);
                            }
                            ui.separator();
                        }
                        let color = if s.printer_ok {
                            Color32::from_rgb(40, 150, 60)
                        } else {
                            Color32::from_rgb(200, 60, 40)
                        };
                        ui.label(RichText::new(format!("Printer: {}", s.printer)).color(color));
                        ui.separator();
                        ui.label(match &s.last_scan {
                            Some(code) => format!("Scanner: {} — last scan {code}", s.scanner),
                            None => format!("Scanner: {}", s.scanner),
                        });
                        if !s.portal.is_empty() {
                            ui.separator();
                            ui.label(&s.portal);
                        }
                    },
                );
            });
        });
    }

    fn customer_panel(&mut self, ui: &mut egui::Ui, s: &StateView) {
        ui.heading("Customer");
        let label = ui.label("Find customer (F2): card, phone or name");
        let find = ui
            .add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("scan a card or type")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.find_id = Some(find.id);
        if find.changed() && self.search != self.last_search {
            self.last_search = self.search.clone();
            self.counter.send(Intent::Search(self.search.clone()));
        }
        if find.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            self.submit_search();
        }
        for r in &s.results {
            let text = format!(
                "{} — {} ({} points)",
                r.name.as_deref().unwrap_or("(erased)"),
                r.code,
                r.balance
            );
            if ui.button(text).clicked() {
                self.counter.send(Intent::Open(r.code.clone()));
                self.search.clear();
                self.last_search.clear();
            }
        }
        ui.horizontal(|ui| {
            if ui.button("New customer (F3)").clicked() {
                self.enroll.open = !self.enroll.open;
            }
            if s.customer.is_some() && ui.button("Clear customer (Esc)").clicked() {
                self.counter.send(Intent::Clear);
            }
        });
        if self.enroll.open {
            self.enroll_form(ui);
        }
        ui.separator();
        match &s.customer {
            None => {
                ui.label("No customer: scan their card or phone, or find them above. A sale without a customer prints a claim QR.");
            }
            Some(c) => {
                ui.label(
                    RichText::new(c.name.as_deref().unwrap_or("(details erased)"))
                        .size(28.0)
                        .strong(),
                );
                ui.label(format!(
                    "Card {}   ·   Referral {}",
                    c.code, c.referral_code
                ));
                ui.label(RichText::new(format!("{} points", c.balance)).size(22.0));
                for p in &c.progress {
                    ui.label(p.describe());
                }
                if let Some(t) = c.last_visit_at {
                    ui.label(format!(
                        "Last visit {} · {} visits",
                        crate::clock::local_time(t),
                        c.visits
                    ));
                }
                if !c.rewards_available.is_empty() {
                    ui.label(RichText::new("Rewards available now").strong());
                }
                if ui
                    .button("Print card slip")
                    .on_hover_text("Their member QR and referral code, to keep")
                    .clicked()
                {
                    self.counter.send(Intent::PrintCard);
                }
                ui.collapsing("Adjust points", |ui| {
                    let l = ui.label("Points (+/-)");
                    ui.add(egui::TextEdit::singleline(&mut self.adjust_points).desired_width(80.0))
                        .labelled_by(l.id);
                    let l = ui.label("Reason");
                    ui.add(egui::TextEdit::singleline(&mut self.adjust_reason))
                        .labelled_by(l.id);
                    let l = ui.label("Owner PIN for the adjustment");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.adjust_pin)
                            .password(true)
                            .desired_width(80.0),
                    )
                    .labelled_by(l.id);
                    if ui.button("Adjust").clicked() {
                        self.counter.send(Intent::Adjust {
                            points: self.adjust_points.clone(),
                            reason: self.adjust_reason.clone(),
                            owner_pin: Some(std::mem::take(&mut self.adjust_pin)),
                        });
                    }
                });
                for r in &c.rewards_available {
                    let how = if r.pay_with == "voucher" {
                        "stamp card".to_string()
                    } else {
                        format!("{} points", r.cost)
                    };
                    if ui
                        .button(format!("Redeem {} ({how})", r.reward_name))
                        .clicked()
                    {
                        self.counter.send(Intent::Redeem(r.reward_id.clone()));
                    }
                }
            }
        }
        if let Some((v, _)) = &s.visit {
            ui.separator();
            ui.label(RichText::new(format!("Visit {} (from its receipt QR)", v.id)).strong());
            ui.label(format!(
                "{} · receipt {}",
                crate::clock::local_time(v.at),
                v.receipt.as_deref().unwrap_or("-")
            ));
            ui.label(format!("{} points earned", v.points_earned));
            if s.support.visit_tickets.is_empty() {
                ui.label("No support tickets about this visit.");
            } else {
                ui.label(RichText::new("Tickets about this visit").strong());
                for t in &s.support.visit_tickets {
                    ui.label(format!("#{} [{}] {}", t.id, t.status.label(), t.summary));
                }
            }
            if ui.button("Refund this visit").clicked() {
                self.refund_receipt = v.receipt.clone().unwrap_or_else(|| format!("V{}", v.id));
            }
        }
        if s.customer.is_some() || s.visit.is_some() {
            self.support_section(ui, s);
        }
    }

    /// Open tickets, opening one, staff notes and the timeline of the customer on screen.
    fn support_section(&mut self, ui: &mut egui::Ui, s: &StateView) {
        ui.separator();
        let open = &s.support.open_tickets;
        if s.customer.is_some() {
            if open.is_empty() {
                ui.label("No open support tickets.");
            } else {
                ui.label(
                    RichText::new(format!("Open support tickets: {}", open.len()))
                        .strong()
                        .color(Color32::from_rgb(200, 110, 20)),
                );
                for t in open {
                    ui.horizontal_wrapped(|ui| {
                        let about = t
                            .visit_id
                            .map(|v| format!(" (visit V{v})"))
                            .unwrap_or_default();
                        ui.label(format!(
                            "#{} [{}] {}{about}",
                            t.id,
                            t.status.label(),
                            t.summary
                        ));
                        if ui.button(format!("Resolve #{}", t.id)).clicked() {
                            self.counter.send(Intent::ResolveTicket(t.id));
                        }
                    });
                }
            }
        }
        ui.collapsing("Open a support ticket", |ui| {
            let l = ui.label("What went wrong");
            ui.add(egui::TextEdit::multiline(&mut self.ticket_summary).desired_rows(2))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                ui.label("Severity");
                ui.radio_value(&mut self.ticket_severity, 1, "Minor");
                ui.radio_value(&mut self.ticket_severity, 2, "Normal");
                ui.radio_value(&mut self.ticket_severity, 3, "Urgent");
            });
            if ui.button("Open ticket").clicked() {
                self.counter.send(Intent::OpenTicket {
                    summary: std::mem::take(&mut self.ticket_summary),
                    severity: self.ticket_severity,
                });
            }
        });
        if s.customer.is_some() {
            ui.collapsing("Add a note", |ui| {
                let l = ui.label("Note for all staff");
                ui.add(egui::TextEdit::singleline(&mut self.note))
                    .labelled_by(l.id);
                if ui.button("Add note").clicked() {
                    self.counter
                        .send(Intent::Note(std::mem::take(&mut self.note)));
                }
            });
            ui.collapsing(format!("Timeline ({})", s.support.timeline.len()), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for e in &s.support.timeline {
                            ui.label(format!("{}  {}", crate::clock::local_time(e.at), e.text));
                        }
                    });
            });
        }
    }

    fn submit_search(&mut self) {
        let text = self.search.trim().to_string();
        if text.is_empty() {
            return;
        }
        // A code typed or pasted into Find works like a scan.
        let scan = crate::devices::scanner::Scan {
            data: text.clone(),
            aim: None,
            prefix: None,
        };
        let what = crate::devices::scanner::classify(&text);
        if !matches!(what, crate::devices::scanner::ScanKind::Unknown { .. }) {
            let _ =
                self.counter
                    .scan_sender
                    .send(Ok(crate::devices::scanner::ScanEvent::Scanned {
                        scan,
                        what,
                    }));
            self.search.clear();
            self.last_search.clear();
        } else {
            self.counter.send(Intent::Search(text));
        }
    }

    fn enroll_form(&mut self, ui: &mut egui::Ui) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new("New customer").strong());
            let field = |ui: &mut egui::Ui, label: &str, value: &mut String| {
                let l = ui.label(label);
                ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
                    .labelled_by(l.id);
            };
            field(ui, "Name", &mut self.enroll.name);
            field(ui, "Phone", &mut self.enroll.phone);
            field(ui, "Email", &mut self.enroll.email);
            field(ui, "Referral code", &mut self.enroll.referral);
            ui.horizontal(|ui| {
                if ui.button("Enroll").clicked() {
                    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
                    self.counter.send(Intent::Enroll(NewCustomer {
                        name: self.enroll.name.clone(),
                        phone: opt(&self.enroll.phone),
                        email: opt(&self.enroll.email),
                        referred_by: opt(&self.enroll.referral),
                    }));
                }
                if ui.button("Cancel").clicked() {
                    self.enroll = EnrollForm::default();
                }
            });
        });
    }

    fn sale_panel(&mut self, ui: &mut egui::Ui, s: &StateView) {
        ui.heading("Sale");
        let label = ui.label("Amount");
        let amount = ui
            .add(
                egui::TextEdit::singleline(&mut self.amount)
                    .font(egui::FontId::proportional(36.0))
                    .hint_text("0.00")
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
        let enter = amount.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            let who = match &s.customer {
                Some(c) => format!(
                    "Record sale for {} (Enter)",
                    c.name.as_deref().unwrap_or(&c.code)
                ),
                None => "Record sale (Enter)".to_string(),
            };
            if ui
                .add(egui::Button::new(RichText::new(who).size(18.0)))
                .on_hover_text("Records the sale and prints the loyalty receipt")
                .clicked()
                || enter
            {
                self.counter.send(Intent::Sale(self.amount.clone()));
            }
            if ui
                .button("Anonymous sale")
                .on_hover_text("No customer: the receipt carries a claim QR")
                .clicked()
            {
                self.counter
                    .send(Intent::AnonymousSale(self.amount.clone()));
            }
        });
        ui.add_space(12.0);
        ui.separator();
        ui.label(RichText::new("Refund by receipt").strong());
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Receipt number");
            ui.add(egui::TextEdit::singleline(&mut self.refund_receipt).desired_width(140.0))
                .labelled_by(l.id);
            let l = ui.label("Refund amount");
            ui.add(
                egui::TextEdit::singleline(&mut self.refund_amount)
                    .hint_text("all")
                    .desired_width(90.0),
            )
            .labelled_by(l.id);
            let limit = {
                let shop = self.counter.shop();
                shop.currency.format(shop.owner_pin_above)
            };
            let l = ui.label(format!("Owner PIN (above {limit})"));
            ui.add(
                egui::TextEdit::singleline(&mut self.owner_pin)
                    .password(true)
                    .desired_width(70.0),
            )
            .labelled_by(l.id);
            if ui.button("Refund").clicked() {
                self.counter.send(Intent::Refund {
                    receipt: self.refund_receipt.clone(),
                    amount: Some(self.refund_amount.clone()),
                    owner_pin: Some(std::mem::take(&mut self.owner_pin)),
                });
                self.refund_amount.clear();
            }
        });
        ui.add_space(12.0);
        if ui.button("Reprint last receipt (F9)").clicked() {
            self.counter.send(Intent::Reprint);
        }
        ui.add_space(12.0);
        ui.separator();
        ui.label(RichText::new("Recent").strong());
        for n in s.history.iter().take(8) {
            ui.label(RichText::new(&n.text).color(if n.ok {
                ui.visuals().text_color()
            } else {
                Color32::from_rgb(200, 60, 40)
            }));
        }
    }

    fn receipt_preview(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        ui.heading("Receipt preview");
        let Some(path) = self.counter.state().receipt_image.clone() else {
            ui.label("The receipt of the next sale appears here.");
            return;
        };
        if self.preview.as_ref().is_none_or(|(p, _)| *p != path)
            && let Ok(img) = image::open(&path)
        {
            let gray = img.to_luma8();
            let color = egui::ColorImage::from_gray(
                [gray.width() as usize, gray.height() as usize],
                gray.as_raw(),
            );
            let texture = ctx.load_texture("receipt-preview", color, egui::TextureOptions::LINEAR);
            self.preview = Some((path.clone(), texture));
        }
        if let Some((_, texture)) = &self.preview {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let w = ui.available_width().min(texture.size_vec2().x);
                let size = texture.size_vec2() * (w / texture.size_vec2().x);
                ui.add(egui::Image::new((texture.id(), size)).alt_text("Receipt preview image"));
            });
        }
    }
}

/// Buttons and fields big enough for a finger on a counter touch screen (about 40 px high),
/// and text a little larger than egui's default, in both themes.
fn touch_friendly(ctx: &egui::Context) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.spacing.interact_size = egui::vec2(44.0, 36.0);
            style.spacing.button_padding = egui::vec2(12.0, 8.0);
            style.spacing.item_spacing = egui::vec2(8.0, 8.0);
            for (text_style, size) in [
                (egui::TextStyle::Body, 16.0),
                (egui::TextStyle::Button, 16.0),
                (egui::TextStyle::Heading, 22.0),
            ] {
                if let Some(font) = style.text_styles.get_mut(&text_style) {
                    font.size = size;
                }
            }
        });
    }
}

fn notice_bar(ui: &mut egui::Ui, s: &StateView) {
    if let Some(n) = &s.notice {
        let color = if n.ok {
            Color32::from_rgb(40, 150, 60)
        } else {
            Color32::from_rgb(200, 60, 40)
        };
        ui.label(RichText::new(&n.text).size(18.0).color(color));
    } else {
        ui.label("Ready. Scan a card, or type an amount and press Enter.");
    }
}

/// A copy of the state for one frame, so drawing can send intents while reading it.
struct StateView {
    customer: Option<crate::store::CustomerView>,
    results: Vec<crate::store::CustomerView>,
    visit: Option<(crate::store::VisitView, Option<crate::store::CustomerView>)>,
    notice: Option<crate::runtime::Notice>,
    history: Vec<crate::runtime::Notice>,
    printer: String,
    printer_ok: bool,
    scanner: String,
    last_scan: Option<String>,
    busy: usize,
    staff_required: bool,
    signed_in: Option<crate::store::Staff>,
    support: crate::runtime::Support,
    portal: String,
}

impl StateView {
    fn of(s: &CounterState) -> StateView {
        StateView {
            customer: s.customer.clone(),
            results: s.results.clone(),
            visit: s.visit.clone(),
            notice: s.notice.clone(),
            history: s.history.clone(),
            printer: s.printer.clone(),
            printer_ok: s.printer_ok,
            scanner: s.scanner.clone(),
            last_scan: s.last_scan.clone(),
            busy: s.busy,
            staff_required: s.staff_required,
            signed_in: s.signed_in.clone(),
            support: s.support.clone(),
            portal: s.portal.clone(),
        }
    }
}

impl eframe::App for CounterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

/// Opens the counter window. With `REGULARS_TIMING` set, reports on stderr how long the first
/// frame took from `started` (the start-up benchmark).
pub fn run(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    started: std::time::Instant,
) -> anyhow::Result<()> {
    let mut counter = Counter::start(dir, config)?;
    // The customer pages run beside the window; if they cannot (say the port is taken), the
    // counter still works and the device bar says why.
    // Kept until the window closes (run_native returns).
    let _portal = if config.portal.with_app {
        match crate::portal::Settings::from_config(dir, config)
            .and_then(|s| Ok(crate::portal::Portal::start(&config.portal.bind, s)?))
        {
            Ok(p) => {
                counter.set_portal_status(format!("Customer pages: {}", config.portal.public_url));
                Some(p)
            }
            Err(e) => {
                counter.set_portal_status(format!("Customer pages off: {e}"));
                None
            }
        }
    } else {
        counter.set_portal_status("Customer pages: run `regulars serve`");
        None
    };
    let dir = dir.clone();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("Regulars — {}", config.shop.name))
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([800.0, 520.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Regulars",
        options,
        Box::new(move |_cc| {
            let mut app = CounterApp::new(counter, dir);
            app.started = std::env::var_os("REGULARS_TIMING").map(|_| started);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the counter window could not open: {e}"))
}
