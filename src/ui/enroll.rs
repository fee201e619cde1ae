//! The enrolment form (F3): name, phone, email, consent to reward news and offers by email
//! and by SMS (the exact words the customer is shown are kept with it), a friend's referral
//! code, a birthday, and the language they read.

use super::focus::{self, Field};
use super::view::{Asks, ScreenAsk};
use crate::domain::messages::Channel;
use crate::i18n::Language;
use crate::runtime::Intent;
use crate::services::messages::standard_consent;
use crate::store::NewCustomer;
use egui::RichText;

/// The enrolment form's fields.
#[derive(Debug, Default, Clone)]
pub struct EnrollForm {
    pub open: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub referral: String,
    /// The language the customer reads; `None`: not asked (their pages follow their phone).
    pub language: Option<String>,
    /// MM-DD, only when they agree to give it.
    pub birthday: String,
    /// They agree to reward news and offers by email, by SMS.
    pub email_consent: bool,
    pub sms_consent: bool,
    /// Stamps on the paper card they bring.
    pub paper_stamps: String,
}

impl EnrollForm {
    /// Draws the form; Enter in any field (or *Enroll*) asks to enroll.
    pub fn ui(&mut self, ui: &mut egui::Ui, w: &Language, shop: &str, asks: &mut Asks) {
        let mut enter = false;
        // The consent sentences in the language the customer reads (else the counter's): the
        // words they are shown are the words kept.
        let tag = self.language.clone().unwrap_or_else(|| w.tag().to_string());
        let email_words = standard_consent(Channel::Email, &tag, shop);
        let sms_words = standard_consent(Channel::Sms, &tag, shop);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(w.t("new-customer")).strong());
            let field = |ui: &mut egui::Ui, label: String, field: Field, value: &mut String| {
                let l = ui.label(label);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(value)
                            .id(field.id())
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                focus::entered(ui, &r)
            };
            enter |= field(ui, w.t("name"), Field::EnrollName, &mut self.name);
            enter |= field(ui, w.t("phone"), Field::EnrollPhone, &mut self.phone);
            enter |= field(ui, w.t("email"), Field::EnrollEmail, &mut self.email);
            // Space ticks a box; Tab moves on as through the fields.
            ui.checkbox(&mut self.email_consent, &email_words.wording);
            ui.checkbox(&mut self.sms_consent, &sms_words.wording);
            enter |= field(
                ui,
                w.t("referral-code"),
                Field::EnrollReferral,
                &mut self.referral,
            );
            enter |= field(
                ui,
                w.t("enroll-birthday"),
                Field::EnrollBirthday,
                &mut self.birthday,
            );
            enter |= field(
                ui,
                w.t("paper-stamps"),
                Field::EnrollPaperStamps,
                &mut self.paper_stamps,
            );
            ui.horizontal(|ui| {
                enter |= ui.button(w.t("enroll")).clicked();
                if ui.button(w.t("cancel")).clicked() {
                    asks.screen(ScreenAsk::CancelEnroll);
                }
            });
            self.language_choice(ui, w);
        });
        if enter {
            let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            let paper = self.paper_stamps.trim();
            let paper_stamps = match paper.parse::<i64>() {
                Ok(n) => n,
                Err(_) if paper.is_empty() => 0,
                Err(_) => {
                    let said = w.t_args("not-stamps", &[("text", paper.into())]);
                    asks.notices.push((false, said));
                    return;
                }
            };
            asks.send(Intent::Enroll(NewCustomer {
                name: self.name.clone(),
                phone: opt(&self.phone),
                email: opt(&self.email),
                referred_by: opt(&self.referral),
                language: self.language.clone(),
                birthday: opt(&self.birthday),
                consents: [
                    (self.email_consent, email_words),
                    (self.sms_consent, sms_words),
                ]
                .into_iter()
                .filter_map(|(given, words)| given.then_some(words))
                .collect(),
                paper_stamps,
            }));
        }
    }

    /// The language the new member reads their pages and the shop's messages in.
    fn language_choice(&mut self, ui: &mut egui::Ui, w: &Language) {
        let catalog = crate::i18n::catalog();
        let name = |tag: &str| {
            catalog
                .get(tag)
                .map(|l| l.native_name.clone())
                .unwrap_or_else(|_| tag.to_string())
        };
        let not_asked = w.t("enroll-language-phone");
        let shown = self.language.as_deref().map_or(not_asked.clone(), name);
        ui.horizontal(|ui| {
            let l = ui.label(w.t("enroll-language"));
            egui::ComboBox::from_id_salt("enroll-language")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.language, None, not_asked);
                    for l in catalog.all() {
                        let tag = Some(l.tag().to_string());
                        ui.selectable_value(&mut self.language, tag, l.native_name.as_str());
                    }
                })
                .response
                .labelled_by(l.id);
        });
    }
}
