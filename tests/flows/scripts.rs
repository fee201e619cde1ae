//! Receipts in every shop's script, end to end: a shop in Riga, Belgrade (Cyrillic and Latin),
//! Manila and Hyderabad records a sale with `--print` through a PTY to the virtual printer, and
//! the bytes it received are read back here with decoders that are not Regulars' own
//! (encoding_rs, oem_cp): each text run must decode with the page it selected to exactly the
//! expected words, and what no page has (₱, ₹, Telugu) must arrive as the printer's
//! user-defined characters (`ESC &`), each syllable a picture defined once and placed where
//! the font sets it (`ESC $`). The line they make is compared with `hb-view` (HarfBuzz,
//! Debian's `libharfbuzz-bin`) drawing the same words at the same size, as receipts drawn
//! whole did (`REGULARS_KEEP_SHAPING=DIR` keeps the three pictures compared: ours, HarfBuzz's
//! and its unshaped fallback).

use crate::common::{run, run_json};
use crate::serial::{PTY, start_sim, wait_for_pngs};
use std::path::{Path, PathBuf};

/// What the printer was told, line by line.
#[derive(Debug, Default)]
struct Printed {
    /// Text lines: each a list of (select number, decoded text) runs; a user-defined
    /// character (a picture) is U+FFFC.
    lines: Vec<Vec<(u8, String)>>,
    /// Raster images (width, height, rows), in order.
    images: Vec<(usize, usize, Vec<u8>)>,
    /// Lines with user-defined characters: the rows of each (more than one between `ESC 3`
    /// and `ESC 2`), each row its cells: where it is printed (dots from the line's start) and
    /// the picture's columns, or none for a character.
    grids: Vec<Vec<Vec<Cell>>>,
    /// Pictures defined (`ESC &`), counting each definition.
    defined: usize,
    /// The different pictures among them.
    distinct: std::collections::HashSet<Vec<u8>>,
}

/// A printed cell: its place and picture (none: one of the printer's characters).
type Cell = (usize, Option<Vec<u8>>);

/// A picture of a user-defined character is 12 × 24 dots, 3 bytes a column.
const CELL_W: usize = 12;
const CELL_H: usize = 24;

impl Printed {
    fn texts(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|runs| runs.iter().map(|(_, t)| t.as_str()).collect::<String>())
            .collect()
    }

    /// The line whose text, without padding, is `expected`; its runs' page numbers.
    fn line(&self, expected: &str) -> Option<Vec<u8>> {
        self.lines.iter().find_map(|runs| {
            let text: String = runs.iter().map(|(_, t)| t.as_str()).collect();
            let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (squeezed == expected).then(|| runs.iter().map(|(n, _)| *n).collect())
        })
    }
}

/// Decodes one byte in the page an Epson `ESC t n` number selects, with outside decoders.
fn decode(n: u8, b: u8) -> char {
    use oem_cp::code_table as t;
    if b < 0x80 {
        return b as char;
    }
    let windows = |e: &'static encoding_rs::Encoding| {
        e.decode_without_bom_handling(&[b])
            .0
            .chars()
            .next()
            .unwrap()
    };
    match n {
        0 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP437),
        2 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP850),
        16 => windows(encoding_rs::WINDOWS_1252),
        17 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP866),
        18 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP852),
        19 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP858),
        33 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP775),
        34 => oem_cp::decode_char_complete_table(b, &t::DECODING_TABLE_CP855),
        45 => windows(encoding_rs::WINDOWS_1250),
        46 => windows(encoding_rs::WINDOWS_1251),
        51 => windows(encoding_rs::WINDOWS_1257),
        _ => panic!("page number {n} is not one the profile lists"),
    }
}

