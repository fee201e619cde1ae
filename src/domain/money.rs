//! Money as integer minor units of the shop's currency, and reading what a cashier types.
//!
//! Amounts never pass through floating point: "12.50" in EUR is 1250 cents, and an amount with
//! more decimals than the currency has is refused rather than rounded (issue 2, bad input).

use std::fmt;

/// The largest amount accepted for one sale or refund, in minor units. Far above any counter
/// sale, far below where integer arithmetic on points could overflow.
pub const MAX_AMOUNT_MINOR: i64 = 1_000_000_000_000;

/// The shop's currency: its ISO code and how many decimals its minor unit has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    code: &'static str,
    exponent: u32,
}

impl Currency {
    /// Looks up an ISO 4217 code such as `EUR` or `JPY`.
    pub fn from_code(code: &str) -> Result<Currency, AmountError> {
        let found = iso_currency::Currency::from_code(&code.trim().to_ascii_uppercase())
            .ok_or_else(|| AmountError::UnknownCurrency(code.to_string()))?;
        Ok(Currency {
            code: found.code(),
            exponent: u32::from(found.exponent().unwrap_or(0)),
        })
    }

    /// The ISO code, e.g. `EUR`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Number of decimals of the minor unit (2 for EUR, 0 for JPY, 3 for KWD).
    pub fn exponent(&self) -> u32 {
        self.exponent
    }

    /// Minor units in one major unit (100 for EUR).
    pub fn minor_per_major(&self) -> i64 {
        10_i64.pow(self.exponent)
    }

    /// Parses an amount typed the way the shop's language writes numbers: `decimal` is its
    /// decimal separator (`,` in `lv` and `sr`), the other of `.` and `,` groups thousands
    /// (`1.250,00` in Belgrade, `1,250.00` in Manila) and is accepted only in groups of three.
    /// A lone separator that cannot be grouping ("12,5" in an English shop) is still read as
    /// the decimal point, as a cashier means it.
    pub fn parse_amount_local(&self, text: &str, decimal: char) -> Result<i64, AmountError> {
        let group = if decimal == ',' { '.' } else { ',' };
        let t = text.trim().replace([' ', '\u{a0}', '\u{202f}'], "");
        if !t.contains(group) {
            return self
                .parse_amount(&t.replace(decimal, "."))
                .map_err(|e| e.for_text(text));
        }
        let (whole, frac) = match t.split_once(decimal) {
            Some((w, f)) => (w, Some(f)),
            None => (t.as_str(), None),
        };
        let groups: Vec<&str> = whole.split(group).collect();
        let unsigned = groups[0].trim_start_matches(['-', '+']);
        let grouped =
            !unsigned.is_empty() && unsigned.len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
        let plain = if grouped {
            match frac {
                Some(f) => format!("{}.{f}", groups.concat()),
                None => groups.concat(),
            }
        } else if frac.is_none() && groups.len() == 2 {
            format!("{}.{}", groups[0], groups[1])
        } else {
            return Err(AmountError::NotANumber(text.to_string()));
        };
        self.parse_amount(&plain).map_err(|e| e.for_text(text))
    }

    /// Parses an amount typed at the till ("12.50", "12,5", "3") into minor units.
    /// Zero, negative, over-precise and oversized amounts are refused with a reason.
    pub fn parse_amount(&self, text: &str) -> Result<i64, AmountError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(AmountError::Empty);
        }
        if t.starts_with('-') {
            return Err(AmountError::Negative(t.to_string()));
        }
        let t = t.strip_prefix('+').unwrap_or(t);
        let separators = t.chars().filter(|c| *c == '.' || *c == ',').count();
        if separators > 1 {
            return Err(AmountError::NotANumber(text.to_string()));
        }
        let (whole, frac) = match t.find(['.', ',']) {
            Some(i) => (&t[..i], &t[i + 1..]),
            None => (t, ""),
        };
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits_only(whole) || !digits_only(frac) {
            return Err(AmountError::NotANumber(text.to_string()));
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() as u32 > self.exponent {
            return Err(AmountError::TooManyDecimals {
                text: text.to_string(),
                currency: self.code,
                allowed: self.exponent,
            });
        }
        let too_large = || AmountError::TooLarge {
            text: text.to_string(),
            max: self.format(MAX_AMOUNT_MINOR),
        };
        let whole_value: i64 = if whole.is_empty() {
            0
        } else if whole.len() > 15 {
            return Err(too_large());
        } else {
            whole.parse().map_err(|_| too_large())?
        };
        let mut frac_value: i64 = 0;
        for i in 0..self.exponent as usize {
            let d = frac_trimmed
                .as_bytes()
                .get(i)
                .map_or(0, |b| i64::from(b - b'0'));
            frac_value = frac_value * 10 + d;
        }
        let minor = whole_value
            .checked_mul(self.minor_per_major())
            .and_then(|m| m.checked_add(frac_value))
            .ok_or_else(too_large)?;
        if minor > MAX_AMOUNT_MINOR {
            return Err(too_large());
        }
        if minor == 0 {
            return Err(AmountError::Zero);
        }
        Ok(minor)
    }

    /// Formats minor units as a plain decimal, e.g. 1250 → "12.50".
    pub fn format(&self, minor: i64) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        let abs = minor.unsigned_abs();
        if self.exponent == 0 {
            return format!("{sign}{abs}");
        }
        let per = self.minor_per_major().unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / per,
            abs % per,
            width = self.exponent as usize
        )
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("no amount given: type the amount, e.g. 12.50")]
    Empty,
    #[error("'{0}' is not an amount: use digits with one decimal point, e.g. 12.50")]
    NotANumber(String),
    #[error("'{0}' is negative: amounts are positive; to give money back use `sale refund`")]
    Negative(String),
    #[error("the amount is zero: a sale or refund needs an amount above zero")]
    Zero,
    #[error("'{text}' has more decimals than {currency} has ({allowed}): check the amount")]
    TooManyDecimals {
        text: String,
        currency: &'static str,
        allowed: u32,
    },
    #[error("'{text}' is larger than the largest amount accepted ({max}): check the amount")]
    TooLarge { text: String, max: String },
    #[error("'{0}' is not a currency code Regulars knows: use an ISO code such as EUR or USD")]
    UnknownCurrency(String),
}

