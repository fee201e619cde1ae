//! Settings, "Printer and scanner": the ports (from this computer's serial ports, or the
//! virtual printer), profiles and baud rate, plug-in mode between a till and its printer, and a
//! test print.

use crate::config::PrinterPort;
use crate::i18n::Language;
use egui::{Color32, RichText};

/// The printer and scanner fields.
#[derive(Debug, Default, Clone)]
pub struct DevicesForm {
    pub devices: crate::config::DeviceSettings,
    pub baud: String,
    pub error: Option<String>,
    ports: Vec<String>,
    /// USB printers this computer has (`/dev/usb/lp0`), offered first for the printer.
    usb_printers: Vec<String>,
    printers: Vec<String>,
    scanners: Vec<String>,
    displays: Vec<String>,
    tills: Vec<String>,
    /// Where the tablet screen opens (`/display/{key}` on this till's pages).
    tablet: String,
}

/// What the printer and scanner group asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevicesAsk {
    Save,
    TestPrint,
}

impl DevicesForm {
    /// The fields filled in with what `config.toml` says now.
    pub fn load(config: Option<&crate::config::Config>) -> DevicesForm {
        use crate::devices::profile::list;
        let mut devices = config
            .map(crate::config::DeviceSettings::of)
            .unwrap_or_default();
        // The language is the Shop group's.
        devices.language.clear();
        DevicesForm {
            devices,
            baud: config
                .and_then(|c| c.printer.baud)
                .map(|b| b.to_string())
                .unwrap_or_default(),
            error: None,
            ports: crate::devices::transport::list_ports(),
            usb_printers: crate::devices::transport::usb_printers(),
            printers: list("printers"),
            scanners: list("scanners"),
            displays: list("displays"),
            tills: list("pos"),
            tablet: String::new(),
        }
    }

    /// What the printer's list offers: the virtual printer, USB printers, serial ports.
    pub fn printer_choices(&self) -> Vec<String> {
        std::iter::once(PrinterPort::VIRTUAL.to_string())
            .chain(self.usb_printers.iter().cloned())
            .chain(self.ports.iter().cloned())
            .collect()
    }

    /// As if these USB printers were plugged in (what the list offers does not depend on the
    /// machine it is tried on).
    #[cfg(test)]
    pub fn with_usb_printers(mut self, found: Vec<String>) -> DevicesForm {
        self.usb_printers = found;
        self
    }

    /// With the tablet screen's address shown under the ports.
    pub fn with_tablet(mut self, address: String) -> DevicesForm {
        self.tablet = address;
        self
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

    pub fn ui(&mut self, ui: &mut egui::Ui, w: &Language) -> Option<DevicesAsk> {
        ui.label(w.t("settings-ports"));
        egui::Grid::new("settings-grid")
            .num_columns(3)
            .show(ui, |ui| self.devices_grid(ui, w));
        if !self.tablet.is_empty() {
            ui.label(w.t_args("display-tablet", &[("url", self.tablet.as_str().into())]));
        }
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
                ask = Some(DevicesAsk::Save);
            }
            if ui.button(w.t("test-print")).clicked() {
                ask = Some(DevicesAsk::TestPrint);
            }
        });
        ask
    }

    fn devices_grid(&mut self, ui: &mut egui::Ui, w: &Language) {
        let with_virtual = self.printer_choices();
        let f = &mut self.devices;
        let l = ui.label(w.t("printer-port"));
        ui.add(
            egui::TextEdit::singleline(&mut f.printer_port)
                .hint_text("/dev/usb/lp0 · tcp://192.168.1.50:9100"),
        )
        .labelled_by(l.id);
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
        let l = ui.label(w.t("display-port"));
        ui.add(egui::TextEdit::singleline(&mut f.display_port))
            .labelled_by(l.id);
        choose(
            ui,
            "display-port-choice",
            &w.t("choose"),
            &self.ports,
            &mut f.display_port,
        );
        ui.end_row();
        ui.label(w.t("display-profile"));
        let shown = f.display_profile.clone();
        choose(
            ui,
            "display-profile",
            &shown,
            &self.displays,
            &mut f.display_profile,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usb_printers_are_offered_for_the_printer_before_serial_ports() {
        let mut form = DevicesForm::load(None).with_usb_printers(vec!["/dev/usb/lp0".into()]);
        form.ports = vec!["/dev/ttyUSB0".into()];
        assert_eq!(
            form.printer_choices(),
            ["virtual", "/dev/usb/lp0", "/dev/ttyUSB0"]
        );
    }
}
