//! Words for people. Every sentence a person reads passes through here: Fluent messages
//! (`assets/i18n/<locale>/<area>.ftl`, embedded in the binary) for words and plurals (CLDR
//! rules), and ICU4X for numbers and amounts ([`numbers`]).
//!
//! A locale is a folder of `.ftl` files, no code: the folders found are the locales shipped.
//! A message missing in a locale falls back to English; a test checks that every message id
//! the code uses is in English and lists what each locale lacks. One [`Language`] per locale,
//! chosen per use: the shop's at the counter, the customer's on their pages.

pub mod numbers;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// The `.ftl` files, embedded.
#[derive(rust_embed::Embed)]
#[folder = "assets/i18n/"]
struct Files;

/// The locale every message exists in, and the one missing messages fall back to.
pub const FALLBACK: &str = "en";

/// One locale's messages and number formats.
pub struct Language {
    tag: String,
    bundle: FluentBundle<FluentResource>,
    /// The locale's own name for itself, for language menus.
    pub native_name: String,
    pub numbers: numbers::Numbers,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Language({})", self.tag)
    }
}

/// A `.ftl` file that does not parse, or a locale the numbers do not know.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("assets/i18n/{file}: {problem}")]
    Broken { file: String, problem: String },
    #[error("there is no language '{asked}': the languages are {supported}")]
    Unknown { asked: String, supported: String },
}

/// Every shipped locale, loaded once per process.
pub struct Catalog {
    languages: BTreeMap<String, Language>,
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// The shipped locales. The files are checked by the tests, so a broken one cannot ship; if
/// one is broken anyway, its messages fall back to English.
pub fn catalog() -> &'static Catalog {
    CATALOG.get_or_init(|| {
        Catalog::load(
            |path| Files::get(path).map(|f| f.data.into_owned()),
            files(),
        )
        .unwrap_or_else(|e| {
            eprintln!("Regulars: {e}");
            Catalog::load_lenient()
        })
    })
}

/// The embedded `.ftl` paths (`<locale>/<area>.ftl`).
fn files() -> Vec<String> {
    let mut v: Vec<String> = Files::iter().map(|p| p.to_string()).collect();
    v.sort();
    v
}

