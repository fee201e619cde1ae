//! The customer display's tablet screen (`/display/{key}`): the same screen as the pole
//! display, in any script, updated live by server-sent events; and, while nobody is identified,
//! a "Join on your phone" QR whose page (`/hello/{code}`) enrols the customer and brings them
//! to the counter. The tablet page is for the shop's own network: any other key gets the same
//! 404 as an unknown address, and an address outside the network is refused unless
//! `[display] tablet_anywhere` allows it.

use super::html::{page, qr_svg};
use super::language::PageLanguage;
use super::{AppState, Failure};
use crate::services::display::{DisplayHub, TabletView};
use axum::{
    Form,
    extract::{ConnectInfo, Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;

/// What the portal needs for the tablet screen: its key, the counter's hub, and whether it is
/// served beyond the shop's network.
#[derive(Clone)]
pub struct TabletDisplay {
    pub key: String,
    pub hub: Arc<DisplayHub>,
    pub anywhere: bool,
}

/// The tablet page's own policy: its script and its event stream come from the portal itself.
const CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; \
    style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; \
    base-uri 'none'";

const STYLE: &str = "\
*{box-sizing:border-box}html,body{height:100%;margin:0}body{background:#3b2a1a;color:#fff;\
font:5vmin/1.3 system-ui,'Noto Sans','Noto Sans Telugu',sans-serif;display:flex}\
main{margin:auto;padding:4vmin;text-align:center;width:100%}\
.shop{color:#e8c9a0;font-weight:600;font-size:4vmin;margin:0 0 2vmin}\
h1{font-size:9vmin;margin:0 0 3vmin;line-height:1.15}.detail{font-size:6vmin;margin:0 0 2vmin}\
.join{background:#fff;color:#222;border-radius:3vmin;padding:3vmin;margin:4vmin auto 0;max-width:80vmin}\
.join h2{margin:0 0 1vmin;font-size:6vmin}.join p{font-size:3.4vmin;margin:1vmin 0 0}\
.qr{width:45vmin;height:45vmin;display:block;margin:0 auto}@media (min-aspect-ratio:5/4){main{display:grid;grid-template-columns:1fr auto;align-items:center;column-gap:4vmin}main>*{grid-column:1}main>.join{grid-column:2;grid-row:1/span 4;margin:0;max-width:60vmin}}";

const SCRIPT: &str = "\
(function(){var s=document.getElementById('screen');\
var e=new EventSource(location.pathname.replace(/\\/$/,'')+'/events');\
e.onmessage=function(m){s.innerHTML=m.data;document.body.dataset.version=m.lastEventId;};})();";

/// The tablet page's settings, or the answer instead: the 404 of an unknown address for a
/// wrong key (or no tablet page here), a refusal from outside the shop's network.
fn tablet<'a>(
    state: &'a AppState,
    key: &str,
    headers: &HeaderMap,
    peer: SocketAddr,
) -> Result<&'a TabletDisplay, Box<Response>> {
    let w = PageLanguage::resolve(headers, None, None, &state.settings.language);
    let Some(t) = state.settings.display.as_ref() else {
        return Err(Box::new(Failure::NotFound.page(&w)));
    };
    // Compared in constant time: the key is all that guards the page.
    let same = key.len() == t.key.len()
        && key
            .bytes()
            .zip(t.key.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !same {
        return Err(Box::new(Failure::NotFound.page(&w)));
    }
    let client = super::guard::client_address(state, headers, peer);
    let inside = !matches!(
        crate::domain::reach::scope_of_ip(client),
        crate::domain::reach::Scope::Internet
    );
    if !inside && !t.anywhere {
        let title = w.t("display-outside-title");
        let page = super::html::message_page(&w, &title, &w.t("display-outside"));
        return Err(Box::new((StatusCode::FORBIDDEN, page).into_response()));
    }
    Ok(t)
}

/// What the screen shows now, as the page's `<main>` holds it: the shop, the screen's words
/// (each part's first wording), and the join QR when the screen invites.
fn fragment(state: &AppState, view: &TabletView, origin: &str) -> String {
    let s = &state.settings;
    let w = crate::i18n::catalog()
        .get(&s.language)
        .unwrap_or_else(|_| crate::i18n::catalog().fallback());
    let first = |i: usize| view.parts.get(i).and_then(|p| p.first()).cloned();
    let details: Vec<String> = (1..view.parts.len()).filter_map(first).collect();
    let markup = html! {
        p.shop { (s.shop_name) }
        @if let Some(h) = first(0) { h1 { (h) } }
        @for d in &details { p.detail { (d) } }
        @if let Some(nonce) = &view.join {
            section.join {
                h2 { (w.t("display-join")) }
                (qr_svg(w, &format!("{origin}/hello/{nonce}")))
                p { (w.t("display-join-help")) }
            }
        }
    };
    markup.into_string().replace(['\n', '\r'], " ")
}

/// Where the tablet reached the portal (`http://192.168.1.20:8080`): the join QR points there,
/// on the same network. Behind the shop's proxy, its scheme as the proxy says.
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| h.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("localhost");
    let https = state.settings.behind_proxy
        && headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    let scheme = if https { "https" } else { "http" };
    format!("{scheme}://{host}")
}

