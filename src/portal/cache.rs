//! Receipt pages kept as rendered, so a page served twice is not made twice.
//!
//! A kept page is its view as read from the store and the page rendered in each language
//! (and after each form) asked for, with a mark where each form's anti-forgery token goes:
//! that token carries the time, so it is made afresh for every answer. A kept page holds
//! while the store's change counters of its visit and member ([`PageStamp`]) stand still, and
//! until the first moment its view changes by time alone (`VisitPage::fresh_until`); after
//! that the next request reads and renders it again.
//!
//! A page server (`Settings::watch_commits`) makes nearly every commit to its database itself,
//! and counts them (`store::commits`): a kept page found to hold at one count holds while the
//! count stands still, so it is served by its token alone, with no read at all. Another
//! process's commit is counted within a second (`store::Watch`), so a page there is at most a
//! second behind it, as it is behind the central store anyway.
//!
//! Only a token that verified reaches the cache: a forged or altered one is answered before
//! any lookup, so how fast a 404 comes back tells no one whether a visit id exists or was
//! served before.

use crate::store::{PageStamp, VisitPage};
use quick_cache::{Weighter, sync::Cache};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Commits counted (`store::commits`) when a request began: a page found to hold then holds
/// while the count stands still.
pub(crate) type Count = u64;

/// Which rendering of a page: its language and the form just sent (the page's thanks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Variant {
    pub language: &'static str,
    pub done: Option<&'static str>,
}

/// A rendered page with the places its form tokens go.
pub(crate) struct Rendered {
    /// What goes around the body, shared by every page in the language.
    frame: Arc<(String, String)>,
    /// The body.
    text: String,
    /// Byte offsets in `text` where a form token goes.
    cuts: Vec<usize>,
}

impl Rendered {
    /// Takes `body` rendered with `mark` for every form token, in `frame`.
    fn new(frame: Arc<(String, String)>, body: &str, mark: &str) -> Rendered {
        let mut text = String::with_capacity(body.len());
        let mut cuts = Vec::new();
        for (i, piece) in body.split(mark).enumerate() {
            if i > 0 {
                cuts.push(text.len());
            }
            text.push_str(piece);
        }
        Rendered { frame, text, cuts }
    }

    /// The page with `form` in each form.
    pub fn with_token(&self, form: &str) -> String {
        let (head, tail) = &*self.frame;
        let mut out = String::with_capacity(
            head.len() + self.text.len() + self.cuts.len() * form.len() + tail.len(),
        );
        out.push_str(head);
        let mut from = 0;
        for &cut in &self.cuts {
            out.push_str(&self.text[from..cut]);
            out.push_str(form);
            from = cut;
        }
        out.push_str(&self.text[from..]);
        out.push_str(tail);
        out
    }
}

/// One visit's kept page.
pub(crate) struct Kept {
    pub stamp: PageStamp,
    pub view: Arc<VisitPage>,
    /// The token the page was rendered for (its forms post back to it): on a chain's till a
    /// visit can be opened by its shop's token and by the chain's.
    token: String,
    renders: Vec<(Variant, Arc<Rendered>)>,
    bytes: u64,
    /// The latest commit count at which the page was found to hold.
    checked: AtomicU64,
}

impl Kept {
    /// The page as rendered for `token` in `variant`, if it was.
    pub fn rendered(&self, token: &str, variant: Variant) -> Option<Arc<Rendered>> {
        (self.token == token)
            .then(|| self.renders.iter().find(|(v, _)| *v == variant))
            .flatten()
            .map(|(_, r)| r.clone())
    }
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<i64, Arc<Kept>> for ByBytes {
    fn weight(&self, _: &i64, kept: &Arc<Kept>) -> u64 {
        kept.bytes
    }
}

/// What the cache did, for tests and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheCounts {
    /// Times the cache was asked for a visit's page (only ever with a verified token).
    pub lookups: u64,
    /// Pages served from a kept rendering.
    pub hits: u64,
    /// Pages read and rendered (none kept, or no longer holding).
    pub misses: u64,
    /// Of the hits, pages served without reading the store (nothing committed since they
    /// were found to hold).
    pub unread: u64,
}

/// The kept pages, by visit id, within a budget of bytes.
pub(crate) struct PageCache {
    pages: Option<Cache<i64, Arc<Kept>, ByBytes>>,
    /// The visit each kept page's token opens.
    tokens: Option<Cache<String, i64>>,
    /// Stands for the form token while a page is rendered: random per process, so no text a
    /// customer writes into a page can pass for it.
    mark: String,
    lookups: AtomicU64,
    hits: AtomicU64,
    misses: AtomicU64,
    unread: AtomicU64,
}

