//! The settings screen's changes written back into `config.toml`, keeping every other line and
//! comment the owner wrote.

#[cfg(test)]
use super::TEMPLATE;
use super::{Config, ConfigError};
use std::path::Path;

/// One change the settings screen makes to `config.toml`.
#[derive(Debug, Clone)]
pub enum Change {
    /// `key` in `table` (a dotted path: `program.stamps`) gets `value`, keeping its comment.
    Set {
        table: String,
        key: String,
        value: toml_edit::Value,
    },
    /// `key` goes: its default comes back.
    Remove { table: String, key: String },
    /// The whole table goes (an occasion without a reward, tiers without levels).
    RemoveTable { table: String },
    /// `key` in `table` becomes a list of tables, one per row of (key, value) pairs; no rows
    /// removes it.
    Rows {
        table: String,
        key: String,
        rows: Vec<Vec<(String, toml_edit::Value)>>,
    },
}

impl Change {
    pub fn set(table: &str, key: &str, value: impl Into<toml_edit::Value>) -> Change {
        Change::Set {
            table: table.into(),
            key: key.into(),
            value: value.into(),
        }
    }

    pub fn remove(table: &str, key: &str) -> Change {
        Change::Remove {
            table: table.into(),
            key: key.into(),
        }
    }
}

/// The table at a dotted path, made if missing.
fn table_at<'a>(doc: &'a mut toml_edit::DocumentMut, path: &str) -> &'a mut toml_edit::Item {
    let mut item = doc.as_item_mut();
    for part in path.split('.') {
        item = item[part].or_insert(toml_edit::table());
    }
    item
}

fn apply(doc: &mut toml_edit::DocumentMut, change: &Change) {
    match change {
        Change::Set { table, key, value } => {
            super::setup::set_in(table_at(doc, table), key, value.clone())
        }
        Change::Remove { table, key } => {
            // A table not written is not made just to take a key out of it.
            let found = table
                .split('.')
                .try_fold(doc.as_item_mut(), |item, part| item.get_mut(part));
            if let Some(t) = found.and_then(|t| t.as_table_like_mut()) {
                t.remove(key);
            }
        }
        Change::RemoveTable { table } => match table.rsplit_once('.') {
            Some((parent, last)) => {
                let found = parent
                    .split('.')
                    .try_fold(doc.as_item_mut(), |item, part| item.get_mut(part));
                if let Some(t) = found.and_then(|t| t.as_table_like_mut()) {
                    t.remove(last);
                }
            }
            None => {
                doc.remove(table);
            }
        },
        Change::Rows { table, key, rows } => {
            let t = table_at(doc, table);
            if rows.is_empty() {
                if let Some(t) = t.as_table_like_mut() {
                    t.remove(key);
                }
                return;
            }
            let mut list = toml_edit::ArrayOfTables::new();
            for row in rows {
                let mut r = toml_edit::Table::new();
                for (k, v) in row {
                    r[k.as_str()] = toml_edit::value(v.clone());
                }
                list.push(r);
            }
            t[key.as_str()] = toml_edit::Item::ArrayOfTables(list);
        }
    }
}

/// Makes `changes` to `config.toml` together, keeping every other line and comment, only if
/// the result is a valid configuration, which it returns.
pub fn save_changes(path: &Path, changes: &[Change]) -> Result<Config, ConfigError> {
    super::setup::edit(path, |doc| {
        for c in changes {
            apply(doc, c);
        }
    })
}

/// `config.toml` as written (the template where there is none), to fill the settings screen.
pub fn written(path: &Path) -> toml_edit::DocumentMut {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| super::TEMPLATE.parse().expect("the template parses"))
}

/// The item at a dotted path, if written.
fn item_at<'a>(doc: &'a toml_edit::DocumentMut, path: &str) -> Option<&'a toml_edit::Item> {
    path.split('.')
        .try_fold(doc.as_item(), |item, part| item.get(part))
}

/// `key` in `table` as the settings screen shows it: text without quotes, numbers and
/// true/false as written; `None` when not written.
pub fn shown(doc: &toml_edit::DocumentMut, table: &str, key: &str) -> Option<String> {
    item_at(doc, table)?.get(key)?.as_value().map(plain)
}

/// A value as typed in a field: text without quotes, anything else without its comment.
fn plain(v: &toml_edit::Value) -> String {
    match v.as_str() {
        Some(s) => s.to_string(),
        None => {
            let mut v = v.clone();
            v.decor_mut().clear();
            v.to_string().trim().to_string()
        }
    }
}

