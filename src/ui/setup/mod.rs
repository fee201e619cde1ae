//! The first-run assistant: the first start on a data folder never set up asks, full-window
//! and by keyboard alone, what a shop must decide before its first sale. The shop's name
//! (the cursor in it), then the language, the currency and how customers earn, each with a
//! suggested answer, so Enter through to the end leaves a working counter and Esc skips the
//! rest with the suggestions. Each answer is saved to `config.toml` as its step is left
//! (`config::setup`), so a power cut mid-way loses nothing already answered. The later steps
//! (how customers reach their pages, the owner's PIN, where backups go) are in [`later`].

mod devices;
mod later;

use crate::config::Config;
use crate::config::setup::{self, Earning, RewardChoice};
use crate::domain::money::Currency;
use crate::i18n::{Words, catalog};
use egui::Key;
use std::path::PathBuf;

/// The assistant's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Name,
    Language,
    Currency,
    Earning,
    Printer,
    Scanner,
    Display,
    Pages,
    Pin,
    Backups,
    Done,
}

const STEPS: [Step; 11] = [
    Step::Name,
    Step::Language,
    Step::Currency,
    Step::Earning,
    Step::Printer,
    Step::Scanner,
    Step::Display,
    Step::Pages,
    Step::Pin,
    Step::Backups,
    Step::Done,
];

/// What the assistant says after a frame.
pub enum Outcome {
    /// Still asking.
    Asking,
    /// Every answer saved: the counter opens with this configuration.
    Finished(Box<Config>),
}

/// The assistant's answers so far, and where it is.
pub struct SetupAssistant {
    path: PathBuf,
    pub step: Step,
    pub name: String,
    /// The chosen language's place in the catalogue.
    language: usize,
    pub currency: String,
    /// The computer's country's calling code, saved with the currency (phones typed the
    /// national way then match).
    calling_code: Option<String>,
    pub earning: Earning,
    pub rewards: Vec<RewardChoice>,
    /// The rewards' names were changed by hand: a change of language leaves them be.
    rewards_named: bool,
    /// The configuration as last saved.
    config: Option<Config>,
    error: Option<String>,
    /// Move the cursor to the step's field on the next frame.
    focus: bool,
    /// The data folder, for the steps that start the pages, add the owner or back up.
    dir: Option<crate::datadir::DataDir>,
    later: later::Later,
    devices: devices::Devices,
}

impl SetupAssistant {
    /// An assistant writing `config.toml` at `path`, suggesting from the computer's locale.
    pub fn new(path: PathBuf, locale: Option<String>) -> SetupAssistant {
        let locale = locale.unwrap_or_default();
        let c = catalog();
        let suggested = c.best(&locale).map_or(crate::i18n::FALLBACK, |l| l.tag());
        let language = c.tags().iter().position(|t| *t == suggested).unwrap_or(0);
        let mut a = SetupAssistant {
            path,
            currency: setup::currency_for_locale(&locale).code().to_string(),
            calling_code: setup::calling_code_for_locale(&locale),
            step: Step::Name,
            name: String::new(),
            language,
            earning: Earning::Points,
            rewards: Vec::new(),
            rewards_named: false,
            config: None,
            error: None,
            focus: true,
            dir: None,
            devices: Default::default(),
            later: later::Later {
                backup_to: crate::services::setup::usb_folder().unwrap_or_default(),
                ..Default::default()
            },
        };
        a.rewards = setup::default_rewards(&a.words());
        a
    }

    /// The assistant for the shop in `dir` (its `config.toml`).
    pub fn for_dir(dir: &crate::datadir::DataDir, locale: Option<String>) -> SetupAssistant {
        let mut a = SetupAssistant::new(dir.config_path(), locale);
        a.dir = Some(dir.clone());
        a
    }

    /// The current step's place in [`STEPS`].
    fn at(&self) -> usize {
        STEPS.iter().position(|s| *s == self.step).unwrap_or(0)
    }

