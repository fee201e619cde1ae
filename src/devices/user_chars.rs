//! User-defined characters (`ESC &`, printed after `ESC % 1`): the printer keeps a few dozen
//! cell-sized pictures under character codes. A job defines each picture once and sends its
//! code wherever it appears; when a line needs more than the printer holds at once, the
//! pictures not used by that row make room.

use super::cells::{Cell, GridLine, Slot, Tile, is_blank};
use super::escpos::{ESC, LF};
use std::collections::HashMap;

/// The first code given to a picture (0x21 `!`: the space keeps its own meaning).
const FIRST: u8 = 0x21;
/// The last code a printer accepts (`~`).
const LAST: u8 = 0x7E;

/// `ESC % n`: the user-defined set on or off.
pub fn select(on: bool) -> [u8; 3] {
    [ESC, b'%', u8::from(on)]
}

/// The pictures a printer holds during one job.
pub struct UserChars {
    cell: Cell,
    /// The picture under each code (index: code − FIRST).
    held: Vec<Option<Tile>>,
    /// When each code was last used, for choosing one to redefine.
    used: Vec<u64>,
    clock: u64,
    by_tile: HashMap<Tile, u8>,
    /// The pictures each row sent so far needed, in order.
    rows: Vec<Vec<Tile>>,
    /// The rows of the whole job, when known ahead ([`Self::planned`]).
    plan: Option<Vec<Vec<Tile>>>,
    /// Pictures defined again after being dropped.
    redefined: usize,
    ever: std::collections::HashSet<Tile>,
}

impl UserChars {
    /// A printer holding `count` pictures of `cell` (at most 94), none defined yet.
    pub fn new(cell: Cell, count: usize) -> UserChars {
        let count = count.min(usize::from(LAST - FIRST) + 1);
        UserChars {
            cell,
            held: vec![None; count],
            used: vec![0; count],
            clock: 0,
            by_tile: HashMap::new(),
            rows: Vec::new(),
            plan: None,
            redefined: 0,
            ever: Default::default(),
        }
    }

    /// A fresh printer for the same job, knowing every row `trial` sent: room is made by
    /// dropping the picture needed again latest.
    pub fn planned(trial: &UserChars) -> UserChars {
        let mut u = UserChars::new(trial.cell, trial.capacity());
        u.plan = Some(trial.rows.clone());
        u
    }

    /// How many pictures had to be defined again after making room for others.
    pub fn redefined(&self) -> usize {
        self.redefined
    }

    /// When the picture in slot `i` is next needed after the current row (`usize::MAX`:
    /// never), and when it was last used (without a plan only that counts: the least
    /// recently used goes first).
    fn next_use(&self, i: usize) -> (usize, u64) {
        let (Some(plan), Some(t)) = (&self.plan, &self.held[i]) else {
            return (0, self.used[i]);
        };
        let now = self.rows.len();
        let next = plan
            .iter()
            .skip(now + 1)
            .position(|row| row.contains(t))
            .unwrap_or(usize::MAX);
        (next, 0)
    }

    /// How many pictures it holds at once.
    pub fn capacity(&self) -> usize {
        self.held.len()
    }

    /// Whether every row of `line` needs no more pictures than the printer holds.
    pub fn fits(&self, line: &GridLine) -> bool {
        line.rows
            .iter()
            .all(|row| needed(row).len() + usize::from(blank_inside(row)) <= self.capacity())
    }

    /// Codes for `tiles`, defining those not held (in as few `ESC &` commands as the codes
    /// allow) into `out`. All of `tiles` must fit at once.
    fn codes(&mut self, tiles: &[Tile], out: &mut Vec<u8>) -> HashMap<Tile, u8> {
        self.clock += 1;
        let mut codes = HashMap::new();
        let mut keep = vec![false; self.held.len()];
        for t in tiles {
            if let Some(&c) = self.by_tile.get(t) {
                keep[usize::from(c - FIRST)] = true;
                codes.insert(t.clone(), c);
            }
        }
        let mut new: Vec<(u8, Tile)> = Vec::new();
        for t in tiles {
            if codes.contains_key(t) {
                continue;
            }
            // A free code, else the one needed again latest (of those this row does not need).
            let i = (0..self.held.len())
                .filter(|i| !keep[*i])
                .min_by_key(|i| match self.held[*i] {
                    None => (0, usize::MAX, 0),
                    Some(_) => {
                        let (next, lru) = self.next_use(*i);
                        (1, usize::MAX - next, lru)
                    }
                })
                .expect("checked by fits()");
            if !self.ever.insert(t.clone()) {
                self.redefined += 1;
            }
            if let Some(old) = self.held[i].take() {
                self.by_tile.remove(&old);
            }
            keep[i] = true;
            let code = FIRST + i as u8;
            self.held[i] = Some(t.clone());
            self.by_tile.insert(t.clone(), code);
            codes.insert(t.clone(), code);
            new.push((code, t.clone()));
        }
        for c in codes.values() {
            self.used[usize::from(c - FIRST)] = self.clock;
        }
        new.sort();
        let y = self.cell.h.div_ceil(8) as u8;
        let mut i = 0;
        while i < new.len() {
            let mut j = i + 1;
            while j < new.len() && new[j].0 == new[j - 1].0 + 1 {
                j += 1;
            }
            out.extend_from_slice(&[ESC, b'&', y, new[i].0, new[j - 1].0]);
            for (_, t) in &new[i..j] {
                out.push(self.cell.w as u8);
                out.extend_from_slice(t);
            }
            i = j;
        }
        codes
    }

