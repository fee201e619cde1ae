//! Talking to a receipt printer: status before and after a job, the job sent whole.

use super::escpos::{self, PrinterStatus, is_status_reply};
use super::transport::{Answers, Transport};
use std::time::Duration;

/// How long to wait for each status reply before calling the printer unreachable.
/// A printer answers in milliseconds; a second allows for slow USB-serial adapters and a busy
/// machine, and still tells an unplugged printer quickly.
pub const STATUS_TIMEOUT: Duration = Duration::from_millis(1000);

/// Why a job did not print.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("the printer did not answer (is it switched on and connected to {port}?)")]
    NoAnswer { port: String },
    #[error("{}", .0.describe())]
    NotReady(PrinterStatus),
    #[error(
        "the printer connection failed ({0}): check the cable; the receipt is kept and will print"
    )]
    Io(#[from] std::io::Error),
}

/// A printer on some transport.
pub struct Printer<T: Transport> {
    pub transport: T,
    port: String,
    baud: u32,
    /// Found (or known) not to answer status queries.
    silent: bool,
    /// Has answered a status query on this connection.
    answered: bool,
}

impl<T: Transport> Printer<T> {
    pub fn new(transport: T, port: impl Into<String>) -> Printer<T> {
        Printer {
            transport,
            port: port.into(),
            baud: 9600,
            silent: false,
            answered: false,
        }
    }

    /// The line speed, used to allow a job the time it takes to go out.
    pub fn with_baud(mut self, baud: u32) -> Printer<T> {
        self.baud = baud.max(300);
        self
    }

    /// Asks `DLE EOT 1`, `2` and `4`; skips bytes that are not status replies (Automatic
    /// Status Back, noise). A printer that never answers is an error after a timeout, not a hang.
    pub fn status(&mut self) -> Result<PrinterStatus, PrintError> {
        self.status_within(STATUS_TIMEOUT)
    }

    /// Whether the printer has been found not to answer status queries on a connection that
    /// may not carry them (a network or USB printer): then only the connection is checked.
    pub fn silent(&self) -> bool {
        self.silent
    }

    /// Known from an earlier job: this printer never answers status queries.
    pub fn known_silent(mut self, silent: bool) -> Printer<T> {
        self.silent = silent;
        self
    }

    /// As [`Self::status`], allowing `first_reply` for the first answer.
    fn status_within(&mut self, first_reply: Duration) -> Result<PrinterStatus, PrintError> {
        let connected = PrinterStatus {
            online: true,
            ..PrinterStatus::default()
        };
        match self.transport.answers() {
            Answers::Never => {
                self.transport.connect()?;
                return Ok(connected);
            }
            Answers::IfItCan if self.silent => {
                self.transport.connect()?;
                return Ok(connected);
            }
            _ => {}
        }
        match self.ask_status(first_reply) {
            // Connected but mute: a network or USB printer that does not speak status.
            Err(PrintError::NoAnswer { .. })
                if self.transport.answers() == Answers::IfItCan && !self.answered =>
            {
                self.silent = true;
                Ok(connected)
            }
            Ok(s) => {
                self.answered = true;
                Ok(s)
            }
            Err(e) => Err(e),
        }
    }

    fn ask_status(&mut self, first_reply: Duration) -> Result<PrinterStatus, PrintError> {
        let mut answers = [0u8; 3];
        let mut wait = first_reply;
        for (slot, n) in answers.iter_mut().zip([1u8, 2, 4]) {
            self.transport.write_all(&escpos::status_query(n))?;
            self.transport.flush()?;
            *slot = self.read_reply(wait)?;
            wait = STATUS_TIMEOUT;
        }
        Ok(PrinterStatus::from_replies(
            answers[0], answers[1], answers[2],
        ))
    }

    fn read_reply(&mut self, timeout: Duration) -> Result<u8, PrintError> {
        let deadline = std::time::Instant::now() + timeout;
        let mut b = [0u8; 1];
        while std::time::Instant::now() < deadline {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if self.transport.read_timeout(&mut b, left)? == 1 && is_status_reply(b[0]) {
                return Ok(b[0]);
            }
        }
        Err(PrintError::NoAnswer {
            port: self.port.clone(),
        })
    }

    /// Sends a whole job if the printer is ready; returns the status after it.
    pub fn print(&mut self, job: &[u8]) -> Result<PrinterStatus, PrintError> {
        let before = self.status()?;
        if !before.ready() {
            return Err(PrintError::NotReady(before));
        }
        self.transport.write_all(job)?;
        self.transport.flush()?;
        // The query after a job waits behind the job's tail while the printer holds the line
        // (XOFF, CTS): allow the time the job takes at line speed, or a slow printer would be
        // called lost and its receipt printed again.
        let line_time = Duration::from_secs_f64(job.len() as f64 * 10.0 / f64::from(self.baud));
        self.status_within(STATUS_TIMEOUT + line_time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::transport::MemoryTransport;

    #[test]
    fn prints_when_ready_and_skips_asb_bytes() {
        let mut t = MemoryTransport::default();
        // An ASB block (0x10 0x00 …) before the replies must be skipped.
        t.replies
            .extend([0x10, 0x00, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12]);
        let mut p = Printer::new(t, "mem");
        let after = p.print(b"hello\n").unwrap();
        assert!(after.ready());
        assert_eq!(
            p.transport.written,
            [
                &[0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4][..],
                b"hello\n",
                &[0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]
            ]
            .concat()
        );
    }

    #[test]
    fn out_of_paper_is_refused_and_sends_nothing() {
        let mut t = MemoryTransport::default();
        t.replies.extend([0x1A, 0x32, 0x7E]);
        let mut p = Printer::new(t, "mem");
        let e = p.print(b"hello\n").unwrap_err();
        assert_eq!(e.to_string(), "printer out of paper: load a new roll");
        assert!(!p.transport.written.ends_with(b"hello\n"));
    }

    #[test]
    fn a_network_printer_that_never_answers_is_sent_the_job_once_known_silent() {
        use crate::devices::transport::Answers;
        let t = MemoryTransport {
            answers: Answers::IfItCan,
            ..MemoryTransport::default()
        };
        let mut p = Printer::new(t, "tcp://printer:9100");
        assert!(p.print(b"hello\n").unwrap().ready());
        assert!(p.silent());
        // Asked once, then never again: a second job goes straight out.
        let asked = [0x10, 0x04, 1];
        assert!(p.transport.written.starts_with(&asked));
        let len = p.transport.written.len();
        p.print(b"again\n").unwrap();
        assert_eq!(&p.transport.written[len..], b"again\n");
        // A write-only device is never asked; one that is not there fails.
        let fifo = MemoryTransport {
            answers: Answers::Never,
            ..MemoryTransport::default()
        };
        let mut p = Printer::new(fifo, "/tmp/lp0");
        p.print(b"x").unwrap();
        assert_eq!(p.transport.written, b"x");
        p.transport.unplugged = true;
        assert!(matches!(p.print(b"y"), Err(PrintError::Io(_))));
    }

    #[test]
    fn silence_is_a_timeout_not_a_hang() {
        let mut p = Printer::new(MemoryTransport::default(), "/dev/ttyUSB0");
        let e = p.status().unwrap_err();
        assert!(e.to_string().contains("did not answer"), "{e}");
        let gone = MemoryTransport {
            unplugged: true,
            ..MemoryTransport::default()
        };
        let e = Printer::new(gone, "x").print(b"a").unwrap_err();
        assert!(matches!(e, PrintError::Io(_)));
    }
}
