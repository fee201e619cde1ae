//! Reading a customer file from another system (or from `export customers`): every row checked
//! before anything is written, each fault named with its line. Pure: the file arrives as bytes,
//! the shop's calling code and languages as arguments; matching rows to customers already here
//! is the store's.

mod columns;

pub use columns::{EXPORT_ONLY, EXPORT_READ, Field, Format, consent_headers, field_of};

use crate::domain::code::CustomerCode;
use crate::domain::contact::{birthday_text, customer_name, normalize_email, normalize_phone};
use crate::domain::messages::Channel;
use crate::domain::spreadsheet::read_cell;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Most points or stamps one row may bring (a typo of a few zeros is caught, not credited).
pub const MAX_OPENING: i64 = 10_000_000;

/// Consent given before the customer came here, as the file says it was.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PriorConsent {
    pub channel: Channel,
    pub at: i64,
    pub how: String,
}

/// One customer as the file has them, checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportRow {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A Regulars card code, stored form.
    pub card: Option<String>,
    pub points: i64,
    pub stamps: i64,
    /// MM-DD.
    pub birthday: Option<String>,
    pub language: Option<String>,
    pub consents: Vec<PriorConsent>,
    /// The row's own fingerprint: what it brings is credited once, even if the row comes again
    /// in another file (a corrected copy of this one).
    pub key: String,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
pub enum RowFault {
    /// The CSV itself could not be read at this row (a stray quote, a wrong count of cells).
    Unreadable {
        detail: String,
    },
    /// More cells than the header has columns: the row's cells would land in the wrong ones.
    Cells {
        found: usize,
        header: usize,
    },
    /// No name, phone or email: nobody to import.
    Nobody,
    /// A new customer needs a name (a row that matches someone here does not).
    NoName,
    NameTooLong,
    Phone {
        text: String,
    },
    Email {
        text: String,
    },
    Card {
        text: String,
    },
    Points {
        text: String,
    },
    NegativePoints {
        text: String,
    },
    Stamps {
        text: String,
    },
    Birthday {
        text: String,
    },
    Language {
        text: String,
        known: String,
    },
    ConsentDate {
        channel: Channel,
        text: String,
    },
    /// A consent date with nothing saying how it was given, or the other way round.
    ConsentHalf {
        channel: Channel,
    },
    SamePhone {
        line: u64,
    },
    SameEmail {
        line: u64,
    },
    SameCard {
        line: u64,
    },
    /// Found by the store: the row's phone, email and card point at different customers here.
    TwoCustomers {
        first: String,
        second: String,
    },
    /// Found by the store: the card code belongs to nobody here and cannot be given (taken by a
    /// merged card, or the row's phone is someone else's).
    CardTaken {
        text: String,
    },
}

/// A bad row: its line and everything wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BadRow {
    pub line: u64,
    pub faults: Vec<RowFault>,
}

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileFault {
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the file has no header row")]
    Empty,
    /// None of the headers is one the format reads.
    #[error("no column this format reads: {found}")]
    NoColumns { format: Format, found: String },
}

/// A file read: good rows, bad rows, and which columns were read or passed over.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Parsed {
    pub format: Format,
    /// SHA-256 of the file's bytes: the same file imported twice is one batch.
    pub digest: String,
    pub rows: Vec<ImportRow>,
    pub bad: Vec<BadRow>,
    pub read: Vec<String>,
    pub ignored: Vec<String>,
}

/// What a file is read with.
pub struct Reading<'a> {
    pub format: Format,
    /// The shop's calling code, for phones written the national way.
    pub country_code: Option<&'a str>,
    /// Language tags the shop has words for.
    pub languages: &'a [&'a str],
    /// Now, unix seconds: a consent cannot have been given in the future.
    pub now: i64,
}

