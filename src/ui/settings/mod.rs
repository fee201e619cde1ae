//! The settings screen: every setting of `config.toml` and the staff list, grouped as the owner
//! thinks of them (Shop, Points and rewards, Printer and scanner, Customer pages, Messages,
//! Backups, Chain, Staff). Each group is saved on its own; every field is checked first and a
//! wrong one is refused beside it in the shop's language. The counter then restarts its
//! workers with the saved settings, so they apply at once (the customer pages' address and
//! port when the window next opens; the screen says so).
//!
//! Keys: F10 opens it, Ctrl+PageDown and Ctrl+PageUp go to the next and previous group,
//! Ctrl+S saves the group, Esc closes.

mod actions;
mod devices;
mod fields;
mod import;
mod lists;
mod specs;
mod staff;

pub use actions::{Channel, Running};
pub use fields::{SecretFile, choose};
pub use specs::Group;

use crate::config::{Change, Config, DeviceSettings};
use crate::datadir::DataDir;
use crate::i18n::Language;
use egui::Key;

/// The settings screen.
#[derive(Default)]
pub struct SettingsForm {
    pub open: bool,
    pub group: Group,
    devices: devices::DevicesForm,
    fields: fields::Fields,
    rewards: lists::Rewards,
    tiers: lists::Tiers,
    staff: staff::StaffForm,
    import: import::ImportForm,
    /// Where "send me a test" goes.
    pub test_to: String,
    /// The backup file to put back, and whether "Restore" was pressed once (a second press
    /// restores).
    pub restore_from: String,
    confirm_restore: bool,
    running: Option<actions::Running>,
    /// What the last button did: saved, sent, refused (true when it went well).
    pub said: Option<(bool, String)>,
    /// `config.toml` cannot be read: nothing can be saved until it is mended.
    pub error: Option<String>,
    last_backup: Option<String>,
    config: Option<Config>,
    dir: Option<DataDir>,
    /// Move the cursor to the group's first field on the next frame.
    focus_group: bool,
    /// The widget that had the cursor last frame: a new one is scrolled into view (Tab).
    last_focus: Option<egui::Id>,
}

/// What to try once the group is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    Nothing,
    SendTest(Channel, String),
    BackupNow,
    TestChain,
    CheckPages,
}

/// What the settings screen asks the counter for.
pub enum SettingsAsk {
    /// Write these changes (and passwords' files), restart the workers, then try `Then`.
    Save(Vec<Change>, Vec<SecretFile>, Then),
    SaveDevices(DeviceSettings),
    /// Staff changed: restart the workers (who must sign in) and say this.
    Restart(String),
    /// Put the shop back as it is in this backup (the window lets go of the shop for it).
    Restore(std::path::PathBuf),
    TestPrint,
}

/// The tablet screen's address, when the settings and the secret read.
fn tablet_address(dir: &DataDir, config: Option<&crate::config::Config>) -> String {
    match (config, dir.secret()) {
        (Some(config), Ok(secret)) => crate::services::display::tablet_address(config, &secret),
        _ => String::new(),
    }
}

impl SettingsForm {
    /// The screen filled in with what `config.toml` says now.
    pub fn load(dir: &DataDir) -> SettingsForm {
        let path = dir.config_path();
        let config = dir.config();
        let error = config.as_ref().err().map(|e| e.to_string());
        let config = config.ok();
        let doc = crate::config::written(&path);
        SettingsForm {
            open: true,
            group: Group::Shop,
            devices: devices::DevicesForm::load(config.as_ref())
                .with_tablet(tablet_address(dir, config.as_ref())),
            fields: fields::Fields::load(&path),
            rewards: lists::Rewards::load(config.as_ref()),
            tiers: lists::Tiers::load(&doc),
            staff: config
                .as_ref()
                .map(|c| staff::StaffForm::load(dir, c))
                .unwrap_or_default(),
            import: import::ImportForm::default(),
            test_to: String::new(),
            restore_from: String::new(),
            confirm_restore: false,
            running: None,
            said: None,
            error,
            last_backup: crate::backups::schedule::last_good(dir).and_then(|l| {
                let w = config.as_ref()?.shop.words();
                Some(actions::last_backup_words(&w, &l))
            }),
            config,
            dir: Some(dir.clone()),
            focus_group: true,
            last_focus: None,
        }
    }

    /// Says how a button went, on screen and in the window's log (for whoever looks after
    /// the computer).
    pub fn say(&mut self, ok: bool, text: String) {
        eprintln!("settings: {text}");
        self.said = Some((ok, text));
    }

    /// What was refused last, at a field or by the other side, if anything.
    pub fn refusal(&self) -> Option<&str> {
        let at_field = self
            .devices
            .error
            .as_deref()
            .or(self.staff.error.as_deref());
        at_field.or(match &self.said {
            Some((false, said)) => Some(said.as_str()),
            _ => None,
        })
    }

