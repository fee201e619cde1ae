//! The customer's pages: mobile-first, one small HTML document each, no scripts, no outside
//! requests (their building blocks are in `html.rs`): the home page, a receipt's page, and the
//! checks every visit's request and form goes through.

use super::cache::Variant;
use super::html::{frame, page, qr_svg, rich};
use super::language::PageLanguage;
use super::{AppState, Failure};
use crate::domain::support::{ContactVia, Problem, STARS, Status};
use crate::domain::token::read_receipt_code;
use crate::i18n::{Language, catalog};
use crate::store::{ClaimClosed, PageStamp, VisitPage};
use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use maud::{Markup, html};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize, Default)]
pub(crate) struct Asked {
    lang: Option<String>,
    done: Option<String>,
}

pub(crate) async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    let s = &state.settings;
    let w = PageLanguage::resolve(&headers, q.lang.as_deref(), None, &s.language);
    let html = page(
        &w,
        &s.shop_name,
        html! {
            section {
                p.shop { (s.shop_name) }
                h1 { (w.t("portal-loyalty")) }
                p { (w.t("portal-home-hint")) }
            }
            section {
                form method="get" action="/c" {
                    label for="code" { (w.t("portal-code-label")) }
                    input #code name="code" type="text" autocomplete="off"
                        autocapitalize="characters" spellcheck="false" maxlength="16"
                        placeholder="7KQ2M-XR4TP" required;
                    button type="submit" { (w.t("portal-code-open")) }
                }
            }
        },
    );
    w.finish(html.into_response())
}

#[derive(Deserialize, Default)]
pub(crate) struct Typed {
    code: Option<String>,
}

/// The front page's field (`/c?code=…`): on to the code's own address.
pub(crate) async fn code_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Typed>,
) -> Response {
    match q.code.as_deref().and_then(read_receipt_code) {
        Some(code) => Redirect::to(&format!("/c/{code}")).into_response(),
        None => {
            let w = PageLanguage::resolve(&headers, None, None, &state.settings.language);
            Failure::NotFound.page(&w)
        }
    }
}

/// `/c/{code}`: the receipt with this code typed from under its QR, at its page. A code that
/// cannot be one is turned away before any lookup; one that is not a receipt's gets the same
/// page as a forged link.
pub(crate) async fn by_code(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let secret = state.settings.secret.clone();
    let token = match read_receipt_code(&code) {
        Some(code) => {
            state
                .with_store_quick(move |store, _| {
                    store.read(|tx| match tx.counter().visit_by_code(&code)? {
                        Some(id) => tx.counter().receipt_token(id, &secret).map(Some),
                        None => Ok(None),
                    })
                })
                .await
        }
        None => Ok(None),
    };
    match token {
        Ok(Some(token)) => Redirect::to(&format!("/r/{token}")).into_response(),
        Ok(None) => {
            let w = PageLanguage::resolve(&headers, None, None, &state.settings.language);
            Failure::NotFound.page(&w)
        }
        Err(f) => {
            let w = PageLanguage::resolve(&headers, None, None, &state.settings.language);
            f.page(&w)
        }
    }
}

/// Verifies a receipt token (this shop's, or on a chain's till any shop's of the chain): any
/// failure is the same 404 as an unknown visit.
pub(crate) async fn visit_id(state: &AppState, token: &str) -> Result<(i64, String), Failure> {
    let (stamp, token) = visit_stamp(state, token).await?;
    Ok((stamp.visit_id, token))
}

