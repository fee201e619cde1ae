//! The settings of [`specs::SPECS`] as fields: filled from `config.toml`, drawn by their kind,
//! and checked one by one, each refusal said at its field in the shop's language, before
//! anything is written.

use super::specs::{self, Group, Kind, SPECS, Spec};
use crate::config::{Change, written};
use crate::domain::money::Currency;
use crate::i18n::Language;
use std::path::{Path, PathBuf};

/// What the fields hold now, one per setting of [`SPECS`].
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub values: Vec<String>,
    pub errors: Vec<Option<String>>,
    /// A password is saved for this setting (its field stays empty: typing replaces it).
    saved_secret: Vec<bool>,
    /// What applies when the field is left empty, where the template says.
    defaults: Vec<Option<String>>,
}

/// A password to write into its own file before `config.toml` names it.
pub struct SecretFile {
    pub path: PathBuf,
    pub text: String,
}

impl Fields {
    /// The fields as `config.toml` at `path` has them (empty where a default applies).
    pub fn load(path: &Path) -> Fields {
        let doc = written(path);
        let shown = |s: &Spec| crate::config::shown(&doc, s.table, s.key);
        let template: toml_edit::DocumentMut = crate::config::TEMPLATE
            .parse()
            .expect("the template parses");
        Fields {
            defaults: SPECS
                .iter()
                .map(|s| crate::config::shown(&template, s.table, s.key))
                .collect(),
            values: SPECS
                .iter()
                .map(|s| match s.kind {
                    Kind::Secret(_) => String::new(),
                    Kind::Flag => shown(s).unwrap_or_else(|| "false".into()),
                    _ => shown(s).unwrap_or_default(),
                })
                .collect(),
            errors: vec![None; SPECS.len()],
            saved_secret: SPECS
                .iter()
                .map(|s| {
                    let file = format!("{}_file", s.key);
                    matches!(s.kind, Kind::Secret(_))
                        && (shown(s).is_some()
                            || crate::config::shown(&doc, s.table, &file).is_some())
                })
                .collect(),
        }
    }

    /// The group's changes, or `None` with each wrong field's reason beside it. `rewards` are
    /// the catalogue's ids as they will be saved; passwords typed come back as files to write.
    pub fn changes(
        &mut self,
        group: Group,
        w: &Language,
        currency: Currency,
        rewards: &[String],
        dir: &Path,
    ) -> Option<(Vec<Change>, Vec<SecretFile>)> {
        let mut changes = Vec::new();
        let mut secrets = Vec::new();
        let mut gone_tables: Vec<&str> = Vec::new();
        let mut ok = true;
        for (i, s) in specs::of(group) {
            self.errors[i] = None;
            if gone_tables.contains(&s.table) {
                continue;
            }
            let value = self.values[i].trim().to_string();
            match check(s, &value, w, currency, rewards) {
                Err(e) => {
                    self.errors[i] = Some(e);
                    ok = false;
                }
                Ok(Checked::Remove) => changes.push(Change::remove(s.table, s.key)),
                Ok(Checked::RemoveTable) => {
                    gone_tables.push(s.table);
                    changes.push(Change::RemoveTable {
                        table: s.table.into(),
                    });
                }
                Ok(Checked::Keep) => {}
                Ok(Checked::Set(v)) => changes.push(Change::set(s.table, s.key, v)),
                Ok(Checked::Secret(file)) => {
                    secrets.push(SecretFile {
                        path: dir.join(file),
                        text: value.clone(),
                    });
                    changes.push(Change::remove(s.table, s.key));
                    changes.push(Change::set(s.table, &format!("{}_file", s.key), file));
                }
            }
        }
        ok.then_some((changes, secrets))
    }

    /// Draws the group's fields in a grid: label, field, and the refusal beside a wrong one;
    /// with `focus`, the first field takes the cursor.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        group: Group,
        w: &Language,
        rewards: &[(String, String)],
        mut focus: bool,
    ) {
        for (i, s) in specs::of(group) {
            ui.add_space(4.0);
            let label = ui.label(w.t(s.label));
            let r = self.field(ui, i, s, w, rewards, label.id);
            if std::mem::take(&mut focus) {
                r.request_focus();
            }
            if let Some(e) = &self.errors[i] {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
    }

    fn field(
        &mut self,
        ui: &mut egui::Ui,
        i: usize,
        s: &Spec,
        w: &Language,
        rewards: &[(String, String)],
        label: egui::Id,
    ) -> egui::Response {
        let id = format!("set-{}-{}", s.table, s.key);
        let value = &mut self.values[i];
        let default = match &self.defaults[i] {
            Some(d) => w.t_args("set-default-is", &[("value", d.as_str().into())]),
            None => w.t("set-default"),
        };
        match s.kind {
            Kind::Flag => {
                let mut on = value == "true";
                let r = ui.checkbox(&mut on, "").labelled_by(label);
                if r.changed() {
                    *value = on.to_string();
                }
                r
            }
            Kind::Choice(options) => {
                let options: Vec<(String, String)> = std::iter::once((String::new(), default))
                    .chain(options.iter().map(|(v, m)| (v.to_string(), w.t(m))))
                    .collect();
                choose(ui, &id, value, &options)
            }
            Kind::Language => {
                let options: Vec<(String, String)> = std::iter::once((String::new(), default))
                    .chain(
                        crate::i18n::catalog()
                            .all()
                            .map(|l| (l.tag().to_string(), l.native_name.clone())),
                    )
                    .collect();
                choose(ui, &id, value, &options)
            }
            Kind::Reward(optional) => {
                let none = if optional {
                    w.t("set-reward-none")
                } else {
                    default
                };
                let options: Vec<(String, String)> = std::iter::once((String::new(), none))
                    .chain(rewards.iter().cloned())
                    .collect();
                choose(ui, &id, value, &options)
            }
            Kind::Secret(_) => {
                let hint = if self.saved_secret[i] {
                    w.t("set-secret-saved")
                } else {
                    String::new()
                };
                ui.add(
                    egui::TextEdit::singleline(value)
                        .password(true)
                        .hint_text(hint)
                        .id_salt(&id),
                )
                .labelled_by(label)
            }
            _ => ui
                .add(
                    egui::TextEdit::singleline(value)
                        .hint_text(default)
                        .id_salt(&id)
                        .desired_width(360.0),
                )
                .labelled_by(label),
        }
    }
}

/// A drop-down of (value, words) that sets `value`.
pub fn choose(
    ui: &mut egui::Ui,
    id: &str,
    value: &mut String,
    options: &[(String, String)],
) -> egui::Response {
    let shown = options
        .iter()
        .find(|(v, _)| v == value)
        .map_or_else(|| value.clone(), |(_, words)| words.clone());
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (v, words) in options {
                ui.selectable_value(value, v.clone(), words);
            }
        })
        .response
}

