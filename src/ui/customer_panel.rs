//! The customer on screen: who they are, points and progress, rewards to redeem (F5 takes the
//! first), card slip, points adjustment, and the visit opened from a receipt QR.

use super::view::{Asks, ScreenAsk, StateView};
use crate::i18n::Language;
use crate::runtime::Intent;
use crate::store::CustomerView;
use egui::RichText;

/// The points adjustment's fields.
#[derive(Debug, Default, Clone)]
pub struct CustomerPanel {
    pub adjust_points: String,
    pub adjust_reason: String,
    pub adjust_pin: String,
    /// Stamps on the paper card the member brings, and the owner's PIN above the limit.
    pub paper_stamps: String,
    pub paper_pin: String,
}

impl CustomerPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &StateView, w: &Language, asks: &mut Asks) {
        match &s.customer {
            None => {
                ui.label(w.t("no-customer"));
            }
            Some(c) => self.customer(ui, c, w, asks),
        }
        if let Some((v, _)) = &s.visit {
            ui.separator();
            ui.label(RichText::new(w.t_args("visit-from-qr", &[("id", v.id.into())])).strong());
            ui.label(w.t_args(
                "visit-when",
                &[
                    ("when", w.date_time(v.at).into()),
                    ("receipt", v.receipt.as_deref().unwrap_or("-").into()),
                ],
            ));
            ui.label(w.t_args("points-earned", &[("points", v.points_earned.into())]));
            if s.support.visit_tickets.is_empty() {
                ui.label(w.t("no-visit-tickets"));
            } else {
                ui.label(RichText::new(w.t("visit-tickets")).strong());
                for t in &s.support.visit_tickets {
                    // The visit's own tickets: no need to say which visit.
                    ui.label(format!(
                        "#{} [{}] {}",
                        t.id,
                        w.ticket_status(t.status),
                        t.summary
                    ));
                }
            }
            if ui.button(w.t("refund-this-visit")).clicked() {
                let receipt = v.receipt.clone().unwrap_or_else(|| format!("V{}", v.id));
                asks.screen(ScreenAsk::RefundReceipt(receipt));
            }
        }
    }

    fn customer(&mut self, ui: &mut egui::Ui, c: &CustomerView, w: &Language, asks: &mut Asks) {
        ui.label(
            RichText::new(c.name.clone().unwrap_or_else(|| w.t("details-erased")))
                .size(28.0)
                .strong(),
        );
        ui.label(w.t_args(
            "card-and-referral",
            &[
                ("code", c.code.as_str().into()),
                ("referral", c.referral_code.as_str().into()),
            ],
        ));
        ui.label(RichText::new(w.t_args("points", &[("points", c.balance.into())])).size(22.0));
        if let Some(t) = &c.tier {
            let (here, next) = w.tier(t);
            ui.label(RichText::new(here).strong());
            if let Some(next) = next {
                ui.label(next);
            }
        }
        for p in &c.progress {
            ui.label(progress(p, w));
        }
        if let Some(t) = c.last_visit_at {
            ui.label(w.t_args(
                "last-visit",
                &[("when", w.date_time(t).into()), ("visits", c.visits.into())],
            ));
        }
        // On the owner's list of regulars slipping away, and away for a while (not once
        // today's sale is in).
        if let Some(t) = c.last_visit_at.filter(|_| c.slipping) {
            let weeks = (crate::clock::now() - t) / (7 * 86_400);
            if weeks >= 2 {
                ui.label(
                    RichText::new(w.slipping(weeks, c.welcome_back.as_deref()))
                        .color(ui.visuals().warn_fg_color),
                )
                .on_hover_text(w.t("slipping-hint-why"));
            }
        }
        if !c.rewards_available.is_empty() {
            ui.label(RichText::new(w.t("rewards-now")).strong());
        }
        // Right after a reward: members are most likely to bring a friend now.
        if let Some(reward) = &c.just_redeemed {
            let args = [
                ("reward", reward.as_str().into()),
                ("code", c.referral_code.as_str().into()),
            ];
            ui.label(
                RichText::new(w.t_args("share-now", &args))
                    .strong()
                    .color(ui.visuals().hyperlink_color),
            );
        }
        if ui
            .button(w.t("print-card"))
            .on_hover_text(w.t("print-card-hint"))
            .clicked()
        {
            asks.send(Intent::PrintCard);
        }
        ui.collapsing(w.t("adjust-points"), |ui| {
            let l = ui.label(w.t("adjust-by"));
            ui.add(egui::TextEdit::singleline(&mut self.adjust_points).desired_width(80.0))
                .labelled_by(l.id);
            let l = ui.label(w.t("reason"));
            ui.add(egui::TextEdit::singleline(&mut self.adjust_reason))
                .labelled_by(l.id);
            let l = ui.label(w.t("adjust-owner-pin"));
            ui.add(
                egui::TextEdit::singleline(&mut self.adjust_pin)
                    .password(true)
                    .desired_width(80.0),
            )
            .labelled_by(l.id);
            if ui.button(w.t("adjust")).clicked() {
                asks.send(Intent::Adjust {
                    points: self.adjust_points.clone(),
                    reason: self.adjust_reason.clone(),
                    owner_pin: Some(std::mem::take(&mut self.adjust_pin)),
                });
            }
        });
        ui.collapsing(w.t("paper-stamps"), |ui| {
            ui.weak(w.t("paper-stamps-help"));
            let l = ui.label(w.t("paper-stamps-count"));
            ui.add(
                egui::TextEdit::singleline(&mut self.paper_stamps)
                    .id(egui::Id::unique("paper-stamps"))
                    .desired_width(80.0),
            )
            .labelled_by(l.id);
            let l = ui.label(w.t("paper-stamps-owner-pin"));
            ui.add(
                egui::TextEdit::singleline(&mut self.paper_pin)
                    .password(true)
                    .desired_width(80.0),
            )
            .labelled_by(l.id);
            if ui.button(w.t("paper-stamps-add")).clicked() {
                asks.send(Intent::PaperStamps {
                    stamps: std::mem::take(&mut self.paper_stamps),
                    owner_pin: Some(std::mem::take(&mut self.paper_pin)),
                });
            }
        });
        for (i, r) in c.rewards_available.iter().enumerate() {
            let how = if r.pay_with == "voucher" {
                w.t("paid-voucher")
            } else {
                w.t_args("points", &[("points", r.cost.into())])
            };
            let id = if i == 0 { "redeem-first" } else { "redeem" };
            let args = [
                ("reward", r.reward_name.as_str().into()),
                ("how", how.into()),
            ];
            if ui.button(w.t_args(id, &args)).clicked() {
                asks.send(Intent::Redeem(r.reward_id.clone()));
            }
        }
    }
}

/// F5: the first reward the customer on screen can take now.
pub fn redeem_first(s: &StateView, w: &Language, asks: &mut Asks) {
    match &s.customer {
        None => asks.say(false, w.t("identify-first")),
        Some(c) => match c.rewards_available.first() {
            Some(r) => asks.send(Intent::Redeem(r.reward_id.clone())),
            None => asks.say(
                false,
                w.t_args(
                    "no-reward-yet",
                    &[("name", c.name.as_deref().unwrap_or(&c.code).into())],
                ),
            ),
        },
    }
}

/// How far the customer is from a reward, in words.
fn progress(p: &crate::store::Progress, w: &Language) -> String {
    w.progress(p.unit, p.remaining, &p.reward_name)
}
