//! The customer's pages: mobile-first, one small HTML document each, no scripts, no outside
//! requests. maud escapes every value written into a page, so a comment full of `<script>` is
//! shown as text.

use super::{AppState, Failure};
use crate::domain::code::{CustomerCode, ReferralCode};
use crate::domain::support::{ContactVia, Problem, STARS, Status};
use crate::store::{NewCustomer, NewTicket, VisitPage};
use axum::{
    Form,
    extract::{Path, Query, State},
    http::{HeaderMap, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde::Deserialize;

const CSS: &str = "\
*{box-sizing:border-box}body{margin:0;font:17px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;\
background:#f6f3ee;color:#222}main{max-width:34rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin:0 0 .6rem}\
section{background:#fff;border-radius:12px;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 3px #0002}\
.shop{color:#7a5c3e;font-weight:600;letter-spacing:.02em}.big{font-size:2rem;font-weight:700}\
.muted{color:#666;font-size:.9rem}.ok{background:#e6f4ea;border-left:5px solid #2e7d32}\
.warn{background:#fdecea;border-left:5px solid #c62828}\
label{display:block;margin:.5rem 0 .2rem;font-weight:600}\
input[type=text],input[type=tel],input[type=email],textarea,select{width:100%;font:inherit;padding:.6rem;\
border:1px solid #bbb;border-radius:8px;background:#fff}textarea{min-height:5rem}\
button{font:inherit;font-weight:700;padding:.75rem 1.2rem;min-height:48px;border:0;border-radius:10px;\
background:#3b2a1a;color:#fff;width:100%;margin-top:.8rem}button.alt{background:#e8e0d6;color:#3b2a1a}\
.stars{display:flex;gap:.3rem;flex-direction:row-reverse;justify-content:flex-end}\
.stars input{position:absolute;opacity:0}.stars label{font-size:2.2rem;margin:0;color:#ccc;cursor:pointer;\
font-weight:400;padding:0 .1rem}.stars input:checked~label,.stars label:hover,.stars label:hover~label{color:#e0a100}\
.stars input:focus-visible+label{outline:2px solid #3b2a1a}\
.choices label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.3rem 0}\
.qr{display:block;width:60%;max-width:220px;margin:.5rem auto;background:#fff}\
.code{text-align:center;font:700 1.3rem ui-monospace,monospace;letter-spacing:.1em}\
ul{padding-left:1.2rem;margin:.3rem 0}summary{cursor:pointer;font-weight:600;padding:.4rem 0}.ticket{border-top:1px solid #eee;padding-top:.6rem;margin-top:.6rem}";

/// A whole page around `body`.
fn page(title: &str, body: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width,initial-scale=1";
                    meta name="robots" content="noindex";
                    title { (title) }
                    style { (PreEscaped(CSS)) }
                }
                body { main { (body) } }
            }
        }
        .into_string(),
    )
}

/// A page that only says something (errors, limits).
pub(crate) fn message_page(title: &str, message: &str) -> Html<String> {
    page(title, html! { section { h1 { (title) } p { (message) } } })
}

/// A code as an inline SVG QR code (scans at the counter like a card). One path of
/// horizontal runs in module units, so a member QR costs about 1.5 KB of the page.
fn qr_svg(data: &str) -> Markup {
    use qrcode::{Color, EcLevel, QrCode};
    let Ok(code) = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) else {
        return html! {};
    };
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let mut path = String::with_capacity(width * width);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + quiet,
                    y + quiet,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let size = width + 2 * quiet;
    html! {
        svg.qr xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (size) " " (size) }
            role="img" aria-label={ "QR code: " (data) } shape-rendering="crispEdges" {
            rect width=(size) height=(size) fill="#fff" {}
            path d=(path) fill="#000" {}
        }
    }
}

fn when(ts: i64) -> String {
    crate::clock::local_time(ts)
}