/// Roughly what a view costs besides its renderings.
const VIEW_BYTES: u64 = 1024;

impl PageCache {
    /// A cache of up to `budget` bytes (0: none kept).
    pub fn new(budget: u64) -> PageCache {
        let items = (budget / 12_000).max(16) as usize;
        let pages = (budget > 0).then(|| Cache::with_weighter(items, budget, ByBytes));
        let tokens = (budget > 0).then(|| Cache::new(items));
        let mark = format!(
            "\u{E000}{:016x}{:016x}\u{E001}",
            rand::random::<u64>(),
            rand::random::<u64>()
        );
        PageCache {
            pages,
            tokens,
            mark,
            lookups: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            unread: AtomicU64::new(0),
        }
    }

    /// What to render in place of the form token.
    pub fn mark(&self) -> &str {
        &self.mark
    }

    /// The kept page of `stamp`'s visit, if it still holds at `now`; the stamp was read after
    /// the commit count was `count`.
    pub fn get(&self, stamp: &PageStamp, now: i64, count: Count) -> Option<Arc<Kept>> {
        self.lookups.fetch_add(1, Ordering::Relaxed);
        let kept = self.pages.as_ref()?.get(&stamp.visit_id)?;
        let holds = kept.stamp == *stamp && now < kept.view.fresh_until;
        holds.then(|| {
            kept.checked.fetch_max(count, Ordering::Relaxed);
            kept
        })
    }

    /// The kept page `token` opens, without reading the store, if it was found to hold at
    /// commit count `count` (nothing committed since) and still holds at `now`.
    pub fn unchanged(&self, token: &str, now: i64, count: Count) -> Option<Arc<Kept>> {
        let visit = self.tokens.as_ref()?.get(token)?;
        let kept = self.pages.as_ref()?.get(&visit)?;
        let holds = kept.token == token
            && kept.checked.load(Ordering::Relaxed) == count
            && now < kept.view.fresh_until;
        holds.then(|| {
            self.lookups.fetch_add(1, Ordering::Relaxed);
            self.unread.fetch_add(1, Ordering::Relaxed);
            kept
        })
    }

    /// Counts a page served from a kept rendering.
    pub fn hit(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Keeps `body` in `frame` (rendered with [`mark`](Self::mark) for the form tokens) as the
    /// `variant` rendering of `view` for `token`, with any other renderings of the same
    /// view; `stamp` and `view` were read after the commit count was `count`. Returns it
    /// ready to serve.
    #[allow(clippy::too_many_arguments)]
    pub fn keep(
        &self,
        count: Count,
        stamp: PageStamp,
        view: Arc<VisitPage>,
        token: &str,
        variant: Variant,
        frame: Arc<(String, String)>,
        body: &str,
    ) -> Arc<Rendered> {
        self.misses.fetch_add(1, Ordering::Relaxed);
        let rendered = Arc::new(Rendered::new(frame, body, &self.mark));
        let Some(pages) = &self.pages else {
            return rendered;
        };
        let mut renders = match pages.get(&stamp.visit_id) {
            Some(k) if k.stamp == stamp && k.token == token && Arc::ptr_eq(&k.view, &view) => {
                k.renders.clone()
            }
            _ => Vec::new(),
        };
        renders.retain(|(v, _)| *v != variant);
        renders.push((variant, rendered.clone()));
        let bytes = VIEW_BYTES
            + renders
                .iter()
                .map(|(_, r)| r.text.len() as u64 + 64)
                .sum::<u64>();
        pages.insert(
            stamp.visit_id,
            Arc::new(Kept {
                stamp,
                view,
                token: token.to_string(),
                renders,
                bytes,
                checked: AtomicU64::new(count),
            }),
        );
        if let Some(tokens) = &self.tokens {
            tokens.insert(token.to_string(), stamp.visit_id);
        }
        rendered
    }

    pub fn counts(&self) -> CacheCounts {
        CacheCounts {
            lookups: self.lookups.load(Ordering::Relaxed),
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            unread: self.unread.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_go_where_the_marks_were() {
        let frame = Arc::new(("<".to_string(), ">".to_string()));
        let r = Rendered::new(frame.clone(), "a<M>b<M><M>c", "<M>");
        assert_eq!(r.with_token("T"), "<aTbTTc>");
        assert_eq!(
            Rendered::new(frame, "none", "<M>").with_token("T"),
            "<none>"
        );
    }
}
