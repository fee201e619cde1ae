//! Where the virtual printer listens: a pseudo-terminal (a serial printer), a TCP port (a
//! network printer on port 9100) or a FIFO (a USB printer's `/dev/usb/lp0`, which answers
//! nothing back).

use super::{Control, Event, VirtualPrinter};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// How long one wait for bytes lasts, so controls and the print speed are seen to.
const TICK: Duration = Duration::from_millis(20);

/// Where the virtual printer is reached.
#[derive(Debug, Clone)]
pub enum Line {
    /// A pseudo-terminal whose device is linked at this path (open it as a serial port).
    Pty(PathBuf),
    /// A TCP address to listen on (`127.0.0.1:9100`): one connection at a time, as network
    /// printers take them.
    Tcp(String),
    /// A FIFO at this path (made if missing), written to as `/dev/usb/lp0` is.
    Fifo(PathBuf),
}

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Line::Pty(p) | Line::Fifo(p) => write!(f, "{}", p.display()),
            Line::Tcp(a) => write!(f, "tcp://{a}"),
        }
    }
}

/// What one wait for bytes gave.
enum Got {
    Bytes(usize),
    Nothing,
}

/// The device side of a line.
trait End {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<Got>;
    /// Sends replies back, where the line carries them.
    fn reply(&mut self, bytes: &[u8]) -> io::Result<()>;
}

struct PtyEnd {
    master: serialport::TTYPort,
    _slave: serialport::TTYPort,
    link: PathBuf,
}

impl End for PtyEnd {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<Got> {
        match self.master.read(buf) {
            Ok(0) => Ok(Got::Nothing),
            Ok(n) => Ok(Got::Bytes(n)),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(Got::Nothing),
            // EIO: no program has the device open right now; keep waiting for one.
            Err(e) if e.raw_os_error() == Some(5) => {
                std::thread::sleep(TICK);
                Ok(Got::Nothing)
            }
            Err(e) => Err(e),
        }
    }

    fn reply(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.master.write_all(bytes)
    }
}

impl Drop for PtyEnd {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.link);
    }
}

struct TcpEnd {
    listener: std::net::TcpListener,
    client: Option<std::net::TcpStream>,
}

impl End for TcpEnd {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<Got> {
        if self.client.is_none() {
            match self.listener.accept() {
                Ok((stream, _)) => {
                    stream.set_nonblocking(false)?;
                    stream.set_read_timeout(Some(TICK))?;
                    stream.set_nodelay(true)?;
                    self.client = Some(stream);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(TICK);
                    return Ok(Got::Nothing);
                }
                Err(e) => return Err(e),
            }
        }
        let client = self.client.as_mut().expect("accepted above");
        match client.read(buf) {
            // The sender is done (or gone): the next one may connect.
            Ok(0) => {
                self.client = None;
                Ok(Got::Nothing)
            }
            Ok(n) => Ok(Got::Bytes(n)),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                Ok(Got::Nothing)
            }
            Err(_) => {
                self.client = None;
                Ok(Got::Nothing)
            }
        }
    }

    fn reply(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Some(c) = self.client.as_mut()
            && c.write_all(bytes).is_err()
        {
            self.client = None;
        }
        Ok(())
    }
}

struct FifoEnd {
    file: std::fs::File,
    path: PathBuf,
}

impl End for FifoEnd {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<Got> {
        match self.file.read(buf) {
            // 0: no writer at the moment.
            Ok(0) => {
                std::thread::sleep(TICK);
                Ok(Got::Nothing)
            }
            Ok(n) => Ok(Got::Bytes(n)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(TICK);
                Ok(Got::Nothing)
            }
            Err(e) => Err(e),
        }
    }

    /// A USB printer's device file carries no answers here: they are dropped.
    fn reply(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for FifoEnd {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn open(line: &Line) -> io::Result<Box<dyn End>> {
    Ok(match line {
        Line::Pty(link) => {
            let (mut master, slave) = crate::devices::transport::pty_with_link(link)?;
            serialport::SerialPort::set_timeout(&mut master, TICK).map_err(io::Error::other)?;
            Box::new(PtyEnd {
                master,
                _slave: slave,
                link: link.clone(),
            })
        }
        Line::Tcp(addr) => {
            let listener = std::net::TcpListener::bind(addr)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))?;
            listener.set_nonblocking(true)?;
            Box::new(TcpEnd {
                listener,
                client: None,
            })
        }
        Line::Fifo(path) => {
            use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
            let is_fifo = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo());
            if !is_fifo {
                let _ = std::fs::remove_file(path);
                let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())
                    .map_err(io::Error::other)?;
                // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
                if unsafe { libc::mkfifo(c.as_ptr(), 0o660) } != 0 {
                    let e = io::Error::last_os_error();
                    return Err(io::Error::new(
                        e.kind(),
                        format!("cannot make the FIFO {}: {e}", path.display()),
                    ));
                }
            }
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)?;
            Box::new(FifoEnd {
                file,
                path: path.clone(),
            })
        }
    })
}

/// Runs a virtual printer on a new pseudo-terminal whose device path is linked at `link`,
/// until `stop` is set. `log` receives each event as it happens.
pub fn run_on_pty(
    printer: VirtualPrinter,
    link: &Path,
    controls: Receiver<Control>,
    stop: &AtomicBool,
    log: impl FnMut(Event),
) -> io::Result<()> {
    run(printer, &Line::Pty(link.to_path_buf()), controls, stop, log)
}

/// Runs a virtual printer on `line` until `stop` is set; `log` receives each event as it
/// happens. The PTY's link or the FIFO is removed when it stops.
pub fn run(
    mut printer: VirtualPrinter,
    line: &Line,
    controls: Receiver<Control>,
    stop: &AtomicBool,
    mut log: impl FnMut(Event),
) -> io::Result<()> {
    let mut end = open(line)?;
    let mut buf = vec![0u8; 4096];
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        while let Ok(c) = controls.try_recv() {
            printer.control(c);
            log(Event::Applied(c));
        }
        let mut events = Vec::new();
        let room = printer.room().min(buf.len());
        let reply = if room == 0 {
            std::thread::sleep(TICK);
            printer.drain(&mut events)
        } else {
            match end.read(&mut buf[..room])? {
                Got::Bytes(n) => printer.receive(&buf[..n], &mut events),
                Got::Nothing => printer.drain(&mut events),
            }
        }?;
        if !reply.is_empty() {
            end.reply(&reply)?;
        }
        for e in events {
            log(e);
        }
    }
}
