//! Barcode scanners: framing the byte stream into codes, and telling what a code is.
//!
//! A frame is `[prefix][AIM id][data][suffix]` (FIELD-NOTES). Frames end at the profile's
//! suffix, or after a pause when there is none. Over-long, binary and half frames are rejected
//! with a reason, never a panic. Scanners repeat a code held under the beam, so the same code
//! again within the profile's window is dropped. Time is passed in (milliseconds), so all of
//! this is pure.

use super::profile::{ScannerProfile, Suffix};
use crate::domain::code::{CustomerCode, ReferralCode};
use serde::Serialize;

/// Longest code accepted: a receipt URL is ~60 characters; anything near this is noise.
pub const MAX_FRAME: usize = 512;

/// A code as read, with what the scanner sent around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scan {
    pub data: String,
    /// AIM symbology identifier, e.g. `]E0`, when the scanner sends them.
    pub aim: Option<String>,
    pub prefix: Option<String>,
}

/// What framing produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Code(Scan),
    Rejected { reason: ScanProblem },
}

/// Why bytes from the scanner are not a code Regulars can use. Shown through `message_id`
/// (the reader's language); `Display` and JSON give the English sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanProblem {
    #[error("more than {MAX_FRAME} bytes without an end: not a code (noise on the line?)")]
    TooLong,
    #[error("half a code ({0} bytes) with no end: scan it again")]
    HalfCode(usize),
    #[error("binary data, not a code")]
    Binary,
    #[error("control characters in the code: check the scanner's suffix setting")]
    Control,
    #[error("an empty code")]
    Empty,
    #[error("{0} digits is not a product barcode length")]
    DigitCount(usize),
    #[error("{0} with a wrong check digit: scan it again")]
    CheckDigit(&'static str),
    #[error("looks like a card code but its check character is wrong: scan it again")]
    CardCheck,
    #[error("not a code Regulars knows")]
    NotOurs,
}

impl ScanProblem {
    /// The message id (in `notices.ftl`) and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ScanProblem::TooLong => ("scan-too-long", vec![("max", MAX_FRAME.to_string())]),
            ScanProblem::HalfCode(n) => ("scan-half-code", vec![("bytes", n.to_string())]),
            ScanProblem::Binary => ("scan-binary", vec![]),
            ScanProblem::Control => ("scan-control", vec![]),
            ScanProblem::Empty => ("scan-empty", vec![]),
            ScanProblem::DigitCount(n) => ("scan-digit-count", vec![("digits", n.to_string())]),
            ScanProblem::CheckDigit(s) => ("scan-check-digit", vec![("symbology", s.to_string())]),
            ScanProblem::CardCheck => ("scan-card-check", vec![]),
            ScanProblem::NotOurs => ("scan-not-ours", vec![]),
        }
    }
}

impl Serialize for ScanProblem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Splits a scanner's byte stream into frames.
pub struct Framer {
    suffix: Suffix,
    prefix: String,
    aim: bool,
    gap_ms: u64,
    buf: Vec<u8>,
    last_byte_at: u64,
    /// Skipping the rest of an over-long frame, up to the next suffix.
    discarding: bool,
}

impl Framer {
    pub fn new(profile: &ScannerProfile) -> Framer {
        Framer {
            suffix: profile.suffix,
            prefix: profile.prefix.clone(),
            aim: profile.aim,
            gap_ms: profile.gap_ms,
            buf: Vec::new(),
            last_byte_at: 0,
            discarding: false,
        }
    }

    /// Takes bytes that arrived at `now_ms`.
    pub fn push(&mut self, bytes: &[u8], now_ms: u64) -> Vec<Frame> {
        let mut out = self.tick(now_ms);
        let end = self.suffix.bytes();
        for &b in bytes {
            self.last_byte_at = now_ms;
            // A lone CR or LF also ends a frame for CRLF scanners; the other half is ignored.
            let is_end = match self.suffix {
                Suffix::CrLf => b == b'\n' || b == b'\r',
                Suffix::None => false,
                _ => end == [b],
            };
            if is_end {
                if self.discarding {
                    self.discarding = false;
                } else if !self.buf.is_empty() {
                    out.push(self.finish());
                }
                continue;
            }
            if self.discarding {
                continue;
            }
            self.buf.push(b);
            if self.buf.len() > MAX_FRAME {
                self.buf.clear();
                self.discarding = self.suffix != Suffix::None;
                out.push(Frame::Rejected {
                    reason: ScanProblem::TooLong,
                });
            }
        }
        out
    }

