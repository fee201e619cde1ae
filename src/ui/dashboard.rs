//! The owner's dashboard: repeat visits, new and returning members, visit frequency, cohorts,
//! top customers, points, referrals, ratings and tickets for a range of days. Charts with
//! egui_plot (hover for values), every chart also as a table, and CSV export.
//!
//! The figures themselves are drawn by [`super::figures`].

use super::figures::{chain_table, figures_view};
use super::view::Asks;
use crate::report::day_label;
use crate::runtime::Intent;

/// Whose figures the dashboard shows.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum Scope {
    /// This till's own (every till's figures are its own sales, tickets and ratings).
    #[default]
    Till,
    /// A chain's: each shop's and all together, from the central store.
    AllShops,
    /// One shop of the chain.
    Shop(String),
}

/// What the owner typed in the dashboard.
#[derive(Debug, Default, Clone)]
pub struct DashboardForm {
    pub open: bool,
    pub from: String,
    pub to: String,
    pub owner_pin: String,
    pub scope: Scope,
    /// Put the keyboard focus on the scope row (a chain's till) or the first day of the
    /// range when the window opens (F7).
    pub focus_scope: bool,
    /// The note typed for each open alert in Checks.
    pub notes: std::collections::BTreeMap<i64, String>,
}

impl DashboardForm {
    /// The dashboard window, over the `counter`'s figures, whether the shop has staff (so the
    /// figures need the owner) and who is signed in.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        counter: &crate::runtime::Counter,
        asks: &mut Asks,
    ) {
        let w = counter.state().words.0;
        let currency = counter.shop().currency;
        let in_chain = counter.devices().chain.is_some();
        let owner = counter.owner_figures();
        let figures = owner.figures.as_ref();
        let staff = counter.staffing().required;
        let owner_signed_in = counter
            .staffing()
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
                let mut rescoped = false;
                if in_chain {
                    rescoped = scope_row(ui, f, owner.chain_figures.as_ref(), w);
                }
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(w.t("dash-from"));
                    let from = ui
                        .add(egui::TextEdit::singleline(&mut f.from).desired_width(100.0))
                        .labelled_by(l.id);
                    // A single till's dashboard opens with the keyboard on the range: Tab
                    // goes on to the end day, the two quick ranges, and Show figures.
                    if std::mem::take(&mut f.focus_scope) {
                        from.request_focus();
                    }
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
                if show || rescoped {
                    asks.send(Intent::Figures {
                        from: f.from.clone(),
                        to: f.to.clone(),
                        owner_pin: Some(std::mem::take(&mut f.owner_pin)),
                        chain: f.scope != Scope::Till,
                    });
                }
                if export {
                    asks.send(Intent::ExportFigures);
                }
                ui.separator();
                if let (Scope::Till, Some(checks)) = (&f.scope, owner.checks.as_ref()) {
                    super::checks::checks_section(ui, checks, &mut f.notes, &f.owner_pin, w, asks);
                    ui.separator();
                }
                match (&f.scope, figures, owner.chain_figures.as_ref()) {
                    (Scope::Till, Some(fig), _) => figures_view(ui, fig, currency, w),
                    (Scope::AllShops, _, Some(c)) => {
                        super::checks::chain_alerts(ui, &c.alerts, None, w);
                        chain_table(ui, c, None, currency, w)
                    }
                    (Scope::Shop(id), _, Some(c)) => {
                        super::checks::chain_alerts(ui, &c.alerts, Some(id), w);
                        chain_table(ui, c, Some(id), currency, w)
                    }
                    _ => {
                        ui.label(w.t("dash-choose"));
                    }
                }
            });
        if !open {
            self.open = false;
        }
    }
}

/// The chain's till: whose figures to show (this till's, all shops', or one shop's). Returns
/// whether the owner picked another, so they load at once.
fn scope_row(
    ui: &mut egui::Ui,
    f: &mut DashboardForm,
    chain: Option<&crate::runtime::figures_work::ChainView>,
    w: &crate::i18n::Language,
) -> bool {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(w.t("dash-scope"));
        let mut choices = vec![
            (Scope::Till, w.t("dash-scope-till")),
            (Scope::AllShops, w.t("dash-scope-all")),
        ];
        for shop in chain
            .map(|c| c.figures.shops.as_slice())
            .unwrap_or_default()
        {
            choices.push((Scope::Shop(shop.shop_id.clone()), shop.shop_id.clone()));
        }
        for (i, (scope, label)) in choices.into_iter().enumerate() {
            let r = ui.selectable_label(f.scope == scope, label);
            if i == 0 && std::mem::take(&mut f.focus_scope) {
                r.request_focus();
            }
            if r.clicked() && f.scope != scope {
                picked = Some(scope);
            }
        }
    });
    match picked {
        Some(scope) => {
            f.scope = scope;
            true
        }
        None => false,
    }
}
