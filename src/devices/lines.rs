//! How laid-out receipt lines become printer bytes, in any script.
//!
//! Each line is split into runs, each run sent in the first of the printer's code pages (from
//! its profile) that encodes the longest stretch of it exactly, switching mid-line where needed
//! and back to the printer's default page after the line. A line with a character no page of
//! the printer has (Telugu, ₹, ₱, a name in any other script) is shaped and drawn with the
//! bundled fonts ([`super::shaped`]), never sent as `?`: on a printer that keeps user-defined
//! characters as text, each syllable a picture defined once and printed where the font sets
//! it ([`super::cells`], [`super::user_chars`]); otherwise — and every line, when the profile says
//! `raster_text` — as a `GS v 0` image of that line, wrapped to the paper. The shop's logo is
//! kept in the printer's memory where it can keep pictures (`GS ( L`).

use super::cells;
use super::codepage::CodePage;
use super::drawn::{drawn_line, drawn_pair, warn_missing};
use super::escpos::{self, Align, QrEcc};
use super::profile::PrinterProfile;
use super::raster;
use super::receipt::{Block, LogoMemory, two_columns, wrap};
use super::shaped;
use super::user_chars::UserChars;

/// Text in one code page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub page: CodePage,
    pub text: String,
}

/// Splits `text` into runs of the given pages (the first page in force at the start), each
/// run in a page that encodes it exactly; `None` when some character is on none of them.
pub fn runs(text: &str, pages: &[CodePage], start: CodePage) -> Option<Vec<Run>> {
    // Printable ASCII is the same on every page: no lookups.
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Some(if text.is_empty() {
            Vec::new()
        } else {
            vec![Run {
                page: start,
                text: text.to_string(),
            }]
        });
    }
    let chars: Vec<char> = text.chars().collect();
    let mut current = start;
    let mut out: Vec<Run> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if current.encode_char(*c).is_none() {
            // The page that carries the longest stretch from here; the first such on a tie.
            let reach = |p: &CodePage| {
                chars[i..]
                    .iter()
                    .take_while(|c| p.encode_char(**c).is_some())
                    .count()
            };
            let mut best: Option<(CodePage, usize)> = None;
            for p in pages {
                let r = reach(p);
                if r > 0 && best.is_none_or(|(_, b)| r > b) {
                    best = Some((*p, r));
                }
            }
            current = best?.0;
        }
        match out.last_mut() {
            Some(run) if run.page == current => run.text.push(*c),
            _ => out.push(Run {
                page: current,
                text: c.to_string(),
            }),
        }
    }
    Some(out)
}

/// The printer's state while a job is encoded: what has been sent, so only changes are sent.
struct State {
    align: Align,
    bold: bool,
    large: bool,
    page: CodePage,
}

impl State {
    fn align(&mut self, a: Align, out: &mut Vec<u8>) {
        if a != self.align {
            out.extend_from_slice(&escpos::align(a));
            self.align = a;
        }
    }

    fn style(&mut self, bold: bool, large: bool, out: &mut Vec<u8>) {
        if bold != self.bold {
            out.extend_from_slice(&escpos::bold(bold));
            self.bold = bold;
        }
        if large != self.large {
            out.extend_from_slice(&escpos::size(large, large));
            self.large = large;
        }
    }
}

/// Pixels per em of drawn text, so it matches the printer's own font (about two cells high).
pub fn text_px(profile: &PrinterProfile, large: bool) -> f32 {
    let px = profile.cell_width() as f32 * 1.7;
    if large { px * 2.0 } else { px }
}

