//! The customer on screen: who they are, points and progress, rewards to redeem (F5 takes the
//! first), card slip, points adjustment, and the visit opened from a receipt QR.

use super::view::{Asks, ScreenAsk, StateView};
use crate::runtime::Intent;
use crate::store::CustomerView;
use egui::RichText;

/// The points adjustment's fields.
#[derive(Debug, Default, Clone)]
pub struct CustomerPanel {
    pub adjust_points: String,
    pub adjust_reason: String,
    pub adjust_pin: String,
}

impl CustomerPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &StateView, asks: &mut Asks) {
        match &s.customer {
            None => {
                ui.label("No customer: scan their card or phone, or find them above. A sale without a customer prints a claim QR.");
            }
            Some(c) => self.customer(ui, c, asks),
        }
        if let Some((v, _)) = &s.visit {
            ui.separator();
            ui.label(RichText::new(format!("Visit {} (from its receipt QR)", v.id)).strong());
            ui.label(format!(
                "{} · receipt {}",
                crate::clock::local_time(v.at),
                v.receipt.as_deref().unwrap_or("-")
            ));
            ui.label(format!("{} points earned", v.points_earned));
            if s.support.visit_tickets.is_empty() {
                ui.label("No support tickets about this visit.");
            } else {
                ui.label(RichText::new("Tickets about this visit").strong());
                for t in &s.support.visit_tickets {
                    ui.label(format!("#{} [{}] {}", t.id, t.status.label(), t.summary));
                }
            }
            if ui.button("Refund this visit").clicked() {
                let receipt = v.receipt.clone().unwrap_or_else(|| format!("V{}", v.id));
                asks.screen(ScreenAsk::RefundReceipt(receipt));
            }
        }
    }

    fn customer(&mut self, ui: &mut egui::Ui, c: &CustomerView, asks: &mut Asks) {
        ui.label(
            RichText::new(c.name.as_deref().unwrap_or("(details erased)"))
                .size(28.0)
                .strong(),
        );
        ui.label(format!(
            "Card {}   ·   Referral {}",
            c.code, c.referral_code
        ));
        ui.label(RichText::new(format!("{} points", c.balance)).size(22.0));
        for p in &c.progress {
            ui.label(p.describe());
        }
        if let Some(t) = c.last_visit_at {
            ui.label(format!(
                "Last visit {} · {} visits",
                crate::clock::local_time(t),
                c.visits
            ));
        }
        if !c.rewards_available.is_empty() {
            ui.label(RichText::new("Rewards available now").strong());
        }
        if ui
            .button("Print card slip")
            .on_hover_text("Their member QR and referral code, to keep")
            .clicked()
        {
            asks.send(Intent::PrintCard);
        }
        ui.collapsing("Adjust points", |ui| {
            let l = ui.label("Points (+/-)");
            ui.add(egui::TextEdit::singleline(&mut self.adjust_points).desired_width(80.0))
                .labelled_by(l.id);
            let l = ui.label("Reason");
            ui.add(egui::TextEdit::singleline(&mut self.adjust_reason))
                .labelled_by(l.id);
            let l = ui.label("Owner PIN for the adjustment");
            ui.add(
                egui::TextEdit::singleline(&mut self.adjust_pin)
                    .password(true)
                    .desired_width(80.0),
            )
            .labelled_by(l.id);
            if ui.button("Adjust").clicked() {
                asks.send(Intent::Adjust {
                    points: self.adjust_points.clone(),
                    reason: self.adjust_reason.clone(),
                    owner_pin: Some(std::mem::take(&mut self.adjust_pin)),
                });
            }
        });
        for (i, r) in c.rewards_available.iter().enumerate() {
            let how = if r.pay_with == "voucher" {
                "stamp card".to_string()
            } else {
                format!("{} points", r.cost)
            };
            let key = if i == 0 { ", F5" } else { "" };
            if ui
                .button(format!("Redeem {} ({how}{key})", r.reward_name))
                .clicked()
            {
                asks.send(Intent::Redeem(r.reward_id.clone()));
            }
        }
    }
}

/// F5: the first reward the customer on screen can take now.
pub fn redeem_first(s: &StateView, asks: &mut Asks) {
    match &s.customer {
        None => asks.say(
            false,
            "Identify the customer first (scan their card, or F2 to find them).",
        ),
        Some(c) => match c.rewards_available.first() {
            Some(r) => asks.send(Intent::Redeem(r.reward_id.clone())),
            None => asks.say(
                false,
                format!(
                    "{} has no reward available yet.",
                    c.name.as_deref().unwrap_or(&c.code)
                ),
            ),
        },
    }
}