/// Reads an ESC/POS job (the commands Regulars sends) into text runs and images.
fn read_job(bytes: &[u8]) -> Printed {
    let mut p = Printed::default();
    let mut page = 0u8;
    let mut line: Vec<(u8, String)> = Vec::new();
    // User-defined characters: their pictures by code, whether selected, this row's cells and
    // the rows of a line of several.
    let mut pictures: std::collections::HashMap<u8, Vec<u8>> = Default::default();
    let mut user = false;
    let mut cells: Vec<Cell> = Vec::new();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut several = false;
    // Where the next character goes, and how wide the printer draws one (`GS !`).
    let (mut x, mut step) = (0usize, CELL_W);
    let mut i = 0;
    let push = |line: &mut Vec<(u8, String)>, page: u8, c: char| match line.last_mut() {
        Some((n, t)) if *n == page => t.push(c),
        _ => line.push((page, c.to_string())),
    };
    while i < bytes.len() {
        match bytes[i] {
            0x0A => {
                if !line.is_empty() {
                    p.lines.push(std::mem::take(&mut line));
                }
                x = 0;
                if cells.iter().any(|c| c.1.is_some()) || several {
                    rows.push(std::mem::take(&mut cells));
                }
                cells.clear();
                if !several && !rows.is_empty() {
                    p.grids.push(std::mem::take(&mut rows));
                }
                i += 1;
            }
            0x1B => match bytes[i + 1] {
                b'@' => i += 2,
                b'3' => {
                    several = true;
                    i += 3;
                }
                b'2' => {
                    several = false;
                    if !rows.is_empty() {
                        p.grids.push(std::mem::take(&mut rows));
                    }
                    i += 2;
                }
                b'%' => {
                    user = bytes[i + 2] & 1 == 1;
                    i += 3;
                }
                b'&' => {
                    let (y, c1, c2) = (bytes[i + 2], bytes[i + 3], bytes[i + 4]);
                    assert_eq!(usize::from(y), CELL_H / 8, "pictures 24 dots tall");
                    i += 5;
                    for code in c1..=c2 {
                        let w = usize::from(bytes[i]);
                        assert!(w <= CELL_W, "pictures at most 12 dots wide");
                        // The columns not sent are blank.
                        let mut picture = bytes[i + 1..i + 1 + w * 3].to_vec();
                        picture.resize(CELL_W * 3, 0);
                        p.distinct.insert(picture.clone());
                        pictures.insert(code, picture);
                        p.defined += 1;
                        i += 1 + w * 3;
                    }
                }
                b'$' => {
                    let to = usize::from(bytes[i + 2]) | usize::from(bytes[i + 3]) << 8;
                    // A jump to the right reads as the spaces it stands for.
                    let spaces = to.saturating_sub(x) + CELL_W / 2;
                    let at_start = line.is_empty() && cells.is_empty();
                    for _ in 0..if at_start { 0 } else { spaces / CELL_W } {
                        push(&mut line, page, ' ');
                    }
                    x = to;
                    i += 4;
                }
                b't' => {
                    page = bytes[i + 2];
                    i += 3;
                }
                b'a' | b'E' | b'd' => i += 3,
                other => panic!("unexpected ESC {other:#x} at {i}"),
            },
            0x1D => match bytes[i + 1] {
                b'!' => {
                    step = CELL_W * (usize::from(bytes[i + 2] >> 4) + 1);
                    i += 3;
                }
                b'V' => i += 3,
                b'v' => {
                    let w = usize::from(bytes[i + 4]) | usize::from(bytes[i + 5]) << 8;
                    let h = usize::from(bytes[i + 6]) | usize::from(bytes[i + 7]) << 8;
                    p.images
                        .push((w * 8, h, bytes[i + 8..i + 8 + w * h].to_vec()));
                    i += 8 + w * h;
                }
                b'(' => {
                    let len = usize::from(bytes[i + 3]) | usize::from(bytes[i + 4]) << 8;
                    i += 5 + len;
                }
                other => panic!("unexpected GS {other:#x} at {i}"),
            },
            0x10 => i += 3,
            b if user => {
                let picture = pictures.get(&b).expect("a picture defined before its use");
                push(&mut line, page, '\u{FFFC}');
                cells.push((x, Some(picture.clone())));
                x += step;
                i += 1;
            }
            b => {
                push(&mut line, page, decode(page, b));
                cells.push((x, None));
                x += step;
                i += 1;
            }
        }
    }
    p
}

