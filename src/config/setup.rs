//! The first-run assistant's answers written into `config.toml`, one step at a time, keeping
//! the template's comments: a power cut between two steps loses nothing already answered.
//!
//! Also what the assistant proposes before the owner answers: the currency of the computer's
//! region (or of the language, where the region is not known), amounts that suit it, and
//! rewards named in the shop's language.

use super::{Config, ConfigError, TEMPLATE};
use crate::domain::money::Currency;
use std::path::Path;
use std::str::FromStr;

/// Whether the data folder's settings were never made: no `config.toml`, or the template
/// exactly as a first start (or any command) wrote it. The counter then opens the assistant
/// (unless the shop already has a database: it sold on the defaults).
pub fn never_set_up(path: &Path) -> bool {
    match std::fs::read_to_string(path) {
        Ok(text) => text == TEMPLATE,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Reads `config.toml` (the template if there is none), lets `change` edit it, and writes it
/// back atomically, only if the result is a valid configuration, which it returns.
pub(super) fn edit(
    path: &Path,
    change: impl FnOnce(&mut toml_edit::DocumentMut),
) -> Result<Config, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => TEMPLATE.to_string(),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| ConfigError::Parse {
        path: path.to_path_buf(),
        message: format!("{e}"),
    })?;
    change(&mut doc);
    let new_text = doc.to_string();
    let config = Config::parse(&new_text, path)?;
    let io = |source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("toml.new");
    std::fs::write(&tmp, &new_text).map_err(io)?;
    // On disk before it takes the old file's place, so a power cut leaves one or the other.
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(config)
}

/// Sets `key` in the top-level `table` to `value`, keeping the comment after the old value.
fn set(doc: &mut toml_edit::DocumentMut, table: &str, key: &str, value: toml_edit::Value) {
    set_in(doc[table].or_insert(toml_edit::table()), key, value);
}

/// The shop's name.
pub fn save_name(path: &Path, name: &str) -> Result<Config, ConfigError> {
    edit(path, |doc| set(doc, "shop", "name", name.trim().into()))
}

/// The shop's language (a shipped locale's tag).
pub fn save_language(path: &Path, tag: &str) -> Result<Config, ConfigError> {
    edit(path, |doc| set(doc, "shop", "language", tag.into()))
}

/// The shop's currency, with the amounts made to suit it ([`amounts_for`]): spent per point,
/// the smallest sale that counts, and the refunds that need the owner's PIN.
pub fn save_currency(path: &Path, currency: Currency) -> Result<Config, ConfigError> {
    let (per, min_spend) = amounts_for(currency);
    let pin_above = scaled(currency, &per, 20);
    edit(path, |doc| {
        set(doc, "shop", "currency", currency.code().into());
        set(doc, "program", "per", per.into());
        set(doc, "program", "min_spend", min_spend.into());
        set(doc, "staff", "owner_pin_above", pin_above.into());
    })
}

/// `times` × `amount` (as [`amounts_for`] writes it), written the same way.
fn scaled(currency: Currency, amount: &str, times: i64) -> String {
    let whole: i64 = amount.split('.').next().unwrap_or("1").parse().unwrap_or(1);
    show(currency, whole * times)
}

/// A whole amount of `currency` as config.toml writes it (`100.00`, `100` in yen).
fn show(currency: Currency, whole: i64) -> String {
    match currency.exponent() {
        0 => whole.to_string(),
        e => format!("{whole}.{}", "0".repeat(e as usize)),
    }
}

/// How customers earn: points for what they spend, or a stamp card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earning {
    /// Points for every so much spent; rewards bought with points. No stamps.
    Points,
    /// Every tenth visit earns the first reward; points are still counted.
    Stamps,
}

/// A reward of the catalogue, as the assistant offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewardChoice {
    pub id: String,
    pub name: String,
    pub cost: i64,
}

/// The first rewards the assistant offers, named in `words`' language.
pub fn default_rewards(words: &crate::i18n::Words) -> Vec<RewardChoice> {
    [
        ("coffee", "setup-reward-coffee", 40),
        ("cake", "setup-reward-cake", 60),
        ("beans", "setup-reward-beans", 150),
    ]
    .into_iter()
    .map(|(id, message, cost)| RewardChoice {
        id: id.into(),
        name: words.t(message),
        cost,
    })
    .collect()
}

