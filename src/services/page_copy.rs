//! A new page server starts from another page server's copy of the chain: the whole database
//! as it was a moment ago, checked to have arrived whole and to be this chain's, made this
//! server's own, then kept current from the central store like any other. Minutes instead of
//! reading the chain's whole history event by event (ten million visits: about twenty
//! minutes). The chain's first page server, with no other to copy, starts from a backup of
//! one of the chain's tills carried to it ([`start_from_backup`]); without either, it reads
//! the history.

use crate::central::{Central, CentralError};
use crate::config::CentralConfig;
use crate::domain::token::ShopSecret;
use crate::store::{Adopted, adopt_copy, copy_origin};
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
        let fetched = fetch(url, &secret, now, &part, news).and_then(|bytes| {
            adopt(&part, &secret_hex, central)
                .map(|adopted| (bytes, adopted))
                .map_err(|e| e.to_string())
        });
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

/// Why a page server could not start from a copy of the chain.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Central(#[from] CentralError),
    #[error(transparent)]
    Backup(#[from] crate::backups::BackupsError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The copy at `part` made this server's: its till id claimed in the central store by a new
/// instance, which the central store gives its till number (as at a first sync); what the
/// copied till sent is not read again.
fn adopt(part: &Path, secret_hex: &str, central: &CentralConfig) -> Result<Adopted, StartError> {
    let origin = copy_origin(part, secret_hex)?;
    let instance = format!("{:032x}", rand::random::<u128>());
    let mut c = Central::open(&central.url)?;
    let through = c.newest_of(&origin.till_id, &origin.sent)?;
    let number = c.claim_till(&central.till_id, &instance)?;
    Ok(adopt_copy(
        part,
        (&central.till_id, &central.shop_id),
        (&instance, number),
        through,
    )?)
}

/// A page server whose data folder has no database yet (`db`) starts from `file`, a backup of
/// one of the chain's tills or page servers carried to it (an encrypted one opened with
/// `passphrase`): copied beside `db`, checked, made this server's and put in place. The
/// chain's first page server starts this way instead of reading the whole history. On any
/// fault nothing is left behind and the backup is as it was.
pub fn start_from_backup(
    db: &Path,
    file: &Path,
    passphrase: Option<&str>,
    central: &CentralConfig,
    news: &mut dyn FnMut(CopyNews),
) -> Result<Copied, StartError> {
    let part = db.with_extension("db.part");
    let done = (|| {
        let secret_hex = Central::open(&central.url)?.chain_secret()?;
        let bytes = crate::backups::copy_out(file, passphrase, &part, |done, total| {
            news(CopyNews::Arrived(done, total))
        })?;
        let adopted = adopt(&part, &secret_hex, central)?;
        std::fs::rename(&part, db)?;
        Ok(Copied {
            from: file.display().to_string(),
            bytes,
            adopted,
        })
    })();
    if done.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    done
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
    let body = answer.body_mut().with_config().limit(u64::MAX).reader();
    let (got, bytes) = crate::digest::copy_hashed(body, &mut file, length, &mut |done| {
        news(CopyNews::Arrived(done, length))
    })
    .map_err(|e| e.to_string())?;
    if bytes != length || got != sha {
        return Err(format!(
            "the copy arrived incomplete ({bytes} of {length} bytes)"
        ));
    }
    file.sync_all().map_err(|e| e.to_string())?;
    Ok(bytes)
}
