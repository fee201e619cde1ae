//! The assistant's later steps, each with a default that needs nothing typed: how customers
//! reach their pages (checked for real: the pages are started and fetched as a phone would,
//! and the choices said in plain words), the owner's PIN (none: nobody signs in), and where
//! backups go (a backup is made there at once, so a wrong folder is found now).

use crate::config::{Change, Config};
use crate::datadir::DataDir;
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

/// A USB stick's folder, where one is plugged in (`/media/<user>/<stick>`), for the backups'
/// suggestion.
pub fn usb_folder() -> Option<String> {
    let user = std::env::var("USER").unwrap_or_default();
    [format!("/media/{user}"), format!("/run/media/{user}")]
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten())
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .map(|p| p.join("regulars-backups").display().to_string())
}

/// Starts the pages with the saved settings and fetches them at `url` (empty: the address
/// receipts will carry) as a phone would; says where they open, in the shop's words.
pub fn check_pages(dir: &DataDir, config: &Config, url: &str) -> (bool, String) {
    use crate::services::reach;
    let w = config.shop.words();
    let now = crate::clock::now();
    let url = match url.trim() {
        "" => config.portal.public_url.clone(),
        u => u.to_string(),
    };
    // The database is made (or brought up to date) before the pages open it too.
    if let Err(e) = dir.open_store(config, now) {
        return (false, e.to_string());
    }
    let started = crate::portal::Settings::from_config(dir, config)
        .map_err(|e| e.to_string())
        .and_then(|s| {
            crate::portal::Portal::start(&config.portal.bind, s).map_err(|e| e.to_string())
        });
    let portal = match started {
        Ok(p) => p,
        Err(e) => return (false, w.t_args("portal-status-off", &[("error", e.into())])),
    };
    let known = dir.secret().map_err(|e| e.to_string()).and_then(|secret| {
        let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
        reach::known(secret, &mut store).map_err(|e| e.to_string())
    });
    let said = match known {
        Ok(known) => {
            let checked = reach::check(&url, &known, now);
            (checked.reachable, reach::check_words(&w, &checked))
        }
        Err(e) => (false, e),
    };
    drop(portal);
    said
}

/// The public address as a change (empty: the key goes, receipts carry the shop's network
/// address), or what is wrong with it.
pub fn pages_change(url: &str, w: &Words) -> Result<Change, String> {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        return Ok(Change::remove("portal", "public_url"));
    }
    let ok = url.split_once("://").is_some_and(|(scheme, rest)| {
        matches!(scheme, "http" | "https") && !rest.is_empty() && !rest.contains(' ')
    });
    if ok {
        Ok(Change::set("portal", "public_url", url))
    } else {
        Err(w.t_args("set-bad-address", &[("example", "https://…".into())]))
    }
}

/// Gives the owner the PIN typed (empty: nothing). The owner is added once; going back to the
/// step and typing another PIN changes it.
pub fn save_pin(dir: &DataDir, config: &Config, pin: &str, w: &Words) -> Result<(), String> {
    let pin = pin.trim();
    if pin.is_empty() {
        return Ok(());
    }
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(w.t("store-error-pin"));
    }
    let name = w.t("setup-owner-name");
    let now = crate::clock::now();
    let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
    store
        .write(|tx| {
            let c = tx.counter();
            match c.staff()?.into_iter().find(|s| s.name == name) {
                Some(owner) => c.set_staff_pin(owner.id, pin, rand::random()),
                None => c
                    .add_staff(
                        &name,
                        crate::domain::staff::Role::Owner,
                        pin,
                        rand::random(),
                        now,
                    )
                    .map(|_| ()),
            }
        })
        .map_err(|e| crate::services::errors::store_error(w, &e))
}

/// Makes the first backup where the settings now say; what it made, or why not.
pub fn first_backup(dir: &DataDir, config: &Config) -> Result<String, String> {
    let w = config.shop.words();
    // The database is made now if the counter has not opened yet: its backup is that of an
    // empty shop, but a folder that cannot be written is found today.
    dir.open_store(config, crate::clock::now())
        .map_err(|e| e.to_string())?;
    crate::backups::schedule::run_once(dir, config, crate::clock::now())
        .map(|l| {
            w.t_args(
                "set-backup-made",
                &[
                    ("when", w.date_time(l.at).into()),
                    ("path", l.path.display().to_string().into()),
                ],
            )
        })
        .map_err(|e| crate::services::errors::backup_error(w.0, &e))
}

/// The backups folder as a change (empty: `backups/` in the data folder).
pub fn backup_change(to: &str) -> Change {
    match to.trim() {
        "" => Change::remove("backup", "to"),
        to => Change::set("backup", "to", to),
    }
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
        self.later.checking = Some(Running::start(move || check_pages(&dir, &config, &url)));
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