impl AmountError {
    /// The same error naming the text as the person typed it.
    fn for_text(self, typed: &str) -> AmountError {
        let typed = typed.trim().to_string();
        match self {
            AmountError::NotANumber(_) => AmountError::NotANumber(typed),
            AmountError::Negative(_) => AmountError::Negative(typed),
            AmountError::TooManyDecimals {
                currency, allowed, ..
            } => AmountError::TooManyDecimals {
                text: typed,
                currency,
                allowed,
            },
            AmountError::TooLarge { max, .. } => AmountError::TooLarge { text: typed, max },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_typed_the_local_way() {
        let rsd = Currency::from_code("RSD").unwrap();
        let php = Currency::from_code("PHP").unwrap();
        let e = eur();
        assert_eq!(e.parse_amount_local("3,50", ','), Ok(350));
        assert_eq!(rsd.parse_amount_local("1.250,00", ','), Ok(125_000));
        assert_eq!(rsd.parse_amount_local("1.250", ','), Ok(125_000));
        assert_eq!(rsd.parse_amount_local("12.50", ','), Ok(1250));
        assert_eq!(php.parse_amount_local("1,250.00", '.'), Ok(125_000));
        assert_eq!(php.parse_amount_local("1,250", '.'), Ok(125_000));
        assert_eq!(e.parse_amount_local("12,5", '.'), Ok(1250));
        assert_eq!(e.parse_amount_local("3.50", '.'), Ok(350));
        assert_eq!(e.parse_amount_local("12 500,00", ','), Ok(1_250_000));
        assert_eq!(
            rsd.parse_amount_local("1.25.0,00", ','),
            Err(AmountError::NotANumber("1.25.0,00".into()))
        );
        assert!(matches!(
            e.parse_amount_local("-3,50", ','),
            Err(AmountError::Negative(t)) if t == "-3,50"
        ));
        assert!(matches!(
            e.parse_amount_local("1,234", ','),
            Err(AmountError::TooManyDecimals { text, .. }) if text == "1,234"
        ));
    }

    fn eur() -> Currency {
        Currency::from_code("EUR").unwrap()
    }

    #[test]
    fn parses_typical_amounts() {
        let c = eur();
        assert_eq!(c.parse_amount("12.50"), Ok(1250));
        assert_eq!(c.parse_amount("12.5"), Ok(1250));
        assert_eq!(c.parse_amount("12,5"), Ok(1250));
        assert_eq!(c.parse_amount(" 3 "), Ok(300));
        assert_eq!(c.parse_amount(".99"), Ok(99));
        assert_eq!(c.parse_amount("1.500"), Ok(150));
    }

    #[test]
    fn refuses_bad_amounts() {
        let c = eur();
        assert!(matches!(
            c.parse_amount("-5"),
            Err(AmountError::Negative(_))
        ));
        assert_eq!(c.parse_amount("0.00"), Err(AmountError::Zero));
        assert!(matches!(
            c.parse_amount("12.505"),
            Err(AmountError::TooManyDecimals { allowed: 2, .. })
        ));
        assert!(matches!(
            c.parse_amount("99999999999999999999"),
            Err(AmountError::TooLarge { .. })
        ));
        assert!(matches!(
            c.parse_amount("1,234.50"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            c.parse_amount("12a"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            c.parse_amount("."),
            Err(AmountError::NotANumber(_))
        ));
        assert_eq!(c.parse_amount(""), Err(AmountError::Empty));
    }

    #[test]
    fn zero_decimal_currency() {
        let yen = Currency::from_code("jpy").unwrap();
        assert_eq!(yen.exponent(), 0);
        assert_eq!(yen.parse_amount("500"), Ok(500));
        assert!(yen.parse_amount("500.5").is_err());
        assert_eq!(yen.format(500), "500");
    }

    #[test]
    fn formats() {
        assert_eq!(eur().format(1250), "12.50");
        assert_eq!(eur().format(5), "0.05");
        assert_eq!(eur().format(-105), "-1.05");
    }
}
