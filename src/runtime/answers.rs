//! The workers' answers into what the counter shows: each store reply and printer report
//! becomes state and a notice in the shop's language.

use super::PrinterState;
use super::workers::{PrinterNews, StoreReply};
use super::{CounterState, PrintAnswer, Shop, StoreAnswer};
use crate::domain::money::Currency;
use bevy_ecs::prelude::*;

pub(super) fn apply_answers(
    mut answers: MessageReader<StoreAnswer>,
    mut prints: MessageReader<PrintAnswer>,
    shop: Res<Shop>,
    mut state: ResMut<CounterState>,
    mut bar: ResMut<super::DeviceBar>,
    mut others: Others,
) {
    for StoreAnswer(a) in answers.read() {
        // Not an answer to a request: how many alerts are open, for the owner's line.
        if let StoreReply::OpenAlerts(n) = a {
            bar.alerts = *n;
            continue;
        }
        let shown = Shown {
            owner: &mut others.owner,
            staffing: &mut others.staffing,
            side: &mut others.side,
        };
        store_answer(&mut state, shown, shop.currency, a.clone());
    }
    for PrintAnswer(news) in prints.read() {
        print_news(&mut state, &mut bar, news);
    }
}

/// The counter's resources besides its state that the store's answers change.
#[derive(bevy_ecs::system::SystemParam)]
pub(super) struct Others<'w> {
    owner: ResMut<'w, super::OwnerFigures>,
    staffing: ResMut<'w, super::Staffing>,
    side: ResMut<'w, super::SupportSide>,
}

/// The same, borrowed for one answer.
struct Shown<'a> {
    owner: &'a mut super::OwnerFigures,
    staffing: &'a mut super::Staffing,
    side: &'a mut super::SupportSide,
}

/// One answer from the store worker.
fn store_answer(state: &mut CounterState, shown: Shown<'_>, currency: Currency, a: StoreReply) {
    let Shown {
        owner,
        staffing,
        side,
    } = shown;
    let w = state.words;
    if let StoreReply::StillBusy { doing } = a {
        // Not an answer yet: the request is tried again, and its answer follows.
        let text = w.t_args("still-busy", &[("doing", w.t(doing).into())]);
        state.say(false, text);
        return;
    }
    state.busy = state.busy.saturating_sub(1);
    // Anything that may change the customer's history: read their support side again.
    if !matches!(
        a,
        StoreReply::Found(..)
            | StoreReply::Support(_)
            | StoreReply::Failed { .. }
            | StoreReply::EnrollRefused { .. }
            | StoreReply::SignedIn(_)
            | StoreReply::Reprinted
            | StoreReply::Figures(..)
            | StoreReply::Acked(_)
            | StoreReply::OpenAlerts(_)
            | StoreReply::ChainFigures(_)
    ) {
        side.stale = true;
    }
    match a {
        StoreReply::Support(s) => {
            let current = state.customer.as_ref().map(|c| c.code.clone());
            if s.code == current {
                side.support = s;
            }
        }
        StoreReply::SupportSaved(text) => state.say(true, text),
        StoreReply::Figures(f, checks) => {
            owner.checks = Some(*checks);
            figures_shown(state, owner, *f)
        }
        StoreReply::Acked(a) => {
            let args = [("id", a.id.to_string().into())];
            state.say(true, w.t_args("alert-acked-done", &args));
            if let Some(c) = owner.checks.as_mut() {
                c.open.retain(|o| o.id != a.id);
                let who = a.staff.clone().unwrap_or_default();
                let monday = |r: &(i64, i64, i64)| r.0 <= a.at.div_euclid(86_400);
                for row in c.by_staff.iter_mut().filter(|r| r.0 == who) {
                    row.2 = (row.2 - 1).max(0);
                }
                if let Some(row) = c.by_week.iter_mut().find(|r| monday(r)) {
                    row.2 = (row.2 - 1).max(0);
                }
            }
        }
        // Told to the device bar, never an answer (see `apply_answers`).
        StoreReply::OpenAlerts(_) => {}
        StoreReply::ChainFigures(c) => chain_figures(state, owner, *c),
        // Only the answer to what Find holds now: a slower answer to an earlier prefix, or
        // one arriving after the customer was chosen, would put stale matches back.
        StoreReply::Found(query, results) => {
            if state.searching.as_deref() == Some(query.as_str()) {
                state.results = results;
            }
        }
        StoreReply::Customer(c) => {
            let unnamed = w.t("customer-unnamed");
            let name = c.name.as_deref().unwrap_or(&unnamed);
            let args = [("name", name.into()), ("code", c.code.as_str().into())];
            state.say(true, w.t_args("customer-identified", &args));
            state.customer = Some(c);
            state.visit = None;
            state.results.clear();
            state.searching = None;
            state.identified += 1;
        }
        StoreReply::Enrolled(e, c) => enrolled(state, e, c),
        StoreReply::Sold { sale, customer, .. } => sold(state, currency, sale, customer),
        StoreReply::Redeemed(r, c) => redeemed(state, r, c),
        StoreReply::Refunded(r, c) => refunded(state, currency, r, c),
        StoreReply::Reprinted => state.say(true, w.t("reprinting")),
        StoreReply::Adjusted(points, c) => {
            let args = [
                ("change", format!("{points:+}").into()),
                ("balance", c.balance.into()),
            ];
            state.say(true, w.t_args("adjusted", &args));
            state.customer = Some(c);
        }
        StoreReply::PaperStamped(p, c) => {
            let args = [("stamps", p.stamps.into()), ("card", c.stamps.into())];
            state.say(true, w.t_args("paper-stamped", &args));
            state.customer = Some(c);
        }
        StoreReply::SignedIn(s) => {
            let role = w.role(s.role);
            let args = [("name", s.name.as_str().into()), ("role", role.into())];
            state.say(true, w.t_args("signed-in", &args));
            staffing.signed_in = Some(s);
        }
        StoreReply::Visit(v, c) => visit_opened(state, currency, v, c),
        StoreReply::Failed { doing, error, .. } => {
            let args = [("doing", w.t(doing).into()), ("error", error.into())];
            state.say(false, w.t_args("problem", &args))
        }
        StoreReply::StillBusy { .. } => {}
        StoreReply::EnrollRefused { field, error } => {
            state.say(false, w.t_args("not-enrolled", &[("error", error.into())]));
            let n = state.enroll_refused.map_or(1, |(_, n)| n + 1);
            state.enroll_refused = Some((field, n));
        }
    }
}

