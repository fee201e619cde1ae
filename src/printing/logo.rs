//! The shop's logo on receipts: loaded and dithered for the printer, and, on a printer that
//! keeps pictures in its memory (`GS ( L`), stored there once and printed from there.
//!
//! Which logo a printer keeps is remembered in the data folder (`printer-memory.json`, by
//! port and profile): the memory of a printer wears with writing, so it is written only when
//! the logo is new to that printer, and again with each test page (the way to refresh it after
//! a printer is replaced).

use crate::devices::raster::{Bitmap, dither};
use crate::devices::receipt::LogoMemory;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The logo shipped in `assets/`, inside the binary: the test page prints it when the shop has
/// none of its own.
const SHIPPED_LOGO: &[u8] = include_bytes!("../../assets/logo.png");

/// The shipped logo, dithered for a printer `dots` wide.
pub fn shipped_logo(dots: usize) -> Bitmap {
    let img = image::load_from_memory(SHIPPED_LOGO).expect("the shipped logo is a PNG");
    dither(&img, dots * 2 / 3)
}

/// Reads a picture and dithers it for a printer `dots` wide (at most two thirds of the paper).
pub fn load_logo(path: &std::path::Path, dots: usize) -> Result<Bitmap, String> {
    let img =
        image::open(path).map_err(|e| format!("cannot read the logo {}: {e}", path.display()))?;
    Ok(dither(&img, dots * 2 / 3))
}

/// A short fingerprint of a dithered logo.
fn fingerprint(logo: &Bitmap) -> String {
    let mut h = Sha256::new();
    h.update((logo.width as u64).to_le_bytes());
    h.update((logo.height as u64).to_le_bytes());
    h.update(&logo.rows);
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read(file: &Path) -> BTreeMap<String, String> {
    std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// How a receipt should carry `logo` to the printer `printer` (its port and profile) that can
/// keep pictures: stored with a test page or when the printer is not known to keep this logo,
/// else printed from its memory.
pub fn memory_for(file: &Path, printer: &str, logo: &Bitmap, test: bool) -> LogoMemory {
    if !test && read(file).get(printer) == Some(&fingerprint(logo)) {
        LogoMemory::Stored
    } else {
        LogoMemory::Store
    }
}

/// Remembers that `printer` now keeps `logo` (after a job that stored it was printed).
pub fn remember(file: &Path, printer: &str, logo: &Bitmap) -> std::io::Result<()> {
    let mut kept = read(file);
    kept.insert(printer.to_string(), fingerprint(logo));
    let text = serde_json::to_vec_pretty(&kept).map_err(std::io::Error::other)?;
    let partial = file.with_extension("json.part");
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, file)
}