impl Catalog {
    /// Loads the files at `paths` (each `<locale>/<area>.ftl`) read by `read`; the first file
    /// that does not parse is an error naming it.
    pub fn load(
        read: impl Fn(&str) -> Option<Vec<u8>>,
        paths: Vec<String>,
    ) -> Result<Catalog, I18nError> {
        let mut by_locale: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for path in paths {
            let Some((tag, _)) = path.split_once('/') else {
                continue;
            };
            let broken = |problem: String| I18nError::Broken {
                file: path.clone(),
                problem,
            };
            let bytes = read(&path).ok_or_else(|| broken("cannot be read".into()))?;
            let text = String::from_utf8(bytes).map_err(|_| broken("is not UTF-8".into()))?;
            if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
                return Err(broken(format!(
                    "does not parse: {}",
                    errors
                        .iter()
                        .map(|e| format!("{:?} at byte {}", e.kind, e.pos.start))
                        .collect::<Vec<_>>()
                        .join("; ")
                )));
            }
            by_locale.entry(tag.to_string()).or_default().push(text);
        }
        let english = by_locale.get(FALLBACK).cloned().unwrap_or_default();
        let mut languages = BTreeMap::new();
        for (tag, texts) in by_locale {
            // English first, the locale's own over it: a message the locale lacks is English.
            let base = if tag == FALLBACK {
                &[][..]
            } else {
                &english[..]
            };
            let language =
                Language::new(&tag, base, &texts).map_err(|problem| I18nError::Broken {
                    file: format!("{tag}/"),
                    problem,
                })?;
            languages.insert(tag, language);
        }
        if !languages.contains_key(FALLBACK) {
            return Err(I18nError::Broken {
                file: format!("{FALLBACK}/"),
                problem: "English is missing: every message falls back to it".into(),
            });
        }
        Ok(Catalog { languages })
    }

    /// Every file that parses, for a build that somehow shipped a broken one.
    fn load_lenient() -> Catalog {
        let read = |path: &str| Files::get(path).map(|f| f.data.into_owned());
        let parses = |p: &String| {
            read(p)
                .and_then(|b| String::from_utf8(b).ok())
                .is_some_and(|t| FluentResource::try_new(t).is_ok())
        };
        let good = files().into_iter().filter(parses).collect();
        Catalog::load(read, good).unwrap_or_else(|_| Catalog {
            languages: BTreeMap::new(),
        })
    }

    /// The shipped languages, in the order of their tags.
    pub fn all(&self) -> impl Iterator<Item = &Language> {
        self.languages.values()
    }

    /// The shipped tag a form or a link asked for (case forgiven), if it is one.
    pub fn shipped(&self, asked: Option<&str>) -> Option<&str> {
        self.get(asked?).ok().map(Language::tag)
    }

    /// The shipped locale tags, in a stable order.
    pub fn tags(&self) -> Vec<&str> {
        self.languages.keys().map(String::as_str).collect()
    }

    /// The locale `tag` (exact, case-insensitive), or an error naming the supported ones.
    pub fn get(&self, tag: &str) -> Result<&Language, I18nError> {
        self.languages
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag.trim()))
            .map(|(_, l)| l)
            .ok_or_else(|| I18nError::Unknown {
                asked: tag.to_string(),
                supported: self.tags().join(", "),
            })
    }

    /// The best shipped locale for a language tag from elsewhere (a system locale such as
    /// `lv_LV.UTF-8`, an `Accept-Language` entry such as `sr-RS`): the exact tag, else the
    /// same language and script, else the same language (Serbian without a script is Cyrillic,
    /// as CLDR has it). `None` when the language is not shipped.
    pub fn best(&self, wanted: &str) -> Option<&Language> {
        let wanted = wanted.split(['.', '@']).next()?.replace('_', "-");
        let id: LanguageIdentifier = wanted.parse().ok()?;
        if let Ok(l) = self.get(&wanted) {
            return Some(l);
        }
        let ids: Vec<(&Language, LanguageIdentifier)> = self
            .languages
            .values()
            .filter_map(|l| Some((l, l.tag.parse().ok()?)))
            .collect();
        let same_script = ids.iter().find(|(_, t)| {
            t.language == id.language && id.script.is_some() && t.script == id.script
        });
        let same_language = ids
            .iter()
            .filter(|(_, t)| t.language == id.language)
            .min_by_key(|(_, t)| t.script.is_some_and(|s| s.as_str() != "Cyrl"));
        same_script.or(same_language).map(|(l, _)| *l)
    }

    /// English, the fallback.
    pub fn fallback(&self) -> &Language {
        &self.languages[FALLBACK]
    }

    /// The message ids of a locale, for the completeness test.
    pub fn ids(&self, tag: &str) -> Vec<String> {
        let Ok(l) = self.get(tag) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = Files::iter()
            .filter(|p| p.starts_with(&format!("{}/", l.tag)))
            .filter_map(|p| Files::get(&p))
            .filter_map(|f| String::from_utf8(f.data.into_owned()).ok())
            .filter_map(|t| FluentResource::try_new(t).ok())
            .flat_map(|r| {
                r.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        ids.sort();
        ids
    }
}

/// The language a part of the program speaks in, English until told otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub &'static Language);

impl Default for Words {
    fn default() -> Words {
        Words(catalog().fallback())
    }
}

impl std::ops::Deref for Words {
    type Target = Language;
    fn deref(&self) -> &Language {
        self.0
    }
}

/// An argument for a message.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

impl Language {
    fn new(tag: &str, base: &[String], own: &[String]) -> Result<Language, String> {
        let id: LanguageIdentifier = tag
            .parse()
            .map_err(|_| format!("'{tag}' is not a language tag"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The counter, receipts and pages draw text themselves: no bidi isolation marks.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::in_messages));
        let parse = |t: &String| FluentResource::try_new(t.clone()).map_err(|_| "does not parse");
        for text in base {
            bundle.add_resource_overriding(parse(text)?);
        }
        for text in own {
            if base.is_empty() {
                bundle
                    .add_resource(parse(text)?)
                    .map_err(|e| format!("a message is defined twice: {e:?}"))?;
            } else {
                bundle.add_resource_overriding(parse(text)?);
            }
        }
        let numbers = numbers::Numbers::new(tag)
            .ok_or_else(|| format!("ICU4X has no number formats for '{tag}'"))?;
        let mut language = Language {
            tag: tag.to_string(),
            bundle,
            native_name: tag.to_string(),
            numbers,
        };
        if let Some(name) = language.lookup("language-name", None) {
            language.native_name = name;
        }
        Ok(language)
    }

    /// The locale's tag (`lv`, `sr-Cyrl`…), for `<html lang>` and `config.toml`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    fn lookup(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// The message `id`, in this locale or else in English (each bundle holds English under
    /// the locale's own messages). An id in neither (a bug the tests catch) shows as itself
    /// rather than as nothing.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// The message `id` with arguments; a number argument selects plurals by CLDR rules.
    pub fn t_args(&self, id: &str, args: &[Arg]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (k, v) in args {
                a.set(*k, v.clone());
            }
            a
        });
        self.lookup(id, fluent_args.as_ref())
            .unwrap_or_else(|| id.to_string())
    }

    /// A staff member's role, in words.
    pub fn role(&self, role: crate::domain::staff::Role) -> String {
        match role {
            crate::domain::staff::Role::Owner => self.t("role-owner"),
            _ => self.t("role-cashier"),
        }
    }

    /// A serial port this computer would not open for the person signed in to it: what to do
    /// (replug, so the package's device rule applies; else the `dialout` group), in words
    /// without a final stop, like the other printer problems it stands among.
    pub fn port_refused(&self, port: &str) -> String {
        let user = std::env::var("USER").unwrap_or_else(|_| "$USER".into());
        self.t_args(
            "port-refused",
            &[("port", port.to_string().into()), ("user", user.into())],
        )
    }

    /// A ticket's state, as staff read it.
    pub fn ticket_status(&self, s: crate::domain::support::Status) -> String {
        self.t(&format!("ticket-status-{}", s.as_str()))
    }

    /// Where a ticket came from, as staff read it.
    pub fn ticket_channel(&self, c: crate::domain::support::Channel) -> String {
        self.t(&format!("ticket-channel-{}", c.as_str()))
    }

    /// How a customer wants to hear back.
    pub fn contact_via(&self, c: crate::domain::support::ContactVia) -> String {
        self.t(&format!("contact-via-{}", c.as_str()))
    }

    /// A plain number, grouped the local way.
    pub fn number(&self, n: i64) -> String {
        self.numbers.number(n)
    }

    /// An amount in a currency, the local way (`3,50 €`). Where the locale's messages name the
    /// currency's sign (`currency-symbol-RSD = дин.`), it replaces the ISO code CLDR gives.
    pub fn amount(&self, minor: i64, currency: crate::domain::money::Currency) -> String {
        let code = currency.to_string();
        let text = self.numbers.amount(minor, &code, currency.exponent());
        match self.lookup(&format!("currency-symbol-{code}"), None) {
            Some(sign) => text.replace(&code, &sign),
            None => text,
        }
    }

    /// A moment (unix seconds) as the shop's clock shows it, the locale's short way.
    pub fn date_time(&self, ts: i64) -> String {
        match jiff::Timestamp::from_second(ts) {
            Ok(t) => {
                let d = t.to_zoned_datetime(jiff::tz::TimeZone::system()).datetime();
                self.numbers.date_time(
                    d.year(),
                    d.month() as u8,
                    d.day() as u8,
                    d.hour() as u8,
                    d.minute() as u8,
                )
            }
            Err(_) => ts.to_string(),
        }
    }

    /// The day of a moment (unix seconds) by the shop's clock, the locale's long way.
    pub fn date(&self, ts: i64) -> String {
        match jiff::Timestamp::from_second(ts) {
            Ok(t) => {
                let d = t.to_zoned_datetime(jiff::tz::TimeZone::system()).date();
                self.numbers.date(d.year(), d.month() as u8, d.day() as u8)
            }
            Err(_) => ts.to_string(),
        }
    }

    /// An amount as a cashier would type it here (`12,50` in Riga), for examples in messages.
    pub fn amount_example(&self) -> String {
        format!("12{}50", self.numbers.decimal_separator)
    }

    /// How far a customer is from a reward, in words: `unit` is "visits" or "points".
    /// For a member the last refit found slipping away, away `weeks`: how long, and the
    /// welcome-back offer they hold if any.
    pub fn slipping(&self, weeks: i64, offer: Option<&str>) -> String {
        match offer {
            Some(reward) => self.t_args(
                "slipping-offer",
                &[("weeks", weeks.into()), ("reward", reward.into())],
            ),
            None => self.t_args("slipping-hint", &[("weeks", weeks.into())]),
        }
    }

    /// "Silver (×1.25 points)", and what the next tier needs: for the counter, the receipt
    /// and the customer's page.
    pub fn tier(&self, t: &crate::store::TierView) -> (String, Option<String>) {
        let m = t.place.multiplier_percent;
        let places = if m % 100 == 0 {
            0
        } else if m % 10 == 0 {
            1
        } else {
            2
        };
        let here = if m > 100 {
            self.t_args(
                "tier-line",
                &[
                    ("tier", t.place.name.as_str().into()),
                    (
                        "multiplier",
                        self.numbers.fixed(m as f64 / 100.0, places).into(),
                    ),
                ],
            )
        } else {
            self.t_args("tier-base", &[("tier", t.place.name.as_str().into())])
        };
        let next = t.next.as_ref().map(|(name, points)| {
            self.t_args(
                "tier-next",
                &[("tier", name.as_str().into()), ("points", (*points).into())],
            )
        });
        (here, next)
    }

    pub fn progress(&self, unit: &str, remaining: i64, reward: &str) -> String {
        let id = if unit == "visits" {
            "progress-visits"
        } else {
            "progress-points"
        };
        self.t_args(
            id,
            &[("remaining", remaining.into()), ("reward", reward.into())],
        )
    }
}

/// The language a process starts in when nothing says otherwise: the system's (`LANG`), if
/// shipped, else English.
pub fn system_default() -> &'static str {
    let c = catalog();
    sys_locale::get_locale()
        .and_then(|l| c.best(&l).map(|l| l.tag.clone()))
        .and_then(|t| c.languages.get_key_value(&t).map(|(k, _)| k.as_str()))
        .unwrap_or(FALLBACK)
}

#[cfg(test)]
mod tests;
