//! Find a customer by card code, phone or name, as the cashier types (F2).

use super::focus::{self, Field};
use super::view::{Asks, ScreenAsk};
use crate::i18n::Language;
use crate::runtime::Intent;
use crate::store::CustomerView;

/// The Find field and what was last searched for.
#[derive(Debug, Default, Clone)]
pub struct FindPanel {
    pub search: String,
    last_search: String,
}

impl FindPanel {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        results: &[CustomerView],
        w: &Language,
        asks: &mut Asks,
    ) {
        let label = ui.label(w.t("find-label"));
        let find = ui
            .add(
                egui::TextEdit::singleline(&mut self.search)
                    .id(Field::Find.id())
                    .hint_text(w.t("find-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if find.changed() && self.search != self.last_search {
            self.last_search = self.search.clone();
            asks.send(Intent::Search(self.search.clone()));
        }
        if focus::entered(ui, &find) {
            self.submit(results, w, asks);
        }
        for r in results {
            let erased = w.t("erased");
            let text = w.t_args(
                "find-result",
                &[
                    ("name", r.name.as_deref().unwrap_or(&erased).into()),
                    ("code", r.code.as_str().into()),
                    ("points", r.balance.into()),
                ],
            );
            if ui.button(text).clicked() {
                asks.send(Intent::Open(r.code.clone()));
                self.clear();
            }
        }
    }

    /// Enter in Find: a code works like a scan; a single match is selected; otherwise the
    /// search runs again and the cursor stays for more typing.
    fn submit(&mut self, results: &[CustomerView], w: &Language, asks: &mut Asks) {
        let text = self.search.trim().to_string();
        if text.is_empty() {
            asks.focus(Field::Find);
            return;
        }
        let what = crate::devices::scanner::classify(&text);
        if !matches!(what, crate::devices::scanner::ScanKind::Unknown { .. }) {
            asks.screen(ScreenAsk::Scan(text, what));
            self.clear();
        } else if let [only] = results {
            asks.send(Intent::Open(only.code.clone()));
            self.clear();
        } else {
            asks.send(Intent::Search(text));
            if results.len() > 1 {
                let count = ("count", (results.len() as i64).into());
                asks.say(true, w.t_args("find-many", &[count]));
            }
            asks.focus(Field::Find);
        }
    }

    fn clear(&mut self) {
        self.search.clear();
        self.last_search.clear();
    }
}