/// How customers earn and the rewards (those with an empty name are left out). A stamp card
/// gives the cheapest reward every tenth visit.
pub fn save_earning(
    path: &Path,
    earning: Earning,
    rewards: &[RewardChoice],
) -> Result<Config, ConfigError> {
    let kept: Vec<&RewardChoice> = rewards
        .iter()
        .filter(|r| !r.name.trim().is_empty())
        .collect();
    let first = kept.iter().min_by_key(|r| r.cost).map(|r| r.id.clone());
    edit(path, |doc| {
        let mut list = toml_edit::ArrayOfTables::new();
        for r in &kept {
            let mut t = toml_edit::Table::new();
            t["id"] = toml_edit::value(r.id.as_str());
            t["name"] = toml_edit::value(r.name.trim());
            t["cost"] = toml_edit::value(r.cost);
            list.push(t);
        }
        doc["program"].or_insert(toml_edit::table())["rewards"] =
            toml_edit::Item::ArrayOfTables(list);
        let every = match (earning, &first) {
            (Earning::Stamps, Some(_)) => 10,
            _ => 0,
        };
        let stamps = &mut doc["program"]["stamps"];
        if stamps.is_none() {
            *stamps = toml_edit::table();
        }
        set_in(stamps, "every", every.into());
        if let Some(id) = &first {
            set_in(stamps, "reward", id.as_str().into());
        }
    })
}

/// Sets `key` in `table` to `value`, keeping the comment after the old value.
pub(super) fn set_in(table: &mut toml_edit::Item, key: &str, value: toml_edit::Value) {
    let decor = table
        .get(key)
        .and_then(|v| v.as_value())
        .map(|v| v.decor().clone());
    table[key] = toml_edit::value(value);
    if let (Some(decor), Some(v)) = (decor, table[key].as_value_mut()) {
        *v.decor_mut() = decor;
    }
}

/// The country of the computer's locale (`lv_LV.UTF-8`: `LV`): its region, else the home of
/// its language (`sr`: `RS`, `fil`: `PH`, `te`: `IN`), if known.
fn country_of(locale: &str) -> Option<String> {
    let parts: Vec<&str> = locale.split(['-', '_', '.', '@']).collect();
    let region = parts
        .iter()
        .skip(1)
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
    let home = |language: &str| match language {
        "lv" => Some("LV"),
        "sr" => Some("RS"),
        "fil" | "tl" => Some("PH"),
        "te" | "hi" => Some("IN"),
        "ga" => Some("IE"),
        _ => None,
    };
    region
        .map(|r| r.to_ascii_uppercase())
        .or_else(|| home(&parts[0].to_ascii_lowercase()).map(str::to_string))
}

/// The currency of the computer's locale (`lv-LV`: euros, `te-IN`: rupees): its country's,
/// else euros.
pub fn currency_for_locale(locale: &str) -> Currency {
    country_of(locale)
        .and_then(|c| iso_currency::Country::from_str(&c).ok())
        .and_then(|c| iso_currency::Currency::from_country(c).first().copied())
        .and_then(|c| Currency::from_code(c.code()).ok())
        .unwrap_or_else(|| Currency::from_code("EUR").expect("euros are known"))
}

/// The calling code of the computer's country (`lv_LV`: `+371`), if known: phones typed the
/// national way ("2612 3456") are then the same as written with it.
pub fn calling_code_for_locale(locale: &str) -> Option<String> {
    let country = country_of(locale)?;
    let meta = phonenumber::metadata::DATABASE.by_id(country.as_str())?;
    Some(format!("+{}", meta.country_code()))
}

/// The shop's country calling code, unless one is set already.
pub fn save_calling_code(path: &Path, code: &str) -> Result<Config, ConfigError> {
    edit(path, |doc| {
        if doc
            .get("shop")
            .and_then(|s| s.get("country_code"))
            .is_none()
        {
            set(doc, "shop", "country_code", code.into());
        }
    })
}

