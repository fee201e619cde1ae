//! The assistant's printer, scanner and customer display steps. The computer's serial ports are listed with what
//! is known about each (a USB adapter's maker and product); Up and Down go through them (the
//! printer's list starts with the virtual printer, the scanner's with none), and any other
//! port can be typed. A test print (F5) goes through the counter's own printing, started for
//! the step, and the virtual printer's page is shown; at the scanner step any barcode scanned
//! appears on screen as it arrives; at the display step (none by default) F5 shows the
//! welcome on the display chosen, and the state the counter hears of it.

use crate::config::{Change, Config, PrinterPort};
use crate::datadir::DataDir;
use crate::i18n::Words;
use crate::runtime::{Counter, Intent};

pub use crate::devices::transport::{Port, ports};

/// The printer and scanner steps' answers, and the counter started to try them.
pub struct Devices {
    pub ports: Vec<Port>,
    /// USB printers (`/dev/usb/lp0`) and then the serial ports.
    pub printer_ports: Vec<Port>,
    pub printer_port: String,
    pub printer_profile: String,
    pub printer_profiles: Vec<String>,
    pub scanner_port: String,
    /// The customer's pole display: its port (empty: none) and profile.
    pub display_port: String,
    pub display_profile: String,
    pub display_profiles: Vec<String>,
    /// The counter started to print a test page or to hear the scanner.
    trying: Option<Counter>,
    /// The last code heard at the scanner step.
    heard: Option<String>,
    preview: crate::ui::preview::ReceiptPreview,
}

impl Default for Devices {
    fn default() -> Devices {
        Devices {
            ports: ports(),
            printer_ports: crate::devices::transport::printer_ports(),
            printer_port: PrinterPort::VIRTUAL.to_string(),
            printer_profile: "generic-80mm".into(),
            printer_profiles: crate::devices::profile::list("printers"),
            scanner_port: String::new(),
            display_port: String::new(),
            display_profile: "epson-2x20".into(),
            display_profiles: crate::devices::profile::list("displays"),
            trying: None,
            heard: None,
            preview: Default::default(),
        }
    }
}

impl Devices {
    /// The printer as changes to save.
    pub fn printer_changes(&self) -> Vec<Change> {
        let port = match self.printer_port.trim() {
            "" => PrinterPort::VIRTUAL,
            p => p,
        };
        vec![
            Change::set("printer", "port", port),
            Change::set("printer", "profile", self.printer_profile.trim()),
        ]
    }

    /// The scanner as a change to save (none: the key goes).
    pub fn scanner_change(&self) -> Change {
        match self.scanner_port.trim() {
            "" => Change::remove("scanner", "port"),
            p => Change::set("scanner", "port", p),
        }
    }

    /// The customer display as changes to save (none: its port goes).
    pub fn display_changes(&self) -> Vec<Change> {
        match self.display_port.trim() {
            "" => vec![Change::remove("display", "port")],
            p => vec![
                Change::set("display", "port", p),
                Change::set("display", "profile", self.display_profile.trim()),
            ],
        }
    }

    /// Starts the counter with `config` to try the devices (one at a time).
    pub fn try_with(&mut self, dir: &DataDir, config: &Config) -> Result<(), String> {
        self.trying = None;
        self.trying = Some(Counter::start(dir, config).map_err(|e| e.to_string())?);
        Ok(())
    }

    pub fn test_print(&mut self) {
        if let Some(c) = &mut self.trying {
            c.send(Intent::TestPrint);
        }
    }

    /// Lets go of the ports (leaving the steps, or before the counter opens).
    pub fn stop(&mut self) {
        self.trying = None;
    }

    /// The next (or previous) of `choices` after `value`.
    fn cycle(value: &mut String, choices: &[String], by: isize) {
        let n = choices.len() as isize;
        let at = choices
            .iter()
            .position(|c| c == value)
            .map_or(-1, |i| i as isize);
        let next = if at < 0 && by < 0 {
            n - 1
        } else {
            (at + by).rem_euclid(n)
        };
        *value = choices[next as usize].clone();
    }

    fn port_names(&self) -> Vec<String> {
        self.ports.iter().map(|p| p.name.clone()).collect()
    }

    /// The ports listed (the printer's with USB printers first), the chosen one marked.
    fn list(&self, ui: &mut egui::Ui, first: Option<(String, String)>, chosen: &str) {
        let printer = first
            .as_ref()
            .is_some_and(|(name, _)| name == PrinterPort::VIRTUAL);
        let ports = if printer {
            &self.printer_ports
        } else {
            &self.ports
        };
        for (name, about) in first
            .into_iter()
            .chain(ports.iter().map(|p| (p.name.clone(), p.about.clone())))
        {
            let line = match (name.is_empty(), about.is_empty()) {
                (true, _) => about,
                (false, true) => name.clone(),
                (false, false) => format!("{name} — {about}"),
            };
            let _ = ui.selectable_label(name == chosen, line);
        }
    }

