//! Printers the computer offers as a device file: a USB printer (`/dev/usb/lp0` on Linux, the
//! `usblp` driver), or a FIFO or plain file standing in for one.
//!
//! Opened without blocking: a FIFO nobody reads is a printer that is not there (rather than a
//! program that hangs), and a busy USB printer makes writes wait, not fail.

use super::{Answers, Transport, write_patiently};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Whether `path` is a FIFO or a plain file (written to as a printer, never read).
pub(super) fn is_fifo_or_file(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo() || m.is_file())
}

/// A printer's device file.
pub struct DeviceTransport {
    path: PathBuf,
    file: Option<File>,
    /// Whether it was opened for reading too (a USB printer that can answer).
    readable: bool,
    /// A FIFO or plain file: written to, never read (looked at once, when named).
    write_only: bool,
}

impl DeviceTransport {
    pub fn new(path: &Path) -> DeviceTransport {
        DeviceTransport {
            path: path.to_path_buf(),
            file: None,
            readable: false,
            write_only: is_fifo_or_file(path),
        }
    }

    fn file(&mut self) -> io::Result<&mut File> {
        if self.file.is_none() {
            use std::os::unix::fs::OpenOptionsExt;
            let open = |read: bool| {
                std::fs::OpenOptions::new()
                    .read(read)
                    .write(true)
                    .append(std::fs::metadata(&self.path).is_ok_and(|m| m.is_file()))
                    .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
                    .open(&self.path)
            };
            // A FIFO opened for reading too would never fail, and would read back our own
            // bytes; a USB printer answers on the same file.
            let read = !self.write_only;
            let (file, readable) = match open(read) {
                Ok(f) => (f, read),
                Err(e) if read && e.kind() == io::ErrorKind::InvalidInput => (open(false)?, false),
                Err(e) => return Err(self.cannot_open(e)),
            };
            self.file = Some(file);
            self.readable = readable;
        }
        Ok(self.file.as_mut().expect("opened above"))
    }

    fn cannot_open(&self, e: io::Error) -> io::Error {
        let name = self.path.display();
        let kind = match e.kind() {
            io::ErrorKind::PermissionDenied => io::ErrorKind::PermissionDenied,
            _ => io::ErrorKind::NotConnected,
        };
        // ENXIO: a FIFO with no reader, a USB printer switched off.
        let why = if e.raw_os_error() == Some(libc::ENXIO) {
            "nothing is there to print".to_string()
        } else {
            e.to_string()
        };
        io::Error::new(kind, format!("cannot open {name}: {why}"))
    }

    fn drop_on_error<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if r.is_err() {
            self.file = None;
        }
        r
    }
}

fn waiting(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
    )
}

impl Transport for DeviceTransport {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file()?;
        let file = self.file.as_mut().expect("opened above");
        let r = write_patiently(bytes, |rest| match file.write(rest) {
            Ok(n) => Ok(n),
            Err(e) if waiting(&e) => Ok(0),
            Err(e) => Err(e),
        });
        self.drop_on_error(r)
    }

    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        let deadline = Instant::now() + timeout;
        self.file()?;
        if !self.readable {
            return Ok(0);
        }
        let file = self.file.as_mut().expect("opened above");
        let r = loop {
            match file.read(buf) {
                Ok(n) if n > 0 => break Ok(n),
                Ok(_) => {}
                Err(e) if waiting(&e) => {}
                Err(e) => break Err(e),
            }
            if Instant::now() >= deadline {
                break Ok(0);
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        self.drop_on_error(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.file().and_then(|f| f.flush());
        self.drop_on_error(r)
    }

    fn connect(&mut self) -> io::Result<()> {
        self.file().map(|_| ())
    }

    fn answers(&self) -> Answers {
        if self.write_only {
            Answers::Never
        } else {
            Answers::IfItCan
        }
    }
}

/// The USB printers this computer has (Linux's `/dev/usb/lp*`), in order.
pub fn usb_printers() -> Vec<String> {
    printers_in(Path::new("/dev/usb"))
}

/// The `lpN` devices in `dir`, by number.
pub(crate) fn printers_in(dir: &Path) -> Vec<String> {
    let mut found: Vec<(u32, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let n: u32 = name.to_str()?.strip_prefix("lp")?.parse().ok()?;
            Some((n, e.path().to_string_lossy().into_owned()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_nobody_reads_is_not_there_and_one_being_read_receives_the_job() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("lp0");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let mut t = DeviceTransport::new(&fifo);
        assert_eq!(t.answers(), Answers::Never);
        let e = t.write_all(b"hello").unwrap_err();
        assert!(e.to_string().contains("nothing is there to print"), "{e}");
        let reader = std::thread::spawn({
            let fifo = fifo.clone();
            move || std::fs::read(fifo).unwrap()
        });
        let t0 = Instant::now();
        while t.connect().is_err() {
            assert!(t0.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(5));
        }
        t.write_all(b"hello").unwrap();
        drop(t);
        assert_eq!(reader.join().unwrap(), b"hello");
    }

    #[test]
    fn usb_printers_are_listed_by_number() {
        let dir = tempfile::tempdir().unwrap();
        for n in ["lp10", "lp1", "lp0", "lpx", "ttyS0"] {
            std::fs::write(dir.path().join(n), "").unwrap();
        }
        let found = printers_in(dir.path());
        let names: Vec<&str> = found.iter().map(|p| &p[p.len() - 4..]).collect();
        assert_eq!(names, ["/lp0", "/lp1", "lp10"]);
    }
}
