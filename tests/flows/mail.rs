//! Real outside parts for the message tests: an SMTP server on loopback (aiosmtpd from PyPI,
//! driven by `tests/smtp_server.py`) and an SMS gateway (a small HTTP server here that
//! records each request and answers as told).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::common::free_port;

/// One message the SMTP server accepted.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub message_id: String,
    pub content_language: String,
    pub list_unsubscribe: String,
    pub list_unsubscribe_post: String,
    pub text: String,
    pub tls: bool,
    pub authenticated: bool,
}

pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
    _keep: tempfile::TempDir,
}

impl SmtpServer {
    /// Starts the server with `options` (see `tests/smtp_server.py`) on `port` (0: a free one).
    pub fn start(port: u16, options: &[&str]) -> SmtpServer {
        let has = Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            has,
            "the message tests need aiosmtpd: run the tests with `tests/run.sh`, which \
             installs it (or `python3 -m pip install aiosmtpd`)"
        );
        let keep = tempfile::tempdir().unwrap();
        let dir = keep.path().join("mail");
        let port = if port == 0 { free_port() } else { port };
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_server.py");
        // A port just let go by the test's previous server can linger a moment.
        let mut tries = 0;
        let child = loop {
            let mut child = Command::new("python3")
                .arg(&script)
                .arg("--port")
                .arg(port.to_string())
                .arg("--dir")
                .arg(&dir)
                .args(options)
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap();
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            if line.trim() == "ready" {
                break child;
            }
            let _ = child.kill();
            let _ = child.wait();
            tries += 1;
            assert!(tries < 20, "the SMTP server did not start on port {port}");
            std::thread::sleep(Duration::from_millis(250));
        };
        SmtpServer {
            child,
            port,
            dir,
            _keep: keep,
        }
    }

    /// The messages accepted so far, in order.
    pub fn mails(&self) -> Vec<Mail> {
        let mut names: Vec<PathBuf> = match std::fs::read_dir(&self.dir) {
            Ok(d) => d
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
                .collect(),
            Err(_) => vec![],
        };
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits (up to 20 s) until `n` messages have arrived.
    pub fn wait_for(&self, n: usize) -> Vec<Mail> {
        let t = Instant::now();
        loop {
            let m = self.mails();
            if m.len() >= n || t.elapsed() > Duration::from_secs(20) {
                return m;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request the gateway received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An SMS gateway on loopback: answers each request with the next status of `statuses`
/// (the last one from then on).
pub struct Gateway {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Request>>>,
}

impl Gateway {
    pub fn start(statuses: &[u16]) -> Gateway {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let statuses = statuses.to_vec();
        std::thread::spawn(move || {
            for (i, stream) in listener.incoming().enumerate() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut first = String::new();
                if reader.read_line(&mut first).is_err() {
                    continue;
                }
                let mut parts = first.split_whitespace();
                let (method, path) = (
                    parts.next().unwrap_or("").to_string(),
                    parts.next().unwrap_or("").to_string(),
                );
                let mut headers = vec![];
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                        break;
                    }
                    if let Some((k, v)) = line.trim_end().split_once(':') {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    }
                }
                let length: usize = headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                    .and_then(|(_, v)| v.parse().ok())
                    .unwrap_or(0);
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                seen.lock().unwrap().push(Request {
                    method,
                    path,
                    headers,
                    body: String::from_utf8_lossy(&body).into_owned(),
                });
                let status = statuses[i.min(statuses.len() - 1)];
                let text = if status < 300 {
                    "{\"state\":\"Pending\"}"
                } else {
                    "busy"
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
            }
        });
        Gateway { url, requests }
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}