struct Shop {
    language: &'static str,
    currency: &'static str,
    name: &'static str,
    customer: &'static str,
    amount: &'static str,
}

/// Records a sale for a new member of `shop` with `--print` to a virtual printer on a PTY;
/// returns the data folder, the job's bytes as received, and the receipt's PNG.
fn print_sale(shop: &Shop) -> (tempfile::TempDir, Vec<u8>, PathBuf, String, String) {
    // (the data folder, the job as received, the receipt's picture, the member's code, what
    // the command said on stderr)
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let _sim = start_sim(dir.path(), &link, "generic-80mm");
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[shop]\nname = \"{}\"\ncurrency = \"{}\"\nlanguage = \"{}\"\n\n\
             [printer]\nport = \"{}\"\nprofile = \"generic-80mm\"\n",
            shop.name,
            shop.currency,
            shop.language,
            link.display()
        ),
    )
    .unwrap();
    let c = run_json(dir.path(), &["customer", "add", "--name", shop.customer]);
    let code = c["code"].as_str().unwrap().to_string();
    let mut args = vec!["--json", "sale", "record", "--amount", shop.amount];
    args.extend(["--customer", &code, "--print"]);
    let (status, out, err) = run(dir.path(), &args);
    assert_eq!(status, 0, "{}: {err}", shop.language);
    let sale: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        sale["print"]["problem"].is_null(),
        "{}: {sale}",
        shop.language
    );
    let pngs = wait_for_pngs(&dir.path().join("printed"), 1);
    assert_eq!(pngs.len(), 1, "{}: one receipt", shop.language);
    let bytes = std::fs::read(pngs[0].with_extension("bin")).unwrap();
    let warnings = err;
    (dir, bytes, pngs[0].clone(), code, warnings)
}

/// A member's balance, read back from the shop's database by the CLI.
fn balance(dir: &Path, code: &str) -> i64 {
    run_json(dir, &["customer", "show", code])["balance"]
        .as_i64()
        .unwrap()
}

/// Whether a line has a letter the Western pages (CP858, CP1252) lack.
fn beyond_western(text: &str) -> bool {
    text.chars().any(|c| {
        let mut buf = [0u8; 4];
        let (_, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        unmappable
    })
}

fn assert_no_question_marks(p: &Printed, who: &str) {
    for t in p.texts() {
        assert!(!t.contains('?'), "{who}: a '?' was printed: {t}");
    }
}

#[test]
fn riga_prints_latvian_in_a_baltic_page() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let shop = Shop {
        language: "lv",
        currency: "EUR",
        name: "Kafejnīca Ķiploks",
        customer: "Jānis Bērziņš",
        amount: "3,50",
    };
    let (dir, bytes, png, code, _) = print_sale(&shop);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "lv");
    for expected in [
        "Kafejnīca Ķiploks",
        "Paldies, Jānis!",
        "KOPĀ 3,50 €",
        "Pirkums 3,50 €",
        "Punkti par šo apmeklējumu +3",
        "Paldies, ka atkal iegriezāties!",
    ] {
        let pages = p
            .line(expected)
            .unwrap_or_else(|| panic!("lv: no line '{expected}' in {:#?}", p.texts()));
        assert!(
            !beyond_western(expected) || pages.iter().any(|n| *n == 51 || *n == 33),
            "lv: '{expected}' is not in a Baltic page: {pages:?}"
        );
    }
    // Every line ends in the printer's default page (CP858, 19) again.
    let default_after: Vec<_> = bytes
        .windows(3)
        .filter(|w| w == &[0x1B, b't', 19])
        .collect();
    assert!(default_after.len() >= 2);
    // Nothing needed drawing but the QR code (native on this printer).
    assert!(p.images.is_empty(), "lv: {} images", p.images.len());
    let txt = std::fs::read_to_string(png.with_extension("txt")).unwrap();
    assert!(
        txt.contains("Kafejnīca Ķiploks") && txt.contains("Paldies, Jānis!"),
        "{txt}"
    );
    assert_eq!(balance(dir.path(), &code), 3);
}

