//! The settings that are lists: the rewards (add, rename, change the price, retire) and the
//! tiers' levels. Each row is checked at its place before anything is written.

use crate::config::{Change, Config};
use crate::i18n::Language;

/// A reward on screen: its id stays hidden (history and vouchers name it).
#[derive(Debug, Clone, Default)]
pub struct RewardRow {
    pub id: String,
    pub name: String,
    pub cost: String,
    pub error: Option<String>,
}

/// The rewards as they are being changed.
#[derive(Debug, Clone, Default)]
pub struct Rewards {
    pub rows: Vec<RewardRow>,
    pub new_name: String,
    pub new_cost: String,
    pub error: Option<String>,
}

impl Rewards {
    pub fn load(config: Option<&Config>) -> Rewards {
        let rows = config
            .map(|c| c.program.rewards.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|r| RewardRow {
                id: r.id,
                name: r.name,
                cost: r.cost.to_string(),
                error: None,
            })
            .collect();
        Rewards {
            rows,
            ..Default::default()
        }
    }

    /// (id, name) of each reward, for the drop-downs that choose one.
    pub fn choices(&self) -> Vec<(String, String)> {
        self.rows
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect()
    }

    pub fn ids(&self) -> Vec<String> {
        self.rows.iter().map(|r| r.id.clone()).collect()
    }

    /// The new reward typed in the last row, added to the list (saved with the group).
    pub fn add(&mut self, w: &Language) {
        self.error = None;
        let name = self.new_name.trim().to_string();
        if name.is_empty() {
            self.error = Some(w.t("set-reward-name-needed"));
            return;
        }
        let Some(cost) = cost_of(&self.new_cost) else {
            self.error = Some(w.t("set-bad-cost"));
            return;
        };
        let id = new_id(&name, &self.ids());
        self.rows.push(RewardRow {
            id,
            name,
            cost: cost.to_string(),
            error: None,
        });
        self.new_name.clear();
        self.new_cost.clear();
    }

    /// The list as a change, or `None` with each wrong row's reason beside it.
    pub fn change(&mut self, w: &Language) -> Option<Change> {
        let mut ok = true;
        let mut rows = Vec::new();
        for r in &mut self.rows {
            r.error = None;
            let name = r.name.trim();
            match (name.is_empty(), cost_of(&r.cost)) {
                (true, _) => r.error = Some(w.t("set-reward-name-needed")),
                (_, None) => r.error = Some(w.t("set-bad-cost")),
                (false, Some(cost)) => rows.push(vec![
                    ("id".to_string(), r.id.as_str().into()),
                    ("name".to_string(), name.into()),
                    ("cost".to_string(), cost.into()),
                ]),
            }
            ok &= r.error.is_none();
        }
        ok.then(|| Change::Rows {
            table: "program".into(),
            key: "rewards".into(),
            rows,
        })
    }

    /// Draws the list; `in_use` says which rewards another setting gives (id, its label), so
    /// they cannot be retired before that setting is changed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        w: &Language,
        in_use: &[(String, String)],
        mut focus: bool,
    ) {
        ui.strong(w.t("set-rewards"));
        let mut retire = None;
        egui::Grid::new("settings-rewards")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.weak(w.t("set-reward-name"));
                ui.weak(w.t("set-reward-cost"));
                ui.end_row();
                for (i, r) in self.rows.iter_mut().enumerate() {
                    let name = ui.add_sized(
                        [260.0, 34.0],
                        egui::TextEdit::singleline(&mut r.name).id_salt(("reward-name", i)),
                    );
                    if std::mem::take(&mut focus) {
                        name.request_focus();
                    }
                    ui.add_sized(
                        [96.0, 34.0],
                        egui::TextEdit::singleline(&mut r.cost).id_salt(("reward-cost", i)),
                    );
                    if ui.button(w.t("set-reward-retire")).clicked() {
                        retire = Some(i);
                    }
                    if let Some(e) = &r.error {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    ui.end_row();
                }
                let l = ui.add_sized(
                    [260.0, 34.0],
                    egui::TextEdit::singleline(&mut self.new_name)
                        .id_salt("reward-new-name")
                        .hint_text(w.t("set-reward-new")),
                );
                let c = ui.add_sized(
                    [96.0, 34.0],
                    egui::TextEdit::singleline(&mut self.new_cost)
                        .id_salt("reward-new-cost")
                        .hint_text(w.t("set-reward-cost")),
                );
                let enter = (l.lost_focus() || c.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(w.t("set-reward-add")).clicked() || enter {
                    self.add(w);
                }
                ui.end_row();
            });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        if let Some(i) = retire {
            let id = self.rows[i].id.clone();
            match in_use.iter().find(|(r, _)| *r == id) {
                Some((_, what)) => {
                    self.rows[i].error =
                        Some(w.t_args("set-reward-in-use", &[("what", what.as_str().into())]))
                }
                None => {
                    self.rows.remove(i);
                }
            }
        }
    }
}

/// A reward's price in points: a whole number from 1.
fn cost_of(text: &str) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|c| (1..=1_000_000).contains(c))
}

