//! Email through the shop's own SMTP server (lettre), with STARTTLS, TLS from the first byte,
//! or (for a relay on the shop's own machine) none. One connection is kept open between
//! messages while it works.
//!
//! The conversation is driven step by step (MAIL, RCPT, DATA, then the message) so that the
//! outbox can note the moment the server is handed the message itself: a stop before that
//! leaves nothing delivered (a server drops a transaction whose message never ended), a stop
//! after it may have delivered it.

use super::{Letter, Problem, SendError, Transport};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Quit, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
use std::path::PathBuf;
use std::time::Duration;

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain at first, then STARTTLS (required: a server that does not offer it is refused).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the shop's own machine or network.
    None,
}

impl TlsMode {
    pub fn parse(s: &str) -> Option<TlsMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "starttls" => Some(TlsMode::StartTls),
            "tls" | "ssl" | "smtps" => Some(TlsMode::Tls),
            "none" | "off" | "plain" => Some(TlsMode::None),
            _ => None,
        }
    }
}

/// `[email]`, validated.
#[derive(Clone)]
pub struct EmailSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub username: Option<String>,
    pub password: Option<String>,
    /// `Shop name <loyalty@shop.example>`.
    pub from: Mailbox,
    /// A certificate authority to trust besides the usual ones (a server with its own).
    pub ca: Option<PathBuf>,
    pub timeout: Duration,
}

impl std::fmt::Debug for EmailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("from", &self.from.to_string())
            .finish()
    }
}

/// `smtp://host:port` or `smtps://host:port` into host, port and the TLS the scheme implies
/// (smtp: STARTTLS on 587, smtps: TLS on 465).
pub fn parse_smtp_url(url: &str) -> Result<(String, u16, TlsMode), String> {
    let url = url.trim();
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| format!("'{url}' is not an SMTP address: use smtp://host:587"))?;
    let (tls, default_port) = match scheme.to_ascii_lowercase().as_str() {
        "smtp" => (TlsMode::StartTls, 587),
        "smtps" => (TlsMode::Tls, 465),
        _ => return Err(format!("'{url}': the address starts smtp:// or smtps://")),
    };
    let rest = rest.trim_end_matches('/');
    if rest.contains('@') || rest.contains('/') {
        return Err(format!(
            "'{url}': give only host and port here; the user name and password have keys of \
             their own (username, password)"
        ));
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (
            h.trim_matches(|c| c == '[' || c == ']').to_string(),
            p.parse::<u16>()
                .map_err(|_| format!("'{url}': '{p}' is not a port"))?,
        ),
        _ => (rest.to_string(), default_port),
    };
    if host.is_empty() {
        return Err(format!("'{url}' names no host"));
    }
    Ok((host, port, tls))
}

/// Sends email over one kept-open SMTP connection.
pub struct EmailTransport {
    settings: EmailSettings,
    hello: ClientId,
    /// The open connection and when it was last used.
    conn: Option<(SmtpConnection, std::time::Instant)>,
}

impl EmailTransport {
    pub fn new(settings: EmailSettings) -> EmailTransport {
        EmailTransport {
            settings,
            hello: ClientId::default(),
            conn: None,
        }
    }

    fn tls_parameters(&self) -> Result<TlsParameters, SendError> {
        let mut builder = TlsParameters::builder(self.settings.host.clone());
        if let Some(ca) = &self.settings.ca {
            let pem = std::fs::read(ca).map_err(|e| {
                SendError::ForGood(Problem::new(
                    "settings",
                    format!("[email] ca {}", ca.display()),
                    e,
                ))
            })?;
            let cert = Certificate::from_pem(&pem).map_err(|e| {
                SendError::ForGood(Problem::new(
                    "settings",
                    format!("[email] ca {}", ca.display()),
                    format!("not a certificate: {e}"),
                ))
            })?;
            builder = builder.add_root_certificate(cert);
        }
        builder
            .build_rustls()
            .map_err(|e| SendError::ForGood(Problem::new("tls", self.settings.host.clone(), e)))
    }

    fn connect(&mut self) -> Result<SmtpConnection, SendError> {
        let s = &self.settings;
        let implicit = match s.tls {
            TlsMode::Tls => Some(self.tls_parameters()?),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (s.host.as_str(), s.port),
            Some(s.timeout),
            &self.hello,
            implicit.as_ref(),
            None,
        )
        .map_err(|e| classify(&e, "unreachable", format!("{}:{}", s.host, s.port)))?;
        if s.tls == TlsMode::StartTls {
            if !conn.can_starttls() {
                conn.abort();
                return Err(SendError::ForGood(Problem::new(
                    "no_starttls",
                    format!("{}:{}", s.host, s.port),
                    format!(
                        "{}:{} does not offer STARTTLS; set [email] tls = \"tls\" for port 465, \
                         or \"none\" only for a relay on this machine",
                        s.host, s.port
                    ),
                )));
            }
            let params = self.tls_parameters()?;
            conn.starttls(&params, &self.hello)
                .map_err(|e| classify(&e, "tls", format!("{}:{}", s.host, s.port)))?;
        }
        if let (Some(user), Some(password)) = (&s.username, &s.password) {
            conn.auth(
                &[Mechanism::Plain, Mechanism::Login],
                &Credentials::new(user.clone(), password.clone()),
            )
            .map_err(|e| {
                match classify(&e, "login", format!("{}:{}", s.host, s.port)) {
                    SendError::Passing(m) if e.is_client() => SendError::ForGood(m),
                    other => other,
                }
            })?;
        }
        Ok(conn)
    }

