//! Text laid out on the printer's character grid, for lines its code pages cannot carry (₱, ₹,
//! Telugu): each character the printer has stays one of its own, and every other syllable is
//! drawn with the bundled fonts into whole character cells, cut into cell-sized pictures (a
//! printer's user-defined characters). A syllable always starts at a cell's edge and sits on the
//! same baseline, so the same syllable is the same pictures wherever it appears: a receipt
//! defines each once.

use super::shaped;
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

/// What one cell of a grid row holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// One of the printer's own characters (baseline row only).
    Char(char),
    /// A drawn piece.
    Tile(Tile),
    /// Nothing.
    Blank,
}

/// A line on the grid: one or more rows of cells, all as wide; the row with the printer's own
/// characters on it is `baseline_row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridLine {
    pub rows: Vec<Vec<Slot>>,
    pub baseline_row: usize,
}

impl GridLine {
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }
}

/// A syllable or character and the cells it takes.
#[derive(Debug, Clone)]
enum Piece {
    Own(char),
    Drawn {
        /// Ink by grid row offset from the baseline row (negative: above).
        rows: Vec<(i32, Vec<Tile>)>,
        cells: usize,
    },
    Space,
}

impl Piece {
    fn cells(&self) -> usize {
        match self {
            Piece::Own(_) | Piece::Space => 1,
            Piece::Drawn { cells, .. } => *cells,
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

/// Draws one syllable into whole cells on the grid's baseline; a single character that is not
/// part of a complex script (₱, ₹) is fitted into one cell.
fn drawn(syllable: &str, px: f32, cell: Cell) -> Piece {
    // A receipt meets the same syllables again and again (and is laid out twice): each is
    // shaped and drawn once per thread.
    type Key = (String, u32, usize, usize);
    thread_local! {
        static DRAWN: std::cell::RefCell<std::collections::HashMap<Key, Piece>> =
            Default::default();
    }
    let key = (syllable.to_string(), px.to_bits(), cell.w, cell.h);
    if let Some(p) = DRAWN.with(|d| d.borrow().get(&key).cloned()) {
        return p;
    }
    let piece = draw_syllable(syllable, px, cell);
    DRAWN.with(|d| {
        let mut d = d.borrow_mut();
        if d.len() > 4096 {
            d.clear();
        }
        d.insert(key, piece.clone());
    });
    piece
}

fn draw_syllable(syllable: &str, px: f32, cell: Cell) -> Piece {
    let shaped = shaped::shape(syllable, px);
    let mut chars = syllable.chars();
    let one = match (chars.next(), chars.next()) {
        (Some(c), None) => fits_one_cell(c),
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
        return Piece::Space;
    };
    let ink_w = x1 - x0 + 1;
    let cells = if one { 1 } else { (ink_w + 1).div_ceil(cell.w) };
    let left = x0 as isize - ((cells * cell.w) as isize - ink_w as isize) / 2;
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
    Piece::Drawn { rows, cells }
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
fn pieces(text: &str, px: f32, cell: Cell, own: &dyn Fn(char) -> bool) -> Vec<Piece> {
    syllables(text)
        .into_iter()
        .map(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(' '), None) => Piece::Space,
                (Some(c), None) if own(c) => Piece::Own(c),
                _ => drawn(s, px, cell),
            }
        })
        .collect()
}

/// Words' pieces, wrapped to `columns` cells (a word wider than a line is broken between
/// syllables).
fn wrap(pieces: Vec<Piece>, columns: usize) -> Vec<Vec<Piece>> {
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    let mut line: Vec<Piece> = Vec::new();
    let mut word: Vec<Piece> = Vec::new();
    let width = |p: &[Piece]| p.iter().map(Piece::cells).sum::<usize>();
    let flush_word = |line: &mut Vec<Piece>, word: &mut Vec<Piece>, lines: &mut Vec<Vec<Piece>>| {
        if word.is_empty() {
            return;
        }
        let gap = usize::from(!line.is_empty());
        if !line.is_empty() && width(line) + gap + width(word) > columns {
            lines.push(std::mem::take(line));
        } else if gap == 1 {
            line.push(Piece::Space);
        }
        for p in word.drain(..) {
            if !line.is_empty() && width(line) + p.cells() > columns {
                lines.push(std::mem::take(line));
            }
            line.push(p);
        }
    };
    for p in pieces {
        match p {
            Piece::Space => flush_word(&mut line, &mut word, &mut lines),
            p => word.push(p),
        }
    }
    flush_word(&mut line, &mut word, &mut lines);
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Puts pieces (and `right`'s, at the right edge of `width` cells when given) on grid rows.
fn grid(left: &[Piece], right: Option<(&[Piece], usize)>) -> GridLine {
    let mut placed: Vec<(usize, &Piece)> = Vec::new();
    let mut x = 0;
    for p in left {
        placed.push((x, p));
        x += p.cells();
    }
    let mut width = x;
    if let Some((right, total)) = right {
        let rw: usize = right.iter().map(Piece::cells).sum();
        let mut x = total.saturating_sub(rw).max(width + 1);
        for p in right {
            placed.push((x, p));
            x += p.cells();
        }
        width = x;
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
    let mut rows = vec![vec![Slot::Blank; width]; (bottom - top + 1) as usize];
    let baseline_row = (-top) as usize;
    for (x, p) in placed {
        match p {
            Piece::Own(c) => rows[baseline_row][x] = Slot::Char(*c),
            Piece::Space => {}
            Piece::Drawn { rows: drawn, .. } => {
                for (r, tiles) in drawn {
                    if *r < top || *r > bottom {
                        continue;
                    }
                    for (i, t) in tiles.iter().enumerate() {
                        if !is_blank(t) {
                            rows[(*r - top) as usize][x + i] = Slot::Tile(t.clone());
                        }
                    }
                }
            }
        }
    }
    GridLine { rows, baseline_row }
}

/// A line of text on the grid, wrapped to `columns` cells.
pub fn lines(
    text: &str,
    px: f32,
    cell: Cell,
    columns: usize,
    own: &dyn Fn(char) -> bool,
) -> Vec<GridLine> {
    wrap(pieces(text, px, cell, own), columns)
        .iter()
        .map(|l| grid(l, None))
        .collect()
}

/// A left and a right text on one line of `columns` cells, the right one at the edge; a left
/// side too long to share the line goes on lines of its own above it.
pub fn pair(
    left: &str,
    right: &str,
    px: f32,
    cell: Cell,
    columns: usize,
    own: &dyn Fn(char) -> bool,
) -> Vec<GridLine> {
    let right = pieces(right, px, cell, own);
    let rw: usize = right.iter().map(Piece::cells).sum();
    let room = columns.saturating_sub(rw + 1).max(columns / 3);
    let mut lefts = wrap(pieces(left, px, cell, own), room);
    let last = lefts.pop().unwrap_or_default();
    let mut out: Vec<GridLine> = lefts.iter().map(|l| grid(l, None)).collect();
    out.push(grid(&last, Some((&right, columns))));
    out
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

    #[test]
    fn the_same_syllable_is_the_same_tiles_anywhere() {
        let own = |c: char| c.is_ascii();
        let a = lines("ఇడ్లీ", 20.4, CELL, 48, &own);
        let b = lines("మసాలా ఇడ్లీ 2", 20.4, CELL, 48, &own);
        let tiles = |g: &GridLine, from: usize, n: usize| -> Vec<Slot> {
            g.rows
                .iter()
                .flat_map(|r| r[from..from + n].to_vec())
                .collect()
        };
        let w = a[0].width();
        let at = b[0].width() - 2 - w;
        assert_eq!(a[0].rows.len(), b[0].rows.len());
        assert_eq!(tiles(&a[0], 0, w), tiles(&b[0], at, w));
        // The digit is the printer's own, on the baseline row.
        let last = b[0].width() - 1;
        assert_eq!(b[0].rows[b[0].baseline_row][last], Slot::Char('2'));
    }

    #[test]
    fn a_peso_sign_takes_one_cell_beside_the_printers_own_digits() {
        let own = |c: char| c.is_ascii();
        let g = pair("Pandesal", "₱35.00", 20.4, CELL, 48, &own);
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!(g.rows.len(), 1, "one row: the sign fits the cell");
        assert_eq!(g.width(), 48);
        assert!(
            matches!(g.rows[0][42], Slot::Tile(_)),
            "{:?}",
            g.rows[0][42]
        );
        assert_eq!(g.rows[0][43], Slot::Char('3'));
        assert_eq!(g.rows[0][0], Slot::Char('P'));
    }
}
