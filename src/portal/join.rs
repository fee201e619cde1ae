//! The referral page a member's link opens: join online, or show the code at the counter.

use super::html::{page, qr_svg};
use super::language::PageLanguage;
use super::{AppState, Failure};
use crate::domain::code::{CustomerCode, ReferralCode};
use crate::store::NewCustomer;
use axum::{
    Form,
    extract::{Path, Query, State},
    http::HeaderMap,
    response::Response,
};
use maud::html;
use serde::Deserialize;

fn referral_code(text: &str) -> Result<String, Failure> {
    ReferralCode::parse(text)
        .map(|c| c.to_string())
        .map_err(|_| Failure::NotFound)
}

#[derive(Deserialize, Default)]
pub(crate) struct Asked {
    lang: Option<String>,
}

pub(crate) async fn join(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Query(q): Query<Asked>,
) -> Response {
    let s = &state.settings;
    let w = PageLanguage::resolve(&headers, q.lang.as_deref(), None, &s.language);
    let shown = async {
        let code = referral_code(&code)?;
        let c = code.clone();
        let friend = state
            .with_store(move |store, _| store.read(|tx| tx.support().referrer_first_name(&c)))
            .await
            .map_err(|_| Failure::NotFound)?;
        let form = s.secret.form_token(&code, state.now());
        let (referrer, bonus) = s.referral_bonus;
        let friend_arg = || friend.as_str().into();
        Ok::<_, Failure>(page(
            &w,
            &w.t_args("portal-join-title", &[("shop", s.shop_name.as_str().into())]),
            html! {
                section {
                    p.shop { (s.shop_name) }
                    h1 { (w.t_args("portal-invited", &[("friend", friend_arg())])) }
                    @if bonus > 0 {
                        p { (super::html::rich_with(&w, "portal-join-offer", &[("points", bonus), ("referrer", referrer)], &[("friend", &friend)])) }
                    } @else {
                        p { (w.t("portal-join-plain")) }
                    }
                    (join_form(&w, &format!("/join/{code}"), &form))
                }
                section {
                    h2 { (w.t("portal-join-counter")) }
                    p { (w.t("portal-show-cashier")) }
                    (qr_svg(&w, &code))
                    p.code { (code) }
                }
            },
        ))
    }
    .await;
    w.respond(shown)
}

#[derive(Deserialize, Default)]
pub(crate) struct JoinForm {
    form: Option<String>,
    name: Option<String>,
    contact: Option<String>,
    /// The language the page was in: the new member's.
    language: Option<String>,
}

pub(crate) async fn join_post(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(f): Form<JoinForm>,
) -> Response {
    let s = &state.settings;
    let asked = crate::i18n::catalog().shipped(f.language.as_deref());
    let w = PageLanguage::resolve(&headers, asked, None, &s.language);
    let joined = async {
        let code = referral_code(&code)?;
        super::pages::check_form(&state, &headers, &code, f.form.as_deref())?;
        let enrolled = enrol(&state, f.name, f.contact, Some(code), asked).await?;
        let title = w.t_args(
            "portal-welcome-title",
            &[("shop", s.shop_name.as_str().into())],
        );
        Ok::<_, Failure>(welcome(&w, &title, &enrolled, "portal-member-now"))
    }
    .await;
    w.respond(joined)
}

/// The join form: a first name, and a phone number or an email in one field, posted to
/// `action` with its anti-forgery token and the page's language.
pub(crate) fn join_form(w: &crate::i18n::Language, action: &str, token: &str) -> maud::Markup {
    html! {
        form method="post" action=(action) {
            input type="hidden" name="form" value=(token);
            input type="hidden" name="language" value=(w.tag());
            label for="name" { (w.t("portal-first-name")) }
            input type="text" id="name" name="name" autocomplete="given-name" required maxlength="100";
            label for="contact" { (w.t("portal-contact")) }
            input type="text" id="contact" name="contact" autocomplete="tel" required maxlength="200";
            button type="submit" { (w.t("portal-join")) }
        }
    }
}

/// Enrols who filled in a join form (a first name, and a phone number or an email in one
/// field), in the language the page was in. A duplicate says nothing about whose number it is
/// (the page is public): its own message, the same for phone and email.
pub(crate) async fn enrol(
    state: &AppState,
    name: Option<String>,
    contact: Option<String>,
    referred_by: Option<String>,
    language: Option<&str>,
) -> Result<crate::store::Enrolled, Failure> {
    let contact = contact.unwrap_or_default().trim().to_string();
    if contact.is_empty() {
        return Err(Failure::Input("error-join-contact"));
    }
    let new = NewCustomer {
        name: name.unwrap_or_default(),
        phone: (!contact.contains('@')).then(|| contact.clone()),
        email: contact.contains('@').then(|| contact.clone()),
        referred_by,
        language: language.map(str::to_string),
        birthday: None,
        consents: vec![],
        paper_stamps: 0,
    };
    state
        .with_store(move |store, now| store.enroll(&new, now, &mut || rand::random()))
        .await
}

/// The page a new member sees: welcome, `said`, and their card's QR to keep.
pub(crate) fn welcome(
    w: &crate::i18n::Language,
    title: &str,
    enrolled: &crate::store::Enrolled,
    said: &str,
) -> axum::response::Html<String> {
    let code = CustomerCode::parse(&enrolled.code)
        .map(|c| c.to_string())
        .unwrap_or(enrolled.code.clone());
    let name = crate::domain::support::first_name(&enrolled.name).to_string();
    page(
        w,
        title,
        html! {
            section.ok role="status" {
                h1 { (w.t_args("portal-welcome", &[("name", name.as_str().into())])) }
                p { (w.t(said)) }
            }
            section {
                (qr_svg(w, &code))
                p.code { (code) }
                p.muted { (w.t("portal-screenshot")) }
            }
        },
    )
}
