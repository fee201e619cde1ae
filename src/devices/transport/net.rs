//! Network receipt printers on their raw port (`tcp://HOST:9100`): connected on first use and
//! again after the connection broke (the printer switched off, its cable pulled).

use super::{Answers, PORT_TIMEOUT, Transport, write_patiently};
use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// How long connecting may take: a printer on the shop's network answers in milliseconds, one
/// that is switched off never does.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// A printer on the network.
pub struct TcpTransport {
    host: String,
    port: u16,
    stream: Option<TcpStream>,
}

impl TcpTransport {
    pub fn new(host: &str, port: u16) -> TcpTransport {
        TcpTransport {
            host: host.to_string(),
            port,
            stream: None,
        }
    }

    fn name(&self) -> String {
        format!("tcp://{}:{}", self.host, self.port)
    }

    fn stream(&mut self) -> io::Result<&mut TcpStream> {
        if self.stream.is_none() {
            let name = self.name();
            let not_there = |e: io::Error| {
                io::Error::new(
                    io::ErrorKind::NotConnected,
                    format!("cannot reach {name}: {e}"),
                )
            };
            let addrs: Vec<_> = (self.host.as_str(), self.port)
                .to_socket_addrs()
                .map_err(not_there)?
                .collect();
            let mut last = io::Error::new(io::ErrorKind::NotFound, "no address");
            let mut stream = None;
            for addr in addrs {
                match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
                    Ok(s) => {
                        stream = Some(s);
                        break;
                    }
                    Err(e) => last = e,
                }
            }
            let stream = stream.ok_or_else(|| not_there(last))?;
            // Receipts are small and each command should leave at once.
            stream.set_nodelay(true)?;
            stream.set_write_timeout(Some(PORT_TIMEOUT))?;
            self.stream = Some(stream);
        }
        Ok(self.stream.as_mut().expect("connected above"))
    }

    /// Forgets the connection after an error so the next use connects again.
    fn drop_on_error<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if r.is_err() {
            self.stream = None;
        }
        r
    }
}

fn waiting(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
    )
}

impl Transport for TcpTransport {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream()?;
        let stream = self.stream.as_mut().expect("connected above");
        // A printer that is busy printing stops reading: its window closes and writes wait.
        let r = write_patiently(bytes, |rest| match stream.write(rest) {
            Ok(0) => Err(io::Error::new(
                io::ErrorKind::WriteZero,
                "the printer closed the connection",
            )),
            Ok(n) => Ok(n),
            Err(e) if waiting(&e) => Ok(0),
            Err(e) => Err(e),
        });
        self.drop_on_error(r)
    }

    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        let deadline = Instant::now() + timeout;
        let r = self.stream().and_then(|s| {
            s.set_read_timeout(Some(timeout.max(Duration::from_millis(1))))?;
            loop {
                match s.read(buf) {
                    // The printer went away (switched off, or its connection was taken over).
                    Ok(0) => {
                        return Err(io::Error::new(
                            io::ErrorKind::ConnectionAborted,
                            "the printer closed the connection",
                        ));
                    }
                    Ok(n) => return Ok(n),
                    Err(e) if waiting(&e) && Instant::now() < deadline => continue,
                    Err(e) if waiting(&e) => return Ok(0),
                    Err(e) => return Err(e),
                }
            }
        });
        self.drop_on_error(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.stream().and_then(|s| s.flush());
        self.drop_on_error(r)
    }

    fn connect(&mut self) -> io::Result<()> {
        self.stream().map(|_| ())
    }

    fn answers(&self) -> Answers {
        Answers::IfItCan
    }
}
