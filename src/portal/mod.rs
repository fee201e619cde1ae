//! The portal: the customer pages a receipt QR opens, the referral page, and the local API
//! for tills that can call out. It runs inside the counter app and under `regulars serve`.
//!
//! It holds no business rules: every page reads the store and every form calls one store
//! operation in one transaction. What it adds is the web's own care: a token that does not
//! verify gets the same 404 as an unknown one, forms carry an anti-forgery token, bodies are
//! capped (413), each client address is rate limited (429), and every page is served with a
//! strict Content-Security-Policy and no referrer, so the receipt link never leaks.
//!
//! A receipt's page served once is kept as rendered (`cache.rs`) and served again while the
//! store's change counters for its visit and member stand still: checking them is one row of
//! indexed lookups, read only once the token's signature checks out.

mod api;
mod cache;
mod check;
pub mod copy;
mod display;
mod forms;
mod guard;
mod hooks;
mod html;
mod join;
mod language;
mod pages;
mod unsubscribe;

pub use cache::CacheCounts;
pub use check::start_and_check;
pub use display::TabletDisplay;

use crate::config::Config;
use crate::datadir::DataDir;
use crate::domain::{money::Currency, token::ShopSecret};
use crate::store::{Store, StoreError};
use axum::{
    Router,
    extract::{DefaultBodyLimit, Path, State},
    http::{HeaderValue, StatusCode, header},
    middleware,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};

/// Largest request body accepted (forms are a few hundred bytes).
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Connections to the database kept open for requests.
const POOL_SIZE: usize = 8;
/// Threads answering requests (each reads a page's stamp on its own thread).
const WORKERS: usize = 2;

/// Opens a store connection for the pool.
pub type Opener = Arc<dyn Fn() -> Result<Store, crate::datadir::DataDirError> + Send + Sync>;
/// The time, as unix seconds (tests pass a fixed clock).
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// What the portal needs to run.
#[derive(Clone)]
pub struct Settings {
    pub shop_name: String,
    /// The shop's language: the pages' last resort after the customer's and the browser's.
    pub language: String,
    pub currency: Currency,
    pub public_url: String,
    pub api_key: Option<String>,
    pub requests_per_minute: u32,
    /// Trust the last `X-Forwarded-For` entry as the client's address.
    pub behind_proxy: bool,
    /// Referral bonuses, for the join page's offer: (referrer, friend).
    pub referral_bonus: (i64, i64),
    pub secret: ShopSecret,
    /// The key an SMS gateway's webhook carries (`[sms] inbound_key`); none: no webhook.
    pub sms_inbound_key: Option<String>,
    /// The messaging apps set up: the visit page's buttons and the apps' webhooks.
    pub chats: crate::config::chats::ChatsConfig,
    /// The shop's calling code: the apps are offered in the order its country uses them.
    pub country_code: Option<String>,
    /// Memory for receipt pages kept as rendered (0: none kept).
    pub page_cache_bytes: u64,
    pub open: Opener,
    pub clock: Clock,
    /// A page server's way to fetch the chain's news at once, when a receipt the chain signed
    /// has not arrived: blocks until one sync is done (`None` on a till's own pages).
    pub catch_up: Option<CatchUp>,
    /// Told of each sale the local API records (a chain's till sends it at once).
    pub on_sale: Option<Arc<dyn Fn() + Send + Sync>>,
    /// A page server: its process makes nearly every commit to its database, so a kept page
    /// is served without reading its stamp while no commit was counted (another process's
    /// noticed within a second). `false` on a till, where the command line writes too.
    pub watch_commits: bool,
    /// Where a page server makes its copy of the chain for a new page server (its data
    /// folder); `None`: no copies (a till's own pages).
    pub copies: Option<std::path::PathBuf>,
    /// The customer display's tablet page; `None`: no such page (no counter runs here).
    pub display: Option<TabletDisplay>,
}

/// Fetches what the central store has that this copy of the chain has not, once.
pub type CatchUp = Arc<dyn Fn() + Send + Sync>;

