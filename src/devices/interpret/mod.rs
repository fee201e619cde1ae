//! The virtual printer's brain: decodes an ESC/POS byte stream the way a printer would, and
//! draws each cut receipt as a picture, with its text alongside.
//!
//! It is streaming (bytes may arrive in any chunks), never panics on garbage, reports unknown
//! or truncated commands as notes, and answers `DLE EOT` status queries from its own state.

use crate::devices::codepage::CodePage;
use crate::devices::escpos::{Align, DLE, EOT, ESC, GS, PrinterStatus, QrEcc};
use crate::devices::profile::{PrinterProfile, Select};
use crate::devices::raster::{Bitmap, SPEC_QUIET, qr_bitmap};

mod commands;
mod draw;

use draw::draw_glyph;

/// Largest single command accepted (a raster image or QR data); larger is treated as garbage.
const MAX_COMMAND: usize = 1 << 20;

/// A finished receipt.
#[derive(Debug, Clone)]
pub struct Page {
    pub image: image::GrayImage,
    /// The text as printed, one line per printed line; QR codes appear as `[QR] data`.
    pub text: String,
    /// Data of each QR code printed (native ones; raster QR codes are only in the image).
    pub qr_data: Vec<String>,
    /// Whether the printer held user-defined characters (`ESC &`) when it was cut: whoever
    /// adds to the job must not redefine them.
    pub user_chars: bool,
}

/// What the interpreter noticed, besides pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Bytes that are not a command this printer knows, skipped.
    Unknown(String),
    /// A status query answered with these bytes.
    Answered { query: u8, reply: u8 },
}

#[derive(Debug, Clone, Copy)]
struct Style {
    align: Align,
    bold: bool,
    wide: bool,
    tall: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            align: Align::Left,
            bold: false,
            wide: false,
            tall: false,
        }
    }
}

/// The ESC/POS interpreter of one virtual printer.
pub struct Interpreter {
    dots: usize,
    columns: usize,
    pending: Vec<u8>,
    page: PageBuilder,
    style: Style,
    code_page: CodePage,
    /// The page after power-on and `ESC @`.
    power_on_page: CodePage,
    /// This printer's select numbers, when known from its profile (else Epson's table for
    /// `ESC t n` and Star's for `ESC GS t n`).
    pages: Vec<(CodePage, u8)>,
    select: Select,
    qr_module: u8,
    qr_ecc: QrEcc,
    qr_data: Option<Vec<u8>>,
    /// The state it reports to status queries.
    pub status: PrinterStatus,
    /// Bytes to send back to the host (status replies).
    pub replies: Vec<u8>,
    pub notes: Vec<Note>,
    /// Stream offset of `pending[0]`: bytes fed and fully processed before it.
    offset: u64,
    /// Set by a cut, so [`Interpreter::feed_marking_cuts`] knows where cuts were.
    just_cut: bool,
    /// User-defined characters (`ESC &`) by code, and whether they are selected (`ESC % 1`).
    user: draw::UserChars,
    user_on: bool,
    /// Pictures kept in the printer's non-volatile memory (`GS ( L`), by key.
    pub memory: std::collections::HashMap<[u8; 2], Bitmap>,
    /// Set when a picture was stored, for whoever keeps the memory across restarts.
    pub memory_changed: bool,
}

/// Where a cut command sat in the stream, and the receipt it finished (if anything was printed).
#[derive(Debug, Clone)]
pub struct Cut {
    /// Stream offset of the cut command's first byte.
    pub start: u64,
    /// Stream offset just after it.
    pub end: u64,
    pub page: Option<Page>,
    /// Bytes that restore the stream's state (code page, alignment, style) as it was at the cut.
    pub restore: Vec<u8>,
}

struct PageBuilder {
    rows: Vec<Vec<u8>>,
    width: usize,
    text: String,
    /// The line's characters, each with its style and the place `ESC $` set for it.
    line: Vec<(char, Style, Option<usize>)>,
    /// The place set for the next character.
    at: Option<usize>,
    qr: Vec<String>,
}