/// Verifies a receipt token as [`visit_id`] does and reads its page's change counters in the
/// same read (a few indexed lookups: on the request's own thread at a till, on a blocking
/// thread at a page server).
async fn visit_stamp(state: &AppState, token: &str) -> Result<(PageStamp, String), Failure> {
    let token = normal_token(token).ok_or(Failure::NotFound)?;
    let look = || {
        let secret = state.settings.secret.clone();
        let asked = token.clone();
        let read = move |store: &mut crate::store::Store, _| match store
            .page_stamp_for_token(&asked, &secret)?
        {
            Some(stamp) => Ok(Ok(stamp)),
            None => store.read(|tx| tx.counter().token_awaited(&asked)).map(Err),
        };
        async move {
            // A page server serves its kept pages without reading; what it reads (a page not
            // kept, or one to check after a commit) may be on disk in a chain's database
            // larger than memory, so it waits on a blocking thread, not on the thread that
            // answers everyone else.
            if state.settings.watch_commits {
                state.with_store(read).await
            } else {
                state.with_store_quick(read).await
            }
        }
    };
    let mut stamp = look().await?;
    // A page server asked for a receipt the chain signed but it has not seen: it looks in the
    // central store once before answering (within a second and a half).
    if let (Err(true), Some(catch_up)) = (&stamp, &state.settings.catch_up) {
        let catch_up = catch_up.clone();
        let fetched = tokio::task::spawn_blocking(move || catch_up());
        if tokio::time::timeout(std::time::Duration::from_millis(1500), fetched)
            .await
            .is_ok()
        {
            stamp = look().await?;
        }
    }
    match stamp {
        Ok(stamp) => Ok((stamp, token)),
        Err(true) => Err(Failure::OnItsWay),
        Err(false) => Err(Failure::NotFound),
    }
}

/// A receipt token as the store keeps it (QR codes carry it in capitals), if it has a
/// token's shape.
fn normal_token(token: &str) -> Option<String> {
    let token = token.trim().to_ascii_uppercase();
    (token.len() == 24 && token.is_ascii()).then_some(token)
}

/// Rejects a form that did not come from a page this shop served for `scope` (anti-forgery
/// token), or that a browser says came from another site.
pub(crate) fn check_form(
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

/// The language for a request about a visit whose page is not read yet (a form, an error).
pub(crate) fn visitor_language(state: &AppState, headers: &HeaderMap) -> PageLanguage {
    PageLanguage::resolve(headers, None, None, &state.settings.language)
}

/// A receipt's page: from the page cache while the visit's and member's change counters
/// stand still (see `cache.rs`; at a page server, while nothing was committed since they were
/// last read), else read and rendered, and kept.
pub(crate) async fn visit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    // Read before anything of the store: a page found to hold now holds while it stands.
    let count = crate::store::commits();
    let unchanged = state
        .settings
        .watch_commits
        .then(|| normal_token(&token))
        .flatten()
        .and_then(|t| Some((state.pages.unchanged(&t, state.now(), count)?, t)));
    let found = async {
        if let Some((kept, token)) = unchanged {
            return Ok((token, kept.stamp, kept.view.clone(), Some(kept)));
        }
        let (stamp, token) = visit_stamp(&state, &token).await?;
        let kept = state.pages.get(&stamp, state.now(), count);
        let (stamp, view) = match &kept {
            Some(k) => (k.stamp, k.view.clone()),
            None => {
                let id = stamp.visit_id;
                // With a chat app set up, a member's page carries codes to link a chat.
                let secret = crate::services::chats::any(&state.settings.chats)
                    .then(|| state.settings.secret.clone());
                let (stamp, view) = state
                    .with_store(move |store, now| {
                        store.read(|tx| {
                            let mut page = tx.support().visit_page(id, now)?;
                            if let (Some(secret), Some(m)) =
                                (&secret, page.as_mut().and_then(|p| p.member.as_mut()))
                            {
                                m.chat_codes = tx.counter().chat_link_codes(&m.code, secret)?;
                            }
                            Ok(tx.support().page_stamp(id)?.zip(page))
                        })
                    })
                    .await?
                    .ok_or(Failure::NotFound)?;
                (stamp, Arc::new(view))
            }
        };
        Ok::<_, Failure>((token, stamp, view, kept))
    }
    .await;
    let member_language = found
        .as_ref()
        .ok()
        .and_then(|(_, _, v, _)| v.member.as_ref()?.language.clone());
    let w = PageLanguage::resolve(
        &headers,
        q.lang.as_deref(),
        member_language.as_deref(),
        &state.settings.language,
    );
    let response = match found {
        Ok((token, stamp, view, kept)) => {
            let variant = Variant {
                language: w.words.tag(),
                done: q.done.as_deref().and_then(flash_id),
            };
            let rendered = match kept.and_then(|k| k.rendered(&token, variant)) {
                Some(r) => {
                    state.pages.hit();
                    r
                }
                None => {
                    let mark = state.pages.mark();
                    let body = visit_body(&state, &w, &token, mark, &view, variant.done);
                    let frame = visit_frame(&state, &w, &view);
                    state.pages.keep(
                        count,
                        stamp,
                        view,
                        &token,
                        variant,
                        frame,
                        &body.into_string(),
                    )
                }
            };
            let form = state.settings.secret.form_token(&token, state.now());
            Html(rendered.with_token(&form)).into_response()
        }
        Err(f) => f.page(&w),
    };
    w.finish(response)
}

