//! A page server's copy of the chain for a new page server (`GET /chain/copy`): the database
//! as it is at one moment, so the new server starts from it and takes only the events since
//! from the central store, instead of the chain's whole history. Only for a request signed
//! with the chain's secret (anything else gets the 404 of an unknown address, before any
//! copy is made), one copy made at a time.

use super::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::io::Seek;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::services::page_copy::{SHA256_HEADER, SIGNATURE_HEADER};
/// The copy, in the page server's data folder while it is made (then unlinked, still open).
const COPY_FILE: &str = "copy-for-a-new-page-server.db";

/// Whether a copy is being made (one at a time: each is as large as the database).
static COPYING: AtomicBool = AtomicBool::new(false);

pub(crate) async fn copy(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let not_found = |state: AppState, headers: HeaderMap| super::not_found(State(state), headers);
    let Some(folder) = state.settings.copies.clone() else {
        return not_found(state, headers).await;
    };
    let signed = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if signed.is_empty() {
        return not_found(state, headers).await;
    }
    let chain = state
        .with_store_quick(|store, _| store.read(|tx| tx.counter().chain_secret()))
        .await;
    let Ok(Some(chain)) = chain else {
        return not_found(state, headers).await;
    };
    if !chain.check_copy(&signed, state.now()) {
        return not_found(state, headers).await;
    }
    if COPYING.swap(true, Ordering::SeqCst) {
        let mut r = (
            StatusCode::SERVICE_UNAVAILABLE,
            "another copy is being made",
        )
            .into_response();
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return r;
    }
    let open = state.settings.open.clone();
    let made = tokio::task::spawn_blocking(move || {
        let made = make_copy(&folder, || open().map_err(|e| e.to_string()));
        COPYING.store(false, Ordering::SeqCst);
        made
    })
    .await;
    let (file, bytes, sha) = match made {
        Ok(Ok(made)) => made,
        Ok(Err(e)) => {
            eprintln!("portal: a copy for a new page server failed: {e}");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::with_capacity(
        tokio::fs::File::from_std(file),
        1 << 20,
    ));
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/vnd.sqlite3"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes));
    if let Ok(v) = HeaderValue::from_str(&sha) {
        h.insert(SHA256_HEADER, v);
    }
    r
}

/// The database copied at one moment into the data folder, opened, then unlinked (it is gone
/// once sent, or if this server stops), with its length and SHA-256.
fn make_copy(
    folder: &std::path::Path,
    open: impl FnOnce() -> Result<crate::store::Store, String>,
) -> Result<(std::fs::File, u64, String), String> {
    let path = folder.join(COPY_FILE);
    let _ = std::fs::remove_file(&path);
    let store = open()?;
    let copied = store.copy_to(&path, |_, _| {});
    drop(store);
    let opened = copied
        .map_err(|e| e.to_string())
        .and_then(|()| std::fs::File::open(&path).map_err(|e| e.to_string()));
    let _ = std::fs::remove_file(&path);
    let mut file = opened?;
    let (sha, bytes) = crate::digest::sha256_of_reader(&mut file).map_err(|e| e.to_string())?;
    file.rewind().map_err(|e| e.to_string())?;
    Ok((file, bytes, sha))
}