pub(crate) async fn home(State(state): State<AppState>) -> Html<String> {
    let s = &state.settings;
    page(
        &s.shop_name,
        html! {
            section {
                p.shop { (s.shop_name) }
                h1 { "Loyalty rewards" }
                p { "Scan the QR code on your receipt to see your points, rate your visit or ask for help with a purchase." }
            }
        },
    )
}

/// Verifies a receipt token: any failure is the same 404 as an unknown visit.
fn visit_id(state: &AppState, token: &str) -> Result<(i64, String), Failure> {
    let token = token.trim().to_ascii_uppercase();
    state
        .settings
        .secret
        .verify(&token)
        .map(|id| (id, token))
        .ok_or(Failure::NotFound)
}

/// Rejects a form that did not come from a page this shop served for `scope` (anti-forgery
/// token), or that a browser says came from another site.
fn check_form(
    state: &AppState,
    headers: &HeaderMap,
    scope: &str,
    token: Option<&str>,
) -> Result<(), Failure> {
    if let (Some(origin), Some(host)) = (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        let origin_host = origin.split("://").nth(1).unwrap_or(origin);
        if origin != "null" && origin_host != host {
            return Err(Failure::Forbidden);
        }
    }
    let ok = token.is_some_and(|t| {
        state
            .settings
            .secret
            .check_form_token(scope, t, state.now())
    });
    if ok { Ok(()) } else { Err(Failure::Forbidden) }
}

#[derive(Deserialize, Default)]
pub(crate) struct Flash {
    done: Option<String>,
}

pub(crate) async fn visit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(flash): Query<Flash>,
) -> Result<Response, Failure> {
    let (id, token) = visit_id(&state, &token)?;
    let view = state
        .with_store(move |store, now| store.read(|tx| tx.visit_page(id, now)))
        .await?
        .ok_or(Failure::NotFound)?;
    let form = state.settings.secret.form_token(&token, state.now());
    Ok(visit_page(&state, &token, &form, &view, flash.done.as_deref()).into_response())
}