/// The message id of what the page says after a form was sent (`?done=`).
fn flash_id(done: &str) -> Option<&'static str> {
    Some(match done {
        "rated" => "portal-done-rated",
        "rated-low" => "portal-done-rated-low",
        "help" => "portal-done-help",
        "claimed" => "portal-done-claimed",
        "confirmed" => "portal-done-confirmed",
        "reopened" => "portal-done-reopened",
        "language" => "portal-done-language",
        "messages" => "portal-done-messages",
        _ => return None,
    })
}

/// The shop a visit's page names: the one that printed the receipt (another of the chain's,
/// at a page server), else this one.
fn shop_of<'a>(state: &'a AppState, v: &'a VisitPage) -> &'a str {
    v.shop.as_deref().unwrap_or(&state.settings.shop_name)
}

/// What goes around a visit's page in `w`'s language.
fn visit_frame(state: &AppState, w: &Language, v: &VisitPage) -> Arc<(String, String)> {
    let title = w.t_args("portal-visit-title", &[("shop", shop_of(state, v).into())]);
    frame(w, &title)
}

/// The body of a visit's page, with `form` in its forms.
fn visit_body(
    state: &AppState,
    w: &Language,
    token: &str,
    form: &str,
    v: &VisitPage,
    done: Option<&'static str>,
) -> Markup {
    let s = &state.settings;
    let money = |m: i64| w.amount(m, s.currency);
    let base = format!("/r/{token}");
    let stars_now = v.rating.as_ref().map(|r| r.stars);
    {
        html! {
            @if let Some(id) = done {
                section.ok role="status" { p { (w.t(id)) } }
            }
            section {
                p.shop { (shop_of(state, v)) }
                @if let Some(m) = v.member.as_ref().filter(|m| !m.first_name.is_empty()) {
                    h1 { (w.t_args("portal-hi", &[("name", m.first_name.as_str().into())])) }
                } @else {
                    h1 { (w.t("portal-thanks-visit")) }
                }
                p { (w.t_args("portal-visit-on", &[("when", w.date_time(v.at).into()), ("receipt", v.receipt.as_str().into())])) }
                p.big { (money(v.amount)) }
                @if v.refunded > 0 {
                    p.muted { (w.t_args("portal-refunded", &[("amount", money(v.refunded).into())])) }
                }
                @if let Some(m) = &v.member {
                    p { (rich(w, "portal-earned", &[("points", v.points_earned)])) }
                    p { (rich(w, "portal-balance", &[("points", m.balance)])) }
                    @if let Some(t) = &m.tier {
                        @let (here, next) = w.tier(t);
                        p { strong { (here) } }
                        @if let Some(next) = next { p { (next) } }
                    }
                    @for p in &m.progress { p { (w.progress(p.unit, p.remaining, &p.reward_name)) } }
                    @if !m.rewards_available.is_empty() {
                        p { (w.t("portal-ready")) }
                        ul { @for r in &m.rewards_available { li { (r) } } }
                    }
                }
            }
            @if v.member.is_none() {
                (claim_section(w, &base, form, v))
            }
            (rating_section(w, &base, form, v, stars_now))
            (help_section(w, &base, form, v))
            @if let Some(m) = &v.member {
                section {
                    h2 { (w.t("portal-card")) }
                    p { (w.t("portal-card-hint")) }
                    (qr_svg(w, &m.code))
                    p.code { (m.code) }
                    form method="post" action={ (base) "/language" } {
                        input type="hidden" name="form" value=(form);
                        label for="language" { (w.t("portal-card-language")) }
                        select id="language" name="language" {
                            @for l in catalog().all() {
                                @let tag = l.tag();
                                option value=(tag) lang=(tag) selected[m.language.as_deref().unwrap_or(w.tag()) == tag] { (l.native_name) }
                            }
                        }
                        button.alt type="submit" { (w.t("portal-save")) }
                    }
                }
                (messages_section(w, &base, form, shop_of(state, v), m))
                (chats_section(state, w, shop_of(state, v), m))
                section {
                    h2 { (w.t("portal-invite")) }
                    @let link = format!("{}/join/{}", s.public_url.trim_end_matches('/'), m.referral_code);
                    @if s.referral_bonus.0 > 0 || s.referral_bonus.1 > 0 {
                        p { (w.t_args("portal-invite-bonus", &[("referrer", s.referral_bonus.0.into()), ("friend", s.referral_bonus.1.into())])) }
                    }
                    p { (w.t("portal-share")) " " a href=(link) { (link) } }
                }
            }
        }
    }
}

