//! The counter's systems, one small function each, in the order of their stages.

use super::support_work::SupportRequest;
use super::workers::{PrintRequest, StoreReply, StoreRequest};
use super::{
    Channels, CounterState, Intent, PlugLink, PlugNews, PrintAnswer, Scanned, Shop, StoreAnswer,
};
use crate::devices::scanner::{ScanEvent, ScanKind};
use bevy_ecs::prelude::*;

pub(super) fn poll_channels(
    ch: Res<Channels>,
    mut scans: MessageWriter<Scanned>,
    mut answers: MessageWriter<StoreAnswer>,
    mut prints: MessageWriter<PrintAnswer>,
    mut plug: MessageWriter<PlugNews>,
) {
    if let Ok(rx) = ch.from_plug.lock() {
        plug.write_batch(rx.try_iter().map(PlugNews));
    }
    if let Ok(rx) = ch.scans.lock() {
        scans.write_batch(rx.try_iter().map(Scanned));
    }
    if let Ok(rx) = ch.from_store.lock() {
        answers.write_batch(rx.try_iter().map(StoreAnswer));
    }
    if let Ok(rx) = ch.from_printer.lock() {
        prints.write_batch(rx.try_iter().map(PrintAnswer));
    }
}

fn request(ch: &Channels, state: &mut CounterState, r: StoreRequest) {
    if ch.to_store.send(r).is_ok() {
        state.busy += 1;
    } else {
        let text = state.words.t("worker-stopped");
        state.say(false, text);
    }
}

pub(super) fn identify_scans(
    mut scans: MessageReader<Scanned>,
    ch: Res<Channels>,
    mut state: ResMut<CounterState>,
    mut bar: ResMut<super::DeviceBar>,
) {
    for Scanned(scan) in scans.read() {
        match scan {
            Err(fault) => {
                bar.scanner_connected = false;
                bar.scanner = super::ScannerState::Retrying(fault.to_string());
            }
            Ok(_) if !bar.scanner_connected => {
                bar.scanner_connected = true;
                bar.scanner = super::ScannerState::Connected;
            }
            Ok(_) => {}
        }
        match scan {
            Err(_) => {}
            Ok(ScanEvent::Rejected { reason }) => {
                let text = state.words.t_args(
                    "scan-not-understood",
                    &[(
                        "reason",
                        crate::services::words::scan_problem(&state.words, reason).into(),
                    )],
                );
                state.say(false, text);
            }
            Ok(ScanEvent::Scanned { scan, what }) => {
                bar.last_scan = Some(scan.data.clone());
                match what {
                    ScanKind::CustomerCard { code } => {
                        request(&ch, &mut state, StoreRequest::Show(code.clone()))
                    }
                    ScanKind::Receipt { token } => {
                        request(&ch, &mut state, StoreRequest::OpenReceipt(token.clone()))
                    }
                    ScanKind::Referral { code } => {
                        state.enroll_referral = Some(code.clone());
                        let text = state
                            .words
                            .t_args("scan-referral", &[("code", code.as_str().into())]);
                        state.say(true, text);
                    }
                    ScanKind::Product { symbology, gtin } => {
                        let text = state.words.t_args(
                            "scan-product",
                            &[
                                ("symbology", symbology.to_string().into()),
                                ("gtin", gtin.as_str().into()),
                            ],
                        );
                        state.say(true, text);
                    }
                    ScanKind::Unknown { reason } => {
                        let text = state.words.t_args(
                            "scan-unknown",
                            &[
                                ("code", scan.data.as_str().into()),
                                (
                                    "reason",
                                    crate::services::words::scan_problem(&state.words, reason)
                                        .into(),
                                ),
                            ],
                        );
                        state.say(false, text);
                    }
                }
            }
        }
    }
}

pub(super) fn identify_intents(
    mut intents: MessageReader<Intent>,
    ch: Res<Channels>,
    mut state: ResMut<CounterState>,
    mut side: ResMut<super::SupportSide>,
) {
    for intent in intents.read() {
        match intent {
            Intent::Search(text) if text.trim().len() >= 2 => {
                state.searching = Some(text.clone());
                request(&ch, &mut state, StoreRequest::Search(text.clone()))
            }
            Intent::Search(_) => {
                state.searching = None;
                state.results.clear();
            }
            Intent::Open(code) => {
                state.searching = None;
                request(&ch, &mut state, StoreRequest::Show(code.clone()))
            }
            Intent::Clear => {
                state.searching = None;
                state.customer = None;
                state.visit = None;
                state.results.clear();
                side.support = Default::default();
            }
            _ => {}
        }
    }
}

pub(super) fn reward_intents(
    mut intents: MessageReader<Intent>,
    ch: Res<Channels>,
    mut state: ResMut<CounterState>,
    staffing: Res<super::Staffing>,
) {
    for intent in intents.read() {
        if let Intent::Redeem(reward) = intent {
            match state.customer.as_ref().map(|c| c.code.clone()) {
                Some(customer) => request(
                    &ch,
                    &mut state,
                    StoreRequest::Redeem {
                        customer,
                        reward: reward.clone(),
                        staff: staffing.signed_in.as_ref().map(|s| s.name.clone()),
                    },
                ),
                None => {
                    let text = state.words.t("identify-customer-first");
                    state.say(false, text)
                }
            }
        }
    }
}

