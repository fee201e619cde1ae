//! Text laid out for the printer's user-defined characters, for lines its code pages cannot
//! carry (₱, ₹, Telugu): each character the printer has stays one of its own, and every other
//! syllable is drawn with the bundled fonts into whole character cells, cut into cell-sized
//! pictures (a printer's user-defined characters). A syllable's ink starts at its first cell's
//! left edge and sits on the same baseline, so the same syllable is the same pictures wherever
//! it appears: a receipt defines each once. Each syllable is then printed where the font's pen
//! puts it (`ESC $`), so a line reads as the font sets it, not spread over the printer's grid.

use super::escpos::Align;
use super::shaped;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A user-defined character's size in dots (Epson's font A: 12 × 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub w: usize,
    pub h: usize,
}

impl Cell {
    /// Where the printer's own letters sit on their baseline, in dots from the cell's top (an
    /// 8×8 font drawn twice as tall in a 24-dot cell, or a 24-dot font: about four fifths).
    pub fn baseline(self) -> usize {
        self.h * 19 / 24
    }
}

/// A cell-sized picture: columns left to right, each `h / 8` bytes top to bottom, the top dot
/// in the high bit (the layout `ESC &` takes).
pub type Tile = Vec<u8>;

/// What is printed at a place on a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// One of the printer's own characters (baseline row only).
    Char(char),
    /// A drawn piece.
    Tile(Tile),
}

/// A cell printed at `x` dots from the line's start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Put {
    pub x: usize,
    pub slot: Slot,
}

/// A line laid out for the printer: one or more rows of cells, each row's cells in order of
/// their place; the row with the printer's own characters on it is `baseline_row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridLine {
    pub rows: Vec<Vec<Put>>,
    pub baseline_row: usize,
}

/// A syllable or character and what it takes on the line.
#[derive(Debug, Clone)]
enum Piece {
    Own(char),
    Drawn {
        /// Ink by grid row offset from the baseline row (negative: above), left-aligned in
        /// its cells.
        rows: Vec<(i32, Vec<Tile>)>,
        /// Where the ink starts from the pen, and how far the pen moves (dots, unscaled).
        lead: f32,
        advance: f32,
        /// The ink's width.
        ink: usize,
        /// A sign fitted into one cell, placed like the printer's own characters.
        fixed: bool,
    },
    /// A space as wide as the font says (a cell beside the printer's own characters).
    Space(f32),
}

impl Piece {
    /// How many cells it prints (a space none).
    fn cells(&self) -> usize {
        match self {
            Piece::Own(_) => 1,
            Piece::Drawn { rows, .. } => rows.first().map_or(0, |(_, t)| t.len()),
            Piece::Space(_) => 0,
        }
    }
}

/// The virama: a consonant with it joins the next one into one syllable (a conjunct).
fn joins_next(cluster: &str) -> bool {
    cluster.ends_with('\u{0C4D}') || cluster.ends_with('\u{094D}') || cluster.ends_with('\u{200D}')
}

