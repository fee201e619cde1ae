//! Transport: how bytes reach a device. A small trait; serial ports and PTYs that are
//! reopened after they vanish (a USB-serial adapter unplugged and plugged back); network
//! printers on raw TCP (`tcp://HOST:9100`); printers the computer offers as a device file
//! (`/dev/usb/lp0`, or a FIFO standing in for one); and an in-memory one for tests.

use super::profile::FlowControl;
use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

mod device;
mod net;
mod serial;

pub use device::{DeviceTransport, usb_printers};
pub use net::TcpTransport;
pub use serial::{SerialSettings, SerialTransport, pty_with_link};

/// Whether a connection carries the printer's answers back (`DLE EOT` status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Answers {
    /// A serial line: a printer that says nothing is switched off or unplugged.
    #[default]
    Always,
    /// A network or USB printer: the connection itself tells whether it is there; some such
    /// printers never answer status queries, and then only the connection is known.
    IfItCan,
    /// A write-only device (a FIFO, a plain file): nothing comes back.
    Never,
}

/// Bytes to and from a device.
pub trait Transport: Send {
    /// Writes every byte or fails.
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Reads what arrives within `timeout`; `Ok(0)` when nothing did.
    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize>;
    /// Waits until written bytes have left.
    fn flush(&mut self) -> io::Result<()>;
    /// Opens the connection now if it is not open (a printer that is not there fails here).
    fn connect(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Whether answers can come back, and what silence means.
    fn answers(&self) -> Answers {
        Answers::Always
    }
}

impl Transport for Box<dyn Transport> {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        (**self).write_all(bytes)
    }
    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        (**self).read_timeout(buf, timeout)
    }
    fn flush(&mut self) -> io::Result<()> {
        (**self).flush()
    }
    fn connect(&mut self) -> io::Result<()> {
        (**self).connect()
    }
    fn answers(&self) -> Answers {
        (**self).answers()
    }
}

/// Where a printer is, as `config.toml`'s `port` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A serial port or PTY path.
    Serial(String),
    /// A network printer's raw port: `tcp://192.168.1.50:9100` (9100 when no port is given).
    Tcp { host: String, port: u16 },
    /// A printer the computer offers as a device file (`/dev/usb/lp0`), a FIFO or a file.
    Device(std::path::PathBuf),
}

/// The raw printing port of network receipt printers (JetDirect, "port 9100").
pub const RAW_PORT: u16 = 9100;

impl Link {
    /// Reads a port as written in `config.toml`: `tcp://HOST[:PORT]`, a USB printer's
    /// `/dev/usb/lpN` (or `/dev/lpN`), an existing FIFO or plain file, else a serial port.
    pub fn parse(port: &str) -> Result<Link, String> {
        let port = port.trim();
        if let Some(rest) = port.strip_prefix("tcp://") {
            let rest = rest.trim_end_matches('/');
            let (host, number) = match rest.rsplit_once(':') {
                Some((h, p)) if !h.ends_with(':') && !p.contains(']') => (h, Some(p)),
                _ => (rest, None),
            };
            let host = host.trim_start_matches('[').trim_end_matches(']');
            if host.is_empty() {
                return Err(format!("{port}: no printer address after tcp://"));
            }
            let number =
                match number {
                    None => RAW_PORT,
                    Some(p) => p.parse::<u16>().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("{port}: '{p}' is not a port number (1 to 65535)")
                    })?,
                };
            return Ok(Link::Tcp {
                host: host.to_string(),
                port: number,
            });
        }
        let path = std::path::Path::new(port);
        let lp = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("lp") && n[2..].chars().all(|c| c.is_ascii_digit()));
        if lp && port.starts_with("/dev/") || device::is_fifo_or_file(path) {
            return Ok(Link::Device(path.to_path_buf()));
        }
        Ok(Link::Serial(port.to_string()))
    }

    /// A transport for it (nothing is opened until first use).
    pub fn transport(&self, baud: u32, flow_control: FlowControl) -> Box<dyn Transport> {
        match self {
            Link::Serial(path) => Box::new(SerialTransport::new(SerialSettings {
                path: path.clone(),
                baud,
                flow_control,
            })),
            Link::Tcp { host, port } => Box::new(TcpTransport::new(host, *port)),
            Link::Device(path) => Box::new(DeviceTransport::new(path)),
        }
    }
}

