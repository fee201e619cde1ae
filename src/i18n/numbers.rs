//! Numbers and amounts the local way, with ICU4X (Fluent's own number formatting is not
//! locale-aware): `3,50 €` in Riga, `₱1,250.00` in Manila, `₹1,23,456.00` in Hyderabad.

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_locale_core::Locale;

/// A receipt's or a page's date and time, the locale's short way (`02.12.26 14:05` in Riga,
/// `12/2/26, 2:05 PM` in English).
type DateTimes = icu_datetime::FixedCalendarDateTimeFormatter<
    icu_calendar::Gregorian,
    icu_datetime::fieldsets::YMDT,
>;

/// A day, the locale's long way (`2026. gada 14. jūlijs`, `July 14, 2026`).
type Dates = icu_datetime::FixedCalendarDateTimeFormatter<
    icu_calendar::Gregorian,
    icu_datetime::fieldsets::YMD,
>;

/// Formats plain numbers, amounts and dates for one locale.
pub struct Numbers {
    locale: Locale,
    decimal: DecimalFormatter,
    /// Made on first use: most processes format few dates in few locales.
    date_time: std::sync::OnceLock<Option<DateTimes>>,
    date: std::sync::OnceLock<Option<Dates>>,
    /// The decimal separator the locale writes (and a till's decimal key types).
    pub decimal_separator: char,
}

impl std::fmt::Debug for Numbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Numbers({})", self.locale)
    }
}

impl Numbers {
    /// `tag` is a BCP 47 tag the shipped locales use (`lv`, `sr-Cyrl`, `te`…).
    pub fn new(tag: &str) -> Option<Numbers> {
        let locale: Locale = tag.parse().ok()?;
        let decimal = DecimalFormatter::try_new((&locale).into(), Default::default()).ok()?;
        let half: Decimal = "1.5".parse().ok()?;
        let decimal_separator = decimal
            .format_to_string(&half)
            .chars()
            .find(|c| !c.is_ascii_digit())
            .unwrap_or('.');
        Some(Numbers {
            locale,
            decimal,
            date_time: std::sync::OnceLock::new(),
            date: std::sync::OnceLock::new(),
            decimal_separator,
        })
    }

    /// A wall-clock date and time (already in the shop's time zone), the locale's way; ISO
    /// `2026-12-02 14:05` where the locale has no pattern.
    pub fn date_time(&self, year: i16, month: u8, day: u8, hour: u8, minute: u8) -> String {
        let iso = || format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}");
        let formatter = self.date_time.get_or_init(|| {
            let fields = icu_datetime::fieldsets::YMDT::short()
                .with_time_precision(icu_datetime::options::TimePrecision::Minute);
            DateTimes::try_new((&self.locale).into(), fields).ok()
        });
        let (Some(f), Ok(date), Ok(time)) = (
            formatter,
            icu_calendar::Date::try_new_gregorian(i32::from(year), month, day),
            icu_time::Time::try_new(hour, minute, 0, 0),
        ) else {
            return iso();
        };
        f.format(&icu_time::DateTime { date, time }).to_string()
    }

    /// A day (year, month, day) the locale's long way; ISO `2026-07-14` where it has none.
    pub fn date(&self, year: i16, month: u8, day: u8) -> String {
        let formatter = self.date.get_or_init(|| {
            Dates::try_new((&self.locale).into(), icu_datetime::fieldsets::YMD::long()).ok()
        });
        match (
            formatter,
            icu_calendar::Date::try_new_gregorian(i32::from(year), month, day),
        ) {
            (Some(f), Ok(date)) => f.format(&date).to_string(),
            _ => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// A whole number with the locale's grouping (`1 250`, `1,250`, `1.250`).
    pub fn number(&self, n: i64) -> String {
        self.decimal.format_to_string(&Decimal::from(n))
    }

    /// A number rounded to `places` decimals, grouped the local way (`59,7`, `1 234,50`).
    pub fn fixed(&self, value: f64, places: u32) -> String {
        let scaled = (value * 10f64.powi(places as i32)).round() as i64;
        let mut d = Decimal::from(scaled);
        d.multiply_pow10(-(places as i16));
        d.pad_end(-(places as i16));
        self.decimal.format_to_string(&d)
    }

    /// An amount of `minor` units in a currency with `exponent` decimals, with the currency's
    /// symbol where the locale puts it. Falls back to the number and the ISO code.
    pub fn amount(&self, minor: i64, code: &str, exponent: u32) -> String {
        let mut value = Decimal::from(minor);
        value.multiply_pow10(-(exponent as i16));
        value.pad_end(-(exponent as i16));
        let formatted = CurrencyType::try_from_str(code)
            .ok()
            .and_then(|c| {
                CurrencyFormatter::try_new_symbol((&self.locale).into(), c, Default::default()).ok()
            })
            .map(|f| f.format_fixed_decimal(&value).to_string());
        formatted.unwrap_or_else(|| format!("{} {code}", self.decimal.format_to_string(&value)))
    }
}

/// Numbers inside messages (`{ $points } points`) grouped the locale's way too: Fluent's own
/// formatting writes digits only, so each bundle formats numbers through ICU4X instead.
struct MessageNumbers(Numbers);

impl intl_memoizer::Memoizable for MessageNumbers {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Numbers::new(&lang.to_string())
            .map(MessageNumbers)
            .ok_or(())
    }
}

