//! What every request passes through: the rate limit per client address (the proxy's word
//! for it when the shop has one) and the headers every answer carries (a strict
//! Content-Security-Policy unless the page has its own, no sniffing, no referrer, no caching).

use super::{AppState, html, language};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::net::{IpAddr, SocketAddr};

/// Rate limit per client address, and the headers every answer carries.
pub(crate) async fn guard(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let client = client_address(&state, request.headers(), peer);
    if let Some(limiter) = &state.limiter {
        // Forget addresses whose quota has refilled, so memory stays small.
        let n = state
            .requests
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if n % 4096 == 4095 {
            limiter.retain_recent();
        }
    }
    if let Some(limiter) = &state.limiter
        && limiter.check_key(&client).is_err()
    {
        let w = language::PageLanguage::resolve(
            request.headers(),
            None,
            None,
            &state.settings.language,
        );
        let mut r = (
            StatusCode::TOO_MANY_REQUESTS,
            html::message_page(&w, &w.t("error-try-again"), &w.t("error-too-many")),
        )
            .into_response();
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return secure(r);
    }
    secure(next.run(request).await)
}

/// The client's address: the peer's, or behind the shop's proxy the one the proxy saw.
pub(crate) fn client_address(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    peer: SocketAddr,
) -> IpAddr {
    if state.settings.behind_proxy {
        forwarded_for(headers).unwrap_or(peer.ip())
    } else {
        peer.ip()
    }
}

/// The address the shop's proxy saw: the last entry of `X-Forwarded-For` (earlier entries
/// come from the client and can be made up).
fn forwarded_for(headers: &axum::http::HeaderMap) -> Option<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|a| a.trim().parse().ok())
}

fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    // A page with a policy of its own (the tablet screen's script) keeps it.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; \
                 frame-ancestors 'none'; base-uri 'none'",
            ),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
