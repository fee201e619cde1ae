//! The ESC and GS commands a printer understands (text style, code pages, pictures, QR codes,
//! cuts and status), each decoded from the stream as the printer would.

use super::*;

impl Interpreter {
    pub(super) fn esc(&mut self, buf: &[u8]) -> Step {
        let Some(&cmd) = buf.get(1) else {
            return Step::Need;
        };
        let arg = |i: usize| buf.get(i).copied();
        match cmd {
            b'@' => {
                self.style = Style::default();
                self.code_page = self.power_on_page;
                self.user.clear();
                self.user_on = false;
                Step::Done(2, None)
            }
            b'%' => {
                let Some(n) = arg(2) else {
                    return Step::Need;
                };
                self.user_on = n & 1 == 1;
                Step::Done(3, None)
            }
            b'?' => {
                let Some(n) = arg(2) else {
                    return Step::Need;
                };
                self.user.cancel(n);
                Step::Done(3, None)
            }
            b'&' => self.define_user_chars(buf),
            b'$' => {
                let (Some(lo), Some(hi)) = (arg(2), arg(3)) else {
                    return Step::Need;
                };
                self.page.at = Some(usize::from(lo) | usize::from(hi) << 8);
                Step::Done(4, None)
            }
            b'a' | b'E' | b't' | b'd' | b'J' | b'!' | b'-' | b'M' | b'R' | b'{' | b'G' | b'3'
            | b'U' | b'V' | b'r' | b'c' | b'e' => {
                let Some(n) = arg(2) else {
                    return Step::Need;
                };
                match cmd {
                    b'a' => {
                        self.style.align = match n % 48 {
                            1 => Align::Center,
                            2 => Align::Right,
                            _ => Align::Left,
                        }
                    }
                    b'E' => self.style.bold = n & 1 == 1,
                    b't' => self.select_page(false, n),
                    b'd' => {
                        self.newline_if_pending();
                        let h = self.line_height(false);
                        self.page.blank_rows(usize::from(n) * h);
                    }
                    b'J' => {
                        self.newline_if_pending();
                        self.page.blank_rows(usize::from(n));
                    }
                    b'!' => {
                        self.style.bold = n & 0x08 != 0;
                        self.style.tall = n & 0x10 != 0;
                        self.style.wide = n & 0x20 != 0;
                    }
                    b'c' => {
                        // ESC c 3/4/5 n: paper sensor and panel settings, 4 bytes.
                        return if buf.len() < 4 {
                            Step::Need
                        } else {
                            Step::Done(4, None)
                        };
                    }
                    _ => {}
                }
                Step::Done(3, None)
            }
            b'2' => Step::Done(2, None),
            b'p' => {
                if buf.len() < 5 {
                    Step::Need
                } else {
                    Step::Done(5, None)
                }
            }
            b'i' | b'm' => Step::Done(2, self.cut()),
            GS => {
                // Star Line Mode: ESC GS t n selects a code page.
                let (Some(sub), Some(n)) = (arg(2), arg(3)) else {
                    return Step::Need;
                };
                if sub == b't' {
                    self.select_page(true, n);
                } else {
                    self.unknown(format!("ESC GS {}", printable(sub)));
                }
                Step::Done(4, None)
            }
            other => {
                self.unknown(format!("ESC {}", printable(other)));
                Step::Done(2, None)
            }
        }
    }

    /// `ESC & y c1 c2 [x d1 … d(y×x)]…`: characters c1 to c2, each x dots wide and y bytes
    /// (8y dots) tall, column by column.
    fn define_user_chars(&mut self, buf: &[u8]) -> Step {
        let (Some(&y), Some(&c1), Some(&c2)) = (buf.get(2), buf.get(3), buf.get(4)) else {
            return Step::Need;
        };
        if !(1..=3).contains(&y) || c1 < 0x20 || c2 > 0x7E || c1 > c2 {
            self.unknown(format!(
                "ESC & {y} {c1} {c2} (not a character range it takes)"
            ));
            return Step::Done(5, None);
        }
        let per_column = usize::from(y);
        let mut at = 5;
        let mut defined = Vec::new();
        for code in c1..=c2 {
            let Some(&x) = buf.get(at) else {
                return Step::Need;
            };
            let len = usize::from(x) * per_column;
            if buf.len() < at + 1 + len {
                return Step::Need;
            }
            defined.push((code, usize::from(x), at + 1));
            at += 1 + len;
        }
        for (code, x, from) in defined {
            let data = &buf[from..from + x * per_column];
            self.user.define(code, x, per_column, data);
        }
        Step::Done(at, None)
    }

