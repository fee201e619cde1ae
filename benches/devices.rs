//! Devices benchmarks (issue 3): bytes on the wire and seconds at 9600 baud for the standard
//! receipt (`Receipt::example`, three item lines), native QR against raster QR, and the time to
//! encode it. The figures are printed; criterion times the encoding.
//!
//! python-escpos's default `qr()` for the same 52-character URL at module size 6 sends 4,478
//! bytes (measured with python-escpos 3.1's Dummy printer; native: 92 bytes).

use criterion::{Criterion, criterion_group, criterion_main};
use regulars::devices::escpos::{self, QrEcc};
use regulars::devices::profile::PrinterProfile;
use regulars::devices::raster::{RASTER_QUIET, qr_bitmap};
use regulars::devices::receipt::{Block, EXAMPLE_URL, Receipt, two_columns, wrap};
use regulars::printing::{STANDARD_SHOPS, standard_shop_receipt};
use std::hint::black_box;

const PYTHON_ESCPOS_QR_BYTES: usize = 4_478;

/// Seconds a job takes on a 9600 baud 8N1 line (10 bits per byte).
fn seconds_at_9600(bytes: usize) -> f64 {
    bytes as f64 * 10.0 / 9600.0
}

fn figures() {
    let receipt = Receipt::example();
    let mut native = PrinterProfile::load("generic-80mm").unwrap();
    native.qr_module = 6;
    let mut raster = native.clone();
    raster.native_qr = false;
    let native_job = receipt.encode(&native);
    let raster_job = receipt.encode(&raster);
    let qr_native = escpos::qr_native(EXAMPLE_URL.as_bytes(), 6, QrEcc::M).len();
    let img = qr_bitmap(EXAMPLE_URL, 6, QrEcc::M, RASTER_QUIET).unwrap();
    let qr_raster = escpos::raster(img.width, img.height, &img.rows).len();
    // The least any printer could be sent: the printed characters with their line feeds, and
    // the QR commands.
    let text_bytes: usize = receipt
        .layout()
        .iter()
        .map(|b| match b {
            Block::Line { text, large, .. } => {
                let columns = native.columns / if *large { 2 } else { 1 };
                wrap(text, columns)
                    .iter()
                    .map(|l| native.code_page.encode(l).len() + 1)
                    .sum()
            }
            Block::Pair {
                left, right, large, ..
            } => {
                let columns = native.columns / if *large { 2 } else { 1 };
                native
                    .code_page
                    .encode(&two_columns(left, right, columns))
                    .len()
                    + 1
            }
            Block::Rule => native.columns + 1,
            Block::Blank => 1,
            _ => 0,
        })
        .sum();
    let minimum = text_bytes + qr_native;
    eprintln!("standard receipt, 48 columns, QR module 6:");
    eprintln!(
        "  native QR: {} bytes, {:.2} s at 9600 baud; minimum {} bytes ({} text + {} QR): {:.1}% over",
        native_job.len(),
        seconds_at_9600(native_job.len()),
        minimum,
        text_bytes,
        qr_native,
        (native_job.len() as f64 / minimum as f64 - 1.0) * 100.0
    );
    eprintln!(
        "  raster QR: {} bytes, {:.2} s at 9600 baud",
        raster_job.len(),
        seconds_at_9600(raster_job.len())
    );
    eprintln!(
        "  QR alone: native {} bytes = 1/{:.0} of python-escpos's default qr() ({} bytes); raster {} bytes ({})",
        qr_native,
        PYTHON_ESCPOS_QR_BYTES as f64 / qr_native as f64,
        PYTHON_ESCPOS_QR_BYTES,
        qr_raster,
        if qr_raster <= PYTHON_ESCPOS_QR_BYTES {
            "no larger than python-escpos"
        } else {
            "LARGER than python-escpos"
        }
    );
}

/// What a job is made of: text bytes (characters, pictures' codes and line feeds), code page
/// switches, user-defined characters' definitions, raster line images, the QR command, and
/// the rest (initialise, styles, cut).
#[derive(Default)]
struct Parts {
    text: usize,
    switches: usize,
    images: usize,
    image_bytes: usize,
    qr: usize,
    /// User-defined characters defined (`ESC &`) and the bytes of their definitions.
    pictures: usize,
    picture_bytes: usize,
    total: usize,
}