/// An id for a new reward: its name in plain letters, made unique.
fn new_id(name: &str, taken: &[String]) -> String {
    let mut base: String = name
        .chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if base.is_empty() {
        base = "reward".into();
    }
    let free = |id: &str| !taken.iter().any(|t| t.eq_ignore_ascii_case(id));
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .expect("some number is free")
}

/// A tier level on screen.
#[derive(Debug, Clone, Default)]
pub struct TierRow {
    pub name: String,
    pub from_points: String,
    pub multiplier: String,
    pub error: Option<String>,
}

/// The tiers as they are being changed: none means no tiers.
#[derive(Debug, Clone, Default)]
pub struct Tiers {
    pub base: String,
    pub rows: Vec<TierRow>,
}

impl Tiers {
    pub fn load(doc: &toml_edit::DocumentMut) -> Tiers {
        let rows = crate::config::rows(
            doc,
            "program.tiers",
            "levels",
            &["name", "from_points", "multiplier"],
        )
        .into_iter()
        .map(|r| TierRow {
            name: r[0].clone(),
            from_points: r[1].clone(),
            multiplier: r[2].clone(),
            error: None,
        })
        .collect();
        Tiers {
            base: crate::config::shown(doc, "program.tiers", "base").unwrap_or_default(),
            rows,
        }
    }

    /// The tiers as changes, or `None` with each wrong row's reason beside it.
    pub fn changes(&mut self, w: &Language) -> Option<Vec<Change>> {
        self.rows.retain(|r| {
            !(r.name.trim().is_empty()
                && r.from_points.trim().is_empty()
                && r.multiplier.trim().is_empty())
        });
        if self.rows.is_empty() {
            return Some(vec![Change::RemoveTable {
                table: "program.tiers".into(),
            }]);
        }
        let mut ok = true;
        let mut rows = Vec::new();
        for r in &mut self.rows {
            r.error = None;
            let from = r.from_points.trim().parse::<i64>().ok().filter(|p| *p > 0);
            let multiplier = r.multiplier.trim().replace(',', ".");
            let good_multiplier = multiplier.is_empty()
                || multiplier
                    .parse::<f64>()
                    .is_ok_and(|m| (1.0..=100.0).contains(&m));
            if r.name.trim().is_empty() {
                r.error = Some(w.t("set-tier-name-needed"));
            } else if from.is_none() {
                r.error = Some(w.t("set-bad-tier-points"));
            } else if !good_multiplier {
                r.error = Some(w.t("set-bad-multiplier"));
            }
            if let (None, Some(from)) = (&r.error, from) {
                let mut row = vec![
                    ("name".to_string(), r.name.trim().into()),
                    ("from_points".to_string(), from.into()),
                ];
                if !multiplier.is_empty() {
                    row.push(("multiplier".to_string(), multiplier.as_str().into()));
                }
                rows.push(row);
            }
            ok &= r.error.is_none();
        }
        let mut changes = vec![match self.base.trim() {
            "" => Change::remove("program.tiers", "base"),
            base => Change::set("program.tiers", "base", base),
        }];
        changes.push(Change::Rows {
            table: "program.tiers".into(),
            key: "levels".into(),
            rows,
        });
        ok.then_some(changes)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, w: &Language) {
        ui.strong(w.t("set-tiers"));
        ui.weak(w.t("set-tiers-help"));
        ui.horizontal(|ui| {
            let l = ui.label(w.t("set-tier-base"));
            ui.add(egui::TextEdit::singleline(&mut self.base).id_salt("tier-base"))
                .labelled_by(l.id);
        });
        let mut gone = None;
        egui::Grid::new("settings-tiers")
            .num_columns(4)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.weak(w.t("set-tier-name"));
                ui.weak(w.t("set-tier-from"));
                ui.weak(w.t("set-tier-multiplier"));
                ui.end_row();
                for (i, r) in self.rows.iter_mut().enumerate() {
                    ui.add_sized(
                        [160.0, 34.0],
                        egui::TextEdit::singleline(&mut r.name).id_salt(("tier-name", i)),
                    );
                    ui.add_sized(
                        [96.0, 34.0],
                        egui::TextEdit::singleline(&mut r.from_points).id_salt(("tier-from", i)),
                    );
                    ui.add_sized(
                        [60.0, 34.0],
                        egui::TextEdit::singleline(&mut r.multiplier).id_salt(("tier-mult", i)),
                    );
                    if ui.button(w.t("set-tier-remove")).clicked() {
                        gone = Some(i);
                    }
                    if let Some(e) = &r.error {
                        ui.colored_label(ui.visuals().error_fg_color, e);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = gone {
            self.rows.remove(i);
        }
        if ui.button(w.t("set-tier-add")).clicked() {
            self.rows.push(TierRow::default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_reward_gets_a_plain_unique_id() {
        let taken = vec!["coffee".to_string(), "cake".to_string()];
        assert_eq!(new_id("Kūciņa ar kafiju", &taken), "kcia-ar-kafiju");
        assert_eq!(new_id("Coffee", &taken), "coffee-2");
        assert_eq!(new_id("ఉచిత కాఫీ", &taken), "reward");
    }
}
