//! Secrets kept out of `config.toml`: a key can come from the environment or from a file of
//! its own (one only the shop's user can read), so the settings file can be shared or shown.
//!
//! For a key `K` in a section: the environment variable wins, then `K_file = "PATH"` (relative
//! to the folder of `config.toml`; the file's first line, trimmed), then `K = "…"` itself.

use super::ConfigError;
use std::path::Path;

/// Where a secret is looked for.
pub(super) struct Secret {
    /// `[section] key`, for messages.
    pub what: &'static str,
    pub env: &'static str,
    pub inline: Option<String>,
    pub file: Option<String>,
}

impl Secret {
    /// The secret, or `None` when it is set nowhere (or set empty).
    pub(super) fn resolve(self, config: &Path) -> Result<Option<String>, ConfigError> {
        let clean = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        if let Ok(v) = std::env::var(self.env)
            && let Some(v) = clean(v)
        {
            return Ok(Some(v));
        }
        if let Some(file) = self.file.filter(|f| !f.trim().is_empty()) {
            let base = config.parent().unwrap_or(Path::new("."));
            let path = base.join(file.trim());
            let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Secret {
                config: config.to_path_buf(),
                what: self.what,
                path: path.clone(),
                source,
            })?;
            let first = text.lines().next().unwrap_or_default().to_string();
            return match clean(first) {
                Some(v) => Ok(Some(v)),
                None => Err(ConfigError::Secret {
                    config: config.to_path_buf(),
                    what: self.what,
                    path,
                    source: std::io::Error::other("the file is empty"),
                }),
            };
        }
        Ok(self.inline.and_then(clean))
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn the_api_key_can_live_in_a_file_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(dir.path().join("api.key"), "s3cret-from-file\n").unwrap();
        let text = "[portal]\napi_key = \"inline\"\napi_key_file = \"api.key\"\n";
        let c = Config::parse(text, &config).unwrap();
        assert_eq!(c.portal.api_key.as_deref(), Some("s3cret-from-file"));
        // Inline still works on its own.
        let c = Config::parse("[portal]\napi_key = \" inline \"\n", &config).unwrap();
        assert_eq!(c.portal.api_key.as_deref(), Some("inline"));
        // A file that is not there is an error naming both files, not a silent "API off".
        let e = Config::parse("[portal]\napi_key_file = \"missing.key\"\n", &config)
            .unwrap_err()
            .to_string();
        assert!(e.contains("[portal] api_key_file"), "{e}");
        assert!(e.contains("missing.key"), "{e}");
        std::fs::write(dir.path().join("empty.key"), "\n").unwrap();
        let e = Config::parse("[portal]\napi_key_file = \"empty.key\"\n", &config)
            .unwrap_err()
            .to_string();
        assert!(e.contains("the file is empty"), "{e}");
    }
}
