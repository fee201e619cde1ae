//! A chain's page server for the benchmarks that ask one for receipts.

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// `regulars serve --pages-only` on a free loopback port, with no per-address limit (the
/// benchmark is one address asking thousands of times a second); killed when dropped.
pub struct PageServer {
    child: Child,
    pub base: String,
    pub port: u16,
}

impl PageServer {
    pub fn start(dir: &Path) -> PageServer {
        let config = dir.join("config.toml");
        let text = std::fs::read_to_string(&config).unwrap();
        if !text.contains("requests_per_minute = 0") {
            let text = if text.contains("[portal]\n") {
                text.replacen("[portal]\n", "[portal]\nrequests_per_minute = 0\n", 1)
            } else {
                format!("{text}[portal]\nrequests_per_minute = 0\n")
            };
            let text = text.replace("requests_per_minute = 120", "# requests_per_minute = 120");
            std::fs::write(&config, text).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
            .arg("--data")
            .arg(dir)
            .args(["serve", "--pages-only", "--bind", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut base = None;
        while base.is_none() {
            let mut line = String::new();
            assert!(
                err.read_line(&mut line).unwrap() > 0,
                "the page server ended"
            );
            // Its own address is on the line saying where it serves (an address on an earlier
            // line is another page server's, asked for a copy of the chain).
            if line.starts_with("Customer pages on") {
                base = line
                    .split_whitespace()
                    .find(|w| w.starts_with("http://127.0.0.1:"))
                    .map(str::to_string);
            }
        }
        // What it says later (a failed fetch, where its pages open) shows beside the figures.
        std::thread::spawn(move || {
            for line in err.lines().map_while(Result::ok) {
                eprintln!("page server: {line}");
            }
        });
        let base = base.unwrap();
        let port = base.rsplit(':').next().unwrap().parse().unwrap();
        PageServer { child, base, port }
    }
}

impl Drop for PageServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
