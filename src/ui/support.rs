//! The support side of the customer on screen: open tickets (each with *Resolve*), opening a
//! ticket, staff notes, and the timeline.

use super::view::{Asks, StateView};
use crate::i18n::Language;
use crate::runtime::Intent;
use egui::{Color32, RichText};

/// What staff type on the support side.
#[derive(Debug, Clone)]
pub struct SupportPanel {
    pub ticket_summary: String,
    pub ticket_severity: i64,
    pub note: String,
}

impl Default for SupportPanel {
    fn default() -> SupportPanel {
        SupportPanel {
            ticket_summary: String::new(),
            ticket_severity: 2,
            note: String::new(),
        }
    }
}

impl SupportPanel {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &StateView,
        w: &Language,
        currency: crate::domain::money::Currency,
        asks: &mut Asks,
    ) {
        ui.separator();
        let open = &s.support.open_tickets;
        if s.customer.is_some() {
            if open.is_empty() {
                ui.label(w.t("no-open-tickets"));
            } else {
                ui.label(
                    RichText::new(
                        w.t_args("open-tickets", &[("count", (open.len() as i64).into())]),
                    )
                    .strong()
                    .color(Color32::from_rgb(200, 110, 20)),
                );
                for t in open {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(crate::runtime::words::ticket_line(w, t));
                        if let Some(late) = crate::runtime::words::overdue(w, t) {
                            ui.label(
                                RichText::new(late)
                                    .strong()
                                    .color(Color32::from_rgb(200, 60, 40)),
                            );
                        }
                        if ui
                            .button(w.t_args("resolve", &[("id", t.id.into())]))
                            .clicked()
                        {
                            asks.send(Intent::ResolveTicket(t.id));
                        }
                    });
                }
            }
        }
        ui.collapsing(w.t("open-a-ticket"), |ui| {
            let l = ui.label(w.t("what-went-wrong"));
            ui.add(egui::TextEdit::multiline(&mut self.ticket_summary).desired_rows(2))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                ui.label(w.t("severity"));
                ui.radio_value(&mut self.ticket_severity, 1, w.t("severity-minor"));
                ui.radio_value(&mut self.ticket_severity, 2, w.t("severity-normal"));
                ui.radio_value(&mut self.ticket_severity, 3, w.t("severity-urgent"));
            });
            if ui.button(w.t("open-ticket")).clicked() {
                asks.send(Intent::OpenTicket {
                    summary: std::mem::take(&mut self.ticket_summary),
                    severity: self.ticket_severity,
                });
            }
        });
        if s.customer.is_some() {
            ui.collapsing(w.t("add-a-note"), |ui| {
                let l = ui.label(w.t("note-for-staff"));
                ui.add(egui::TextEdit::singleline(&mut self.note))
                    .labelled_by(l.id);
                if ui.button(w.t("add-note")).clicked() {
                    asks.send(Intent::Note(std::mem::take(&mut self.note)));
                }
            });
            let count = ("count", (s.support.timeline.len() as i64).into());
            ui.collapsing(w.t_args("timeline", &[count]), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for e in &s.support.timeline {
                            ui.label(format!(
                                "{}  {}",
                                w.date_time(e.at),
                                crate::runtime::words::timeline_entry(w, currency, e)
                            ));
                        }
                    });
            });
        }
    }
}
