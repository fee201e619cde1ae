//! `pages check`: proves that the server answering at the address receipts carry is this
//! shop's portal, and says how far that address reaches.

use crate::domain::reach::{Scope, host_of, scope_of_ip, scope_of_url};
use crate::domain::token::ShopSecret;
use serde::Serialize;
use std::net::ToSocketAddrs;
use std::time::Duration;

/// The path a portal answers reach checks under, followed by the one-time nonce.
pub const CHECK_PATH: &str = "/.well-known/regulars/reach/";

/// How long a check waits for the answer.
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a check found the pages not reachable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Problem {
    /// The address's name is not in DNS.
    NameNotFound,
    /// Nothing listens there (the connection was refused).
    Refused,
    /// No answer in time (a firewall, a computer switched off).
    TimedOut,
    /// The secure connection failed (a certificate that does not match, an expired one).
    Tls(String),
    /// A server answered, but not this shop's portal.
    AnotherServer(String),
    /// The address does not read as one.
    BadAddress(String),
    /// Anything else the connection met.
    Other(String),
}

/// What `pages check` found.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub url: String,
    pub reachable: bool,
    /// How far the address reaches (from the address its name resolved to).
    pub scope: Option<Scope>,
    pub problem: Option<Problem>,
    /// When the check was made (unix seconds).
    pub at: i64,
}

/// The keys a reach check accepts: the shop's, and the chain's once this till has joined one.
pub fn keys(
    shop: ShopSecret,
    store: &mut crate::store::Store,
) -> Result<Vec<ShopSecret>, crate::store::StoreError> {
    let chain = store.read(|tx| tx.counter().chain_secret())?;
    Ok(std::iter::once(shop).chain(chain).collect())
}

/// Asks the server at `public_url` to sign a one-time nonce, and checks that the answer is
/// signed with one of `secrets` (the shop's, and the chain's once it has joined one): another
/// server at that address (another shop's portal, a router's page) does not count.
pub fn check(public_url: &str, secrets: &[ShopSecret], now: i64) -> Checked {
    let url = public_url.trim_end_matches('/').to_string();
    let scope = resolved_scope(&url);
    let problem = ask(&url, secrets).err();
    Checked {
        reachable: problem.is_none(),
        url,
        scope,
        problem,
        at: now,
    }
}

/// How far the address reaches, from what its name resolves to (the widest of its addresses).
fn resolved_scope(url: &str) -> Option<Scope> {
    if let Some(scope) = scope_of_url(url) {
        return Some(scope);
    }
    let host = host_of(url)?;
    let port = if url.starts_with("https") { 443 } else { 80 };
    let addrs = (host, port).to_socket_addrs().ok()?;
    addrs.map(|a| scope_of_ip(a.ip())).min_by_key(|s| match s {
        Scope::Internet => 0,
        Scope::LocalNetwork => 1,
        Scope::ThisComputer => 2,
    })
}

fn ask(url: &str, secrets: &[ShopSecret]) -> Result<(), Problem> {
    if host_of(url).is_none() || !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(Problem::BadAddress(url.to_string()));
    }
    let nonce = format!("{:032x}", rand::random::<u128>());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(CHECK_TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(3)
        .build()
        .into();
    let target = format!("{url}{CHECK_PATH}{nonce}");
    let mut answer = agent.get(&target).call().map_err(problem_of)?;
    let status = answer.status().as_u16();
    let body = answer
        .body_mut()
        .with_config()
        .limit(4096)
        .read_to_string()
        .unwrap_or_default();
    // One line per key the server holds (its shop's, its chain's).
    let ours = body
        .lines()
        .any(|line| secrets.iter().any(|s| s.check_reach(&nonce, line)));
    if status == 200 && ours {
        Ok(())
    } else {
        let server = answer
            .headers()
            .get("server")
            .and_then(|v| v.to_str().ok())
            .map(|s| format!("{status}, {s}"))
            .unwrap_or_else(|| status.to_string());
        Err(Problem::AnotherServer(server))
    }
}