/// The list of tables `key` in `table` (rewards, tier levels), each row's `fields` as shown.
pub fn rows(
    doc: &toml_edit::DocumentMut,
    table: &str,
    key: &str,
    fields: &[&str],
) -> Vec<Vec<String>> {
    let Some(list) = item_at(doc, table)
        .and_then(|t| t.get(key))
        .and_then(|l| l.as_array_of_tables())
    else {
        return Vec::new();
    };
    list.iter()
        .map(|t| {
            fields
                .iter()
                .map(|f| {
                    t.get(f)
                        .and_then(|v| v.as_value())
                        .map(plain)
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

/// Device settings chosen on the settings screen (with the counter's language).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceSettings {
    /// The shop's language; empty leaves `[shop] language` as it is.
    pub language: String,
    pub printer_port: String,
    pub printer_profile: String,
    pub printer_baud: Option<u32>,
    /// Empty: no scanner.
    pub scanner_port: String,
    pub scanner_profile: String,
    /// The customer's pole display; empty: none.
    pub display_port: String,
    pub display_profile: String,
    /// Plug-in mode: on, the till's port and its profile.
    pub plug_enabled: bool,
    pub plug_pos: String,
    pub plug_profile: String,
}

impl DeviceSettings {
    /// The settings as configured now.
    pub fn of(config: &Config) -> DeviceSettings {
        DeviceSettings {
            language: config.shop.language.clone(),
            printer_port: config.printer.port.to_string(),
            printer_profile: config.printer.profile.clone(),
            printer_baud: config.printer.baud,
            scanner_port: config.scanner.port.clone().unwrap_or_default(),
            scanner_profile: config.scanner.profile.clone(),
            display_port: config.display.port.clone().unwrap_or_default(),
            display_profile: config.display.profile.clone(),
            plug_enabled: config.passthrough.enabled,
            plug_pos: config.passthrough.pos.clone().unwrap_or_default(),
            plug_profile: config.passthrough.pos_profile.clone(),
        }
    }
}

/// Writes device settings into `config.toml`, keeping every other line and comment the owner
/// wrote, and returns the configuration as it now reads. The file is replaced atomically and
/// only if the result is a valid configuration.
pub fn save_devices(path: &Path, s: &DeviceSettings) -> Result<Config, ConfigError> {
    let text = |table: &str, key: &str, value: &str| match value.trim() {
        "" => Change::remove(table, key),
        v => Change::set(table, key, v),
    };
    let mut changes = vec![
        text("printer", "port", &s.printer_port),
        text("printer", "profile", &s.printer_profile),
        match s.printer_baud {
            Some(b) => Change::set("printer", "baud", i64::from(b)),
            None => Change::remove("printer", "baud"),
        },
        text("scanner", "port", &s.scanner_port),
        text("scanner", "profile", &s.scanner_profile),
    ];
    if !s.language.trim().is_empty() {
        changes.push(text("shop", "language", &s.language));
    }
    // Only once a display has been set, so other shops' files stay as they were.
    if !s.display_port.trim().is_empty() || written(path).get("display").is_some() {
        changes.extend([
            text("display", "port", &s.display_port),
            text("display", "profile", &s.display_profile),
        ]);
    }
    // Only written once plug-in mode has been touched, so other shops' files stay as they were.
    if s.plug_enabled || written(path).get("passthrough").is_some() {
        changes.extend([
            Change::set("passthrough", "enabled", s.plug_enabled),
            text("passthrough", "pos", &s.plug_pos),
            text("passthrough", "pos_profile", &s.plug_profile),
        ]);
    }
    save_changes(path, &changes)
}

#[cfg(test)]
mod save_tests {
    use super::*;

    #[test]
    fn saving_devices_keeps_comments_and_other_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, TEMPLATE.replace("My Shop", "Corner Coffee")).unwrap();
        let s = DeviceSettings {
            language: "lv".into(),
            printer_port: "/dev/ttyUSB0".into(),
            printer_profile: "epson-tm-t88".into(),
            printer_baud: Some(38400),
            scanner_port: "/dev/ttyACM0".into(),
            scanner_profile: "crlf-aim".into(),
            display_port: "/dev/ttyUSB2".into(),
            display_profile: "cd5220".into(),
            plug_enabled: true,
            plug_pos: "/dev/ttyUSB1".into(),
            plug_profile: "euro-comma".into(),
        };
        let c = save_devices(&path, &s).unwrap();
        assert!(c.passthrough.enabled);
        assert_eq!(c.passthrough.pos_profile, "euro-comma");
        assert_eq!(c.shop.language, "lv");
        assert_eq!(DeviceSettings::of(&c), s);
        assert_eq!(c.shop.name, "Corner Coffee");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("# points expire this many days"),
            "comments are kept"
        );
        assert!(
            text.lines()
                .any(|l| l.starts_with("port = \"/dev/ttyUSB0\"") && l.contains("# a serial port")),
            "a changed key keeps its comment: {text}"
        );
        assert_eq!(DeviceSettings::of(&Config::load(&path).unwrap()), s);
        // No scanner: the key goes.
        let c = save_devices(
            &path,
            &DeviceSettings {
                scanner_port: String::new(),
                ..s
            },
        )
        .unwrap();
        assert_eq!(c.scanner.port, None);
    }
}