/// Encodes the blocks of a job body (after initialise and the default page are sent).
///
/// A job with user-defined characters is laid out twice: the first time to learn which
/// pictures each row needs, so that when the printer must make room it drops the picture
/// needed again latest (or never).
pub fn encode_body(blocks: &[Block], profile: &PrinterProfile, out: &mut Vec<u8>) {
    let user = profile
        .user_cell()
        .filter(|_| !profile.raster_text)
        .map(|c| UserChars::new(c, profile.user_chars));
    let mut trial = Vec::new();
    let Some(planned) = encode_with(blocks, profile, &mut trial, user) else {
        out.extend(trial);
        return;
    };
    if planned.redefined() == 0 {
        out.extend(trial);
        return;
    }
    let again = UserChars::planned(&planned);
    encode_with(blocks, profile, out, Some(again));
}

/// Encodes the blocks with these user-defined characters (if the printer has them); returns
/// them as they ended.
fn encode_with(
    blocks: &[Block],
    profile: &PrinterProfile,
    out: &mut Vec<u8>,
    mut user: Option<UserChars>,
) -> Option<UserChars> {
    let mut st = State {
        align: Align::Left,
        bold: false,
        large: false,
        page: profile.code_page,
    };
    let pages = job_pages(blocks, profile);
    for block in blocks {
        match block {
            Block::Line {
                text,
                align,
                bold,
                large,
            } => {
                let text = &on_paper(text);
                st.align(*align, out);
                let columns = if *large {
                    profile.columns / 2
                } else {
                    profile.columns
                };
                match encodable(text, profile, &pages, st.page) {
                    Some(_) => {
                        st.style(*bold, *large, out);
                        for l in wrap(text, columns) {
                            let runs = encodable(&l, profile, &pages, st.page).unwrap_or_default();
                            send_runs(&runs, profile, &mut st, out);
                            out.push(escpos::LF);
                        }
                    }
                    None if on_grid(
                        Text::Line(text),
                        (*bold, *large, *align),
                        profile,
                        &pages,
                        &mut st,
                        &mut user,
                        out,
                    ) => {}
                    None => {
                        let px = text_px(profile, *large);
                        for l in shaped::wrap(text, px, profile.dots as f32) {
                            let img = drawn_line(&l, px, *bold, None, profile.dots);
                            out.extend(escpos::raster(img.width, img.height, &img.rows));
                        }
                    }
                }
            }
            Block::Pair {
                left,
                right,
                bold,
                large,
            } => {
                let (left, right) = (&on_paper(left), &on_paper(right));
                st.align(Align::Left, out);
                let (l, r) = (left.chars().count(), right.chars().count());
                // A large pair too long for the half-width columns is printed normal size.
                let large = *large && l + r < profile.columns / 2;
                let columns = if large {
                    profile.columns / 2
                } else {
                    profile.columns
                };
                match encodable(&format!("{left} {right}"), profile, &pages, st.page) {
                    Some(_) => {
                        st.style(*bold, large, out);
                        // A left side too long to share the line goes on lines of its own.
                        let mut lefts = Vec::new();
                        if l + r < columns {
                            lefts.push(two_columns(left, right, columns));
                        } else {
                            lefts = wrap(left, columns);
                            lefts.push(two_columns("", right, columns));
                        }
                        for text in lefts {
                            let runs =
                                encodable(&text, profile, &pages, st.page).unwrap_or_default();
                            send_runs(&runs, profile, &mut st, out);
                            out.push(escpos::LF);
                        }
                    }
                    None if on_grid(
                        Text::Pair(left, right),
                        (*bold, large, Align::Left),
                        profile,
                        &pages,
                        &mut st,
                        &mut user,
                        out,
                    ) => {}
                    None => {
                        let img = drawn_pair(left, right, *bold, large, profile);
                        out.extend(escpos::raster(img.width, img.height, &img.rows));
                    }
                }
            }
            Block::Rule => {
                st.style(st.bold, false, out);
                out.extend(std::iter::repeat_n(b'-', profile.columns));
                out.push(escpos::LF);
            }
            Block::Blank => out.push(escpos::LF),
            // The header a printer keeps: stored with this job if need be, printed from its
            // memory.
            Block::Logo { image, memory } if profile.nv_graphics && *memory != LogoMemory::Send => {
                st.align(Align::Center, out);
                let key = escpos::LOGO_KEY;
                if *memory == LogoMemory::Store {
                    out.extend(escpos::nv_define(
                        key,
                        image.width,
                        image.height,
                        &image.rows,
                    ));
                }
                out.extend_from_slice(&escpos::nv_print(key));
            }
            Block::Image(img) | Block::Logo { image: img, .. } => {
                st.align(Align::Center, out);
                out.extend(escpos::raster(img.width, img.height, &img.rows));
            }
            Block::Qr(data) => {
                st.align(Align::Center, out);
                // Upper case keeps URLs in QR alphanumeric mode: a smaller symbol.
                let data = data.to_ascii_uppercase();
                if profile.native_qr {
                    out.extend(escpos::qr_native(
                        data.as_bytes(),
                        profile.qr_module,
                        QrEcc::M,
                    ));
                } else if let Some(img) = raster::qr_bitmap(
                    &data,
                    profile.qr_module as usize,
                    QrEcc::M,
                    raster::RASTER_QUIET,
                ) {
                    out.extend(escpos::raster(img.width, img.height, &img.rows));
                }
                out.push(escpos::LF);
            }
        }
    }
    st.style(false, false, out);
    if st.page != profile.code_page {
        out.extend(profile.select_bytes(profile.code_page));
    }
    user
}

