//! Which language a customer page speaks: the language the person picked on the page (kept in
//! a cookie), else the member's own (stored with their card), else the browser's
//! `Accept-Language`, else the shop's.

use crate::i18n::{Language, catalog};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// The cookie that keeps a language picked on a page.
const COOKIE: &str = "lang";

/// The language of one response, and whether the response must remember a new choice.
pub(crate) struct PageLanguage {
    pub words: &'static Language,
    /// A `?lang=` choice to keep in the cookie.
    remember: Option<&'static str>,
}

impl std::ops::Deref for PageLanguage {
    type Target = Language;
    fn deref(&self) -> &Language {
        self.words
    }
}

impl PageLanguage {
    /// Resolves the language for a request: `asked` is a `?lang=` choice, `member` the member's
    /// stored language, `shop` the shop's.
    pub fn resolve(
        headers: &HeaderMap,
        asked: Option<&str>,
        member: Option<&str>,
        shop: &str,
    ) -> PageLanguage {
        let c = catalog();
        let known = |tag: &str| c.get(tag).ok();
        if let Some(l) = asked.and_then(known) {
            return PageLanguage {
                words: l,
                remember: Some(l.tag()),
            };
        }
        let words = cookie(headers)
            .and_then(known)
            .or_else(|| member.and_then(known))
            .or_else(|| accepted(headers))
            .or_else(|| known(shop))
            .unwrap_or_else(|| c.fallback());
        PageLanguage {
            words,
            remember: None,
        }
    }

    /// The page, or the page saying what went wrong, in this language (with the cookie).
    pub fn respond(&self, page: Result<axum::response::Html<String>, super::Failure>) -> Response {
        use axum::response::IntoResponse;
        let response = match page {
            Ok(html) => html.into_response(),
            Err(f) => f.page(self),
        };
        self.finish(response)
    }

    /// Adds the cookie that keeps a language picked with `?lang=`.
    pub fn finish(&self, mut response: Response) -> Response {
        if let Some(tag) = self.remember
            && let Ok(v) = HeaderValue::from_str(&format!(
                "{COOKIE}={tag}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
            ))
        {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
        response
    }
}

/// The language kept in the cookie, if any.
fn cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| kv.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

/// The browser's first acceptable language that is shipped (`lv-LV,lv;q=0.9,en;q=0.5`).
fn accepted(headers: &HeaderMap) -> Option<&'static Language> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut wanted: Vec<(f32, usize, &str)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let tag = bits.next()?.trim();
            let q = bits
                .find_map(|b| b.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0 && !tag.is_empty() && tag != "*").then_some((q, i, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.into_iter().find_map(|(_, _, tag)| {
        // Tagalog is what many Filipino phones send.
        let tag = if tag.eq_ignore_ascii_case("tl") || tag.to_ascii_lowercase().starts_with("tl-") {
            "fil"
        } else {
            tag
        };
        catalog().best(tag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn tag(h: &HeaderMap, asked: Option<&str>, member: Option<&str>) -> &'static str {
        PageLanguage::resolve(h, asked, member, "en").words.tag()
    }

    #[test]
    fn choice_then_member_then_browser_then_shop() {
        let browser = headers(&[(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,lv;q=0.8,en;q=0.5")]);
        assert_eq!(tag(&browser, None, None), "lv");
        assert_eq!(tag(&browser, None, Some("te")), "te");
        assert_eq!(tag(&browser, Some("sr-Latn"), Some("te")), "sr-Latn");
        let picked = headers(&[
            (header::ACCEPT_LANGUAGE, "lv"),
            (header::COOKIE, "a=b; lang=fil"),
        ]);
        assert_eq!(tag(&picked, None, Some("te")), "fil");
        assert_eq!(tag(&HeaderMap::new(), None, None), "en");
        assert_eq!(
            tag(&headers(&[(header::ACCEPT_LANGUAGE, "sr-RS")]), None, None),
            "sr-Cyrl"
        );
        assert_eq!(
            tag(
                &headers(&[(header::ACCEPT_LANGUAGE, "sr-Latn-RS")]),
                None,
                None
            ),
            "sr-Latn"
        );
        assert_eq!(
            tag(
                &headers(&[(header::ACCEPT_LANGUAGE, "tl-PH,en;q=0.1")]),
                None,
                None
            ),
            "fil"
        );
        assert_eq!(
            tag(&headers(&[(header::ACCEPT_LANGUAGE, "te-IN")]), None, None),
            "te"
        );
        // Unknown or garbage choices are ignored, never an error.
        assert_eq!(
            tag(
                &headers(&[(header::ACCEPT_LANGUAGE, ";;q=x,,")]),
                Some("xx"),
                None
            ),
            "en"
        );
        let shop = PageLanguage::resolve(&HeaderMap::new(), None, None, "lv");
        assert_eq!(shop.words.tag(), "lv");
    }
}