    /// Sends a grid line: for each row, the pictures it needs, then its cells (the printer's
    /// own characters through `own`, which encodes a run of them in its code pages), then a
    /// line feed. Rows of a line of several are printed without space between them (`tall`:
    /// the printer draws them double height). With `keep_width`, blanks at the end of a row
    /// are sent too, so a centred line's rows line up.
    pub fn send(
        &mut self,
        line: &GridLine,
        (keep_width, tall): (bool, bool),
        out: &mut Vec<u8>,
        own: &mut dyn FnMut(&str, &mut Vec<u8>),
    ) {
        let several = line.rows.len() > 1;
        if several {
            let spacing = (self.cell.h * if tall { 2 } else { 1 }).min(255) as u8;
            out.extend_from_slice(&[ESC, b'3', spacing]);
        }
        for row in &line.rows {
            let blank = vec![0u8; self.cell.w * self.cell.h.div_ceil(8)];
            let mut wanted = needed(row);
            if blank_inside(row) {
                wanted.push(blank.clone());
            }
            let codes = self.codes(&wanted, out);
            self.rows.push(wanted);
            let last = if keep_width {
                row.len()
            } else {
                row.iter()
                    .rposition(|s| *s != Slot::Blank)
                    .map_or(0, |i| i + 1)
            };
            let mut user = false;
            let mut text = String::new();
            for (i, slot) in row[..last].iter().enumerate() {
                let picture = match slot {
                    Slot::Tile(t) => Some(t),
                    // Inside a run of pictures a gap is the blank picture (no switching).
                    Slot::Blank if user && next_is_tile(&row[i..last]) => Some(&blank),
                    _ => None,
                };
                match picture {
                    Some(t) => {
                        if !text.is_empty() {
                            own(&std::mem::take(&mut text), out);
                        }
                        if !user {
                            out.extend_from_slice(&select(true));
                            user = true;
                        }
                        out.push(codes[t]);
                    }
                    None => {
                        if user {
                            out.extend_from_slice(&select(false));
                            user = false;
                        }
                        text.push(match slot {
                            Slot::Char(c) => *c,
                            _ => ' ',
                        });
                    }
                }
            }
            if !text.is_empty() {
                own(&text, out);
            }
            if user {
                out.extend_from_slice(&select(false));
            }
            out.push(LF);
        }
        if several {
            out.extend_from_slice(&[ESC, b'2']);
        }
    }
}

/// The distinct pictures of a row, in order.
fn needed(row: &[Slot]) -> Vec<Tile> {
    let mut seen: Vec<Tile> = Vec::new();
    for s in row {
        if let Slot::Tile(t) = s
            && !is_blank(t)
            && !seen.contains(t)
        {
            seen.push(t.clone());
        }
    }
    seen
}

/// Whether a row has a gap between two pictures (then the blank picture is used).
fn blank_inside(row: &[Slot]) -> bool {
    row.iter().enumerate().any(|(i, s)| {
        *s == Slot::Blank
            && row[..i]
                .iter()
                .rev()
                .find(|s| **s != Slot::Blank)
                .is_some_and(|s| matches!(s, Slot::Tile(_)))
            && next_is_tile(&row[i..])
    })
}

/// Whether the first slot after the blanks at the start of `rest` is a picture.
fn next_is_tile(rest: &[Slot]) -> bool {
    rest.iter()
        .find(|s| **s != Slot::Blank)
        .is_some_and(|s| matches!(s, Slot::Tile(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: Cell = Cell { w: 12, h: 24 };

    fn t(n: u8) -> Tile {
        vec![n; 36]
    }

    #[test]
    fn a_picture_is_defined_once_and_sent_as_its_code() {
        let mut u = UserChars::new(CELL, 3);
        let line = GridLine {
            rows: vec![vec![
                Slot::Char('A'),
                Slot::Tile(t(1)),
                Slot::Tile(t(1)),
                Slot::Blank,
                Slot::Tile(t(2)),
            ]],
            baseline_row: 0,
        };
        let mut out = Vec::new();
        let mut own = |s: &str, out: &mut Vec<u8>| out.extend_from_slice(s.as_bytes());
        u.send(&line, (false, false), &mut out, &mut own);
        // Two pictures and the blank between them: three codes, all the printer holds.
        assert!(u.fits(&line));
        assert!(!u.fits(&GridLine {
            rows: vec![vec![
                Slot::Tile(t(1)),
                Slot::Tile(t(2)),
                Slot::Tile(t(3)),
                Slot::Tile(t(4))
            ]],
            baseline_row: 0
        }));
        // One command defines the three (codes 0x21–0x23, in a row).
        assert_eq!(out.windows(2).filter(|w| *w == [ESC, b'&']).count(), 1);
        let row = [b'A', ESC, b'%', 1, 0x21, 0x21, 0x23, 0x22, ESC, b'%', 0, LF];
        assert!(out.ends_with(&row), "{out:?}");
        let mut again = Vec::new();
        u.send(&line, (false, false), &mut again, &mut own);
        assert_eq!(again.windows(2).filter(|w| *w == [ESC, b'&']).count(), 0);
        assert!(again.starts_with(b"A"), "{again:?}");
    }
}