/// A line's words, or a pair's two sides.
enum Text<'a> {
    Line(&'a str),
    Pair(&'a str, &'a str),
}

/// Sends a line the code pages cannot carry as text on the character grid, with the pictures
/// it needs as user-defined characters ([`super::cells`]), when the printer has them and each
/// row needs no more than it holds; false when the line must go as an image instead.
///
/// Emphasis is the printer's (`ESC E` applies to its user-defined characters too): a bold
/// line's syllables are the same pictures as a normal line's, defined once. A large line of
/// signs and the printer's letters (a Manila total) is doubled by the printer (`GS !`), as an
/// English one is; a large line in a shaped script (a Telugu total or shop name) is drawn at
/// twice the size, digits and signs too, so that it stays smooth.
fn on_grid(
    text: Text<'_>,
    (bold, large, align): (bool, bool, Align),
    profile: &PrinterProfile,
    pages: &[CodePage],
    st: &mut State,
    user: &mut Option<UserChars>,
    out: &mut Vec<u8>,
) -> bool {
    let Some(u) = user.as_mut() else {
        return false;
    };
    let Some(cell) = profile.user_cell() else {
        return false;
    };
    warn_missing(match text {
        Text::Line(t) => t,
        Text::Pair(l, _) => l,
    });
    let smooth = large
        && match text {
            Text::Line(t) => cells::shaped_script(t),
            Text::Pair(l, r) => cells::shaped_script(l) || cells::shaped_script(r),
        };
    let has = |c: char| !smooth && pages.iter().any(|p| p.encode_char(c).is_some());
    let px = text_px(profile, smooth);
    let layout = cells::Layout {
        cell,
        scale: if large && !smooth { 2 } else { 1 },
        fit_signs: !smooth,
    };
    let grid = match text {
        Text::Line(t) => layout.lines(t, px, (profile.dots, align), &has),
        Text::Pair(l, r) => layout.pair(l, r, px, profile.dots, &has),
    };
    if !grid.iter().all(|g| u.fits(g)) {
        return false;
    }
    // Places are from the line's start: the layout has done the centring.
    st.align(Align::Left, out);
    st.style(bold, layout.scale == 2, out);
    for line in &grid {
        u.send(line, layout.scale, out, &mut |s, out| {
            let runs = runs(s, pages, st.page).unwrap_or_default();
            send_runs(&runs, profile, st, out);
        });
    }
    true
}

/// Spaces as paper has them: the thin and narrow no-break spaces CLDR puts in dates and amounts
/// (`2:05 PM`) are plain spaces on a receipt, which never breaks a line by itself.
fn on_paper(text: &str) -> String {
    text.replace(['\u{202f}', '\u{2009}', '\u{2007}'], " ")
}

