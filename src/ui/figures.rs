//! The owner's figures for a range, drawn: the headline rows, the support section
//! (`support_view.rs`), new and returning members per week, visit frequency, cohort retention, top customers and ratings, each chart also as a
//! table. Every word and number in the shop's language.

use crate::i18n::Language;
use crate::report::{Say, day_label, pct};
use crate::store::Figures;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

pub(super) fn figures_view(
    ui: &mut egui::Ui,
    f: &Figures,
    currency: crate::domain::money::Currency,
    w: &Language,
) {
    let say = Say { w, currency };
    let range = [
        ("from", day_label(f.from_day).into()),
        ("to", day_label(f.to_day).into()),
    ];
    ui.label(
        RichText::new(say.t("dash-range", &range))
            .strong()
            .size(18.0),
    );
    egui::Grid::new("headline")
        .num_columns(2)
        .show(ui, |ui| headline(ui, f, &say));
    ui.separator();
    super::support_view::support_view(ui, &f.support, w);
    ui.separator();
    weeks(ui, f, w);
    ui.separator();
    frequency(ui, f, w);
    ui.separator();
    cohorts(ui, f, w);
    ui.separator();
    top_customers(ui, f, &say);
    ui.separator();
    ratings(ui, f, w);
}

/// The headline figures, one row each.
fn headline(ui: &mut egui::Ui, f: &Figures, say: &Say) {
    for (name, value) in crate::report::headline(f, say.w, say.currency) {
        let w = say.w;
        ui.label(w.t_args(
            "dash-row",
            &[("name", name.into()), ("value", value.into())],
        ));
        ui.end_row();
    }
}

fn weeks(ui: &mut egui::Ui, f: &Figures, w: &Language) {
    ui.heading(w.t("dash-weeks"));
    let series = |pick: fn(&crate::store::Week) -> i64| -> Vec<[f64; 2]> {
        f.weeks
            .iter()
            .enumerate()
            .map(|(i, week)| [i as f64, pick(week) as f64])
            .collect()
    };
    let new = series(|week| week.new_members);
    let returning = series(|week| week.returning_members);
    let weeks = f.weeks.clone();
    Plot::new("weeks-plot")
        .legend(Legend::default())
        .height(200.0)
        .x_axis_label(w.t("dash-week"))
        .x_axis_formatter(move |m, _| {
            weeks
                .get(m.value.max(0.0) as usize)
                .map(|week| day_label(week.start_day))
                .unwrap_or_default()
        })
        .allow_scroll(false)
        .show(ui, |p| {
            p.line(Line::new(w.t("dash-new-members"), PlotPoints::from(new)));
            p.line(Line::new(
                w.t("dash-returning-members"),
                PlotPoints::from(returning),
            ));
        });
    ui.collapsing(w.t("dash-weeks-table"), |ui| {
        egui::Grid::new("weeks-table").striped(true).show(ui, |ui| {
            ui.label(w.t("dash-week-starting"));
            ui.label(w.t("dash-new"));
            ui.label(w.t("dash-returning"));
            ui.end_row();
            for week in &f.weeks {
                ui.label(day_label(week.start_day));
                ui.label(w.number(week.new_members));
                ui.label(w.number(week.returning_members));
                ui.end_row();
            }
        });
    });
}