/// The formatter each bundle uses for number arguments: whole numbers grouped by ICU4X; any
/// other value as Fluent writes it.
pub(super) fn in_messages(
    value: &fluent_bundle::FluentValue,
    memo: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let fluent_bundle::FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.fract() != 0.0 || n.value.abs() > 1e15 {
        return None;
    }
    memo.with_try_get::<MessageNumbers, _, _>((), |f| f.0.number(n.value as i64))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::Numbers;

    fn amount(tag: &str, minor: i64, code: &str) -> String {
        // Non-breaking spaces become plain ones, to keep the expectations readable.
        Numbers::new(tag)
            .unwrap()
            .amount(minor, code, 2)
            .replace(['\u{a0}', '\u{202f}'], " ")
    }

    #[test]
    fn amounts_in_each_shipped_locale() {
        assert_eq!(amount("en", 350, "EUR"), "€3.50");
        assert_eq!(amount("lv", 350, "EUR"), "3,50 €");
        assert_eq!(amount("fil", 125_000, "PHP"), "₱1,250.00");
        assert_eq!(amount("te", 12_345_600, "INR"), "₹1,23,456.00");
        assert_eq!(amount("sr-Cyrl", 125_000, "RSD"), "1.250,00 RSD");
        assert_eq!(amount("sr-Latn", 125_000, "RSD"), "1.250,00 RSD");
    }

    #[test]
    fn dates_in_each_shipped_locale() {
        let at = |tag: &str| {
            Numbers::new(tag)
                .unwrap()
                .date_time(2026, 12, 2, 14, 5)
                .replace(['\u{a0}', '\u{202f}'], " ")
        };
        assert_eq!(at("en"), "12/2/26, 2:05 PM");
        assert_eq!(at("lv"), "02.12.26. 14:05");
        assert_eq!(at("sr-Cyrl"), "2. 12. 26. 14:05");
        assert_eq!(at("sr-Latn"), "2. 12. 26. 14:05");
        assert_eq!(at("fil"), "12/2/26, 2:05 PM");
        assert_eq!(at("te"), "02/12/26 2:05 PM");
    }

    #[test]
    fn numbers_and_decimal_separators() {
        let lv = Numbers::new("lv").unwrap();
        assert_eq!(lv.decimal_separator, ',');
        // Latvian groups from five digits on (CLDR's minimum grouping digits).
        assert_eq!(lv.number(1250), "1250");
        assert_eq!(lv.number(12_500).replace('\u{a0}', " "), "12 500");
        let te = Numbers::new("te").unwrap();
        assert_eq!(te.decimal_separator, '.');
        assert_eq!(te.number(123_456), "1,23,456");
        assert_eq!(Numbers::new("sr-Cyrl").unwrap().number(1250), "1.250");
        assert_eq!(lv.fixed(59.66, 1), "59,7");
        assert_eq!(te.fixed(4.0, 2), "4.00");
        assert_eq!(Numbers::new("en").unwrap().fixed(1234.5, 1), "1,234.5");
    }
}