    pub fn printer_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool, up: bool, down: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-printer")).size(20.0));
        let choices: Vec<String> = std::iter::once(PrinterPort::VIRTUAL.to_string())
            .chain(self.printer_ports.iter().map(|p| p.name.clone()))
            .collect();
        if up || down {
            Self::cycle(&mut self.printer_port, &choices, if up { -1 } else { 1 });
        }
        port_field(ui, &mut self.printer_port, focus, label.id);
        let virtual_words = (
            PrinterPort::VIRTUAL.to_string(),
            w.t("setup-printer-virtual"),
        );
        self.list(ui, Some(virtual_words), &self.printer_port.clone());
        ui.horizontal(|ui| {
            ui.label(w.t("printer-profile"));
            let profiles: Vec<(String, String)> = self
                .printer_profiles
                .iter()
                .map(|p| (p.clone(), p.clone()))
                .collect();
            crate::ui::settings::choose(
                ui,
                "setup-printer-profile",
                &mut self.printer_profile,
                &profiles,
            );
        });
        ui.weak(w.t("setup-printer-help"));
        if let Some(c) = &mut self.trying {
            c.tick();
            let d = c.devices();
            ui.label(w.t_args("printer-state", &[("state", d.printer.words(w).into())]));
            let image = d.receipt_image.clone();
            if let Some(t) = self.preview.texture(ui.ctx(), image.as_deref()) {
                // Small enough that the step's buttons stay on screen.
                let v = t.size_vec2();
                let size = v * (260.0 / v.x.max(1.0)).min(280.0 / v.y.max(1.0));
                ui.add(egui::Image::new((t.id(), size)).alt_text(w.t("setup-printer-test-page")));
            }
        }
    }

    pub fn scanner_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool, up: bool, down: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-scanner")).size(20.0));
        let choices: Vec<String> = std::iter::once(String::new())
            .chain(self.port_names())
            .collect();
        if up || down {
            Self::cycle(&mut self.scanner_port, &choices, if up { -1 } else { 1 });
        }
        port_field(ui, &mut self.scanner_port, focus, label.id);
        self.list(
            ui,
            Some((String::new(), w.t("setup-scanner-none"))),
            &self.scanner_port.clone(),
        );
        ui.weak(w.t("setup-scanner-help"));
        if let Some(c) = &mut self.trying {
            c.tick();
            let d = c.devices();
            if d.last_scan.is_some() && d.last_scan != self.heard {
                // In the window's log too, for whoever looks after the computer.
                eprintln!("scanner: {}", d.last_scan.clone().unwrap_or_default());
                self.heard = d.last_scan.clone();
            }
            let state = ("state", d.scanner.words(w).into());
            let line = match &d.last_scan {
                Some(code) => w.t_args(
                    "scanner-state-last",
                    &[state, ("code", code.as_str().into())],
                ),
                None => w.t_args("scanner-state", &[state]),
            };
            ui.label(egui::RichText::new(line).size(18.0));
        }
    }
}

impl Devices {
    pub fn display_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool, up: bool, down: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-display")).size(20.0));
        let choices: Vec<String> = std::iter::once(String::new())
            .chain(self.port_names())
            .collect();
        if up || down {
            Self::cycle(&mut self.display_port, &choices, if up { -1 } else { 1 });
        }
        port_field(ui, &mut self.display_port, focus, label.id);
        self.list(
            ui,
            Some((String::new(), w.t("setup-display-none"))),
            &self.display_port.clone(),
        );
        ui.horizontal(|ui| {
            ui.label(w.t("display-profile"));
            let profiles: Vec<(String, String)> = self
                .display_profiles
                .iter()
                .map(|p| (p.clone(), p.clone()))
                .collect();
            crate::ui::settings::choose(
                ui,
                "setup-display-profile",
                &mut self.display_profile,
                &profiles,
            );
        });
        ui.weak(w.t("setup-display-help"));
        if let Some(c) = &mut self.trying {
            c.tick();
            if let Some(line) = c.devices().display.words(w) {
                ui.label(egui::RichText::new(line).size(18.0));
            }
        }
    }
}

/// The port's field, the cursor in it.
fn port_field(ui: &mut egui::Ui, value: &mut String, focus: bool, label: egui::Id) {
    let r = ui
        .add(egui::TextEdit::singleline(value).desired_width(480.0))
        .labelled_by(label);
    if focus || !ui.memory(|m| m.has_focus(r.id)) {
        r.request_focus();
    }
}
