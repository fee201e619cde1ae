//! A new page server starts from another page server's copy of the chain: the whole database
//! as it was a moment ago, checked to have arrived whole and to be this chain's, made this
//! server's own, then kept current from the central store like any other. Minutes instead of
//! reading the chain's whole history event by event (ten million visits: about twenty
//! minutes). Without another page server to copy, or when none answers, it reads the history.

use crate::central::{Central, CentralError};
use crate::config::CentralConfig;
use crate::domain::token::ShopSecret;
use crate::store::{Adopted, adopt_copy};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

/// The request header carrying its signature ([`ShopSecret::sign_copy`]).
pub const SIGNATURE_HEADER: &str = "x-regulars-copy";
/// The answer's header carrying the copy's SHA-256 (hex).
pub const SHA256_HEADER: &str = "x-regulars-sha256";
/// The path under a page server's address where it answers with its copy.
pub const COPY_PATH: &str = "/chain/copy";
/// How long a page server may take to start answering (it makes the copy first: about a
/// minute a few gigabytes).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// A copy taken from another page server.
#[derive(Debug)]
pub struct Copied {
    /// The address it came from.
    pub from: String,
    pub bytes: u64,
    pub adopted: Adopted,
}

/// What the new server tells as it goes.
pub enum CopyNews<'a> {
    /// Asking the page server at this address.
    Asking(&'a str),
    /// So many bytes of the copy arrived, of the whole.
    Arrived(u64, u64),
    /// The page server at this address gave no usable copy, and why.
    Failed(&'a str, String),
}

/// For a page server whose data folder has no database yet (`db` does not exist): the copy of
/// the first of the chain's page servers that gives one, put in place at `db` and made this
/// server's; `None` when there is a database already, no other page server, or none gave one
/// (each is told to `news`, with why). A copy that fails half-way leaves nothing behind.
pub fn copy_from_another(
    db: &Path,
    central: &CentralConfig,
    now: i64,
    news: &mut dyn FnMut(CopyNews),
) -> Result<Option<Copied>, CentralError> {
    if db.exists() {
        return Ok(None);
    }
    let mut c = Central::open(&central.url)?;
    let secret_hex = c.chain_secret()?;
    let mut servers = c.directory()?.page_servers;
    drop(c);
    servers.dedup();
    let Some(secret) = ShopSecret::from_hex(&secret_hex) else {
        return Ok(None);
    };
    let part = db.with_extension("db.part");
    for url in &servers {
        news(CopyNews::Asking(url));
        let fetched = fetch(url, &secret, now, &part, news)
            .and_then(|bytes| adopt(&part, &secret_hex, central).map(|adopted| (bytes, adopted)));
        match fetched.and_then(|got| {
            std::fs::rename(&part, db).map_err(|e| e.to_string())?;
            Ok(got)
        }) {
            Ok((bytes, adopted)) => {
                return Ok(Some(Copied {
                    from: url.clone(),
                    bytes,
                    adopted,
                }));
            }
            Err(why) => {
                let _ = std::fs::remove_file(&part);
                news(CopyNews::Failed(url, why));
            }
        }
    }
    Ok(None)
}

/// The copy at `part` made this server's: its till id claimed in the central store by a new
/// instance, which the central store gives its till number (as at a first sync).
fn adopt(part: &Path, secret_hex: &str, central: &CentralConfig) -> Result<Adopted, String> {
    let instance = format!("{:032x}", rand::random::<u128>());
    let number = Central::open(&central.url)
        .and_then(|mut c| c.claim_till(&central.till_id, &instance))
        .map_err(|e| e.to_string())?;
    adopt_copy(
        part,
        secret_hex,
        (&central.till_id, &central.shop_id),
        (&instance, number),
    )
    .map_err(|e| e.to_string())
}

/// The copy of the page server at `url`, written to `part` and checked against its length
/// and SHA-256: the number of bytes, or why not.
fn fetch(
    url: &str,
    secret: &ShopSecret,
    now: i64,
    part: &Path,
    news: &mut dyn FnMut(CopyNews),
) -> Result<u64, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_recv_response(Some(ANSWER_TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let target = format!("{}{COPY_PATH}", url.trim_end_matches('/'));
    let mut answer = agent
        .get(&target)
        .header(SIGNATURE_HEADER, secret.sign_copy(now))
        .call()
        .map_err(|e| e.to_string())?;
    let status = answer.status().as_u16();
    if status != 200 {
        return Err(format!("HTTP {status}"));
    }
    let header = |name: &str| {
        answer
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (Some(length), Some(sha)) = (header("content-length"), header(SHA256_HEADER)) else {
        return Err("an answer that is not a copy of the chain".to_string());
    };
    let length: u64 = length.parse().map_err(|_| "a bad length".to_string())?;
    let mut file = std::fs::File::create(part).map_err(|e| e.to_string())?;
    let mut body = answer.body_mut().with_config().limit(u64::MAX).reader();
    let mut hasher = crate::digest::Sha256Hex::default();
    let mut buf = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    let mut told = 0u64;
    loop {
        let n = body.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        file.write_all(&buf[..n]).map_err(|e| e.to_string())?;
        hasher.update(&buf[..n]);
        bytes += n as u64;
        if bytes - told >= length / 20 {
            told = bytes;
            news(CopyNews::Arrived(bytes, length));
        }
    }
    let got = hasher.finish();
    if bytes != length || got != sha {
        return Err(format!(
            "the copy arrived incomplete ({bytes} of {length} bytes)"
        ));
    }
    file.sync_all().map_err(|e| e.to_string())?;
    Ok(bytes)
}
