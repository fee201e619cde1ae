//! The customer display beside the counter: which screen the customer should see now (from
//! who is on screen and the last sale), sent to the pole display's thread and to the tablet
//! page; and the customers who joined on the tablet's QR, opened at the counter.

use super::{CounterState, DeviceBar, Intent, Shop};
use crate::domain::display::Screen;
use crate::services::display::worker::DisplayNews;
use crate::services::display::{DisplayHub, member_shown, parts};
use bevy_ecs::prelude::*;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};

/// The pole display, as the counter last heard of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DisplayState {
    /// No pole display set up.
    #[default]
    None,
    /// Set on this port, not heard from yet.
    On(String),
    /// It shows what the counter sent.
    Showing(String),
    /// It cannot be reached (why); tried again every second.
    Lost(String),
    /// Its profile did not load (why).
    Unusable(String),
}

impl DisplayState {
    /// The device bar's words for it; none when there is no pole display.
    pub fn words(&self, w: &crate::i18n::Language) -> Option<String> {
        Some(match self {
            DisplayState::None => return None,
            DisplayState::On(port) | DisplayState::Showing(port) => {
                w.t_args("display-on", &[("port", port.as_str().into())])
            }
            DisplayState::Lost(fault) => {
                w.t_args("display-lost", &[("fault", fault.as_str().into())])
            }
            DisplayState::Unusable(problem) => {
                w.t_args("display-unusable", &[("problem", problem.as_str().into())])
            }
        })
    }
}

/// What the display follows: the last thing that happened at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moment {
    /// A customer came on screen (or went).
    Customer,
    /// A sale was recorded: its total and the points it earned, for a member or not.
    Sale {
        total: i64,
        points: i64,
        member: bool,
    },
}

/// The counter's side of the customer display.
#[derive(Resource)]
pub struct DisplayLink {
    pub hub: Arc<DisplayHub>,
    to_pole: Option<Sender<Vec<Vec<String>>>>,
    from_pole: Mutex<Receiver<DisplayNews>>,
    port: String,
    moment: Moment,
    /// The counters of [`CounterState`] last seen: (identified, sales recorded, who).
    seen: (u64, u64, Option<String>),
    shown: Option<Screen>,
}

/// Starts the pole display's thread when a port is set; the link and the device bar's state.
pub(super) fn start(
    config: &crate::config::Config,
    hub: Arc<DisplayHub>,
    stop: &Arc<std::sync::atomic::AtomicBool>,
) -> Result<(DisplayLink, DisplayState), std::io::Error> {
    let (news_tx, from_pole) = std::sync::mpsc::channel();
    // The tablet shows the welcome from the start, before the schedule's first tick.
    let w = config.shop.words();
    let idle = parts(&w, &config.shop.name, config.shop.currency, &Screen::Idle);
    hub.show(idle, Screen::Idle.invites());
    let mut link = DisplayLink {
        hub,
        to_pole: None,
        from_pole: Mutex::new(from_pole),
        port: String::new(),
        moment: Moment::Customer,
        seen: (0, 0, None),
        shown: None,
    };
    let Some(port) = config.display.port.clone() else {
        return Ok((link, DisplayState::None));
    };
    let profile = match crate::devices::display::DisplayProfile::load(&config.display.profile) {
        Ok(p) => p,
        Err(e) => {
            let w = config.shop.words();
            let problem = crate::services::errors::profile_error(&w, &e);
            return Ok((link, DisplayState::Unusable(problem)));
        }
    };
    let (tx, screens) = std::sync::mpsc::channel();
    let (words, stop, p) = (config.shop.words().0, stop.clone(), port.clone());
    std::thread::Builder::new()
        .name("display".into())
        .spawn(move || {
            crate::services::display::worker::run(p, profile, words, screens, news_tx, stop)
        })?;
    link.to_pole = Some(tx);
    link.port = port.clone();
    Ok((link, DisplayState::On(port)))
}

/// Each tick: customers who joined on the tablet are opened at the counter, the pole
/// display's news goes to the device bar, and a changed screen goes to both displays.
pub(super) fn feed_display(
    mut state: ResMut<CounterState>,
    shop: Res<Shop>,
    mut link: ResMut<DisplayLink>,
    mut bar: ResMut<DeviceBar>,
    mut intents: MessageWriter<Intent>,
) {
    for code in link.hub.take_joined() {
        if state.customer.is_none() && state.visit.is_none() {
            intents.write(Intent::Open(code));
        } else {
            // Someone else is being served: their sale is not taken from them.
            let w = state.words;
            state.say(
                true,
                w.t_args("display-joined-later", &[("code", code.into())]),
            );
        }
    }
    let news: Vec<DisplayNews> = match link.from_pole.lock() {
        Ok(rx) => rx.try_iter().collect(),
        Err(_) => Vec::new(),
    };
    for n in news {
        bar.display = match n {
            DisplayNews::Showing => DisplayState::Showing(link.port.clone()),
            DisplayNews::Lost(why) => DisplayState::Lost(why),
        };
    }
    let who = state.customer.as_ref().map(|c| c.code.clone());
    if state.sales_recorded != link.seen.1
        && let Some(sale) = state.last_sale
    {
        link.moment = Moment::Sale {
            total: sale.0,
            points: sale.1,
            member: sale.2,
        };
    } else if state.identified != link.seen.0 || (who.is_none() && link.seen.2.is_some()) {
        link.moment = Moment::Customer;
    }
    link.seen = (state.identified, state.sales_recorded, who);
    let screen = screen_now(link.moment, &state, &shop);
    if link.shown.as_ref() == Some(&screen) {
        return;
    }
    let words = parts(&state.words, &shop.name, shop.currency, &screen);
    link.hub.show(words.clone(), screen.invites());
    if let Some(tx) = &link.to_pole {
        let _ = tx.send(words);
    }
    link.shown = Some(screen);
}

/// The screen for `moment` with the customer on screen now.
fn screen_now(moment: Moment, state: &CounterState, shop: &Shop) -> Screen {
    match (moment, &state.customer) {
        (
            Moment::Sale {
                total,
                points,
                member: true,
            },
            Some(c),
        ) => Screen::Sale {
            member: member_shown(c),
            total,
            points,
        },
        (Moment::Sale { total, .. }, _) => Screen::Anonymous {
            total,
            points: shop.points_for(total),
        },
        (Moment::Customer, Some(c)) => Screen::Member(member_shown(c)),
        (Moment::Customer, None) => Screen::Idle,
    }
}