impl Settings {
    /// The portal of the shop in `dir`, configured by `config`.
    pub fn from_config(
        dir: &DataDir,
        config: &Config,
    ) -> Result<Settings, crate::datadir::DataDirError> {
        let secret = dir.secret()?;
        let dir = dir.clone();
        let config_for_open = config.clone();
        Ok(Settings {
            shop_name: config.shop.name.clone(),
            language: config.shop.language.clone(),
            currency: config.shop.currency,
            public_url: config.portal.public_url.clone(),
            api_key: config.portal.api_key.clone(),
            requests_per_minute: config.portal.requests_per_minute,
            behind_proxy: config.portal.behind_proxy,
            referral_bonus: (
                config.program.referral.referrer_bonus,
                config.program.referral.friend_bonus,
            ),
            secret,
            sms_inbound_key: config.messages.sms_inbound_key.clone(),
            chats: config.chats.clone(),
            country_code: config.shop.country_code.clone(),
            page_cache_bytes: u64::from(config.portal.page_cache_mb) << 20,
            open: Arc::new(move || dir.open_store(&config_for_open, crate::clock::now())),
            clock: Arc::new(crate::clock::now),
            catch_up: None,
            on_sale: None,
            copies: None,
            watch_commits: false,
            display: None,
        })
    }
}

impl Settings {
    /// With the customer display's tablet page, showing what the counter's `hub` is given.
    pub fn with_display(
        mut self,
        config: &Config,
        hub: Arc<crate::services::display::DisplayHub>,
    ) -> Settings {
        self.display = Some(TabletDisplay {
            key: config.display.tablet_key(&self.secret),
            hub,
            anywhere: config.display.tablet_anywhere,
        });
        self
    }
}

/// A few open connections, lent to one request at a time.
struct Pool {
    open: Opener,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    /// An idle connection, or a new one. A data folder that cannot be opened (its settings
    /// or secret gone bad since the start) is the server's trouble, never the customer's.
    fn take(&self) -> Result<Store, Failure> {
        if let Some(s) = self.idle() {
            return Ok(s);
        }
        (self.open)().map_err(|e| match e {
            crate::datadir::DataDirError::Store(s) => Failure::Store(s),
            other => {
                eprintln!("portal: {other}");
                Failure::Unavailable
            }
        })
    }

    /// An open connection, if one is idle.
    fn idle(&self) -> Option<Store> {
        self.idle.lock().expect("pool lock").pop()
    }

    fn give_back(&self, store: Store) {
        let mut idle = self.idle.lock().expect("pool lock");
        if idle.len() < POOL_SIZE {
            idle.push(store);
        }
    }
}

pub(crate) struct Shared {
    pub(crate) settings: Settings,
    pool: Pool,
    pub(crate) pages: cache::PageCache,
    limiter: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// Requests seen, so the limiter forgets idle addresses now and then.
    requests: std::sync::atomic::AtomicU64,
    /// Set when the portal stops, so the tablet pages' endless event streams end.
    pub(crate) closing: tokio::sync::watch::Sender<bool>,
}

pub(crate) type AppState = Arc<Shared>;

impl Shared {
    pub(crate) fn now(&self) -> i64 {
        (self.settings.clock)()
    }

    /// Runs `f` with a pooled connection on a blocking thread.
    pub(crate) async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store, i64) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, Failure> {
        let shared = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = shared.pool.take()?;
            let now = shared.now();
            let out = f(&mut store, now);
            shared.pool.give_back(store);
            out.map_err(Failure::Store)
        })
        .await
        .map_err(|_| Failure::Unavailable)?
    }

    /// Runs `f`, a read of a few indexed lookups (microseconds), on the request's own thread
    /// with an idle pooled connection; on a blocking thread when none is idle (opening one
    /// takes longer).
    pub(crate) async fn with_store_quick<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store, i64) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, Failure> {
        match self.pool.idle() {
            Some(mut store) => {
                let out = f(&mut store, self.now());
                self.pool.give_back(store);
                out.map_err(Failure::Store)
            }
            None => self.with_store(f).await,
        }
    }
}

/// Counts other processes' commits to the database at `path` (`Settings::watch_commits`),
/// looking once a second while the portal runs.
async fn watch_commits(path: std::path::PathBuf) {
    let mut watch = match crate::store::Watch::new(&path) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("portal: {e}");
            return;
        }
    };
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        tick.tick().await;
        if let Err(e) = watch.look() {
            eprintln!("portal: {e}");
        }
    }
}

