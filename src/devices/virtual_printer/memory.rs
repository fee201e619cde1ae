//! The virtual printer's non-volatile memory: pictures a job kept in it (`GS ( L`) stay there
//! across jobs and restarts, as on a real printer, as `.memory/KEY.png` beside the receipts.

use crate::devices::raster::Bitmap;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

fn folder(out_dir: &Path) -> PathBuf {
    out_dir.join(".memory")
}

fn file_name(key: [u8; 2]) -> String {
    format!("{:02x}{:02x}.png", key[0], key[1])
}

/// The pictures kept by a virtual printer writing into `out_dir` (none when it never kept one).
pub(super) fn load(out_dir: &Path) -> HashMap<[u8; 2], Bitmap> {
    let mut kept = HashMap::new();
    let Ok(entries) = std::fs::read_dir(folder(out_dir)) else {
        return kept;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(hex) = name.strip_suffix(".png").filter(|h| h.len() == 4) else {
            continue;
        };
        let (Ok(k1), Ok(k2)) = (
            u8::from_str_radix(&hex[..2], 16),
            u8::from_str_radix(&hex[2..], 16),
        ) else {
            continue;
        };
        let Ok(img) = image::open(entry.path()) else {
            continue;
        };
        let img = img.to_luma8();
        let mut bmp = Bitmap::new(img.width() as usize, img.height() as usize);
        for (x, y, p) in img.enumerate_pixels() {
            if p.0[0] < 128 {
                bmp.set(x as usize, y as usize);
            }
        }
        kept.insert([k1, k2], bmp);
    }
    kept
}

/// Writes every kept picture (each under a temporary name first, so none is ever half there).
pub(super) fn save(out_dir: &Path, kept: &HashMap<[u8; 2], Bitmap>) -> io::Result<()> {
    let dir = folder(out_dir);
    std::fs::create_dir_all(&dir)?;
    for (key, bmp) in kept {
        let img = image::GrayImage::from_fn(bmp.width as u32, bmp.height as u32, |x, y| {
            image::Luma([if bmp.get(x as usize, y as usize) {
                0
            } else {
                255
            }])
        });
        let path = dir.join(file_name(*key));
        let partial = path.with_extension("png.part");
        img.save_with_format(&partial, image::ImageFormat::Png)
            .map_err(|e| io::Error::other(format!("cannot keep {}: {e}", path.display())))?;
        std::fs::rename(&partial, &path)?;
    }
    Ok(())
}