/// Spent per point and the smallest sale that counts as a visit, in `currency`: one point for
/// about a euro's worth (a round number of the currency), two euros' worth to count.
pub fn amounts_for(currency: Currency) -> (String, String) {
    // Roughly how many of the currency make a euro, rounded to a number people count in.
    let per: i64 = match currency.code() {
        "RSD" | "INR" | "JPY" | "RUB" | "KES" | "ISK" => 100,
        "PHP" | "UAH" | "THB" | "TRY" => 50,
        "SEK" | "NOK" | "DKK" | "CZK" | "CNY" | "ZAR" | "MXN" => 10,
        "PLN" | "RON" | "AED" | "BRL" | "MYR" => 5,
        "HUF" | "CLP" | "PKR" | "NGN" | "LKR" => 500,
        "IDR" | "VND" | "KRW" | "COP" => 10_000,
        _ => 1,
    };
    (show(currency, per), show(currency, per * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_answer_is_saved_keeping_the_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert!(never_set_up(&path));
        std::fs::write(&path, TEMPLATE).unwrap();
        assert!(never_set_up(&path));
        let c = save_name(&path, "  Kafejnīca Rīga ").unwrap();
        assert_eq!(c.shop.name, "Kafejnīca Rīga");
        assert!(!never_set_up(&path));
        let c = save_language(&path, "lv").unwrap();
        assert_eq!(c.shop.language, "lv");
        let c = save_currency(&path, Currency::from_code("INR").unwrap()).unwrap();
        assert_eq!(c.shop.currency.code(), "INR");
        assert_eq!(c.program.earn.per_minor, 10_000);
        assert_eq!(c.program.min_spend_minor, 20_000);
        assert_eq!(c.staff.owner_pin_above, 200_000);
        let words = c.shop.words();
        let mut rewards = default_rewards(&words);
        rewards[2].name = String::new();
        let c = save_earning(&path, Earning::Points, &rewards).unwrap();
        assert_eq!(c.program.rewards.len(), 2);
        assert_eq!(c.program.stamps, None);
        let c = save_earning(&path, Earning::Stamps, &rewards).unwrap();
        assert_eq!(c.program.stamps.as_ref().unwrap().every, 10);
        assert_eq!(c.program.stamps.unwrap().reward, "coffee");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("currency = \"INR\"          # ISO code"),
            "{text}"
        );
        assert!(text.contains("# ... for every this much spent"), "{text}");
        assert!(
            text.contains("# every 10th qualifying visit earns"),
            "{text}"
        );
        assert!(text.contains("[printer]"), "the rest is kept: {text}");
    }

    #[test]
    fn a_wrong_answer_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        save_name(&path, "Corner").unwrap();
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(save_language(&path, "xx").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    }

    #[test]
    fn the_currency_follows_the_region_then_the_language() {
        for (locale, code) in [
            ("lv-LV", "EUR"),
            ("lv_LV.UTF-8", "EUR"),
            ("sr-Cyrl-RS", "RSD"),
            ("sr-Latn", "RSD"),
            ("fil-PH", "PHP"),
            ("te-IN", "INR"),
            ("te", "INR"),
            ("en-IE", "EUR"),
            ("en-GB", "GBP"),
            ("en-PH", "PHP"),
            ("en", "EUR"),
            ("C", "EUR"),
        ] {
            assert_eq!(currency_for_locale(locale).code(), code, "{locale}");
        }
        for (locale, code) in [
            ("lv_LV.UTF-8", Some("+371")),
            ("sr-Cyrl-RS", Some("+381")),
            ("fil-PH", Some("+63")),
            ("te", Some("+91")),
            ("en-IE", Some("+353")),
            ("en", None),
        ] {
            assert_eq!(calling_code_for_locale(locale).as_deref(), code, "{locale}");
        }
        assert_eq!(
            amounts_for(Currency::from_code("RSD").unwrap()),
            ("100.00".into(), "200.00".into())
        );
        assert_eq!(
            amounts_for(Currency::from_code("JPY").unwrap()),
            ("100".into(), "200".into())
        );
    }
}