#[test]
fn belgrade_prints_serbian_in_cyrillic_and_in_latin() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let cyrillic = Shop {
        language: "sr-Cyrl",
        currency: "RSD",
        name: "Кафана Ђерам",
        customer: "Ђорђе Петровић",
        amount: "1.250,00",
    };
    let (_d, bytes, _, _, _) = print_sale(&cyrillic);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "sr-Cyrl");
    for expected in [
        "Кафана Ђерам",
        "Хвала, Ђорђе!",
        "УКУПНО 1.250,00 дин.",
        "Хвала што сте поново дошли!",
    ] {
        let pages = p
            .line(expected)
            .unwrap_or_else(|| panic!("sr-Cyrl: no line '{expected}' in {:#?}", p.texts()));
        assert!(
            pages.contains(&46) || pages.contains(&34),
            "{expected}: {pages:?}"
        );
    }
    assert!(p.images.is_empty());

    let latin = Shop {
        language: "sr-Latn",
        currency: "RSD",
        name: "Kafana Đeram",
        customer: "Đorđe Petrović",
        amount: "1.250,00",
    };
    let (_d, bytes, _, _, _) = print_sale(&latin);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "sr-Latn");
    for expected in [
        "Kafana Đeram",
        "Hvala, Đorđe!",
        "UKUPNO 1.250,00 din.",
        "Hvala što ste ponovo došli!",
    ] {
        let pages = p
            .line(expected)
            .unwrap_or_else(|| panic!("sr-Latn: no line '{expected}' in {:#?}", p.texts()));
        assert!(
            !beyond_western(expected) || pages.contains(&45) || pages.contains(&18),
            "{expected}: {pages:?}"
        );
    }
}

#[test]
fn manila_draws_the_peso_sign_and_keeps_the_rest_as_text() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let shop = Shop {
        language: "fil",
        currency: "PHP",
        name: "Kapihan ni Aling Nena",
        customer: "Niño Dela Cruz",
        amount: "1,250.00",
    };
    let (dir, bytes, _, code, _) = print_sale(&shop);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "fil");
    assert!(p.line("Salamat, Niño!").is_some(), "{:#?}", p.texts());
    assert!(p.line("Kapihan ni Aling Nena").is_some());
    // ₱ is on no page: it is a picture the printer keeps, defined once and sent as a
    // character in the item line and the total line; nothing is an image, nothing says "?".
    assert!(p.images.is_empty(), "{} images", p.images.len());
    let with_sign: Vec<String> = p
        .texts()
        .into_iter()
        .filter(|t| t.contains("\u{FFFC}1,250.00"))
        .collect();
    assert_eq!(with_sign.len(), 2, "{:#?}", p.texts());
    assert_eq!(p.defined, 1, "₱ defined once");
    assert_eq!(balance(dir.path(), &code), 1250);
    // The picture is HarfBuzz's ₱ in Noto Sans (at the size that fits the cell), and not a P.
    let sign = p.grids[0][0].iter().find_map(|c| c.1.as_ref()).unwrap();
    let ours = picture_ink(sign);
    let noto = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/NotoSans-Regular.ttf"
    );
    let best = |text: &str| {
        (12..=20)
            .map(|px| {
                let out = dir.path().join(format!("hb-{px}.png"));
                difference(&ours, &hb_view_in(noto, text, px as f32, None, &out))
            })
            .fold(f64::MAX, f64::min)
    };
    let (peso, p_letter) = (best("₱"), best("P"));
    eprintln!("₱ picture against hb-view: {peso:.3} differ (a P: {p_letter:.3})");
    assert!(peso < 0.1, "the ₱ picture is not the sign: {peso:.3}");
    assert!(
        p_letter > peso * 2.0,
        "a P should not match as well: {p_letter:.3}"
    );
}

