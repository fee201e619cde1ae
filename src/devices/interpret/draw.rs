//! Drawing printed characters into a receipt's picture: the printer's 8×8 font, scaled to the
//! cell and the style, and the bundled fonts' outlines for letters it lacks.

use super::Style;
use font8x8::UnicodeFonts;

/// Draws one character into a character cell, scaled to the cell and the style: from the 8×8
/// printer font where it has the character, else with the bundled fonts (Latvian, Serbian
/// Cyrillic…), else as an empty box.
pub(super) fn draw_glyph(
    rows: &mut [Vec<u8>],
    x0: usize,
    c: char,
    s: &Style,
    cell: usize,
    height: usize,
) {
    let glyph = font8x8::BASIC_FONTS
        .get(c)
        .or_else(|| font8x8::LATIN_FONTS.get(c))
        .or_else(|| font8x8::GREEK_FONTS.get(c))
        .or_else(|| font8x8::MISC_FONTS.get(c))
        .or_else(|| font8x8::BOX_FONTS.get(c))
        .or_else(|| font8x8::BLOCK_FONTS.get(c))
        .or((c == '€').then_some(EURO));
    let glyph = match glyph {
        Some(g) => g,
        None if crate::devices::shaped::missing(&c.to_string()).is_empty() => {
            return draw_outline(rows, x0, c, s, cell, height);
        }
        None => UNKNOWN,
    };
    let sx = if s.wide { 2 } else { 1 };
    let sy = height / 12;
    let pad_x = (cell.saturating_sub(8) / 2) * sx;
    let pad_y = height.saturating_sub(8 * sy) / 2;
    for (gy, bits) in glyph.iter().enumerate() {
        for gx in 0..8 {
            if bits & (1 << gx) == 0 {
                continue;
            }
            for dy in 0..sy {
                for dx in 0..sx * if s.bold { 2 } else { 1 } {
                    let px = x0 + pad_x + gx * sx + dx;
                    let py = pad_y + gy * sy + dy;
                    if py < rows.len() && px < rows[py].len() {
                        rows[py][px] = 0;
                    }
                }
            }
        }
    }
}

/// Draws a character the 8×8 font lacks from the bundled fonts' outlines, centred in its cell.
fn draw_outline(rows: &mut [Vec<u8>], x0: usize, c: char, s: &Style, cell: usize, height: usize) {
    let width = if s.wide { cell * 2 } else { cell };
    // The bundled fonts' line (ascent to descent) is about 1.36 em: at 0.7 of the line's
    // height every letter, accents and descenders included, fits inside it; a letter wider
    // than its cell (ш, ж, ю) is drawn smaller rather than cut.
    let text = c.to_string();
    let mut px = height as f32 * 0.7;
    let advance = crate::devices::shaped::width(&text, px) + f32::from(u8::from(s.bold));
    if advance > width as f32 {
        px *= width as f32 / advance;
    }
    let img = crate::devices::shaped::draw(&text, px, 0.0, width, s.bold);
    let b = &img.bitmap;
    let top = height.saturating_sub(b.height) / 2;
    for y in 0..b.height.min(height) {
        for x in 0..b.width {
            if b.get(x, y) {
                let (px, py) = (x0 + x, top + y);
                if py < rows.len() && px < rows[py].len() {
                    rows[py][px] = 0;
                }
            }
        }
    }
}

/// A euro sign (font8x8 has none).
const EURO: [u8; 8] = [0x38, 0x44, 0x1F, 0x04, 0x1F, 0x44, 0x38, 0x00];
/// An empty box for characters without a glyph.
const UNKNOWN: [u8; 8] = [0x7E, 0x42, 0x42, 0x42, 0x42, 0x42, 0x7E, 0x00];

/// Characters a job defined (`ESC &`), by code.
#[derive(Debug, Default)]
pub(super) struct UserChars {
    by_code: std::collections::HashMap<u8, UserChar>,
}

/// One user-defined character: `width` columns of `per_column` bytes, top dot in the high bit.
#[derive(Debug, Clone)]
pub(super) struct UserChar {
    width: usize,
    per_column: usize,
    data: Vec<u8>,
}

/// User-defined characters ride in the line as private-use characters until it is printed.
const USER_BASE: u32 = 0xF0000;

pub(super) fn user_char(code: u8) -> char {
    char::from_u32(USER_BASE + u32::from(code)).expect("a private-use character")
}

pub(super) fn user_code(c: char) -> Option<u8> {
    u32::from(c)
        .checked_sub(USER_BASE)
        .and_then(|n| u8::try_from(n).ok())
}

impl UserChars {
    pub(super) fn get(&self, code: u8) -> Option<&UserChar> {
        self.by_code.get(&code)
    }

    pub(super) fn define(&mut self, code: u8, width: usize, per_column: usize, data: &[u8]) {
        self.by_code.insert(
            code,
            UserChar {
                width,
                per_column,
                data: data.to_vec(),
            },
        );
    }

    pub(super) fn cancel(&mut self, code: u8) {
        self.by_code.remove(&code);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    pub(super) fn clear(&mut self) {
        self.by_code.clear();
    }
}

impl UserChar {
    /// Draws the character at `x0` from the top of the line, doubled as the style says and
    /// thickened by a dot to the right when emphasised (as the printer's own letters are).
    pub(super) fn draw(&self, rows: &mut [Vec<u8>], x0: usize, s: &Style, height: usize) {
        let (sx, sy) = (if s.wide { 2 } else { 1 }, if s.tall { 2 } else { 1 });
        let drawn_height = self.per_column * 8 * sy;
        let top = height.saturating_sub(drawn_height);
        for x in 0..self.width {
            for y in 0..self.per_column * 8 {
                let byte = self
                    .data
                    .get(x * self.per_column + y / 8)
                    .copied()
                    .unwrap_or(0);
                if byte & (0x80 >> (y % 8)) == 0 {
                    continue;
                }
                for dy in 0..sy {
                    for dx in 0..sx + usize::from(s.bold) {
                        let (px, py) = (x0 + x * sx + dx, top + y * sy + dy);
                        if py < rows.len() && px < rows[py].len() {
                            rows[py][px] = 0;
                        }
                    }
                }
            }
        }
    }
}
