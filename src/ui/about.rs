//! About Regulars (F1): the version (the package's), where the shop's data is, where the manual
//! is, and the licence.

use super::view::{Asks, ScreenAsk};
use crate::i18n::Language;

/// The guide the Debian package installs beside the program.
const INSTALLED_GUIDE: &str = "/usr/share/doc/regulars/README.md";

/// The About box's state.
#[derive(Debug, Default)]
pub struct About {
    pub open: bool,
}

impl About {
    /// Draws the box over the counter while it is open.
    pub fn window(
        &self,
        ctx: &egui::Context,
        data: &std::path::Path,
        w: &Language,
        asks: &mut Asks,
    ) {
        if !self.open {
            return;
        }
        let modal = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading("Regulars");
            let version = ("version", env!("CARGO_PKG_VERSION").into());
            ui.label(w.t_args("about-version", &[version]));
            ui.label(w.t("about-what"));
            ui.separator();
            let path = ("path", data.display().to_string().into());
            ui.label(w.t_args("about-data", &[path]));
            ui.label(w.t("about-manual"));
            if std::path::Path::new(INSTALLED_GUIDE).exists() {
                ui.label(w.t_args("about-guide", &[("path", INSTALLED_GUIDE.into())]));
            }
            ui.label(w.t("about-licence"));
            ui.add_space(6.0);
            if ui.button(w.t("close")).clicked() {
                asks.screen(ScreenAsk::About(false));
            }
        });
        if modal.should_close() {
            asks.screen(ScreenAsk::About(false));
        }
    }
}
