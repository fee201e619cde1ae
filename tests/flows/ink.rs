//! One-bit pictures of printed ink and their comparison with `hb-view` (HarfBuzz, Debian's
//! `libharfbuzz-bin`) drawing the same text.

use crate::escpos_reader::{CELL_H, CELL_W, Cell};
use std::path::Path;

/// A user-defined character's picture as ink.
pub fn picture_ink(columns: &[u8]) -> Ink {
    crop(CELL_W, CELL_H, |x, y| {
        columns[x * 3 + y / 8] & (0x80 >> (y % 8)) != 0
    })
}

/// A line of pictures as the printer draws it: its rows one under the other, each picture
/// where it was placed (the printer's own characters left out).
pub fn grid_ink(rows: &[Vec<Cell>]) -> Ink {
    let w = rows
        .iter()
        .flatten()
        .map(|c| c.0 + CELL_W)
        .max()
        .unwrap_or(0);
    let h = rows.len() * CELL_H;
    crop(w, h, |x, y| {
        let (row, dy) = (y / CELL_H, y % CELL_H);
        rows[row].iter().any(|(at, picture)| {
            x >= *at
                && x < at + CELL_W
                && picture
                    .as_ref()
                    .is_some_and(|t| t[(x - at) * 3 + dy / 8] & (0x80 >> (dy % 8)) != 0)
        })
    })
}

/// A 1-bit picture cropped to its ink.
#[derive(Debug)]
pub struct Ink {
    pub w: usize,
    pub h: usize,
    pub px: Vec<bool>,
}

pub fn crop(w: usize, h: usize, get: impl Fn(usize, usize) -> bool) -> Ink {
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for y in 0..h {
        for x in 0..w {
            if get(x, y) {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
    }
    assert!(x1 >= x0 && y1 >= y0, "no ink");
    let (cw, ch) = (x1 - x0 + 1, y1 - y0 + 1);
    let px = (0..ch)
        .flat_map(|y| (0..cw).map(move |x| (x, y)))
        .map(|(x, y)| get(x0 + x, y0 + y))
        .collect();
    Ink { w: cw, h: ch, px }
}

/// The share of ink, in either picture, with no ink of the other within one dot (both cropped
/// to their ink, top-left corners together): edges drawn a dot apart (antialiasing thresholded
/// differently) count as the same, a missing conjunct or a vowel sign out of place does not.
pub fn difference(a: &Ink, b: &Ink) -> f64 {
    let get = |i: &Ink, x: i64, y: i64| {
        x >= 0
            && y >= 0
            && (x as usize) < i.w
            && (y as usize) < i.h
            && i.px[y as usize * i.w + x as usize]
    };
    let unmatched = |i: &Ink, other: &Ink| {
        let mut n = 0;
        for y in 0..i.h as i64 {
            for x in 0..i.w as i64 {
                let near = (-1..=1).any(|dy| (-1..=1).any(|dx| get(other, x + dx, y + dy)));
                if get(i, x, y) && !near {
                    n += 1;
                }
            }
        }
        n
    };
    let ink = |i: &Ink| i.px.iter().filter(|p| **p).count();
    (unmatched(a, b) + unmatched(b, a)) as f64 / (ink(a) + ink(b)) as f64
}

/// A picture's ink (darker than mid-grey), cropped.
pub fn image_ink(img: &image::GrayImage) -> Ink {
    crop(img.width() as usize, img.height() as usize, |x, y| {
        img.get_pixel(x as u32, y as u32).0[0] < 128
    })
}

/// `hb-view`'s drawing of `text` in `font` at `px`, thresholded to 1 bit and cropped.
pub fn hb_view_in(font: &str, text: &str, px: f32, shaper: Option<&str>, out: &Path) -> Ink {
    hb_run(font, text, px, shaper, out);
    image_ink(&image::open(out).unwrap().to_luma8())
}

fn hb_run(font: &str, text: &str, px: f32, shaper: Option<&str>, out: &Path) {
    let mut cmd = std::process::Command::new("hb-view");
    cmd.args([
        "--font-size",
        &px.to_string(),
        "--margin=0",
        "-O",
        "png",
        "-o",
    ])
    .arg(out)
    .args(["--foreground=000000", "--background=FFFFFF"]);
    if let Some(s) = shaper {
        cmd.arg(format!("--shapers={s}"));
    }
    let status = cmd.arg(font).arg(text).status().expect("hb-view runs");
    assert!(status.success());
}
