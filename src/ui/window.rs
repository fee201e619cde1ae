//! The counter's window: opening it with eframe (beside the customer pages, after the
//! first-run assistant on a data folder never set up), and its style.

use super::CounterApp;
use super::setup::{Outcome, SetupAssistant};
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

/// What the window shows: the first-run assistant, then the counter.
enum Screen {
    Setup(Box<SetupAssistant>),
    /// The counter, and its customer pages, kept running while it is shown.
    Counter(
        Box<CounterApp>,
        #[allow(dead_code)] Option<crate::portal::Portal>,
    ),
    /// The counter could not start after the assistant (the message says why).
    Failed(String),
}

/// The window: the assistant on a data folder never set up, else (and then) the counter.
struct Shell {
    screen: Screen,
    dir: crate::datadir::DataDir,
    /// The shop marked in use while the window runs (let go for a restore).
    in_use: Option<std::fs::File>,
}

impl Shell {
    /// Puts the shop back as it is in `file`: the counter and its pages close and the window
    /// lets go of the shop (a restore needs it alone), then the counter opens again on the
    /// restored shop and says how it went.
    fn restore(&mut self, file: &std::path::Path) {
        let config = match self.dir.config() {
            Ok(c) => c,
            Err(e) => {
                self.screen = Screen::Failed(e.to_string());
                return;
            }
        };
        self.screen = Screen::Failed(String::new());
        self.in_use = None;
        let said = crate::services::setup::restore(&self.dir, &config, file);
        // In the window's log too, for whoever looks after the computer.
        eprintln!("restore: {}", said.as_ref().unwrap_or_else(|e| e));
        self.in_use = self.dir.in_use().ok();
        self.screen = match open_counter(&self.dir, &config) {
            Ok((mut app, portal)) => {
                app.styled = true;
                match said {
                    Ok(text) => app.counter.notify(true, text),
                    Err(text) => app.counter.notify(false, text),
                }
                Screen::Counter(Box::new(app), portal)
            }
            Err(e) => Screen::Failed(e.to_string()),
        };
    }
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        match &mut self.screen {
            Screen::Counter(app, _) => {
                app.frame(ui);
                if let Some(file) = app.restore_asked.take() {
                    self.restore(&file);
                }
            }
            Screen::Setup(assistant) => {
                if ui.ctx().cumulative_frame_nr() == 0 {
                    add_fonts(ui.ctx());
                    touch_friendly(ui.ctx());
                }
                if let Outcome::Finished(config) = assistant.ui(ui) {
                    let title = format!("Regulars — {}", config.shop.name);
                    ui.ctx()
                        .send_viewport_cmd(egui::ViewportCommand::Title(title));
                    self.screen = match open_counter(&self.dir, &config) {
                        Ok((mut app, portal)) => {
                            app.styled = true;
                            Screen::Counter(Box::new(app), portal)
                        }
                        Err(e) => Screen::Failed(e.to_string()),
                    };
                }
            }
            Screen::Failed(message) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.colored_label(ui.visuals().error_fg_color, message.as_str());
                });
            }
        }
    }
}

/// The counter of the shop in `dir`, and its customer pages beside it (if they start: the
/// counter works without them and the device bar says why).
fn open_counter(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
) -> anyhow::Result<(CounterApp, Option<crate::portal::Portal>)> {
    let mut counter = Counter::start(dir, config)?;
    let w = config.shop.words();
    let portal = if config.portal.with_app {
        let hub = counter.display_hub();
        let started = crate::portal::Settings::from_config(dir, config)
            .map(|s| s.with_display(config, hub))
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
    Ok((CounterApp::new(counter, dir.clone()), portal))
}

/// The application's icon (the package's 256-pixel one).
const ICON: &[u8] = include_bytes!("../../assets/package/icons/256x256/regulars.png");

/// Opens the counter window, with the first-run assistant before the counter on a data folder
/// never set up. With `REGULARS_TIMING` set, reports on stderr how long the first frame took
/// from `started` (the start-up benchmark).
pub fn run(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    started: std::time::Instant,
    in_use: std::fs::File,
) -> anyhow::Result<()> {
    let path = dir.config_path();
    // A shop already selling on the untouched template keeps its counter.
    let fresh = crate::config::setup::never_set_up(&path) && !dir.db_path().exists();
    let (screen, title) = if fresh {
        let assistant = SetupAssistant::for_dir(dir, sys_locale::get_locale());
        (Screen::Setup(Box::new(assistant)), "Regulars".to_string())
    } else {
        let (mut app, portal) = open_counter(dir, config)?;
        app.started = std::env::var_os("REGULARS_TIMING").map(|_| started);
        (
            Screen::Counter(Box::new(app), portal),
            format!("Regulars — {}", config.shop.name),
        )
    };
    // The same icon as the applications menu's, and the desktop entry's name for the window.
    let icon = eframe::icon_data::from_png_bytes(ICON).expect("the shipped icon is a PNG");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("regulars")
            .with_icon(icon)
            .with_inner_size([1200.0, 760.0])
            .with_min_inner_size([800.0, 520.0]),
        ..Default::default()
    };
    let dir = dir.clone();
    eframe::run_native(
        "Regulars",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Shell {
                screen,
                dir,
                in_use: Some(in_use),
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the counter window could not open: {e}"))
}