    /// After a save: the settings as they now are, and what to try with them.
    pub fn saved(&mut self, config: Config, then: Then, said: String) {
        self.say(true, said);
        let dir = self.dir.clone();
        self.config = Some(config.clone());
        self.running = match (then, dir) {
            (Then::SendTest(channel, to), _) => Some(actions::Running::start(move || {
                actions::send_test(&config, channel, &to)
            })),
            (Then::BackupNow, Some(dir)) => Some(actions::Running::start(move || {
                actions::backup_now(&dir, &config)
            })),
            (Then::TestChain, _) => {
                let url = config
                    .central
                    .as_ref()
                    .map(|c| c.url.clone())
                    .unwrap_or_default();
                let words = config.shop.words();
                Some(actions::Running::start(move || {
                    actions::test_chain(&url, &words)
                }))
            }
            _ => None,
        };
    }

    /// The screen as a window over the counter.
    pub fn window(&mut self, ctx: &egui::Context, w: &Language) -> Option<SettingsAsk> {
        let mut open = true;
        let mut ask = None;
        self.keys(ctx);
        if let Some(answer) = self.running.as_ref().and_then(|r| r.answer()) {
            if answer.0 && self.group == Group::Backups {
                self.last_backup = Some(answer.1.clone());
            }
            self.say(answer.0, answer.1);
            self.running = None;
        }
        egui::Window::new(w.t("settings"))
            .id(egui::Id::unique("settings-window"))
            .open(&mut open)
            .default_size([900.0, 620.0])
            .max_width(ctx.content_rect().width() - 40.0)
            .resizable(true)
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(190.0);
                        for g in Group::ALL {
                            if ui
                                .selectable_label(self.group == g, w.t(g.label()))
                                .clicked()
                            {
                                self.go(g);
                            }
                        }
                    });
                    ui.separator();
                    ui.vertical(|ui| {
                        egui::ScrollArea::vertical()
                            .max_height(ui.available_height() - 110.0)
                            .show(ui, |ui| {
                                ask = self.group_ui(ui, w);
                                self.follow_focus(ui);
                            });
                        ui.separator();
                        ask = ask.take().or_else(|| self.bottom(ui, w));
                    });
                });
            });
        if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.open = false;
        }
        ask
    }

    /// Scrolls the widget that just took the cursor (by Tab) into view.
    fn follow_focus(&mut self, ui: &mut egui::Ui) {
        let focused = ui.ctx().memory(|m| m.focused());
        if focused != self.last_focus {
            self.last_focus = focused;
            if let Some(r) = focused.and_then(|id| ui.ctx().read_response(id)) {
                ui.scroll_to_rect(r.rect, None);
            }
        }
    }

    fn go(&mut self, g: Group) {
        self.group = g;
        self.said = None;
        self.focus_group = true;
    }

    /// Ctrl+PageDown / Ctrl+PageUp: next and previous group.
    fn keys(&mut self, ctx: &egui::Context) {
        let (next, previous) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, Key::PageDown),
                i.consume_key(egui::Modifiers::COMMAND, Key::PageUp),
            )
        });
        let at = Group::ALL
            .iter()
            .position(|g| *g == self.group)
            .unwrap_or(0);
        let n = Group::ALL.len();
        if next {
            self.go(Group::ALL[(at + 1) % n]);
        } else if previous {
            self.go(Group::ALL[(at + n - 1) % n]);
        }
    }

    /// The group's heading and fields, and what its own buttons ask.
    fn group_ui(&mut self, ui: &mut egui::Ui, w: &Language) -> Option<SettingsAsk> {
        ui.heading(w.t(self.group.label()));
        ui.weak(w.t(&format!("{}-help", self.group.label())));
        ui.add_space(6.0);
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let focus = std::mem::take(&mut self.focus_group);
        match self.group {
            Group::Devices => {
                let ask = self.devices.ui(ui, w);
                match ask {
                    Some(devices::DevicesAsk::Save) => {
                        self.devices.checked(w).map(SettingsAsk::SaveDevices)
                    }
                    Some(devices::DevicesAsk::TestPrint) => Some(SettingsAsk::TestPrint),
                    None => None,
                }
            }
            Group::Staff => {
                self.fields.ui(ui, Group::Staff, w, &[], focus);
                ui.separator();
                let (Some(dir), Some(config)) = (self.dir.clone(), self.config.clone()) else {
                    return None;
                };
                self.staff
                    .ui(ui, w, &dir, &config)
                    .map(|staff::StaffDone::Changed(said)| SettingsAsk::Restart(said))
            }
            Group::Import => {
                if let (Some(dir), Some(config)) = (self.dir.clone(), self.config.clone()) {
                    self.import.ui(ui, w, (&dir, &config), focus);
                }
                None
            }
            Group::Points => {
                let in_use = self.rewards_in_use(w);
                self.rewards.ui(ui, w, &in_use, focus);
                ui.separator();
                self.fields
                    .ui(ui, Group::Points, w, &self.rewards.choices(), false);
                ui.separator();
                self.tiers.ui(ui, w);
                None
            }
            g => {
                self.fields.ui(ui, g, w, &self.rewards.choices(), focus);
                self.group_extra(ui, w)
            }
        }
    }

    /// What some groups have beside their fields: the tests, the backup at once.
    fn group_extra(&mut self, ui: &mut egui::Ui, w: &Language) -> Option<SettingsAsk> {
        let mut then = None;
        ui.add_space(8.0);
        match self.group {
            Group::Pages => {
                ui.weak(w.t("set-pages-restart"));
                if ui
                    .button(w.t("pages-check-button"))
                    .on_hover_text(w.t("pages-check-help"))
                    .clicked()
                {
                    then = Some(Then::CheckPages);
                }
            }
            Group::Messages => {
                ui.horizontal(|ui| {
                    let l = ui.label(w.t("set-test-to"));
                    ui.add(egui::TextEdit::singleline(&mut self.test_to).id_salt("test-to"))
                        .labelled_by(l.id);
                    if ui.button(w.t("set-test-email")).clicked() {
                        then = Some(Then::SendTest(Channel::Email, self.test_to.clone()));
                    }
                    if ui.button(w.t("set-test-sms")).clicked() {
                        then = Some(Then::SendTest(Channel::Sms, self.test_to.clone()));
                    }
                });
            }
            Group::Backups => {
                match &self.last_backup {
                    Some(l) => ui.label(l),
                    None => ui.weak(w.t("set-backup-none-yet")),
                };
                if ui.button(w.t("set-backup-now")).clicked() {
                    then = Some(Then::BackupNow);
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let l = ui.label(w.t("set-restore-from"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.restore_from)
                            .id_salt("restore-from")
                            .desired_width(360.0),
                    )
                    .labelled_by(l.id);
                });
                let pressed = ui.button(w.t("set-restore")).clicked();
                // Under the button, so the button keeps the cursor for the second press.
                if self.confirm_restore {
                    ui.colored_label(ui.visuals().warn_fg_color, w.t("set-restore-sure"));
                }
                if pressed {
                    let file = self.restore_from.trim();
                    if file.is_empty() {
                        self.say(false, w.t("set-restore-which"));
                    } else if self.confirm_restore {
                        self.confirm_restore = false;
                        return Some(SettingsAsk::Restore(file.into()));
                    } else {
                        self.confirm_restore = true;
                    }
                }
            }
            Group::Chain => {
                if let Some(c) = self.config.as_ref().and_then(|c| c.central.as_ref()) {
                    ui.weak(w.t_args(
                        "set-chain-ids",
                        &[
                            ("shop", c.shop_id.as_str().into()),
                            ("till", c.till_id.as_str().into()),
                        ],
                    ));
                }
                if ui.button(w.t("set-chain-test")).clicked() {
                    then = Some(Then::TestChain);
                }
            }
            _ => {}
        }
        then.and_then(|t| self.save_ask(w, t))
    }

    /// Save (Ctrl+S), and the last answer under it.
    fn bottom(&mut self, ui: &mut egui::Ui, w: &Language) -> Option<SettingsAsk> {
        let mut ask = None;
        let saves = !matches!(self.group, Group::Devices | Group::Import);
        let ctrl_s = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::S));
        if saves && (ui.button(w.t("set-save")).clicked() || ctrl_s) {
            ask = self.save_ask(w, Then::Nothing);
        }
        if self.running.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(w.t("set-working"));
            });
        } else if let Some((ok, said)) = &self.said {
            let colour = if *ok {
                ui.visuals().text_color()
            } else {
                ui.visuals().error_fg_color
            };
            ui.add(egui::Label::new(egui::RichText::new(said).color(colour)).wrap());
        }
        ask
    }

    /// The group's changes checked, as a save to ask for; `None` when a field is refused.
    fn save_ask(&mut self, w: &Language, then: Then) -> Option<SettingsAsk> {
        let currency = self.config.as_ref().map_or_else(
            || crate::domain::money::Currency::from_code("EUR").ok(),
            |c| Some(c.shop.currency),
        )?;
        let dir = self.dir.as_ref()?.root().to_path_buf();
        let mut ok = true;
        let mut changes = Vec::new();
        if self.group == Group::Points {
            match self.rewards.change(w) {
                Some(c) => changes.push(c),
                None => ok = false,
            }
            match self.tiers.changes(w) {
                Some(c) => changes.extend(c),
                None => ok = false,
            }
        }
        let ids = self.rewards.ids();
        let fields = self.fields.changes(self.group, w, currency, &ids, &dir);
        let Some((more, secrets)) = fields.filter(|_| ok) else {
            let refusals: Vec<String> = self.fields.errors.iter().flatten().cloned().collect();
            self.say(
                false,
                format!("{} {}", w.t("set-refused"), refusals.join(" ")),
            );
            return None;
        };
        changes.extend(more);
        Some(SettingsAsk::Save(changes, secrets, then))
    }

    /// The rewards other settings give, with where: they are changed there first.
    fn rewards_in_use(&self, w: &Language) -> Vec<(String, String)> {
        specs::of(Group::Points)
            .filter(|(_, s)| matches!(s.kind, specs::Kind::Reward(_)))
            .map(|(i, s)| (self.fields.values[i].clone(), w.t(s.label)))
            .filter(|(id, _)| !id.is_empty())
            .collect()
    }
}
