//! A sale and its refund: the receipt number a till prints, what a sale earns, and what a
//! refund may take. Pure rules, shared by the counter's store and the demo's bulk loader.

use super::program::Program;

/// Longest receipt number kept, in characters.
pub const MAX_RECEIPT_CHARS: usize = 64;

/// A till's receipt number as kept (already trimmed by the caller): 1 to
/// [`MAX_RECEIPT_CHARS`] characters and no control characters, else `None`.
pub fn check_receipt(r: &str) -> Option<&str> {
    let ok =
        !r.is_empty() && r.chars().count() <= MAX_RECEIPT_CHARS && !r.chars().any(char::is_control);
    ok.then_some(r)
}

/// What a sale earns under the program in force at its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earning {
    /// It counts as a qualifying purchase (stamps, a friend's first purchase).
    pub qualifying: bool,
    /// Points, for a member (none for an anonymous sale).
    pub points: i64,
    /// It goes on a member's stamp card.
    pub stamped: bool,
}

/// What a sale of `amount` (minor units) earns under `program`, for a member or not.
pub fn earning(program: &Program, amount: i64, member: bool) -> Earning {
    let qualifying = program.qualifies(amount);
    Earning {
        qualifying,
        points: if member {
            program.points_for(amount)
        } else {
            0
        },
        stamped: member && qualifying && program.stamps.is_some(),
    }
}

/// What a refund takes off a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundTake {
    pub amount: i64,
    /// Nothing is left to refund after it.
    pub full: bool,
}

/// Why a refund was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundRefused {
    /// The sale was refunded in full before.
    NothingLeft,
    /// The amount was zero or less.
    NotAboveZero,
    /// More than is left to refund.
    TooLarge { refundable: i64 },
}

/// What a refund of `amount` (everything left, for `None`) takes off a sale of `sale_amount`
/// of which `refunded` was refunded before.
pub fn refund_to_take(
    sale_amount: i64,
    refunded: i64,
    amount: Option<i64>,
) -> Result<RefundTake, RefundRefused> {
    let refundable = sale_amount - refunded;
    if refundable == 0 {
        return Err(RefundRefused::NothingLeft);
    }
    let amount = amount.unwrap_or(refundable);
    if amount <= 0 {
        return Err(RefundRefused::NotAboveZero);
    }
    if amount > refundable {
        return Err(RefundRefused::TooLarge { refundable });
    }
    Ok(RefundTake {
        amount,
        full: amount == refundable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_numbers() {
        assert_eq!(check_receipt("B-7"), Some("B-7"));
        assert_eq!(check_receipt(""), None);
        assert_eq!(check_receipt("A\u{7}"), None);
        assert_eq!(check_receipt(&"9".repeat(64)).map(str::len), Some(64));
        assert_eq!(check_receipt(&"9".repeat(65)), None);
    }

    #[test]
    fn refunds_take_what_is_left_and_no_more() {
        let full = RefundTake {
            amount: 1000,
            full: true,
        };
        assert_eq!(refund_to_take(1000, 0, None), Ok(full));
        let part = RefundTake {
            amount: 300,
            full: false,
        };
        assert_eq!(refund_to_take(1000, 0, Some(300)), Ok(part));
        let rest = RefundTake {
            amount: 700,
            full: true,
        };
        assert_eq!(refund_to_take(1000, 300, None), Ok(rest));
        assert_eq!(
            refund_to_take(1000, 1000, None),
            Err(RefundRefused::NothingLeft)
        );
        assert_eq!(
            refund_to_take(1000, 0, Some(0)),
            Err(RefundRefused::NotAboveZero)
        );
        assert_eq!(
            refund_to_take(1000, 300, Some(701)),
            Err(RefundRefused::TooLarge { refundable: 700 })
        );
    }

    #[test]
    fn members_earn_points_and_stamps_anonymous_sales_do_not() {
        let program = Program::default();
        let member = earning(&program, 1250, true);
        assert_eq!(member.points, program.points_for(1250));
        assert_eq!(member.qualifying, program.qualifies(1250));
        let anonymous = earning(&program, 1250, false);
        assert_eq!((anonymous.points, anonymous.stamped), (0, false));
        assert_eq!(anonymous.qualifying, member.qualifying);
    }
}
