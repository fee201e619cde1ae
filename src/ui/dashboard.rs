//! The owner's dashboard: repeat visits, new and returning members, visit frequency, cohorts,
//! top customers, points, referrals, ratings and tickets for a range of days. Charts with
//! egui_plot (hover for values), every chart also as a table, and CSV export.

use super::view::Asks;
use crate::report::day_label;
use crate::runtime::Intent;
use crate::store::Figures;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

/// What the owner typed in the dashboard.
#[derive(Debug, Default, Clone)]
pub struct DashboardForm {
    pub open: bool,
    pub from: String,
    pub to: String,
    pub owner_pin: String,
}

impl DashboardForm {
    /// The dashboard window. `figures` are the figures on screen, `staff` whether the shop has
    /// staff (so the figures need the owner), `owner_signed_in` whether the owner is.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        figures: Option<&Figures>,
        staff: bool,
        owner_signed_in: bool,
        currency: crate::domain::money::Currency,
        asks: &mut Asks,
    ) {
        let mut open = true;
        egui::Window::new("Owner dashboard")
            .open(&mut open)
            .default_size([900.0, 700.0])
            .vscroll(true)
            .show(ctx, |ui| {
                let f = &mut *self;
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label("From (YYYY-MM-DD)");
                    ui.add(egui::TextEdit::singleline(&mut f.from).desired_width(100.0))
                        .labelled_by(l.id);
                    let l = ui.label("To");
                    ui.add(egui::TextEdit::singleline(&mut f.to).desired_width(100.0))
                        .labelled_by(l.id);
                    if ui.button("Last 90 days").clicked() {
                        let today = crate::clock::now().div_euclid(86_400);
                        f.from = day_label(today - 89);
                        f.to = day_label(today);
                    }
                    if ui.button("All time").clicked() {
                        f.from.clear();
                        f.to.clear();
                    }
                    if staff && !owner_signed_in {
                        let l = ui.label("Owner PIN for the figures");
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
                    show = ui.button("Show figures").clicked();
                    export = figures.is_some() && ui.button("Export CSV").clicked();
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
                        ui.label("Choose a range and press Show figures.");
                    }
                    Some(fig) => figures_view(ui, fig, currency),
                }
            });
        if !open {
            self.open = false;
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn figures_view(ui: &mut egui::Ui, f: &Figures, currency: crate::domain::money::Currency) {
    let money = |m: i64| format!("{} {}", currency.format(m), currency);
    let avg = |a: Option<f64>| {
        a.map(|v| money(v.round() as i64))
            .unwrap_or_else(|| "-".into())
    };
    ui.label(
        RichText::new(format!(
            "{} to {}",
            day_label(f.from_day),
            day_label(f.to_day)
        ))
        .strong()
        .size(18.0),
    );
    egui::Grid::new("headline").num_columns(2).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.label(format!("{k}: {v}"));
            ui.end_row();
        };
        row(
            "Repeat-visit rate",
            format!(
                "{} ({} of {} visiting members)",
                pct(f.repeat_visit_rate),
                f.repeat_members,
                f.visiting_members
            ),
        );
        row(
            "Visits",
            format!(
                "{} ({} by members, {} anonymous)",
                f.visits, f.member_visits, f.anonymous_visits
            ),
        );
        row(
            "Median days between visits",
            f.median_days_between_visits
                .map(|d| format!("{d:.1}"))
                .unwrap_or_else(|| "-".into()),
        );
        row(
            "Average spend",
            format!(
                "members {}, anonymous {}",
                avg(f.member_average_spend),
                avg(f.anonymous_average_spend)
            ),
        );
        row(
            "Points",
            format!(
                "{} issued, {} redeemed, {} expired; outstanding {}",
                f.points_issued, f.points_redeemed, f.points_expired, f.points_outstanding
            ),
        );
        row("Redemption rate", pct(f.redemption_rate));
        row(
            "Referrals",
            format!(
                "{} codes shared, {} friends enrolled, {} made their first purchase (both rewarded); {} pending; {} refused",
                f.referrals.codes_shared,
                f.referrals.friends_enrolled,
                f.referrals.rewarded,
                f.referrals.pending,
                f.referrals.refused.iter().map(|r| r.1).sum::<i64>()
            ),
        );
        row(
            "Average rating",
            f.rating_average
                .map(|r| format!("{r:.2} of 5 ({} ratings)", f.ratings.iter().sum::<i64>()))
                .unwrap_or_else(|| "no ratings".into()),
        );
        row(
            "Tickets",
            format!(
                "{} opened, {} resolved, {} open now; median time to resolve {}",
                f.tickets_opened,
                f.tickets_resolved,
                f.tickets_open_now,
                f.median_hours_to_resolve
                    .map(|h| format!("{h:.1} h"))
                    .unwrap_or_else(|| "-".into())
            ),
        );
    });

    ui.separator();
    ui.heading("New and returning members per week");
    let new: Vec<[f64; 2]> = f
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| [i as f64, w.new_members as f64])
        .collect();
    let returning: Vec<[f64; 2]> = f
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| [i as f64, w.returning_members as f64])
        .collect();
    let weeks = f.weeks.clone();
    Plot::new("weeks-plot")
        .legend(Legend::default())
        .height(200.0)
        .x_axis_label("week")
        .x_axis_formatter(move |m, _| {
            weeks
                .get(m.value.max(0.0) as usize)
                .map(|w| day_label(w.start_day))
                .unwrap_or_default()
        })
        .allow_scroll(false)
        .show(ui, |p| {
            p.line(Line::new("New members", PlotPoints::from(new)));
            p.line(Line::new("Returning members", PlotPoints::from(returning)));
        });
    ui.collapsing("Weeks as a table", |ui| {
        egui::Grid::new("weeks-table").striped(true).show(ui, |ui| {
            ui.label("Week starting");
            ui.label("New");
            ui.label("Returning");
            ui.end_row();
            for w in &f.weeks {
                ui.label(day_label(w.start_day));
                ui.label(w.new_members.to_string());
                ui.label(w.returning_members.to_string());
                ui.end_row();
            }
        });
    });

    ui.separator();
    ui.heading("Visit frequency (members by visits in the range)");
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
        .show(ui, |p| p.bar_chart(BarChart::new("Members", bars)));
    ui.collapsing("Frequency as a table", |ui| {
        egui::Grid::new("freq-table").striped(true).show(ui, |ui| {
            for (label, n) in &f.frequency {
                ui.label(format!("{label} visits"));
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    });

    ui.separator();
    ui.heading("Cohort retention (by month of first visit)");
    let longest = f.cohort_months();
    egui::Grid::new("cohorts").striped(false).show(ui, |ui| {
        ui.label("Cohort");
        ui.label("Members");
        for k in 0..longest {
            ui.label(format!("+{k} mo"));
        }
        ui.end_row();
        for c in &f.cohorts {
            ui.label(&c.month);
            ui.label(c.size.to_string());
            for n in &c.retained {
                let share = if c.size > 0 {
                    *n as f64 / c.size as f64
                } else {
                    0.0
                };
                // A heat map: the darker, the more of the cohort came back that month.
                let shade = (255.0 - share * 170.0) as u8;
                let text = RichText::new(format!("{} ({})", pct(share), n))
                    .background_color(Color32::from_rgb(shade, 255, shade))
                    .color(Color32::BLACK);
                ui.label(text);
            }
            ui.end_row();
        }
    });

    ui.separator();
    ui.columns(2, |cols| {
        for (col, title, list) in [
            (0, "Top customers by spend", &f.top_by_spend),
            (1, "Top customers by visits", &f.top_by_visits),
        ] {
            let ui = &mut cols[col];
            ui.heading(title);
            egui::Grid::new(title).striped(true).show(ui, |ui| {
                for t in list {
                    ui.label(t.name.as_deref().unwrap_or("(erased)"));
                    ui.label(&t.code);
                    ui.label(format!("{} visits", t.visits));
                    ui.label(money(t.spend));
                    ui.end_row();
                }
            });
        }
    });

    ui.separator();
    ui.heading("Ratings");
    let bars: Vec<Bar> = f
        .ratings
        .iter()
        .enumerate()
        .map(|(i, n)| Bar::new(i as f64 + 1.0, *n as f64).name(format!("{} stars", i + 1)))
        .collect();
    Plot::new("ratings-plot")
        .height(140.0)
        .allow_scroll(false)
        .show(ui, |p| p.bar_chart(BarChart::new("Ratings", bars)));
    ui.label(
        f.ratings
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{} stars: {n}", i + 1))
            .collect::<Vec<_>>()
            .join("   "),
    );
    if !f.referrals.refused.is_empty() {
        ui.separator();
        ui.heading("Referrals refused");
        for (reason, n) in &f.referrals.refused {
            ui.label(format!("{reason}: {n}"));
        }
    }
}