    pub(super) fn gs(&mut self, buf: &[u8]) -> Step {
        let Some(&cmd) = buf.get(1) else {
            return Step::Need;
        };
        match cmd {
            b'!' => {
                let Some(&n) = buf.get(2) else {
                    return Step::Need;
                };
                self.style.wide = n & 0xF0 != 0;
                self.style.tall = n & 0x0F != 0;
                Step::Done(3, None)
            }
            b'V' => {
                let Some(&m) = buf.get(2) else {
                    return Step::Need;
                };
                let len = if matches!(m, 65 | 66 | 97 | 98 | 103 | 104) {
                    4
                } else {
                    3
                };
                if buf.len() < len {
                    return Step::Need;
                }
                Step::Done(len, self.cut())
            }
            b'a' | b'B' | b'b' | b'f' | b'h' | b'w' | b'H' | b'r' => {
                if buf.len() < 3 {
                    Step::Need
                } else {
                    Step::Done(3, None)
                }
            }
            b'L' | b'W' => {
                if buf.len() < 4 {
                    Step::Need
                } else {
                    Step::Done(4, None)
                }
            }
            b'k' => {
                // GS k m d1…dk NUL (barcodes, m 0–6) or GS k m n d1…dn (m 65–79): skipped.
                let Some(&m) = buf.get(2) else {
                    return Step::Need;
                };
                if m <= 6 {
                    match buf[3..].iter().position(|b| *b == 0) {
                        Some(i) => Step::Done(3 + i + 1, None),
                        None => Step::Need,
                    }
                } else {
                    let Some(&n) = buf.get(3) else {
                        return Step::Need;
                    };
                    let len = 4 + usize::from(n);
                    if buf.len() < len {
                        Step::Need
                    } else {
                        Step::Done(len, None)
                    }
                }
            }
            b'(' => {
                let (Some(&fun), Some(&pl), Some(&ph)) = (buf.get(2), buf.get(3), buf.get(4))
                else {
                    return Step::Need;
                };
                let len = usize::from(pl) | (usize::from(ph) << 8);
                if len > MAX_COMMAND {
                    self.unknown(format!("GS ( {} with {len} bytes", printable(fun)));
                    return Step::Done(5, None);
                }
                if buf.len() < 5 + len {
                    return Step::Need;
                }
                let body = buf[5..5 + len].to_vec();
                let page = match fun {
                    b'k' => self.qr_function(&body),
                    b'L' => {
                        self.graphics_function(&body);
                        None
                    }
                    _ => None,
                };
                Step::Done(5 + len, page)
            }
            b'v' => {
                if buf.len() < 8 {
                    return Step::Need;
                }
                let bytes_per_row = usize::from(buf[4]) | (usize::from(buf[5]) << 8);
                let height = usize::from(buf[6]) | (usize::from(buf[7]) << 8);
                let size = bytes_per_row * height;
                if buf[2] != b'0' && buf[2] != 0 || size > MAX_COMMAND || bytes_per_row == 0 {
                    self.unknown(format!("GS v with {bytes_per_row}×{height} bytes"));
                    return Step::Done(8, None);
                }
                if buf.len() < 8 + size {
                    return Step::Need;
                }
                let bmp = Bitmap {
                    width: bytes_per_row * 8,
                    height,
                    rows: buf[8..8 + size].to_vec(),
                };
                self.newline_if_pending();
                self.page.blit(&bmp, self.style.align);
                self.page
                    .text
                    .push_str(&format!("[image {}x{}]\n", bmp.width, height));
                Step::Done(8 + size, None)
            }
            other => {
                self.unknown(format!("GS {}", printable(other)));
                Step::Done(2, None)
            }
        }
    }

    /// `GS ( L`: function 67 keeps a monochrome raster picture under a two-byte key in the
    /// printer's memory (kept across jobs and `ESC @`), 69 prints one; others are noted.
    fn graphics_function(&mut self, body: &[u8]) {
        match body {
            [48, 67, 48, k1, k2, 1, xl, xh, yl, yh, 49, data @ ..] => {
                let width = usize::from(*xl) | usize::from(*xh) << 8;
                let height = usize::from(*yl) | usize::from(*yh) << 8;
                let bytes_per_row = width.div_ceil(8);
                if width == 0 || data.len() != bytes_per_row * height {
                    self.unknown(format!(
                        "GS ( L picture {width}×{height} with {} bytes",
                        data.len()
                    ));
                    return;
                }
                let picture = Bitmap {
                    width: bytes_per_row * 8,
                    height,
                    rows: data.to_vec(),
                };
                self.memory.insert([*k1, *k2], picture);
                self.memory_changed = true;
            }
            [48, 69, k1, k2, ..] => match self.memory.get(&[*k1, *k2]).cloned() {
                Some(bmp) => {
                    self.newline_if_pending();
                    self.page.blit(&bmp, self.style.align);
                    self.page.text.push_str(&format!(
                        "[kept picture {}{} {}x{}]\n",
                        char::from(*k1),
                        char::from(*k2),
                        bmp.width,
                        bmp.height
                    ));
                }
                None => self.unknown(format!(
                    "GS ( L print of picture {}{}, which the printer does not keep",
                    char::from(*k1),
                    char::from(*k2)
                )),
            },
            [m, f, ..] => self.unknown(format!("GS ( L function {f} (m {m})")),
            _ => self.unknown("empty GS ( L".into()),
        }
    }

    pub(super) fn qr_function(&mut self, body: &[u8]) -> Option<Page> {
        // body: cn fn [params]; cn 0x31 is QR.
        let (Some(&cn), Some(&fun)) = (body.first(), body.get(1)) else {
            self.unknown("empty GS ( k".into());
            return None;
        };
        if cn != 0x31 {
            return None;
        }
        match fun {
            0x41 => {}
            0x43 => self.qr_module = body.get(2).copied().unwrap_or(3).clamp(1, 16),
            0x45 => {
                self.qr_ecc = body
                    .get(2)
                    .and_then(|b| QrEcc::from_byte(*b))
                    .unwrap_or(QrEcc::L)
            }
            0x50 => self.qr_data = Some(body.get(3..).unwrap_or_default().to_vec()),
            0x51 => {
                let Some(data) = self.qr_data.clone() else {
                    self.unknown("QR print without stored data".into());
                    return None;
                };
                let text = String::from_utf8_lossy(&data).into_owned();
                self.newline_if_pending();
                match qr_bitmap(&text, usize::from(self.qr_module), self.qr_ecc, SPEC_QUIET) {
                    Some(bmp) => {
                        self.page.blit(&bmp, self.style.align);
                        self.page.text.push_str(&format!("[QR] {text}\n"));
                        self.page.qr.push(text);
                    }
                    None => self.unknown(format!("QR data too long ({} bytes)", data.len())),
                }
            }
            other => self.unknown(format!("GS ( k function {other:#04x}")),
        }
        None
    }
}