fn with_policy(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    r
}

/// `GET /display/{key}`: the page, with what the screen shows now.
pub(crate) async fn screen(
    State(state): State<AppState>,
    Path(key): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let t = match tablet(&state, &key, &headers, peer) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let view = t.hub.watch().borrow().clone();
    let body = fragment(&state, &view, &origin(&state, &headers));
    let lang = state.settings.language.clone();
    let markup: Markup = html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                meta name="robots" content="noindex";
                title { (state.settings.shop_name) }
                style { (maud::PreEscaped(STYLE)) }
                script src={ "/display/" (key) "/live.js" } defer {}
            }
            body data-version=(view.version) {
                main #screen aria-live="polite" { (maud::PreEscaped(body)) }
            }
        }
    };
    with_policy(axum::response::Html(markup.into_string()).into_response())
}

/// `GET /display/{key}/live.js`: the few lines that follow the event stream.
pub(crate) async fn script(
    State(state): State<AppState>,
    Path(key): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = tablet(&state, &key, &headers, peer) {
        return *r;
    }
    let r = (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response();
    with_policy(r)
}

/// `GET /display/{key}/events`: the screen now, then each new one, as server-sent events;
/// the stream ends when the portal stops.
pub(crate) async fn events(
    State(state): State<AppState>,
    Path(key): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let t = match tablet(&state, &key, &headers, peer) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let origin = origin(&state, &headers);
    let rx = t.hub.watch();
    let closing = state.closing.subscribe();
    let st = state.clone();
    let stream =
        futures_util::stream::unfold((rx, closing, true), move |(mut rx, mut closing, first)| {
            let (st, origin) = (st.clone(), origin.clone());
            async move {
                if !first {
                    tokio::select! {
                        changed = rx.changed() => changed.ok()?,
                        _ = closing.changed() => return None,
                    }
                }
                if *closing.borrow() {
                    return None;
                }
                let view = rx.borrow_and_update().clone();
                let event = Event::default()
                    .id(view.version.to_string())
                    .data(fragment(&st, &view, &origin));
                Some((
                    Ok::<_, std::convert::Infallible>(event),
                    (rx, closing, false),
                ))
            }
        });
    with_policy(
        Sse::new(stream)
            .keep_alive(KeepAlive::default())
            .into_response(),
    )
}

#[derive(Deserialize, Default)]
pub(crate) struct Asked {
    lang: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct HelloForm {
    form: Option<String>,
    name: Option<String>,
    contact: Option<String>,
    language: Option<String>,
}

/// The hub, when `nonce` is a join code it still accepts.
fn accepting<'a>(state: &'a AppState, nonce: &str) -> Option<&'a DisplayHub> {
    let t = state.settings.display.as_ref()?;
    t.hub.accepts(nonce).then_some(&*t.hub)
}

fn closed(w: &crate::i18n::Language) -> Response {
    let page = super::html::message_page(w, &w.t("display-join"), &w.t("display-join-closed"));
    (StatusCode::GONE, page).into_response()
}

/// `GET /hello/{code}`: the join form the tablet's QR opens on the customer's phone.
pub(crate) async fn hello(
    State(state): State<AppState>,
    Path(nonce): Path<String>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    let s = &state.settings;
    let w = PageLanguage::resolve(&headers, q.lang.as_deref(), None, &s.language);
    if accepting(&state, &nonce).is_none() {
        return closed(&w);
    }
    let form = s.secret.form_token(&nonce, state.now());
    w.respond(Ok(page(
        &w,
        &w.t_args(
            "display-join-title",
            &[("shop", s.shop_name.as_str().into())],
        ),
        html! {
            section {
                p.shop { (s.shop_name) }
                h1 { (w.t("display-join")) }
                (super::join::join_form(&w, &format!("/hello/{nonce}"), &form))
            }
        },
    )))
}

/// `POST /hello/{code}`: enrols the customer, and the counter opens them at once.
pub(crate) async fn hello_post(
    State(state): State<AppState>,
    Path(nonce): Path<String>,
    headers: HeaderMap,
    Form(f): Form<HelloForm>,
) -> Response {
    let s = &state.settings;
    let asked = crate::i18n::catalog().shipped(f.language.as_deref());
    let w = PageLanguage::resolve(&headers, asked, None, &s.language);
    if accepting(&state, &nonce).is_none() {
        return closed(&w);
    }
    let joined = async {
        super::pages::check_form(&state, &headers, &nonce, f.form.as_deref())?;
        let enrolled = super::join::enrol(&state, f.name, f.contact, None, asked).await?;
        if let Some(hub) = accepting(&state, &nonce) {
            hub.joined(enrolled.code.clone());
        }
        let title = w.t_args(
            "display-join-title",
            &[("shop", s.shop_name.as_str().into())],
        );
        Ok::<_, Failure>(super::join::welcome(
            &w,
            &title,
            &enrolled,
            "display-joined",
        ))
    };
    w.respond(joined.await)
}