/// Syllables: extended grapheme clusters, with a cluster ending in a virama joined to the next.
pub fn syllables(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, g) in text.grapheme_indices(true) {
        let s = *start.get_or_insert(i);
        if !joins_next(g) {
            out.push(&text[s..i + g.len()]);
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Whether a character is drawn into one cell like the printer's own letters: a sign (₱, ₹)
/// or a letter of an alphabet the printer's pages could have had (Latin, Greek, Cyrillic);
/// a letter of a script that is shaped keeps its natural width.
fn fits_one_cell(c: char) -> bool {
    u32::from(c) < 0x0900 || !c.is_alphabetic()
}

/// Whether a text has letters of a script that is shaped (Telugu…), not only signs and
/// letters drawn like the printer's own.
pub fn shaped_script(text: &str) -> bool {
    text.chars().any(|c| !fits_one_cell(c))
}

/// Draws one syllable into whole cells on the grid's baseline; a single character that is not
/// part of a complex script (₱, ₹) is fitted into one cell.
fn drawn(syllable: &str, px: f32, cell: Cell, fit_signs: bool) -> Piece {
    // A receipt meets the same syllables again and again (and is laid out twice): each is
    // shaped and drawn once per thread.
    type Key = (String, u32, usize, usize, bool);
    thread_local! {
        static DRAWN: std::cell::RefCell<std::collections::HashMap<Key, Piece>> =
            Default::default();
    }
    let key = (
        syllable.to_string(),
        px.to_bits(),
        cell.w,
        cell.h,
        fit_signs,
    );
    if let Some(p) = DRAWN.with(|d| d.borrow().get(&key).cloned()) {
        return p;
    }
    let piece = draw_syllable(syllable, px, cell, fit_signs);
    DRAWN.with(|d| {
        let mut d = d.borrow_mut();
        if d.len() > 4096 {
            d.clear();
        }
        d.insert(key, piece.clone());
    });
    piece
}

fn draw_syllable(syllable: &str, px: f32, cell: Cell, fit_signs: bool) -> Piece {
    let shaped = shaped::shape(syllable, px);
    let mut chars = syllable.chars();
    let one = match (chars.next(), chars.next()) {
        (Some(c), None) => fit_signs && fits_one_cell(c),
        _ => false,
    };
    let mut px = px;
    // Emphasis is the printer's (`ESC E` thickens pictures too): drawn regular, a bold
    // line's syllables are the same pictures as everywhere else.
    let advance = shaped.width() + 1.0;
    if one && advance > cell.w as f32 - 1.0 {
        px *= (cell.w as f32 - 1.0) / advance;
    }
    // Drawn wide enough for marks that reach beyond the pen's advance, then cut to the ink.
    let margin = cell.w;
    let wide = advance.ceil() as usize + 2 * margin + 2;
    let img = shaped::shape(syllable, px).draw(margin as f32, wide, false);
    let b = &img.bitmap;
    let inked: Vec<usize> = (0..b.width)
        .filter(|x| (0..b.height).any(|y| b.get(*x, y)))
        .collect();
    let (Some(&x0), Some(&x1)) = (inked.first(), inked.last()) else {
        return Piece::Space(shaped.width());
    };
    let ink_w = x1 - x0 + 1;
    let cells = if one { 1 } else { ink_w.div_ceil(cell.w) };
    // A sign is centred in its cell; a syllable's ink starts at its first cell's left edge
    // (the line places it where the font's pen puts it).
    let left = if one {
        x0 as isize - (cell.w as isize - ink_w as isize) / 2
    } else {
        x0 as isize
    };
    // Grid rows by their offset from the baseline row: dot y of the drawing is dot
    // y - baseline + cell.baseline() of the baseline row.
    let shift = cell.baseline() as isize - img.baseline as isize;
    let row_of = |y: usize| (y as isize + shift).div_euclid(cell.h as isize) as i32;
    let ink_rows: Vec<usize> = (0..b.height)
        .filter(|y| (x0..=x1).any(|x| b.get(x, *y)))
        .collect();
    let (top, bottom) = (
        row_of(ink_rows[0]),
        row_of(*ink_rows.last().expect("inked")),
    );
    let rows = (top..=bottom)
        .map(|r| {
            let tiles = (0..cells)
                .map(|c| {
                    tile(cell, |dx, dy| {
                        let x = left + (c * cell.w + dx) as isize;
                        let y = r as isize * cell.h as isize + dy as isize - shift;
                        x >= 0
                            && y >= 0
                            && (x as usize) < b.width
                            && (y as usize) < b.height
                            && b.get(x as usize, y as usize)
                    })
                })
                .collect();
            (r, tiles)
        })
        .collect();
    Piece::Drawn {
        rows,
        lead: x0 as f32 - margin as f32,
        advance: shaped.width(),
        ink: ink_w,
        fixed: one,
    }
}

/// A cell's picture from a function of (x, y) in the cell.
fn tile(cell: Cell, ink: impl Fn(usize, usize) -> bool) -> Tile {
    let per_column = cell.h.div_ceil(8);
    let mut t = vec![0u8; cell.w * per_column];
    for x in 0..cell.w {
        for y in 0..cell.h {
            if ink(x, y) {
                t[x * per_column + y / 8] |= 0x80 >> (y % 8);
            }
        }
    }
    t
}

/// Whether a tile has no ink.
pub fn is_blank(t: &Tile) -> bool {
    t.iter().all(|b| *b == 0)
}

/// The pieces of a text: the printer's own characters where `own` says it has them (and the
/// line is not drawn whole), spaces, and drawn syllables.
fn pieces(text: &str, px: f32, layout: Layout, own: &dyn Fn(char) -> bool) -> Vec<Piece> {
    syllables(text)
        .into_iter()
        .map(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(' '), None) => Piece::Space(shaped::width(" ", px)),
                (Some(c), None) if own(c) => Piece::Own(c),
                _ => drawn(s, px, layout.cell, layout.fit_signs),
            }
        })
        .collect()
}

