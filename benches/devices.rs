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

fn encode(c: &mut Criterion) {
    figures();
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
