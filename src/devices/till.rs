//! Till profiles for plug-in mode (`hardware/pos/*.toml`): how to find the total and the
//! receipt number in the text another till prints. Pure: text in, facts out.

use super::codepage::CodePage;
use super::profile::{ProfileError, list, own_dir, profile_text};
use regex::Regex;
use serde::Deserialize;

/// How a till numbers its receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// Never reused: the number alone identifies the receipt.
    Continuous,
    /// Starts again every day: number and date together identify it.
    Daily,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTill {
    name: String,
    code_page: CodePage,
    total: String,
    receipt: String,
    date: Option<String>,
    decimal: String,
    numbering: Numbering,
}

/// A till's receipt layout.
#[derive(Debug, Clone)]
pub struct TillProfile {
    pub id: String,
    pub name: String,
    /// The code page its text is in unless it sends `ESC t`.
    pub code_page: CodePage,
    total: Regex,
    receipt: Regex,
    date: Option<Regex>,
    decimal: char,
    pub numbering: Numbering,
}

/// What a till's receipt says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillReceipt {
    /// The total as printed, normalised to a decimal point ("1234.50").
    pub total: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
}

impl TillReceipt {
    /// The key that makes recording this receipt idempotent: the till's number (with the
    /// date for tills that number daily). `None` when the receipt does not carry enough.
    pub fn key(&self, numbering: Numbering) -> Option<String> {
        let number = self.number.as_deref()?;
        match numbering {
            Numbering::Continuous => Some(number.to_string()),
            Numbering::Daily => Some(format!("{number}@{}", self.date.as_deref()?)),
        }
    }
}

impl TillProfile {
    /// Loads `hardware/pos/{id}.toml`; every pattern is checked to compile and to capture.
    pub fn load(id: &str) -> Result<TillProfile, ProfileError> {
        let (path, text) = profile_text("pos", id).ok_or_else(|| ProfileError::Unknown {
            kind: "till",
            id: id.to_string(),
            available: list("pos").join(", "),
            dir: own_dir()
                .unwrap_or_else(|| std::path::PathBuf::from("hardware"))
                .join("pos"),
        })?;
        TillProfile::parse(id, &text).map_err(|message| ProfileError::Invalid { path, message })
    }

    /// A profile from TOML text.
    pub fn parse(id: &str, text: &str) -> Result<TillProfile, String> {
        let raw: RawTill = toml::from_str(text).map_err(|e| e.to_string())?;
        let pattern = |what: &str, p: &str| -> Result<Regex, String> {
            let r = Regex::new(p).map_err(|e| format!("{what}: {e}"))?;
            if r.captures_len() < 2 {
                return Err(format!(
                    "{what}: the pattern needs a capture group (…) for the value"
                ));
            }
            Ok(r)
        };
        let decimal = match raw.decimal.as_str() {
            "." => '.',
            "," => ',',
            other => return Err(format!("decimal is \".\" or \",\", not {other:?}")),
        };
        if raw.numbering == Numbering::Daily && raw.date.is_none() {
            return Err("numbering = \"daily\" needs a date pattern".into());
        }
        Ok(TillProfile {
            id: id.to_string(),
            name: raw.name,
            code_page: raw.code_page,
            total: pattern("total", &raw.total)?,
            receipt: pattern("receipt", &raw.receipt)?,
            date: raw
                .date
                .as_deref()
                .map(|p| pattern("date", p))
                .transpose()?,
            decimal,
            numbering: raw.numbering,
        })
    }

    /// Reads a receipt's text. The last total wins (subtotals come first).
    pub fn read(&self, text: &str) -> TillReceipt {
        let last = |r: &Regex| {
            r.captures_iter(text)
                .last()
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim().to_string())
        };
        let total = last(&self.total).map(|t| {
            let thousands = if self.decimal == '.' { ',' } else { '.' };
            t.replace(thousands, "").replace(self.decimal, ".")
        });
        let first = |r: &Regex| {
            r.captures(text)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().trim().to_string())
        };
        TillReceipt {
            total,
            number: first(&self.receipt),
            date: self.date.as_ref().and_then(first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_till_profiles_read_their_layouts() {
        let point = TillProfile::load("generic-point").unwrap();
        let r = point.read(
            "CORNER COFFEE\nReceipt No: 10234      23/11/2026 14:05\nFlat white     3.40\n\
             Subtotal 1,234.50\nTOTAL        1,236.90\nCash 1,240.00\n",
        );
        assert_eq!(r.total.as_deref(), Some("1236.90"));
        assert_eq!(r.number.as_deref(), Some("10234"));
        assert_eq!(r.key(point.numbering).as_deref(), Some("10234"));

        let comma = TillProfile::load("euro-comma").unwrap();
        let r = comma.read(
            "Bäckerei Sonne\nBon-Nr. 0042    Datum 23.11.2026 14:05\nCappuccino  3,40 EUR\n\
             SUMME EUR      1.212,50\nGegeben 1.220,00\n",
        );
        assert_eq!(r.total.as_deref(), Some("1212.50"));
        assert_eq!(r.key(comma.numbering).as_deref(), Some("0042@23.11.2026"));
        // No total: nothing to record.
        assert_eq!(comma.read("Bon-Nr. 7\nstorniert\n").total, None);
    }

    #[test]
    fn bad_profiles_say_what_is_wrong() {
        let base =
            "name='x'\ncode_page='cp437'\ntotal='TOTAL (\\d+)'\nreceipt='No (\\d+)'\ndecimal='.'\n";
        assert!(TillProfile::parse("x", &format!("{base}numbering='continuous'")).is_ok());
        let e = TillProfile::parse("x", &format!("{base}numbering='daily'")).unwrap_err();
        assert!(e.contains("date pattern"), "{e}");
        let e = TillProfile::parse("x", &base.replace("(\\\\d+)'\nreceipt", "\\\\d+'\nreceipt"))
            .unwrap_err();
        assert!(e.contains("capture group") || e.contains("missing"), "{e}");
    }
}
