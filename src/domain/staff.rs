//! Staff and their PINs: who is at the counter, and who may approve what.
//!
//! A PIN is stored as a salted SHA-256, stretched with many rounds; it is compared in constant
//! time. A 4–8 digit PIN has little entropy however it is stored: what protects it is that it
//! never leaves the shop's machine and that the counter asks for it in person.

use sha2::{Digest, Sha256};

/// Rounds of SHA-256 over a PIN: slows guessing from a stolen database a little.
const ROUNDS: usize = 20_000;

/// A role at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sells, enrolls, redeems, refunds up to the limit.
    Cashier,
    /// Everything, and approves refunds above the limit and manual point adjustments.
    Owner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cashier => "cashier",
            Role::Owner => "owner",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cashier" => Some(Role::Cashier),
            "owner" => Some(Role::Owner),
            _ => None,
        }
    }
}

/// Who is recorded for an action: the person signed in (none where the shop has no staff, so
/// nobody signs in), and the owner who approved it with their PIN when it needed one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub name: Option<String>,
    pub approved_by: Option<String>,
}

impl Actor {
    /// Someone who needed no approval (or a name typed at the command line's `--by`).
    pub fn named(name: Option<&str>) -> Actor {
        Actor {
            name: name.map(str::to_string),
            approved_by: None,
        }
    }
}

/// The action needs the owner: signed in, or their PIN typed by the person who is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedsOwner;

/// Who is recorded for an action that needs the owner when `needs_owner`: the person signed in
/// (`cashier`, with their role), approved by `owner` (an owner whose PIN was typed, as the
/// caller found them). Without staff (`cashier` is `None`) nobody signs in, so there is nobody
/// to ask and the action goes ahead unattributed.
pub fn approval(
    cashier: Option<(&str, Role)>,
    owner: Option<&str>,
    needs_owner: bool,
) -> Result<Actor, NeedsOwner> {
    let Some((name, role)) = cashier else {
        return Ok(Actor::default());
    };
    if !needs_owner || role == Role::Owner {
        return Ok(Actor::named(Some(name)));
    }
    match owner {
        Some(owner) => Ok(Actor {
            name: Some(name.to_string()),
            approved_by: Some(owner.to_string()),
        }),
        None => Err(NeedsOwner),
    }
}

/// Why a PIN was refused when it was set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a PIN is 4 to 8 digits")]
pub struct BadPin;

/// Checks a new PIN's shape.
pub fn check_pin(pin: &str) -> Result<(), BadPin> {
    let ok = (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit());
    if ok { Ok(()) } else { Err(BadPin) }
}

/// The stored hash of a PIN with its salt.
pub fn hash_pin(salt: &[u8], pin: &str) -> [u8; 32] {
    let mut h: [u8; 32] = Sha256::new()
        .chain_update(salt)
        .chain_update(pin.as_bytes())
        .finalize()
        .into();
    for _ in 0..ROUNDS {
        h = Sha256::new()
            .chain_update(salt)
            .chain_update(h)
            .finalize()
            .into();
    }
    h
}

/// Whether `pin` matches a stored hash, in constant time.
pub fn pin_matches(salt: &[u8], stored: &[u8], pin: &str) -> bool {
    let h = hash_pin(salt, pin);
    stored.len() == h.len() && stored.iter().zip(h).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_approves_what_a_cashier_may_not_do_alone() {
        let cara = Some(("Cara", Role::Cashier));
        let owen = Some(("Owen", Role::Owner));
        // Without staff nobody signs in: nobody to ask, nobody recorded.
        assert_eq!(approval(None, None, true), Ok(Actor::default()));
        // What a cashier may do, and anything an owner does, is theirs alone.
        assert_eq!(approval(cara, None, false), Ok(Actor::named(Some("Cara"))));
        assert_eq!(approval(owen, None, true), Ok(Actor::named(Some("Owen"))));
        // Above the cashier: refused without the owner, recorded with them beside her.
        assert_eq!(approval(cara, None, true), Err(NeedsOwner));
        let approved = approval(cara, Some("Owen"), true).unwrap();
        assert_eq!(approved.name.as_deref(), Some("Cara"));
        assert_eq!(approved.approved_by.as_deref(), Some("Owen"));
    }

    #[test]
    fn pins() {
        assert!(check_pin("1234").is_ok());
        assert!(check_pin("123").is_err());
        assert!(check_pin("12a4").is_err());
        let h = hash_pin(b"salt", "1234");
        assert!(pin_matches(b"salt", &h, "1234"));
        assert!(!pin_matches(b"salt", &h, "1235"));
        assert!(!pin_matches(b"other", &h, "1234"));
        assert_eq!(Role::parse("Owner"), Some(Role::Owner));
    }
}
