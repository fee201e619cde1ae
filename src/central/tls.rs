//! TLS to the central store, with rustls. The certificate is always checked: against the
//! file named by `sslrootcert=` in the URL (as libpq reads it: a managed PostgreSQL's CA, or
//! one's own), else against the public certificate authorities (webpki-roots). `sslmode` is
//! libpq's: `disable`, `prefer` (the default: TLS when the server offers it), `require`; and
//! `verify-ca` / `verify-full`, which are `require` here since the certificate and the host
//! name are checked in every mode that uses TLS.

use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The URL without the options rustls, not the client, takes care of; and the CA file named.
pub(super) fn split_url(url: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut root = None;
    let kept: Vec<String> = query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslrootcert" => {
                    root = Some(percent_decoded(v));
                    None
                }
                "sslmode" if v == "verify-ca" || v == "verify-full" => {
                    Some("sslmode=require".to_string())
                }
                _ => Some(pair.to_string()),
            }
        })
        .collect();
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, root)
}

fn percent_decoded(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = v
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The TLS connector: certificates from `root_file`, else the public authorities.
pub(super) fn connector(root_file: Option<&str>) -> Result<MakeRustlsConnect, String> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let mut roots = rustls::RootCertStore::empty();
    match root_file {
        Some(path) => {
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect())
                .map_err(|e| format!("cannot read the certificates in {path}: {e}"))?;
            if certs.is_empty() {
                return Err(format!("{path} holds no certificate"));
            }
            for cert in certs {
                roots
                    .add(cert)
                    .map_err(|e| format!("a certificate in {path} is not usable: {e}"))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ca_file_and_libpq_modes_are_read_from_the_url() {
        assert_eq!(
            split_url("postgresql://u@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"),
            (
                "postgresql://u@h/db?sslmode=require".into(),
                Some("/etc/ca.pem".into())
            )
        );
        assert_eq!(
            split_url("postgresql://u@h/db?sslrootcert=/ca.pem"),
            ("postgresql://u@h/db".into(), Some("/ca.pem".into()))
        );
        assert_eq!(
            split_url("postgresql://u@h/db"),
            ("postgresql://u@h/db".into(), None)
        );
    }
}
