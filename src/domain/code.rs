//! Customer codes and referral codes: short, typeable, scannable, with a check character.
//!
//! Both use Crockford's base32 alphabet (no I, L, O, U; case-insensitive; O read as 0, I and L as
//! 1), so a code survives being read aloud or hand-typed. The last character is a Luhn mod 32
//! check, which catches every single mistyped character and almost every swap of two neighbours.
//! Codes are random rather than sequential so they cannot be enumerated.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a code, before its check character (32^6 ≈ one billion codes).
const BODY_LEN: usize = 6;
/// The prefix that marks a referral code, so it is never mistaken for a card.
const REFERRAL_PREFIX: &str = "REF";

/// A customer's card code: 7 characters shown as `XXXX-XXX`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomerCode(String);

/// A customer's referral code, shared with friends: shown as `REF-XXXXXXX`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReferralCode(String);

/// Why a typed or scanned code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("'{0}' is not a customer code: a code has 7 letters and digits, like 4KQ2-M9X")]
    CustomerShape(String),
    #[error("'{0}' is not a referral code: a referral code looks like REF-4KQ2M9X")]
    ReferralShape(String),
    #[error("'{0}' has a typo: its check character does not match; read the code again")]
    CheckFailed(String),
}

fn value_of(c: u8) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        other => other,
    };
    ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
}

/// Luhn mod N check character over the body's values.
fn check_char(body: &[u32]) -> u8 {
    let n = 32;
    let mut factor = 2;
    let mut sum = 0;
    for v in body.iter().rev() {
        let addend = factor * v;
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    ALPHABET[((n - sum % n) % n) as usize]
}

fn body_from_random(random: u64) -> Vec<u32> {
    (0..BODY_LEN)
        .map(|i| ((random >> (5 * i)) & 31) as u32)
        .collect()
}

fn with_check(body: &[u32]) -> String {
    let mut s: String = body.iter().map(|v| ALPHABET[*v as usize] as char).collect();
    s.push(check_char(body) as char);
    s
}

/// Normalises typed text into canonical characters and verifies the check character.
/// Returns `Ok(None)` when the shape (length, alphabet) is wrong.
fn canonical(text: &str) -> Result<Option<String>, ()> {
    let chars: Vec<u8> = text.bytes().filter(|b| !matches!(b, b'-' | b' ')).collect();
    if chars.len() != BODY_LEN + 1 {
        return Ok(None);
    }
    let mut values = Vec::with_capacity(chars.len());
    for c in &chars {
        match value_of(*c) {
            Some(v) => values.push(v),
            None => return Ok(None),
        }
    }
    let (body, check) = values.split_at(BODY_LEN);
    if check_char(body) != ALPHABET[check[0] as usize] {
        return Err(());
    }
    Ok(Some(with_check(body)))
}

/// The highest till number a chain's codes can carry (two characters of the code).
pub const MAX_TILL_NUMBER: u32 = 32 * 32 - 1;

impl CustomerCode {
    /// Makes a code from 30 random bits (the caller supplies the randomness).
    pub fn from_random(random: u64) -> CustomerCode {
        CustomerCode(with_check(&body_from_random(random)))
    }

    /// A code for till `till` (1..=[`MAX_TILL_NUMBER`]) of a chain: its first two characters
    /// are the till's number and the other four random (about a million per till), so two
    /// tills can never draw the same code, with no round trip.
    pub fn for_till(till: u32, random: u64) -> CustomerCode {
        debug_assert!((1..=MAX_TILL_NUMBER).contains(&till));
        let mut body = body_from_random(random);
        body[0] = till / 32;
        body[1] = till % 32;
        CustomerCode(with_check(&body))
    }

    /// Reads a typed or scanned code: case, dashes, spaces and O/I/L look-alikes are forgiven;
    /// a wrong check character is reported as a typo.
    pub fn parse(text: &str) -> Result<CustomerCode, CodeError> {
        match canonical(text.trim()) {
            Ok(Some(c)) => Ok(CustomerCode(c)),
            Ok(None) => Err(CodeError::CustomerShape(text.trim().to_string())),
            Err(()) => Err(CodeError::CheckFailed(text.trim().to_string())),
        }
    }

    /// The canonical 7 characters, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Rebuilds a code read back from the store, which only holds canonical codes.
    pub fn from_stored(s: String) -> CustomerCode {
        CustomerCode(s)
    }
}

impl fmt::Display for CustomerCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.0[..4], &self.0[4..])
    }
}

impl ReferralCode {
    /// Makes a referral code from 30 random bits.
    pub fn from_random(random: u64) -> ReferralCode {
        ReferralCode(with_check(&body_from_random(random)))
    }