fn parts(job: &[u8]) -> Parts {
    let mut p = Parts {
        total: job.len(),
        ..Parts::default()
    };
    let mut i = 0;
    while i < job.len() {
        match job[i] {
            0x1B if job[i + 1] == b't' => {
                p.switches += 1;
                i += 3;
            }
            0x1B if job[i + 1] == b'@' || job[i + 1] == b'2' => i += 2,
            0x1B if job[i + 1] == b'&' => {
                let (y, c1, c2) = (job[i + 2], job[i + 3], job[i + 4]);
                let mut at = i + 5;
                for _ in c1..=c2 {
                    at += 1 + usize::from(job[at]) * usize::from(y);
                }
                p.pictures += usize::from(c2 - c1) + 1;
                p.picture_bytes += at - i;
                i = at;
            }
            0x1B => i += 3,
            0x1D if job[i + 1] == b'v' => {
                let w = usize::from(job[i + 4]) | usize::from(job[i + 5]) << 8;
                let h = usize::from(job[i + 6]) | usize::from(job[i + 7]) << 8;
                p.images += 1;
                p.image_bytes += 8 + w * h;
                i += 8 + w * h;
            }
            0x1D if job[i + 1] == b'(' => {
                let len = 5 + (usize::from(job[i + 3]) | usize::from(job[i + 4]) << 8);
                p.qr += len;
                i += len;
            }
            0x1D => i += 3,
            _ => {
                p.text += 1;
                i += 1;
            }
        }
    }
    p
}

/// Bytes and seconds at 9600 baud for the standard receipt in each language (80 mm printer
/// with the common code pages and native QR), with user-defined characters for what no page
/// has, next to the same printer without them (every such line an image, as before).
fn locale_figures() {
    let profile = PrinterProfile::load("generic-80mm").unwrap();
    let mut pictures_off = profile.clone();
    pictures_off.user_chars = 0;
    eprintln!(
        "standard receipt in each language (generic-80mm, native QR, {} user-defined characters):",
        profile.user_chars
    );
    eprintln!(
        "  lang    | bytes | s at 9600 | text | switches | pictures defined (bytes) | raster lines (bytes) | as images: bytes, s at 9600 | x"
    );
    for shop in &STANDARD_SHOPS {
        let job = standard_shop_receipt(shop).encode(&profile);
        let before = standard_shop_receipt(shop).encode(&pictures_off);
        let p = parts(&job);
        eprintln!(
            "  {:<7} | {:>5} | {:>9.2} | {:>4} | {:>8} | {:>3} ({:>5}) | {:>3} ({:>5}) | {:>5}, {:>5.2} | {:.2}",
            shop.0,
            p.total,
            seconds_at_9600(p.total),
            p.text,
            p.switches,
            p.pictures,
            p.picture_bytes,
            p.images,
            p.image_bytes,
            before.len(),
            seconds_at_9600(before.len()),
            p.total as f64 / before.len() as f64
        );
    }
}

fn encode(c: &mut Criterion) {
    figures();
    locale_figures();
    let profile = PrinterProfile::load("generic-80mm").unwrap();
    for shop in &STANDARD_SHOPS {
        let receipt = standard_shop_receipt(shop);
        c.bench_function(&format!("receipt/encode_{}", shop.0), |b| {
            b.iter(|| black_box(receipt.encode(&profile)))
        });
    }
    let receipt = Receipt::example();
    let native = PrinterProfile::load("generic-80mm").unwrap();
    let raster = PrinterProfile::load("generic-58mm").unwrap();
    c.bench_function("receipt/encode_native", |b| {
        b.iter(|| black_box(receipt.encode(&native)))
    });
    c.bench_function("receipt/encode_raster", |b| {
        b.iter(|| black_box(receipt.encode(&raster)))
    });
}

criterion_group!(benches, encode);
criterion_main!(benches);
