//! Text Regulars draws itself, for what no code page of a printer covers (Telugu, ₹, ₱, a name
//! in any script): shaped with harfrust, so conjuncts form and vowel signs sit where they
//! belong, then filled from the bundled fonts' outlines with vello_cpu into a 1-bit line.
//!
//! The fonts are Noto Sans and Noto Sans Telugu (SIL Open Font License, `assets/fonts/`). Each
//! character is drawn by the first font that has it, marks and spaces staying with the font of
//! the letters around them; a character no bundled font has is drawn as the font's "missing
//! glyph" box, and reported, never as garbage.

use super::raster::Bitmap;
use skrifa::MetadataProvider as _;
use std::sync::OnceLock;
use vello_cpu::kurbo::{Affine, BezPath};

/// Noto Sans: Latin, Cyrillic, Greek and the currency signs (₹, ₱, €…).
pub static NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Telugu.
pub static NOTO_SANS_TELUGU: &[u8] =
    include_bytes!("../../assets/fonts/NotoSansTelugu-Regular.ttf");

/// One bundled font, parsed once.
struct Face {
    font: skrifa::FontRef<'static>,
    shaper: harfrust::ShaperData,
    units_per_em: f32,
    /// Ascender and descender in font units (the descender negative).
    ascent: f32,
    descent: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        let font = skrifa::FontRef::new(data).expect("a bundled font parses");
        let metrics = font.metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        Face {
            shaper: harfrust::ShaperData::new(&font),
            units_per_em: f32::from(metrics.units_per_em),
            ascent: metrics.ascent,
            descent: metrics.descent,
            font,
        }
    }

    fn has(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some()
    }
}

fn faces() -> &'static [Face] {
    static FACES: OnceLock<Vec<Face>> = OnceLock::new();
    FACES.get_or_init(|| vec![Face::new(NOTO_SANS), Face::new(NOTO_SANS_TELUGU)])
}

/// Whether a character belongs with the letters before it (a mark, a joiner, a space or
/// punctuation), so it stays in their font when that font has it.
fn follows_neighbours(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory as _};
    matches!(c, '\u{200C}' | '\u{200D}')
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c.general_category(),
            GeneralCategory::NonspacingMark
                | GeneralCategory::SpacingMark
                | GeneralCategory::EnclosingMark
        )
}

/// Characters of `text` that no bundled font can draw.
pub fn missing(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_control() && !faces().iter().any(|f| f.has(*c)))
        .collect()
}

/// Splits text into runs of one font each: (face index, byte range).
fn font_runs(text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
    let faces = faces();
    let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let current = runs.last().map(|(f, _)| *f);
        let face = match current {
            Some(f) if faces[f].has(c) && (follows_neighbours(c) || f == first_face(c)) => f,
            _ => match faces.iter().position(|f| f.has(c)) {
                Some(f) => f,
                None => current.unwrap_or(0),
            },
        };
        match runs.last_mut() {
            Some((f, range)) if *f == face => range.end = end,
            _ => runs.push((face, i..end)),
        }
    }
    runs
}

fn first_face(c: char) -> usize {
    faces().iter().position(|f| f.has(c)).unwrap_or(0)
}

/// One glyph placed on a line, in pixels from the line's origin (baseline at y = 0, y up).
struct Placed {
    face: usize,
    glyph: skrifa::GlyphId,
    x: f32,
    y: f32,
}

/// A shaped line: glyphs and the pen's advance, at `px` pixels per em. Shape once, then ask
/// its width and draw it.
pub struct Shaped {
    glyphs: Vec<Placed>,
    width: f32,
    ascent: f32,
    descent: f32,
    px: f32,
}

impl Shaped {
    /// The pen's advance over the line, in dots.
    pub fn width(&self) -> f32 {
        self.width
    }
}