/// How a line is laid out: the printer's cell, 2 as `scale` when the printer doubles it
/// (`GS !`), and whether a sign (₱, ₹) is fitted into one cell like the printer's letters
/// (else every character is drawn at its natural width, as in a line drawn whole).
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub cell: Cell,
    pub scale: usize,
    pub fit_signs: bool,
}

impl Layout {
    /// A cell's width on paper.
    fn step(self) -> usize {
        self.cell.w * self.scale
    }

    /// Where each piece goes (dots from the line's start) and how far the line reaches (the
    /// last cell's right edge). A syllable goes where the font's pen puts its ink, never
    /// into the ink before it; the printer's own characters and signs take whole cells, and
    /// a space between two of the printer's own characters is one of its own (a cell).
    fn place(self, pieces: &[Piece]) -> (Vec<usize>, usize) {
        let s = self.scale as f32;
        let (mut pen, mut free, mut reach) = (0f32, 0usize, 0usize);
        let mut xs = Vec::with_capacity(pieces.len());
        for (i, p) in pieces.iter().enumerate() {
            let x = match p {
                Piece::Space(w) => {
                    // Between two of the printer's own letters a space is one of its own.
                    let own = |p: Option<&Piece>| matches!(p, Some(Piece::Own(_)));
                    let beside_own = i > 0 && own(pieces.get(i - 1)) && own(pieces.get(i + 1));
                    pen += if beside_own {
                        self.step() as f32
                    } else {
                        w * s
                    };
                    xs.push(pen.round() as usize);
                    continue;
                }
                Piece::Own(_) | Piece::Drawn { fixed: true, .. } => {
                    let x = (pen.round().max(0.0) as usize).max(free);
                    free = x + p.cells() * self.step();
                    pen = free as f32;
                    x
                }
                Piece::Drawn {
                    lead, advance, ink, ..
                } => {
                    let want = pen + lead * s;
                    let x = (want.round().max(0.0) as usize).max(free);
                    pen += (x as f32 - want) + advance * s;
                    free = x + ink * self.scale;
                    reach = reach.max(x + p.cells() * self.step());
                    x
                }
            };
            reach = reach.max(free);
            xs.push(x);
        }
        (xs, reach)
    }

    fn reach(self, pieces: &[Piece]) -> usize {
        self.place(pieces).1
    }

    /// Words' pieces, wrapped to lines reaching at most `width` dots (a word wider than a
    /// line is broken between syllables): the pieces of each line, as a range of `pieces`.
    fn wrap(self, pieces: &[Piece], width: usize) -> Vec<Range<usize>> {
        let space = |i: usize| matches!(pieces[i], Piece::Space(_));
        let mut lines = Vec::new();
        let mut start: Option<usize> = None;
        let mut i = 0;
        while i < pieces.len() {
            let Some(from) = start else {
                // A line starts with a word, not with the spaces before it.
                if !space(i) {
                    start = Some(i);
                } else {
                    i += 1;
                }
                continue;
            };
            // The next word (after the spaces at `i`, if any) ends at `end`.
            let word = (i..pieces.len())
                .find(|j| !space(*j))
                .unwrap_or(pieces.len());
            let end = (word..pieces.len())
                .find(|j| space(*j))
                .unwrap_or(pieces.len());
            if self.reach(&pieces[from..end]) <= width {
                i = end;
            } else if i > from {
                lines.push(from..i);
                start = None;
                i = word;
            } else {
                let mut cut = from + 1;
                while cut < end && self.reach(&pieces[from..cut + 1]) <= width {
                    cut += 1;
                }
                lines.push(from..cut);
                start = None;
                i = cut;
            }
        }
        if let Some(from) = start {
            lines.push(from..pieces.len());
        }
        lines
    }

