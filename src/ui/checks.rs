//! The dashboard's Checks: the open alerts, each with a note box and Acknowledge, and the
//! range's alerts by week and by the member of staff signed in.

use super::view::Asks;
use crate::i18n::Language;
use crate::runtime::Intent;
use crate::services::alerts;
use crate::store::ChecksView;
use std::collections::BTreeMap;

/// The Checks section. `notes` holds what the owner is typing per alert; `owner_pin` the PIN
/// typed in the dashboard (when the owner is not signed in).
pub fn checks_section(
    ui: &mut egui::Ui,
    checks: &ChecksView,
    notes: &mut BTreeMap<i64, String>,
    owner_pin: &str,
    w: &Language,
    asks: &mut Asks,
) {
    let title = format!("{} ({})", w.t("checks-title"), checks.open.len());
    egui::CollapsingHeader::new(title)
        .id_salt("checks")
        .default_open(!checks.open.is_empty())
        .show(ui, |ui| {
            if checks.open.is_empty() {
                ui.label(w.t("checks-none"));
            }
            for a in &checks.open {
                ui.group(|ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.strong(format!("#{} {}", a.id, alerts::kind_name(w, a.kind)));
                        ui.label(w.date_time(a.at));
                    });
                    ui.label(alerts::found(w, a));
                    let who = alerts::who(w, a);
                    if !who.is_empty() {
                        ui.label(who);
                    }
                    ui.weak(w.t_args("alert-events", &[("events", a.events.join(", ").into())]));
                    ui.horizontal(|ui| {
                        let note = notes.entry(a.id).or_default();
                        let l =
                            ui.label(w.t_args("checks-note", &[("id", a.id.to_string().into())]));
                        ui.add(egui::TextEdit::singleline(note).desired_width(320.0))
                            .labelled_by(l.id);
                        if ui.button(w.t("checks-ack")).clicked() {
                            asks.send(Intent::AckAlert {
                                id: a.id,
                                note: note.clone(),
                                owner_pin: Some(owner_pin.to_string()).filter(|p| !p.is_empty()),
                            });
                        }
                    });
                });
            }
            ui.columns(2, |cols| {
                cols[0].label(egui::RichText::new(w.t("checks-by-week")).strong());
                egui::Grid::new("checks-weeks")
                    .striped(true)
                    .show(&mut cols[0], |ui| {
                        ui.label(w.t("checks-week"));
                        ui.label(w.t("checks-raised"));
                        ui.label(w.t("checks-still-open"));
                        ui.end_row();
                        for (monday, n, open) in &checks.by_week {
                            ui.label(crate::report::day_label(*monday));
                            ui.label(w.number(*n));
                            ui.label(w.number(*open));
                            ui.end_row();
                        }
                    });
                cols[1].label(egui::RichText::new(w.t("checks-by-staff")).strong());
                egui::Grid::new("checks-staff")
                    .striped(true)
                    .show(&mut cols[1], |ui| {
                        ui.label(w.t("checks-staff"));
                        ui.label(w.t("checks-raised"));
                        ui.label(w.t("checks-still-open"));
                        ui.end_row();
                        for (who, n, open) in &checks.by_staff {
                            ui.label(if who.is_empty() {
                                w.t("checks-nobody")
                            } else {
                                who.clone()
                            });
                            ui.label(w.number(*n));
                            ui.label(w.number(*open));
                            ui.end_row();
                        }
                    });
            });
        });
}

/// The chain's view: every shop's open alerts (or one shop's), each acknowledged at its own
/// shop.
pub fn chain_alerts(
    ui: &mut egui::Ui,
    all: &[crate::central::ChainAlert],
    shop: Option<&str>,
    w: &Language,
) {
    let list: Vec<&crate::central::ChainAlert> = all
        .iter()
        .filter(|a| shop.is_none_or(|s| a.shop_id == s))
        .collect();
    let title = format!("{} ({})", w.t("checks-title"), list.len());
    egui::CollapsingHeader::new(title)
        .id_salt("chain-checks")
        .default_open(!list.is_empty())
        .show(ui, |ui| {
            if list.is_empty() {
                ui.label(w.t("checks-none"));
            }
            for a in list {
                ui.label(alerts::describe_chain(w, a));
            }
            ui.weak(w.t("checks-chain-hint"));
        });
    ui.separator();
}