fn claim_section(w: &Language, base: &str, form: &str, v: &VisitPage) -> Markup {
    html! {
        section {
            h2 { (w.t("portal-claim")) }
            @if let Some(points) = v.claimable_points {
                p { (rich(w, "portal-claim-offer", &[("points", points)])) }
                form method="post" action={ (base) "/claim" } {
                    input type="hidden" name="form" value=(form);
                    label for="contact" { (w.t("portal-contact")) }
                    input type="text" id="contact" name="contact" autocomplete="tel" required maxlength="200";
                    label for="name" { (w.t("portal-first-name-new")) }
                    input type="text" id="name" name="name" autocomplete="given-name" maxlength="100";
                    input type="hidden" name="language" value=(w.tag());
                    button type="submit" { (w.t_args("portal-claim-button", &[("points", points.into())])) }
                }
            } @else if let Some(why) = &v.claim_closed {
                p.muted {
                    @match why {
                        ClaimClosed::TooOld { days } => (w.t_args("portal-claim-too-old", &[("days", (*days).into())])),
                        ClaimClosed::Refunded => (w.t("portal-claim-refunded")),
                    }
                }
            }
        }
    }
}

fn rating_section(
    w: &Language,
    base: &str,
    form: &str,
    v: &VisitPage,
    stars_now: Option<i64>,
) -> Markup {
    html! {
        section {
            h2 { (w.t("portal-rate")) }
            @if let Some(r) = &v.rating {
                p { (w.t_args("portal-rated", &[("stars", r.stars.into())])) }
                @if let Some(c) = &r.comment { p.muted { "“" (c) "”" } }
            }
            @if v.rating_open {
                form method="post" action={ (base) "/rating" } {
                    input type="hidden" name="form" value=(form);
                    fieldset style="border:0;padding:0;margin:0" {
                        legend { (w.t("portal-how-was-it")) }
                        div.stars {
                            @for n in STARS.rev() {
                                input type="radio" id={ "star" (n) } name="stars" value=(n) checked[stars_now == Some(n)] required;
                                @let words = w.t_args("portal-stars", &[("stars", n.into())]);
                                label for={ "star" (n) } title=(words) { "★" span style="position:absolute;left:-9999px" { (words) } }
                            }
                        }
                    }
                    label for="comment" { (w.t("portal-comment")) }
                    textarea id="comment" name="comment" maxlength="2000" {}
                    button type="submit" { @if v.rating.is_some() { (w.t("portal-rate-change")) } @else { (w.t("portal-rate-send")) } }
                }
            } @else {
                p.muted { (w.t("portal-rate-closed")) }
            }
        }
    }
}

