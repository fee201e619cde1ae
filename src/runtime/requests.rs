//! What each of the cashier's intents asks of the store, or why it cannot be asked yet, in the
//! cashier's words: an amount that does not read, no customer on the screen, a range of dates
//! that runs backwards. Nothing here touches the store; the worker does the asking.

use super::support_work::SupportRequest;
use super::workers::StoreRequest;
use super::{CounterState, Intent, OwnerFigures, Shop, Staffing};

/// The request `intent` makes of the store, or the refusal to show instead; `None` for an
/// intent that is not for the store.
pub(super) fn store_request(
    intent: &Intent,
    shop: &Shop,
    state: &CounterState,
    staffing: &Staffing,
    owner: &OwnerFigures,
) -> Option<Result<StoreRequest, String>> {
    let w = &state.words;
    let actor = || staffing.signed_in.as_ref().map(|s| s.name.clone());
    let customer = || {
        state
            .customer
            .as_ref()
            .map(|c| c.code.clone())
            .ok_or_else(|| w.t("identify-customer-first"))
    };
    Some(match intent {
        Intent::Sale(text) | Intent::AnonymousSale(text) => {
            let member = matches!(intent, Intent::Sale(_));
            sale(text, member, shop, state, staffing)
        }
        Intent::Enroll(new) => Ok(StoreRequest::Enroll {
            new: new.clone(),
            cashier: staffing.signed_in.clone(),
        }),
        Intent::SignIn(pin) => Ok(StoreRequest::SignIn(pin.clone())),
        Intent::AckAlert {
            id,
            note,
            owner_pin,
        } => Ok(StoreRequest::AckAlert {
            id: *id,
            note: note.clone(),
            cashier: staffing.signed_in.clone(),
            owner_pin: owner_pin.clone(),
        }),
        Intent::Figures {
            from,
            to,
            owner_pin,
            chain,
        } => figures(from, to, owner_pin, *chain, state, staffing),
        Intent::ExportFigures => match &owner.figures {
            Some(f) => {
                let stamp = jiff::Timestamp::from_second(crate::clock::now())
                    .map(|t| t.strftime("%Y%m%d-%H%M%S").to_string())
                    .unwrap_or_default();
                Ok(StoreRequest::ExportFigures {
                    from_day: f.from_day,
                    to_day: f.to_day,
                    dir: shop.data_dir.join("exports").join(stamp),
                })
            }
            None => Err(w.t("export-needs-figures")),
        },
        Intent::Refund {
            receipt,
            amount,
            owner_pin,
        } => refund(receipt, amount.as_deref(), owner_pin, shop, state, staffing),
        Intent::OpenTicket {
            summary,
            severity,
            reply,
            contact,
        } => {
            let customer = state.customer.as_ref().map(|c| c.code.clone());
            let visit = state.visit.as_ref().map(|(v, _)| v.id);
            if customer.is_none() && visit.is_none() {
                Err(w.t("ticket-needs-customer"))
            } else {
                Ok(StoreRequest::Support(SupportRequest::OpenTicket {
                    customer,
                    visit,
                    summary: summary.clone(),
                    severity: *severity,
                    reply: *reply,
                    contact: contact.clone(),
                    actor: actor(),
                }))
            }
        }
        Intent::Note(body) => customer().map(|customer| {
            StoreRequest::Support(SupportRequest::Note {
                customer,
                body: body.clone(),
                actor: actor(),
            })
        }),
        Intent::ReplyTicket { id, text } => {
            Ok(StoreRequest::Support(SupportRequest::ReplyTicket {
                id: *id,
                text: text.clone(),
                actor: actor(),
            }))
        }
        Intent::ResolveTicket { id, how } => {
            Ok(StoreRequest::Support(SupportRequest::ResolveTicket {
                id: *id,
                how: how.clone(),
                actor: actor(),
            }))
        }
        Intent::Reprint => Ok(StoreRequest::Reprint),
        Intent::TestPrint => Ok(StoreRequest::TestPrint),
        Intent::PrintCard => customer().map(StoreRequest::PrintCard),
        Intent::Adjust {
            points,
            reason,
            owner_pin,
        } => customer().and_then(|customer| {
            let points = points
                .trim()
                .trim_start_matches('+')
                .parse::<i64>()
                .map_err(|_| w.t_args("not-points", &[("text", points.as_str().into())]))?;
            Ok(StoreRequest::Adjust {
                customer,
                points,
                reason: reason.clone(),
                cashier: staffing.signed_in.clone(),
                owner_pin: owner_pin.clone(),
            })
        }),
        Intent::PaperStamps { stamps, owner_pin } => customer().and_then(|customer| {
            let stamps = stamps
                .trim()
                .parse::<i64>()
                .map_err(|_| w.t_args("not-stamps", &[("text", stamps.as_str().into())]))?;
            Ok(StoreRequest::PaperStamps {
                customer,
                stamps,
                cashier: staffing.signed_in.clone(),
                owner_pin: owner_pin.clone(),
            })
        }),
        _ => return None,
    })
}

/// A sale of the amount typed, to the customer on the screen for a member's sale.
fn sale(
    text: &str,
    member: bool,
    shop: &Shop,
    state: &CounterState,
    staffing: &Staffing,
) -> Result<StoreRequest, String> {
    let w = &state.words;
    let amount = shop
        .currency
        .parse_amount_local(text, w.numbers.decimal_separator)
        .map_err(|e| {
            let error = crate::services::errors::amount_error(w, &e);
            w.t_args("sale-not-recorded", &[("error", error.into())])
        })?;
    Ok(StoreRequest::Sale {
        amount,
        customer: member
            .then(|| state.customer.as_ref().map(|c| c.code.clone()))
            .flatten(),
        staff: staffing.signed_in.as_ref().map(|s| s.name.clone()),
    })
}

/// The owner's figures for the dates typed: an empty date means from the first visit, or to
/// today.
fn figures(
    from: &str,
    to: &str,
    owner_pin: &Option<String>,
    chain: bool,
    state: &CounterState,
    staffing: &Staffing,
) -> Result<StoreRequest, String> {
    let w = &state.words;
    let today = crate::clock::now().div_euclid(86_400);
    let parse = |text: &str| -> Result<Option<i64>, String> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            crate::report::day_of(text)
                .map(Some)
                .ok_or_else(|| w.t_args("not-a-date", &[("text", text.into())]))
        }
    };
    let from_day = parse(from)?;
    let to_day = parse(to)?.unwrap_or(today);
    if from_day.is_some_and(|f| f > to_day) {
        return Err(w.t("range-backwards"));
    }
    Ok(StoreRequest::Figures {
        from_day,
        to_day,
        cashier: staffing.signed_in.clone(),
        owner_pin: owner_pin.clone(),
        chain,
    })
}

/// A refund of the receipt typed: all of what is left, or the amount typed.
fn refund(
    receipt: &str,
    amount: Option<&str>,
    owner_pin: &Option<String>,
    shop: &Shop,
    state: &CounterState,
    staffing: &Staffing,
) -> Result<StoreRequest, String> {
    let w = &state.words;
    let amount = match amount.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(
            shop.currency
                .parse_amount_local(a, w.numbers.decimal_separator)
                .map_err(|e| {
                    let error = crate::services::errors::amount_error(w, &e);
                    w.t_args("refund-not-made", &[("error", error.into())])
                })?,
        ),
        None => None,
    };
    Ok(StoreRequest::Refund {
        receipt: receipt.to_string(),
        amount,
        cashier: staffing.signed_in.clone(),
        owner_pin: owner_pin.clone(),
        limit: shop.owner_pin_above,
    })
}