    /// Called when time passes without bytes: ends a suffix-less frame after the gap, and
    /// rejects a half frame that never got its suffix.
    pub fn tick(&mut self, now_ms: u64) -> Vec<Frame> {
        if self.buf.is_empty() || now_ms.saturating_sub(self.last_byte_at) < self.gap_ms {
            return Vec::new();
        }
        if self.suffix == Suffix::None {
            return vec![self.finish()];
        }
        let n = self.buf.len();
        self.buf.clear();
        vec![Frame::Rejected {
            reason: ScanProblem::HalfCode(n),
        }]
    }

    fn finish(&mut self) -> Frame {
        let raw = std::mem::take(&mut self.buf);
        let Ok(text) = String::from_utf8(raw) else {
            return Frame::Rejected {
                reason: ScanProblem::Binary,
            };
        };
        if text.chars().any(|c| c.is_control()) {
            return Frame::Rejected {
                reason: ScanProblem::Control,
            };
        }
        let mut data = text.as_str();
        let mut prefix = None;
        if !self.prefix.is_empty()
            && let Some(rest) = data.strip_prefix(self.prefix.as_str())
        {
            prefix = Some(self.prefix.clone());
            data = rest;
        }
        let mut aim = None;
        if self.aim && data.starts_with(']') && data.len() >= 3 && data.is_char_boundary(3) {
            aim = Some(data[..3].to_string());
            data = &data[3..];
        }
        let data = data.trim();
        if data.is_empty() {
            return Frame::Rejected {
                reason: ScanProblem::Empty,
            };
        }
        Frame::Code(Scan {
            data: data.to_string(),
            aim,
            prefix,
        })
    }
}

/// Drops the same code seen again within a window.
pub struct Debouncer {
    window_ms: u64,
    last: Option<(String, u64)>,
}

impl Debouncer {
    pub fn new(window_ms: u64) -> Debouncer {
        Debouncer {
            window_ms,
            last: None,
        }
    }

    /// Whether this scan is new (not a repeat of the previous code within the window).
    pub fn accept(&mut self, data: &str, now_ms: u64) -> bool {
        let repeat = matches!(&self.last, Some((d, t)) if d == data && now_ms.saturating_sub(*t) < self.window_ms);
        self.last = Some((data.to_string(), now_ms));
        !repeat
    }
}

/// What a scanned code is, for the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScanKind {
    /// A loyalty card, or the member QR on a customer's phone.
    CustomerCard {
        code: String,
    },
    /// A QR from one of our receipts: the visit's token (not yet verified).
    Receipt {
        token: String,
    },
    /// A friend's referral code (or their /join link).
    Referral {
        code: String,
    },
    /// A product barcode with a valid check digit.
    Product {
        symbology: &'static str,
        gtin: String,
    },
    Unknown {
        reason: ScanProblem,
    },
}

