//! Staff in the settings screen: add someone with a role and PIN, give someone a new PIN,
//! take someone off. Written to the shop's database at once (PINs are kept only as salted,
//! stretched hashes); the counter then asks for a PIN to sign in.

use crate::config::Config;
use crate::datadir::DataDir;
use crate::domain::staff::Role;
use crate::i18n::Language;
use crate::store::Staff;

#[derive(Debug, Clone, Default)]
pub struct StaffForm {
    pub list: Vec<Staff>,
    pub name: String,
    pub owner: bool,
    pub pin: String,
    /// A new PIN being typed for each member on the list.
    new_pins: Vec<String>,
    /// Each member's own loyalty card, as typed (the checks: points it earns from sales they
    /// ring up themselves are an alert).
    cards: Vec<String>,
    pub error: Option<String>,
}

/// What a member's row asks for.
#[derive(Debug, Clone, Copy)]
enum Act {
    Pin,
    Remove,
    Card,
}

/// What was done, to say in the window and restart the counter with.
pub enum StaffDone {
    Changed(String),
}

impl StaffForm {
    pub fn load(dir: &DataDir, config: &Config) -> StaffForm {
        let mut f = StaffForm::default();
        if dir.db_path().exists() {
            let listed = dir
                .open_store(config, crate::clock::now())
                .map_err(|e| e.to_string())
                .and_then(|mut s| s.staff().map_err(|e| e.to_string()));
            match listed {
                Ok(list) => f.list = list,
                Err(e) => f.error = Some(e),
            }
        }
        f.new_pins = vec![String::new(); f.list.len()];
        f.cards = f
            .list
            .iter()
            .map(|s| s.card.clone().unwrap_or_default())
            .collect();
        f
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        w: &Language,
        dir: &DataDir,
        config: &Config,
    ) -> Option<StaffDone> {
        let mut done = None;
        ui.weak(w.t("set-staff-help"));
        let mut act: Option<(usize, Act)> = None;
        egui::Grid::new("settings-staff")
            .num_columns(6)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (i, s) in self.list.iter().enumerate() {
                    let who = ui.label(format!("{} ({})", s.name, w.role(s.role)));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.new_pins[i])
                            .password(true)
                            .hint_text(w.t("set-staff-new-pin"))
                            .id_salt(("staff-pin", i))
                            .desired_width(120.0),
                    )
                    .labelled_by(who.id);
                    if ui.button(w.t("set-staff-change-pin")).clicked() {
                        act = Some((i, Act::Pin));
                    }
                    if ui.button(w.t("set-staff-remove")).clicked() {
                        act = Some((i, Act::Remove));
                    }
                    ui.add(
                        egui::TextEdit::singleline(&mut self.cards[i])
                            .hint_text(w.t("set-staff-card"))
                            .id_salt(("staff-card", i))
                            .desired_width(110.0),
                    )
                    .on_hover_text(w.t("set-staff-card-help"));
                    if ui.button(w.t("set-staff-card-save")).clicked() {
                        act = Some((i, Act::Card));
                    }
                    ui.end_row();
                }
            });
        ui.separator();
        ui.strong(w.t("set-staff-add-title"));
        let mut add = false;
        ui.horizontal(|ui| {
            let l = ui.label(w.t("set-staff-name"));
            ui.add(
                egui::TextEdit::singleline(&mut self.name)
                    .id_salt("staff-name")
                    .desired_width(180.0),
            )
            .labelled_by(l.id);
            let l = ui.label(w.t("set-staff-pin"));
            ui.add(
                egui::TextEdit::singleline(&mut self.pin)
                    .password(true)
                    .id_salt("staff-add-pin")
                    .desired_width(100.0),
            )
            .labelled_by(l.id);
            ui.checkbox(&mut self.owner, w.t("set-staff-owner"));
            add = ui.button(w.t("set-staff-add")).clicked();
        });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let now = crate::clock::now();
        let result = if add {
            let role = if self.owner {
                Role::Owner
            } else {
                Role::Cashier
            };
            let (name, pin) = (self.name.clone(), self.pin.clone());
            Some(write(dir, config, w, |tx| {
                tx.counter()
                    .add_staff(&name, role, &pin, rand::random(), now)
                    .map(|s| w.t_args("set-staff-added", &[("name", s.name.into())]))
            }))
        } else {
            act.map(|(i, act)| {
                let (id, name) = (self.list[i].id, self.list[i].name.clone());
                let (pin, card) = (self.new_pins[i].clone(), self.cards[i].clone());
                write(dir, config, w, |tx| match act {
                    Act::Remove => {
                        tx.counter().remove_staff(id)?;
                        Ok(w.t_args("set-staff-removed", &[("name", name.into())]))
                    }
                    Act::Pin => {
                        tx.counter().set_staff_pin(id, &pin, rand::random())?;
                        Ok(w.t_args("set-staff-pin-changed", &[("name", name.into())]))
                    }
                    Act::Card => Ok(match tx.checks().set_staff_card(&name, Some(&card))? {
                        Some(code) => w.t_args(
                            "cli-staff-card",
                            &[("name", name.into()), ("code", code.into())],
                        ),
                        None => w.t_args("cli-staff-card-none", &[("name", name.into())]),
                    }),
                })
            })
        };
        match result {
            Some(Ok(said)) => {
                *self = StaffForm::load(dir, config);
                done = Some(StaffDone::Changed(said));
            }
            Some(Err(e)) => self.error = Some(e),
            None => {}
        }
        done
    }
}

/// Runs `f` in a transaction of the shop's database, its refusal in the shop's words.
fn write<T>(
    dir: &DataDir,
    config: &Config,
    w: &Language,
    f: impl FnOnce(&crate::store::Tx) -> crate::store::Result<T>,
) -> Result<T, String> {
    let mut store = dir
        .open_store(config, crate::clock::now())
        .map_err(|e| e.to_string())?;
    store
        .write(|tx| f(tx))
        .map_err(|e| crate::services::errors::store_error(w, &e))
}
