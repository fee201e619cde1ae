//! The forms of a visit's page: rating, asking for help, claiming points, answering a
//! resolved ticket, and the language the member reads. Each checks the anti-forgery token,
//! calls one store operation, and redirects back to the page with what was done.

use super::language::PageLanguage;
use super::pages::{check_form, visit_id, visitor_language};
use super::{AppState, Failure};
use crate::domain::support::{ContactVia, Problem, STARS, Status};
use crate::i18n::catalog;
use crate::store::NewTicket;
use axum::{
    Form,
    extract::{Path, State},
    http::HeaderMap,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

/// Runs a form's work; a failure is shown as a page in the visitor's language.
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    work: impl Future<Output = Result<Response, Failure>>,
) -> Response {
    match work.await {
        Ok(r) => r,
        Err(f) => f.page(&visitor_language(state, headers)),
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct RatingForm {
    form: Option<String>,
    stars: Option<String>,
    comment: Option<String>,
}

pub(crate) async fn rate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<RatingForm>,
) -> Response {
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let stars: i64 = f
            .stars
            .as_deref()
            .and_then(|s| s.trim().parse().ok())
            .filter(|s| STARS.contains(s))
            .ok_or(Failure::Input("error-pick-stars"))?;
        let comment = f.comment.unwrap_or_default();
        let rated = state
            .with_store(move |store, now| {
                store.write(|tx| tx.support().rate_visit(id, stars, &comment, now))
            })
            .await?;
        let done = if rated.ticket_id.is_some() {
            "rated-low"
        } else {
            "rated"
        };
        Ok(Redirect::to(&format!("/r/{token}?done={done}")).into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct HelpForm {
    form: Option<String>,
    problem: Option<String>,
    details: Option<String>,
    contact_via: Option<String>,
    contact: Option<String>,
}

pub(crate) async fn help(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<HelpForm>,
) -> Response {
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let problem = f
            .problem
            .as_deref()
            .and_then(Problem::parse)
            .ok_or(Failure::Input("error-pick-problem"))?;
        let contact_via = f
            .contact_via
            .as_deref()
            .and_then(ContactVia::parse)
            .ok_or(Failure::Input("error-pick-contact-via"))?;
        let details = f.details.unwrap_or_default();
        let contact = f.contact.filter(|c| !c.trim().is_empty());
        let anonymous = state
            .with_store(move |store, _| {
                store.read(|tx| {
                    let v = tx
                        .counter()
                        .visit(id)?
                        .ok_or(crate::store::StoreError::NoSuchVisit(id))?;
                    Ok(v.customer.is_none())
                })
            })
            .await?;
        if anonymous && contact.is_none() && contact_via != ContactVia::InStore {
            return Err(Failure::Input("error-need-contact"));
        }
        state
            .with_store(move |store, now| {
                store.write(|tx| {
                    // The summary is for staff: in the shop's words for the problem.
                    let summary = if details.trim().is_empty() {
                        problem.label().to_string()
                    } else {
                        format!("{}: {}", problem.label(), details.trim())
                    };
                    tx.support().open_ticket(&NewTicket {
                        customer: None,
                        visit_id: Some(id),
                        channel: crate::domain::support::Channel::Portal,
                        problem: Some(problem),
                        summary,
                        contact_via: Some(contact_via),
                        contact,
                        severity: None,
                        at: now,
                        actor: None,
                        key: None,
                    })
                })
            })
            .await?;
        Ok(Redirect::to(&format!("/r/{token}?done=help")).into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct ClaimForm {
    form: Option<String>,
    contact: Option<String>,
    name: Option<String>,
    /// The language the page was in: a new member's language.
    language: Option<String>,
}

pub(crate) async fn claim(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ClaimForm>,
) -> Response {
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let contact = f.contact.unwrap_or_default();
        if contact.trim().is_empty() {
            return Err(Failure::Input("error-claim-contact"));
        }
        let name = f.name.unwrap_or_default();
        let language = catalog().shipped(f.language.as_deref()).map(str::to_string);
        state
            .with_store(move |store, now| {
                store.write(|tx| {
                    let claimed =
                        tx.support()
                            .claim_visit(id, &name, &contact, now, &mut || rand::random())?;
                    if let Some(l) = &language
                        && claimed.enrolled
                    {
                        tx.people().set_customer_language(&claimed.code, Some(l))?;
                    }
                    Ok(claimed)
                })
            })
            .await?;
        Ok(Redirect::to(&format!("/r/{token}?done=claimed")).into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct TokenOnly {
    form: Option<String>,
}

pub(crate) async fn ticket_answer(
    State(state): State<AppState>,
    Path((token, ticket, action)): Path<(String, i64, String)>,
    headers: HeaderMap,
    Form(f): Form<TokenOnly>,
) -> Response {
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let (to, done) = match action.as_str() {
            "confirm" => (Status::Confirmed, "confirmed"),
            "reopen" => (Status::Open, "reopened"),
            _ => return Err(Failure::NotFound),
        };
        state
            .with_store(move |store, now| {
                store.write(|tx| {
                    let note =
                        (to == Status::Open).then_some("The customer says it is not sorted yet");
                    tx.support().set_ticket_status(
                        ticket,
                        to,
                        note,
                        Some("customer"),
                        Some(id),
                        now,
                    )
                })
            })
            .await
            .map_err(|e| match e {
                Failure::Store(crate::store::StoreError::NoSuchTicket(_)) => Failure::NotFound,
                other => other,
            })?;
        Ok(Redirect::to(&format!("/r/{token}?done={done}")).into_response())
    })
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct LanguageForm {
    form: Option<String>,
    language: Option<String>,
}

/// A member picks the language the shop writes to them in (and their pages use).
pub(crate) async fn set_language(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<LanguageForm>,
) -> Response {
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let tag = catalog()
            .shipped(f.language.as_deref())
            .ok_or(Failure::NotFound)?;
        state
            .with_store(move |store, _| {
                store.write(|tx| {
                    let v = tx
                        .counter()
                        .visit(id)?
                        .ok_or(crate::store::StoreError::NoSuchVisit(id))?;
                    let code = v
                        .customer
                        .ok_or(crate::store::StoreError::NoSuchVisit(id))?;
                    tx.people().set_customer_language(&code, Some(tag))
                })
            })
            .await?;
        // The page follows at once: the choice also goes in the cookie.
        let w = PageLanguage::resolve(&headers, Some(tag), None, &state.settings.language);
        Ok(w.finish(Redirect::to(&format!("/r/{token}?done=language")).into_response()))
    })
    .await
}

#[derive(Deserialize, Default)]
pub(crate) struct MessagesForm {
    form: Option<String>,
    /// The language the page was shown in (the words of the boxes).
    shown: Option<String>,
    email: Option<String>,
    sms: Option<String>,
    birthday: Option<String>,
}

/// A member chooses reward news and offers by email and by SMS (a ticked box is consent
/// given on this page, with the box's words; an unticked one that was on is withdrawn), and
/// may give their birthday.
pub(crate) async fn set_messages(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<MessagesForm>,
) -> Response {
    use crate::domain::messages::Channel;
    use crate::store::{ConsentSource, NewConsent, StoreError};
    answer(&state, &headers, async {
        let (id, token) = visit_id(&state, &token).await?;
        check_form(&state, &headers, &token, f.form.as_deref())?;
        let birthday = match f.birthday.as_deref().map(str::trim) {
            Some(b) if !b.is_empty() => Some(
                crate::domain::contact::birthday_text(b).ok_or(Failure::Input("error-birthday"))?,
            ),
            _ => None,
        };
        let tag = catalog()
            .shipped(f.shown.as_deref())
            .unwrap_or(&state.settings.language)
            .to_string();
        let shop = state.settings.shop_name.clone();
        let wanted = [
            (Channel::Email, f.email.is_some()),
            (Channel::Sms, f.sms.is_some()),
        ];
        state
            .with_store(move |store, now| {
                store.write(|tx| {
                    let v = tx.counter().visit(id)?.ok_or(StoreError::NoSuchVisit(id))?;
                    let code = v.customer.ok_or(StoreError::NoSuchVisit(id))?;
                    let customer = tx.people().customer(&code)?.id();
                    let member = tx.messages().message_choices(customer)?;
                    let now_on = [member.email, member.sms];
                    for ((channel, want), on) in wanted.into_iter().zip(now_on) {
                        // Only a channel the shop has an address for, and only a change.
                        let Some(on) = on else { continue };
                        if on == want {
                            continue;
                        }
                        let words =
                            crate::services::messages::standard_consent(channel, &tag, &shop);
                        tx.messages().record_consent(
                            customer,
                            &NewConsent {
                                channel,
                                given: want,
                                source: ConsentSource::Page,
                                wording: &words.wording,
                                language: Some(&words.language),
                                actor: None,
                                at: now,
                            },
                        )?;
                    }
                    if let Some(b) = &birthday
                        && !member.has_birthday
                    {
                        tx.loyalty().set_birthday(&code, Some(b), "page", now)?;
                    }
                    Ok(())
                })
            })
            .await?;
        Ok(Redirect::to(&format!("/r/{token}?done=messages")).into_response())
    })
    .await
}
