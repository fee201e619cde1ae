//! ESC/POS commands: bytes out, no I/O. Tested against byte literals.
//!
//! Command shapes follow the Epson reference as summarised in ../shared/FIELD-NOTES.md: native QR
//! through `GS ( k` costs about a hundred bytes where the same symbol as a raster image costs
//! kilobytes, so native is used whenever the profile allows.

use super::codepage::CodePage;

pub const ESC: u8 = 0x1B;
pub const GS: u8 = 0x1D;
pub const DLE: u8 = 0x10;
pub const EOT: u8 = 0x04;
pub const LF: u8 = 0x0A;

/// Horizontal alignment (`ESC a n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left = 0,
    Center = 1,
    Right = 2,
}

/// QR error correction level (`GS ( k` function 169).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrEcc {
    L,
    M,
    Q,
    H,
}

impl QrEcc {
    fn byte(self) -> u8 {
        match self {
            QrEcc::L => 0x30,
            QrEcc::M => 0x31,
            QrEcc::Q => 0x32,
            QrEcc::H => 0x33,
        }
    }

    /// The level for a `GS ( k` byte.
    pub fn from_byte(b: u8) -> Option<QrEcc> {
        match b {
            0x30 => Some(QrEcc::L),
            0x31 => Some(QrEcc::M),
            0x32 => Some(QrEcc::Q),
            0x33 => Some(QrEcc::H),
            _ => None,
        }
    }

    /// The `qrcode` crate's level.
    pub fn to_qrcode(self) -> qrcode::EcLevel {
        match self {
            QrEcc::L => qrcode::EcLevel::L,
            QrEcc::M => qrcode::EcLevel::M,
            QrEcc::Q => qrcode::EcLevel::Q,
            QrEcc::H => qrcode::EcLevel::H,
        }
    }
}

/// `ESC @`: reset to power-on settings.
pub fn init() -> [u8; 2] {
    [ESC, b'@']
}

/// `ESC t n` with Epson's number for `page`: select the character table. (A receipt uses its
/// printer profile's numbers instead: [`super::profile::PrinterProfile::select_bytes`].)
pub fn code_page(page: CodePage) -> [u8; 3] {
    [ESC, b't', page.epson_number()]
}

/// `ESC a n`.
pub fn align(a: Align) -> [u8; 3] {
    [ESC, b'a', a as u8]
}

/// `ESC E n`: emphasis on or off.
pub fn bold(on: bool) -> [u8; 3] {
    [ESC, b'E', u8::from(on)]
}

/// `GS ! n`: character size, 1 or 2 times in each direction.
pub fn size(double_width: bool, double_height: bool) -> [u8; 3] {
    [
        GS,
        b'!',
        (u8::from(double_width) << 4) | u8::from(double_height),
    ]
}

/// `ESC d n`: print and feed n lines.
pub fn feed(lines: u8) -> [u8; 3] {
    [ESC, b'd', lines]
}

/// `GS V 1`: partial cut. Send only at the start of a line (after LF), as cutters expect.
pub fn cut() -> [u8; 3] {
    [GS, b'V', 1]
}

/// Native QR code: model 2, module size, error correction, store the data, print it.
pub fn qr_native(data: &[u8], module: u8, ecc: QrEcc) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 32);
    out.extend_from_slice(&[GS, b'(', b'k', 4, 0, 0x31, 0x41, 0x32, 0x00]);
    out.extend_from_slice(&[GS, b'(', b'k', 3, 0, 0x31, 0x43, module.clamp(1, 16)]);
    out.extend_from_slice(&[GS, b'(', b'k', 3, 0, 0x31, 0x45, ecc.byte()]);
    let len = data.len() + 3;
    out.extend_from_slice(&[
        GS,
        b'(',
        b'k',
        (len & 0xFF) as u8,
        (len >> 8) as u8,
        0x31,
        0x50,
        0x30,
    ]);
    out.extend_from_slice(data);
    out.extend_from_slice(&[GS, b'(', b'k', 3, 0, 0x31, 0x51, 0x30]);
    out
}

