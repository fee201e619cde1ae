//! The counter's hardware: ESC/POS receipt printers, serial barcode scanners and customer
//! pole displays.
//!
//! Protocol (bytes in, bytes out; no I/O) is kept apart from transport (serial ports, PTYs,
//! memory). The virtual printer decodes what it receives like a real one and draws each
//! receipt, so the whole flow can be seen and tested without hardware.

pub mod cells;
pub mod codepage;
pub mod display;
pub mod drawn;
pub mod escpos;
pub mod interpret;
pub mod lines;
pub mod printer;
pub mod profile;
pub mod raster;
pub mod receipt;
pub mod scanner;
pub mod shaped;
pub mod till;
pub mod transport;
pub mod user_chars;
pub mod virtual_printer;
