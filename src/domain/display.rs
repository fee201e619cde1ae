//! What the customer display shows, as typed facts: who is at the counter, what the sale earns,
//! what is ready. The services layer puts them in the shop's words; the devices layer lays the
//! words out on a 2×20 pole display, and the portal on a tablet.

use serde::Serialize;

/// One screen of the customer display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "screen", rename_all = "snake_case")]
pub enum Screen {
    /// Nobody identified: a welcome (and, on the tablet, a QR to join on one's own phone).
    Idle,
    /// A member identified at the counter.
    Member(MemberShown),
    /// A member's sale: its total (minor units) and the points it earned.
    Sale {
        member: MemberShown,
        total: i64,
        points: i64,
    },
    /// A sale without a card: the points its receipt's QR can still collect.
    Anonymous { total: i64, points: i64 },
    /// `regulars display test`: every cell and the shop's letters.
    Test,
}

/// A member as the display shows them: first name only, the balance, what is next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberShown {
    pub first_name: String,
    pub balance: i64,
    /// The nearest reward not reached yet.
    pub next: Option<Next>,
    /// A reward they can have now (the first, when several are ready).
    pub ready: Option<String>,
}

/// How far a member is from a reward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Next {
    pub reward: String,
    pub remaining: i64,
    /// Counted in visits (a stamp card), not points.
    pub visits: bool,
}

impl Screen {
    /// Whether this screen invites a customer to join (the tablet shows its QR then).
    pub fn invites(&self) -> bool {
        matches!(self, Screen::Idle | Screen::Anonymous { .. })
    }
}
