//! Device profiles: TOML files in `hardware/`. A new model is a new profile, not new code.

use super::codepage::CodePage;
use serde::Deserialize;
use std::path::PathBuf;

/// How a printer is told to switch code page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Select {
    /// Epson and most ESC/POS printers: `ESC t n`.
    #[default]
    EscT,
    /// Star Line Mode: `ESC GS t n`.
    Star,
}

/// Serial flow control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FlowControl {
    #[default]
    None,
    /// RTS/CTS hardware handshake.
    RtsCts,
    /// XON/XOFF software handshake.
    XonXoff,
}

/// A receipt printer model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrinterProfile {
    /// File stem, e.g. `generic-80mm` (filled in when loaded).
    #[serde(skip)]
    pub id: String,
    pub name: String,
    /// Characters per line in the normal font (32, 42 or 48).
    pub columns: usize,
    /// Printable dots per line (384 for 58 mm, 512 or 576 for 80 mm at 203 dpi).
    pub dots: usize,
    /// Whether the printer draws QR codes itself (`GS ( k`); otherwise they are sent as images.
    pub native_qr: bool,
    /// QR module size in dots.
    #[serde(default = "default_module")]
    pub qr_module: u8,
    /// The page in force after power-on or `ESC @` (the printer's default, set by its DIP or
    /// memory switches).
    pub code_page: CodePage,
    /// The pages the printer has, each with the number that selects it, in the order the
    /// encoder tries them (from the manufacturer's table; default: just `code_page`).
    #[serde(default)]
    pub code_pages: Vec<(CodePage, u8)>,
    /// The command that selects a page: `esc-t` (Epson `ESC t n`) or `star` (`ESC GS t n`).
    #[serde(default)]
    pub select: Select,
    /// Print all text as images drawn with the bundled fonts, never with the printer's own
    /// character tables (for printers whose tables are wrong or unknown).
    #[serde(default)]
    pub raster_text: bool,
    /// How many user-defined characters (`ESC &`) it holds at once (0: none; at most 94
    /// are used). Lines its code pages cannot carry (₱, ₹, Telugu) are then sent as text with
    /// pictures defined once per receipt instead of as images.
    #[serde(default)]
    pub user_chars: usize,
    /// Whether it keeps pictures in its own memory (`GS ( L`, NV graphics): the shop's logo
    /// is then stored once and printed from there.
    #[serde(default)]
    pub nv_graphics: bool,
    /// A user-defined character's width and height in dots (Epson's font A: 12 × 24).
    #[serde(default = "default_user_char_size")]
    pub user_char_size: (usize, usize),
    #[serde(default = "default_baud")]
    pub baud: u32,
    #[serde(default)]
    pub flow_control: FlowControl,
    /// Receive buffer in bytes (the virtual printer models it).
    #[serde(default = "default_buffer")]
    pub buffer_bytes: usize,
    /// Lines to feed before cutting so the last line clears the cutter.
    #[serde(default = "default_cut_feed")]
    pub cut_feed: u8,
}

fn default_module() -> u8 {
    6
}
fn default_user_char_size() -> (usize, usize) {
    (12, 24)
}
fn default_baud() -> u32 {
    9600
}
fn default_buffer() -> usize {
    4096
}
fn default_cut_feed() -> u8 {
    4
}

/// How a scanner frames each code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Suffix {
    Cr,
    Lf,
    CrLf,
    Tab,
    /// No suffix: a pause of `gap_ms` ends the code.
    None,
}

impl Suffix {
    /// The bytes that end a frame.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Suffix::Cr => b"\r",
            Suffix::Lf => b"\n",
            Suffix::CrLf => b"\r\n",
            Suffix::Tab => b"\t",
            Suffix::None => b"",
        }
    }
}

/// A barcode scanner model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScannerProfile {
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub suffix: Suffix,
    /// Characters the scanner sends before each code, stripped and kept.
    #[serde(default)]
    pub prefix: String,
    /// Whether each code starts with an AIM symbology identifier (`]E0`, `]Q1`, …).
    #[serde(default)]
    pub aim: bool,
    #[serde(default = "default_baud")]
    pub baud: u32,
    /// A pause this long ends a frame when there is no suffix (and discards a half frame).
    #[serde(default = "default_gap")]
    pub gap_ms: u64,
    /// The same code again within this window is a repeat and is dropped.
    #[serde(default = "default_repeat")]
    pub repeat_ms: u64,
}

fn default_gap() -> u64 {
    60
}
fn default_repeat() -> u64 {
    800
}

/// Why a profile could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "there is no {kind} profile '{id}'; the profiles are: {available} (a shop's own go in {dir})"
    )]
    Unknown {
        kind: &'static str,
        id: String,
        dir: PathBuf,
        available: String,
    },
    #[error("{path} is not a valid profile: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The profiles shipped with Regulars (`hardware/` of the source), inside the binary: an
/// installed program never looks for them in the folder it was built in.
#[derive(rust_embed::Embed)]
#[folder = "hardware/"]
struct Shipped;

/// The shop's own profiles' folder, when the command line or the window has said which.
static OWN: std::sync::RwLock<Option<PathBuf>> = std::sync::RwLock::new(None);

/// Profiles in `folder` (its `printers/`, `scanners/`, `pos/`, `displays/`) take precedence over the shipped
/// ones of the same name: a model of the shop's own is a file, not a new build. Set from the
/// data folder's `hardware/` at start.
pub fn use_own_profiles(folder: PathBuf) {
    *OWN.write().unwrap_or_else(|e| e.into_inner()) = Some(folder);
}