fn help_section(w: &Language, base: &str, form: &str, v: &VisitPage) -> Markup {
    html! {
        section {
            h2 { (w.t("portal-help")) }
            @for t in &v.tickets {
                div.ticket {
                    p { strong { (w.t_args("portal-request", &[("id", t.id.to_string().into())])) } ": " (t.summary) }
                    p.muted { (w.t_args("portal-status", &[("status", w.t(&format!("status-{}", t.status.as_str())).into())])) }
                    @if t.status == Status::Resolved {
                        p { (w.t("portal-resolved-ask")) }
                        form method="post" action={ (base) "/ticket/" (t.id) "/confirm" } {
                            input type="hidden" name="form" value=(form);
                            button type="submit" { (w.t("portal-resolved-yes")) }
                        }
                        form method="post" action={ (base) "/ticket/" (t.id) "/reopen" } {
                            input type="hidden" name="form" value=(form);
                            button.alt type="submit" { (w.t("portal-resolved-no")) }
                        }
                    }
                }
            }
            details {
                summary { @if v.tickets.is_empty() { (w.t("portal-help-open")) } @else { (w.t("portal-help-more")) } }
                form method="post" action={ (base) "/help" } {
                    input type="hidden" name="form" value=(form);
                    fieldset.choices style="border:0;padding:0;margin:0" {
                        legend { (w.t("portal-what-wrong")) }
                        @for p in Problem::ALL {
                            label { input type="radio" name="problem" value=(p.as_str()) required; (w.t(&format!("problem-{}", p.as_str()))) }
                        }
                    }
                    label for="details" { (w.t("portal-tell-more")) }
                    textarea id="details" name="details" maxlength="2000" required {}
                    fieldset.choices style="border:0;padding:0;margin:0" {
                        legend { (w.t("portal-how-reply")) }
                        @for c in ContactVia::ALL {
                            label { input type="radio" name="contact_via" value=(c.as_str()) required; (w.t(&format!("contact-via-{}", c.as_str()))) }
                        }
                    }
                    label for="help-contact" {
                        @if v.member.is_some() { (w.t("portal-help-contact-member")) }
                        @else { (w.t("portal-help-contact")) }
                    }
                    input type="text" id="help-contact" name="contact" maxlength="200";
                    button type="submit" { (w.t("portal-help-send")) }
                }
            }
        }
    }
}

/// The messaging apps the shop answers on, each a button that opens a chat with the shop
/// carrying a one-time code that ties it to this card; the words agreed to by linking are
/// shown beside it (and kept with the consent). Nothing without an app set up.
fn chats_section(state: &AppState, w: &Language, shop: &str, m: &crate::store::Member) -> Markup {
    let s = &state.settings;
    let buttons =
        crate::services::chats::buttons(&s.chats, &s.country_code, &m.chat_codes, &m.chats, w);
    if buttons.is_empty() {
        return html! {};
    }
    html! {
        section.chats {
            h2 { (w.t("portal-chats")) }
            p { (w.t("portal-chats-hint")) }
            @for b in &buttons {
                @if b.linked {
                    p.linked { "✓ " (w.t_args("portal-chat-linked", &[("app", b.channel.app_name().into())])) }
                } @else {
                    p {
                        a.button href=(b.link) rel="noopener" data-app=(b.channel.as_str()) {
                            (w.t_args("portal-chat-link", &[("app", b.channel.app_name().into())]))
                        }
                    }
                    p.muted { (crate::services::chats::link_wording(w, b.channel, shop)) }
                }
            }
        }
    }
}

/// The member's choice of reward news and offers by email and by SMS (for the channels the
/// shop has an address or number for), each box with the very words that are kept with the
/// choice, and their birthday for a treat on the day (never shown once given).
fn messages_section(
    w: &Language,
    base: &str,
    form: &str,
    shop: &str,
    m: &crate::store::Member,
) -> Markup {
    use crate::domain::messages::Channel;
    use crate::services::messages::standard_consent;
    let boxes: Vec<(Channel, bool)> = [
        (Channel::Email, m.email_consent),
        (Channel::Sms, m.sms_consent),
    ]
    .into_iter()
    .filter_map(|(c, on)| on.map(|on| (c, on)))
    .collect();
    html! {
        section {
            h2 { (w.t("portal-messages")) }
            form method="post" action={ (base) "/messages" } {
                input type="hidden" name="form" value=(form);
                input type="hidden" name="shown" value=(w.tag());
                div.choices {
                    @for (channel, on) in &boxes {
                        label {
                            input type="checkbox" name=(channel.as_str()) value="yes" checked[*on];
                            (standard_consent(*channel, w.tag(), shop).wording)
                        }
                    }
                }
                @if m.has_birthday {
                    p.muted { (w.t("portal-birthday-kept")) }
                } @else {
                    label for="birthday" { (w.t("portal-birthday")) }
                    input type="text" id="birthday" name="birthday" inputmode="numeric" maxlength="5" placeholder=(w.t("portal-birthday-example"));
                }
                button.alt type="submit" { (w.t("portal-save")) }
            }
        }
    }
}