pub(super) fn persist_intents(
    mut intents: MessageReader<Intent>,
    ch: Res<Channels>,
    shop: Res<Shop>,
    mut state: ResMut<CounterState>,
    mut owner: ResMut<super::OwnerFigures>,
    mut staffing: ResMut<super::Staffing>,
) {
    for intent in intents.read() {
        if matches!(intent, Intent::SignOut) {
            // The owner's figures leave the screen with whoever asked for them.
            *owner = super::OwnerFigures::default();
            staffing.signed_in = None;
            state.customer = None;
            let text = state.words.t("signed-out");
            state.say(true, text);
            continue;
        }
        match super::requests::store_request(intent, &shop, &state, &staffing, &owner) {
            Some(Ok(r)) => request(&ch, &mut state, r),
            Some(Err(refusal)) => state.say(false, refusal),
            None => {}
        }
    }
}

pub(super) fn print_receipts(mut answers: MessageReader<StoreAnswer>, ch: Res<Channels>) {
    let (mut printed, mut sold) = (false, false);
    for StoreAnswer(a) in answers.read() {
        printed |= matches!(a, StoreReply::Sold { .. } | StoreReply::Reprinted);
        sold |= matches!(a, StoreReply::Sold { .. });
    }
    if printed && let Some(tx) = &ch.to_printer {
        let _ = tx.send(PrintRequest::Deliver);
    }
    // On a chain's till the sale goes to the central store at once (no sync thread: no chain).
    if sold {
        let _ = ch.to_sync.send(());
    }
}

/// Reads the support side again when what is on screen changed.
pub(super) fn refresh_support(
    ch: Res<Channels>,
    mut state: ResMut<CounterState>,
    mut side: ResMut<super::SupportSide>,
) {
    if !side.stale {
        return;
    }
    side.stale = false;
    let customer = state.customer.as_ref().map(|c| c.code.clone());
    let visit = state.visit.as_ref().map(|(v, _)| v.id);
    if customer.is_none() && visit.is_none() {
        side.support = Default::default();
        return;
    }
    let load = SupportRequest::Load { customer, visit };
    request(&ch, &mut state, StoreRequest::Support(load));
}

/// Plug-in mode's events, on screen: each receipt's outcome, and the printer's state.
pub(super) fn plug_news(
    mut news: MessageReader<PlugNews>,
    mut state: ResMut<CounterState>,
    mut bar: ResMut<super::DeviceBar>,
    mut side: ResMut<super::SupportSide>,
) {
    use crate::passthrough::Event;
    let words = state.words;
    for PlugNews(e) in news.read() {
        let line = words.t_args("plug-till", &[("event", e.describe(&words).into())]);
        state.say(e.ok(), line);
        match e {
            Event::PrinterDown { .. } => {
                bar.printer_ok = false;
                bar.printer = super::PrinterState::PlugWaits;
            }
            Event::PrinterBack | Event::Added { .. } => bar.printer_ok = true,
            _ => {}
        }
        if matches!(e, Event::Added { .. }) {
            side.stale = true;
        }
    }
}

/// Tells plug-in mode who the counter identified, so the till's next receipt is theirs.
pub(super) fn share_customer(
    state: Res<CounterState>,
    link: Res<PlugLink>,
    mut shared: Local<Option<String>>,
) {
    let Some(last) = &link.0 else {
        return;
    };
    let now = state.customer.as_ref().map(|c| c.code.clone());
    if *shared != now {
        *last.lock().unwrap_or_else(|e| e.into_inner()) =
            now.clone().map(|c| (c, std::time::Instant::now()));
        *shared = now;
    }
}

/// The background sync's outcomes, for the device bar.
pub(super) fn sync_news(ch: Res<Channels>, mut bar: ResMut<super::DeviceBar>) {
    let Ok(rx) = ch.from_sync.lock() else {
        return;
    };
    for news in rx.try_iter() {
        let chain = bar.chain.get_or_insert_with(Default::default);
        if let Some(s) = news.state {
            chain.last_contact = s.last_contact;
            chain.offline_since = s.offline_since;
            chain.to_send = s.to_send;
        }
        chain.error = news.error;
    }
}

/// The background backups' outcomes, for the device bar.
pub(super) fn backup_news(
    ch: Res<Channels>,
    state: Res<CounterState>,
    mut bar: ResMut<super::DeviceBar>,
) {
    use crate::backups::schedule::News;
    let Ok(rx) = ch.from_backups.lock() else {
        return;
    };
    for news in rx.try_iter() {
        match news {
            News::Made(l) => {
                bar.backup.last = Some(l.at);
                bar.backup.problem = None;
            }
            News::Failed(e) => {
                let text = crate::services::errors::backup_error(&state.words, &e);
                bar.backup.problem = Some(text);
            }
        }
    }
}

/// The sender thread's news after each round: what waits, what failed lately, and why.
pub(super) fn messages_news(ch: Res<Channels>, mut bar: ResMut<super::DeviceBar>) {
    let Ok(rx) = ch.from_messages.lock() else {
        return;
    };
    if let Some(news) = rx.try_iter().last() {
        bar.messages = Some(news);
    }
}

/// The cashier (Settings) asks for a check of where the customer pages open.
pub(super) fn pages_intents(
    mut intents: MessageReader<Intent>,
    ch: Res<Channels>,
    mut bar: ResMut<super::DeviceBar>,
) {
    for intent in intents.read() {
        if matches!(intent, Intent::CheckPages) && ch.to_pages.send(()).is_ok() {
            bar.pages.checking = true;
        }
    }
}

/// The checks of where the customer pages open, for the device bar.
pub(super) fn pages_news(ch: Res<Channels>, mut bar: ResMut<super::DeviceBar>) {
    let Ok(rx) = ch.from_pages.lock() else {
        return;
    };
    for checked in rx.try_iter() {
        bar.pages.checking = false;
        bar.pages.checked = Some(checked);
        bar.pages.checks += 1;
    }
}
