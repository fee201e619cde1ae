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
    /// How each ticket was fixed, as typed or picked from the kept answers, by ticket.
    pub fixes: std::collections::HashMap<i64, Fix>,
}

/// What staff say about one ticket's fix before resolving it.
#[derive(Debug, Clone, Default)]
pub struct Fix {
    pub note: String,
    pub answer: Option<i64>,
    pub keep: bool,
}

impl Default for SupportPanel {
    fn default() -> SupportPanel {
        SupportPanel {
            ticket_summary: String::new(),
            ticket_severity: 2,
            note: String::new(),
            fixes: Default::default(),
        }
    }
}

impl SupportPanel {
    /// "Resolve with a fix": the kept answers for the ticket's kind of problem (picking one
    /// puts its words in the note), the note, and whether to keep it as an answer.
    fn fix_ui(
        &mut self,
        ui: &mut egui::Ui,
        t: &crate::store::TicketView,
        answers: &[crate::store::KeptAnswer],
        w: &Language,
        asks: &mut Asks,
    ) {
        let kind = t.problem.unwrap_or(crate::domain::support::Problem::Other);
        let fixes = &mut self.fixes;
        ui.collapsing(w.t_args("resolve-with", &[("id", t.id.into())]), |ui| {
            let fix = fixes.entry(t.id).or_default();
            let kept: Vec<_> = answers
                .iter()
                .filter(|a| a.problem == kind.as_str())
                .collect();
            if !kept.is_empty() {
                ui.label(w.t("kept-answers"));
                for a in kept {
                    let label = w.t_args(
                        "kept-answer",
                        &[("body", a.body.as_str().into()), ("uses", a.uses.into())],
                    );
                    if ui
                        .selectable_label(fix.answer == Some(a.id), label)
                        .clicked()
                    {
                        fix.answer = Some(a.id);
                        fix.note = a.body.clone();
                    }
                }
            }
            let l = ui.label(w.t("how-fixed"));
            if ui
                .add(egui::TextEdit::singleline(&mut fix.note))
                .labelled_by(l.id)
                .changed()
            {
                fix.answer = None;
            }
            let problem = w.t(&format!("problem-{}", kind.as_str()));
            ui.checkbox(
                &mut fix.keep,
                w.t_args("keep-answer", &[("problem", problem.into())]),
            );
            if ui
                .button(w.t_args("resolve-with-fix", &[("id", t.id.into())]))
                .clicked()
            {
                let fix = fixes.remove(&t.id).unwrap_or_default();
                asks.send(Intent::ResolveTicket {
                    id: t.id,
                    how: crate::store::Resolution {
                        note: Some(fix.note),
                        answer: fix.answer,
                        keep: fix.keep,
                    },
                });
            }
        });
    }

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
                        ui.label(crate::services::words::ticket_line(w, t));
                        if let Some(late) = crate::services::words::overdue(w, t) {
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
                            asks.send(Intent::ResolveTicket {
                                id: t.id,
                                how: Default::default(),
                            });
                        }
                    });
                    self.fix_ui(ui, t, &s.support.answers, w, asks);
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
                                crate::services::words::timeline_entry(w, currency, e)
                            ));
                        }
                    });
            });
        }
    }
}