    /// Puts pieces starting `at` dots (and `right`'s, ending at `edge` when given) on rows.
    fn grid(self, left: &[Piece], at: usize, right: Option<(&[Piece], usize)>) -> GridLine {
        let (xs, reach) = self.place(left);
        let mut placed: Vec<(usize, &Piece)> = xs.into_iter().map(|x| x + at).zip(left).collect();
        if let Some((right, edge)) = right {
            let (xs, r_reach) = self.place(right);
            let start = edge.saturating_sub(r_reach).max(at + reach + self.step());
            placed.extend(xs.into_iter().map(|x| x + start).zip(right));
        }
        let (mut top, mut bottom) = (0i32, 0i32);
        for (_, p) in &placed {
            if let Piece::Drawn { rows, .. } = p {
                for (r, tiles) in rows {
                    if tiles.iter().any(|t| !is_blank(t)) {
                        top = top.min(*r);
                        bottom = bottom.max(*r);
                    }
                }
            }
        }
        let mut rows: Vec<Vec<Put>> = vec![Vec::new(); (bottom - top + 1) as usize];
        let baseline_row = (-top) as usize;
        for (x, p) in placed {
            match p {
                Piece::Own(c) => rows[baseline_row].push(Put {
                    x,
                    slot: Slot::Char(*c),
                }),
                Piece::Space(_) => {}
                Piece::Drawn { rows: drawn, .. } => {
                    for (r, tiles) in drawn {
                        for (i, t) in tiles.iter().enumerate() {
                            if !is_blank(t) {
                                rows[(*r - top) as usize].push(Put {
                                    x: x + i * self.step(),
                                    slot: Slot::Tile(t.clone()),
                                });
                            }
                        }
                    }
                }
            }
        }
        for row in &mut rows {
            row.sort_by_key(|p| p.x);
        }
        GridLine { rows, baseline_row }
    }

    /// A line of text wrapped to `width` dots, each line placed as `align` says.
    pub fn lines(
        self,
        text: &str,
        px: f32,
        (width, align): (usize, Align),
        own: &dyn Fn(char) -> bool,
    ) -> Vec<GridLine> {
        let pieces = pieces(text, px, self, own);
        self.wrap(&pieces, width)
            .into_iter()
            .map(|r| {
                let l = &pieces[r];
                let room = width.saturating_sub(self.reach(l));
                let at = match align {
                    Align::Left => 0,
                    Align::Center => room / 2,
                    Align::Right => room,
                };
                self.grid(l, at, None)
            })
            .collect()
    }

