//! The loyalty receipt: laid out for the printer's width, built whole, sent as one job.

use super::escpos::{self, Align};
use super::lines;
use super::profile::PrinterProfile;
use super::raster;

/// The visit URL of [`Receipt::example`]: a typical 52-character receipt URL.
pub const EXAMPLE_URL: &str = "HTTP://192.168.1.20:8080/R/00000001NH05XHKNGD77XDH6";

/// One item line.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLine {
    pub text: String,
    pub amount: String,
}

/// The loyalty part of a receipt, for a member, in the shop's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loyalty {
    /// "Thank you, Zoë!": first name only, the receipt may be left on the counter.
    pub thanks: String,
    /// "Points this visit" and "+10".
    pub points_label: String,
    pub points_earned: String,
    /// "Your balance" and "52".
    pub balance_label: String,
    pub balance: String,
    /// "2 more visits to Free coffee (stamp card)".
    pub progress: Vec<String>,
    /// "Bring a friend: give them your code".
    pub refer: String,
    pub referral_code: String,
    /// Printed large: the member just redeemed a reward, the moment they are most likely to
    /// bring a friend.
    pub refer_now: bool,
}

/// Everything printed on one receipt.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Receipt {
    /// The shop's logo, already dithered to 1 bit (see [`raster::dither`]).
    pub logo: Option<raster::Bitmap>,
    /// How the logo reaches a printer that can keep pictures (its profile's `nv_graphics`).
    pub logo_memory: LogoMemory,
    pub shop_name: String,
    pub header: Vec<String>,
    pub when: String,
    /// "No. T-1042", as printed.
    pub receipt_no: Option<String>,
    pub items: Vec<ItemLine>,
    /// "TOTAL" in the shop's language.
    pub total_label: String,
    pub total: String,
    pub loyalty: Option<Loyalty>,
    /// The visit page URL, printed as a QR code.
    pub qr_url: Option<String>,
    /// Under the QR: what scanning it gives.
    pub qr_caption: String,
    /// Under the caption: the code to type where the QR will not scan, and where.
    pub qr_code: Option<String>,
    pub footer: Vec<String>,
}

/// How the logo is sent to a printer that keeps pictures in its memory (`GS ( L`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogoMemory {
    /// As a picture with every receipt (any printer).
    #[default]
    Send,
    /// Kept in the printer's memory with this receipt, then printed from there.
    Store,
    /// Already kept there: printed from its memory (a dozen bytes instead of kilobytes).
    Stored,
}

/// A laid-out receipt, before encoding: what each printed line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Image(raster::Bitmap),
    /// The logo, for a printer that keeps it: stored with this receipt or already there.
    Logo {
        image: raster::Bitmap,
        memory: LogoMemory,
    },
    Line {
        text: String,
        align: Align,
        bold: bool,
        large: bool,
    },
    /// Text on the left and on the right of one line (an item and its amount).
    Pair {
        left: String,
        right: String,
        bold: bool,
        large: bool,
    },
    Rule,
    Qr(String),
    Blank,
}

fn line(text: impl Into<String>, align: Align) -> Block {
    Block::Line {
        text: text.into(),
        align,
        bold: false,
        large: false,
    }
}

/// Left text and right text on one line of `width` characters; the left is shortened if needed.
pub fn two_columns(left: &str, right: &str, width: usize) -> String {
    let right_len = right.chars().count();
    let room = width.saturating_sub(right_len + 1);
    let mut left: String = left.chars().take(room).collect();
    let pad = width.saturating_sub(left.chars().count() + right_len);
    left.extend(std::iter::repeat_n(' ', pad));
    left.push_str(right);
    left
}

/// Breaks text into lines of at most `width` characters at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

impl Receipt {
    /// The standard receipt of tests and benchmarks: three item lines, a member's loyalty
    /// block, the visit QR, accents and a euro sign.
    pub fn example() -> Receipt {
        Receipt {
            logo: None,
            logo_memory: LogoMemory::Send,
            shop_name: "Corner Café".into(),
            header: vec!["12 Main Street".into()],
            when: "2026-11-23 09:41".into(),
            receipt_no: Some("No. T-1042".into()),
            items: vec![
                ItemLine {
                    text: "Flat white".into(),
                    amount: "3.50".into(),
                },
                ItemLine {
                    text: "Croissant".into(),
                    amount: "2.80".into(),
                },
                ItemLine {
                    text: "Crème brûlée".into(),
                    amount: "4.20".into(),
                },
            ],
            total_label: "TOTAL".into(),
            total: "€10.50".into(),
            loyalty: Some(Loyalty {
                thanks: "Thank you, Zoë!".into(),
                points_label: "Points this visit".into(),
                points_earned: "+10".into(),
                balance_label: "Your balance".into(),
                balance: "52".into(),
                progress: vec!["2 more visits to Free coffee (stamp card)".into()],
                refer: "Bring a friend: give them your code".into(),
                refer_now: false,
                referral_code: "REF-0BZHK0N".into(),
            }),
            qr_url: Some(EXAMPLE_URL.into()),
            qr_caption: "Scan: your visit, rate it, get help".into(),
            qr_code: None,
            footer: vec!["Thank you for coming back!".into()],
        }
    }

    /// Lays the receipt out: what each line says and how. Lines are wrapped to the paper when
    /// encoded ([`super::lines`]), by characters for text and by drawn width for images.
    pub fn layout(&self) -> Vec<Block> {
        let mut b = self.till_part();
        b.extend(self.loyalty_part());
        b
    }

