//! A pole display in memory: the bytes a display receives, decoded into the characters on its
//! grid as the display would show them. Behind `regulars simulate display` and the tests.

use super::{CommandSet, DisplayProfile, US};
use crate::devices::codepage::CodePage;
use crate::devices::escpos::ESC;

/// What a display shows, fed byte by byte.
#[derive(Debug, Clone)]
pub struct VirtualDisplay {
    profile: DisplayProfile,
    grid: Vec<Vec<char>>,
    row: usize,
    col: usize,
    page: CodePage,
    /// A command's bytes so far (an escape sequence not complete yet).
    pending: Vec<u8>,
    /// Inside CD5220's `ESC Q A|B … CR`: the row written.
    string_row: Option<usize>,
    /// Screens completed (a clear starts one).
    pub clears: u64,
}

impl VirtualDisplay {
    pub fn new(profile: DisplayProfile) -> VirtualDisplay {
        let page = profile.code_page;
        let grid = vec![vec![' '; profile.columns]; profile.rows];
        VirtualDisplay {
            profile,
            grid,
            row: 0,
            col: 0,
            page,
            pending: Vec::new(),
            string_row: None,
            clears: 0,
        }
    }

    /// The rows as shown, trailing blanks trimmed.
    pub fn lines(&self) -> Vec<String> {
        self.grid
            .iter()
            .map(|r| r.iter().collect::<String>().trim_end().to_string())
            .collect()
    }

    /// Takes in bytes as the display would.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    fn clear(&mut self) {
        for row in &mut self.grid {
            row.fill(' ');
        }
        (self.row, self.col) = (0, 0);
        self.string_row = None;
        self.clears += 1;
    }

    fn put(&mut self, b: u8) {
        let c = self.page.decode_byte(b);
        if self.col >= self.profile.columns {
            // Overwrite mode wraps to the next row.
            self.col = 0;
            self.row = (self.row + 1) % self.profile.rows;
        }
        self.grid[self.row][self.col] = c;
        self.col += 1;
    }

    fn byte(&mut self, b: u8) {
        if let Some(row) = self.string_row {
            match b {
                b'\r' => self.string_row = None,
                _ if self.col < self.profile.columns => {
                    self.grid[row][self.col] = self.page.decode_byte(b);
                    self.col += 1;
                }
                _ => {}
            }
            return;
        }
        if !self.pending.is_empty() || b == ESC || b == US {
            self.pending.push(b);
            self.command();
            return;
        }
        match b {
            0x0C => self.clear(),
            0x0B => (self.row, self.col) = (0, 0),
            b'\r' => self.col = 0,
            b'\n' => self.row = (self.row + 1).min(self.profile.rows - 1),
            0x08 => self.col = self.col.saturating_sub(1),
            0x18 => {
                self.grid[self.row].fill(' ');
                self.col = 0;
            }
            0x20.. => self.put(b),
            _ => {}
        }
    }

    /// Acts on `pending` once it holds a whole command.
    fn command(&mut self) {
        let p = self.pending.clone();
        let done = match (self.profile.command_set, p.as_slice()) {
            (_, [ESC]) | (_, [US]) => false,
            (_, [ESC, b'@']) => {
                self.clear();
                self.page = self.profile.code_page;
                true
            }
            (CommandSet::Epson, [US, b'$']) | (CommandSet::Epson, [US, b'$', _]) => false,
            (CommandSet::Epson, [US, b'$', x, y]) => {
                self.col = (*x as usize).clamp(1, self.profile.columns) - 1;
                self.row = (*y as usize).clamp(1, self.profile.rows) - 1;
                true
            }
            (CommandSet::Epson, [ESC, b't'] | [US, b'C' | b'X']) => false,
            (CommandSet::Epson, [ESC, b't', n]) => {
                self.select(*n);
                true
            }
            (CommandSet::Cd5220, [ESC, b'f' | b'_' | b'Q' | b'l']) => false,
            (CommandSet::Cd5220, [ESC, b'f', n]) => {
                self.select(*n);
                true
            }
            (CommandSet::Cd5220, [ESC, b'Q', which @ (b'A' | b'B')]) => {
                let row = usize::from(*which - b'A');
                self.grid[row].fill(' ');
                self.string_row = Some(row);
                self.col = 0;
                true
            }
            (CommandSet::Cd5220, [ESC, b'l', _]) => false,
            (CommandSet::Cd5220, [ESC, b'l', x, y]) => {
                self.col = (*x as usize).clamp(1, self.profile.columns) - 1;
                self.row = (*y as usize).clamp(1, self.profile.rows) - 1;
                true
            }
            // A one-byte argument this display takes and the screen does not show.
            (_, [_, _, _]) => true,
            (_, [_, _]) => false,
            _ => true,
        };
        if done {
            self.pending.clear();
        }
    }

    fn select(&mut self, n: u8) {
        if let Some((page, _)) = self.profile.pages().into_iter().find(|(_, m)| *m == n) {
            self.page = page;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_set_decodes_what_it_is_sent() {
        for id in ["epson-2x20", "cd5220"] {
            let p = DisplayProfile::load(id).unwrap();
            let mut d = VirtualDisplay::new(p.clone());
            d.feed(&p.start());
            let shown = p.show(&[vec!["Zdravo, Đorđe".into()], vec!["45 poena".into()]]);
            d.feed(&shown.bytes);
            assert_eq!(d.lines(), shown.lines, "{id}");
            let again = p.show(&[vec!["Welcome".into()]]);
            d.feed(&again.bytes);
            assert_eq!(d.lines(), ["Welcome", ""], "{id}");
        }
    }
}
