//! The customer pages' building blocks: the frame around every page (head, style sheet,
//! language switch), a page that only says something, translated words that carry their own
//! emphasis, and a code as an inline SVG QR. maud escapes every value written into a page, so
//! a comment full of `<script>` is shown as text.

use crate::i18n::{Arg, Language, catalog};
use axum::response::Html;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

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
a.button{display:block;box-sizing:border-box;text-align:center;text-decoration:none;font-weight:700;\
padding:.75rem 1.2rem;min-height:48px;border-radius:10px;background:#3b2a1a;color:#fff;margin:.6rem 0 .2rem}\
a.button[data-app=whatsapp]{background:#1f7a45}a.button[data-app=viber]{background:#6f3faf}\
a.button[data-app=telegram]{background:#1f6fa8}a.button[data-app=messenger]{background:#0a5fd8}\
.linked{font-weight:600;color:#2e7d32}\
.stars{display:flex;gap:.3rem;flex-direction:row-reverse;justify-content:flex-end}\
.stars input{position:absolute;opacity:0}.stars label{font-size:2.2rem;margin:0;color:#ccc;cursor:pointer;\
font-weight:400;padding:0 .1rem}.stars input:checked~label,.stars label:hover,.stars label:hover~label{color:#e0a100}\
.stars input:focus-visible+label{outline:2px solid #3b2a1a}\
.choices label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.3rem 0}\
.qr{display:block;width:60%;max-width:220px;margin:.5rem auto;background:#fff}\
.code{text-align:center;font:700 1.3rem ui-monospace,monospace;letter-spacing:.1em}\
nav.langs{display:flex;flex-wrap:wrap;gap:.3rem .9rem;justify-content:center;margin:1.2rem 0 2rem}\
nav.langs a{color:#3b2a1a}nav.langs a[aria-current]{font-weight:700;text-decoration:none}\
ul{padding-left:1.2rem;margin:.3rem 0}summary{cursor:pointer;font-weight:600;padding:.4rem 0}.ticket{border-top:1px solid #eee;padding-top:.6rem;margin-top:.6rem}";

/// A whole page around `body`, in `w`'s language, with the language switch at the foot.
pub(crate) fn page(w: &Language, title: &str, body: Markup) -> Html<String> {
    let frame = frame(w, title);
    let body = body.into_string();
    let mut out = String::with_capacity(frame.0.len() + body.len() + frame.1.len());
    out.push_str(&frame.0);
    out.push_str(&body);
    out.push_str(&frame.1);
    Html(out)
}

/// What goes around a page's body: the head with the style sheet up to `<main>`, and the
/// language switch with the closing tags. They depend only on the language and the title, so
/// each is made once per process (and kept pages share them).
pub(crate) fn frame(w: &Language, title: &str) -> Arc<(String, String)> {
    type Frames = std::collections::HashMap<(String, String), Arc<(String, String)>>;
    static FRAMES: OnceLock<std::sync::Mutex<Frames>> = OnceLock::new();
    /// Titles come from the catalogue and the shop's name: a few dozen per language.
    const MOST: usize = 512;
    let frames = FRAMES.get_or_init(Default::default);
    let key = (w.tag().to_string(), title.to_string());
    if let Some(f) = frames.lock().expect("frames lock").get(&key) {
        return f.clone();
    }
    const BODY: &str = "\u{E000}body\u{E001}";
    let whole = html! {
        (DOCTYPE)
        html lang=(w.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                main {
                    (PreEscaped(BODY))
                    nav.langs aria-label=(w.t("portal-languages")) {
                        @for l in catalog().all() {
                            @let tag = l.tag();
                            a href={ "?lang=" (tag) } hreflang=(tag) lang=(tag)
                                aria-current=[(tag == w.tag()).then_some("true")] { (l.native_name) }
                        }
                    }
                }
            }
        }
    }
    .into_string();
    let (head, tail) = whole.split_once(BODY).expect("the body's place");
    let frame = Arc::new((head.to_string(), tail.to_string()));
    let mut frames = frames.lock().expect("frames lock");
    if frames.len() < MOST {
        frames.insert(key, frame.clone());
    }
    frame
}

/// A page that only says something (errors, limits).
pub(crate) fn message_page(w: &Language, title: &str, message: &str) -> Html<String> {
    page(
        w,
        title,
        html! { section { h1 { (title) } p { (message) } } },
    )
}

/// A message whose words carry emphasis (`<strong>`) written in the `.ftl` file: the translation's
/// own `<strong>` tags are kept, everything else (including `texts`, which may be a person's name)
/// is escaped.
pub(crate) fn rich_with(
    w: &Language,
    id: &str,
    numbers: &[(&str, i64)],
    texts: &[(&str, &str)],
) -> PreEscaped<String> {
    // Text arguments go in as private-use marks, replaced by their escaped selves at the end.
    let marks: Vec<String> = (0..texts.len())
        .map(|i| format!("\u{E000}{i}\u{E001}"))
        .collect();
    let mut args: Vec<Arg> = numbers.iter().map(|(k, v)| (*k, (*v).into())).collect();
    for ((k, _), mark) in texts.iter().zip(&marks) {
        args.push((k, mark.as_str().into()));
    }
    let escaped = maud::html! { (w.t_args(id, &args)) }.into_string();
    let mut out = escaped
        .replace("&lt;strong&gt;", "<strong>")
        .replace("&lt;/strong&gt;", "</strong>");
    for ((_, text), mark) in texts.iter().zip(&marks) {
        out = out.replace(mark.as_str(), &maud::html! { (text) }.into_string());
    }
    PreEscaped(out)
}

pub(crate) fn rich(w: &Language, id: &str, numbers: &[(&str, i64)]) -> PreEscaped<String> {
    rich_with(w, id, numbers, &[])
}

/// A code as an inline SVG QR code (scans at the counter like a card). One path of
/// horizontal runs in module units, so a member QR costs about 1.5 KB of the page.
pub(crate) fn qr_svg(w: &Language, data: &str) -> Markup {
    let Some(qr) = qr_path(data) else {
        return html! {};
    };
    let (size, path) = (qr.0, &qr.1);
    html! {
        svg.qr xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (size) " " (size) }
            role="img" aria-label=(w.t_args("portal-qr-label", &[("code", data.into())])) shape-rendering="crispEdges" {
            rect width=(size) height=(size) fill="#fff" {}
            path d=(path) fill="#000" {}
        }
    }
}

/// The SVG path of `data`'s QR code and the symbol's size with its quiet zone. Encoding
/// tries eight masks and was the costliest part of a page, so the paths of the codes seen
/// lately are kept (a member's every receipt shows the same code).
fn qr_path(data: &str) -> Option<Arc<(usize, String)>> {
    use qrcode::{Color, EcLevel, QrCode};
    static KEPT: OnceLock<quick_cache::sync::Cache<String, Arc<(usize, String)>>> = OnceLock::new();
    let kept = KEPT.get_or_init(|| quick_cache::sync::Cache::new(4096));
    if let Some(qr) = kept.get(data) {
        return Some(qr);
    }
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).ok()?;
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
                let run = x - start;
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + quiet, y + quiet);
            } else {
                x += 1;
            }
        }
    }
    let qr = Arc::new((width + 2 * quiet, path));
    kept.insert(data.to_string(), qr.clone());
    Some(qr)
}