/// Reads `bytes` as a customer file in `how.format`.
pub fn parse(bytes: &[u8], how: &Reading<'_>) -> Result<Parsed, FileFault> {
    let digest = hex(&Sha256::digest(bytes));
    let text = std::str::from_utf8(bytes).map_err(|_| FileFault::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| FileFault::Empty)?.clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(FileFault::Empty);
    }
    let fields: Vec<Option<Field>> = headers.iter().map(|h| field_of(how.format, h)).collect();
    let (mut read, mut ignored) = (Vec::new(), Vec::new());
    for (h, f) in headers.iter().zip(&fields) {
        match f {
            Some(_) => read.push(h.trim().to_string()),
            None if !h.trim().is_empty() => ignored.push(h.trim().to_string()),
            None => {}
        }
    }
    // A file must say who its customers are: a name, a phone, an email or a card.
    let who = |f: &Field| {
        matches!(
            f,
            Field::Name
                | Field::FirstName
                | Field::LastName
                | Field::Nickname
                | Field::Phone
                | Field::Email
                | Field::Card
        )
    };
    if !fields.iter().flatten().any(who) {
        return Err(FileFault::NoColumns {
            format: how.format,
            found: headers.iter().collect::<Vec<_>>().join(", "),
        });
    }
    let mut parsed = Parsed {
        format: how.format,
        digest,
        rows: Vec::new(),
        bad: Vec::new(),
        read,
        ignored,
    };
    let mut seen = Seen::default();
    let lines = Lines::of(text);
    for record in reader.records() {
        let (line, result) = match record {
            Ok(r) => {
                let line = lines.at(r.position());
                if r.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let extra = r.iter().skip(fields.len()).any(|c| !c.trim().is_empty());
                if extra {
                    let (found, header) = (r.len(), fields.len());
                    (line, Err(vec![RowFault::Cells { found, header }]))
                } else {
                    (line, row(&r, &fields, how, line))
                }
            }
            Err(e) => {
                let line = lines.at(e.position());
                let detail = e.to_string();
                (line, Err(vec![RowFault::Unreadable { detail }]))
            }
        };
        match result.and_then(|r| seen.check(r)) {
            Ok(r) => parsed.rows.push(r),
            Err(faults) => parsed.bad.push(BadRow { line, faults }),
        }
    }
    Ok(parsed)
}

/// Where each line of the text begins, to name a record's line from its byte (the `csv`
/// crate's own line count is one short after a CRLF line end).
struct Lines<'a> {
    text: &'a str,
    ends: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn of(text: &'a str) -> Lines<'a> {
        let ends = text.match_indices('\n').map(|(i, _)| i).collect();
        Lines { text, ends }
    }

    /// The line (from 1) of the first character of a record starting at `position`.
    fn at(&self, position: Option<&csv::Position>) -> u64 {
        let Some(p) = position else { return 0 };
        let bytes = self.text.as_bytes();
        let mut start = p.byte() as usize;
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        (self.ends.partition_point(|&e| e < start) + 1) as u64
    }
}

/// The phones, emails and cards of the rows read so far, to refuse a second row with one.
#[derive(Default)]
struct Seen {
    phones: HashMap<String, u64>,
    emails: HashMap<String, u64>,
    cards: HashMap<String, u64>,
}

impl Seen {
    fn check(&mut self, r: ImportRow) -> Result<ImportRow, Vec<RowFault>> {
        let mut faults = Vec::new();
        let mut once =
            |map: &mut HashMap<String, u64>, v: &Option<String>, f: fn(u64) -> RowFault| {
                if let Some(v) = v {
                    match map.get(v) {
                        Some(first) => faults.push(f(*first)),
                        None => {
                            map.insert(v.clone(), r.line);
                        }
                    }
                }
            };
        once(&mut self.phones, &r.phone, |line| RowFault::SamePhone {
            line,
        });
        once(&mut self.emails, &r.email, |line| RowFault::SameEmail {
            line,
        });
        once(&mut self.cards, &r.card, |line| RowFault::SameCard { line });
        if faults.is_empty() {
            Ok(r)
        } else {
            Err(faults)
        }
    }
}