/// Shapes one line at `px` pixels per em, each run in its font.
pub fn shape(text: &str, px: f32) -> Shaped {
    let faces = faces();
    let mut out = Shaped {
        glyphs: Vec::new(),
        width: 0.0,
        ascent: 0.0,
        descent: 0.0,
        px,
    };
    for (f, range) in font_runs(text) {
        let face = &faces[f];
        let scale = px / face.units_per_em;
        out.ascent = out.ascent.max(face.ascent * scale);
        out.descent = out.descent.min(face.descent * scale);
        let shaper = face.shaper.shaper(&face.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(&text[range]);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            out.glyphs.push(Placed {
                face: f,
                glyph: skrifa::GlyphId::new(info.glyph_id),
                x: out.width + pos.x_offset as f32 * scale,
                y: pos.y_offset as f32 * scale,
            });
            out.width += pos.x_advance as f32 * scale;
        }
    }
    out
}

/// How wide `text` is at `px` pixels per em.
pub fn width(text: &str, px: f32) -> f32 {
    shape(text, px).width
}

/// Pen drawing glyph outlines into one path, flipped to y down and moved to the glyph's place.
struct Pen<'a> {
    path: &'a mut BezPath,
    dx: f64,
    dy: f64,
}

impl Pen<'_> {
    fn p(&self, x: f32, y: f32) -> (f64, f64) {
        (f64::from(x) + self.dx, self.dy - f64::from(y))
    }
}

impl skrifa::outline::OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.p(x, y);
        self.path.move_to(p);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.p(x, y);
        self.path.line_to(p);
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        let (c, p) = (self.p(cx, cy), self.p(x, y));
        self.path.quad_to(c, p);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let (c0, c1, p) = (self.p(cx0, cy0), self.p(cx1, cy1), self.p(x, y));
        self.path.curve_to(c0, c1, p);
    }
    fn close(&mut self) {
        self.path.close_path();
    }
}

/// A line of text drawn for a printer.
#[derive(Debug, Clone)]
pub struct TextImage {
    pub bitmap: Bitmap,
    /// Where the baseline is, in rows from the top.
    pub baseline: usize,
}

/// Draws one line at `px` pixels per em, `width` dots wide, the text starting at dot `x0`;
/// `bold` thickens strokes by one dot. The height is the fonts' ascent plus descent.
pub fn draw(text: &str, px: f32, x0: f32, width: usize, bold: bool) -> TextImage {
    shape(text, px).draw(x0, width, bold)
}

impl Shaped {
    /// Draws the line `width` dots wide, starting at dot `x0` (see [`draw`]).
    pub fn draw(&self, x0: f32, width: usize, bold: bool) -> TextImage {
        draw_shaped(self, x0, width, bold, self.extent())
    }

    /// Draws the line on the baseline of `with` too, so two texts drawn apart (a pair's left
    /// and right side) sit on one line of one height.
    pub fn draw_beside(&self, with: &Shaped, x0: f32, width: usize, bold: bool) -> TextImage {
        let (a, d) = (self.extent(), with.extent());
        draw_shaped(self, x0, width, bold, (a.0.max(d.0), a.1.min(d.1)))
    }

    fn extent(&self) -> (f32, f32) {
        (self.ascent, self.descent)
    }
}