/// The folder of the shop's own profiles: the data folder's `hardware/`, once
/// [`use_own_profiles`] has named it.
pub fn own_dir() -> Option<PathBuf> {
    OWN.read().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The text of profile `{kind_dir}/{id}.toml`: the shop's own first, else the shipped one.
pub(crate) fn profile_text(kind_dir: &str, id: &str) -> Option<(PathBuf, String)> {
    let name = format!("{kind_dir}/{id}.toml");
    if let Some(own) = own_dir()
        && let Ok(text) = std::fs::read_to_string(own.join(&name))
    {
        return Some((own.join(name), text));
    }
    let file = Shipped::get(&name)?;
    let text = String::from_utf8(file.data.into_owned()).ok()?;
    Some((PathBuf::from("hardware").join(name), text))
}

pub(crate) fn load<T: serde::de::DeserializeOwned>(
    kind_dir: &str,
    kind: &'static str,
    id: &str,
) -> Result<T, ProfileError> {
    let (path, text) = profile_text(kind_dir, id).ok_or_else(|| ProfileError::Unknown {
        kind,
        id: id.to_string(),
        dir: own_dir()
            .unwrap_or_else(|| PathBuf::from("hardware"))
            .join(kind_dir),
        available: list(kind_dir).join(", "),
    })?;
    toml::from_str(&text).map_err(|e| ProfileError::Invalid {
        path,
        message: e.to_string(),
    })
}

/// Profile ids of a kind (`printers`, `scanners` or `pos`): the shipped ones and the shop's
/// own, sorted, each once.
pub fn list(kind_dir: &str) -> Vec<String> {
    let prefix = format!("{kind_dir}/");
    let shipped = Shipped::iter().filter_map(|f| {
        let rest = f.strip_prefix(&prefix)?;
        Some(rest.strip_suffix(".toml")?.to_string())
    });
    let own: Vec<String> = own_dir()
        .map(|d| d.join(kind_dir))
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            if p.extension()? == "toml" {
                Some(p.file_stem()?.to_string_lossy().into_owned())
            } else {
                None
            }
        })
        .collect();
    let mut ids: Vec<String> = shipped.chain(own).collect();
    ids.sort();
    ids.dedup();
    ids
}

impl PrinterProfile {
    /// Loads `hardware/printers/{id}.toml`.
    pub fn load(id: &str) -> Result<PrinterProfile, ProfileError> {
        let mut p: PrinterProfile = load("printers", "printer", id)?;
        p.id = id.to_string();
        Ok(p)
    }

    /// The pages to try, the default first, each with its select number.
    pub fn pages(&self) -> Vec<(CodePage, u8)> {
        let default_number = self
            .code_pages
            .iter()
            .find(|(p, _)| *p == self.code_page)
            .map(|(_, n)| *n)
            .unwrap_or_else(|| match self.select {
                Select::EscT => self.code_page.epson_number(),
                Select::Star => self.code_page.star_number().unwrap_or(0),
            });
        let mut pages = vec![(self.code_page, default_number)];
        pages.extend(self.code_pages.iter().filter(|(p, _)| *p != self.code_page));
        pages
    }

    /// The bytes that select `page` on this printer (it must be one of [`Self::pages`]).
    pub fn select_bytes(&self, page: CodePage) -> Vec<u8> {
        let n = self
            .pages()
            .into_iter()
            .find(|(p, _)| *p == page)
            .map_or(0, |(_, n)| n);
        match self.select {
            Select::EscT => vec![super::escpos::ESC, b't', n],
            Select::Star => vec![super::escpos::ESC, super::escpos::GS, b't', n],
        }
    }

    /// The page a select number means on this printer.
    pub fn page_numbered(&self, n: u8) -> Option<CodePage> {
        self.pages()
            .into_iter()
            .find(|(_, m)| *m == n)
            .map(|(p, _)| p)
    }

    /// The user-defined characters' cell, when the printer has them.
    pub fn user_cell(&self) -> Option<super::cells::Cell> {
        let (w, h) = self.user_char_size;
        (self.user_chars > 0 && w > 0 && h > 0 && w <= 255 && h <= 255 && h % 8 == 0)
            .then_some(super::cells::Cell { w, h })
    }

    /// Dots per character cell in the normal font.
    pub fn cell_width(&self) -> usize {
        (self.dots / self.columns.max(1)).max(8)
    }
}

impl ScannerProfile {
    /// Loads `hardware/scanners/{id}.toml`.
    pub fn load(id: &str) -> Result<ScannerProfile, ProfileError> {
        let mut p: ScannerProfile = load("scanners", "scanner", id)?;
        p.id = id.to_string();
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_profiles_load() {
        let printers = list("printers");
        assert!(printers.len() >= 4, "{printers:?}");
        for id in printers {
            let p = PrinterProfile::load(&id).unwrap();
            assert!(matches!(p.columns, 32 | 42 | 48), "{id}");
            assert!(p.dots >= p.columns * 8, "{id}");
        }
        let scanners = list("scanners");
        assert!(scanners.len() >= 2, "{scanners:?}");
        for id in scanners {
            ScannerProfile::load(&id).unwrap();
        }
        assert!(matches!(
            PrinterProfile::load("nope"),
            Err(ProfileError::Unknown { .. })
        ));
    }
}