/// Tells what a code is. Receipt URLs are recognised by their `/R/` path whatever the host, so
/// receipts printed before a change of `public_url` still open.
pub fn classify(data: &str) -> ScanKind {
    let d = data.trim();
    let upper = d.to_ascii_uppercase();
    if let Some(i) = upper.find("/R/") {
        let token = &upper[i + 3..];
        if upper.starts_with("HTTP")
            && token.len() == 24
            && token.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return ScanKind::Receipt {
                token: token.to_string(),
            };
        }
    }
    if let Some(i) = upper.find("/JOIN/")
        && let Ok(r) = ReferralCode::parse(&d[i + 6..])
    {
        return ScanKind::Referral {
            code: r.to_string(),
        };
    }
    if let Some(i) = upper.find("/C/")
        && let Ok(c) = CustomerCode::parse(&d[i + 3..])
    {
        return ScanKind::CustomerCard {
            code: c.to_string(),
        };
    }
    if let Ok(r) = ReferralCode::parse(d) {
        return ScanKind::Referral {
            code: r.to_string(),
        };
    }
    if d.chars().all(|c| c.is_ascii_digit()) {
        let symbology = match d.len() {
            13 => "EAN-13",
            12 => "UPC-A",
            8 => "EAN-8",
            _ => {
                return ScanKind::Unknown {
                    reason: ScanProblem::DigitCount(d.len()),
                };
            }
        };
        return if gtin_check_ok(d) {
            ScanKind::Product {
                symbology,
                gtin: d.to_string(),
            }
        } else {
            ScanKind::Unknown {
                reason: ScanProblem::CheckDigit(symbology),
            }
        };
    }
    match CustomerCode::parse(d) {
        Ok(c) => ScanKind::CustomerCard {
            code: c.to_string(),
        },
        Err(crate::domain::code::CodeError::CheckFailed(_)) => ScanKind::Unknown {
            reason: ScanProblem::CardCheck,
        },
        Err(_) => ScanKind::Unknown {
            reason: ScanProblem::NotOurs,
        },
    }
}