impl PageBuilder {
    fn new(width: usize) -> PageBuilder {
        PageBuilder {
            rows: Vec::new(),
            width,
            text: String::new(),
            line: Vec::new(),
            at: None,
            qr: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.line.is_empty()
    }

    fn blank_rows(&mut self, n: usize) {
        for _ in 0..n {
            self.rows.push(vec![255; self.width]);
        }
    }

    fn blit(&mut self, bmp: &Bitmap, align: Align) {
        let left = match align {
            Align::Left => 0,
            Align::Center => self.width.saturating_sub(bmp.width) / 2,
            Align::Right => self.width.saturating_sub(bmp.width),
        };
        for y in 0..bmp.height {
            let mut row = vec![255u8; self.width];
            for x in 0..bmp.width.min(self.width.saturating_sub(left)) {
                if bmp.get(x, y) {
                    row[left + x] = 0;
                }
            }
            self.rows.push(row);
        }
    }
}

impl Interpreter {
    /// A printer `dots` wide with `columns` characters per line.
    pub fn new(dots: usize, columns: usize) -> Interpreter {
        Interpreter {
            dots,
            columns,
            pending: Vec::new(),
            page: PageBuilder::new(dots),
            style: Style::default(),
            code_page: CodePage::Cp437,
            power_on_page: CodePage::Cp437,
            pages: Vec::new(),
            select: Select::EscT,
            qr_module: 3,
            qr_ecc: QrEcc::L,
            qr_data: None,
            status: PrinterStatus {
                online: true,
                ..PrinterStatus::default()
            },
            replies: Vec::new(),
            notes: Vec::new(),
            offset: 0,
            just_cut: false,
            user: Default::default(),
            user_on: false,
            memory: Default::default(),
            memory_changed: false,
        }
    }

    /// Starts with this code page, for a stream that never says which one it uses.
    pub fn with_code_page(mut self, code_page: CodePage) -> Interpreter {
        self.code_page = code_page;
        self.power_on_page = code_page;
        self
    }

    /// Decodes page switches with this printer's own numbers and starts in its default page.
    pub fn with_profile(mut self, profile: &PrinterProfile) -> Interpreter {
        self.pages = profile.pages();
        self.select = profile.select;
        self.with_code_page(profile.code_page)
    }

    /// The page a select command means, or a note when it is not a page this printer has.
    fn select_page(&mut self, star: bool, n: u8) {
        let own = (self.select == Select::Star) == star;
        let page = self
            .pages
            .iter()
            .find(|(_, m)| own && *m == n)
            .map(|(p, _)| *p)
            .or_else(|| {
                if star {
                    CodePage::ALL
                        .into_iter()
                        .find(|p| p.star_number() == Some(n))
                } else {
                    CodePage::from_epson_number(n)
                }
            });
        match page {
            Some(p) => self.code_page = p,
            None => self.unknown(format!("code page {n} (kept the previous one)")),
        }
    }

    /// Feeds bytes; returns every cut they completed with its place in the stream (offsets
    /// count every byte ever fed), so a pass-through can insert before a cut.
    pub fn feed_marking_cuts(&mut self, bytes: &[u8]) -> Vec<Cut> {
        let mut pending = std::mem::take(&mut self.pending);
        pending.extend_from_slice(bytes);
        let base = self.offset;
        let mut cuts = Vec::new();
        let mut pos = 0;
        while pos < pending.len() {
            match self.step(&pending[pos..]) {
                Step::Need => break,
                Step::Done(n, page) => {
                    if std::mem::take(&mut self.just_cut) {
                        cuts.push(Cut {
                            start: base + pos as u64,
                            end: base + (pos + n) as u64,
                            page,
                            restore: self.restore_bytes(),
                        });
                    }
                    pos += n;
                }
            }
        }
        pending.drain(..pos);
        self.offset = base + pos as u64;
        self.pending = pending;
        cuts
    }

    /// Whether the unfinished command at the end of what was fed could still turn out to be
    /// a cut (`ESC i`, `ESC m`, `GS V …`), so a pass-through must hold those bytes back.
    pub fn pending_could_be_cut(&self) -> bool {
        match self.pending.as_slice() {
            [] => false,
            [ESC] | [GS] => true,
            [GS, b'V', ..] => true,
            _ => false,
        }
    }

    /// Bytes fed but not yet processed (an unfinished command).
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }

