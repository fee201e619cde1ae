//! The enrolment form (F3): name, phone, email and a friend's referral code.

use super::focus::{self, Field};
use super::view::{Asks, ScreenAsk};
use crate::i18n::Language;
use crate::runtime::Intent;
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
}

impl EnrollForm {
    /// Draws the form; Enter in any field (or *Enroll*) asks to enroll.
    pub fn ui(&mut self, ui: &mut egui::Ui, w: &Language, asks: &mut Asks) {
        let mut enter = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(w.t("new-customer")).strong());
            let fields = [
                (w.t("name"), Field::EnrollName, &mut self.name),
                (w.t("phone"), Field::EnrollPhone, &mut self.phone),
                (w.t("email"), Field::EnrollEmail, &mut self.email),
                (
                    w.t("referral-code"),
                    Field::EnrollReferral,
                    &mut self.referral,
                ),
                (
                    w.t("enroll-birthday"),
                    Field::EnrollBirthday,
                    &mut self.birthday,
                ),
            ];
            for (label, field, value) in fields {
                let l = ui.label(label);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(value)
                            .id(field.id())
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                enter |= focus::entered(ui, &r);
            }
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
            asks.send(Intent::Enroll(NewCustomer {
                name: self.name.clone(),
                phone: opt(&self.phone),
                email: opt(&self.email),
                referred_by: opt(&self.referral),
                language: self.language.clone(),
                birthday: opt(&self.birthday),
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