    /// The shop's own part: logo, name, header, items and total.
    fn till_part(&self) -> Vec<Block> {
        let mut b = Vec::new();
        if let Some(logo) = &self.logo {
            b.push(Block::Logo {
                image: logo.clone(),
                memory: self.logo_memory,
            });
        }
        // No name line when the name is part of the header picture the printer keeps.
        if !self.shop_name.is_empty() {
            b.push(Block::Line {
                text: self.shop_name.clone(),
                align: Align::Center,
                bold: true,
                large: true,
            });
        }
        for h in &self.header {
            b.push(line(h.clone(), Align::Center));
        }
        b.push(Block::Blank);
        b.push(pair(
            &self.when,
            self.receipt_no.as_deref().unwrap_or_default(),
            false,
        ));
        b.push(Block::Rule);
        for item in &self.items {
            b.push(pair(&item.text, &item.amount, false));
        }
        b.push(Block::Pair {
            left: self.total_label.clone(),
            right: self.total.clone(),
            bold: true,
            large: true,
        });
        b.push(Block::Rule);
        b
    }

    /// The member's points and progress (or nothing), the visit QR, the referral code and
    /// the footer.
    fn loyalty_part(&self) -> Vec<Block> {
        let mut b = Vec::new();
        if let Some(l) = &self.loyalty {
            b.push(Block::Line {
                text: l.thanks.clone(),
                align: Align::Center,
                bold: true,
                large: false,
            });
            b.push(pair(&l.points_label, &l.points_earned, false));
            b.push(pair(&l.balance_label, &l.balance, true));
            for p in &l.progress {
                b.push(line(p.clone(), Align::Left));
            }
        }
        if let Some(url) = &self.qr_url {
            b.push(Block::Blank);
            b.push(Block::Qr(url.clone()));
            b.push(line(self.qr_caption.clone(), Align::Center));
            if let Some(code) = &self.qr_code {
                b.push(line(code.clone(), Align::Center));
            }
        }
        if let Some(l) = &self.loyalty {
            b.push(Block::Blank);
            b.push(Block::Line {
                text: l.refer.clone(),
                align: Align::Center,
                bold: l.refer_now,
                large: false,
            });
            b.push(Block::Line {
                text: l.referral_code.clone(),
                align: Align::Center,
                bold: true,
                large: l.refer_now,
            });
        }
        if !self.footer.is_empty() {
            b.push(Block::Blank);
        }
        for f in &self.footer {
            b.push(line(f.clone(), Align::Center));
        }
        b
    }

    /// The whole print job for `profile`: initialise, code page, the receipt, feed and cut.
    pub fn encode(&self, profile: &PrinterProfile) -> Vec<u8> {
        encode_blocks(&self.layout(), profile)
    }
}

fn pair(left: &str, right: &str, bold: bool) -> Block {
    Block::Pair {
        left: left.to_string(),
        right: right.to_string(),
        bold,
        large: false,
    }
}

/// The loyalty block plug-in mode adds to another till's receipt, just before its cut: the
/// member's points and progress (or an invitation to claim), and the visit QR with the code
/// to type under it.
pub fn loyalty_insert(
    loyalty: Option<&Loyalty>,
    qr_url: &str,
    qr_caption: &str,
    qr_code: Option<String>,
) -> Vec<Block> {
    let receipt = Receipt {
        loyalty: loyalty.cloned(),
        qr_url: Some(qr_url.to_string()),
        qr_caption: qr_caption.to_string(),
        qr_code,
        ..Receipt::default()
    };
    let mut blocks = vec![Block::Rule];
    blocks.extend(receipt.loyalty_part());
    blocks
}

/// Encodes blocks to go inside someone else's print job: no initialise (which would reset the
/// till's own settings) and no cut; it starts on a fresh line in the normal style and the
/// printer's default page (the pass-through restores the till's own state after it).
pub fn encode_insert(blocks: &[Block], profile: &PrinterProfile) -> Vec<u8> {
    let mut out = Vec::with_capacity(512);
    out.push(escpos::LF);
    out.extend_from_slice(&escpos::align(Align::Left));
    out.extend_from_slice(&escpos::bold(false));
    out.extend_from_slice(&escpos::size(false, false));
    out.extend(profile.select_bytes(profile.code_page));
    lines::encode_body(blocks, profile, &mut out);
    // The till fed its own last line past the cutter before the block; the block's last line
    // needs the same before the till's cut.
    out.extend_from_slice(&escpos::feed(profile.cut_feed));
    out
}

/// Encodes laid-out blocks as one ESC/POS job.
pub fn encode_blocks(blocks: &[Block], profile: &PrinterProfile) -> Vec<u8> {
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(&escpos::init());
    out.extend(profile.select_bytes(profile.code_page));
    lines::encode_body(blocks, profile, &mut out);
    out.extend_from_slice(&escpos::feed(profile.cut_feed));
    out.extend_from_slice(&escpos::cut());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_wrapping() {
        assert_eq!(two_columns("Latte", "3.50", 12), "Latte   3.50");
        assert_eq!(
            two_columns("A very long item name", "3.50", 12),
            "A very  3.50"
        );
        assert_eq!(
            wrap("two more visits to a free coffee", 12),
            ["two more", "visits to a", "free coffee"]
        );
    }
}
