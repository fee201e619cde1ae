//! The virtual printer: an ESC/POS printer on a pseudo-terminal, for trying Regulars without
//! hardware and for testing real serial I/O.
//!
//! It decodes everything it receives ([`Interpreter`]), answers status queries, and writes each
//! cut receipt to `NNNN.png` with the decoded text in `NNNN.txt` and the bytes it was sent in
//! `NNNN.bin`. With a print speed set it
//! models the receive buffer: past `buffer_bytes − 128` it is busy and sends XOFF, below half
//! it sends XON, and bytes beyond a full buffer are lost (as on a real printer without flow
//! control), which is noted. Paper and cover states can be changed while it runs.

use super::escpos::{DLE, EOT};
use super::interpret::{Interpreter, Note, Page};
use super::profile::PrinterProfile;
use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

mod line;
mod memory;
pub use line::{Line, run, run_on_pty};

const XON: u8 = 0x11;
const XOFF: u8 = 0x13;

/// A change made to the virtual printer while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    PaperOut,
    PaperLow,
    PaperIn,
    CoverOpen,
    CoverClose,
}

impl Control {
    /// Reads a typed command: "paper out", "paper low", "paper in", "cover open", "cover close".
    pub fn parse(text: &str) -> Option<Control> {
        match text.trim().to_ascii_lowercase().as_str() {
            "paper out" | "out" => Some(Control::PaperOut),
            "paper low" | "low" => Some(Control::PaperLow),
            "paper in" | "paper" => Some(Control::PaperIn),
            "cover open" | "open" => Some(Control::CoverOpen),
            "cover close" | "close" => Some(Control::CoverClose),
            _ => None,
        }
    }

    /// The command's name, as typed.
    pub fn name(self) -> &'static str {
        match self {
            Control::PaperOut => "paper out",
            Control::PaperLow => "paper low",
            Control::PaperIn => "paper in",
            Control::CoverOpen => "cover open",
            Control::CoverClose => "cover close",
        }
    }
}

/// What happened, for the operator's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Printed {
        png: PathBuf,
        text: String,
    },
    Note(String),
    Busy(bool),
    /// A typed command took effect: the next byte received meets the printer in that state.
    Applied(Control),
}

/// A virtual printer: interpreter, receipt files and the receive-buffer model.
pub struct VirtualPrinter {
    pub interpreter: Interpreter,
    out_dir: PathBuf,
    /// Bytes per second it prints; 0 prints instantly (no buffer model).
    speed: usize,
    buffer_bytes: usize,
    xonxoff: bool,
    /// Whether the host honours flow control (RTS/CTS or XON/XOFF): then the printer takes no
    /// more than its buffer holds and the rest waits on the line, as BUSY makes it do.
    flow: bool,
    backlog: VecDeque<u8>,
    busy: bool,
    last_drain: Instant,
    /// The last two bytes received, so a status query split across two reads is still seen.
    tail: Vec<u8>,
    /// Bytes printed since the last cut, kept as the receipt's `NNNN.bin`.
    raw: Vec<u8>,
    /// Stream offset of `raw[0]`.
    raw_start: u64,
    /// The words of the job being printed, when the sender is Regulars itself: written as the
    /// `.txt` of a page with drawn lines, which bytes alone cannot turn back into text.
    words: Option<String>,
}

impl VirtualPrinter {
    pub fn new(profile: &PrinterProfile, out_dir: &Path, speed: usize) -> io::Result<Self> {
        std::fs::create_dir_all(out_dir)?;
        let mut interpreter = Interpreter::new(profile.dots, profile.columns).with_profile(profile);
        interpreter.memory = memory::load(out_dir);
        Ok(VirtualPrinter {
            interpreter,
            out_dir: out_dir.to_path_buf(),
            speed,
            buffer_bytes: profile.buffer_bytes,
            xonxoff: profile.flow_control == super::profile::FlowControl::XonXoff,
            flow: profile.flow_control != super::profile::FlowControl::None,
            backlog: VecDeque::new(),
            busy: false,
            last_drain: Instant::now(),
            tail: Vec::new(),
            raw: Vec::new(),
            raw_start: 0,
            words: None,
        })
    }

    /// The words of the next job, for its `.txt` when some of its lines arrive as images.
    pub fn with_words(mut self, words: &str) -> Self {
        self.words = Some(words.to_string());
        self
    }

    /// Applies a control command.
    pub fn control(&mut self, c: Control) {
        let s = &mut self.interpreter.status;
        match c {
            Control::PaperOut => s.paper_end = true,
            Control::PaperLow => s.paper_near_end = true,
            Control::PaperIn => {
                s.paper_end = false;
                s.paper_near_end = false;
            }
            Control::CoverOpen => s.cover_open = true,
            Control::CoverClose => s.cover_open = false,
        }
    }

    /// Takes bytes from the host. Returns bytes to send back (status replies, XON/XOFF).
    pub fn receive(&mut self, bytes: &[u8], events: &mut Vec<Event>) -> io::Result<Vec<u8>> {
        if self.speed == 0 {
            self.process(bytes, events)?;
        } else {
            // Real-time status requests are answered on arrival, even while busy, also when
            // one arrives split across two reads (the line delivers bytes in any chunks).
            let mut seen = std::mem::take(&mut self.tail);
            seen.extend_from_slice(bytes);
            self.tail = seen[seen.len().saturating_sub(2)..].to_vec();
            for w in seen.windows(3) {
                if w[0] == DLE && w[1] == EOT {
                    let [p, o, paper] = self.interpreter.status.replies();
                    let r = match w[2] {
                        1 => p,
                        2 => o,
                        4 => paper,
                        _ => continue,
                    };
                    self.interpreter.replies.push(r);
                }
            }
            let room = self.buffer_bytes.saturating_sub(self.backlog.len());
            if bytes.len() > room {
                events.push(Event::Note(format!(
                    "receive buffer overflow: {} bytes lost (use flow control)",
                    bytes.len() - room
                )));
            }
            self.backlog.extend(bytes.iter().take(room).copied());
            self.drain(events)?;
        }
        let mut out = std::mem::take(&mut self.interpreter.replies);
        out.extend(self.flow_bytes(events));
        Ok(out)
    }

