//! The support side of the customer on screen: open tickets (each with *Resolve*), opening a
//! ticket, staff notes, and the timeline.

use super::view::{Asks, StateView};
use crate::domain::support::ContactVia;
use crate::i18n::Language;
use crate::runtime::Intent;
use egui::{Color32, RichText};

/// What staff type on the support side.
#[derive(Debug, Clone)]
pub struct SupportPanel {
    pub ticket_summary: String,
    pub ticket_severity: i64,
    /// How the customer wants to hear back about the ticket, and where (empty: the card's).
    pub ticket_reply: ContactVia,
    pub ticket_contact: String,
    pub note: String,
    /// How each ticket was fixed, as typed or picked from the kept answers, by ticket.
    pub fixes: std::collections::HashMap<i64, Fix>,
    /// A reply being written to the customer, by ticket.
    pub replies: std::collections::HashMap<i64, String>,
    /// F12 asked for the ticket form: opened, with the keyboard in its first field.
    pub open_form: bool,
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
            ticket_reply: ContactVia::InStore,
            ticket_contact: String::new(),
            note: String::new(),
            fixes: Default::default(),
            replies: Default::default(),
            open_form: false,
        }
    }
}

impl SupportPanel {
    /// "Reply to #N by email" (or SMS): for a ticket whose customer asked to hear back in
    /// writing, what to tell them, kept in the ticket and sent.
    fn answer_ui(
        &mut self,
        ui: &mut egui::Ui,
        t: &crate::store::TicketView,
        w: &Language,
        asks: &mut Asks,
    ) {
        let Some(via) = t
            .contact_via
            .filter(|v| matches!(v, ContactVia::Email | ContactVia::Sms) || v.chat().is_some())
        else {
            return;
        };
        let how = match via {
            ContactVia::Email => w.t("reply-email"),
            ContactVia::Sms => w.t("reply-sms"),
            chat => w.t(&format!("contact-via-{}", chat.as_str())),
        };
        let head = w.t_args(
            "reply-to-ticket",
            &[("id", t.id.into()), ("how", how.into())],
        );
        let replies = &mut self.replies;
        ui.collapsing(head, |ui| {
            let text = replies.entry(t.id).or_default();
            let l = ui.label(w.t("reply-text"));
            ui.add(egui::TextEdit::multiline(text).desired_rows(2))
                .labelled_by(l.id);
            if ui
                .button(w.t_args("send-reply", &[("id", t.id.into())]))
                .clicked()
            {
                let text = replies.remove(&t.id).unwrap_or_default();
                asks.send(Intent::ReplyTicket { id: t.id, text });
            }
        });
    }

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