fn visit_page(
    state: &AppState,
    token: &str,
    form: &str,
    v: &VisitPage,
    done: Option<&str>,
) -> Html<String> {
    let s = &state.settings;
    let money = |m: i64| format!("{} {}", s.currency.format(m), s.currency);
    let base = format!("/r/{token}");
    let flash = match done {
        Some("rated") => Some("Thank you! Your rating is saved."),
        Some("rated-low") => Some(
            "Thank you for telling us. We are sorry it was not better: someone from the shop will follow up.",
        ),
        Some("help") => {
            Some("Your request is with the shop. You will hear back the way you chose.")
        }
        Some("claimed") => Some("Done: the points are on your card."),
        Some("confirmed") => Some("Thank you for confirming. We are glad it is sorted."),
        Some("reopened") => Some("We have reopened your request and will be in touch."),
        _ => None,
    };
    let stars_now = v.rating.as_ref().map(|r| r.stars);
    page(
        &format!("Your visit to {}", s.shop_name),
        html! {
            @if let Some(msg) = flash {
                section.ok role="status" { p { (msg) } }
            }
            section {
                p.shop { (s.shop_name) }
                @if let Some(m) = v.member.as_ref().filter(|m| !m.first_name.is_empty()) {
                    h1 { "Hi " (m.first_name) "!" }
                } @else {
                    h1 { "Thanks for your visit" }
                }
                p { "Visit on " (when(v.at)) " · receipt " (v.receipt) }
                p.big { (money(v.amount)) }
                @if v.refunded > 0 {
                    p.muted { (money(v.refunded)) " refunded" }
                }
                @if let Some(m) = &v.member {
                    p { "You earned " strong { (v.points_earned) " points" } " on this visit." }
                    p { "Balance: " strong { (m.balance) " points" } }
                    @for line in &m.progress { p { (line) } }
                    @if !m.rewards_available.is_empty() {
                        p { "Ready for you now:" }
                        ul { @for r in &m.rewards_available { li { (r) } } }
                    }
                }
            }
            @if v.member.is_none() {
                section {
                    h2 { "Claim points" }
                    @if let Some(points) = v.claimable_points {
                        p { "This receipt earns " strong { (points) " points" } ". Add them to your card with your phone number or email; if you are new, add your first name and you are in." }
                        form method="post" action={ (base) "/claim" } {
                            input type="hidden" name="form" value=(form);
                            label for="contact" { "Phone number or email" }
                            input type="text" id="contact" name="contact" autocomplete="tel" required maxlength="200";
                            label for="name" { "First name (only if you are new)" }
                            input type="text" id="name" name="name" autocomplete="given-name" maxlength="100";
                            button type="submit" { "Claim " (points) " points" }
                        }
                    } @else if let Some(why) = &v.claim_closed {
                        p.muted { (why) }
                    }
                }
            }
            section {
                h2 { "Rate this visit" }
                @if let Some(r) = &v.rating {
                    p { "You rated it " (r.stars) " out of 5." }
                    @if let Some(c) = &r.comment { p.muted { "“" (c) "”" } }
                }
                @if v.rating_open {
                    form method="post" action={ (base) "/rating" } {
                        input type="hidden" name="form" value=(form);
                        fieldset style="border:0;padding:0;margin:0" {
                            legend { "How was it? (1 to 5 stars)" }
                            div.stars {
                                @for n in STARS.rev() {
                                    input type="radio" id={ "star" (n) } name="stars" value=(n) checked[stars_now == Some(n)] required;
                                    @let words = if n == 1 { "1 star".to_string() } else { format!("{n} stars") };
                                    label for={ "star" (n) } title=(words) { "★" span style="position:absolute;left:-9999px" { (words) } }
                                }
                            }
                        }
                        label for="comment" { "Anything to add? (optional)" }
                        textarea id="comment" name="comment" maxlength="2000" {}
                        button type="submit" { @if v.rating.is_some() { "Change my rating" } @else { "Send rating" } }
                    }
                } @else {
                    p.muted { "Ratings can be changed for 7 days." }
                }
            }
            section {
                h2 { "Help with this purchase" }
                @for t in &v.tickets {
                    div.ticket {
                        p { strong { "Request #" (t.id) } ": " (t.summary) }
                        p.muted { "Status: " (t.status.label()) }
                        @if t.status == Status::Resolved {
                            p { "The shop marked this as sorted. Is it?" }
                            form method="post" action={ (base) "/ticket/" (t.id) "/confirm" } {
                                input type="hidden" name="form" value=(form);
                                button type="submit" { "Yes, it is sorted" }
                            }
                            form method="post" action={ (base) "/ticket/" (t.id) "/reopen" } {
                                input type="hidden" name="form" value=(form);
                                button.alt type="submit" { "No, there is still a problem" }
                            }
                        }
                    }
                }
                details {
                summary { @if v.tickets.is_empty() { "Something not right? Tell us" } @else { "Ask about something else" } }
                form method="post" action={ (base) "/help" } {
                    input type="hidden" name="form" value=(form);
                    fieldset.choices style="border:0;padding:0;margin:0" {
                        legend { "What went wrong?" }
                        @for p in Problem::ALL {
                            label { input type="radio" name="problem" value=(p.as_str()) required; (p.label()) }
                        }
                    }
                    label for="details" { "Tell us more" }
                    textarea id="details" name="details" maxlength="2000" required {}
                    fieldset.choices style="border:0;padding:0;margin:0" {
                        legend { "How should we get back to you?" }
                        @for c in ContactVia::ALL {
                            label { input type="radio" name="contact_via" value=(c.as_str()) required; (c.label()) }
                        }
                    }
                    label for="help-contact" {
                        @if v.member.is_some() { "Phone or email (leave empty to use the one on your card)" }
                        @else { "Phone or email" }
                    }
                    input type="text" id="help-contact" name="contact" maxlength="200";
                    button type="submit" { "Ask for help" }
                }
                }
            }
            @if let Some(m) = &v.member {
                section {
                    h2 { "Your card" }
                    p { "Show this at the counter next time: your phone is your loyalty card." }
                    (qr_svg(&m.code))
                    p.code { (m.code) }
                }
                section {
                    h2 { "Invite a friend" }
                    @let link = format!("{}/join/{}", s.public_url.trim_end_matches('/'), m.referral_code);
                    @if s.referral_bonus.0 > 0 || s.referral_bonus.1 > 0 {
                        p { "You get " (s.referral_bonus.0) " points and your friend gets " (s.referral_bonus.1) " after their first visit." }
                    }
                    p { "Share this link: " a href=(link) { (link) } }
                }
            }
        },
    )
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
) -> Result<Response, Failure> {
    let (id, token) = visit_id(&state, &token)?;
    check_form(&state, &headers, &token, f.form.as_deref())?;
    let stars: i64 = f
        .stars
        .as_deref()
        .and_then(|s| s.trim().parse().ok())
        .filter(|s| STARS.contains(s))
        .ok_or_else(|| Failure::Input("Pick 1 to 5 stars, then send the rating.".into()))?;
    let comment = f.comment.unwrap_or_default();
    let rated = state
        .with_store(move |store, now| store.write(|tx| tx.rate_visit(id, stars, &comment, now)))
        .await?;
    let done = if rated.ticket_id.is_some() {
        "rated-low"
    } else {
        "rated"
    };
    Ok(Redirect::to(&format!("/r/{token}?done={done}")).into_response())
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
) -> Result<Response, Failure> {
    let (id, token) = visit_id(&state, &token)?;
    check_form(&state, &headers, &token, f.form.as_deref())?;
    let problem = f
        .problem
        .as_deref()
        .and_then(Problem::parse)
        .ok_or_else(|| Failure::Input("Choose what went wrong, then send it again.".into()))?;
    let contact_via = f
        .contact_via
        .as_deref()
        .and_then(ContactVia::parse)
        .ok_or_else(|| Failure::Input("Choose how the shop should get back to you.".into()))?;
    let details = f.details.unwrap_or_default();
    let contact = f.contact.filter(|c| !c.trim().is_empty());
    state
        .with_store(move |store, now| {
            store.write(|tx| {
                let visit = tx.visit(id)?.ok_or(crate::store::StoreError::NoSuchVisit(id))?;
                if visit.customer.is_none()
                    && contact.is_none()
                    && contact_via != ContactVia::InStore
                {
                    return Err(crate::store::StoreError::Invalid(
                        "Add a phone number or email so the shop can reach you (or choose “Next time I'm in the shop”)."
                            .into(),
                    ));
                }
                let summary = if details.trim().is_empty() {
                    problem.label().to_string()
                } else {
                    format!("{}: {}", problem.label(), details.trim())
                };
                tx.open_ticket(&NewTicket {
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
}

#[derive(Deserialize, Default)]
pub(crate) struct ClaimForm {
    form: Option<String>,
    contact: Option<String>,
    name: Option<String>,
}

pub(crate) async fn claim(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ClaimForm>,
) -> Result<Response, Failure> {
    let (id, token) = visit_id(&state, &token)?;
    check_form(&state, &headers, &token, f.form.as_deref())?;
    let contact = f.contact.unwrap_or_default();
    let name = f.name.unwrap_or_default();
    state
        .with_store(move |store, now| {
            store.write(|tx| tx.claim_visit(id, &name, &contact, now, &mut || rand::random()))
        })
        .await?;
    Ok(Redirect::to(&format!("/r/{token}?done=claimed")).into_response())
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
) -> Result<Response, Failure> {
    let (id, token) = visit_id(&state, &token)?;
    check_form(&state, &headers, &token, f.form.as_deref())?;
    let (to, done) = match action.as_str() {
        "confirm" => (Status::Confirmed, "confirmed"),
        "reopen" => (Status::Open, "reopened"),
        _ => return Err(Failure::NotFound),
    };
    state
        .with_store(move |store, now| {
            store.write(|tx| {
                let note = (to == Status::Open).then_some("The customer says it is not sorted yet");
                tx.set_ticket_status(ticket, to, note, Some("customer"), Some(id), now)
            })
        })
        .await
        .map_err(|e| match e {
            Failure::Store(crate::store::StoreError::NoSuchTicket(_)) => Failure::NotFound,
            other => other,
        })?;
    Ok(Redirect::to(&format!("/r/{token}?done={done}")).into_response())
}

fn referral_code(text: &str) -> Result<String, Failure> {
    ReferralCode::parse(text)
        .map(|c| c.to_string())
        .map_err(|_| Failure::NotFound)
}

pub(crate) async fn join(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, Failure> {
    let code = referral_code(&code)?;
    let c = code.clone();
    let friend = state
        .with_store(move |store, _| store.read(|tx| tx.referrer_first_name(&c)))
        .await
        .map_err(|_| Failure::NotFound)?;
    let form = state.settings.secret.form_token(&code, state.now());
    let s = &state.settings;
    Ok(page(
        &format!("Join {}", s.shop_name),
        html! {
            section {
                p.shop { (s.shop_name) }
                h1 { (friend) " invited you" }
                @if s.referral_bonus.1 > 0 {
                    p { "Join our loyalty rewards and get " strong { (s.referral_bonus.1) " points" } " after your first purchase (and " (friend) " gets " (s.referral_bonus.0) " too)." }
                } @else {
                    p { "Join our loyalty rewards: points on every visit." }
                }
                form method="post" action={ "/join/" (code) } {
                    input type="hidden" name="form" value=(form);
                    label for="name" { "First name" }
                    input type="text" id="name" name="name" autocomplete="given-name" required maxlength="100";
                    label for="contact" { "Phone number or email" }
                    input type="text" id="contact" name="contact" autocomplete="tel" required maxlength="200";
                    button type="submit" { "Join" }
                }
            }
            section {
                h2 { "Or join at the counter" }
                p { "Show this code to the cashier:" }
                (qr_svg(&code))
                p.code { (code) }
            }
        },
    )
    .into_response())
}

#[derive(Deserialize, Default)]
pub(crate) struct JoinForm {
    form: Option<String>,
    name: Option<String>,
    contact: Option<String>,
}

pub(crate) async fn join_post(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(f): Form<JoinForm>,
) -> Result<Response, Failure> {
    let code = referral_code(&code)?;
    check_form(&state, &headers, &code, f.form.as_deref())?;
    let contact = f.contact.unwrap_or_default();
    let contact = contact.trim().to_string();
    if contact.is_empty() {
        return Err(Failure::Input(
            "Add your phone number or email, then join.".into(),
        ));
    }
    let new = NewCustomer {
        name: f.name.unwrap_or_default(),
        phone: (!contact.contains('@')).then(|| contact.clone()),
        email: contact.contains('@').then(|| contact.clone()),
        referred_by: Some(code),
    };
    let enrolled = state
        .with_store(move |store, now| store.enroll(&new, now, &mut || rand::random()))
        .await
        .map_err(|e| match e {
            // Say nothing about whose number it is: the page is public.
            Failure::Store(
                crate::store::StoreError::DuplicatePhone { .. }
                | crate::store::StoreError::DuplicateEmail { .. },
            ) => Failure::Input(
                "That phone number or email already has a card. Ask at the counter and we will find it."
                    .into(),
            ),
            other => other,
        })?;
    let s = &state.settings;
    let code = CustomerCode::parse(&enrolled.code)
        .map(|c| c.to_string())
        .unwrap_or(enrolled.code.clone());
    Ok(page(
        &format!("Welcome to {}", s.shop_name),
        html! {
            section.ok role="status" {
                h1 { "Welcome, " (crate::domain::support::first_name(&enrolled.name)) "!" }
                p { "You are a member. Show this code at the counter on your first visit." }
            }
            section {
                (qr_svg(&code))
                p.code { (code) }
                p.muted { "Take a screenshot: this is your loyalty card." }
            }
        },
    )
    .into_response())
}
