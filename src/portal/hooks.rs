//! The messaging apps' webhooks: `/hooks/whatsapp` and `/hooks/messenger` (Meta's GET check,
//! then POSTs signed with the app secret) and `/hooks/viber` (signed with the bot's token).
//! A POST's signature is checked on the raw body before anything in it is read; a wrong or
//! missing one is 401 and nothing is recorded. What it says is taken in one transaction
//! (each message once, by the app's id for it), and the app hears 200 only once it is kept,
//! so one it retries is never lost.

use super::{AppState, Failure};
use crate::domain::messages::{Channel, is_link_code};
use crate::messages::chat::signed;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Meta's webhook check: `hub.mode=subscribe`, the verify token set in both places, and a
/// challenge to echo.
#[derive(Deserialize)]
pub(crate) struct Check {
    #[serde(rename = "hub.mode")]
    mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    challenge: Option<String>,
}

/// Answers Meta's check when the token is the one set; 403 otherwise (404 with WhatsApp off).
pub(crate) async fn whatsapp_check(
    State(state): State<AppState>,
    Query(q): Query<Check>,
) -> Response {
    let Some(w) = state.settings.chats.whatsapp.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    check_answer(&q, &w.verify_token)
}

fn check_answer(q: &Check, expected: &str) -> Response {
    let same = q.verify_token.as_deref().is_some_and(|t| {
        use super::unsubscribe::subtle_eq::eq;
        eq(t.as_bytes(), expected.as_bytes())
    });
    match (q.mode.as_deref(), same, &q.challenge) {
        (Some("subscribe"), true, Some(c)) => c.clone().into_response(),
        _ => StatusCode::FORBIDDEN.into_response(),
    }
}

/// A WhatsApp Cloud API webhook: customers' messages, link codes and opt-outs.
pub(crate) async fn whatsapp(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(w) = state.settings.chats.whatsapp.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !signed(w.app_secret.as_bytes(), &body, signature, "sha256=") {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let news = crate::messages::whatsapp::read_webhook(&json, &|w| {
        w.len() == crate::domain::token::CHAT_LINK_CHARS
            && is_link_code(w)
            && w.bytes().all(|b| !b.is_ascii_lowercase())
    });
    take(&state, Channel::WhatsApp, news).await
}

pub(crate) async fn messenger_check(
    State(state): State<AppState>,
    Query(q): Query<Check>,
) -> Response {
    let Some(m) = state.settings.chats.messenger.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    check_answer(&q, &m.verify_token)
}

/// A Messenger webhook: customers' messages and the referrals that link their chats.
pub(crate) async fn messenger(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(m) = state.settings.chats.messenger.as_ref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !signed(m.app_secret.as_bytes(), &body, signature, "sha256=") {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let news = crate::messages::messenger::read_webhook(&json);
    take(&state, Channel::Messenger, news).await
}

/// A Viber callback: a member opening the chat (answered with a welcome that says whether the
/// card was linked), a message, leaving.
pub(crate) async fn viber(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(v) = state.settings.chats.viber.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let signature = headers
        .get("x-viber-content-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !signed(v.token.as_bytes(), &body, signature, "") {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let news: Vec<_> = crate::messages::viber::read_event(&json)
        .into_iter()
        .collect();
    let opening = matches!(news.first(), Some(crate::messages::Incoming::Link { .. }));
    let answer = take(&state, Channel::Viber, news).await;
    if !opening || answer.status() != StatusCode::OK {
        return answer;
    }
    let Ok(bytes) = axum::body::to_bytes(answer.into_body(), 1 << 16).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let intake: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let w = {
        let c = crate::i18n::catalog();
        c.get(&state.settings.language)
            .unwrap_or_else(|_| c.fallback())
    };
    let id = if intake["linked"] == 1 {
        "chat-welcome-linked"
    } else {
        "chat-welcome-refused"
    };
    let text = w.t_args(id, &[("shop", state.settings.shop_name.as_str().into())]);
    Json(v.welcome(&text)).into_response()
}

/// Takes what an app said and answers it: 200 with what was done once it is kept, 503 when
/// the store could not keep it (the app sends it again).
async fn take(
    state: &AppState,
    channel: Channel,
    news: Vec<crate::messages::Incoming>,
) -> Response {
    if news.is_empty() {
        return Json(serde_json::json!({})).into_response();
    }
    let secret = state.settings.secret.clone();
    let shop = crate::config::ShopConfig {
        name: state.settings.shop_name.clone(),
        currency: state.settings.currency,
        country_code: state.settings.country_code.clone(),
        language: state.settings.language.clone(),
    };
    let outcome = state
        .with_store(move |store, now| {
            crate::services::chats::take(store, &secret, &shop, channel, &news, None, now)
        })
        .await;
    match outcome {
        Ok(intake) => Json(intake).into_response(),
        Err(Failure::Store(e)) if e.is_input_error() => {
            (StatusCode::BAD_REQUEST, e.to_string()).into_response()
        }
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_echoes_only_for_the_token_set() {
        let q = |mode: &str, token: &str| Check {
            mode: Some(mode.into()),
            verify_token: Some(token.into()),
            challenge: Some("1158201444".into()),
        };
        assert_eq!(
            check_answer(&q("subscribe", "word"), "word").status(),
            StatusCode::OK
        );
        assert_eq!(
            check_answer(&q("subscribe", "other"), "word").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            check_answer(&q("unsubscribe", "word"), "word").status(),
            StatusCode::FORBIDDEN
        );
    }
}
