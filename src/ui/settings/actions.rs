//! What the settings screen's buttons try for real, on a thread of their own so the window
//! keeps drawing: a test message to the owner, a backup now, the chain's database. Each
//! answers with a line in the shop's words: done, or what the other side said.

use crate::config::Config;
use crate::datadir::DataDir;
use crate::i18n::Words;
use std::sync::mpsc;

/// A button's work under way.
pub struct Running {
    rx: mpsc::Receiver<(bool, String)>,
}

impl Running {
    pub fn start(work: impl FnOnce() -> (bool, String) + Send + 'static) -> Running {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
        Running { rx }
    }

    /// Waits for the answer up to `timeout`.
    pub fn wait(&self, timeout: std::time::Duration) -> Option<(bool, String)> {
        self.rx.recv_timeout(timeout).ok()
    }

    /// The answer, once there is one.
    pub fn answer(&self) -> Option<(bool, String)> {
        match self.rx.try_recv() {
            Ok(a) => Some(a),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some((false, "?".into())),
        }
    }
}

/// Which way a test message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

/// Sends a test message to `to` with the saved settings, at once (not through the outbox):
/// the owner sees the server's or gateway's own answer.
pub fn send_test(config: &Config, channel: Channel, to: &str) -> (bool, String) {
    use crate::messages::{Letter, Transport};
    let words = config.shop.words();
    let w = words.0;
    let to = to.trim();
    if to.is_empty() {
        return (false, w.t("set-test-to-needed"));
    }
    let letter = Letter {
        to: to.to_string(),
        subject: w.t_args(
            "set-test-subject",
            &[("shop", config.shop.name.as_str().into())],
        ),
        text: w.t_args(
            "set-test-text",
            &[("shop", config.shop.name.as_str().into())],
        ),
        key: format!("test.{}.{}", crate::clock::now(), std::process::id()),
        unsubscribe: None,
        language: w.tag().to_string(),
        form: Default::default(),
    };
    let mut transport: Box<dyn Transport> = match (channel, &config.email, &config.sms) {
        (Channel::Email, Some(e), _) => Box::new(crate::messages::EmailTransport::new(e.clone())),
        (Channel::Sms, _, Some(s)) => Box::new(crate::messages::SmsTransport::new(s.clone())),
        (Channel::Email, None, _) => return (false, w.t("set-test-no-smtp")),
        (Channel::Sms, _, None) => return (false, w.t("set-test-no-sms")),
    };
    let sent = transport.send(&letter, &mut || Ok(()));
    transport.close();
    match sent {
        Ok(()) => (true, w.t_args("set-test-sent", &[("to", to.into())])),
        Err(e) => {
            let p = e.problem();
            let why = crate::store::WhyOwned {
                code: p.code.to_string(),
                about: p.subject.clone(),
                detail: p.detail.clone(),
            };
            (false, crate::services::messages::problem_words(w, &why))
        }
    }
}

/// Makes a backup now, where the settings say, and says where and how big.
pub fn backup_now(dir: &DataDir, config: &Config) -> (bool, String) {
    let w = config.shop.words();
    match crate::backups::schedule::run_once(dir, config, crate::clock::now()) {
        Ok(l) => (true, last_backup_words(&w, &l)),
        Err(e) => (false, crate::services::errors::backup_error(w.0, &e)),
    }
}

/// The last good backup, in the shop's words.
pub fn last_backup_words(w: &Words, l: &crate::backups::schedule::Logged) -> String {
    w.t_args(
        "set-backup-made",
        &[
            ("when", w.date_time(l.at).into()),
            ("path", l.path.display().to_string().into()),
        ],
    )
}

/// Connects to the chain's database and says how many tills it knows.
pub fn test_chain(url: &str, words: &Words) -> (bool, String) {
    use crate::services::sync::SyncError;
    let w = words.0;
    if url.trim().is_empty() {
        return (false, w.t("set-chain-no-url"));
    }
    match crate::central::Central::open(url).and_then(|mut c| c.tills()) {
        Ok((_, tills)) => (
            true,
            w.t_args("set-chain-ok", &[("tills", (tills.len() as i64).into())]),
        ),
        Err(e) => (
            false,
            crate::services::errors::sync_error(w, &SyncError::Central(e)),
        ),
    }
}
