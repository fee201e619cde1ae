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
use crate::escpos_reader::{Printed, read_job};
use crate::ink::{Ink, difference, grid_ink, hb_view_in, picture_ink};
use crate::serial::{PTY, start_sim, wait_for_pngs};
use std::path::{Path, PathBuf};

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
