//! The local API for tills that can call out: record a sale, look up a customer.
//!
//! Every call needs `Authorization: Bearer KEY` with `[portal] api_key` from config.toml; with
//! no key configured the API answers 404 as if it did not exist. Answers are JSON with the same
//! fields as the CLI's `--json` (`visit_id`, `points_earned`, `balance`, `receipt_url`,
//! `duplicate`); errors are `{"error": "..."}` with 400 (input), 401 (key) or 503 (busy).

use super::{AppState, Failure};
use crate::domain::token::receipt_url;
use crate::store::NewSale;
use axum::{
    Json, Router,
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde::Deserialize;
use serde_json::{Value, json};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/sales", post(record_sale))
        .route("/customers/{code}", get(customer))
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

fn to_response(f: Failure) -> Response {
    match f {
        Failure::Store(e) if e.is_input_error() => error(StatusCode::BAD_REQUEST, e.to_string()),
        Failure::Input(id) => error(
            StatusCode::BAD_REQUEST,
            crate::i18n::catalog().fallback().t(id),
        ),
        Failure::NotFound => error(StatusCode::NOT_FOUND, "not found"),
        _ => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the database is busy; try again shortly",
        ),
    }
}

/// Checks the API key in constant time; the answer to send when it does not check out.
fn refused(state: &AppState, headers: &HeaderMap) -> Option<Response> {
    let Some(key) = &state.settings.api_key else {
        return Some(error(
            StatusCode::NOT_FOUND,
            "the local API is off: set [portal] api_key in config.toml",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let same = given.len() == key.len()
        && given
            .bytes()
            .zip(key.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        None
    } else {
        Some(error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong API key: send Authorization: Bearer <[portal] api_key>",
        ))
    }
}

#[derive(Deserialize)]
pub(crate) struct SaleBody {
    /// "12.50" or 12.5
    amount: Value,
    customer: Option<String>,
    receipt: Option<String>,
}

async fn record_sale(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Json<SaleBody>, axum::extract::rejection::JsonRejection>,
) -> Response {
    if let Some(r) = refused(&state, &headers) {
        return r;
    }
    let Json(body) = match body {
        Ok(b) => b,
        Err(e) => {
            return error(
                e.status(),
                format!("the body is not a sale: {}", e.body_text()),
            );
        }
    };
    let amount_text = match &body.amount {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return error(StatusCode::BAD_REQUEST, "amount must be like \"12.50\""),
    };
    let amount = match state.settings.currency.parse_amount(&amount_text) {
        Ok(a) => a,
        Err(e) => return error(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let sale = NewSale {
        amount,
        at: state.now(),
        customer: body.customer,
        receipt: body.receipt,
    };
    let secret = state.settings.secret.clone();
    match state
        .with_store(move |store, _| {
            store.write(|tx| {
                let out = tx.counter().record_sale(&sale)?;
                let token = tx.counter().receipt_token(out.visit_id, &secret)?;
                Ok((out, token))
            })
        })
        .await
    {
        Ok((out, token)) => {
            if let Some(sold) = &state.settings.on_sale {
                sold();
            }
            let mut v = serde_json::to_value(&out).expect("outcomes serialise");
            v["receipt_url"] = Value::String(receipt_url(&state.settings.public_url, &token));
            Json(v).into_response()
        }
        Err(f) => to_response(f),
    }
}

async fn customer(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    if let Some(r) = refused(&state, &headers) {
        return r;
    }
    match state
        .with_store(move |store, now| store.customer_view(&code, now))
        .await
    {
        Ok(view) => Json(serde_json::to_value(&view).expect("views serialise")).into_response(),
        Err(f) => to_response(f),
    }
}
