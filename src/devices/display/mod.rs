//! The customer display on a serial line: a 2×20 pole display. Its profile (a file in
//! `hardware/displays/`) says which command set it speaks and which character tables it has;
//! this module lays words out on its grid, writes plainly what its tables lack, and makes the
//! bytes. No I/O: the services layer's worker owns the port.

pub mod layout;
pub mod plain;
pub mod screen;

use super::codepage::CodePage;
use super::escpos::ESC;
use super::profile::{ProfileError, list, load};
use serde::Deserialize;

/// Which commands a display understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommandSet {
    /// Epson's: `ESC @`, `0C` clear, `US $ x y` cursor, `ESC t n` table.
    Epson,
    /// CD5220's: `ESC @`, `0C` clear, `ESC Q A … CR` / `ESC Q B … CR` lines, `ESC f n` set.
    Cd5220,
}

/// `US`, the Epson display commands' first byte.
pub const US: u8 = 0x1F;
/// Clears the screen (both sets).
pub const CLEAR: u8 = 0x0C;

/// A customer display model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplayProfile {
    /// File stem, e.g. `epson-2x20` (filled in when loaded).
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub command_set: CommandSet,
    #[serde(default = "default_columns")]
    pub columns: usize,
    #[serde(default = "default_rows")]
    pub rows: usize,
    /// The table in force after power-on.
    pub code_page: CodePage,
    /// The tables it has with the number that selects each, in the order they are tried.
    #[serde(default)]
    pub code_pages: Vec<(CodePage, u8)>,
    #[serde(default = "default_baud")]
    pub baud: u32,
}

fn default_columns() -> usize {
    20
}
fn default_rows() -> usize {
    2
}
fn default_baud() -> u32 {
    9600
}

/// What one screen becomes on a display: its lines as shown, and the bytes that show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub lines: Vec<String>,
    pub page: CodePage,
    pub bytes: Vec<u8>,
}

impl DisplayProfile {
    /// Loads `hardware/displays/{id}.toml`.
    pub fn load(id: &str) -> Result<DisplayProfile, ProfileError> {
        let mut p: DisplayProfile = load("displays", "display", id)?;
        p.id = id.to_string();
        Ok(p)
    }

    /// The shipped display profiles and the shop's own.
    pub fn ids() -> Vec<String> {
        list("displays")
    }

    /// The tables to try, the power-on one first.
    pub fn pages(&self) -> Vec<(CodePage, u8)> {
        let mut pages: Vec<(CodePage, u8)> = self
            .code_pages
            .iter()
            .filter(|(p, _)| *p == self.code_page)
            .copied()
            .collect();
        if pages.is_empty() {
            pages.push((self.code_page, self.code_page.epson_number()));
        }
        pages.extend(self.code_pages.iter().filter(|(p, _)| *p != self.code_page));
        pages
    }

    /// Puts the display in a known state (sent whenever its port is opened).
    pub fn start(&self) -> Vec<u8> {
        match self.command_set {
            // Initialise, then the cursor off so it does not blink after the text.
            CommandSet::Epson => vec![ESC, b'@', US, b'C', 0],
            CommandSet::Cd5220 => vec![ESC, b'@', ESC, b'_', 0],
        }
    }

    /// A command that changes nothing on the screen, to find out whether the display is
    /// still there (cursor off, again).
    pub fn keep_alive(&self) -> Vec<u8> {
        match self.command_set {
            CommandSet::Epson => vec![US, b'C', 0],
            CommandSet::Cd5220 => vec![ESC, b'_', 0],
        }
    }

    /// The table that has the most of `text`'s characters (the first such in the list).
    pub fn page_for(&self, text: &str) -> (CodePage, u8) {
        let pages = self.pages();
        let score = |p: CodePage| text.chars().filter(|c| p.encode_char(*c).is_some()).count();
        let mut best = pages[0];
        for page in &pages[1..] {
            if score(page.0) > score(best.0) {
                best = *page;
            }
        }
        best
    }

