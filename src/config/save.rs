//! The settings screen's changes written back into `config.toml`, keeping every other line and
//! comment the owner wrote.

#[cfg(test)]
use super::TEMPLATE;
use super::{Config, ConfigError};
use std::path::Path;

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
    super::setup::edit(path, |doc| {
        if !s.language.trim().is_empty() {
            doc["shop"].or_insert(toml_edit::table())["language"] =
                toml_edit::value(s.language.trim());
        }
        let printer = doc["printer"].or_insert(toml_edit::table());
        printer["port"] = toml_edit::value(s.printer_port.trim());
        printer["profile"] = toml_edit::value(s.printer_profile.trim());
        match s.printer_baud {
            Some(b) => printer["baud"] = toml_edit::value(i64::from(b)),
            None => {
                if let Some(t) = printer.as_table_like_mut() {
                    t.remove("baud");
                }
            }
        }
        let scanner = doc["scanner"].or_insert(toml_edit::table());
        if s.scanner_port.trim().is_empty() {
            if let Some(t) = scanner.as_table_like_mut() {
                t.remove("port");
            }
        } else {
            scanner["port"] = toml_edit::value(s.scanner_port.trim());
        }
        scanner["profile"] = toml_edit::value(s.scanner_profile.trim());
        // Only written once plug-in mode has been touched, so other shops' files stay as
        // they were.
        if s.plug_enabled || doc.get("passthrough").is_some() {
            let plug = doc["passthrough"].or_insert(toml_edit::table());
            plug["enabled"] = toml_edit::value(s.plug_enabled);
            if s.plug_pos.trim().is_empty() {
                if let Some(t) = plug.as_table_like_mut() {
                    t.remove("pos");
                }
            } else {
                plug["pos"] = toml_edit::value(s.plug_pos.trim());
            }
            plug["pos_profile"] = toml_edit::value(s.plug_profile.trim());
        }
    })
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