/// `GS v 0`: a 1-bit raster image, `width` dots wide, rows packed MSB first, 1 = black.
pub fn raster(width: usize, height: usize, rows: &[u8]) -> Vec<u8> {
    let bytes_per_row = width.div_ceil(8);
    debug_assert_eq!(rows.len(), bytes_per_row * height);
    let mut out = Vec::with_capacity(rows.len() + 8);
    out.extend_from_slice(&[
        GS,
        b'v',
        b'0',
        0,
        (bytes_per_row & 0xFF) as u8,
        (bytes_per_row >> 8) as u8,
        (height & 0xFF) as u8,
        (height >> 8) as u8,
    ]);
    out.extend_from_slice(rows);
    out
}

/// The key under which the shop's logo is kept in the printer's memory (`GS ( L`).
pub const LOGO_KEY: [u8; 2] = *b"RL";

/// `GS ( L` function 67: keeps a 1-bit picture in the printer's non-volatile memory under
/// `key` (two characters 32–126), replacing one kept there before. The memory wears with
/// writing: send it only when the picture changed.
pub fn nv_define(key: [u8; 2], width: usize, height: usize, rows: &[u8]) -> Vec<u8> {
    let bytes_per_row = width.div_ceil(8);
    debug_assert_eq!(rows.len(), bytes_per_row * height);
    let len = 11 + rows.len();
    let mut out = Vec::with_capacity(len + 5);
    out.extend_from_slice(&[GS, b'(', b'L', (len & 0xFF) as u8, (len >> 8) as u8]);
    // m = 48, fn = 67, a = 48 (monochrome raster), the key, b = 1 colour, size, c = 49.
    out.extend_from_slice(&[48, 67, 48, key[0], key[1], 1]);
    let w = bytes_per_row * 8;
    out.extend_from_slice(&[(w & 0xFF) as u8, (w >> 8) as u8]);
    out.extend_from_slice(&[(height & 0xFF) as u8, (height >> 8) as u8, 49]);
    out.extend_from_slice(rows);
    out
}

/// `GS ( L` function 69: prints the picture kept under `key`, at its size.
pub fn nv_print(key: [u8; 2]) -> [u8; 11] {
    [GS, b'(', b'L', 6, 0, 48, 69, key[0], key[1], 1, 1]
}

/// `DLE EOT n`: real-time status request (n = 1 printer, 2 offline cause, 4 paper sensor).
pub fn status_query(n: u8) -> [u8; 3] {
    [DLE, EOT, n]
}

/// The printer's state, from the answers to `DLE EOT 1`, `2` and `4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct PrinterStatus {
    pub online: bool,
    pub cover_open: bool,
    pub paper_near_end: bool,
    pub paper_end: bool,
    pub error: bool,
}

impl PrinterStatus {
    /// Combines the three answers (each already checked with [`is_status_reply`]).
    pub fn from_replies(printer: u8, offline: u8, paper: u8) -> PrinterStatus {
        PrinterStatus {
            online: printer & 0x08 == 0,
            cover_open: offline & 0x04 != 0,
            paper_end: offline & 0x20 != 0 || paper & 0x60 != 0,
            paper_near_end: paper & 0x0C != 0,
            error: offline & 0x40 != 0,
        }
    }

    /// Whether a job can be sent now.
    pub fn ready(&self) -> bool {
        self.online && !self.cover_open && !self.paper_end && !self.error
    }