fn problem_of(e: ureq::Error) -> Problem {
    match e {
        ureq::Error::HostNotFound => Problem::NameNotFound,
        ureq::Error::Timeout(_) => Problem::TimedOut,
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => Problem::Refused,
            std::io::ErrorKind::TimedOut => Problem::TimedOut,
            _ => Problem::Other(io.to_string()),
        },
        ureq::Error::ConnectionFailed => Problem::Refused,
        ureq::Error::Tls(t) => Problem::Tls(t.to_string()),
        ureq::Error::Rustls(t) => Problem::Tls(t.to_string()),
        ureq::Error::BadUri(u) => Problem::BadAddress(u),
        other => Problem::Other(other.to_string()),
    }
}

/// Why the pages could not be opened, in the reader's words.
pub fn problem_words(w: &crate::i18n::Language, p: &Problem) -> String {
    let detail = |key: &str, d: &str| w.t_args(key, &[("detail", d.to_string().into())]);
    match p {
        Problem::NameNotFound => w.t("pages-problem-name"),
        Problem::Refused => w.t("pages-problem-refused"),
        Problem::TimedOut => w.t("pages-problem-timeout"),
        Problem::Tls(d) => detail("pages-problem-tls", d),
        Problem::AnotherServer(d) => detail("pages-problem-another", d),
        Problem::BadAddress(d) => detail("pages-problem-address", d),
        Problem::Other(d) => detail("pages-problem-other", d),
    }
}

/// What a check found, as `pages check` says it.
pub fn check_words(w: &crate::i18n::Language, c: &Checked) -> String {
    let url = ("url", c.url.clone().into());
    match (&c.problem, c.scope) {
        (Some(p), _) => w.t_args(
            "pages-not-reachable",
            &[url, ("problem", problem_words(w, p).into())],
        ),
        (None, Some(Scope::ThisComputer)) => w.t_args("pages-ok-this-computer", &[url]),
        (None, Some(Scope::LocalNetwork)) => w.t_args("pages-ok-local", &[url]),
        (None, _) => w.t_args("pages-ok-anywhere", &[url]),
    }
}

/// What the device bar says of the pages at `url`, after the last check if there was one:
/// the words, and whether all is well (a loopback address or a failed check shows in red).
pub fn bar_words(
    w: &crate::i18n::Language,
    url: &str,
    last: Option<&Checked>,
    time: impl Fn(i64) -> String,
) -> (String, bool) {
    let url_arg = ("url", url.to_string().into());
    let scope = last.and_then(|c| c.scope).or_else(|| scope_of_url(url));
    if scope == Some(Scope::ThisComputer) {
        return (w.t_args("pages-this-computer", &[url_arg]), false);
    }
    match last {
        Some(Checked {
            problem: Some(p), ..
        }) => {
            let problem = ("problem", problem_words(w, p).into());
            (w.t_args("pages-unreachable", &[problem]), false)
        }
        Some(c) if c.scope == Some(Scope::Internet) || c.scope.is_none() => (
            w.t_args("pages-anywhere", &[("time", time(c.at).into())]),
            true,
        ),
        _ if scope == Some(Scope::LocalNetwork) => (w.t_args("pages-local", &[url_arg]), true),
        _ => (w.t_args("pages-unchecked", &[url_arg]), true),
    }
}

/// How often the window and `serve` check where the pages open.
pub const CHECK_EVERY: Duration = Duration::from_secs(15 * 60);

/// Checks `url` a few seconds after it starts, then every `every` and whenever `asks` says so
/// (the Settings button), telling `news` each time, until `stop`.
pub fn worker(
    url: String,
    secrets: Vec<ShopSecret>,
    every: Duration,
    asks: std::sync::mpsc::Receiver<()>,
    news: std::sync::mpsc::Sender<Checked>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::mpsc::RecvTimeoutError;
    let mut next = std::time::Instant::now() + Duration::from_secs(3);
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let wait = next
            .saturating_duration_since(std::time::Instant::now())
            .min(Duration::from_millis(500));
        let due = match asks.recv_timeout(wait) {
            Ok(()) => true,
            Err(RecvTimeoutError::Timeout) => std::time::Instant::now() >= next,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(wait);
                std::time::Instant::now() >= next
            }
        };
        if due {
            let checked = check(&url, &secrets, crate::clock::now());
            next = std::time::Instant::now() + every;
            if news.send(checked).is_err() {
                break;
            }
        }
    }
}