    /// Bytes that put a printer back into this stream's current state (code page, alignment,
    /// emphasis, size): sent after something was inserted into the stream.
    pub fn restore_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&crate::devices::escpos::code_page(self.code_page));
        out.extend_from_slice(&crate::devices::escpos::align(self.style.align));
        out.extend_from_slice(&crate::devices::escpos::bold(self.style.bold));
        out.extend_from_slice(&crate::devices::escpos::size(
            self.style.wide,
            self.style.tall,
        ));
        out
    }

    fn cell(&self) -> usize {
        (self.dots / self.columns.max(1)).max(8)
    }

    /// Feeds bytes; returns receipts completed by a cut.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Page> {
        self.feed_marking_cuts(bytes)
            .into_iter()
            .filter_map(|c| c.page)
            .collect()
    }

    /// At the end of the stream: a half command left over is reported, not printed.
    pub fn finish(&mut self) -> Option<String> {
        if self.pending.is_empty() {
            return None;
        }
        let n = self.pending.len();
        self.pending.clear();
        self.offset += n as u64;
        let note = format!("stream ended inside a command ({n} bytes discarded)");
        self.notes.push(Note::Unknown(note.clone()));
        Some(note)
    }

    /// Whether anything has been printed since the last cut.
    pub fn has_uncut_output(&self) -> bool {
        !self.page.is_empty()
    }

    fn step(&mut self, buf: &[u8]) -> Step {
        let b = buf[0];
        match b {
            b'\n' => {
                self.newline();
                Step::Done(1, None)
            }
            b'\r' => Step::Done(1, None),
            b'\t' => {
                self.put_char(' ');
                Step::Done(1, None)
            }
            ESC => self.esc(buf),
            GS => self.gs(buf),
            DLE => {
                let Some(&second) = buf.get(1) else {
                    return Step::Need;
                };
                if second != EOT {
                    self.unknown(format!("DLE {second:#04x}"));
                    return Step::Done(2, None);
                }
                let Some(&n) = buf.get(2) else {
                    return Step::Need;
                };
                let [printer, offline, paper] = self.status.replies();
                let reply = match n {
                    1 => Some(printer),
                    2 => Some(offline),
                    3 => Some(0x12),
                    4 => Some(paper),
                    _ => None,
                };
                match reply {
                    Some(r) => {
                        self.replies.push(r);
                        self.notes.push(Note::Answered { query: n, reply: r });
                    }
                    None => self.unknown(format!("DLE EOT {n}")),
                }
                Step::Done(3, None)
            }
            0x11 | 0x13 => Step::Done(1, None),
            c if c < 0x20 || c == 0x7F => {
                self.unknown(format!("control byte {c:#04x}"));
                Step::Done(1, None)
            }
            c => {
                let ch = match self.user.get(c) {
                    Some(_) if self.user_on => draw::user_char(c),
                    _ => self.code_page.decode_byte(c),
                };
                self.put_char(ch);
                Step::Done(1, None)
            }
        }
    }

    fn unknown(&mut self, what: String) {
        self.notes.push(Note::Unknown(what));
    }

    fn put_char(&mut self, c: char) {
        let at = self.page.at.take();
        self.page.line.push((c, self.style, at));
    }

    fn line_height(&self, tall: bool) -> usize {
        let h = self.cell() * 2;
        if tall { h * 2 } else { h }
    }

    fn newline_if_pending(&mut self) {
        if !self.page.line.is_empty() {
            self.newline();
        }
    }

    /// Prints the current line: draws its glyphs with their styles and alignment (a line
    /// with places set by `ESC $` is drawn where they say, from the left).
    fn newline(&mut self) {
        let line = std::mem::take(&mut self.page.line);
        self.page.at = None;
        let cell = self.cell();
        let tall = line.iter().any(|(_, s, _)| s.tall);
        let height = self.line_height(tall);
        let mut places = Vec::with_capacity(line.len());
        let mut x = 0;
        for (_, s, at) in &line {
            x = at.unwrap_or(x);
            places.push(x);
            x += if s.wide { cell * 2 } else { cell };
        }
        let width = places
            .iter()
            .zip(&line)
            .map(|(x, (_, s, _))| x + if s.wide { cell * 2 } else { cell })
            .max()
            .unwrap_or(0);
        let placed = line.iter().any(|(_, _, at)| at.is_some());
        let align = match line.first() {
            _ if placed => Align::Left,
            Some((_, s, _)) => s.align,
            None => self.style.align,
        };
        let left = match align {
            Align::Left => 0,
            Align::Center => self.dots.saturating_sub(width) / 2,
            Align::Right => self.dots.saturating_sub(width),
        };
        let mut rows = vec![vec![255u8; self.dots]; height];
        let mut text = String::new();
        let mut end = left + places.first().copied().unwrap_or(0);
        for ((c, s, _), x) in line.iter().zip(&places) {
            let x = left + x;
            match draw::user_code(*c).and_then(|code| self.user.get(code)) {
                Some(picture) => picture.draw(&mut rows, x, s, height),
                None => draw_glyph(&mut rows, x, *c, s, cell, height),
            }
            // A jump to the right reads as the spaces it stands for; a user-defined
            // character is a picture: its letter is not known.
            let gap = x.saturating_sub(end);
            text.extend(std::iter::repeat_n(' ', (gap + cell / 2) / cell));
            text.push(draw::user_code(*c).map_or(*c, |_| '\u{FFFC}'));
            end = x + if s.wide { cell * 2 } else { cell };
        }
        self.page.rows.extend(rows);
        self.page.text.push_str(text.trim_end());
        self.page.text.push('\n');
    }

    fn cut(&mut self) -> Option<Page> {
        self.just_cut = true;
        self.newline_if_pending();
        if self.page.is_empty() {
            return None;
        }
        let builder = std::mem::replace(&mut self.page, PageBuilder::new(self.dots));
        let height = builder.rows.len().max(1);
        let mut image =
            image::GrayImage::from_pixel(self.dots as u32, height as u32, image::Luma([255]));
        for (y, row) in builder.rows.iter().enumerate() {
            for (x, v) in row.iter().enumerate() {
                if *v != 255 {
                    image.put_pixel(x as u32, y as u32, image::Luma([*v]));
                }
            }
        }
        Some(Page {
            image,
            text: builder.text,
            qr_data: builder.qr,
            user_chars: !self.user.is_empty(),
        })
    }
}

