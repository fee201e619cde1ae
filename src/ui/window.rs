//! The counter's window: opening it with eframe (beside the customer pages), and its style.

use super::CounterApp;
use crate::runtime::Counter;

/// Noto Sans and Noto Sans Telugu (OFL, `assets/fonts/`) after egui's own fonts, so every
/// shipped language shows: Latvian and Serbian letters, Cyrillic and Telugu.
pub(super) fn add_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    // The same bytes the receipts are drawn from: embedded once.
    use crate::devices::shaped::{NOTO_SANS, NOTO_SANS_TELUGU};
    let fonts: [(&str, &'static [u8]); 2] = [
        ("noto-sans", NOTO_SANS),
        ("noto-sans-telugu", NOTO_SANS_TELUGU),
    ];
    for (name, bytes) in fonts {
        let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        ctx.add_font(FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            families,
        ));
    }
}

/// Buttons and fields big enough for a finger on a counter touch screen (about 40 px high),
/// and text a little larger than egui's default, in both themes.
pub(super) fn touch_friendly(ctx: &egui::Context) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.spacing.interact_size = egui::vec2(44.0, 36.0);
            style.spacing.button_padding = egui::vec2(12.0, 8.0);
            style.spacing.item_spacing = egui::vec2(8.0, 8.0);
            for (text_style, size) in [
                (egui::TextStyle::Body, 16.0),
                (egui::TextStyle::Button, 16.0),
                (egui::TextStyle::Heading, 22.0),
            ] {
                if let Some(font) = style.text_styles.get_mut(&text_style) {
                    font.size = size;
                }
            }
        });
    }
}

impl eframe::App for CounterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

/// Opens the counter window. With `REGULARS_TIMING` set, reports on stderr how long the first
/// frame took from `started` (the start-up benchmark).
pub fn run(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    started: std::time::Instant,
) -> anyhow::Result<()> {
    let mut counter = Counter::start(dir, config)?;
    // The customer pages run beside the window; if they cannot (say the port is taken), the
    // counter still works and the device bar says why.
    // Kept until the window closes (run_native returns).
    let w = config.shop.words();
    let _portal = if config.portal.with_app {
        let started = crate::portal::Settings::from_config(dir, config)
            .map_err(|e| e.to_string())
            .and_then(|s| {
                crate::portal::Portal::start(&config.portal.bind, s).map_err(|e| e.to_string())
            });
        match started {
            // Where the pages open from is the device bar's pages line.
            Ok(p) => Some(p),
            Err(e) => {
                counter.set_portal_status(w.t_args("portal-status-off", &[("error", e.into())]));
                None
            }
        }
    } else {
        counter.set_portal_status(w.t("portal-status-serve"));
        None
    };
    let dir = dir.clone();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("Regulars — {}", config.shop.name))
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([800.0, 520.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Regulars",
        options,
        Box::new(move |_cc| {
            let mut app = CounterApp::new(counter, dir);
            app.started = std::env::var_os("REGULARS_TIMING").map(|_| started);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the counter window could not open: {e}"))
}