/// Why a request failed, and so what the person sees.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Unknown, forged or altered link: one page for all of them.
    NotFound,
    /// A link the chain signed for a sale that has not reached this server yet.
    OnItsWay,
    /// A form without (or with an expired) anti-forgery token.
    Forbidden,
    /// The person's input: the message id saying what to do about it.
    Input(&'static str),
    Store(StoreError),
    Unavailable,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl Failure {
    /// The page saying what went wrong, in the person's language.
    pub(crate) fn page(self, w: &crate::i18n::Language) -> Response {
        let (status, title, message) = match self {
            Failure::NotFound => (
                StatusCode::NOT_FOUND,
                "error-not-found",
                w.t("error-not-found-text"),
            ),
            Failure::OnItsWay => {
                let page =
                    html::message_page(w, &w.t("error-on-its-way"), &w.t("error-on-its-way-text"));
                let mut r = (StatusCode::SERVICE_UNAVAILABLE, page).into_response();
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
                return r;
            }
            Failure::Forbidden => (
                StatusCode::FORBIDDEN,
                "error-expired",
                w.t("error-expired-text"),
            ),
            Failure::Input(id) => (StatusCode::BAD_REQUEST, "error-check", w.t(id)),
            Failure::Store(e) if e.is_input_error() => {
                (StatusCode::BAD_REQUEST, "error-check", store_error(w, &e))
            }
            Failure::Store(e) => {
                eprintln!("portal: {e}");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-try-again",
                    w.t("error-busy-text"),
                )
            }
            Failure::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-try-again",
                w.t("error-busy-text"),
            ),
        };
        (status, html::message_page(w, &w.t(title), &message)).into_response()
    }
}

/// A store's refusal of what a customer sent, in their words: the pages' own phrasing for the
/// refusals a form meets, the store's sentence in the customer's language for any other.
fn store_error(w: &crate::i18n::Language, e: &StoreError) -> String {
    use crate::domain::contact::ContactError;
    let id = match e {
        StoreError::AlreadyClaimed => "error-already-claimed",
        StoreError::BadName => "error-name",
        StoreError::DuplicatePhone { .. } | StoreError::DuplicateEmail { .. } => "error-join-taken",
        StoreError::Contact(ContactError::EmailShape(_)) => "error-email",
        StoreError::Contact(_) => "error-phone",
        StoreError::ContactNeeded => "error-claim-contact",
        StoreError::NoContact(_) => "error-need-contact",
        other => return crate::services::errors::store_error(w, other),
    };
    w.t(id)
}

/// Unknown addresses get the same page as a forged receipt link, in the browser's language.
async fn not_found(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let w = language::PageLanguage::resolve(&headers, None, None, &state.settings.language);
    Failure::NotFound.page(&w)
}

/// The routes, with their limits, over `settings`.
pub fn router(settings: Settings) -> Router {
    app(settings).0
}

/// The routes and the state they share.
fn app(settings: Settings) -> (Router, AppState) {
    let limiter = NonZeroU32::new(settings.requests_per_minute).map(|n| {
        let burst = NonZeroU32::new((n.get() / 4).max(5)).expect("nonzero");
        RateLimiter::keyed(Quota::per_minute(n).allow_burst(burst))
    });
    let state: AppState = Arc::new(Shared {
        pool: Pool {
            open: settings.open.clone(),
            idle: Mutex::new(Vec::new()),
        },
        pages: cache::PageCache::new(settings.page_cache_bytes),
        settings,
        limiter,
        requests: std::sync::atomic::AtomicU64::new(0),
        closing: tokio::sync::watch::Sender::new(false),
    });
    let router = Router::new()
        .route("/", get(pages::home))
        .route("/healthz", get(|| async { "ok" }))
        .route("/robots.txt", get(robots))
        .route("/.well-known/regulars/reach/{nonce}", get(reach))
        .route(crate::services::page_copy::COPY_PATH, get(copy::copy))
        .route("/r/{token}", get(pages::visit))
        .route("/R/{token}", get(pages::visit))
        .route("/c", get(pages::code_form))
        .route("/c/{code}", get(pages::by_code))
        .route("/C/{code}", get(pages::by_code))
        .route("/r/{token}/rating", post(forms::rate))
        .route("/r/{token}/help", post(forms::help))
        .route("/r/{token}/claim", post(forms::claim))
        .route(
            "/r/{token}/ticket/{id}/{action}",
            post(forms::ticket_answer),
        )
        .route("/r/{token}/language", post(forms::set_language))
        .route("/r/{token}/messages", post(forms::set_messages))
        .route("/join/{code}", get(join::join).post(join::join_post))
        .route("/JOIN/{code}", get(join::join))
        .route(
            "/u/{token}",
            get(unsubscribe::page).post(unsubscribe::unsubscribe),
        )
        .route("/U/{token}", get(unsubscribe::page))
        .route("/sms/inbound", post(unsubscribe::sms_inbound))
        .route(
            "/hooks/whatsapp",
            get(hooks::whatsapp_check).post(hooks::whatsapp),
        )
        .route(
            "/hooks/messenger",
            get(hooks::messenger_check).post(hooks::messenger),
        )
        .route("/hooks/viber", post(hooks::viber))
        .route("/display/{key}", get(display::screen))
        .route("/display/{key}/live.js", get(display::script))
        .route("/display/{key}/events", get(display::events))
        .route(
            "/hello/{nonce}",
            get(display::hello).post(display::hello_post),
        )
        .nest("/api/v1", api::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), guard::guard))
        // Pages compressed for phones on mobile data, when the phone asks (gzip).
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state.clone());
    (router, state)
}