enum Step {
    Need,
    Done(usize, Option<Page>),
}

fn printable(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("{}", b as char)
    } else {
        format!("{b:#04x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::escpos;

    #[test]
    fn code_page_switches_mid_line_are_decoded() {
        use CodePage::*;
        let mut job = escpos::init().to_vec();
        job.extend(b"Kafejn");
        job.extend([ESC, b't', 51]);
        job.extend(Cp1257.encode("īca Ķiploks"));
        job.extend([ESC, b't', 46]);
        job.extend(Cp1251.encode(" Ђорђе"));
        job.extend([ESC, b't', 0]);
        job.extend(b"\n");
        // Star Line Mode's own select command and numbers (34 is CP1251 there).
        job.extend([ESC, GS, b't', 34]);
        job.extend(Cp1251.encode("Петровић"));
        job.push(b'\n');
        job.extend(escpos::cut());
        let mut p = Interpreter::new(576, 48);
        let pages = p.feed(&job);
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        assert_eq!(pages[0].text, "Kafejnīca Ķiploks Ђорђе\nПетровић\n");
        // A number the printer does not have is reported, not guessed.
        let mut q = Interpreter::new(576, 48);
        q.feed(&[ESC, b't', 99]);
        assert!(matches!(&q.notes[0], Note::Unknown(n) if n.contains("code page 99")));
    }

    #[test]
    fn letters_the_small_font_lacks_are_drawn_not_boxed() {
        let draw = |c: char| {
            let mut rows = vec![vec![255u8; 24]; 24];
            draw_glyph(&mut rows, 0, c, &Style::default(), 12, 24);
            rows
        };
        let box_ = draw('\u{10FFFD}');
        for c in ['Ђ', 'ķ', 'Ж'] {
            let drawn = draw(c);
            let ink = drawn.iter().flatten().filter(|v| **v == 0).count();
            assert!(ink > 10 && drawn != box_, "{c}: {ink}");
        }
    }

    #[test]
    fn a_place_set_by_esc_dollar_is_where_the_next_character_goes() {
        let mut it = Interpreter::new(576, 48);
        // "A" at the start, "B" 60 dots in, then "C" back at 30 (over nothing).
        let pages = it.feed(b"A\x1b$\x3c\x00B\x1b$\x1e\x00C\n\x1bi");
        let page = pages.first().expect("a page");
        // The text reads in the order sent, a jump to the right as the spaces it stands for.
        assert_eq!(page.text.lines().next(), Some("A    BC"), "{}", page.text);
        let inked = |x0: usize, x1: usize| {
            (x0..x1).any(|x| (0..24).any(|y| page.image.get_pixel(x as u32, y).0[0] == 0))
        };
        assert!(inked(0, 12) && inked(60, 72) && inked(30, 42));
        assert!(!inked(12, 30) && !inked(42, 60));
    }

    #[test]
    fn text_styles_and_cut() {
        let mut p = Interpreter::new(384, 32);
        let mut job = escpos::init().to_vec();
        job.extend_from_slice(&escpos::code_page(CodePage::Cp858));
        job.extend_from_slice(b"Caf\x82 ");
        job.push(0xD5);
        job.push(b'\n');
        job.extend_from_slice(&escpos::bold(true));
        job.extend_from_slice(b"Total\n");
        job.extend_from_slice(&escpos::cut());
        // Fed a byte at a time: streaming must not matter.
        let mut pages = Vec::new();
        for b in &job {
            pages.extend(p.feed(std::slice::from_ref(b)));
        }
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].text, "Café €\nTotal\n");
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        assert_eq!(pages[0].image.width(), 384);
    }

    #[test]
    fn garbage_is_noted_never_panics() {
        let mut p = Interpreter::new(384, 32);
        let garbage: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let _ = p.feed(&garbage);
        let _ = p.finish();
        assert!(!p.notes.is_empty());
        // Truncated QR store at the very end is reported as such.
        let mut q = Interpreter::new(384, 32);
        assert!(q.feed(&[0x1D, 0x28, 0x6B, 0x20, 0x00, 0x31]).is_empty());
        assert!(q.finish().unwrap().contains("inside a command"));
    }

    #[test]
    fn status_queries_are_answered() {
        let mut p = Interpreter::new(384, 32);
        p.status.paper_end = true;
        p.feed(&[0x10, 0x04, 1, 0x10, 0x04, 4]);
        assert_eq!(p.replies, [0x1A, 0x7E]);
    }
}
