//! Phone numbers and email addresses, normalised so the same person is not enrolled twice.
//!
//! "087 123 4567", "+353 87 1234567" and "00353871234567" are one phone when the shop's country
//! code is +353; emails compare case-insensitively. For spotting a friend who is really the
//! referrer, [`email_identity`] also folds `+tags` and Gmail's ignored dots.

/// Why a phone number or email was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error(
        "'{0}' is not a phone number: use digits, optionally starting with + and the country code"
    )]
    PhoneShape(String),
    #[error("'{0}' has too few or too many digits for a phone number (6 to 15)")]
    PhoneLength(String),
    #[error("'{0}' is not an email address: it needs one @ and a domain, like anna@example.com")]
    EmailShape(String),
}

/// Normalises a phone number to `+<digits>` when the country is known, else to bare digits.
/// `country_code` is the shop's calling code (e.g. "+353" or "353"), used for numbers typed
/// in national form with a leading 0.
pub fn normalize_phone(raw: &str, country_code: Option<&str>) -> Result<String, ContactError> {
    let t = raw.trim();
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            _ => return Err(ContactError::PhoneShape(t.to_string())),
        }
    }
    let cc: String = country_code
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let normalized = if plus {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(national) = national_number(&digits, &cc) {
        national
    } else if let (Some(rest), false) = (digits.strip_prefix('0'), cc.is_empty()) {
        format!("+{cc}{rest}")
    } else {
        digits
    };
    let count = normalized.trim_start_matches('+').len();
    if !(6..=15).contains(&count) {
        return Err(ContactError::PhoneLength(t.to_string()));
    }
    Ok(normalized)
}

/// A number written the national way (`2612 3456` in Latvia, `064 123 4567` in Serbia) in
/// international form, when it is a valid number of the shop's country (libphonenumber's rules).
fn national_number(digits: &str, cc: &str) -> Option<String> {
    let code: u16 = cc.parse().ok()?;
    let meta = phonenumber::metadata::DATABASE.by_code(&code)?;
    let region = meta
        .first()?
        .id()
        .parse::<phonenumber::country::Id>()
        .ok()?;
    let number = phonenumber::parse(Some(region), digits).ok()?;
    (number.is_valid() && number.code().value() == code)
        .then(|| number.format().mode(phonenumber::Mode::E164).to_string())
}

/// Normalises an email address: trimmed and lower case, with a basic shape check.
pub fn normalize_email(raw: &str) -> Result<String, ContactError> {
    let e = raw.trim().to_lowercase();
    let shape = || ContactError::EmailShape(raw.trim().to_string());
    let (local, domain) = e.split_once('@').ok_or_else(shape)?;
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(char::is_whitespace)
        && e.len() <= 254;
    if ok { Ok(e) } else { Err(shape()) }
}

/// The mailbox an address really reaches: `anna.b+shop@gmail.com` → `annab@gmail.com`.
/// Used to refuse a referral where the "friend" is the referrer under another address.
pub fn email_identity(normalized: &str) -> String {
    let Some((local, domain)) = normalized.split_once('@') else {
        return normalized.to_string();
    };
    let local = local.split('+').next().unwrap_or(local);
    let domain = if domain == "googlemail.com" {
        "gmail.com"
    } else {
        domain
    };
    let local = if domain == "gmail.com" {
        local.replace('.', "")
    } else {
        local.to_string()
    };
    format!("{local}@{domain}")
}

/// "MM-DD" checked as a day of some year (29 February allowed), written with two digits each.
pub fn birthday_text(text: &str) -> Option<String> {
    let (m, d) = text.trim().split_once('-')?;
    let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1..=12).contains(&m) && d >= 1 && d <= days[usize::from(m) - 1])
        .then(|| format!("{m:02}-{d:02}"))
}

/// Longest customer name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// A customer's name as kept: trimmed, 1 to [`MAX_NAME_CHARS`] characters, else `None`.
pub fn customer_name(text: &str) -> Option<&str> {
    let name = text.trim();
    (!name.is_empty() && name.chars().count() <= MAX_NAME_CHARS).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_to_a_hundred_letters() {
        assert_eq!(customer_name("  Līga Ozola "), Some("Līga Ozola"));
        assert_eq!(customer_name("   "), None);
        assert_eq!(
            customer_name(&"ā".repeat(100)).map(|n| n.chars().count()),
            Some(100)
        );
        assert_eq!(customer_name(&"ā".repeat(101)), None);
    }

    #[test]
    fn birthdays_are_a_day_of_some_year() {
        assert_eq!(birthday_text("7-14").as_deref(), Some("07-14"));
        assert_eq!(birthday_text("02-29").as_deref(), Some("02-29"));
        assert_eq!(birthday_text("02-30"), None);
        assert_eq!(birthday_text("13-01"), None);
        assert_eq!(birthday_text("1990-07-14"), None);
    }

    #[test]
    fn same_phone_in_every_form() {
        let cc = Some("+353");
        let forms = [
            "087 123 4567",
            "+353 87 1234567",
            "00353871234567",
            "(087) 123-4567",
        ];
        for f in forms {
            assert_eq!(normalize_phone(f, cc).unwrap(), "+353871234567", "form {f}");
        }
        assert_eq!(normalize_phone("087 123 4567", None).unwrap(), "0871234567");
    }

    #[test]
    fn bad_phones() {
        assert!(matches!(
            normalize_phone("call me", None),
            Err(ContactError::PhoneShape(_))
        ));
        assert!(matches!(
            normalize_phone("12 3", None),
            Err(ContactError::PhoneLength(_))
        ));
        assert!(matches!(
            normalize_phone("1234567890123456", None),
            Err(ContactError::PhoneLength(_))
        ));
        assert!(matches!(
            normalize_phone("12+3456789", None),
            Err(ContactError::PhoneShape(_))
        ));
    }

    #[test]
    fn emails() {
        assert_eq!(
            normalize_email(" Anna@Example.COM ").unwrap(),
            "anna@example.com"
        );
        for bad in ["anna", "anna@", "@x.com", "a@b", "a b@c.com", "a@@b.com"] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
        assert_eq!(
            email_identity("anna.b+shop@googlemail.com"),
            "annab@gmail.com"
        );
        assert_eq!(email_identity("a.b+x@example.com"), "a.b@example.com");
    }
}