/// Keeps every page out of search engines: a receipt's page is the customer's alone.
async fn robots() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "User-agent: *\nDisallow: /\n",
    )
        .into_response()
}

/// A reach check's one-time nonce, signed with the shop's secret (`pages check` proves with it
/// that the server at the printed address is this shop's).
async fn reach(State(state): State<AppState>, Path(nonce): Path<String>) -> Response {
    let fits = (16..=64).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_alphanumeric());
    if !fits {
        return StatusCode::NOT_FOUND.into_response();
    }
    // Signed with the shop's key, and with the chain's on a chain's till or page server (a
    // till of the chain checking the chain's page server knows the chain's).
    let mut lines = state.settings.secret.sign_reach(&nonce);
    let chain = state
        .with_store_quick(|store, _| store.read(|tx| tx.counter().chain_secret()))
        .await;
    if let Ok(Some(chain)) = chain {
        lines = format!("{lines}\n{}", chain.sign_reach(&nonce));
    }
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], lines).into_response()
}

/// A running portal; stops when dropped.
pub struct Portal {
    addr: SocketAddr,
    state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Portal {
    /// Binds `bind` (errors, e.g. the address in use, come back at once) and serves on a
    /// background thread.
    pub fn start(bind: &str, settings: Settings) -> std::io::Result<Portal> {
        let listener = std::net::TcpListener::bind(bind).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "cannot listen on {bind}: {e}; set [portal] bind in config.toml to a free address"
                ),
            )
        })?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (app, state) = app(settings);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(WORKERS)
            .max_blocking_threads(POOL_SIZE)
            .thread_name("portal")
            .enable_all()
            .build()?;
        let warm = state.clone();
        let thread = std::thread::Builder::new()
            .name("portal".into())
            .spawn(move || {
                // A connection for each thread that answers, so the first burst of phones
                // does not wait for connections to open (a failure shows on the first page).
                let opened: Vec<Store> =
                    (0..WORKERS).filter_map(|_| warm.pool.take().ok()).collect();
                let watched = (warm.settings.watch_commits)
                    .then(|| opened.first().map(|s| s.path().to_path_buf()))
                    .flatten();
                for store in opened {
                    warm.pool.give_back(store);
                }
                drop(warm);
                if let Some(path) = watched {
                    runtime.spawn(watch_commits(path));
                }
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => l,
                        Err(e) => {
                            eprintln!("portal: {e}");
                            return;
                        }
                    };
                    let serve = axum::serve(
                        listener,
                        app.into_make_service_with_connect_info::<SocketAddr>(),
                    )
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    });
                    if let Err(e) = serve.await {
                        eprintln!("portal: {e}");
                    }
                });
            })?;
        Ok(Portal {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many receipt pages were served from the page cache and how many were rendered.
    pub fn page_counts(&self) -> CacheCounts {
        self.state.pages.counts()
    }

    /// Blocks until the server ends (for `regulars serve`).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        self.state.closing.send_replace(true);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
