//! The owner's dashboard: repeat visits, new and returning members, visit frequency, cohorts,
//! top customers, points, referrals, ratings and tickets for a range of days. Charts with
//! egui_plot (hover for values), every chart also as a table, and CSV export.
//!
//! The figures themselves are drawn by [`super::figures`].

use super::figures::figures_view;
use super::view::Asks;
use crate::report::day_label;
use crate::runtime::Intent;

/// What the owner typed in the dashboard.
#[derive(Debug, Default, Clone)]
pub struct DashboardForm {
    pub open: bool,
    pub from: String,
    pub to: String,
    pub owner_pin: String,
}

impl DashboardForm {
    /// The dashboard window, over the counter's `state`: its figures, whether the shop has
    /// staff (so the figures need the owner) and who is signed in.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        state: &crate::runtime::CounterState,
        currency: crate::domain::money::Currency,
        asks: &mut Asks,
    ) {
        let w = state.words.0;
        let figures = state.figures.as_ref();
        let staff = state.staff_required;
        let owner_signed_in = state
            .signed_in
            .as_ref()
            .is_some_and(|s| s.role == crate::domain::staff::Role::Owner);
        let mut open = true;
        egui::Window::new(w.t("dash-title"))
            .id(egui::Id::unique("owner-dashboard"))
            .open(&mut open)
            .default_size([900.0, 700.0])
            .vscroll(true)
            .show(ctx, |ui| {
                let f = &mut *self;
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(w.t("dash-from"));
                    ui.add(egui::TextEdit::singleline(&mut f.from).desired_width(100.0))
                        .labelled_by(l.id);
                    let l = ui.label(w.t("dash-to"));
                    ui.add(egui::TextEdit::singleline(&mut f.to).desired_width(100.0))
                        .labelled_by(l.id);
                    if ui.button(w.t("dash-last-90")).clicked() {
                        let today = crate::clock::now().div_euclid(86_400);
                        f.from = day_label(today - 89);
                        f.to = day_label(today);
                    }
                    if ui.button(w.t("dash-all-time")).clicked() {
                        f.from.clear();
                        f.to.clear();
                    }
                    if staff && !owner_signed_in {
                        let l = ui.label(w.t("dash-owner-pin"));
                        ui.add(
                            egui::TextEdit::singleline(&mut f.owner_pin)
                                .password(true)
                                .desired_width(70.0),
                        )
                        .labelled_by(l.id);
                    }
                });
                let mut show = false;
                let mut export = false;
                ui.horizontal(|ui| {
                    show = ui.button(w.t("dash-show")).clicked();
                    export = figures.is_some() && ui.button(w.t("dash-export")).clicked();
                });
                if show {
                    asks.send(Intent::Figures {
                        from: f.from.clone(),
                        to: f.to.clone(),
                        owner_pin: Some(std::mem::take(&mut f.owner_pin)),
                    });
                }
                if export {
                    asks.send(Intent::ExportFigures);
                }
                ui.separator();
                match figures {
                    None => {
                        ui.label(w.t("dash-choose"));
                    }
                    Some(fig) => figures_view(ui, fig, currency, w),
                }
            });
        if !open {
            self.open = false;
        }
    }
}