    /// A screen from its parts' wordings (longest first; see [`layout::lay_out`]): one table
    /// for the whole screen, what it lacks written plainly, laid out in whole words.
    pub fn show(&self, parts: &[Vec<String>]) -> Shown {
        let all: String = parts.iter().flatten().map(String::as_str).collect();
        let (mut page, mut number) = self.page_for(&all);
        // Serbian Cyrillic on a display without a whole Serbian Cyrillic table: all of it in
        // Serbian Latin when a table has that, rather than a mix of both scripts.
        let latin = plain::serbian_in_latin(&all);
        let mut parts = parts.to_vec();
        if latin != all && !page.covers(&all) {
            let (p, n) = self.page_for(&latin);
            if p.covers(&latin) {
                (page, number) = (p, n);
                for wording in parts.iter_mut().flatten() {
                    *wording = plain::serbian_in_latin(wording);
                }
            }
        }
        let has = |c: char| page.encode_char(c).is_some();
        let plain: Vec<Vec<String>> = parts
            .iter()
            .map(|p| p.iter().map(|w| plain::plain(w, &has)).collect())
            .collect();
        let lines = layout::lay_out(&plain, self.columns, self.rows);
        let bytes = self.bytes(&lines, page, number);
        Shown { lines, page, bytes }
    }

    fn bytes(&self, lines: &[String], page: CodePage, number: u8) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.columns * self.rows * 2);
        match self.command_set {
            CommandSet::Epson => {
                out.extend([ESC, b't', number, CLEAR]);
                for (row, line) in lines.iter().enumerate() {
                    if line.is_empty() {
                        continue;
                    }
                    out.extend([US, b'$', 1, row as u8 + 1]);
                    out.extend(page.encode(line));
                }
            }
            CommandSet::Cd5220 => {
                out.extend([ESC, b'f', number, CLEAR]);
                for (row, line) in lines.iter().enumerate().take(2) {
                    out.extend([ESC, b'Q', b'A' + row as u8]);
                    out.extend(page.encode(line));
                    out.push(b'\r');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_profiles_load() {
        let ids = DisplayProfile::ids();
        assert!(ids.contains(&"epson-2x20".into()) && ids.contains(&"cd5220".into()));
        for id in ids {
            let p = DisplayProfile::load(&id).unwrap();
            assert_eq!((p.columns, p.rows), (20, 2), "{id}");
        }
    }

    #[test]
    fn epson_bytes() {
        let p = DisplayProfile::load("epson-2x20").unwrap();
        let shown = p.show(&[vec!["Welcome".into()], vec!["45 points".into()]]);
        let mut want = vec![0x1B, b't', 0, 0x0C, 0x1F, b'$', 1, 1];
        want.extend(b"Welcome");
        want.extend([0x1F, b'$', 1, 2]);
        want.extend(b"45 points");
        assert_eq!(shown.bytes, want);
        // Serbian Latin's đ is on CP852 (ESC t 18), not on the power-on CP437.
        let shown = p.show(&[vec!["Zdravo, Đorđe".into()]]);
        assert_eq!(&shown.bytes[..3], &[0x1B, b't', 18]);
        assert_eq!(shown.lines[0], "Zdravo, Đorđe");
        // Serbian Cyrillic: CP866 has Russian letters but not Ђ; the whole screen goes to
        // Serbian Latin on CP852 rather than half and half.
        let shown = p.show(&[vec!["Здраво, Ђорђе".into()], vec!["45 поена".into()]]);
        assert_eq!(shown.lines, ["Zdravo, Đorđe", "45 poena"]);
        let shown = p.show(&[vec!["Здраво, Милош".into()]]);
        assert_eq!(
            (shown.page, shown.lines[0].as_str()),
            (CodePage::Cp866, "Здраво, Милош")
        );
    }

    #[test]
    fn cd5220_bytes() {
        let p = DisplayProfile::load("cd5220").unwrap();
        let shown = p.show(&[vec!["Sveiki, Līga".into()], vec!["45".into()]]);
        let mut want = vec![0x1B, b'f', b'U', 0x0C, 0x1B, b'Q', b'A'];
        want.extend(b"Sveiki, Liga\r");
        want.extend([0x1B, b'Q', b'B']);
        want.extend(b"45\r");
        assert_eq!(shown.bytes, want);
    }
}
