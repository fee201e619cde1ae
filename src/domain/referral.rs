//! Referral rules: who may be credited for bringing whom.
//!
//! From the field notes (Smile.io, ReferralCandy): refuse self-referral (also under a look-alike
//! email), refuse existing customers and a second referrer, cap rewards per referrer per period;
//! refused referrals are kept with their reason for the owner to review.

use super::contact::email_identity;

/// Why a referral was refused. Stored by [`RefusalReason::as_str`] (the same names in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    SelfReferral,
    ExistingCustomer,
    SecondReferrer,
    CapReached,
}

impl RefusalReason {
    /// Short stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalReason::SelfReferral => "self_referral",
            RefusalReason::ExistingCustomer => "existing_customer",
            RefusalReason::SecondReferrer => "second_referrer",
            RefusalReason::CapReached => "cap_reached",
        }
    }

    /// Reads a stored name back.
    pub fn from_stored(s: &str) -> Option<RefusalReason> {
        [
            RefusalReason::SelfReferral,
            RefusalReason::ExistingCustomer,
            RefusalReason::SecondReferrer,
            RefusalReason::CapReached,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// Where a referral stands: waiting for the friend's first qualifying purchase, rewarded, or
/// refused (with a [`RefusalReason`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    Pending,
    Rewarded,
    Refused,
}

impl ReferralStatus {
    /// Short stable name, as stored and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferralStatus::Pending => "pending",
            ReferralStatus::Rewarded => "rewarded",
            ReferralStatus::Refused => "refused",
        }
    }
}

/// What happened to a referral, for the cashier and the command line.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct ReferralOutcome {
    pub referral_id: i64,
    pub status: ReferralStatus,
    /// Why refused.
    pub reason: Option<RefusalReason>,
    /// The referrer's customer code.
    pub referrer: String,
    /// The referrer's name, for the cashier (none once erased).
    pub referrer_name: Option<String>,
    /// Points given now (0 until the first qualifying purchase).
    pub friend_bonus: i64,
    pub referrer_bonus: i64,
    /// The bonuses the programme promises, for "both get … after the first purchase".
    pub promised: (i64, i64),
}

/// Contact details compared to spot self-referral.
#[derive(Debug, Clone, Default)]
pub struct Person<'a> {
    pub id: Option<i64>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

/// Whether `friend` is really `referrer` under another guise.
pub fn is_self_referral(referrer: &Person<'_>, friend: &Person<'_>) -> bool {
    let same_id = matches!((referrer.id, friend.id), (Some(a), Some(b)) if a == b);
    let same_phone = matches!((referrer.phone, friend.phone), (Some(a), Some(b)) if a == b);
    let same_email = matches!(
        (referrer.email, friend.email),
        (Some(a), Some(b)) if email_identity(a) == email_identity(b)
    );
    same_id || same_phone || same_email
}

/// Whether a referrer who already has `rewarded_in_last_30_days` may be rewarded once more.
pub fn within_cap(rewarded_in_last_30_days: u32, cap: u32) -> bool {
    rewarded_in_last_30_days < cap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_email_is_self_referral() {
        let a = Person {
            id: Some(1),
            phone: None,
            email: Some("anna.b@gmail.com"),
        };
        let b = Person {
            id: None,
            phone: None,
            email: Some("annab+2@gmail.com"),
        };
        assert!(is_self_referral(&a, &b));
        let c = Person {
            id: None,
            phone: Some("+1555"),
            email: Some("bob@x.com"),
        };
        assert!(!is_self_referral(&a, &c));
    }

    #[test]
    fn cap() {
        assert!(within_cap(4, 5));
        assert!(!within_cap(5, 5));
        for r in [
            RefusalReason::SelfReferral,
            RefusalReason::CapReached,
            RefusalReason::ExistingCustomer,
            RefusalReason::SecondReferrer,
        ] {
            assert_eq!(RefusalReason::from_stored(r.as_str()), Some(r));
        }
    }
}
