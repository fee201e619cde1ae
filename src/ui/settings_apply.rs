//! The counter acting on the settings screen: saving a group into `config.toml` and
//! restarting the counter's workers with it (so a change applies without closing the window),
//! then trying what the group's button asked with the saved settings.

use super::CounterApp;
use super::settings::{SecretFile, SettingsAsk, Then};
use super::view::Asks;
use crate::config::Change;
use crate::i18n::Language;
use crate::runtime::{Counter, Intent};

impl CounterApp {
    /// Draws the settings screen and does what it asks.
    pub(super) fn settings_window(&mut self, ctx: &egui::Context, w: &Language, asks: &mut Asks) {
        match self.settings.window(ctx, w) {
            Some(SettingsAsk::Save(changes, secrets, then)) => {
                self.save_settings(w, &changes, &secrets, then, asks)
            }
            Some(SettingsAsk::SaveDevices(devices)) => {
                let saved = crate::config::save_devices(&self.dir.config_path(), &devices);
                self.restart_with(saved.map_err(|e| e.to_string()), Then::Nothing, asks);
            }
            Some(SettingsAsk::Restart(said)) => {
                let config = self.dir.config().map_err(|e| e.to_string());
                if self.restart_with(config, Then::Nothing, asks) {
                    self.settings.say(true, said);
                }
            }
            Some(SettingsAsk::TestPrint) => asks.send(Intent::TestPrint),
            Some(SettingsAsk::Restore(file)) => {
                self.settings.open = false;
                self.restore_asked = Some(file);
            }
            None => {}
        }
        if !self.settings.open {
            asks.focus(super::focus::Field::Amount);
        }
    }

    /// Writes the passwords' files and the changes, then restarts the workers.
    fn save_settings(
        &mut self,
        w: &Language,
        changes: &[Change],
        secrets: &[SecretFile],
        then: Then,
        asks: &mut Asks,
    ) {
        for s in secrets {
            if let Err(e) = write_secret(&s.path, &s.text) {
                let path = s.path.display().to_string();
                let said = w.t_args(
                    "setup-not-saved",
                    &[("error", format!("{path}: {e}").into())],
                );
                self.settings.say(false, said);
                return;
            }
        }
        let saved = crate::config::save_changes(&self.dir.config_path(), changes);
        let saved =
            saved.map_err(|e| w.t_args("setup-not-saved", &[("error", e.to_string().into())]));
        self.restart_with(saved, then, asks);
    }

    /// Restarts the counter's workers with `config` (the cashier's customer and sale are
    /// kept by the store; what was typed stays on screen). Says so, or why not.
    fn restart_with(
        &mut self,
        config: Result<crate::config::Config, String>,
        then: Then,
        asks: &mut Asks,
    ) -> bool {
        let started = config.and_then(|config| {
            // The tablet page keeps its hub: the portal serves on across the restart.
            Counter::start_sharing(&self.dir, &config, self.counter.display_hub())
                .map(|c| (c, config))
                .map_err(|e| e.to_string())
        });
        match started {
            Ok((mut counter, config)) => {
                counter.set_portal_status(self.counter.devices().portal.clone());
                // Whoever is signed in stays so while still on the staff list.
                if let Some(who) = self.counter.staffing().signed_in.clone() {
                    let on_list = self
                        .dir
                        .open_store(&config, crate::clock::now())
                        .ok()
                        .and_then(|mut s| s.staff().ok())
                        .unwrap_or_default();
                    counter.keep_signed_in(who, &on_list);
                }
                self.counter = counter;
                self.seen = Default::default();
                // In the language just saved.
                let w = self.counter.state().words.0;
                let path = self.dir.config_path().display().to_string();
                let said = w.t_args("settings-saved", &[("path", path.into())]);
                self.counter.notify(true, said.clone());
                if then == Then::CheckPages {
                    asks.send(Intent::CheckPages);
                }
                self.settings.saved(config, then, said);
                true
            }
            Err(e) => {
                self.settings.say(false, e);
                false
            }
        }
    }
}

/// A password in a file of its own, readable only by the shop's user.
fn write_secret(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    writeln!(f, "{}", text.trim())?;
    f.sync_all()
}