    /// How the customer wants to hear back: in the shop, or by email, SMS or a call, each
    /// showing the card's address or number that is used unless another is typed.
    /// Returns whether the ticket can be opened as chosen: a reply in writing or by a call
    /// needs an address or number, on the card or typed (else it says so, and the button
    /// waits: nothing typed is lost to a refusal).
    fn reply_ui(
        &mut self,
        ui: &mut egui::Ui,
        card: Option<&crate::store::CustomerView>,
        chats: &[crate::domain::messages::Channel],
        w: &Language,
    ) -> bool {
        let email = card.and_then(|c| c.email.clone());
        let phone = card.and_then(|c| c.phone.clone());
        let with = |id: &str, on_card: &Option<String>| match on_card {
            Some(v) => format!("{} ({v})", w.t(id)),
            None => w.t(id),
        };
        ui.label(w.t("reply-how"));
        ui.horizontal_wrapped(|ui| {
            let r = &mut self.ticket_reply;
            follow(ui.radio_value(r, ContactVia::InStore, w.t("reply-in-store")));
            follow(ui.radio_value(r, ContactVia::Email, with("reply-email", &email)));
            follow(ui.radio_value(r, ContactVia::Sms, with("reply-sms", &phone)));
            follow(ui.radio_value(r, ContactVia::Phone, with("reply-phone", &phone)));
            // The chats the member linked on their visit page: the chat is the address.
            for via in chats.iter().filter_map(|c| ContactVia::of_chat(*c)) {
                follow(ui.radio_value(r, via, w.t(&format!("contact-via-{}", via.as_str()))));
            }
        });
        if self.ticket_reply.chat().is_some() {
            if !chats.iter().any(|c| Some(*c) == self.ticket_reply.chat()) {
                // The customer on screen changed: their chats are not this one's.
                self.ticket_reply = ContactVia::InStore;
            }
            return true;
        }
        if self.ticket_reply != ContactVia::InStore {
            let l = ui.label(w.t("reply-to"));
            let on_card = match self.ticket_reply {
                ContactVia::Email => email,
                _ => phone,
            };
            let missing = on_card.is_none() && self.ticket_contact.trim().is_empty();
            follow(
                ui.add(
                    egui::TextEdit::singleline(&mut self.ticket_contact)
                        .hint_text(on_card.unwrap_or_default()),
                )
                .labelled_by(l.id),
            );
            if missing {
                let why = match self.ticket_reply {
                    ContactVia::Email => "store-error-no-email",
                    _ => "store-error-no-phone",
                };
                ui.label(RichText::new(w.t(why)).color(Color32::from_rgb(200, 110, 20)));
                return false;
            }
        }
        true
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
                        if t.status.is_active()
                            && ui
                                .button(w.t_args("resolve", &[("id", t.id.into())]))
                                .clicked()
                        {
                            asks.send(Intent::ResolveTicket {
                                id: t.id,
                                how: Default::default(),
                            });
                        }
                    });
                    if let Some(words) = &t.customer_wrote {
                        // The customer wrote since the shop's last step: staff read it.
                        ui.label(
                            RichText::new(crate::services::words::customer_wrote(w, t, words))
                                .color(Color32::from_rgb(200, 110, 20)),
                        );
                    }
                    self.answer_ui(ui, t, w, asks);
                    if t.status.is_active() {
                        self.fix_ui(ui, t, &s.support.answers, w, asks);
                    }
                }
            }
        }
        let mut form = egui::CollapsingHeader::new(w.t("open-a-ticket"));
        if self.open_form {
            form = form.open(Some(true));
        }
        form.show(ui, |ui| {
            let l = ui.label(w.t("what-went-wrong"));
            let summary = ui
                .add(egui::TextEdit::multiline(&mut self.ticket_summary).desired_rows(2))
                .labelled_by(l.id);
            if std::mem::take(&mut self.open_form) {
                summary.request_focus();
                summary.scroll_to_me(Some(egui::Align::Center));
            }
            ui.horizontal(|ui| {
                ui.label(w.t("severity"));
                let sev = &mut self.ticket_severity;
                follow(ui.radio_value(sev, 1, w.t("severity-minor")));
                follow(ui.radio_value(sev, 2, w.t("severity-normal")));
                follow(ui.radio_value(sev, 3, w.t("severity-urgent")));
            });
            let chats = match s.customer.as_ref() {
                Some(c) if s.support.code.as_deref() == Some(c.code.as_str()) => {
                    s.support.chats.as_slice()
                }
                _ => &[],
            };
            let ready = self.reply_ui(ui, s.customer.as_ref(), chats, w);
            if follow(ui.add_enabled(ready, egui::Button::new(w.t("open-ticket")))).clicked() {
                let contact = std::mem::take(&mut self.ticket_contact);
                asks.send(Intent::OpenTicket {
                    summary: std::mem::take(&mut self.ticket_summary),
                    severity: self.ticket_severity,
                    reply: std::mem::replace(&mut self.ticket_reply, ContactVia::InStore),
                    contact: (!contact.trim().is_empty()).then_some(contact),
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

/// Keeps a control the keyboard moved to in sight: the ticket form reaches below a small
/// screen's edge, and a cashier walking it with Tab sees what Space will pick.
fn follow(r: egui::Response) -> egui::Response {
    if r.gained_focus() {
        r.scroll_to_me(Some(egui::Align::Center));
    }
    r
}