    /// Reads a referral code; the `REF` prefix is required so a card code is never taken for one.
    pub fn parse(text: &str) -> Result<ReferralCode, CodeError> {
        let t = text.trim();
        let shape = || CodeError::ReferralShape(t.to_string());
        let upper = t.to_ascii_uppercase();
        let rest = upper.strip_prefix(REFERRAL_PREFIX).ok_or_else(shape)?;
        match canonical(rest) {
            Ok(Some(c)) => Ok(ReferralCode(c)),
            Ok(None) => Err(shape()),
            Err(()) => Err(CodeError::CheckFailed(t.to_string())),
        }
    }

    /// The canonical 7 characters after the prefix, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Rebuilds a code read back from the store.
    pub fn from_stored(s: String) -> ReferralCode {
        ReferralCode(s)
    }
}

impl fmt::Display for ReferralCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{REFERRAL_PREFIX}-{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_tills_codes_carry_its_number() {
        let mut seen = std::collections::HashSet::new();
        for till in [1, 2, 33, MAX_TILL_NUMBER] {
            for r in 0..200u64 {
                let c = CustomerCode::for_till(till, r.wrapping_mul(0x9E37_79B9_7F4A_7C15));
                assert_eq!(CustomerCode::parse(&c.to_string()), Ok(c.clone()));
                let v: Vec<u32> = c
                    .as_str()
                    .bytes()
                    .take(2)
                    .map(|b| value_of(b).unwrap())
                    .collect();
                assert_eq!(v[0] * 32 + v[1], till);
                seen.insert((till, c));
            }
        }
        let codes: std::collections::HashSet<_> = seen.iter().map(|(_, c)| c.clone()).collect();
        assert_eq!(codes.len(), seen.len(), "no code is two tills'");
    }

    #[test]
    fn round_trips_through_display() {
        let c = CustomerCode::from_random(0x1234_5678);
        assert_eq!(CustomerCode::parse(&c.to_string()), Ok(c.clone()));
        assert_eq!(CustomerCode::parse(&c.as_str().to_lowercase()), Ok(c));
        let r = ReferralCode::from_random(987_654_321);
        assert_eq!(ReferralCode::parse(&r.to_string()), Ok(r.clone()));
        assert_eq!(
            ReferralCode::parse(&format!("ref{}", r.as_str().to_lowercase())),
            Ok(r)
        );
    }

    #[test]
    fn forgives_look_alikes() {
        // Find a code containing 0 or 1 and type it with O / I.
        let c = (0..1000u64)
            .map(|i| CustomerCode::from_random(i * 7919))
            .find(|c| c.as_str().contains('0'))
            .unwrap();
        let typed = c.as_str().replace('0', "o");
        assert_eq!(CustomerCode::parse(&typed), Ok(c));
    }

    #[test]
    fn shapes_are_reported() {
        assert!(matches!(
            CustomerCode::parse("ABC"),
            Err(CodeError::CustomerShape(_))
        ));
        assert!(matches!(
            CustomerCode::parse("ABCDEFU"),
            Err(CodeError::CustomerShape(_))
        ));
        let c = CustomerCode::from_random(42);
        assert!(matches!(
            ReferralCode::parse(c.as_str()),
            Err(CodeError::ReferralShape(_))
        ));
    }

    proptest! {
        #[test]
        fn every_single_typo_is_caught(random in any::<u64>(), pos in 0usize..7, replacement in 0usize..32) {
            let code = CustomerCode::from_random(random);
            let mut bytes = code.as_str().as_bytes().to_vec();
            prop_assume!(bytes[pos] != ALPHABET[replacement]);
            bytes[pos] = ALPHABET[replacement];
            let typo = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(CustomerCode::parse(&typo), Err(CodeError::CheckFailed(typo.clone())));
        }

        #[test]
        fn adjacent_swaps_of_different_characters_are_caught(random in any::<u64>(), pos in 0usize..6) {
            let code = CustomerCode::from_random(random);
            let mut bytes = code.as_str().as_bytes().to_vec();
            prop_assume!(bytes[pos] != bytes[pos + 1]);
            // Luhn mod N misses swapping the two symbols whose doubled values wrap onto each other.
            let (a, b) = (value_of(bytes[pos]).unwrap(), value_of(bytes[pos + 1]).unwrap());
            prop_assume!(!((a == 0 && b == 31) || (a == 31 && b == 0)));
            bytes.swap(pos, pos + 1);
            let swapped = String::from_utf8(bytes).unwrap();
            prop_assert!(CustomerCode::parse(&swapped).is_err());
        }
    }
}