/// A sale recorded: say so (points, stamp card, a friend's referral settled), show the
/// customer as they are now and remember the receipt for F8.
fn sold(
    state: &mut CounterState,
    currency: Currency,
    sale: crate::store::SaleOutcome,
    customer: Option<crate::store::CustomerView>,
) {
    let w = state.words;
    let amount = ("amount", w.amount(sale.amount, currency).into());
    let mut text = match &customer {
        Some(c) => w.t_args(
            "sold",
            &[
                amount,
                ("name", c.name.as_deref().unwrap_or(&c.code).into()),
                ("points", sale.points_earned.into()),
                ("balance", w.number(sale.balance).into()),
            ],
        ),
        None => w.t_args("sold-anonymous", &[amount]),
    };
    if sale.vouchers_issued > 0 {
        text.push(' ');
        text.push_str(&w.t("stamp-card-complete"));
    }
    if let Some(r) = &sale.referral {
        text.push(' ');
        text.push_str(&crate::services::words::referral(&state.words, r));
    }
    state.say(true, text);
    if customer.is_some() {
        state.customer = customer;
    }
    state.last_receipt = Some(
        sale.receipt
            .clone()
            .unwrap_or_else(|| format!("V{}", sale.visit_id)),
    );
    state.last_sale = Some((sale.amount, sale.points_earned, sale.customer.is_some()));
    state.sales_recorded += 1;
}

/// One report from the print worker.
fn print_news(state: &mut CounterState, bar: &mut super::DeviceBar, news: &PrinterNews) {
    let d = match news {
        PrinterNews::Status(status) => {
            // The idle check changes the device bar, never the notices.
            let (ok, now) = match status {
                Ok(s) => (s.ready(), PrinterState::Checked(*s)),
                Err(e) => (false, PrinterState::Unreachable(e.clone())),
            };
            bar.printer_ok = ok;
            bar.printer = now;
            return;
        }
        PrinterNews::Delivered(d) => d,
    };
    if let Some(img) = d.images.last() {
        bar.receipt_image = Some(img.clone());
    }
    bar.printer_waiting = d.waiting;
    match &d.problem {
        Some(p) => {
            // The retries every few seconds say nothing new: one notice per problem, and
            // again for a receipt that joins the wait.
            let known = matches!(&bar.printer, PrinterState::Waiting { problem, count }
                if problem == p && *count >= d.waiting);
            bar.printer_ok = false;
            bar.printer = PrinterState::Waiting {
                problem: p.to_string(),
                count: d.waiting,
            };
            if !known {
                let text = state
                    .words
                    .t_args("receipt-not-printed", &[("problem", p.to_string().into())]);
                state.say(false, text);
            }
        }
        None => {
            // The cashier was told they wait: now that they went, say so.
            if matches!(bar.printer, PrinterState::Waiting { .. }) && !d.printed.is_empty() {
                let count = ("count", d.printed.len().into());
                let text = state.words.t_args("waiting-printed", &[count]);
                state.say(true, text);
            }
            bar.printer_ok = true;
            bar.printer = PrinterState::Ready;
        }
    }
}

