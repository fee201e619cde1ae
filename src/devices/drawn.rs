//! Lines drawn as pictures with the bundled fonts, for printers that take them as images
//! (`GS v 0`): a line, a pair of left and right texts, and the shop's header the printer keeps.

use super::lines::text_px;
use super::profile::PrinterProfile;
use super::raster::Bitmap;
use super::shaped;

/// Says once per line which characters no bundled font has (they print as boxes).
pub(super) fn warn_missing(text: &str) {
    let missing = shaped::missing(text);
    if !missing.is_empty() {
        let list: String = missing
            .iter()
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!("warning: no bundled font can draw {list}; printed as a box");
    }
}

/// A shop's header as one picture `dots` wide: the logo (if any) above the name drawn large
/// and bold as a receipt's name line is, each centred — what a printer that keeps pictures
/// keeps (`GS ( L`) and prints for a dozen bytes.
pub fn header_picture(logo: Option<&Bitmap>, name: &str, profile: &PrinterProfile) -> Bitmap {
    let px = text_px(profile, true);
    let mut parts: Vec<Bitmap> = Vec::new();
    parts.extend(logo.cloned());
    for line in shaped::wrap(name, px, profile.dots as f32) {
        parts.push(drawn_line(&line, px, true, None, profile.dots));
    }
    let width = profile.dots.div_ceil(8) * 8;
    let centred: Vec<Bitmap> = parts
        .iter()
        .map(|p| {
            let mut wide = Bitmap::new(width, p.height);
            let left = width.saturating_sub(p.width) / 2;
            for y in 0..p.height {
                for x in 0..p.width.min(width) {
                    if p.get(x, y) {
                        wide.set(left + x, y);
                    }
                }
            }
            wide
        })
        .collect();
    stack(&centred, width)
}

/// One line drawn as an image as wide as its ink (whole bytes), at most `dots`; the printer's
/// alignment places it. With `right`, the line is `dots` wide and `right` ends at its edge.
pub(super) fn drawn_line(
    text: &str,
    px: f32,
    bold: bool,
    right: Option<&str>,
    dots: usize,
) -> Bitmap {
    warn_missing(text);
    let left = shaped::shape(text, px);
    let width = match right {
        Some(_) => dots,
        None => {
            let w = left.width().ceil() as usize + usize::from(bold) + 1;
            (w.div_ceil(8) * 8).min(dots)
        }
    };
    let img = match right {
        None => left.draw(0.0, width, bold).bitmap,
        Some(r) => {
            warn_missing(r);
            let r = shaped::shape(r, px);
            let rw = r.width() + f32::from(u8::from(bold)) + 1.0;
            let mut img = left.draw_beside(&r, 0.0, width, bold).bitmap;
            let x = (width as f32 - rw).max(0.0);
            overlay(&mut img, &r.draw_beside(&left, x, width, bold).bitmap);
            img
        }
    };
    trim_rows(img, (px / 6.0).ceil() as usize)
}

/// Drops blank rows above and below the ink but `pad`: the fonts' line height leaves room for
/// marks the line may not have, which would be paper fed (and bytes sent) for nothing.
fn trim_rows(img: Bitmap, pad: usize) -> Bitmap {
    let bpr = img.width.div_ceil(8);
    let inked = |y: usize| img.rows[y * bpr..(y + 1) * bpr].iter().any(|b| *b != 0);
    let Some(first) = (0..img.height).find(|y| inked(*y)) else {
        return img;
    };
    let last = (0..img.height).rev().find(|y| inked(*y)).unwrap_or(first);
    let (top, bottom) = (first.saturating_sub(pad), (last + pad).min(img.height - 1));
    Bitmap {
        width: img.width,
        height: bottom - top + 1,
        rows: img.rows[top * bpr..(bottom + 1) * bpr].to_vec(),
    }
}

/// Left text and right text on one drawn line; a left side too long for the room beside the
/// right one wraps onto lines of its own above it.
pub(super) fn drawn_pair(
    left: &str,
    right: &str,
    bold: bool,
    large: bool,
    p: &PrinterProfile,
) -> Bitmap {
    let px = text_px(p, large);
    let gap = p.cell_width() as f32;
    let room = (p.dots as f32 - shaped::width(right, px) - gap).max(p.dots as f32 / 3.0);
    let mut lefts = shaped::wrap(left, px, room);
    let last = lefts.pop().unwrap_or_default();
    let mut parts: Vec<Bitmap> = lefts
        .iter()
        .map(|l| drawn_line(l, px, bold, None, p.dots))
        .collect();
    parts.push(drawn_line(&last, px, bold, Some(right), p.dots));
    stack(&parts, p.dots)
}

/// ORs `top` onto `base` (same width and height).
fn overlay(base: &mut Bitmap, top: &Bitmap) {
    for (b, t) in base.rows.iter_mut().zip(&top.rows) {
        *b |= *t;
    }
}

/// Images one above the other, left-aligned, `width` wide.
fn stack(parts: &[Bitmap], width: usize) -> Bitmap {
    if parts.len() == 1 && parts[0].width == width {
        return parts[0].clone();
    }
    let height = parts.iter().map(|b| b.height).sum();
    let mut out = Bitmap::new(width, height);
    let mut y0 = 0;
    for part in parts {
        for y in 0..part.height {
            for x in 0..part.width.min(width) {
                if part.get(x, y) {
                    out.set(x, y0 + y);
                }
            }
        }
        y0 += part.height;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raster_pairs_put_the_right_side_at_the_edge() {
        let p = PrinterProfile::load("generic-80mm").unwrap();
        let img = drawn_pair("మొత్తం", "₹1,23,456.00", false, false, &p);
        assert_eq!(img.width, p.dots);
        let last_ink = (0..img.width)
            .rev()
            .find(|x| (0..img.height).any(|y| img.get(*x, y)))
            .unwrap();
        assert!(last_ink > p.dots - 12, "{last_ink}");
        // A left side longer than the paper wraps above: two lines or more (each trimmed to
        // its ink, so not quite twice one line of a pair).
        let long = "ధన్యవాదాలు ".repeat(8);
        let tall = drawn_pair(&long, "10", false, false, &p);
        assert!(
            tall.height > img.height * 3 / 2,
            "{} {}",
            tall.height,
            img.height
        );
    }
}
