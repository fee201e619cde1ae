//! The last receipt, as the virtual printer drew it: small beside the sale, and large enough
//! to read (F6 or a click; Esc closes).

use super::view::{Asks, ScreenAsk};
use crate::i18n::Language;
use std::path::{Path, PathBuf};

/// The receipt image on screen and whether it is shown large.
#[derive(Default)]
pub struct ReceiptPreview {
    shown: Option<(PathBuf, egui::TextureHandle)>,
    pub enlarged: bool,
}

impl ReceiptPreview {
    /// The small preview in the right-hand panel.
    pub fn ui(&mut self, ui: &mut egui::Ui, path: Option<&Path>, w: &Language, asks: &mut Asks) {
        ui.heading(w.t("receipt-preview"));
        let Some(texture) = self.texture(ui.ctx(), path) else {
            ui.label(w.t("receipt-next"));
            return;
        };
        if ui.button(w.t("enlarge")).clicked() {
            asks.screen(ScreenAsk::EnlargeReceipt(true));
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            let width = ui.available_width().min(texture.size_vec2().x);
            let size = texture.size_vec2() * (width / texture.size_vec2().x);
            let image = egui::Image::new((texture.id(), size))
                .alt_text(w.t("receipt-preview-image"))
                .sense(egui::Sense::click());
            if ui
                .add(image)
                .on_hover_text(w.t("click-to-enlarge"))
                .clicked()
            {
                asks.screen(ScreenAsk::EnlargeReceipt(true));
            }
        });
    }

    /// The receipt at the printer's own size (one screen pixel per printed dot), over the
    /// counter, when enlarged.
    pub fn window(&mut self, ctx: &egui::Context, w: &Language, asks: &mut Asks) {
        if !self.enlarged {
            return;
        }
        let Some((_, texture)) = &self.shown else {
            self.enlarged = false;
            return;
        };
        let texture = texture.clone();
        let modal = egui::Modal::new(egui::Id::unique("receipt-large")).show(ctx, |ui| {
            ui.heading(w.t("last-receipt-title"));
            let height = (ctx.content_rect().height() - 160.0).max(200.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .show(ui, |ui| {
                    ui.add(
                        egui::Image::new((texture.id(), texture.size_vec2()))
                            .alt_text(w.t("receipt-large")),
                    );
                });
            if ui.button(w.t("close")).clicked() {
                asks.screen(ScreenAsk::EnlargeReceipt(false));
            }
        });
        if modal.should_close() {
            asks.screen(ScreenAsk::EnlargeReceipt(false));
        }
    }

    /// The texture for the image at `path`, loaded once per receipt.
    pub(crate) fn texture(
        &mut self,
        ctx: &egui::Context,
        path: Option<&Path>,
    ) -> Option<egui::TextureHandle> {
        let path = path?;
        if self.shown.as_ref().is_none_or(|(p, _)| p != path)
            && let Ok(img) = image::open(path)
        {
            let gray = img.to_luma8();
            let color = egui::ColorImage::from_gray(
                [gray.width() as usize, gray.height() as usize],
                gray.as_raw(),
            );
            let texture = ctx.load_texture("receipt-preview", color, egui::TextureOptions::LINEAR);
            self.shown = Some((path.to_path_buf(), texture));
        }
        self.shown.as_ref().map(|(_, t)| t.clone())
    }
}
