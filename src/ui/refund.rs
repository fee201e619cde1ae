//! Refund by receipt number (F8 fills in the last receipt).

use super::focus::{self, Field};
use super::view::Asks;
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
    pub fn ui(&mut self, ui: &mut egui::Ui, limit: &str, last: Option<&str>, asks: &mut Asks) {
        ui.label(RichText::new("Refund by receipt").strong());
        let mut enter = false;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Receipt number");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.receipt)
                        .id(Field::RefundReceipt.id())
                        .desired_width(140.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            let l = ui.label("Refund amount");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.amount)
                        .id(Field::RefundAmount.id())
                        .hint_text("all")
                        .desired_width(90.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            let l = ui.label(format!("Owner PIN (above {limit})"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.owner_pin)
                        .password(true)
                        .desired_width(70.0),
                )
                .labelled_by(l.id);
            enter |= focus::entered(ui, &r);
            if ui.button("Refund (Enter)").clicked() || enter {
                self.refund(asks);
            }
            if ui
                .add_enabled(last.is_some(), egui::Button::new("Last receipt (F8)"))
                .clicked()
            {
                self.last_receipt(last, asks);
            }
        });
    }

    /// F8: the last receipt recorded here, with the cursor in *Refund amount*.
    pub fn last_receipt(&mut self, last: Option<&str>, asks: &mut Asks) {
        match last {
            Some(r) => {
                self.receipt = r.to_string();
                asks.focus(Field::RefundAmount);
            }
            None => asks.say(
                false,
                "No receipt yet: type the number printed on the receipt.",
            ),
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
