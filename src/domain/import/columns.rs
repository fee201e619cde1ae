//! Which column of a file is which: the generic format's own names, and the headers Square's and
//! Loyverse's customer exports write (compared without case, spaces or underscores, so
//! "Phone Number", "phone_number" and "PHONE NUMBER" are one).

use crate::domain::messages::Channel;

/// The kind of file being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `name,phone,email,card,points,stamps,birthday,language` (any order, any subset), and the
    /// consent columns `export customers` writes.
    Generic,
    /// Square's customer export.
    Square,
    /// Loyverse's customer export.
    Loyverse,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text.trim().to_ascii_lowercase().as_str() {
            "generic" => Some(Format::Generic),
            "square" => Some(Format::Square),
            "loyverse" => Some(Format::Loyverse),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Generic => "generic",
            Format::Square => "square",
            Format::Loyverse => "loyverse",
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    FirstName,
    LastName,
    /// Used as the name when there is no other.
    Nickname,
    Phone,
    Email,
    Card,
    Points,
    Stamps,
    Birthday,
    Language,
    /// When consent on a channel was given (a date or a time).
    ConsentAt(Channel),
    /// How it was given (the words shown, the form signed).
    ConsentHow(Channel),
}

/// A header as compared: lower case, without spaces, underscores, dashes or dots.
fn folded(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column a header names in `format`, if Regulars reads it.
pub fn field_of(format: Format, header: &str) -> Option<Field> {
    let h = folded(header);
    match format {
        Format::Generic => generic(&h),
        Format::Square => match h.as_str() {
            "firstname" | "givenname" => Some(Field::FirstName),
            "lastname" | "familyname" | "surname" => Some(Field::LastName),
            "nickname" => Some(Field::Nickname),
            "emailaddress" | "email" => Some(Field::Email),
            "phonenumber" | "phone" => Some(Field::Phone),
            "birthday" | "birthdaymmdd" => Some(Field::Birthday),
            // Square's export has no balance (its loyalty accounts are kept apart); a shop
            // that adds one by hand is read.
            "points" | "loyaltypoints" | "pointsbalance" => Some(Field::Points),
            _ => None,
        },
        Format::Loyverse => match h.as_str() {
            "customername" | "name" => Some(Field::Name),
            "email" | "emailaddress" => Some(Field::Email),
            "phone" | "phonenumber" => Some(Field::Phone),
            "pointsbalance" | "points" => Some(Field::Points),
            _ => None,
        },
    }
}

fn generic(h: &str) -> Option<Field> {
    let field = match h {
        "name" | "customername" | "fullname" => Field::Name,
        "firstname" => Field::FirstName,
        "lastname" => Field::LastName,
        "phone" | "phonenumber" | "mobile" => Field::Phone,
        "email" | "emailaddress" => Field::Email,
        "card" | "cardcode" | "code" => Field::Card,
        "points" | "balance" | "pointsbalance" => Field::Points,
        "stamps" => Field::Stamps,
        "birthday" => Field::Birthday,
        "language" => Field::Language,
        _ => {
            // `email_consent_at`, `sms_consent_how`, …
            let (channel, what) = Channel::ALL.iter().find_map(|c| {
                h.strip_prefix(c.as_str())
                    .and_then(|rest| rest.strip_prefix("consent"))
                    .map(|what| (*c, what))
            })?;
            return match what {
                "at" | "" => Some(Field::ConsentAt(channel)),
                "how" => Some(Field::ConsentHow(channel)),
                _ => None,
            };
        }
    };
    Some(field)
}

/// The generic format's header as `export customers` writes it, and the columns it writes only
/// for reading (the tier follows from what a member earns here; the joining date is the day
/// they were imported).
pub const EXPORT_READ: [&str; 8] = [
    "card", "name", "phone", "email", "points", "stamps", "birthday", "language",
];
pub const EXPORT_ONLY: [&str; 2] = ["tier", "joined"];

/// The consent columns of a channel: `<channel>_consent_at`, `<channel>_consent_how`.
pub fn consent_headers(channel: Channel) -> [String; 2] {
    [
        format!("{}_consent_at", channel.as_str()),
        format!("{}_consent_how", channel.as_str()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_without_case_or_spacing() {
        assert_eq!(field_of(Format::Square, "Phone Number"), Some(Field::Phone));
        assert_eq!(
            field_of(Format::Square, "\u{feff}First Name"),
            Some(Field::FirstName)
        );
        assert_eq!(field_of(Format::Square, "Square Customer ID"), None);
        assert_eq!(
            field_of(Format::Loyverse, "Points balance"),
            Some(Field::Points)
        );
        assert_eq!(
            field_of(Format::Generic, "SMS_consent_at"),
            Some(Field::ConsentAt(Channel::Sms))
        );
        assert_eq!(
            field_of(Format::Generic, "whatsapp_consent_how"),
            Some(Field::ConsentHow(Channel::WhatsApp))
        );
        assert_eq!(field_of(Format::Generic, "tier"), None);
    }
}