/// What a checked field does to `config.toml`.
enum Checked {
    Set(toml_edit::Value),
    /// Empty: the key goes and its default comes back.
    Remove,
    /// An occasion with no reward: its table goes.
    RemoveTable,
    /// A password left empty: the saved one stays.
    Keep,
    /// A password typed: kept in this file.
    Secret(&'static str),
}

/// Checks one field, saying what is wrong in the shop's language.
fn check(
    s: &Spec,
    value: &str,
    w: &Language,
    currency: Currency,
    rewards: &[String],
) -> Result<Checked, String> {
    if value.is_empty() {
        return match s.kind {
            Kind::Needed => Err(w.t("set-needed")),
            Kind::Reward(true) => Ok(Checked::RemoveTable),
            Kind::Secret(_) => Ok(Checked::Keep),
            _ => Ok(Checked::Remove),
        };
    }
    let text = |v: &str| Ok(Checked::Set(v.into()));
    match s.kind {
        Kind::Text | Kind::Needed | Kind::Choice(_) | Kind::Language => text(value),
        Kind::Whole(min, max) => match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(Checked::Set(n.into())),
            _ => Err(w.t_args("set-bad-whole", &[("min", min.into()), ("max", max.into())])),
        },
        Kind::Amount => currency
            .parse_amount_local(value, w.numbers.decimal_separator)
            .map(|minor| Checked::Set(plain_amount(currency, minor).into()))
            .map_err(|e| crate::services::errors::amount_error(w, &e)),
        Kind::Currency => Currency::from_code(&value.to_ascii_uppercase())
            .map(|c| Checked::Set(c.code().into()))
            .map_err(|_| w.t_args("setup-currency-unknown", &[("code", value.into())])),
        Kind::CallingCode => {
            let digits = value.trim_start_matches('+');
            if value.starts_with('+')
                && (1..=4).contains(&digits.len())
                && digits.chars().all(|c| c.is_ascii_digit())
            {
                text(value)
            } else {
                Err(w.t("set-bad-calling-code"))
            }
        }
        Kind::Every => crate::config::parse_every(value)
            .map(|_| Checked::Set(value.into()))
            .ok_or_else(|| w.t("set-bad-every")),
        Kind::TimeOrOff => match value {
            "off" => text(value),
            t => crate::config::parse_time(t)
                .map(|_| Checked::Set(t.into()))
                .ok_or_else(|| w.t("set-bad-time")),
        },
        Kind::Address(schemes) => {
            let ok = value.split_once("://").is_some_and(|(scheme, rest)| {
                schemes.contains(&scheme.to_ascii_lowercase().as_str())
                    && !rest.is_empty()
                    && !rest.contains(char::is_whitespace)
            });
            if ok {
                text(value.trim_end_matches('/'))
            } else {
                Err(w.t_args(
                    "set-bad-address",
                    &[("example", format!("{}://…", schemes[0]).into())],
                ))
            }
        }
        Kind::Email => value
            .parse::<lettre::Address>()
            .map(|_| Checked::Set(value.into()))
            .map_err(|_| w.t_args("set-bad-email", &[("address", value.into())])),
        Kind::Secret(file) => Ok(Checked::Secret(file)),
        Kind::Flag => Ok(Checked::Set((value == "true").into())),
        Kind::Reward(_) => {
            if rewards.iter().any(|r| r == value) {
                text(value)
            } else {
                Err(w.t("set-reward-unknown"))
            }
        }
    }
}

/// An amount as `config.toml` writes it: `1.50`, `100` in yen.
fn plain_amount(currency: Currency, minor: i64) -> String {
    let e = currency.exponent();
    if e == 0 {
        return minor.to_string();
    }
    let per = currency.minor_per_major();
    format!(
        "{}.{:0width$}",
        minor / per,
        minor % per,
        width = e as usize
    )
}