/// A user-defined character's picture as ink.
fn picture_ink(columns: &[u8]) -> Ink {
    crop(CELL_W, CELL_H, |x, y| {
        columns[x * 3 + y / 8] & (0x80 >> (y % 8)) != 0
    })
}

/// A line of pictures as the printer draws it: its rows one under the other, each picture
/// where it was placed (the printer's own characters left out).
fn grid_ink(rows: &[Vec<Cell>]) -> Ink {
    let w = rows
        .iter()
        .flatten()
        .map(|c| c.0 + CELL_W)
        .max()
        .unwrap_or(0);
    let h = rows.len() * CELL_H;
    crop(w, h, |x, y| {
        let (row, dy) = (y / CELL_H, y % CELL_H);
        rows[row].iter().any(|(at, picture)| {
            x >= *at
                && x < at + CELL_W
                && picture
                    .as_ref()
                    .is_some_and(|t| t[(x - at) * 3 + dy / 8] & (0x80 >> (dy % 8)) != 0)
        })
    })
}

/// A 1-bit picture cropped to its ink.
#[derive(Debug)]
struct Ink {
    w: usize,
    h: usize,
    px: Vec<bool>,
}

fn crop(w: usize, h: usize, get: impl Fn(usize, usize) -> bool) -> Ink {
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for y in 0..h {
        for x in 0..w {
            if get(x, y) {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
    }
    assert!(x1 >= x0 && y1 >= y0, "no ink");
    let (cw, ch) = (x1 - x0 + 1, y1 - y0 + 1);
    let px = (0..ch)
        .flat_map(|y| (0..cw).map(move |x| (x, y)))
        .map(|(x, y)| get(x0 + x, y0 + y))
        .collect();
    Ink { w: cw, h: ch, px }
}

/// The share of ink, in either picture, with no ink of the other within one dot (both cropped
/// to their ink, top-left corners together): edges drawn a dot apart (antialiasing thresholded
/// differently) count as the same, a missing conjunct or a vowel sign out of place does not.
fn difference(a: &Ink, b: &Ink) -> f64 {
    let get = |i: &Ink, x: i64, y: i64| {
        x >= 0
            && y >= 0
            && (x as usize) < i.w
            && (y as usize) < i.h
            && i.px[y as usize * i.w + x as usize]
    };
    let unmatched = |i: &Ink, other: &Ink| {
        let mut n = 0;
        for y in 0..i.h as i64 {
            for x in 0..i.w as i64 {
                let near = (-1..=1).any(|dy| (-1..=1).any(|dx| get(other, x + dx, y + dy)));
                if get(i, x, y) && !near {
                    n += 1;
                }
            }
        }
        n
    };
    let ink = |i: &Ink| i.px.iter().filter(|p| **p).count();
    (unmatched(a, b) + unmatched(b, a)) as f64 / (ink(a) + ink(b)) as f64
}

/// `hb-view`'s drawing of `text` in `font` at `px`, thresholded to 1 bit: its whole line
/// (the font's ascent to descent), not cropped.
fn hb_view_line(font: &str, text: &str, px: f32, shaper: Option<&str>, out: &Path) -> Ink {
    hb_run(font, text, px, shaper, out);
    let img = image::open(out).unwrap().to_luma8();
    Ink {
        w: img.width() as usize,
        h: img.height() as usize,
        px: img.pixels().map(|p| p.0[0] < 128).collect(),
    }
}

/// `hb-view`'s drawing of `text` in `font` at `px`, thresholded to 1 bit and cropped.
fn hb_view_in(font: &str, text: &str, px: f32, shaper: Option<&str>, out: &Path) -> Ink {
    let line = hb_view_line(font, text, px, shaper, out);
    crop(line.w, line.h, |x, y| line.px[y * line.w + x])
}

fn hb_run(font: &str, text: &str, px: f32, shaper: Option<&str>, out: &Path) {
    let mut cmd = std::process::Command::new("hb-view");
    cmd.args([
        "--font-size",
        &px.to_string(),
        "--margin=0",
        "-O",
        "png",
        "-o",
    ])
    .arg(out)
    .args(["--foreground=000000", "--background=FFFFFF"]);
    if let Some(s) = shaper {
        cmd.arg(format!("--shapers={s}"));
    }
    let status = cmd.arg(font).arg(text).status().expect("hb-view runs");
    assert!(status.success());
}

#[test]
fn hyderabad_draws_telugu_as_harfbuzz_does() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let shop = Shop {
        language: "te",
        currency: "INR",
        name: "శ్రీ టిఫిన్స్",
        customer: "శ్రీనివాస్ రావు",
        amount: "123456",
    };
    let (dir, bytes, png, code, _) = print_sale(&shop);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "te");
    // Every Telugu syllable and every ₹ is a picture the printer keeps, sent as a character;
    // the rest (digits, the date, the rules, the referral code) is the printer's own text,
    // but in the large total, drawn whole at twice the size. Nothing is an image, and a
    // syllable met twice is defined once (or again only when the printer needed the room).
    assert!(p.images.is_empty(), "{} images", p.images.len());
    assert!(p.grids.len() >= 8, "{} lines of pictures", p.grids.len());
    for t in p.texts() {
        assert!(
            t.chars().all(|c| c.is_ascii() || c == '\u{FFFC}'),
            "text that is not ASCII went out as text: {t}"
        );
    }
    let sent: usize = p
        .texts()
        .iter()
        .map(|t| t.matches('\u{FFFC}').count())
        .sum();
    let distinct = p.distinct.len();
    eprintln!(
        "{} pictures defined ({distinct} different) for {sent} sent",
        p.defined
    );
    // A picture is defined again only when the printer needed its room (there are 94).
    assert!(
        p.defined <= distinct + distinct / 10,
        "{} defined for {distinct} different pictures",
        p.defined
    );
    assert!(
        p.defined * 3 < sent * 2,
        "{} defined for {sent} sent",
        p.defined
    );
    assert!(bytes.len() <= 8_000, "{} bytes", bytes.len());
    assert_eq!(balance(dir.path(), &code), 123_456);

    assert!(
        std::process::Command::new("hb-view")
            .arg("--version")
            .output()
            .is_ok(),
        "the Telugu comparison needs hb-view: run the tests with `tests/run.sh`, which installs \
         it (or `apt-get install libharfbuzz-bin`)"
    );
    // The footer is the last line of pictures: its words as HarfBuzz sets them (as receipts
    // drawn whole printed them) must be what the printer draws, within a dot or two of each
    // syllable's place (the printer's own "!" left out).
    let footer = "మళ్ళీ వచ్చినందుకు ధన్యవాదాలు";
    let ours = grid_ink(p.grids.last().unwrap());
    let profile = regulars::devices::profile::PrinterProfile::load("generic-80mm").unwrap();
    let px = regulars::devices::lines::text_px(&profile, false);
    let font = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/fonts/NotoSansTelugu-Regular.ttf"
    );
    let reference = hb_view_in(font, footer, px, None, &dir.path().join("hb.png"));
    let shaped = difference(&ours, &reference);
    // The same words without shaping (HarfBuzz's fallback shaper: no conjuncts, vowel signs
    // not placed) differ far more: the comparison can fail.
    let unshaped = hb_view_in(
        font,
        footer,
        px,
        Some("fallback"),
        &dir.path().join("unshaped.png"),
    );
    let control = difference(&ours, &unshaped);
    eprintln!("Telugu footer against hb-view: {shaped:.3} differ (unshaped: {control:.3})");
    if let Ok(keep) = std::env::var("REGULARS_KEEP_SHAPING") {
        let save = |i: &Ink, name: &str| {
            let img = image::GrayImage::from_fn(i.w as u32, i.h as u32, |x, y| {
                image::Luma([if i.px[y as usize * i.w + x as usize] {
                    0
                } else {
                    255
                }])
            });
            img.save(Path::new(&keep).join(name)).unwrap();
        };
        save(&ours, "ours.png");
        save(&reference, "harfbuzz.png");
        save(&unshaped, "unshaped.png");
    }
    assert!(
        shaped < 0.03,
        "the Telugu line is not HarfBuzz's: {shaped:.3} of its ink differs"
    );
    assert!(control > 0.15, "the control should not match: {control:.3}");
    let _ = png;
}

