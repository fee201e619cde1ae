//! The support section of the owner's dashboard: the support figures in words, the waits by
//! severity and channel, the ratings by staff on duty (the dashboard is the owner's), and the
//! tickets overdue at the end of each day, drawn and as a table.

use crate::i18n::Language;
use crate::report::day_label;
use crate::store::SupportFigures;
use egui::RichText;
use egui_plot::{Line, Plot, PlotPoints};

pub(super) fn support_view(ui: &mut egui::Ui, f: &SupportFigures, w: &Language) {
    ui.heading(w.t("dash-support"));
    egui::Grid::new("support-rows")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value) in crate::report::support_rows(f, w) {
                ui.label(RichText::new(name).strong());
                ui.label(value);
                ui.end_row();
            }
        });
    let [waits, staff] = crate::report::support_tables(f, w);
    ui.add_space(6.0);
    ui.label(RichText::new(w.t("dash-waits")).strong());
    table(ui, "support-waits", &waits);
    if staff.len() > 1 {
        ui.add_space(6.0);
        ui.label(RichText::new(w.t("dash-by-staff")).strong());
        table(ui, "support-staff", &staff);
    }
    ui.add_space(6.0);
    overdue(ui, f, w);
    if !f.common_problems.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(w.t("dash-common-problems")).strong());
        table(ui, "support-problems", &crate::report::problems_table(f, w));
    }
}

fn table(ui: &mut egui::Ui, id: &str, rows: &[Vec<String>]) {
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for (i, row) in rows.iter().enumerate() {
            for cell in row {
                if i == 0 {
                    ui.strong(cell);
                } else {
                    ui.label(cell);
                }
            }
            ui.end_row();
        }
    });
}

fn overdue(ui: &mut egui::Ui, f: &SupportFigures, w: &Language) {
    ui.label(RichText::new(w.t("dash-overdue-by-day")).strong());
    if f.overdue_by_day.is_empty() {
        // No tickets in the range: an empty chart would start its axis in 1970.
        ui.label(w.t("dash-overdue-none"));
        return;
    }
    let points: Vec<[f64; 2]> = f
        .overdue_by_day
        .iter()
        .map(|(d, n)| [*d as f64, *n as f64])
        .collect();
    Plot::new("overdue-plot")
        .height(140.0)
        .x_axis_label(w.t("dash-day"))
        .x_axis_formatter(|m, _| day_label(m.value.round() as i64))
        .allow_scroll(false)
        .show(ui, |p| {
            p.line(Line::new(w.t("dash-overdue"), PlotPoints::from(points)));
        });
    // The last days as numbers, for anyone who cannot read the chart.
    let last: Vec<String> = f
        .overdue_by_day
        .iter()
        .rev()
        .take(7)
        .rev()
        .map(|(d, n)| format!("{} {}", day_label(*d), w.number(*n)))
        .collect();
    ui.label(last.join(" · "));
}