/// One record's cells, checked.
fn row(
    record: &csv::StringRecord,
    fields: &[Option<Field>],
    how: &Reading<'_>,
    line: u64,
) -> Result<ImportRow, Vec<RowFault>> {
    let mut faults = Vec::new();
    let mut cells: HashMap<Field, &str> = HashMap::new();
    let mut consent_at: HashMap<Channel, &str> = HashMap::new();
    let mut consent_how: HashMap<Channel, &str> = HashMap::new();
    for (cell, field) in record.iter().zip(fields) {
        let cell = read_cell(cell.trim());
        let Some(field) = field.filter(|_| !cell.is_empty()) else {
            continue;
        };
        match field {
            Field::ConsentAt(c) => {
                consent_at.insert(c, cell);
            }
            Field::ConsentHow(c) => {
                consent_how.insert(c, cell);
            }
            f => {
                cells.insert(f, cell);
            }
        }
    }
    let name = name_of(&cells, &mut faults);
    let phone = cells.get(&Field::Phone).and_then(|t| {
        normalize_phone(t, how.country_code)
            .map_err(|_| {
                faults.push(RowFault::Phone {
                    text: t.to_string(),
                })
            })
            .ok()
    });
    let email = cells.get(&Field::Email).and_then(|t| {
        normalize_email(t)
            .map_err(|_| {
                faults.push(RowFault::Email {
                    text: t.to_string(),
                })
            })
            .ok()
    });
    let card = cells.get(&Field::Card).and_then(|t| {
        CustomerCode::parse(t)
            .map(|c| c.as_str().to_string())
            .map_err(|_| {
                faults.push(RowFault::Card {
                    text: t.to_string(),
                })
            })
            .ok()
    });
    let points = count(cells.get(&Field::Points), how.format, &mut faults, true);
    let stamps = count(cells.get(&Field::Stamps), how.format, &mut faults, false);
    let birthday = cells.get(&Field::Birthday).and_then(|t| {
        birthday_of(t)
            .ok_or_else(|| {
                faults.push(RowFault::Birthday {
                    text: t.to_string(),
                })
            })
            .ok()
    });
    let language = cells.get(&Field::Language).and_then(|t| {
        let found = how
            .languages
            .iter()
            .find(|l| l.eq_ignore_ascii_case(t) || l.replace('-', "_").eq_ignore_ascii_case(t));
        match found {
            Some(l) => Some(l.to_string()),
            None => {
                faults.push(RowFault::Language {
                    text: t.to_string(),
                    known: how.languages.join(", "),
                });
                None
            }
        }
    });
    let mut consents = Vec::new();
    for channel in Channel::ALL {
        match (consent_at.get(&channel), consent_how.get(&channel)) {
            (None, None) => {}
            (Some(at), Some(words)) => match when(at).filter(|t| *t <= how.now) {
                Some(at) => consents.push(PriorConsent {
                    channel,
                    at,
                    how: words.to_string(),
                }),
                None => faults.push(RowFault::ConsentDate {
                    channel,
                    text: at.to_string(),
                }),
            },
            _ => faults.push(RowFault::ConsentHalf { channel }),
        }
    }
    if name.is_none() && phone.is_none() && email.is_none() && card.is_none() && faults.is_empty() {
        faults.push(RowFault::Nobody);
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    let key = fingerprint(record);
    Ok(ImportRow {
        line,
        name,
        phone,
        email,
        card,
        points,
        stamps,
        birthday,
        language,
        consents,
        key,
    })
}

/// The name: the name column, else first and last name, else the nickname.
fn name_of(cells: &HashMap<Field, &str>, faults: &mut Vec<RowFault>) -> Option<String> {
    let joined = [Field::FirstName, Field::LastName]
        .iter()
        .filter_map(|f| cells.get(f).copied())
        .collect::<Vec<_>>()
        .join(" ");
    let text = cells
        .get(&Field::Name)
        .map(|s| s.to_string())
        .or_else(|| (!joined.is_empty()).then_some(joined))
        .or_else(|| cells.get(&Field::Nickname).map(|s| s.to_string()))?;
    match customer_name(&text) {
        Some(n) => Some(n.to_string()),
        None => {
            faults.push(RowFault::NameTooLong);
            None
        }
    }
}

/// Points or stamps: a whole number, not negative. Loyverse keeps points with decimals
/// (`12.00`); a fraction there is dropped, elsewhere it is a fault.
fn count(text: Option<&&str>, format: Format, faults: &mut Vec<RowFault>, points: bool) -> i64 {
    let Some(t) = text else { return 0 };
    let bad = |faults: &mut Vec<RowFault>| {
        let text = t.to_string();
        faults.push(if points {
            RowFault::Points { text }
        } else {
            RowFault::Stamps { text }
        });
        0
    };
    let plain: String = t.chars().filter(|c| !matches!(c, ' ' | '\u{a0}')).collect();
    let (whole, fraction) = match plain.split_once(['.', ',']) {
        Some((w, f)) if f.chars().all(|c| c.is_ascii_digit()) => (w, f),
        Some(_) => return bad(faults),
        None => (plain.as_str(), ""),
    };
    let fraction_ok = fraction.chars().all(|c| c == '0') || format == Format::Loyverse;
    match whole.parse::<i64>() {
        Ok(n) if n < 0 && points => {
            faults.push(RowFault::NegativePoints {
                text: t.to_string(),
            });
            0
        }
        Ok(n) if (0..=MAX_OPENING).contains(&n) && fraction_ok => n,
        _ => bad(faults),
    }
}

/// A birthday as files write it: `MM-DD`, or a full date `YYYY-MM-DD` (the year is not kept),
/// also with slashes.
fn birthday_of(text: &str) -> Option<String> {
    let t = text.trim().replace('/', "-");
    match t.len() {
        10 if t.as_bytes()[4] == b'-' => birthday_text(&t[5..]),
        _ => birthday_text(&t),
    }
}

/// A date (`2025-03-04`, taken as midnight UTC) or a time with its offset
/// (`2025-03-04T10:00:00Z`), as unix seconds.
pub fn when(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Ok(ts) = t.parse::<jiff::Timestamp>() {
        return Some(ts.as_second());
    }
    let date = t.parse::<jiff::civil::Date>().ok()?;
    format!("{date}T00:00:00Z")
        .parse::<jiff::Timestamp>()
        .ok()
        .map(|ts| ts.as_second())
}

/// A row's fingerprint: SHA-256 of its cells, trimmed, in order.
fn fingerprint(record: &csv::StringRecord) -> String {
    let mut h = Sha256::new();
    for cell in record {
        h.update(read_cell(cell.trim()).as_bytes());
        h.update([0x1f]);
    }
    hex(&h.finalize()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