#[test]
fn a_name_no_bundled_font_has_prints_as_boxes_and_the_sale_stands() {
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let shop = Shop {
        language: "lv",
        currency: "EUR",
        name: "Kafejnīca Ķiploks",
        customer: "李小龍 Lee",
        amount: "4,20",
    };
    let (dir, bytes, png, code, warnings) = print_sale(&shop);
    let p = read_job(&bytes);
    assert_no_question_marks(&p, "lv");
    // The name's letters are pictures (the font's missing-glyph boxes) on the thanks line;
    // the rest is text.
    assert!(p.images.is_empty(), "{} images", p.images.len());
    assert_eq!(p.grids.len(), 1, "{:#?}", p.texts());
    let thanks = p
        .texts()
        .into_iter()
        .find(|t| t.contains('\u{FFFC}'))
        .unwrap();
    assert!(
        thanks.starts_with("Paldies, \u{FFFC}") && thanks.ends_with("\u{FFFC}!"),
        "{thanks}"
    );
    assert!(p.line("Paldies, ka atkal iegriezāties!").is_some());
    assert!(
        warnings.contains("no bundled font can draw 李 (U+674E)"),
        "the log says which characters: {warnings}"
    );
    assert_eq!(balance(dir.path(), &code), 4);
    assert!(png.exists());
}