fn frequency(ui: &mut egui::Ui, f: &Figures, w: &Language) {
    ui.heading(w.t("dash-frequency"));
    let bars: Vec<Bar> = f
        .frequency
        .iter()
        .enumerate()
        .map(|(i, (label, n))| Bar::new(i as f64, *n as f64).name(label.clone()))
        .collect();
    let labels: Vec<String> = f.frequency.iter().map(|b| b.0.clone()).collect();
    Plot::new("frequency-plot")
        .height(180.0)
        .x_axis_formatter(move |m, _| {
            let i = m.value.round();
            if (m.value - i).abs() < 0.01 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .allow_scroll(false)
        .show(ui, |p| {
            p.bar_chart(BarChart::new(w.t("dash-members"), bars))
        });
    ui.collapsing(w.t("dash-frequency-table"), |ui| {
        egui::Grid::new("freq-table").striped(true).show(ui, |ui| {
            for (label, n) in &f.frequency {
                // A bucket is a number of visits ("3") or an open end ("10+").
                ui.label(match label.parse::<i64>() {
                    Ok(visits) => w.t_args("dash-visit-count", &[("visits", visits.into())]),
                    Err(_) => w.t_args("dash-frequency-row", &[("visits", label.as_str().into())]),
                });
                ui.label(w.number(*n));
                ui.end_row();
            }
        });
    });
}

fn cohorts(ui: &mut egui::Ui, f: &Figures, w: &Language) {
    ui.heading(w.t("dash-cohorts"));
    let longest = f.cohort_months();
    egui::Grid::new("cohorts").striped(false).show(ui, |ui| {
        ui.label(w.t("dash-cohort"));
        ui.label(w.t("dash-members"));
        for k in 0..longest {
            ui.label(w.t_args("dash-month-after", &[("months", k.into())]));
        }
        ui.end_row();
        for c in &f.cohorts {
            ui.label(&c.month);
            ui.label(w.number(c.size));
            for (k, n) in c.retained.iter().enumerate() {
                let share = if c.size > 0 {
                    *n as f64 / c.size as f64
                } else {
                    0.0
                };
                let figure = format!("{} ({})", pct(share, w), w.number(*n));
                if c.last_to_date && k + 1 == c.retained.len() {
                    // A month in progress is not a month: no colour to compare with the
                    // others, and words saying it is so far.
                    let text = w.t_args("dash-cohort-so-far", &[("figure", figure.into())]);
                    ui.label(RichText::new(text).italics())
                        .on_hover_text(w.t("dash-cohort-so-far-hint"));
                    continue;
                }
                // A heat map: the darker, the more of the cohort came back that month.
                let shade = (255.0 - share * 170.0) as u8;
                let text = RichText::new(figure)
                    .background_color(Color32::from_rgb(shade, 255, shade))
                    .color(Color32::BLACK);
                ui.label(text);
            }
            ui.end_row();
        }
    });
}

fn top_customers(ui: &mut egui::Ui, f: &Figures, say: &Say) {
    let w = say.w;
    ui.columns(2, |cols| {
        for (col, title, list) in [
            (0, "dash-top-spend", &f.top_by_spend),
            (1, "dash-top-visits", &f.top_by_visits),
        ] {
            let ui = &mut cols[col];
            ui.heading(w.t(title));
            egui::Grid::new(title).striped(true).show(ui, |ui| {
                for t in list {
                    ui.label(t.name.clone().unwrap_or_else(|| w.t("dash-erased")));
                    ui.label(&t.code);
                    ui.label(w.t_args("dash-visit-count", &[("visits", t.visits.into())]));
                    ui.label(say.money(t.spend));
                    ui.end_row();
                }
            });
        }
    });
}

fn ratings(ui: &mut egui::Ui, f: &Figures, w: &Language) {
    ui.heading(w.t("dash-ratings"));
    let stars = |i: usize| ("stars", ((i + 1) as i64).into());
    let bars: Vec<Bar> = f
        .ratings
        .iter()
        .enumerate()
        .map(|(i, n)| Bar::new(i as f64 + 1.0, *n as f64).name(w.t_args("dash-stars", &[stars(i)])))
        .collect();
    Plot::new("ratings-plot")
        .height(140.0)
        .allow_scroll(false)
        .show(ui, |p| {
            p.bar_chart(BarChart::new(w.t("dash-ratings"), bars))
        });
    ui.label(
        f.ratings
            .iter()
            .enumerate()
            .map(|(i, n)| w.t_args("dash-stars-count", &[stars(i), ("count", (*n).into())]))
            .collect::<Vec<_>>()
            .join("   "),
    );
    if !f.referrals.refused.is_empty() {
        ui.separator();
        ui.heading(w.t("dash-refused"));
        for (reason, n) in &f.referrals.refused {
            ui.label(format!("{reason}: {}", w.number(*n)));
        }
    }
}

/// The chain's figures: one row per shop and one for all shops together (a member who visited
/// two shops counts once there), or just `only` that shop's.
pub(super) fn chain_table(
    ui: &mut egui::Ui,
    c: &crate::runtime::figures_work::ChainView,
    only: Option<&String>,
    currency: crate::domain::money::Currency,
    w: &Language,
) {
    let money = |m: i64| w.amount(m, currency);
    let mut rows: Vec<(String, &crate::central::ShopFigures)> = c
        .figures
        .shops
        .iter()
        .filter(|s| only.is_none_or(|id| *id == s.shop_id))
        .map(|s| (s.shop_id.clone(), s))
        .collect();
    if only.is_none() {
        rows.push((w.t("dash-scope-all"), &c.figures.total));
    }
    ui.heading(w.t("dash-chain-heading"));
    egui::Grid::new("chain-figures")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            for key in [
                "dash-chain-shop",
                "dash-visits",
                "dash-chain-sales",
                "dash-chain-refunds",
                "dash-members",
                "dash-chain-returning",
                "dash-chain-earned",
                "dash-chain-redeemed",
            ] {
                ui.strong(w.t(key));
            }
            ui.end_row();
            for (name, f) in &rows {
                ui.label(name.as_str());
                ui.label(w.number(f.visits));
                ui.label(money(f.sales));
                ui.label(money(f.refunds));
                ui.label(w.number(f.members));
                ui.label(w.number(f.returning));
                ui.label(w.number(f.points_earned));
                ui.label(w.number(f.points_redeemed));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.heading(w.t("dash-chain-service"));
    egui::Grid::new("chain-service")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for key in [
                "dash-chain-shop",
                "dash-new-members",
                "dash-average-rating",
                "dash-tickets",
                "dash-chain-resolved",
            ] {
                ui.strong(w.t(key));
            }
            ui.end_row();
            for (name, f) in &rows {
                ui.label(name.as_str());
                ui.label(w.number(f.new_members));
                ui.label(crate::report::rating_words(
                    f.average_rating(),
                    f.ratings,
                    w,
                ));
                ui.label(w.number(f.tickets));
                ui.label(w.number(f.tickets_resolved));
                ui.end_row();
            }
        });
}
