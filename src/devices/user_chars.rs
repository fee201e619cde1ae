//! User-defined characters (`ESC &`, printed after `ESC % 1`): the printer keeps a few dozen
//! cell-sized pictures under character codes. A job defines each picture once and sends its
//! code wherever it appears; when a line needs more than the printer holds at once, the
//! pictures not used by that row make room.

use super::cells::{Cell, GridLine, Put, Slot, Tile, is_blank};
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
            .all(|row| needed(row).len() <= self.capacity())
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
                // Only the columns up to the last with ink: the printer leaves the rest of
                // the cell blank.
                let per_column = usize::from(y);
                let columns = t
                    .chunks(per_column)
                    .rposition(|c| c.iter().any(|b| *b != 0))
                    .map_or(0, |i| i + 1);
                out.push(columns as u8);
                out.extend_from_slice(&t[..columns * per_column]);
            }
            i = j;
        }
        codes
    }

    /// Sends a laid-out line: for each row, the pictures it needs, then its cells in order
    /// (the printer's own characters through `own`, which encodes a run of them in its code
    /// pages), each at its place (`ESC $`, or spaces where a few of the printer's own reach
    /// it), then a line feed. Rows of a line of several are printed without space between
    /// them (`scale` 2: the printer draws them doubled).
    pub fn send(
        &mut self,
        line: &GridLine,
        scale: usize,
        out: &mut Vec<u8>,
        own: &mut dyn FnMut(&str, &mut Vec<u8>),
    ) {
        let several = line.rows.len() > 1;
        if several {
            let spacing = (self.cell.h * scale).min(255) as u8;
            out.extend_from_slice(&[ESC, b'3', spacing]);
        }
        let step = self.cell.w * scale;
        for row in &line.rows {
            let wanted = needed(row);
            let codes = self.codes(&wanted, out);
            self.rows.push(wanted);
            let (mut at, mut user) = (0usize, false);
            let mut text = String::new();
            for put in row {
                if put.x != at {
                    let gap = put.x.checked_sub(at).filter(|g| g % step == 0);
                    let spaces = gap.map(|g| g / step).filter(|n| *n <= 4);
                    match spaces {
                        Some(n) if !user || matches!(put.slot, Slot::Char(_)) => {
                            if user {
                                out.extend_from_slice(&select(false));
                                user = false;
                            }
                            text.extend(std::iter::repeat_n(' ', n));
                        }
                        _ => {
                            if !text.is_empty() {
                                own(&std::mem::take(&mut text), out);
                            }
                            if user && matches!(put.slot, Slot::Char(_)) {
                                out.extend_from_slice(&select(false));
                                user = false;
                            }
                            out.extend_from_slice(&position(put.x));
                        }
                    }
                }
                match &put.slot {
                    Slot::Tile(t) => {
                        if !text.is_empty() {
                            own(&std::mem::take(&mut text), out);
                        }
                        if !user {
                            out.extend_from_slice(&select(true));
                            user = true;
                        }
                        out.push(codes[t]);
                    }
                    Slot::Char(c) => {
                        if user {
                            out.extend_from_slice(&select(false));
                            user = false;
                        }
                        text.push(*c);
                    }
                }
                at = put.x + step;
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

/// `ESC $ nL nH`: what follows is printed `x` dots from the line's start.
pub fn position(x: usize) -> [u8; 4] {
    let x = x.min(0xFFFF);
    [ESC, b'$', (x & 0xFF) as u8, (x >> 8) as u8]
}

/// The distinct pictures of a row, in order.
fn needed(row: &[Put]) -> Vec<Tile> {
    let mut seen: Vec<Tile> = Vec::new();
    for p in row {
        if let Slot::Tile(t) = &p.slot
            && !is_blank(t)
            && !seen.contains(t)
        {
            seen.push(t.clone());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    const CELL: Cell = Cell { w: 12, h: 24 };

    fn t(n: u8) -> Tile {
        vec![n; 36]
    }

    fn at(x: usize, slot: Slot) -> Put {
        Put { x, slot }
    }

    #[test]
    fn a_picture_is_defined_once_and_sent_as_its_code() {
        let mut u = UserChars::new(CELL, 2);
        let line = GridLine {
            rows: vec![vec![
                at(0, Slot::Char('A')),
                at(12, Slot::Tile(t(1))),
                at(24, Slot::Tile(t(1))),
                at(41, Slot::Tile(t(2))),
                at(60, Slot::Char('B')),
            ]],
            baseline_row: 0,
        };
        let mut out = Vec::new();
        let mut own = |s: &str, out: &mut Vec<u8>| out.extend_from_slice(s.as_bytes());
        u.send(&line, 1, &mut out, &mut own);
        assert!(u.fits(&line));
        let three = (1..=3)
            .map(|n| at(12 * n, Slot::Tile(t(n as u8))))
            .collect();
        assert!(!u.fits(&GridLine {
            rows: vec![three],
            baseline_row: 0
        }));
        // One command defines the two (codes 0x21–0x22, in a row); the second picture goes
        // where it was placed, and B after it, 7 dots on: one space would not do.
        assert_eq!(out.windows(2).filter(|w| *w == [ESC, b'&']).count(), 1);
        let row = [
            b'A', ESC, b'%', 1, 0x21, 0x21, ESC, b'$', 41, 0, 0x22, ESC, b'%', 0, ESC, b'$', 60, 0,
            b'B', LF,
        ];
        assert!(out.ends_with(&row), "{out:?}");
        let mut again = Vec::new();
        u.send(&line, 1, &mut again, &mut own);
        assert_eq!(again.windows(2).filter(|w| *w == [ESC, b'&']).count(), 0);
        assert!(again.starts_with(b"A"), "{again:?}");
    }

    #[test]
    fn blank_columns_at_a_pictures_right_are_not_sent() {
        let mut u = UserChars::new(CELL, 4);
        let mut narrow = vec![0u8; 36];
        narrow[..9].fill(0xFF);
        let line = GridLine {
            rows: vec![vec![at(0, Slot::Tile(narrow)), at(24, Slot::Char('x'))]],
            baseline_row: 0,
        };
        let mut out = Vec::new();
        u.send(&line, 1, &mut out, &mut |s, out| {
            out.extend_from_slice(s.as_bytes())
        });
        // ESC & 3 c c, three columns of three bytes: the other nine are blank.
        assert_eq!(&out[..6], &[ESC, b'&', 3, 0x21, 0x21, 3]);
        assert_eq!(&out[6..15], &[0xFF; 9]);
        // One space reaches the letter (cheaper than ESC $).
        assert!(out.ends_with(&[ESC, b'%', 0, b' ', b'x', LF]), "{out:?}");
    }
}