    /// The chosen language's tag.
    pub fn language(&self) -> &'static str {
        catalog().tags()[self.language]
    }

    fn words(&self) -> Words {
        Words(
            catalog()
                .get(self.language())
                .unwrap_or(catalog().fallback()),
        )
    }

    /// Saves the current step's answer and moves on; on a refusal stays, saying why.
    pub fn advance(&mut self) -> Outcome {
        match self.save(self.step) {
            Ok(()) => {
                self.error = None;
                self.focus = true;
                match self.step {
                    Step::Done => return self.finish(),
                    _ => self.step = STEPS[self.at() + 1],
                }
            }
            Err(e) => self.error = Some(e),
        }
        Outcome::Asking
    }

    /// Saves the suggested answer of this step and every later one, and finishes. A name not
    /// typed yet is the suggested one, in the chosen language.
    pub fn skip_rest(&mut self) -> Outcome {
        if self.name.trim().is_empty() {
            self.name = self.words().t("setup-default-name");
        }
        let from = self.at();
        for step in &STEPS[from..] {
            if let Err(e) = self.save(*step) {
                self.step = *step;
                self.error = Some(e);
                self.focus = true;
                return Outcome::Asking;
            }
        }
        self.finish()
    }

    fn finish(&mut self) -> Outcome {
        // The pages started for the check and the devices tried let go of their ports before
        // the counter's start.
        self.settle_check();
        self.devices.stop();
        match self
            .config
            .take()
            .map_or_else(|| Config::load(&self.path).map_err(|e| e.to_string()), Ok)
        {
            Ok(config) => Outcome::Finished(Box::new(config)),
            Err(e) => {
                self.error = Some(e);
                Outcome::Asking
            }
        }
    }

    /// Writes `step`'s answer into `config.toml`, or says in the chosen language what is wrong.
    fn save(&mut self, step: Step) -> Result<(), String> {
        let w = self.words();
        let saved = match step {
            Step::Name => {
                if self.name.trim().is_empty() {
                    return Err(w.t("setup-name-needed"));
                }
                setup::save_name(&self.path, &self.name)
            }
            Step::Language => setup::save_language(&self.path, self.language()),
            Step::Currency => {
                let currency = Currency::from_code(&self.currency).map_err(|_| {
                    w.t_args(
                        "setup-currency-unknown",
                        &[("code", self.currency.clone().into())],
                    )
                })?;
                self.currency = currency.code().to_string();
                setup::save_currency(&self.path, currency).and_then(|c| match &self.calling_code {
                    Some(code) => setup::save_calling_code(&self.path, code),
                    None => Ok(c),
                })
            }
            Step::Earning => setup::save_earning(&self.path, self.earning, &self.rewards),
            Step::Printer => {
                crate::config::save_changes(&self.path, &self.devices.printer_changes())
            }
            Step::Scanner => {
                self.devices.stop();
                crate::config::save_changes(&self.path, &[self.devices.scanner_change()])
            }
            Step::Display => {
                self.devices.stop();
                crate::config::save_changes(&self.path, &self.devices.display_changes())
            }
            Step::Pages => {
                let change = crate::services::setup::pages_change(&self.later.public_url, &w)?;
                crate::config::save_changes(&self.path, &[change])
            }
            Step::Pin => {
                // One at a time: the check's pages may be making the database.
                self.settle_check();
                let config = self.current()?;
                if let Some(dir) = &self.dir {
                    crate::services::setup::save_pin(dir, &config, &self.later.pin, &w)?;
                }
                Ok(config)
            }
            Step::Backups => match &self.dir {
                Some(dir) => {
                    let (config, made) =
                        crate::services::setup::backups_folder(dir, &self.later.backup_to, &w)?;
                    self.later.backed_up = Some(made);
                    Ok(config)
                }
                None => crate::config::save_changes(
                    &self.path,
                    &[crate::services::setup::backup_change(&self.later.backup_to)],
                ),
            },
            Step::Done => return Ok(()),
        };
        match saved {
            Ok(config) => {
                self.config = Some(config);
                Ok(())
            }
            Err(e) => Err(w.t_args("setup-not-saved", &[("error", e.to_string().into())])),
        }
    }

    /// Saves the printer (or the scanner) as on screen and starts the counter with it: a test
    /// page is printed, or the scanner listened to.
    fn try_devices(&mut self, step: Step) {
        let Some(dir) = self.dir.clone() else {
            return;
        };
        let changes = match step {
            Step::Printer => self.devices.printer_changes(),
            Step::Display => self.devices.display_changes(),
            _ => vec![self.devices.scanner_change()],
        };
        let w = self.words();
        self.devices.stop();
        let tried = crate::config::save_changes(&self.path, &changes)
            .map_err(|e| w.t_args("setup-not-saved", &[("error", e.to_string().into())]))
            .and_then(|config| {
                self.config = Some(config.clone());
                self.devices.try_with(&dir, &config)
            });
        match tried {
            Ok(()) if step == Step::Printer => self.devices.test_print(),
            Ok(()) => {}
            Err(e) => self.error = Some(e),
        }
    }

    /// The configuration as saved so far.
    fn current(&mut self) -> Result<Config, String> {
        match &self.config {
            Some(c) => Ok(c.clone()),
            None => Config::load(&self.path).map_err(|e| e.to_string()),
        }
    }

    /// Chooses the language `by` places down (up when negative) the list; the rewards'
    /// suggested names follow it unless changed by hand.
    fn move_language(&mut self, by: isize) {
        let n = catalog().tags().len() as isize;
        self.language = (self.language as isize + by).rem_euclid(n) as usize;
        if !self.rewards_named {
            self.rewards = setup::default_rewards(&self.words());
        }
    }

    /// Draws the step full-window and acts on its keys.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Outcome {
        let (enter, escape, up, down) = ui.input(|i| {
            (
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
            )
        });
        let w = self.words();
        let mut outcome = Outcome::Asking;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.set_max_width(720.0);
                ui.heading(w.t("setup-title"));
                let at = self.at() + 1;
                ui.label(w.t_args(
                    "setup-step",
                    &[
                        ("step", (at as i64).into()),
                        ("steps", (STEPS.len() as i64).into()),
                    ],
                ));
                ui.add_space(16.0);
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    self.step_ui(ui, &w, up, down);
                    if let Some(e) = &self.error {
                        ui.add_space(8.0);
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    ui.add_space(16.0);
                    ui.horizontal(|ui| {
                        let next = if self.step == Step::Done {
                            w.t("setup-open-counter")
                        } else {
                            w.t("setup-next")
                        };
                        if ui.button(next).clicked() || enter {
                            outcome = self.advance();
                        }
                        if self.step != Step::Done
                            && (ui.button(w.t("setup-skip")).clicked() || escape)
                        {
                            outcome = self.skip_rest();
                        }
                    });
                    ui.add_space(8.0);
                    ui.weak(w.t("setup-keys"));
                });
            });
        });
        outcome
    }

    fn step_ui(&mut self, ui: &mut egui::Ui, w: &Words, up: bool, down: bool) {
        let focus = std::mem::take(&mut self.focus);
        match self.step {
            Step::Name => {
                let label = ui.label(egui::RichText::new(w.t("setup-name")).size(20.0));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.name)
                            .desired_width(480.0)
                            .hint_text(w.t("setup-default-name")),
                    )
                    .labelled_by(label.id);
                if focus || !ui.memory(|m| m.has_focus(field.id)) {
                    field.request_focus();
                }
                ui.weak(w.t("setup-name-help"));
            }
            Step::Language => {
                ui.label(egui::RichText::new(w.t("setup-language")).size(20.0));
                if focus {
                    ui.memory_mut(|m| m.surrender_focus(m.focused().unwrap_or(egui::Id::NULL)));
                }
                if up {
                    self.move_language(-1);
                }
                if down {
                    self.move_language(1);
                }
                let names: Vec<String> = catalog().all().map(|l| l.native_name.clone()).collect();
                for (i, name) in names.iter().enumerate() {
                    if ui.selectable_label(i == self.language, name).clicked() {
                        self.language = i;
                        self.move_language(0);
                    }
                }
                ui.weak(self.words().t("setup-language-help"));
            }
            Step::Currency => {
                let label = ui.label(egui::RichText::new(w.t("setup-currency")).size(20.0));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.currency).desired_width(120.0))
                    .labelled_by(label.id);
                if focus || !ui.memory(|m| m.has_focus(field.id)) {
                    field.request_focus();
                }
                ui.weak(w.t("setup-currency-help"));
                if let Ok(c) = Currency::from_code(&self.currency) {
                    ui.label(w.amount(100 * c.minor_per_major(), c));
                }
            }
            Step::Earning => self.earning_ui(ui, w, focus, up, down),
            Step::Printer => {
                let f5 = ui.input(|i| i.key_pressed(Key::F5));
                self.devices.printer_ui(ui, w, focus, up, down);
                if ui.button(w.t("setup-printer-test")).clicked() || f5 {
                    self.try_devices(Step::Printer);
                }
            }
            Step::Scanner => {
                let f5 = ui.input(|i| i.key_pressed(Key::F5));
                let before = self.devices.scanner_port.clone();
                self.devices.scanner_ui(ui, w, focus, up, down);
                let listen = ui.button(w.t("setup-scanner-listen")).clicked();
                if focus || listen || f5 || before != self.devices.scanner_port && (up || down) {
                    self.try_devices(Step::Scanner);
                }
            }
            Step::Display => {
                let f5 = ui.input(|i| i.key_pressed(Key::F5));
                self.devices.display_ui(ui, w, focus, up, down);
                let show = ui.button(w.t("setup-display-try")).clicked();
                if (show || f5) && !self.devices.display_port.trim().is_empty() {
                    self.try_devices(Step::Display);
                }
            }
            Step::Pages => self.pages_ui(ui, w, focus),
            Step::Pin => self.pin_ui(ui, w, focus),
            Step::Backups => self.backups_ui(ui, w, focus),
            Step::Done => self.summary_ui(ui, w),
        }
    }

    fn earning_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool, up: bool, down: bool) {
        ui.label(egui::RichText::new(w.t("setup-earning")).size(20.0));
        if focus {
            ui.memory_mut(|m| m.surrender_focus(m.focused().unwrap_or(egui::Id::NULL)));
        }
        let typing = ui.memory(|m| m.focused().is_some());
        if !typing && (up || down) {
            self.earning = match self.earning {
                Earning::Points => Earning::Stamps,
                Earning::Stamps => Earning::Points,
            };
        }
        let currency = Currency::from_code(&self.currency).ok();
        let money = |minor_major: &str| {
            currency
                .and_then(|c| c.parse_amount(minor_major).ok().map(|m| w.amount(m, c)))
                .unwrap_or_default()
        };
        let (per, min) = currency.map(setup::amounts_for).unwrap_or_default();
        let points = w.t_args(
            "setup-earning-points",
            &[("points", 1_i64.into()), ("per", money(&per).into())],
        );
        let stamps = w.t_args("setup-earning-stamps", &[("min", money(&min).into())]);
        ui.radio_value(&mut self.earning, Earning::Points, points);
        ui.radio_value(&mut self.earning, Earning::Stamps, stamps);
        ui.add_space(8.0);
        ui.label(w.t("setup-rewards"));
        for r in &mut self.rewards {
            ui.horizontal(|ui| {
                let field = ui
                    .add(egui::TextEdit::singleline(&mut r.name).desired_width(320.0))
                    .on_hover_text(w.t("setup-rewards"));
                if field.changed() {
                    self.rewards_named = true;
                }
                ui.label(w.number(r.cost));
            });
        }
        ui.weak(w.t("setup-earning-help"));
    }

    fn summary_ui(&self, ui: &mut egui::Ui, w: &Words) {
        ui.label(egui::RichText::new(w.t("setup-done")).size(20.0));
        let language = catalog()
            .get(self.language())
            .map(|l| l.native_name.clone())
            .unwrap_or_default();
        let rewards: Vec<String> = self
            .rewards
            .iter()
            .filter(|r| !r.name.trim().is_empty())
            .map(|r| r.name.trim().to_string())
            .collect();
        for line in [
            w.t_args(
                "setup-summary-shop",
                &[("name", self.name.trim().to_string().into())],
            ),
            w.t_args("setup-summary-language", &[("language", language.into())]),
            w.t_args(
                "setup-summary-currency",
                &[("currency", self.currency.clone().into())],
            ),
            w.t_args(
                "setup-summary-earning",
                &[("rewards", rewards.join(", ").into())],
            ),
        ]
        .into_iter()
        .chain(self.later_summary(w))
        {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.weak(w.t_args(
            "setup-done-help",
            &[("path", self.path.display().to_string().into())],
        ));
    }

    /// Why the last step was refused, in the chosen language.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
}

#[cfg(test)]
mod tests;
