//! The settings screen: printer and scanner ports, profiles and baud rate, plug-in mode, and a
//! test print. Saving writes `config.toml` (the app then restarts the counter's workers).

use crate::config::PrinterPort;
use crate::i18n::Language;
use egui::{Color32, RichText};

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

/// What the settings screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAsk {
    Save,
    TestPrint,
    CheckPages,
}

impl SettingsForm {
    /// The screen filled in with what `config.toml` says now.
    pub fn load(dir: &crate::datadir::DataDir) -> SettingsForm {
        use crate::devices::profile::list;
        let config = dir.config();
        SettingsForm {
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
            printers: list("printers"),
            scanners: list("scanners"),
            tills: list("pos"),
        }
    }

    /// The settings checked and ready to save, or `None` with the reason in `error`.
    pub fn checked(&mut self, w: &Language) -> Option<crate::config::DeviceSettings> {
        let baud = self.baud.trim();
        self.devices.printer_baud = if baud.is_empty() {
            None
        } else {
            match baud.parse::<u32>() {
                Ok(b) if (300..=921_600).contains(&b) => Some(b),
                _ => {
                    self.error = Some(w.t_args("not-a-baud", &[("baud", baud.into())]));
                    return None;
                }
            }
        };
        if self.devices.plug_enabled && self.devices.plug_pos.trim().is_empty() {
            self.error = Some(w.t("plug-needs-till"));
            return None;
        }
        Some(self.devices.clone())
    }

    pub fn window(&mut self, ctx: &egui::Context, w: &Language) -> Option<SettingsAsk> {
        let mut open = true;
        let mut ask = None;
        egui::Window::new(w.t("settings"))
            .id(egui::Id::unique("settings-window"))
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| ask = self.ui(ui, w));
        if !open {
            self.open = false;
        }
        ask
    }

    fn ui(&mut self, ui: &mut egui::Ui, w: &Language) -> Option<SettingsAsk> {
        ui.horizontal(|ui| {
            ui.label(w.t("language"));
            let shown = crate::i18n::catalog()
                .get(&self.devices.language)
                .map(|l| l.native_name.clone())
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("language")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for l in crate::i18n::catalog().all() {
                        let tag = l.tag().to_string();
                        ui.selectable_value(
                            &mut self.devices.language,
                            tag,
                            l.native_name.as_str(),
                        );
                    }
                });
        });
        ui.label(w.t("settings-ports"));
        egui::Grid::new("settings-grid")
            .num_columns(3)
            .show(ui, |ui| self.devices_grid(ui, w));
        ui.separator();
        ui.checkbox(&mut self.devices.plug_enabled, w.t("plug-in-mode"));
        if self.devices.plug_enabled {
            ui.label(w.t("plug-in-explained"));
            egui::Grid::new("plug-grid").num_columns(3).show(ui, |ui| {
                let f = &mut self.devices;
                let l = ui.label(w.t("till-port"));
                ui.add(egui::TextEdit::singleline(&mut f.plug_pos))
                    .labelled_by(l.id);
                choose(
                    ui,
                    "till-port-choice",
                    &w.t("choose"),
                    &self.ports,
                    &mut f.plug_pos,
                );
                ui.end_row();
                ui.label(w.t("till-profile"));
                let shown = f.plug_profile.clone();
                choose(ui, "till-profile", &shown, &self.tills, &mut f.plug_profile);
                ui.end_row();
            });
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(Color32::from_rgb(200, 60, 40)));
        }
        let mut ask = None;
        ui.horizontal(|ui| {
            if ui.button(w.t("save-settings")).clicked() {
                ask = Some(SettingsAsk::Save);
            }
            if ui.button(w.t("test-print")).clicked() {
                ask = Some(SettingsAsk::TestPrint);
            }
            if ui
                .button(w.t("pages-check-button"))
                .on_hover_text(w.t("pages-check-help"))
                .clicked()
            {
                ask = Some(SettingsAsk::CheckPages);
            }
        });
        ask
    }

    fn devices_grid(&mut self, ui: &mut egui::Ui, w: &Language) {
        let f = &mut self.devices;
        let l = ui.label(w.t("printer-port"));
        ui.add(egui::TextEdit::singleline(&mut f.printer_port))
            .labelled_by(l.id);
        let with_virtual: Vec<String> = std::iter::once(PrinterPort::VIRTUAL.to_string())
            .chain(self.ports.iter().cloned())
            .collect();
        choose(
            ui,
            "printer-port-choice",
            &w.t("choose"),
            &with_virtual,
            &mut f.printer_port,
        );
        ui.end_row();
        ui.label(w.t("printer-profile"));
        let shown = f.printer_profile.clone();
        choose(
            ui,
            "printer-profile",
            &shown,
            &self.printers,
            &mut f.printer_profile,
        );
        ui.end_row();
        let l = ui.label(w.t("baud"));
        ui.add(egui::TextEdit::singleline(&mut self.baud))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label(w.t("scanner-port"));
        ui.add(egui::TextEdit::singleline(&mut f.scanner_port))
            .labelled_by(l.id);
        choose(
            ui,
            "scanner-port-choice",
            &w.t("choose"),
            &self.ports,
            &mut f.scanner_port,
        );
        ui.end_row();
        ui.label(w.t("scanner-profile"));
        let shown = f.scanner_profile.clone();
        choose(
            ui,
            "scanner-profile",
            &shown,
            &self.scanners,
            &mut f.scanner_profile,
        );
        ui.end_row();
    }
}

/// A drop-down of `options` that sets `value`.
fn choose(ui: &mut egui::Ui, id: &str, shown: &str, options: &[String], value: &mut String) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for p in options {
                ui.selectable_value(value, p.clone(), p);
            }
        });
}
