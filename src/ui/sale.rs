//! The sale: the amount as a till takes it, the buttons that record it, reprint, and the
//! recent notices.

use super::focus::{self, Field};
use super::view::{Asks, StateView};
use crate::i18n::Language;
use crate::runtime::Intent;
use egui::{Color32, RichText};

/// What the cashier has typed as the amount.
#[derive(Debug, Default, Clone)]
pub struct SalePanel {
    pub amount: String,
}

/// Keys the Amount field takes: digits and the decimal key, which gives `.` or `,` by the
/// keyboard's layout (the currency's parser reads either as the decimal separator).
fn amount_key(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

impl SalePanel {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &StateView,
        hint: &str,
        w: &Language,
        asks: &mut Asks,
    ) {
        ui.heading(w.t("sale"));
        let label = ui.label(w.t("amount"));
        let amount = ui
            .add(
                egui::TextEdit::singleline(&mut self.amount)
                    .id(Field::Amount.id())
                    .font(egui::FontId::proportional(36.0))
                    .hint_text(hint)
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
        if amount.changed() && !self.amount.chars().all(amount_key) {
            self.amount.retain(amount_key);
            asks.say(false, w.t("amount-keys"));
        }
        let enter = focus::entered(ui, &amount);
        ui.horizontal_wrapped(|ui| {
            let who = match &s.customer {
                Some(c) => w.t_args(
                    "record-sale-for",
                    &[("name", c.name.as_deref().unwrap_or(&c.code).into())],
                ),
                None => w.t("record-sale"),
            };
            if ui
                .add(egui::Button::new(RichText::new(who).size(18.0)))
                .on_hover_text(w.t("record-sale-hint"))
                .clicked()
                || enter
            {
                self.record(Intent::Sale(self.amount.clone()), asks);
            }
            if ui
                .button(w.t("anonymous-sale"))
                .on_hover_text(w.t("anonymous-sale-hint"))
                .clicked()
            {
                self.anonymous(asks);
            }
        });
    }

    /// F4: a sale without a customer.
    pub fn anonymous(&self, asks: &mut Asks) {
        self.record(Intent::AnonymousSale(self.amount.clone()), asks);
    }

    /// Sends the sale; the amount clears once it is recorded, and stays for correction when it
    /// is refused. The cursor stays in Amount.
    fn record(&self, intent: Intent, asks: &mut Asks) {
        asks.send(intent);
        asks.focus(Field::Amount);
    }
}

/// *Reprint* and the recent notices, under the sale.
pub fn recent(ui: &mut egui::Ui, s: &StateView, w: &Language, asks: &mut Asks) {
    if ui.button(w.t("reprint")).clicked() {
        asks.send(Intent::Reprint);
    }
    ui.add_space(12.0);
    ui.separator();
    ui.label(RichText::new(w.t("recent")).strong());
    for n in s.history.iter().take(8) {
        ui.label(RichText::new(&n.text).color(if n.ok {
            ui.visuals().text_color()
        } else {
            Color32::from_rgb(200, 60, 40)
        }));
    }
}