/// EAN/UPC check digit: weights 3,1,3,… from the right of the data digits.
pub fn gtin_check_ok(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let Some((check, data)) = d.split_last() else {
        return false;
    };
    let sum: u32 = data
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| if i % 2 == 0 { v * 3 } else { *v })
        .sum();
    (10 - sum % 10) % 10 == *check
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(suffix: Suffix, aim: bool) -> ScannerProfile {
        ScannerProfile {
            id: "t".into(),
            name: "t".into(),
            suffix,
            prefix: String::new(),
            aim,
            baud: 9600,
            gap_ms: 60,
            repeat_ms: 800,
        }
    }

    fn codes(frames: &[Frame]) -> Vec<String> {
        frames
            .iter()
            .filter_map(|f| match f {
                Frame::Code(s) => Some(s.data.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn frames_by_suffix_across_chunks() {
        let mut f = Framer::new(&profile(Suffix::Cr, false));
        let mut out = f.push(b"4006381", 0);
        out.extend(f.push(b"333931\r40063", 5));
        out.extend(f.push(b"81333931\r", 10));
        assert_eq!(codes(&out), ["4006381333931", "4006381333931"]);
    }

    #[test]
    fn aim_ids_are_stripped_and_kept() {
        let mut f = Framer::new(&profile(Suffix::CrLf, true));
        let out = f.push(b"]E04006381333931\r\n]Q1HTTP://X/R/ABC\r\n", 0);
        assert_eq!(codes(&out), ["4006381333931", "HTTP://X/R/ABC"]);
        assert!(matches!(&out[0], Frame::Code(s) if s.aim.as_deref() == Some("]E0")));
    }

    #[test]
    fn noise_and_half_frames_are_rejected_with_reasons() {
        let mut f = Framer::new(&profile(Suffix::Cr, false));
        assert!(
            matches!(&f.push(b"\x00\x01\x02\r", 0)[..], [Frame::Rejected { reason }] if reason.to_string().contains("control"))
        );
        assert!(
            matches!(&f.push(&[0xFF, 0xFE, b'\r'], 1)[..], [Frame::Rejected { reason }] if reason.to_string().contains("binary"))
        );
        assert!(f.push(b"40063", 10).is_empty());
        assert!(
            matches!(&f.tick(200)[..], [Frame::Rejected { reason }] if reason.to_string().contains("half a code"))
        );
        let long = vec![b'A'; MAX_FRAME + 10];
        let out = f.push(&long, 300);
        assert!(
            matches!(&out[..], [Frame::Rejected { reason }] if reason.to_string().contains("more than"))
        );
        // The rest of the long frame is skipped up to its end; the next code is read normally.
        let out = f.push(b"AAAA\r12345670\r", 301);
        assert_eq!(codes(&out), ["12345670"]);
    }

    #[test]
    fn gap_ends_a_frame_without_suffix() {
        let mut f = Framer::new(&profile(Suffix::None, false));
        assert!(f.push(b"12345670", 0).is_empty());
        assert_eq!(codes(&f.tick(100)), ["12345670"]);
    }

    #[test]
    fn repeats_within_the_window_are_dropped() {
        let mut d = Debouncer::new(800);
        assert!(d.accept("A", 0));
        assert!(!d.accept("A", 300));
        assert!(d.accept("B", 400));
        assert!(d.accept("A", 500));
        assert!(d.accept("A", 1400));
    }

    #[test]
    fn classification() {
        let card = CustomerCode::from_random(77).to_string();
        assert_eq!(
            classify(&card),
            ScanKind::CustomerCard { code: card.clone() }
        );
        assert_eq!(
            classify("HTTP://192.168.1.20:8080/R/00000001NH05XHKNGD77XDH6"),
            ScanKind::Receipt {
                token: "00000001NH05XHKNGD77XDH6".into()
            }
        );
        let r = ReferralCode::from_random(5).to_string();
        assert_eq!(classify(&r), ScanKind::Referral { code: r.clone() });
        assert_eq!(
            classify(&format!("https://shop.example/join/{r}")),
            ScanKind::Referral { code: r }
        );
        assert_eq!(
            classify("4006381333931"),
            ScanKind::Product {
                symbology: "EAN-13",
                gtin: "4006381333931".into()
            }
        );
        assert_eq!(
            classify("96385074"),
            ScanKind::Product {
                symbology: "EAN-8",
                gtin: "96385074".into()
            }
        );
        assert_eq!(
            classify("036000291452"),
            ScanKind::Product {
                symbology: "UPC-A",
                gtin: "036000291452".into()
            }
        );
        assert!(
            matches!(classify("4006381333932"), ScanKind::Unknown { reason } if reason.to_string().contains("check digit"))
        );
        assert!(matches!(classify("hello world"), ScanKind::Unknown { .. }));
    }
}

/// One thing the scanner port produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum ScanEvent {
    Scanned {
        #[serde(flatten)]
        scan: Scan,
        what: ScanKind,
    },
    Rejected {
        reason: ScanProblem,
    },
}

/// Reads scans from a transport until `on` returns false or `done(now_ms)` is true.
/// `now_ms` is the clock; repeats within the profile's window are dropped here.
pub fn read_scans(
    transport: &mut dyn super::transport::Transport,
    profile: &ScannerProfile,
    now_ms: &dyn Fn() -> u64,
    done: &dyn Fn(u64) -> bool,
    on: &mut dyn FnMut(ScanEvent) -> bool,
) -> std::io::Result<()> {
    let mut framer = Framer::new(profile);
    let mut debounce = Debouncer::new(profile.repeat_ms);
    let mut buf = [0u8; 256];
    loop {
        let n = transport.read_timeout(&mut buf, std::time::Duration::from_millis(20))?;
        let now = now_ms();
        let frames = if n > 0 {
            framer.push(&buf[..n], now)
        } else {
            framer.tick(now)
        };
        for f in frames {
            let event = match f {
                Frame::Code(scan) => {
                    if !debounce.accept(&scan.data, now) {
                        continue;
                    }
                    let what = classify(&scan.data);
                    ScanEvent::Scanned { scan, what }
                }
                Frame::Rejected { reason } => ScanEvent::Rejected { reason },
            };
            if !on(event) {
                return Ok(());
            }
        }
        if done(now) {
            return Ok(());
        }
    }
}

/// The bytes a scanner sends for `data`: AIM identifier (if asked) and suffix.
pub fn frame_for(data: &str, suffix: Suffix, aim: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if aim {
        let id = if data.chars().all(|c| c.is_ascii_digit()) {
            if data.len() == 8 { "]E4" } else { "]E0" }
        } else if data.contains("://") {
            "]Q1"
        } else {
            "]C0"
        };
        out.extend_from_slice(id.as_bytes());
    }
    out.extend_from_slice(data.as_bytes());
    out.extend_from_slice(match suffix {
        Suffix::None => b"",
        s => s.bytes(),
    });
    out
}
