//! The assistant's later steps (what they do is in `services::setup`), each with a default
//! that needs nothing typed: how customers reach their pages (checked for real: the pages are
//! started and fetched as a phone would, and the choices said in plain words), the owner's PIN
//! (none: nobody signs in), and where backups go (a backup is made there at once, so a wrong
//! folder is found now).

use crate::i18n::Words;
use crate::ui::settings::Running;

/// What the later steps hold.
#[derive(Default)]
pub struct Later {
    /// Empty: the counter's address on the shop's network.
    pub public_url: String,
    /// Empty: no PIN (nobody signs in).
    pub pin: String,
    /// Empty: `backups/` in the data folder.
    pub backup_to: String,
    pub checking: Option<Running>,
    /// What the pages check said (true: phones can open them).
    pub checked: Option<(bool, String)>,
    /// What the backup made at the backups step said.
    pub backed_up: Option<String>,
}

/// A step's one text field, the cursor in it.
fn field(
    ui: &mut egui::Ui,
    text: &mut String,
    hint: String,
    secret: bool,
    focus: bool,
    label: egui::Id,
) {
    let r = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(480.0)
                .password(secret)
                .hint_text(hint),
        )
        .labelled_by(label);
    if focus || !ui.memory(|m| m.has_focus(r.id)) {
        r.request_focus();
    }
}

impl super::SetupAssistant {
    pub(super) fn pages_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-pages")).size(20.0));
        // The check starts with the step (and again with F5): the pages are fetched as a
        // phone would.
        let again = ui.input(|i| i.key_pressed(egui::Key::F5));
        if (focus && self.later.checked.is_none()) || again {
            self.start_check();
        }
        if let Some(answer) = self.later.checking.as_ref().and_then(|r| r.answer()) {
            // In the window's log too, for whoever looks after the computer.
            eprintln!("pages: {}", answer.1);
            self.later.checked = Some(answer);
            self.later.checking = None;
        }
        match (&self.later.checking, &self.later.checked) {
            (Some(_), _) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(w.t("setup-pages-checking"));
                });
            }
            (None, Some((ok, said))) => {
                let colour = if *ok {
                    ui.visuals().text_color()
                } else {
                    ui.visuals().error_fg_color
                };
                ui.colored_label(colour, said);
            }
            (None, None) => {}
        }
        ui.add_space(8.0);
        for line in [
            "setup-pages-wifi",
            "setup-pages-domain",
            "setup-pages-server",
        ] {
            ui.label(format!("• {}", w.t(line)));
        }
        ui.add_space(8.0);
        field(
            ui,
            &mut self.later.public_url,
            w.t("setup-pages-hint"),
            false,
            focus,
            label.id,
        );
        ui.weak(w.t("setup-pages-help"));
    }

    /// Waits for a check under way (its pages hold the port and may be making the database).
    pub(super) fn settle_check(&mut self) {
        if let Some(check) = self.later.checking.take() {
            self.later.checked = check.wait(std::time::Duration::from_secs(15));
        }
    }

    /// Checks where the pages open with the settings saved so far and the address typed.
    fn start_check(&mut self) {
        let (Some(dir), Ok(config)) = (self.dir.clone(), self.current()) else {
            return;
        };
        if self.later.checking.is_some() {
            return;
        }
        let url = self.later.public_url.clone();
        self.later.checked = None;
        self.later.checking = Some(Running::start(move || {
            crate::portal::start_and_check(&dir, &config, &url)
        }));
    }

    pub(super) fn pin_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-pin")).size(20.0));
        field(
            ui,
            &mut self.later.pin,
            w.t("setup-pin-hint"),
            true,
            focus,
            label.id,
        );
        ui.weak(w.t("setup-pin-help"));
    }

    pub(super) fn backups_ui(&mut self, ui: &mut egui::Ui, w: &Words, focus: bool) {
        let label = ui.label(egui::RichText::new(w.t("setup-backups")).size(20.0));
        field(
            ui,
            &mut self.later.backup_to,
            w.t("setup-backups-hint"),
            false,
            focus,
            label.id,
        );
        ui.weak(w.t("setup-backups-help"));
    }

    /// The later steps' lines of the summary.
    pub(super) fn later_summary(&self, w: &Words) -> Vec<String> {
        let pages = match &self.later.checked {
            Some((_, said)) => said.clone(),
            None => w.t("setup-pages-hint"),
        };
        let pin = if self.later.pin.trim().is_empty() {
            w.t("setup-summary-no-pin")
        } else {
            w.t("setup-summary-pin")
        };
        let mut lines = vec![pages, pin];
        lines.extend(self.later.backed_up.clone());
        lines
    }
}
