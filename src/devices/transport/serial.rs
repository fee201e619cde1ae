//! Serial ports and PTYs: 8N1, opened on first use and reopened after they vanish.

use super::{PORT_TIMEOUT, Transport, write_patiently};
use crate::devices::profile::FlowControl;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// Serial settings for a port.
#[derive(Debug, Clone)]
pub struct SerialSettings {
    pub path: String,
    pub baud: u32,
    pub flow_control: FlowControl,
}

/// A serial port (or PTY path), 8N1, opened on first use and reopened after it vanishes.
pub struct SerialTransport {
    settings: SerialSettings,
    port: Option<Box<dyn serialport::SerialPort>>,
}

impl SerialTransport {
    pub fn new(settings: SerialSettings) -> SerialTransport {
        SerialTransport {
            settings,
            port: None,
        }
    }

    fn port(&mut self) -> io::Result<&mut Box<dyn serialport::SerialPort>> {
        if self.port.is_none() {
            let flow = match self.settings.flow_control {
                FlowControl::None => serialport::FlowControl::None,
                FlowControl::RtsCts => serialport::FlowControl::Hardware,
                FlowControl::XonXoff => serialport::FlowControl::Software,
            };
            let port = serialport::new(&self.settings.path, self.settings.baud)
                .data_bits(serialport::DataBits::Eight)
                .parity(serialport::Parity::None)
                .stop_bits(serialport::StopBits::One)
                .flow_control(flow)
                .timeout(PORT_TIMEOUT)
                .open()
                .map_err(|e| {
                    // Kept apart: the person at the counter can act on it (see `refused`).
                    let kind = match e.kind() {
                        serialport::ErrorKind::Io(io::ErrorKind::PermissionDenied) => {
                            io::ErrorKind::PermissionDenied
                        }
                        _ => io::ErrorKind::NotConnected,
                    };
                    io::Error::new(kind, format!("cannot open {}: {e}", self.settings.path))
                })?;
            self.port = Some(port);
        }
        Ok(self.port.as_mut().expect("opened above"))
    }

    /// Forgets the port after an error so the next use opens it again.
    fn drop_on_error<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if r.is_err() {
            self.port = None;
        }
        r
    }
}

impl Transport for SerialTransport {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        let r = write_patiently(bytes, |rest| {
            self.port().and_then(|p| match p.write(rest) {
                Ok(n) => Ok(n),
                // Flow control is holding us off: wait, as long as the printer makes progress.
                Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(0),
                Err(e) => Err(e),
            })
        });
        self.drop_on_error(r)
    }

    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        let deadline = Instant::now() + timeout;
        // Wait no longer than asked (zero: only what has already arrived); writes keep the
        // port's usual timeout.
        let wait = timeout.min(PORT_TIMEOUT);
        let r = self
            .port()
            .and_then(|p| p.set_timeout(wait).map_err(io::Error::other));
        self.drop_on_error(r)?;
        let result = self.read_until(buf, deadline);
        if let Some(p) = self.port.as_mut() {
            let _ = p.set_timeout(PORT_TIMEOUT);
        }
        result
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.port().and_then(|p| p.flush());
        self.drop_on_error(r)
    }

    fn connect(&mut self) -> io::Result<()> {
        self.port().map(|_| ())
    }
}

impl SerialTransport {
    fn read_until(&mut self, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
        loop {
            let r = self.port().and_then(|p| match p.read(buf) {
                Ok(n) => Ok(n),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(0),
                Err(e) => Err(e),
            });
            match self.drop_on_error(r)? {
                0 if Instant::now() < deadline => continue,
                n => return Ok(n),
            }
        }
    }
}

/// A pseudo-terminal pair whose device is linked at `link`, for another program to open as a
/// serial port (the virtual printer's input, or the port a software till prints into).
/// Returns (our end, their end); keep theirs open while the link should work.
#[cfg(unix)]
pub fn pty_with_link(
    link: &std::path::Path,
) -> io::Result<(serialport::TTYPort, serialport::TTYPort)> {
    let (master, slave) = serialport::TTYPort::pair()
        .map_err(|e| io::Error::other(format!("cannot open a pseudo-terminal: {e}")))?;
    let device = serialport::SerialPort::name(&slave)
        .ok_or_else(|| io::Error::other("the pseudo-terminal has no name"))?;
    // Made under a temporary name and renamed over `link`, so a program waiting for the link
    // never sees an old one vanish under it, nor a half-made one.
    let mut temp = link.as_os_str().to_owned();
    temp.push(format!(".{}.new", std::process::id()));
    let temp = std::path::PathBuf::from(temp);
    let _ = std::fs::remove_file(&temp);
    std::os::unix::fs::symlink(&device, &temp)
        .and_then(|()| std::fs::rename(&temp, link))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            io::Error::other(format!("cannot create the link {}: {e}", link.display()))
        })?;
    Ok((master, slave))
}