/// With no printer set up the built-in virtual printer takes the receipt in the same process:
/// the lines it drew come as pictures, so its `.txt` gives the receipt's own words, while a
/// receipt that is all code-page text keeps the text decoded from the bytes.
#[test]
fn the_built_in_virtual_printer_writes_the_words_of_drawn_lines() {
    for (language, currency, customer, amount, expect) in [
        ("te", "INR", "శ్రీనివాస్ రావు", "120.00", "ధన్యవాదాలు, శ్రీనివాస్!"),
        (
            "lv",
            "EUR",
            "Jānis Bērziņš",
            "3,50",
            "Paldies, ka atkal iegriezāties",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!(
                "[shop]\nname = \"Regulars\"\ncurrency = \"{currency}\"\nlanguage = \"{language}\"\n"
            ),
        )
        .unwrap();
        let c = run_json(dir.path(), &["customer", "add", "--name", customer]);
        let code = c["code"].as_str().unwrap();
        let (status, _, err) = run(
            dir.path(),
            &[
                "sale",
                "record",
                "--amount",
                amount,
                "--customer",
                code,
                "--print",
            ],
        );
        assert_eq!(status, 0, "{language}: {err}");
        let receipts = dir.path().join("receipts");
        let png = wait_for_pngs(&receipts, 1).remove(0);
        let text = std::fs::read_to_string(png.with_extension("txt")).unwrap();
        assert!(text.contains(expect), "{language}: {text}");
        assert!(!text.contains("[image"), "{language}: {text}");
        let bytes = std::fs::read(png.with_extension("bin")).unwrap();
        let job = read_job(&bytes);
        assert!(job.images.is_empty(), "{language}: no images");
        if language == "te" {
            let n = job.grids.len();
            assert!(n > 5, "Telugu lines are pictures on the grid: {n}");
        } else {
            assert!(job.grids.is_empty(), "Latvian is text in CP1257");
        }
    }
}
