//! The support side of the customer on screen: open tickets (each with *Resolve*), opening a
//! ticket, staff notes, and the timeline.

use super::view::{Asks, StateView};
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
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &StateView, asks: &mut Asks) {
        ui.separator();
        let open = &s.support.open_tickets;
        if s.customer.is_some() {
            if open.is_empty() {
                ui.label("No open support tickets.");
            } else {
                ui.label(
                    RichText::new(format!("Open support tickets: {}", open.len()))
                        .strong()
                        .color(Color32::from_rgb(200, 110, 20)),
                );
                for t in open {
                    ui.horizontal_wrapped(|ui| {
                        let about = t
                            .visit_id
                            .map(|v| format!(" (visit V{v})"))
                            .unwrap_or_default();
                        ui.label(format!(
                            "#{} [{}] {}{about}",
                            t.id,
                            t.status.label(),
                            t.summary
                        ));
                        if ui.button(format!("Resolve #{}", t.id)).clicked() {
                            asks.send(Intent::ResolveTicket(t.id));
                        }
                    });
                }
            }
        }
        ui.collapsing("Open a support ticket", |ui| {
            let l = ui.label("What went wrong");
            ui.add(egui::TextEdit::multiline(&mut self.ticket_summary).desired_rows(2))
                .labelled_by(l.id);
            ui.horizontal(|ui| {
                ui.label("Severity");
                ui.radio_value(&mut self.ticket_severity, 1, "Minor");
                ui.radio_value(&mut self.ticket_severity, 2, "Normal");
                ui.radio_value(&mut self.ticket_severity, 3, "Urgent");
            });
            if ui.button("Open ticket").clicked() {
                asks.send(Intent::OpenTicket {
                    summary: std::mem::take(&mut self.ticket_summary),
                    severity: self.ticket_severity,
                });
            }
        });
        if s.customer.is_some() {
            ui.collapsing("Add a note", |ui| {
                let l = ui.label("Note for all staff");
                ui.add(egui::TextEdit::singleline(&mut self.note))
                    .labelled_by(l.id);
                if ui.button("Add note").clicked() {
                    asks.send(Intent::Note(std::mem::take(&mut self.note)));
                }
            });
            ui.collapsing(format!("Timeline ({})", s.support.timeline.len()), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for e in &s.support.timeline {
                            ui.label(format!("{}  {}", crate::clock::local_time(e.at), e.text));
                        }
                    });
            });
        }
    }
}
