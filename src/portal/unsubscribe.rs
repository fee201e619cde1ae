//! The one-click unsubscribe page of marketing messages (`GET /u/{token}` shows a button,
//! `POST` records the withdrawal; a mail program's RFC 8058 one-click POST works too), and
//! the webhook an SMS gateway calls with incoming texts, so STOP withdraws SMS consent.
//! The token is signed: a forged or altered one gets the same 404 as any unknown address.

use super::html::message_page;
use super::language::PageLanguage;
use super::{AppState, Failure};
use crate::domain::messages::{Channel, is_stop};
use crate::store::{ConsentSource, NewConsent};
use axum::{
    Json,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use maud::html;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub(crate) struct Asked {
    lang: Option<String>,
}

fn who(state: &AppState, token: &str) -> Result<(i64, Channel), Failure> {
    state
        .settings
        .secret
        .verify_unsubscribe(token.trim())
        .ok_or(Failure::NotFound)
}

pub(crate) async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    let found = async {
        let (id, channel) = who(&state, &token)?;
        let view = state
            .with_store(move |store, _| store.read(|t| t.messages().unsubscribe_view(id, channel)))
            .await?
            .ok_or(Failure::NotFound)?;
        Ok::<_, Failure>((channel, view))
    }
    .await;
    let member = found.as_ref().ok().and_then(|(_, v)| v.2.clone());
    let w = PageLanguage::resolve(
        &headers,
        q.lang.as_deref(),
        member.as_deref(),
        &state.settings.language,
    );
    let shop = state.settings.shop_name.as_str();
    let title = w.t_args("unsub-title", &[("shop", shop.into())]);
    let response = match found {
        Ok((_, (_, false, _))) => message_page(&w, &title, &w.t("unsub-already")).into_response(),
        Ok((channel, (address, true, _))) => {
            let question = w.t_args(
                &format!("unsub-question-{}", channel.as_str()),
                &[("address", address.as_str().into())],
            );
            let lang = w.tag();
            super::html::page(
                &w,
                &title,
                html! {
                    section {
                        h1 { (title) }
                        p { (question) }
                        form method="post" action={ "/u/" (token) "?lang=" (lang) } {
                            button type="submit" { (w.t("unsub-button")) }
                        }
                    }
                },
            )
            .into_response()
        }
        Err(f) => f.page(&w),
    };
    w.finish(response)
}

pub(crate) async fn unsubscribe(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    let done = async {
        let (id, channel) = who(&state, &token)?;
        let shop = state.settings.shop_name.clone();
        let shop_language = state.settings.language.clone();
        let asked = q.lang.clone();
        state
            .with_store(move |store, now| {
                store.write(|t| {
                    let Some((_, on, member)) = t.messages().unsubscribe_view(id, channel)? else {
                        return Ok(None);
                    };
                    let tag = asked.or(member).unwrap_or(shop_language);
                    let c = crate::i18n::catalog();
                    let words = c.get(&tag).unwrap_or_else(|_| c.fallback());
                    if on {
                        let wording =
                            words.t_args("unsub-wording", &[("shop", shop.as_str().into())]);
                        t.messages().record_consent(
                            id,
                            &NewConsent {
                                channel,
                                given: false,
                                source: ConsentSource::Unsubscribe,
                                wording: &wording,
                                language: Some(words.tag()),
                                actor: None,
                                at: now,
                            },
                        )?;
                    }
                    Ok(Some(words.tag().to_string()))
                })
            })
            .await?
            .ok_or(Failure::NotFound)
            .map(|tag| (channel, tag))
    }
    .await;
    let asked = done.as_ref().ok().map(|(_, tag)| tag.clone());
    let w = PageLanguage::resolve(&headers, asked.as_deref(), None, &state.settings.language);
    let title = w.t_args(
        "unsub-title",
        &[("shop", state.settings.shop_name.as_str().into())],
    );
    let response = match done {
        Ok((channel, _)) => message_page(
            &w,
            &title,
            &w.t(&format!("unsub-done-{}", channel.as_str())),
        )
        .into_response(),
        Err(f) => f.page(&w),
    };
    w.finish(response)
}

#[derive(Deserialize, Default)]
pub(crate) struct KeyQuery {
    key: Option<String>,
}

/// `POST /sms/inbound?key=…`: a text that reached the gateway. JSON or a form, with the
/// sender in `from`, `phoneNumber`, `sender` or `msisdn` and the text in `text`, `message`
/// or `body` (also inside `payload`, as SMS Gateway for Android sends its webhooks).
pub(crate) async fn sms_inbound(
    State(state): State<AppState>,
    Query(q): Query<KeyQuery>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(expected) = state.settings.sms_inbound_key.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = q.key.or_else(|| {
        headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string)
    });
    let same = given.is_some_and(|g| {
        use subtle_eq::eq;
        eq(g.as_bytes(), expected.as_bytes())
    });
    if !same {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Some((from, text)) = read_inbound(&body) else {
        return (
            StatusCode::BAD_REQUEST,
            "expected the sender (from or phoneNumber) and the text (text or message)",
        )
            .into_response();
    };
    let stop_word = {
        let c = crate::i18n::catalog();
        c.get(&state.settings.language)
            .unwrap_or_else(|_| c.fallback())
            .t("msg-stop-word")
    };
    if !is_stop(&text, &[stop_word.as_str()]) {
        return Json(serde_json::json!({ "stop": false })).into_response();
    }
    let shop = state.settings.shop_name.clone();
    let outcome = state
        .with_store(move |store, now| {
            let wording = crate::services::messages::stop_wording(&text, &shop);
            store.write(|t| t.messages().withdraw_sms_by_phone(&from, &wording, now))
        })
        .await;
    match outcome {
        Ok(n) => Json(serde_json::json!({ "stop": true, "customers": n })).into_response(),
        Err(Failure::Store(e)) if e.is_input_error() => {
            (StatusCode::BAD_REQUEST, e.to_string()).into_response()
        }
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// The sender and the text of an incoming SMS, from JSON or a form.
fn read_inbound(body: &[u8]) -> Option<(String, String)> {
    let value: serde_json::Value = serde_json::from_slice(body).ok().or_else(|| {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
        Some(serde_json::Value::Object(
            pairs
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect(),
        ))
    })?;
    let pick = |v: &serde_json::Value, keys: &[&str]| {
        keys.iter()
            .find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_string))
    };
    let places = [Some(&value), value.get("payload")];
    let from = places
        .iter()
        .flatten()
        .find_map(|v| pick(v, &["from", "phoneNumber", "sender", "msisdn", "phone"]))?;
    let text = places
        .iter()
        .flatten()
        .find_map(|v| pick(v, &["text", "message", "body", "content"]))?;
    Some((from, text))
}

pub(super) mod subtle_eq {
    /// Compares without stopping at the first difference.
    pub fn eq(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incoming_texts_in_the_usual_shapes() {
        let android = br#"{"event":"sms:received","payload":{"message":"STOP","phoneNumber":"+37120001234"}}"#;
        assert_eq!(
            read_inbound(android),
            Some(("+37120001234".into(), "STOP".into()))
        );
        assert_eq!(
            read_inbound(b"from=%2B381601234567&text=Stop+please"),
            Some(("+381601234567".into(), "Stop please".into()))
        );
        assert_eq!(read_inbound(b"{}"), None);
        assert_eq!(read_inbound(b"from=1"), None);
    }
}
