//! Every customer as `export customers` writes them, in the generic import format's terms, so
//! a shop can leave as easily as it came: importing the file into an empty shop gives the same
//! cards, balances, stamps and consents.

use crate::domain::messages::Channel;
use crate::store::Result;
use serde::Serialize;

/// Consent in force on a channel: when it was given and the words it was given with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GivenConsent {
    pub channel: Channel,
    pub at: i64,
    pub wording: String,
}

/// One customer for the export.
#[derive(Debug, Clone, Serialize)]
pub struct RosterRow {
    pub code: String,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub balance: i64,
    /// Stamps on the card, less those that paid for a reward already taken: imported, they
    /// give the same stamps towards the next reward and the same unused vouchers.
    pub stamps: i64,
    pub birthday: Option<String>,
    pub language: Option<String>,
    pub tier: Option<String>,
    pub enrolled_at: i64,
    pub consents: Vec<GivenConsent>,
}

impl super::Room<'_, '_> {
    /// Every customer not erased or merged away, oldest first; `each` is called per customer
    /// (so a large shop is written as it is read).
    pub fn roster(&self, now: i64, each: &mut dyn FnMut(RosterRow) -> Result<()>) -> Result<()> {
        let every = self
            .program_at(now)
            .1
            .stamps
            .as_ref()
            .map_or(0, |s| i64::from(s.every));
        let mut stmt = self.tx.prepare(
            "SELECT c.id, c.code, c.name, c.phone, c.email, c.balance, c.stamps, c.birthday,
                    c.language, c.enrolled_at,
                    (SELECT COUNT(*) FROM vouchers v WHERE v.customer_id = c.id
                        AND v.kind = 'stamps' AND v.used_at IS NOT NULL AND v.voided_at IS NULL)
             FROM customers c
             WHERE c.erased_at IS NULL AND c.merged_into IS NULL ORDER BY c.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let used: i64 = r.get(10)?;
            let stamps: i64 = r.get(6)?;
            let row = RosterRow {
                code: super::customers::display_code(r.get(1)?),
                name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                phone: r.get(3)?,
                email: r.get(4)?,
                balance: r.get(5)?,
                stamps: (stamps - used * every).max(0),
                birthday: r.get(7)?,
                language: r.get(8)?,
                tier: self.loyalty().tier_of(id, now)?.map(|t| t.place.name),
                enrolled_at: r.get(9)?,
                consents: self.consents_in_force(id)?,
            };
            each(row)?;
        }
        Ok(())
    }

    /// The channels a customer's consent is given on now, with the latest giving.
    fn consents_in_force(&self, customer_id: i64) -> Result<Vec<GivenConsent>> {
        let mut latest: Vec<(Channel, bool, i64, String)> = Vec::new();
        let mut stmt = self.tx.prepare_cached(
            "SELECT channel, given, at, wording FROM consents WHERE customer_id = ?1
             ORDER BY at, id",
        )?;
        let mut rows = stmt.query([customer_id])?;
        while let Some(r) = rows.next()? {
            let Some(channel) = Channel::parse(&r.get::<_, String>(0)?) else {
                continue;
            };
            let entry = (channel, r.get(1)?, r.get(2)?, r.get(3)?);
            match latest.iter_mut().find(|l| l.0 == channel) {
                Some(l) => *l = entry,
                None => latest.push(entry),
            }
        }
        let mut given: Vec<GivenConsent> = latest
            .into_iter()
            .filter(|l| l.1)
            .map(|(channel, _, at, wording)| GivenConsent {
                channel,
                at,
                wording,
            })
            .collect();
        given.sort_by_key(|g| Channel::ALL.iter().position(|c| *c == g.channel));
        Ok(given)
    }
}