/// Writes all of `bytes` with `write_once`, which returns 0 while the device holds us off
/// (flow control, a full buffer): waits as long as the device makes progress, and fails after
/// [`STALL_TIMEOUT`] without any.
pub(crate) fn write_patiently(
    bytes: &[u8],
    mut write_once: impl FnMut(&[u8]) -> io::Result<usize>,
) -> io::Result<()> {
    let mut sent = 0;
    let mut progress_at = Instant::now();
    while sent < bytes.len() {
        match write_once(&bytes[sent..])? {
            0 if progress_at.elapsed() > STALL_TIMEOUT => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("the printer took nothing for {} s", STALL_TIMEOUT.as_secs()),
                ));
            }
            0 => std::thread::sleep(Duration::from_millis(5)),
            n => {
                sent += n;
                progress_at = Instant::now();
            }
        }
    }
    Ok(())
}

/// Whether `e` is this computer refusing to open a port for this user (its permissions), as
/// opposed to a port that is missing or failed.
pub fn refused(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::PermissionDenied
}

/// The port's timeout for a single read or write call.
pub(crate) const PORT_TIMEOUT: Duration = Duration::from_millis(50);

/// How long a write may make no progress before the printer is called stuck. A printer that
/// holds us off with XOFF or CTS while it prints an image is busy, not gone.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(30);

/// In-memory transport: records what is written and plays back scripted replies.
#[derive(Debug, Default)]
pub struct MemoryTransport {
    pub written: Vec<u8>,
    pub replies: VecDeque<u8>,
    /// When set, every operation fails as if the port had vanished.
    pub unplugged: bool,
    /// What kind of connection it plays.
    pub answers: Answers,
}

impl Transport for MemoryTransport {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.unplugged {
            return Err(io::Error::new(io::ErrorKind::NotConnected, "port vanished"));
        }
        self.written.extend_from_slice(bytes);
        Ok(())
    }

    fn read_timeout(&mut self, buf: &mut [u8], _timeout: Duration) -> io::Result<usize> {
        if self.unplugged {
            return Err(io::Error::new(io::ErrorKind::NotConnected, "port vanished"));
        }
        let n = buf.len().min(self.replies.len());
        for b in buf.iter_mut().take(n) {
            *b = self.replies.pop_front().expect("counted");
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn connect(&mut self) -> io::Result<()> {
        if self.unplugged {
            return Err(io::Error::new(io::ErrorKind::NotConnected, "port vanished"));
        }
        Ok(())
    }

    fn answers(&self) -> Answers {
        self.answers
    }
}

/// A serial port and what is known about it.
#[derive(Debug, Clone)]
pub struct Port {
    pub name: String,
    /// A USB adapter's ids, maker and product; Bluetooth; PCI; empty when nothing is known.
    pub about: String,
}

/// The computer's serial ports with what their drivers say, USB adapters first (the built-in
/// ttyS ports are rarely where a printer is).
pub fn ports() -> Vec<Port> {
    use serialport::SerialPortType;
    let mut ports: Vec<Port> = serialport::available_ports()
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let about = match p.port_type {
                SerialPortType::UsbPort(u) => {
                    let names: Vec<String> =
                        [u.manufacturer, u.product].into_iter().flatten().collect();
                    format!("USB {:04x}:{:04x} {}", u.vid, u.pid, names.join(" "))
                }
                SerialPortType::BluetoothPort => "Bluetooth".into(),
                SerialPortType::PciPort => "PCI".into(),
                SerialPortType::Unknown => String::new(),
            };
            Port {
                name: p.port_name,
                about: about.trim().to_string(),
            }
        })
        .collect();
    ports.sort_by_key(|p| p.about.is_empty());
    ports
}

/// Where a printer may be: the USB printers this computer has (`/dev/usb/lp0`), then its
/// serial ports.
pub fn printer_ports() -> Vec<Port> {
    usb_printers()
        .into_iter()
        .map(|name| Port {
            name,
            about: "USB printer".into(),
        })
        .chain(ports())
        .collect()
}

/// Serial ports this machine has.
pub fn list_ports() -> Vec<String> {
    serialport::available_ports()
        .map(|ports| ports.into_iter().map(|p| p.port_name).collect())
        .unwrap_or_default()
}