/// The printer's pages in the order to try them for this job: first the one page that carries
/// every text line of the job, when there is one (then the job switches once), else the
/// profile's order.
fn job_pages(blocks: &[Block], profile: &PrinterProfile) -> Vec<CodePage> {
    let mut pages: Vec<CodePage> = profile.pages().into_iter().map(|(p, _)| p).collect();
    let texts: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line { text, .. } => Some(on_paper(text)),
            Block::Pair { left, right, .. } => Some(on_paper(&format!("{left} {right}"))),
            _ => None,
        })
        // ASCII fits any page; lines no page has go as images: neither decides the page.
        .filter(|t| !t.is_ascii() && runs(t, &pages, pages[0]).is_some())
        .collect();
    if let Some(i) = pages.iter().position(|p| texts.iter().all(|t| p.covers(t))) {
        let one = pages.remove(i);
        pages.insert(0, one);
    }
    pages
}

/// The line's runs, starting in the page in force, when the printer's pages can carry it and
/// the profile allows text.
fn encodable(
    text: &str,
    profile: &PrinterProfile,
    pages: &[CodePage],
    current: CodePage,
) -> Option<Vec<Run>> {
    if profile.raster_text {
        return None;
    }
    runs(text, pages, current)
}

/// Sends runs, switching page where a run needs another; the page stays in force for the
/// lines after (the job restores the printer's default at its end).
fn send_runs(runs: &[Run], profile: &PrinterProfile, st: &mut State, out: &mut Vec<u8>) {
    for run in runs {
        if run.page != st.page {
            out.extend(profile.select_bytes(run.page));
            st.page = run.page;
        }
        out.extend(run.page.encode(&run.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| {
                r.page
                    .encode(&r.text)
                    .iter()
                    .map(|b| r.page.decode_byte(*b))
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn runs_pick_a_page_per_stretch() {
        use CodePage::*;
        let pages = [Cp858, Cp1252, Cp1257, Cp1250, Cp1251];
        // All Latvian: one switch for the whole stretch, to the Baltic page.
        let r = runs("Kafejnīca Ķiploks", &pages, Cp858).unwrap();
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[0].page, r[1].page), (Cp858, Cp1257));
        assert_eq!(decoded(&r), "Kafejnīca Ķiploks");
        // Cyrillic name and a euro in one line: two pages.
        let r = runs("Ђорђе 3,50 €", &pages, Cp858).unwrap();
        assert_eq!(decoded(&r), "Ђорђе 3,50 €");
        assert!(r.iter().any(|x| x.page == Cp1251));
        // Plain ASCII stays in the start page.
        assert_eq!(runs("TOTAL 10.50", &pages, Cp858).unwrap().len(), 1);
        // Telugu and the rupee are on no page.
        assert!(runs("₹1,23,456.00", &pages, Cp858).is_none());
        assert!(runs("శ్రీనివాస్", &pages, Cp858).is_none());
        assert!(runs("", &pages, Cp858).unwrap().is_empty());
    }

    #[test]
    fn a_drawn_line_wider_than_the_paper_wraps() {
        let p = PrinterProfile::load("generic-58mm").unwrap();
        let text = "మళ్ళీ వచ్చినందుకు ధన్యవాదాలు, మీ పాయింట్లు మీ కోసం వేచి ఉన్నాయి!";
        let block = Block::Line {
            text: text.into(),
            align: Align::Center,
            bold: false,
            large: true,
        };
        let mut out = Vec::new();
        encode_body(&[block], &p, &mut out);
        let images: Vec<usize> = out
            .windows(3)
            .enumerate()
            .filter(|(_, w)| w == &[0x1D, b'v', b'0'])
            .map(|(i, _)| usize::from(out[i + 4]) * 8)
            .collect();
        assert!(images.len() >= 3, "{images:?}");
        assert!(images.iter().all(|w| *w <= p.dots), "{images:?}");
    }
}