    /// Prints what the simulated print speed allows since the last call.
    pub fn drain(&mut self, events: &mut Vec<Event>) -> io::Result<Vec<u8>> {
        if self.speed == 0 {
            return Ok(Vec::new());
        }
        let elapsed = self.last_drain.elapsed();
        let n = ((elapsed.as_secs_f64() * self.speed as f64) as usize).min(self.backlog.len());
        if n > 0 || self.backlog.is_empty() {
            self.last_drain = Instant::now();
        }
        if n > 0 {
            let chunk: Vec<u8> = self.backlog.drain(..n).collect();
            // Status queries were answered on arrival; drop the interpreter's duplicate replies.
            let before = self.interpreter.replies.len();
            self.process(&chunk, events)?;
            self.interpreter.replies.truncate(before);
        }
        Ok(self.flow_bytes(events))
    }

    fn flow_bytes(&mut self, events: &mut Vec<Event>) -> Vec<u8> {
        let high = self.buffer_bytes.saturating_sub(128);
        if !self.busy && self.speed > 0 && self.backlog.len() >= high {
            self.busy = true;
            events.push(Event::Busy(true));
            return if self.xonxoff { vec![XOFF] } else { Vec::new() };
        }
        if self.busy && self.backlog.len() <= self.buffer_bytes / 2 {
            self.busy = false;
            events.push(Event::Busy(false));
            return if self.xonxoff { vec![XON] } else { Vec::new() };
        }
        Vec::new()
    }

    fn process(&mut self, bytes: &[u8], events: &mut Vec<Event>) -> io::Result<()> {
        self.raw.extend_from_slice(bytes);
        let cuts = self.interpreter.feed_marking_cuts(bytes);
        if std::mem::take(&mut self.interpreter.memory_changed) {
            memory::save(&self.out_dir, &self.interpreter.memory)?;
        }
        for note in self.interpreter.notes.drain(..) {
            if let Note::Unknown(what) = note {
                events.push(Event::Note(format!("skipped: {what}")));
            }
        }
        for cut in cuts {
            let upto = (cut.end.saturating_sub(self.raw_start) as usize).min(self.raw.len());
            let job: Vec<u8> = self.raw.drain(..upto).collect();
            self.raw_start = cut.end;
            let Some(page) = cut.page else { continue };
            let png = self.save(&page, &job)?;
            events.push(Event::Printed {
                png,
                text: page.text,
            });
        }
        Ok(())
    }

    /// Writes a page as the next free `NNNN.png`, with `NNNN.txt` and the bytes `NNNN.bin`.
    pub fn save(&mut self, page: &Page, raw: &[u8]) -> io::Result<PathBuf> {
        let mut n = 1;
        let png = loop {
            let candidate = self.out_dir.join(format!("{n:04}.png"));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        // Text first, then the picture under a temporary name renamed into place: whoever
        // watches the folder never opens half a receipt.
        // Decoded text, unless part of the page came as images and the job's words are known.
        let text = match &self.words {
            Some(words) if page.text.contains("[image ") || page.text.contains('\u{FFFC}') => {
                words.as_str()
            }
            _ => page.text.as_str(),
        };
        std::fs::write(png.with_extension("txt"), text)?;
        std::fs::write(png.with_extension("bin"), raw)?;
        let partial = png.with_extension("png.part");
        page.image
            .save_with_format(&partial, image::ImageFormat::Png)
            .map_err(|e| io::Error::other(format!("cannot write {}: {e}", png.display())))?;
        std::fs::rename(&partial, &png)?;
        Ok(png)
    }

    /// How many bytes it will take from the line now: its free buffer when flow control holds
    /// the host back, anything otherwise (what does not fit is lost, as on a real printer).
    pub fn room(&self) -> usize {
        if self.speed > 0 && self.flow {
            self.buffer_bytes.saturating_sub(self.backlog.len())
        } else {
            usize::MAX
        }
    }

    /// True when nothing is waiting to print.
    pub fn idle(&self) -> bool {
        self.backlog.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A status query split across two reads is answered once, as a real printer would.
    #[test]
    fn a_status_query_split_across_reads_is_answered() {
        let profile = super::super::profile::PrinterProfile::load("generic-58mm").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut p = VirtualPrinter::new(&profile, dir.path(), 3000).unwrap();
        let mut events = Vec::new();
        let status = |out: &[u8]| out.iter().filter(|b| (**b & 0x93) == 0x12).count();
        let first = p.receive(&[b'x', DLE], &mut events).unwrap();
        assert_eq!(status(&first), 0);
        let second = p.receive(&[EOT, 1], &mut events).unwrap();
        assert_eq!(status(&second), 1, "{second:?}");
        // And the same query whole in one read is answered once, not twice.
        let whole = p.receive(&[DLE, EOT, 1], &mut events).unwrap();
        assert_eq!(status(&whole), 1, "{whole:?}");
    }
}
