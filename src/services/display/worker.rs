//! The pole display's own thread: the counter never waits on it. It shows each screen it is
//! sent, checks every two seconds that the display is still there, and when it is unplugged
//! says so and opens it again once it is back, showing the screen of now.

use crate::devices::display::DisplayProfile;
use crate::devices::profile::FlowControl;
use crate::devices::transport::{SerialSettings, SerialTransport, Transport};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// What the display thread tells the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisplayNews {
    /// The display took a screen (the first, or the one of now after it was lost).
    Showing,
    /// The display cannot be reached (why, in words); it is tried again every second.
    Lost(String),
}

/// How often an idle display is checked (a byte that changes nothing on its screen).
const CHECK_EVERY: Duration = Duration::from_secs(2);
/// How often a lost display is tried again.
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// Runs until `screens` closes or `stop` is set. Each message is a screen's parts in words
/// (see [`super::parts`]).
pub fn run(
    port: String,
    profile: DisplayProfile,
    words: &'static crate::i18n::Language,
    screens: Receiver<Vec<Vec<String>>>,
    news: Sender<DisplayNews>,
    stop: std::sync::Arc<AtomicBool>,
) {
    let mut transport = SerialTransport::new(SerialSettings {
        path: port.clone(),
        baud: profile.baud,
        flow_control: FlowControl::None,
    });
    let mut shown: Option<Vec<Vec<String>>> = None;
    let mut dirty = false;
    // Not started yet: the first write starts the display (and so after each loss).
    let mut started = false;
    let mut lost: Option<String> = None;
    loop {
        let wait = if lost.is_some() {
            RETRY_EVERY
        } else {
            CHECK_EVERY
        };
        match screens.recv_timeout(wait) {
            Ok(parts) => {
                // Only the newest screen matters when several wait.
                shown = Some(screens.try_iter().last().unwrap_or(parts));
                dirty = true;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let mut bytes = Vec::new();
        if !started {
            bytes.extend(profile.start());
        }
        let screen = match (&shown, dirty || !started) {
            (Some(parts), true) => {
                bytes.extend(profile.show(parts).bytes);
                true
            }
            _ => {
                bytes.extend(profile.keep_alive());
                false
            }
        };
        match transport.write_all(&bytes).and_then(|()| transport.flush()) {
            Ok(()) => {
                started = true;
                dirty = false;
                lost = None;
                if screen && news.send(DisplayNews::Showing).is_err() {
                    return;
                }
            }
            Err(e) => {
                started = false;
                let why = if crate::devices::transport::refused(&e) {
                    words.port_refused(&port)
                } else {
                    // The details for whoever looks after the computer; plain words on the bar.
                    if lost.is_none() {
                        eprintln!("display: {e}");
                    }
                    words.t_args("display-not-there", &[("port", port.as_str().into())])
                };
                if lost.as_deref() != Some(why.as_str())
                    && news.send(DisplayNews::Lost(why.clone())).is_err()
                {
                    return;
                }
                lost = Some(why);
            }
        }
    }
}
