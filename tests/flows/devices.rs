//! Receipts through the virtual printer: encode, decode, render, and read the QR back.

use regulars::devices::interpret::{Interpreter, Page};
use regulars::devices::profile::{PrinterProfile, list};
use regulars::devices::receipt::{EXAMPLE_URL, Receipt};

pub const URL: &str = EXAMPLE_URL;

pub fn sample_receipt() -> Receipt {
    Receipt::example()
}

/// Decodes every QR code found in a rendered page.
pub fn qr_codes(page: &Page) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare(page.image.clone());
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, content)| content))
        .collect()
}

pub fn print(profile: &PrinterProfile, job: &[u8]) -> Vec<Page> {
    let mut p = Interpreter::new(profile.dots, profile.columns).with_profile(profile);
    let pages = p.feed(job);
    assert!(p.notes.is_empty(), "{}: {:?}", profile.id, p.notes);
    pages
}

#[test]
fn every_profile_round_trips_text_and_qr() {
    let receipt = sample_receipt();
    for id in list("printers") {
        let profile = PrinterProfile::load(&id).unwrap();
        let job = receipt.encode(&profile);
        let pages = print(&profile, &job);
        assert_eq!(pages.len(), 1, "{id}: one cut, one receipt");
        let page = &pages[0];
        let text = &page.text;
        for expected in [
            "Flat white",
            "TOTAL",
            "Your balance",
            "REF-0BZHK0N",
            "2 more visits",
        ] {
            assert!(
                text.contains(expected),
                "{id}: '{expected}' missing from:\n{text}"
            );
        }
        // Accents and the euro sign: every shipped profile has a page with them (the 58 mm
        // printer switches to CP858 for the euro).
        assert!(text.contains("Crème brûlée"), "{id}:\n{text}");
        assert!(text.contains("€10.50"), "{id}:\n{text}");
        for line in text.lines().filter(|l| !l.starts_with('[')) {
            assert!(
                line.chars().count() <= profile.columns,
                "{id}: line too long: {line}"
            );
        }
        assert_eq!(
            qr_codes(page),
            [URL],
            "{id}: the printed QR must decode to the visit URL"
        );
        if profile.native_qr {
            assert_eq!(page.qr_data, [URL]);
            assert!(
                job.len() < 1500,
                "{id}: native receipt is {} bytes",
                job.len()
            );
        } else {
            assert!(
                page.qr_data.is_empty(),
                "{id}: raster profile must not use native QR"
            );
        }
    }
}

#[test]
fn the_visit_qr_fits_version_3_at_ecc_m() {
    let code =
        qrcode::QrCode::with_error_correction_level(URL.as_bytes(), qrcode::EcLevel::M).unwrap();
    assert!(
        matches!(code.version(), qrcode::Version::Normal(v) if v <= 3),
        "{:?}",
        code.version()
    );
}

#[test]
fn the_logo_is_dithered_from_assets_and_sent_as_an_image() {
    let profile = PrinterProfile::load("generic-58mm").unwrap();
    let logo = regulars::printing::shipped_logo(profile.dots);
    assert!(logo.width <= profile.dots && logo.height > 0);
    let receipt = Receipt {
        logo: Some(logo.clone()),
        ..sample_receipt()
    };
    let job = receipt.encode(&profile);
    let header = [
        0x1D,
        0x76,
        0x30,
        0,
        logo.width.div_ceil(8) as u8,
        0,
        logo.height as u8,
        0,
    ];
    assert!(
        job.windows(8).any(|w| w == header),
        "the logo goes out as GS v 0"
    );
    let pages = print(&profile, &job);
    assert!(pages[0].text.starts_with(&format!(
        "[image {}x{}]",
        logo.width.div_ceil(8) * 8,
        logo.height
    )));
    assert_eq!(qr_codes(&pages[0]), [URL]);
}

