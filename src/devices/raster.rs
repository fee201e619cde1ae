//! 1-bit images for printers: QR codes for printers without native QR (`GS v 0`), and the
//! shop logo from `assets/`, dithered.

use super::escpos::QrEcc;

/// A 1-bit image, rows packed MSB first, 1 = black (the `GS v 0` layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitmap {
    pub width: usize,
    pub height: usize,
    pub rows: Vec<u8>,
}

impl Bitmap {
    /// A white bitmap.
    pub fn new(width: usize, height: usize) -> Bitmap {
        Bitmap {
            width,
            height,
            rows: vec![0; width.div_ceil(8) * height],
        }
    }

    pub fn set(&mut self, x: usize, y: usize) {
        let i = y * self.width.div_ceil(8) + x / 8;
        self.rows[i] |= 0x80 >> (x % 8);
    }

    pub fn get(&self, x: usize, y: usize) -> bool {
        let i = y * self.width.div_ceil(8) + x / 8;
        self.rows[i] & (0x80 >> (x % 8)) != 0
    }
}

/// Quiet zone of a QR sent as an image: one module, as python-escpos does. The paper around
/// the symbol is blank (the layout puts an empty line above and below it), and every extra
/// module of border costs bytes on a slow serial line.
pub const RASTER_QUIET: usize = 1;
/// Quiet zone the QR specification asks for, used where a printer draws the symbol itself.
pub const SPEC_QUIET: usize = 4;

/// A QR code as a bitmap: `module` dots per module, with `quiet` modules of white border.
pub fn qr_bitmap(data: &str, module: usize, ecc: QrEcc, quiet: usize) -> Option<Bitmap> {
    let code =
        qrcode::QrCode::with_error_correction_level(data.as_bytes(), ecc.to_qrcode()).ok()?;
    let n = code.width();
    let colors = code.to_colors();
    let side = (n + 2 * quiet) * module;
    let mut bmp = Bitmap::new(side, side);
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (mx, my) = (i % n + quiet, i / n + quiet);
            for dy in 0..module {
                for dx in 0..module {
                    bmp.set(mx * module + dx, my * module + dy);
                }
            }
        }
    }
    Some(bmp)
}

/// Converts a picture to 1 bit with Floyd–Steinberg dithering, scaled to at most `max_width`.
pub fn dither(img: &image::DynamicImage, max_width: usize) -> Bitmap {
    let img = if img.width() as usize > max_width {
        img.resize(
            max_width as u32,
            u32::MAX,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img.clone()
    };
    let gray = img.to_luma8();
    let (w, h) = (gray.width() as usize, gray.height() as usize);
    let mut levels: Vec<f32> = gray.pixels().map(|p| f32::from(p.0[0])).collect();
    let mut bmp = Bitmap::new(w, h);
    for y in 0..h {
        for x in 0..w {
            let old = levels[y * w + x];
            let new = if old < 128.0 { 0.0 } else { 255.0 };
            if new == 0.0 {
                bmp.set(x, y);
            }
            let err = old - new;
            let mut spread = |dx: isize, dy: usize, f: f32| {
                let nx = x as isize + dx;
                if nx >= 0 && (nx as usize) < w && y + dy < h {
                    levels[(y + dy) * w + nx as usize] += err * f;
                }
            };
            spread(1, 0, 7.0 / 16.0);
            spread(-1, 1, 3.0 / 16.0);
            spread(0, 1, 5.0 / 16.0);
            spread(1, 1, 1.0 / 16.0);
        }
    }
    bmp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_bitmap_has_quiet_zone_and_finder() {
        let b = qr_bitmap("HTTP://X/R/ABC", 2, QrEcc::M, SPEC_QUIET).unwrap();
        assert_eq!(b.width, b.height);
        assert!(!b.get(0, 0), "quiet zone is white");
        assert!(b.get(8, 8), "finder pattern corner is black");
    }

    #[test]
    fn dither_keeps_black_and_white() {
        let mut img = image::GrayImage::new(4, 1);
        img.put_pixel(0, 0, image::Luma([0]));
        img.put_pixel(3, 0, image::Luma([255]));
        let b = dither(&image::DynamicImage::ImageLuma8(img), 100);
        assert!(b.get(0, 0) && !b.get(3, 0));
    }
}