    fn build(&self, letter: &Letter) -> Result<Message, SendError> {
        let to: Mailbox =
            letter.to.trim().parse().map_err(|e| {
                SendError::ForGood(Problem::new("bad_address", letter.to.clone(), e))
            })?;
        let host = self.settings.from.email.domain().to_string();
        let mut builder = Message::builder()
            .from(self.settings.from.clone())
            .to(to)
            .subject(letter.subject.clone())
            .message_id(Some(format!(
                "<{}@{host}>",
                letter.key.replace([':', ' '], ".")
            )))
            .header(ContentType::TEXT_PLAIN)
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                letter.language.clone(),
            ));
        if let Some(url) = &letter.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        builder
            .body(letter.text.clone())
            .map_err(|e| SendError::ForGood(Problem::new("refused_message", "", e)))
    }

    fn conversation(
        &self,
        conn: &mut SmtpConnection,
        message: &Message,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let envelope = message.envelope();
        let bytes = message.formatted();
        let mut options = vec![];
        if !bytes.is_ascii() && conn.server_info().supports_feature(Extension::EightBitMime) {
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        conn.command(Mail::new(envelope.from().cloned(), options))
            .map_err(|e| classify(&e, "refused_sender", self.settings.from.email.to_string()))?;
        for to in envelope.to() {
            conn.command(Rcpt::new(to.clone(), vec![]))
                .map_err(|e| classify(&e, "refused_recipient", to.to_string()))?;
        }
        conn.command(Data)
            .map_err(|e| classify(&e, "refused_message", ""))?;
        handing_over().map_err(SendError::Passing)?;
        // The message and its final dot in one write: lettre's `message` writes the dot
        // apart, and on a connection without TCP_NODELAY that small second write waits for
        // the server's delayed ACK (40 ms a message on Linux).
        conn.command(DataBlock(dot_stuffed(&bytes))).map_err(|e| {
            if e.is_permanent() || e.is_transient() {
                classify(&e, "refused_message", "")
            } else {
                SendError::Unsure(Problem::new("unsure", "", e))
            }
        })?;
        Ok(())
    }
}

/// A message's DATA with SMTP's transparency (RFC 5321 4.5.2: a line starting with "." gets
/// one more) and the line with the single dot that ends it.
fn dot_stuffed(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len() + 16);
    if text.starts_with('.') {
        out.push('.');
    }
    out.push_str(&text.replace("\r\n.", "\r\n.."));
    out.push_str("\r\n.\r\n");
    out
}

/// Text sent as it is, as one command.
struct DataBlock(String);

impl std::fmt::Display for DataBlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A lettre error as passing or for good, with what was being done.
fn classify(
    e: &lettre::transport::smtp::Error,
    code: &'static str,
    subject: impl Into<String>,
) -> SendError {
    let problem = Problem::new(code, subject, e);
    if e.is_permanent() {
        SendError::ForGood(problem)
    } else {
        SendError::Passing(problem)
    }
}

impl Transport for EmailTransport {
    fn send(
        &mut self,
        letter: &Letter,
        handing_over: &mut dyn FnMut() -> Result<(), Problem>,
    ) -> Result<(), SendError> {
        let message = self.build(letter)?;
        // A connection idle for a while may have been closed by the server: ask (NOOP).
        let kept = self.conn.take().and_then(|(mut c, used)| {
            let fresh = used.elapsed() < Duration::from_secs(2);
            (!c.has_broken() && (fresh || c.test_connected())).then_some(c)
        });
        let mut conn = match kept {
            Some(c) => c,
            None => self.connect()?,
        };
        let outcome = self.conversation(&mut conn, &message, handing_over);
        match &outcome {
            Ok(()) => self.conn = Some((conn, std::time::Instant::now())),
            // A refused recipient leaves the connection usable after RSET; start afresh anyway.
            Err(_) => conn.abort(),
        }
        outcome
    }

    fn close(&mut self) {
        if let Some((mut c, _)) = self.conn.take() {
            let _ = c.command(Quit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_dot_stuffed_and_ended() {
        assert_eq!(dot_stuffed(b".a\r\n.b\r\nc"), "..a\r\n..b\r\nc\r\n.\r\n");
        assert_eq!(dot_stuffed(b"x"), "x\r\n.\r\n");
    }

    #[test]
    fn smtp_addresses() {
        assert_eq!(
            parse_smtp_url("smtp://mail.shop.example:587"),
            Ok(("mail.shop.example".into(), 587, TlsMode::StartTls))
        );
        assert_eq!(
            parse_smtp_url("smtps://mail.shop.example"),
            Ok(("mail.shop.example".into(), 465, TlsMode::Tls))
        );
        assert_eq!(
            parse_smtp_url("smtp://127.0.0.1:2525/"),
            Ok(("127.0.0.1".into(), 2525, TlsMode::StartTls))
        );
        assert!(parse_smtp_url("mail.shop.example").is_err());
        assert!(parse_smtp_url("http://x").is_err());
        assert!(
            parse_smtp_url("smtp://me:pw@host")
                .unwrap_err()
                .contains("username")
        );
        assert!(parse_smtp_url("smtp://host:abc").is_err());
    }
}
