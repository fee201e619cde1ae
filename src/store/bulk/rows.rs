//! The rows a bulk load builds in memory before writing them: one struct per table, rows
//! numbered from each table's next free id, and receipt numbers kept end to end.

use super::*;

/// Page cache while the rows are written, in KiB.
pub(super) const LOAD_CACHE_KIB: i64 = 2 * 1024 * 1024;

/// The tables a bulk load fills, in the order they are written.
pub(super) const TABLES: &[&str] = &[
    "customers",
    "referrals",
    "visits",
    "points_events",
    "points_allocations",
    "vouchers",
    "redemptions",
    "refunds",
];

pub(super) struct Customer {
    pub(super) code: String,
    pub(super) referral_code: String,
    pub(super) name: String,
    pub(super) phone: Option<String>,
    pub(super) email: Option<String>,
    pub(super) enrolled_at: i64,
    pub(super) balance: i64,
    pub(super) stamps: i64,
    /// Lots with points left: (expiry, event id).
    pub(super) lots: Vec<(Option<i64>, i64)>,
    pub(super) vouchers: Vec<i64>,
    pub(super) pending_referral: Option<i64>,
    pub(super) has_visits: bool,
    /// When referrals this customer made were rewarded.
    pub(super) rewarded: Vec<i64>,
}

pub(super) struct Visit {
    pub(super) at: i64,
    pub(super) amount: i64,
    pub(super) customer: Option<i64>,
    /// Where its receipt number is in [`Receipts`].
    pub(super) receipt: Option<Span>,
    pub(super) program_id: i64,
    pub(super) points: i64,
    pub(super) stamped: bool,
    pub(super) refunded: i64,
    pub(super) earn_event: Option<i64>,
}

/// An event's idempotency key, spelt out when written (as the store spells it).
#[derive(Clone, Copy)]
pub(super) enum Key {
    Earn(i64),
    Expire(i64),
    Redemption(i64),
    Refund(i64),
    Referral(i64, &'static str),
}

impl Key {
    pub(super) fn text(self) -> String {
        match self {
            Key::Earn(visit) => crate::store::counter::sales::earn_key(visit),
            Key::Expire(lot) => format!("expire:{lot}"),
            Key::Redemption(id) => format!("redemption:{id}"),
            Key::Refund(id) => format!("refund:{id}"),
            Key::Referral(id, side) => format!("referral:{id}:{side}"),
        }
    }
}

pub(super) struct Event {
    pub(super) customer: i64,
    pub(super) at: i64,
    pub(super) kind: EventKind,
    pub(super) points: i64,
    pub(super) key: Key,
    pub(super) visit: Option<i64>,
    pub(super) expires_at: Option<i64>,
    pub(super) remaining: Option<i64>,
    pub(super) reason: Option<Rc<str>>,
    pub(super) actor: Option<Rc<str>>,
}

pub(super) struct Voucher {
    pub(super) customer: i64,
    pub(super) reward: Rc<str>,
    pub(super) issued_at: i64,
    pub(super) visit: Option<i64>,
    pub(super) used_at: Option<i64>,
    pub(super) voided_at: Option<i64>,
}

pub(super) struct Redemption {
    pub(super) customer: i64,
    pub(super) at: i64,
    pub(super) reward: Rc<str>,
    pub(super) reward_name: Rc<str>,
    pub(super) points: i64,
    pub(super) voucher: Option<i64>,
    pub(super) event: Option<i64>,
    pub(super) actor: Option<Rc<str>>,
}

pub(super) struct Refund {
    pub(super) visit: i64,
    pub(super) at: i64,
    pub(super) amount: i64,
    pub(super) due: i64,
    pub(super) reversed: i64,
    pub(super) actor: Option<Rc<str>>,
}

pub(super) struct Referral {
    pub(super) referrer: i64,
    pub(super) friend: i64,
    pub(super) at: i64,
    pub(super) status: ReferralStatus,
    pub(super) reason: Option<&'static str>,
    pub(super) decided_at: Option<i64>,
    pub(super) visit: Option<i64>,
}

/// A card or referral code (canonical: 7 characters of an ASCII alphabet) as one number, so
/// looking a customer up reads no string.
pub(super) fn packed(code: &str) -> u64 {
    assert!(
        code.len() <= 8 && code.is_ascii(),
        "codes are 7 ASCII characters"
    );
    code.bytes().fold(0, |k, b| k << 8 | u64::from(b))
}

/// Where a receipt number is in [`Receipts::all`]: (start, length).
pub(super) type Span = (u32, u32);

/// Every receipt number end to end, and a table of visits by receipt number: no allocation
/// per receipt, which at millions of visits is most of the memory and of the time to free it.
#[derive(Default)]
pub(super) struct Receipts {
    pub(super) all: String,
    pub(super) table: hashbrown::HashTable<(Span, i64)>,
    pub(super) hasher: foldhash::fast::FixedState,
}

impl Receipts {
    pub(super) fn text(&self, (start, len): Span) -> &str {
        &self.all[start as usize..(start + len) as usize]
    }

    pub(super) fn reserve(&mut self, receipts: usize) {
        self.all.reserve(receipts * 9);
        let (all, hasher) = (&self.all, &self.hasher);
        self.table.reserve(receipts, |((s, l), _)| {
            hasher.hash_one(&all[*s as usize..(*s + *l) as usize])
        });
    }

    pub(super) fn find(&self, receipt: &str) -> Option<i64> {
        self.table
            .find(self.hasher.hash_one(receipt), |(span, _)| {
                self.text(*span) == receipt
            })
            .map(|(_, visit)| *visit)
    }

    pub(super) fn insert(&mut self, receipt: &str, visit: i64) -> Result<Span> {
        let start = u32::try_from(self.all.len() + receipt.len())
            .map(|end| end - receipt.len() as u32)
            .map_err(|_| {
                StoreError::Damaged("a bulk load holds up to 4 GB of receipt numbers".into())
            })?;
        self.all.push_str(receipt);
        let span = (start, receipt.len() as u32);
        let (all, hasher) = (&self.all, &self.hasher);
        let text = |(s, l): Span| &all[s as usize..(s + l) as usize];
        self.table
            .insert_unique(hasher.hash_one(receipt), (span, visit), |(span, _)| {
                hasher.hash_one(text(*span))
            });
        Ok(span)
    }
}

/// Rows of one table, numbered from the table's next free id.
pub(super) struct Rows<T> {
    pub(super) first_id: i64,
    pub(super) rows: Vec<T>,
}

impl<T> Rows<T> {
    pub(super) fn new(first_id: i64) -> Rows<T> {
        Rows {
            first_id,
            rows: Vec::new(),
        }
    }
    pub(super) fn push(&mut self, row: T) -> i64 {
        self.rows.push(row);
        self.first_id + self.rows.len() as i64 - 1
    }
    pub(super) fn get(&self, id: i64) -> &T {
        &self.rows[(id - self.first_id) as usize]
    }
    pub(super) fn get_mut(&mut self, id: i64) -> &mut T {
        &mut self.rows[(id - self.first_id) as usize]
    }
    pub(super) fn next_id(&self) -> i64 {
        self.first_id + self.rows.len() as i64
    }
}