fn draw_shaped(
    shaped: &Shaped,
    x0: f32,
    width: usize,
    bold: bool,
    (ascent, descent): (f32, f32),
) -> TextImage {
    let px = shaped.px;
    let height = (ascent - descent).ceil().max(1.0) as usize;
    let baseline = ascent.round() as usize;
    let mut bitmap = Bitmap::new(width, height);
    let mut path = BezPath::new();
    let faces = faces();
    for g in &shaped.glyphs {
        let face = &faces[g.face];
        let Some(outline) = face.font.outline_glyphs().get(g.glyph) else {
            continue;
        };
        let mut pen = Pen {
            path: &mut path,
            dx: f64::from(x0 + g.x),
            dy: baseline as f64 - f64::from(g.y),
        };
        let settings = skrifa::outline::DrawSettings::unhinted(
            skrifa::instance::Size::new(px),
            skrifa::instance::LocationRef::default(),
        );
        let _ = outline.draw(settings, &mut pen);
    }
    if path.is_empty() || width == 0 {
        return TextImage { bitmap, baseline };
    }
    let (w, h) = (
        width.min(u16::MAX as usize) as u16,
        height.min(u16::MAX as usize) as u16,
    );
    let mut ctx = vello_cpu::RenderContext::new(w, h);
    ctx.set_transform(Affine::IDENTITY);
    ctx.set_paint(vello_cpu::color::OpaqueColor::<vello_cpu::color::Srgb>::BLACK);
    ctx.fill_path(&path);
    let mut pixmap = vello_cpu::Pixmap::new(w, h);
    let mut resources = vello_cpu::Resources::new();
    ctx.render(&mut pixmap, &mut resources);
    let data = pixmap.data_as_u8_slice();
    for y in 0..usize::from(h) {
        for x in 0..usize::from(w) {
            // Premultiplied RGBA: alpha is the coverage; half covered or more prints.
            if data[(y * usize::from(w) + x) * 4 + 3] >= 128 {
                bitmap.set(x, y);
                if bold && x + 1 < width {
                    bitmap.set(x + 1, y);
                }
            }
        }
    }
    TextImage { bitmap, baseline }
}

/// Breaks text into lines no wider than `max` dots at `px`, at spaces; a word wider than a line
/// is broken between characters (grapheme clusters stay whole).
pub fn wrap(text: &str, px: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate, px) <= max {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if width(word, px) <= max {
            current = word.to_string();
            continue;
        }
        use unicode_segmentation::UnicodeSegmentation as _;
        for g in word.graphemes(true) {
            let next = format!("{current}{g}");
            if width(&next, px) > max && !current.is_empty() {
                lines.push(std::mem::replace(&mut current, g.to_string()));
            } else {
                current = next;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ink(b: &Bitmap) -> usize {
        (0..b.height)
            .flat_map(|y| (0..b.width).map(move |x| (x, y)))
            .filter(|(x, y)| b.get(*x, *y))
            .count()
    }

    #[test]
    fn every_shipped_script_has_a_font() {
        for text in ["Kafejnīca Ķiploks", "Ђорђе Петровић", "శ్రీనివాస్", "₹ ₱ € дин."]
        {
            assert!(missing(text).is_empty(), "{text}: {:?}", missing(text));
        }
        assert_eq!(missing("日本"), ['日', '本']);
    }

    #[test]
    fn telugu_is_drawn_by_the_telugu_font_with_its_marks() {
        let runs = font_runs("ధన్యవాదాలు, శ్రీనివాస్!");
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(runs[0].0, 1);
        let mixed = font_runs("Total ₹1,250");
        assert!(mixed.iter().all(|(f, _)| *f == 0), "{mixed:?}");
        // Shaping forms conjuncts: fewer glyphs than characters.
        let s = shape("శ్రీ", 24.0);
        assert!(s.glyphs.len() < "శ్రీ".chars().count(), "{}", s.glyphs.len());
    }

    #[test]
    fn drawing_puts_ink_inside_the_line() {
        let img = draw("Ђорђе", 20.0, 0.0, 200, false);
        assert!(img.bitmap.height >= 20 && img.bitmap.height <= 32);
        let plain = ink(&img.bitmap);
        assert!(plain > 100, "{plain}");
        let bold = ink(&draw("Ђорђе", 20.0, 0.0, 200, true).bitmap);
        assert!(bold > plain);
        assert_eq!(ink(&draw("   ", 20.0, 0.0, 200, false).bitmap), 0);
    }

    #[test]
    fn wrapping_by_measured_width() {
        let lines = wrap("ధన్యవాదాలు మళ్ళీ రండి ధన్యవాదాలు", 20.0, 150.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(width(l, 20.0) <= 150.0, "{l}");
        }
        let long = wrap("Kafejnīcaaaaaaaaaaaaaaaaaaaaa", 20.0, 100.0);
        assert!(
            long.len() >= 2 && long.iter().all(|l| width(l, 20.0) <= 100.0),
            "{long:?}"
        );
    }
}
