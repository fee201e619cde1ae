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
    /// The chain's page server, whose pages open from anywhere, when `url` opens only in the
    /// shop or on this computer: what `[portal] public_url` should be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_server: Option<String>,
    /// When the check was made (unix seconds).
    pub at: i64,
}

/// What a check goes by: the keys it accepts (the shop's, and the chain's once this till has
/// joined one) and where the chain's page servers say their pages open.
#[derive(Clone)]
pub struct Known {
    pub keys: Vec<ShopSecret>,
    pub page_servers: Vec<String>,
}

/// What the shop's key and its database tell a check.
pub fn known(
    shop: ShopSecret,
    store: &mut crate::store::Store,
) -> Result<Known, crate::store::StoreError> {
    let (chain, page_servers) =
        store.read(|tx| Ok((tx.counter().chain_secret()?, tx.chain().page_servers()?)))?;
    Ok(Known {
        keys: std::iter::once(shop).chain(chain).collect(),
        page_servers,
    })
}

/// Asks the server at `public_url` to sign a one-time nonce, and checks that the answer is
/// signed with one of the known keys: another server at that address (another shop's portal,
/// a router's page) does not count. An address that opens only in the shop (or only on this
/// computer) names the chain's page server that opens from anywhere, when there is one.
pub fn check(public_url: &str, known: &Known, now: i64) -> Checked {
    let url = public_url.trim_end_matches('/').to_string();
    let scope = resolved_scope(&url);
    let problem = ask(&url, &known.keys).err();
    let narrow = matches!(scope, Some(Scope::LocalNetwork | Scope::ThisComputer));
    let page_server = known
        .page_servers
        .iter()
        .map(|u| u.trim_end_matches('/'))
        .find(|u| {
            narrow
                && *u != url
                && !matches!(
                    scope_of_url(u),
                    Some(Scope::LocalNetwork | Scope::ThisComputer)
                )
        })
        .map(str::to_string);
    Checked {
        reachable: problem.is_none(),
        url,
        scope,
        problem,
        page_server,
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
    let found = match (&c.problem, c.scope) {
        (Some(p), _) => w.t_args(
            "pages-not-reachable",
            &[url, ("problem", problem_words(w, p).into())],
        ),
        (None, Some(Scope::ThisComputer)) => w.t_args("pages-ok-this-computer", &[url]),
        (None, Some(Scope::LocalNetwork)) => w.t_args("pages-ok-local", &[url]),
        (None, _) => w.t_args("pages-ok-anywhere", &[url]),
    };
    match &c.page_server {
        Some(p) => format!(
            "{found} {}",
            w.t_args(
                "pages-use-page-server",
                &[("page_server", p.clone().into())]
            )
        ),
        None => found,
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
        Some(Checked {
            page_server: Some(p),
            ..
        }) => (
            w.t_args(
                "pages-local-not-page-server",
                &[url_arg, ("page_server", p.clone().into())],
            ),
            false,
        ),
        _ if scope == Some(Scope::LocalNetwork) => (w.t_args("pages-local", &[url_arg]), true),
        _ => (w.t_args("pages-unchecked", &[url_arg]), true),
    }
}

/// How often the window and `serve` check where the pages open.
pub const CHECK_EVERY: Duration = Duration::from_secs(15 * 60);

/// Starts the checks of where the pages at the address receipts carry open from: a few seconds
/// after the start, then every [`CHECK_EVERY`] and whenever `asks` says so (the Settings
/// button), telling `news` each time, until `stop`. The window and `serve` both run it.
/// `shop` is the shop's own key.
pub fn start_worker(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    shop: ShopSecret,
    asks: std::sync::mpsc::Receiver<()>,
    news: std::sync::mpsc::Sender<Checked>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::io::Result<()> {
    let url = config.portal.public_url.clone();
    let opener = dir.store_opener(config);
    // Read again at each check: the chain's key and page servers arrive with its syncs.
    let known = move || {
        let read = opener
            .open(crate::clock::now())
            .ok()
            .and_then(|mut store| known(shop.clone(), &mut store).ok());
        read.unwrap_or_else(|| Known {
            keys: vec![shop.clone()],
            page_servers: Vec::new(),
        })
    };
    std::thread::Builder::new()
        .name("pages".into())
        .spawn(move || worker(url, known, CHECK_EVERY, asks, news, stop))
        .map(|_| ())
}

fn worker(
    url: String,
    known: impl Fn() -> Known,
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
            let checked = check(&url, &known(), crate::clock::now());
            next = std::time::Instant::now() + every;
            if news.send(checked).is_err() {
                break;
            }
        }
    }
}