    /// What the cashier reads.
    pub fn describe(&self) -> &'static str {
        if self.cover_open {
            "printer cover open: close it"
        } else if self.paper_end {
            "printer out of paper: load a new roll"
        } else if self.error {
            "printer error: switch it off and on"
        } else if !self.online {
            "printer offline"
        } else if self.paper_near_end {
            "paper low: have a roll ready"
        } else {
            "printer ready"
        }
    }

    /// The message id of [`Self::describe`], for the counter's words.
    pub fn message_id(&self) -> &'static str {
        if self.cover_open {
            "printer-cover-open"
        } else if self.paper_end {
            "printer-paper-out"
        } else if self.error {
            "printer-error"
        } else if !self.online {
            "printer-offline"
        } else if self.paper_near_end {
            "printer-paper-low"
        } else {
            "printer-ready"
        }
    }

    /// The answers a printer in this state gives to `DLE EOT 1`, `2` and `4`.
    pub fn replies(&self) -> [u8; 3] {
        let offline_now = !self.ready();
        let printer = 0x12 | if offline_now { 0x08 } else { 0 };
        let offline = 0x12
            | if self.cover_open { 0x04 } else { 0 }
            | if self.paper_end { 0x20 } else { 0 }
            | if self.error { 0x40 } else { 0 };
        let paper =
            0x12 | if self.paper_near_end || self.paper_end {
                0x0C
            } else {
                0
            } | if self.paper_end { 0x60 } else { 0 };
        [printer, offline, paper]
    }
}

/// A real-time status reply is shaped `0xx1xx10`.
pub fn is_status_reply(b: u8) -> bool {
    b & 0x93 == 0x12
}

/// The first byte of an Automatic Status Back block is shaped `0xx1xx00`: told apart from
/// status replies in the same stream by its low bits.
pub fn is_asb_first(b: u8) -> bool {
    b & 0x93 == 0x10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_commands() {
        assert_eq!(init(), [0x1B, 0x40]);
        assert_eq!(code_page(CodePage::Cp858), [0x1B, 0x74, 19]);
        assert_eq!(align(Align::Center), [0x1B, 0x61, 1]);
        assert_eq!(bold(true), [0x1B, 0x45, 1]);
        assert_eq!(size(true, true), [0x1D, 0x21, 0x11]);
        assert_eq!(size(false, true), [0x1D, 0x21, 0x01]);
        assert_eq!(feed(3), [0x1B, 0x64, 3]);
        assert_eq!(cut(), [0x1D, 0x56, 1]);
        assert_eq!(status_query(4), [0x10, 0x04, 4]);
    }

    #[test]
    fn native_qr_bytes() {
        let q = qr_native(b"AB", 6, QrEcc::M);
        #[rustfmt::skip]
        let expected: &[u8] = &[
            0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 6,
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,
            0x1D, 0x28, 0x6B, 0x05, 0x00, 0x31, 0x50, 0x30, b'A', b'B',
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
        ];
        assert_eq!(q, expected);
    }

    #[test]
    fn raster_header() {
        let r = raster(9, 2, &[0xFF, 0x80, 0x00, 0x00]);
        assert_eq!(r, [0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0xFF, 0x80, 0x00, 0x00]);
    }

    #[test]
    fn status_from_field_notes() {
        // An out-of-paper printer answers 1A 32 7E; 0x12 is online.
        let s = PrinterStatus::from_replies(0x1A, 0x32, 0x7E);
        assert!(!s.online && s.paper_end && s.paper_near_end && !s.cover_open);
        assert_eq!(s.describe(), "printer out of paper: load a new roll");
        let ok = PrinterStatus::from_replies(0x12, 0x12, 0x12);
        assert!(ok.ready());
        assert_eq!(ok.replies(), [0x12, 0x12, 0x12]);
        assert_eq!(s.replies(), [0x1A, 0x32, 0x7E]);
        let cover = PrinterStatus::from_replies(0x1A, 0x16, 0x12);
        assert!(cover.cover_open && !cover.ready());
        for b in [0x12, 0x1A, 0x32, 0x7E, 0x16] {
            assert!(is_status_reply(b) && !is_asb_first(b), "{b:#x}");
        }
        assert!(is_asb_first(0x10) && !is_status_reply(0x10));
    }
}