/// The shipped profiles are inside the program (an installed copy never looks for them in the
/// folder it was built in), and a shop's own profile in the data folder's `hardware/` is listed
/// and used, before a shipped one of the same name.
#[test]
fn a_shops_own_printer_profile_in_the_data_folder_comes_first() {
    use crate::common::{run, run_json};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Run from a folder with no `hardware/` in sight.
    let shipped = run_json(d, &["devices"]);
    assert!(shipped["usb_printers"].is_array(), "{shipped}");
    let printers = shipped["printer_profiles"].as_array().unwrap();
    assert!(printers.iter().any(|p| p == "generic-80mm"), "{shipped}");
    assert!(!printers.iter().any(|p| p == "counter-32"), "{shipped}");
    std::fs::create_dir_all(d.join("hardware/printers")).unwrap();
    let own = include_str!("../../hardware/printers/generic-58mm.toml");
    std::fs::write(d.join("hardware/printers/counter-32.toml"), own).unwrap();
    // The same name as a shipped one, but 32 columns wide: the shop's own wins.
    let narrow = own.replace("columns = 32", "columns = 42");
    assert_ne!(narrow, own, "the 58 mm profile names its columns");
    std::fs::write(d.join("hardware/printers/generic-58mm.toml"), &narrow).unwrap();
    let listed = run_json(d, &["devices"]);
    let printers = listed["printer_profiles"].as_array().unwrap();
    assert!(printers.iter().any(|p| p == "counter-32"), "{listed}");
    assert_eq!(printers.iter().filter(|p| *p == "generic-58mm").count(), 1);
    // A profile that is not there names the folder a shop's own go in.
    std::fs::write(
        d.join("config.toml"),
        "[printer]\nport = \"virtual\"\nprofile = \"nope\"\n",
    )
    .unwrap();
    let (exit, _, err) = run(d, &["print", "test"]);
    assert_ne!(exit, 0);
    assert!(
        err.contains("counter-32") && err.contains("hardware"),
        "{err}"
    );
    std::fs::write(
        d.join("config.toml"),
        "[printer]\nport = \"virtual\"\nprofile = \"generic-58mm\"\n",
    )
    .unwrap();
    let (exit, out, err) = run(d, &["print", "test"]);
    assert_eq!(exit, 0, "{out}{err}");
    let text: String = std::fs::read_dir(d.join("receipts"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest > 32,
        "the shop's 42-column profile was not used:\n{text}"
    );
}

/// Every shipped printer takes the standard receipt in every language whole: no command it
/// does not know, one receipt, the visit QR readable, no line wider than the paper; where the
/// profile has user-defined characters nothing goes as an image and Manila's receipt is at
/// most 1.3 times the English one's bytes.
#[test]
fn every_profile_prints_every_language_and_pictures_only_where_it_must() {
    use regulars::printing::{STANDARD_SHOPS, standard_shop_receipt};
    for id in list("printers") {
        let profile = PrinterProfile::load(&id).unwrap();
        let mut bytes = std::collections::HashMap::new();
        for shop in &STANDARD_SHOPS {
            let job = standard_shop_receipt(shop).encode(&profile);
            let pages = print(&profile, &job);
            assert_eq!(pages.len(), 1, "{id} {}", shop.0);
            let page = &pages[0];
            assert_eq!(qr_codes(page), [URL], "{id} {}", shop.0);
            // A printer without native QR codes gets the QR code as an image.
            let images = page.text.matches("[image").count() - usize::from(!profile.native_qr);
            if profile.user_chars > 0 {
                assert_eq!(images, 0, "{id} {}:\n{}", shop.0, page.text);
            } else if matches!(shop.0, "fil" | "te") {
                assert!(images > 0, "{id} {}: no pictures, no images?", shop.0);
            }
            bytes.insert(shop.0, job.len());
        }
        if profile.user_chars > 0 {
            let (en, fil) = (bytes["en"], bytes["fil"]);
            assert!(
                fil * 10 <= en * 13,
                "{id}: Manila {fil} bytes, English {en}"
            );
        }
    }
}

/// Telugu lines sent as user-defined characters look as they did when each went as a picture
/// of the line: the virtual printer's drawing of a footer line (normal size, centred) and of
/// the total (large and bold: drawn at twice the size) against the same lines as images, within
/// a dot of each other.
#[test]
fn telugu_on_user_defined_characters_looks_as_its_pictures_did() {
    use crate::ink::{Ink, difference, image_ink};
    use regulars::devices::escpos::Align;
    use regulars::devices::receipt::{Block, encode_blocks};
    let with = PrinterProfile::load("generic-80mm").unwrap();
    let without = PrinterProfile {
        user_chars: 0,
        ..with.clone()
    };
    let line = |text: &str| Block::Line {
        text: text.into(),
        align: Align::Center,
        bold: false,
        large: false,
    };
    let total = |left: &str| Block::Pair {
        left: left.into(),
        right: "₹220.00".into(),
        bold: true,
        large: true,
    };
    let drawn = |block: &Block, p: &PrinterProfile| -> Ink {
        let job = encode_blocks(std::slice::from_ref(block), p);
        let pages = print(p, &job);
        image_ink(&pages[0].image)
    };
    let cases = [
        (line("మళ్ళీ వచ్చినందుకు ధన్యవాదాలు"), line("ధన్యవాదాలు మళ్ళీ వచ్చినందుకు")),
        (total("మొత్తం"), total("మొత్తము")),
    ];
    for (block, other) in &cases {
        let ours = drawn(block, &with);
        let same = difference(&ours, &drawn(block, &without));
        // The same words in another order, or another word, are far off: the comparison can
        // fail.
        let control = difference(&ours, &drawn(other, &without));
        eprintln!("{block:?}: {same:.3} differ (another text: {control:.3})");
        assert!(same < 0.02, "{block:?}: {same:.3} of the ink differs");
        assert!(
            control > 0.05,
            "{block:?}: the control matched ({control:.3})"
        );
    }
}

/// A printer that holds only a few user-defined characters still prints a Telugu receipt
/// whole: a row that needs more than it holds goes as an image instead, the rest as pictures
/// redefined as rows need them.
#[test]
fn a_printer_with_few_user_defined_characters_prints_telugu_whole() {
    use regulars::printing::{STANDARD_SHOPS, standard_shop_receipt};
    let te = STANDARD_SHOPS.iter().find(|s| s.0 == "te").unwrap();
    let mut profile = PrinterProfile::load("generic-80mm").unwrap();
    let roomy = standard_shop_receipt(te).encode(&profile);
    profile.user_chars = 12;
    let job = standard_shop_receipt(te).encode(&profile);
    let pages = print(&profile, &job);
    assert_eq!(pages.len(), 1);
    assert_eq!(qr_codes(&pages[0]), [URL]);
    let images = pages[0].text.matches("[image").count();
    let pictures = pages[0].text.matches('\u{FFFC}').count();
    assert!(
        images > 0 && pictures > 0,
        "{images} images, {pictures} pictures"
    );
    assert!(
        job.len() > roomy.len(),
        "{} against {}",
        job.len(),
        roomy.len()
    );
}

/// On a printer that keeps pictures (`GS ( L`), the shop's header (its logo and its name,
/// drawn large as the name line is) is stored with the first receipt and printed from the
/// printer's memory afterwards, kilobytes fewer on the wire and the same picture on paper; a
/// test page stores it again (the way back after a printer is replaced, whose memory lacks it).
#[test]
fn the_header_is_kept_in_a_printer_that_can_and_printed_from_there() {
    use crate::common::{run, run_json};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/logo.png"),
        d.join("logo.png"),
    )
    .unwrap();
    std::fs::write(
        d.join("config.toml"),
        "[shop]\nname = \"శ్రీ టిఫిన్స్\"\ncurrency = \"INR\"\nlanguage = \"te\"\n\n\
         [printer]\nport = \"virtual\"\nprofile = \"epson-tm-t88\"\nlogo = \"logo.png\"\n",
    )
    .unwrap();
    let sell = |receipt: &str| {
        let sold = run_json(
            d,
            &[
                "sale",
                "record",
                "--amount",
                "3",
                "--receipt",
                receipt,
                "--print",
            ],
        );
        assert!(sold["print"]["problem"].is_null(), "{sold}");
        let images = sold["print"]["images"].as_array().unwrap();
        std::path::PathBuf::from(images[0].as_str().unwrap())
    };
    let define = [0x1D, b'(', b'L'];
    let stores = |job: &[u8]| {
        job.windows(8)
            .any(|w| w[..3] == define && w[5..8] == [48, 67, 48])
    };
    let prints_kept = |job: &[u8]| {
        job.windows(7)
            .any(|w| w == [0x1D, b'(', b'L', 6, 0, 48, 69])
    };
    let first = sell("K1");
    let first_job = std::fs::read(first.with_extension("bin")).unwrap();
    assert!(stores(&first_job) && prints_kept(&first_job));
    assert!(
        !first_job.windows(3).any(|w| w == [0x1D, b'v', b'0']),
        "no logo image"
    );
    let second = sell("K2");
    let second_job = std::fs::read(second.with_extension("bin")).unwrap();
    assert!(!stores(&second_job) && prints_kept(&second_job));
    assert!(
        first_job.len() > second_job.len() + 3000,
        "{} bytes, then {}",
        first_job.len(),
        second_job.len()
    );
    // The name is in the kept picture, not sent as a line of its own.
    let text = std::fs::read_to_string(second.with_extension("txt")).unwrap();
    assert!(!text.contains("శ్రీ టిఫిన్స్"), "{text}");
    let pictures = |job: &[u8]| job.windows(3).filter(|w| *w == [0x1B, b'&', 3]).count();
    assert_eq!(pictures(&second_job), pictures(&first_job));
    // The same header on paper: the top of both receipts (logo and name), dot for dot.
    let top = |png: &std::path::Path| {
        let img = image::open(png).unwrap().to_luma8();
        let logo = regulars::printing::shipped_logo(512);
        let h = logo.height as u32 + 60;
        image::imageops::crop_imm(&img, 0, 0, img.width(), h).to_image()
    };
    let (a, b) = (top(&first), top(&second));
    assert!(a.pixels().any(|p| p.0[0] == 0), "the logo has ink");
    assert_eq!(a, b);
    // Below the logo, the name has ink: drawn into the kept picture.
    let logo_h = regulars::printing::shipped_logo(512).height as u32;
    let name_ink = (logo_h..a.height())
        .filter(|y| (0..a.width()).any(|x| a.get_pixel(x, *y).0[0] == 0))
        .count();
    assert!(name_ink > 15, "{name_ink} rows of the name");
    // A new printer (its memory empty): the test page stores the logo again, and the next
    // receipt prints it from there.
    std::fs::remove_dir_all(d.join("receipts/.memory")).unwrap();
    let (exit, out, err) = run(d, &["--json", "print", "test"]);
    assert_eq!(exit, 0, "{out}{err}");
    let test: serde_json::Value = serde_json::from_str(&out).unwrap();
    let test_png = test["images"][0].as_str().map(std::path::PathBuf::from);
    let test_job = std::fs::read(test_png.unwrap().with_extension("bin")).unwrap();
    assert!(stores(&test_job));
    let third = sell("K3");
    assert!(!stores(
        &std::fs::read(third.with_extension("bin")).unwrap()
    ));
    assert_eq!(top(&third), a);
}
