//! `wrk` runs and an nginx of the benchmark's own, for the benchmarks that put a server of
//! Regulars next to nginx (`apt-get install wrk nginx-light`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Seconds of each measured `wrk` run.
pub const WRK_SECONDS: u32 = 10;

pub fn which(program: &str) -> bool {
    Command::new("sh")
        .args([
            "-c",
            &format!("command -v {program} || test -x /usr/sbin/{program}"),
        ])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What one `wrk` run measured.
pub struct Run {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: String,
}

pub fn wrk(url: &str, script: Option<&Path>) -> Run {
    wrk_for(WRK_SECONDS, url, script)
}

/// A short run whose figures are dropped: each server's connections, buffers and caches are
/// warm before it is measured.
pub fn warm_up(url: &str) {
    wrk_for(3, url, None);
}

pub fn wrk_for(seconds: u32, url: &str, script: Option<&Path>) -> Run {
    let mut cmd = Command::new("wrk");
    cmd.args(["-t2", "-c50", &format!("-d{seconds}s"), "--latency"]);
    if let Some(s) = script {
        cmd.arg("-s").arg(s);
    }
    let out = cmd.arg(url).output().expect("wrk runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |prefix: &str| -> Option<&str> {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::trim)
    };
    let latency = |p: &str| field(p).map_or(f64::NAN, wrk_ms);
    let errors = text
        .lines()
        .filter(|l| l.contains("Non-2xx") || l.contains("Socket errors"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ");
    Run {
        requests_per_second: field("Requests/sec:").map_or(f64::NAN, |v| v.parse().unwrap()),
        p50_ms: latency("50%"),
        p99_ms: latency("99%"),
        errors,
    }
}

/// `812.00us`, `8.40ms`, `1.20s` in milliseconds.
fn wrk_ms(v: &str) -> f64 {
    let (number, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
    let n: f64 = number.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1e3,
        "ms" => n,
        "s" => n * 1e3,
        "m" => n * 60e3,
        _ => f64::NAN,
    }
}

pub fn report(what: &str, run: &Run, against: Option<&Run>) {
    let ratio = against.map_or(String::new(), |n| {
        format!(
            "  (p99 {:.2}× nginx's, throughput {:.2}× nginx's)",
            run.p99_ms / n.p99_ms,
            run.requests_per_second / n.requests_per_second
        )
    });
    println!(
        "  {what}: {:.0} requests/s  p50 {:.2} ms  p99 {:.2} ms{ratio}{}",
        run.requests_per_second,
        run.p50_ms,
        run.p99_ms,
        if run.errors.is_empty() {
            String::new()
        } else {
            format!("  [{}]", run.errors)
        }
    );
}

/// A wrk script asking for a random one of `paths` at each request, written into `dir`.
pub fn random_paths_script(dir: &Path, name: &str, paths: &[String]) -> PathBuf {
    let list = dir.join(format!("{name}.txt"));
    std::fs::write(&list, paths.join("\n")).unwrap();
    let script = dir.join(format!("{name}.lua"));
    std::fs::write(
        &script,
        format!(
            "local paths = {{}}\nfor l in io.lines(\"{}\") do paths[#paths + 1] = l end\n\
             math.randomseed(tonumber(tostring({{}}):sub(8)) or os.time())\n\
             request = function() return wrk.format(\"GET\", paths[math.random(#paths)]) end\n",
            list.display()
        ),
    )
    .unwrap();
    script
}

/// nginx with two workers on a free loopback port, serving `server` (the body of its `server`
/// block after `listen`), with `http` added to its `http` block; stopped when dropped.
pub struct Nginx {
    child: Child,
    pub base: String,
}

impl Nginx {
    pub fn start(dir: &Path, server: &str, http: &str) -> Nginx {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let conf = dir.join(format!("nginx-{port}.conf"));
        let d = dir.display();
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
        let user = if root { "user root;" } else { "" };
        std::fs::write(
            &conf,
            format!(
                "{user}\nworker_processes 2;\ndaemon off;\npid {d}/nginx-{port}.pid;\n\
                 error_log {d}/nginx-{port}.log;\nevents {{ worker_connections 1024; }}\n\
                 http {{ access_log off; client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;\n\
                 fastcgi_temp_path {d}/fcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;\n\
                 {http}\nserver {{ listen 127.0.0.1:{port}; {server} }} }}\n"
            ),
        )
        .unwrap();
        let program = if which("nginx") && Command::new("nginx").arg("-v").output().is_ok() {
            "nginx"
        } else {
            "/usr/sbin/nginx"
        };
        let child = Command::new(program)
            .arg("-c")
            .arg(&conf)
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx starts");
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: see {d}/nginx-{port}.log"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Nginx { child, base }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // TERM, so the master stops its workers too.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}
