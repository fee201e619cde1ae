//! Plurals, fallback and completeness of the shipped locales.

use super::{Catalog, FALLBACK, I18nError, catalog};
use fluent_bundle::FluentValue;

fn say(tag: &str, id: &str, arg: &str, n: i64) -> String {
    catalog()
        .get(tag)
        .unwrap()
        .t_args(id, &[(arg, FluentValue::from(n))])
}

#[test]
fn every_shipped_locale_loads() {
    assert_eq!(
        catalog().tags(),
        vec!["en", "fil", "lv", "sr-Cyrl", "sr-Latn", "te"]
    );
    for tag in catalog().tags() {
        let l = catalog().get(tag).unwrap();
        assert_ne!(l.native_name, tag, "{tag} names itself (language-name)");
    }
}

#[test]
fn plurals_follow_each_locales_cldr_rules() {
    assert_eq!(say("en", "points", "points", 1), "1 point");
    assert_eq!(say("en", "points", "points", 2), "2 points");
    // Latvian: zero (0, 10–20, 30…), one (1, 21, 31… but not 11), other.
    assert_eq!(say("lv", "points", "points", 0), "0 punktu");
    assert_eq!(say("lv", "points", "points", 1), "1 punkts");
    assert_eq!(say("lv", "points", "points", 11), "11 punktu");
    assert_eq!(say("lv", "points", "points", 21), "21 punkts");
    assert_eq!(say("lv", "points", "points", 3), "3 punkti");
    // Serbian: one (1, 21…), few (2–4, 22–24…), other (5–20, 11–14…), in both scripts.
    let visits = |tag, n| say(tag, "last-visit", "visits", n);
    assert!(visits("sr-Cyrl", 1).ends_with("1 посета"));
    assert!(visits("sr-Cyrl", 3).ends_with("3 посете"));
    assert!(visits("sr-Cyrl", 12).ends_with("12 посета"));
    assert!(visits("sr-Cyrl", 22).ends_with("22 посете"));
    assert!(visits("sr-Latn", 1).ends_with("1 poseta"));
    assert!(visits("sr-Latn", 4).ends_with("4 posete"));
    assert!(visits("sr-Latn", 14).ends_with("14 poseta"));
    // Telugu and Filipino: one and other.
    assert_eq!(say("te", "points", "points", 1), "1 పాయింట్");
    assert_eq!(say("te", "points", "points", 5), "5 పాయింట్లు");
    assert!(visits("fil", 1).ends_with("1 bisita"));
    assert!(visits("fil", 6).ends_with("6 na bisita"));
}

#[test]
fn a_missing_message_falls_back_to_english_never_to_its_id() {
    let broken = |path: &str| {
        Some(match path {
            "en/a.ftl" => {
                b"language-name = English\nhello = Hello\nonly-english = Only here\n".to_vec()
            }
            _ => b"language-name = Latviesu\nhello = Sveiki\n".to_vec(),
        })
    };
    let c = Catalog::load(broken, vec!["en/a.ftl".into(), "lv/a.ftl".into()]).unwrap();
    let lv = c.get("lv").unwrap();
    assert_eq!(lv.t("hello"), "Sveiki");
    assert_eq!(lv.t("only-english"), "Only here");
    assert_eq!(c.get("en").unwrap().t("hello"), "Hello");
    // An id in no file at all (the tests below keep the code from asking for one).
    assert_eq!(lv.t("no-such-id"), "no-such-id");
}

#[test]
fn a_broken_ftl_file_is_refused_naming_the_file() {
    let read = |_: &str| Some(b"language-name = English\nthis line is not fluent {\n".to_vec());
    let err = Catalog::load(read, vec!["en/counter.ftl".into()])
        .err()
        .expect("a syntax error is refused");
    assert!(matches!(err, I18nError::Broken { .. }));
    assert!(err.to_string().contains("en/counter.ftl"), "{err}");
}

#[test]
fn an_unknown_language_names_the_supported_ones() {
    let err = catalog().get("klingon").unwrap_err().to_string();
    assert!(err.contains("'klingon'"), "{err}");
    assert!(err.contains("en, fil, lv, sr-Cyrl, sr-Latn, te"), "{err}");
}

#[test]
fn other_tags_find_the_best_shipped_locale() {
    let best = |t| catalog().best(t).map(|l| l.tag().to_string());
    assert_eq!(best("lv_LV.UTF-8").as_deref(), Some("lv"));
    assert_eq!(best("sr-RS").as_deref(), Some("sr-Cyrl"));
    assert_eq!(best("sr-Latn-RS").as_deref(), Some("sr-Latn"));
    assert_eq!(best("te-IN").as_deref(), Some("te"));
    assert_eq!(best("en-IE").as_deref(), Some("en"));
    assert_eq!(best("de-DE"), None);
    assert_eq!(best("C"), None);
}

/// Every message id the code asks for, from `t("…")` and `t_args("…"` in `src/`.
fn ids_in_code() -> Vec<String> {
    let re = regex::Regex::new(r#"\bt(?:_args)?\(\s*"([a-z0-9-]+)""#).unwrap();
    // Ids chosen at run time, written out where the choice is made.
    let chosen =
        regex::Regex::new(r#""((?:redeem|progress|role|theme|severity)-[a-z-]+|redeem)""#).unwrap();
    let mut ids = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                ids.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
                ids.extend(chosen.captures_iter(&text).map(|c| c[1].to_string()));
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_message_the_code_uses_is_in_english() {
    let english = catalog().ids(FALLBACK);
    let used = ids_in_code();
    assert!(used.len() > 100, "the scan finds the ids: {used:?}");
    let missing: Vec<&String> = used.iter().filter(|id| !english.contains(id)).collect();
    assert!(missing.is_empty(), "not in assets/i18n/en: {missing:?}");
}

#[test]
fn every_locale_has_every_english_message() {
    let english = catalog().ids(FALLBACK);
    for tag in catalog().tags() {
        let ids = catalog().ids(tag);
        let missing: Vec<&String> = english.iter().filter(|id| !ids.contains(id)).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        // A locale may name a currency's sign its own way; English keeps CLDR's.
        let extra: Vec<&String> = ids
            .iter()
            .filter(|id| !english.contains(id) && !id.starts_with("currency-symbol-"))
            .collect();
        assert!(
            extra.is_empty(),
            "{tag} has messages English does not: {extra:?}"
        );
    }
}
