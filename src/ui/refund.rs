//! Refund by receipt number (F8 fills in the last receipt).

use super::focus::{self, Field};
use super::view::Asks;
use crate::i18n::Language;
use crate::runtime::Intent;
use egui::RichText;

/// The refund fields.
#[derive(Debug, Default, Clone)]
pub struct RefundPanel {
    pub receipt: String,
    pub amount: String,
    pub owner_pin: String,
}

impl RefundPanel {
    /// `limit` is the amount above which a cashier's refund needs the owner's PIN.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        limit: &str,
        last: Option<&str>,
        w: &Language,
        asks: &mut Asks,
    ) {
        ui.label(RichText::new(w.t("refund-by-receipt")).strong());
        let mut enter = false;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(w.t("receipt-number"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.receipt)
                        .id(Field::RefundReceipt.id())
                        .desired_width(140.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            let l = ui.label(w.t("refund-amount"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.amount)
                        .id(Field::RefundAmount.id())
                        .hint_text(w.t("refund-all"))
                        .desired_width(90.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            let l = ui.label(w.t_args("owner-pin-above", &[("limit", limit.into())]));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.owner_pin)
                        .password(true)
                        .desired_width(70.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            if ui.button(w.t("refund")).clicked() || enter {
                self.refund(asks);
            }
            if ui
                .add_enabled(last.is_some(), egui::Button::new(w.t("last-receipt")))
                .clicked()
            {
                self.last_receipt(last, w, asks);
            }
        });
    }

    /// F8: the last receipt recorded here, with the cursor in *Refund amount*.
    pub fn last_receipt(&mut self, last: Option<&str>, w: &Language, asks: &mut Asks) {
        match last {
            Some(r) => {
                self.receipt = r.to_string();
                asks.focus(Field::RefundAmount);
            }
            None => asks.say(false, w.t("no-receipt-yet")),
        }
    }

    fn refund(&mut self, asks: &mut Asks) {
        asks.send(Intent::Refund {
            receipt: self.receipt.clone(),
            amount: Some(std::mem::take(&mut self.amount)),
            owner_pin: Some(std::mem::take(&mut self.owner_pin)),
        });
    }
}