/// A new member enrolled: say so (with a friend's referral), and show them.
fn enrolled(state: &mut CounterState, e: crate::store::Enrolled, c: crate::store::CustomerView) {
    let w = state.words;
    let mut text = w.t_args(
        "enrolled",
        &[
            ("name", e.name.as_str().into()),
            ("code", e.code.as_str().into()),
            ("referral", e.referral_code.as_str().into()),
        ],
    );
    if let Some(r) = &e.referral {
        text.push(' ');
        text.push_str(&crate::services::words::referral(&state.words, r));
    }
    state.say(true, text);
    state.customer = Some(c);
    state.enroll_referral = None;
    state.enrolled += 1;
    state.identified += 1;
}

/// A reward given: how it was paid for, and the balance left.
fn redeemed(state: &mut CounterState, r: crate::store::Redeemed, c: crate::store::CustomerView) {
    let w = state.words;
    let how = if r.paid_with == crate::store::PaidWith::Voucher {
        w.t("paid-voucher")
    } else {
        w.t_args("points", &[("points", r.points.into())])
    };
    let args = [
        ("reward", r.reward_name.as_str().into()),
        ("how", how.into()),
        ("balance", r.balance.into()),
    ];
    state.say(true, w.t_args("redeemed", &args));
    state.customer = Some(c);
}

/// A refund made: the amount, and the points taken back now or once the chain answers.
fn refunded(
    state: &mut CounterState,
    currency: Currency,
    r: crate::store::RefundOutcome,
    c: Option<crate::store::CustomerView>,
) {
    let w = state.words;
    let money = |m: i64| w.amount(m, currency);
    if let Some(c) = c
        && state.customer.as_ref().is_some_and(|on| on.code == c.code)
    {
        state.customer = Some(c);
    }
    let pending = r.points_pending > 0;
    let args = [
        ("amount", money(r.amount).into()),
        ("receipt", r.receipt.as_str().into()),
        (
            "points",
            if pending {
                r.points_pending
            } else {
                r.points_reversed
            }
            .into(),
        ),
    ];
    let message = if pending {
        "refunded-pending"
    } else {
        "refunded"
    };
    state.say(true, w.t_args(message, &args));
    state.refunds_recorded += 1;
}

/// A receipt scanned: its visit (and its customer, if any) on the screen.
fn visit_opened(
    state: &mut CounterState,
    currency: Currency,
    v: crate::store::VisitView,
    c: Option<crate::store::CustomerView>,
) {
    let w = state.words;
    let money = |m: i64| w.amount(m, currency);
    let mut args = vec![
        ("id", v.id.into()),
        ("when", w.date_time(v.at).into()),
        ("amount", money(v.amount).into()),
    ];
    let id = if v.refunded > 0 {
        args.push(("refunded", money(v.refunded).into()));
        "visit-opened-refunded"
    } else {
        "visit-opened"
    };
    state.say(true, w.t_args(id, &args));
    if let Some(c) = &c {
        state.customer = Some(c.clone());
    }
    state.visit = Some((v, c));
    state.identified += 1;
}

/// This till's figures, and the range they cover.
fn figures_shown(
    state: &mut CounterState,
    owner: &mut super::OwnerFigures,
    f: crate::store::Figures,
) {
    let w = state.words;
    let args = [
        ("from", crate::report::day_label(f.from_day).into()),
        ("to", crate::report::day_label(f.to_day).into()),
    ];
    state.say(true, w.t_args("figures-shown", &args));
    owner.figures = Some(f);
}

/// The chain's figures, and the range they cover.
fn chain_figures(
    state: &mut CounterState,
    owner: &mut super::OwnerFigures,
    c: super::figures_work::ChainView,
) {
    let w = state.words;
    let to = ("to", crate::report::day_label(c.to_day).into());
    let said = match c.from_day {
        Some(from) => {
            let from = ("from", crate::report::day_label(from).into());
            w.t_args("figures-shown", &[from, to])
        }
        None => w.t_args("figures-shown-to", &[to]),
    };
    state.say(true, said);
    owner.chain_figures = Some(c);
}