    /// A left and a right text on one line of `width` dots, the right one at the edge; a
    /// left side too long to share the line goes on lines of its own above it.
    pub fn pair(
        self,
        left: &str,
        right: &str,
        px: f32,
        width: usize,
        own: &dyn Fn(char) -> bool,
    ) -> Vec<GridLine> {
        let right = pieces(right, px, self, own);
        let room = width
            .saturating_sub(self.reach(&right) + self.step())
            .max(width / 3);
        let left = pieces(left, px, self, own);
        let mut lefts = self.wrap(&left, room);
        let last = lefts.pop().unwrap_or_default();
        let mut out: Vec<GridLine> = lefts
            .into_iter()
            .map(|r| self.grid(&left[r], 0, None))
            .collect();
        out.push(self.grid(&left[last], 0, Some((&right, width))));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: Cell = Cell { w: 12, h: 24 };

    #[test]
    fn syllables_keep_conjuncts_whole() {
        assert_eq!(syllables("ధన్యవాదాలు"), ["ధ", "న్య", "వా", "దా", "లు"]);
        assert_eq!(syllables("శ్రీ టిఫిన్స్"), ["శ్రీ", " ", "టి", "ఫి", "న్స్"]);
        assert_eq!(syllables("₱120"), ["₱", "1", "2", "0"]);
    }

    const LAYOUT: Layout = Layout {
        cell: CELL,
        scale: 1,
        fit_signs: true,
    };

    /// Each row's cells, from the first one's place.
    fn relative(g: &GridLine, from: usize, to: usize) -> Vec<Vec<(usize, Slot)>> {
        g.rows
            .iter()
            .map(|r| {
                r.iter()
                    .filter(|p| p.x >= from && p.x < to)
                    .map(|p| (p.x - from, p.slot.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_same_syllable_is_the_same_tiles_anywhere() {
        let own = |c: char| c.is_ascii();
        let a = LAYOUT.lines("ఇడ్లీ", 20.4, (576, Align::Left), &own);
        let b = LAYOUT.lines("మసాలా ఇడ్లీ 2", 20.4, (576, Align::Left), &own);
        assert_eq!(a[0].rows.len(), b[0].rows.len());
        let base = &b[0].rows[b[0].baseline_row];
        let two = base.last().unwrap();
        assert_eq!(two.slot, Slot::Char('2'), "the digit is the printer's own");
        // The word's cells start where the pen put them, after the first word and a space.
        let first = |g: &GridLine, from: usize| {
            g.rows
                .iter()
                .flatten()
                .filter(|p| p.x >= from && matches!(p.slot, Slot::Tile(_)))
                .map(|p| p.x)
                .min()
                .unwrap()
        };
        let end_of_masala = b[0].rows.iter().flatten().map(|p| p.x).max().unwrap();
        let at = first(&b[0], 60);
        assert!(at > 60 && at < end_of_masala + 12, "{at}");
        let from = first(&a[0], 0);
        assert_eq!(relative(&a[0], from, 200), relative(&b[0], at, two.x));
    }

    #[test]
    fn syllables_sit_as_close_as_the_font_sets_them() {
        let own = |c: char| c.is_ascii();
        let word = "ధన్యవాదాలు";
        let g = &LAYOUT.lines(word, 20.4, (576, Align::Left), &own)[0];
        let reach = g.rows.iter().flatten().map(|p| p.x + 12).max().unwrap();
        let natural = shaped::width(word, 20.4);
        // Whole cells per syllable would take far more room than the font's own width.
        assert!(
            (reach as f32) < natural + 12.0,
            "{reach} dots for a word {natural} wide"
        );
        let centred = &LAYOUT.lines(word, 20.4, (576, Align::Center), &own)[0];
        let left = centred.rows.iter().flatten().map(|p| p.x).min().unwrap();
        assert!((576 - reach) / 2 - 1 <= left && left <= (576 - reach) / 2 + 1);
    }

    #[test]
    fn a_long_line_wraps_between_words_and_a_long_word_between_syllables() {
        let own = |c: char| c.is_ascii();
        let reach = |g: &GridLine| g.rows.iter().flatten().map(|p| p.x + 12).max().unwrap_or(0);
        let text = "మళ్ళీ వచ్చినందుకు ధన్యవాదాలు, మీ పాయింట్లు మీ కోసం వేచి ఉన్నాయి!";
        let lines = LAYOUT.lines(text, 20.4, (240, Align::Left), &own);
        assert!(lines.len() >= 3, "{} lines", lines.len());
        assert!(lines.iter().all(|g| reach(g) <= 240));
        let word = "ధన్యవాదాలుధన్యవాదాలుధన్యవాదాలు";
        let lines = LAYOUT.lines(word, 20.4, (96, Align::Left), &own);
        assert!(lines.len() >= 3 && lines.iter().all(|g| reach(g) <= 96));
    }

    #[test]
    fn a_peso_sign_takes_one_cell_beside_the_printers_own_digits() {
        let own = |c: char| c.is_ascii();
        let g = LAYOUT.pair("Pandesal", "₱35.00", 20.4, 576, &own);
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!(g.rows.len(), 1, "one row: the sign fits the cell");
        let row = &g.rows[0];
        assert_eq!(
            row[0],
            Put {
                x: 0,
                slot: Slot::Char('P')
            }
        );
        let sign = row
            .iter()
            .position(|p| matches!(p.slot, Slot::Tile(_)))
            .unwrap();
        assert_eq!(row[sign].x, 576 - 6 * 12, "the amount ends at the edge");
        assert_eq!(
            row[sign + 1],
            Put {
                x: 576 - 5 * 12,
                slot: Slot::Char('3')
            }
        );
    }
}
