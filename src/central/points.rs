//! The chain's points: each customer's balance across every shop, kept as points events
//! arrive (merged cards counted as one customer), and the holds that redemptions and refunds
//! take on it, each decided in one transaction under the till's key.

use super::{Central, OutboxEvent, Result};

/// Records the merges among newly stored customer events (a card that names the customer it
/// was merged into) and moves each gone card's chain balance to the kept customer.
pub(super) fn record_merges(
    tx: &mut postgres::Transaction<'_>,
    events: &[OutboxEvent],
    stored: &std::collections::HashSet<String>,
) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Customer {
        gid: String,
        merged_into: Option<String>,
    }
    for e in events {
        if e.kind != "customer" || !stored.contains(&e.key) {
            continue;
        }
        let Ok(Customer {
            gid,
            merged_into: Some(kept),
        }) = serde_json::from_str(&e.payload)
        else {
            continue;
        };
        // The two cards' customers become one, counted under the smaller id: whatever order
        // merges arrive in, each customer ends up counted once, in one place.
        let (a, b) = (resolve(tx, &gid)?, resolve(tx, &kept)?);
        if a == b {
            continue;
        }
        let (kept, gid) = if a < b { (a, b) } else { (b, a) };
        tx.execute(
            "INSERT INTO merges (gone, kept) VALUES ($1, $2)",
            &[&gid, &kept],
        )?;
        tx.execute(
            "UPDATE merges SET kept = $2 WHERE kept = $1",
            &[&gid, &kept],
        )?;
        tx.execute(
            "INSERT INTO balances (customer, points)
             SELECT $2, COALESCE((SELECT points FROM balances WHERE customer = $1), 0)
             ON CONFLICT (customer) DO UPDATE SET points = balances.points + excluded.points",
            &[&gid, &kept],
        )?;
        tx.execute("DELETE FROM balances WHERE customer = $1", &[&gid])?;
    }
    Ok(())
}

/// The customer a card is now: itself, or the one it was merged into.
pub(super) fn resolve(tx: &mut postgres::Transaction<'_>, gid: &str) -> Result<String> {
    Ok(tx
        .query_opt("SELECT kept FROM merges WHERE gone = $1", &[&gid])?
        .map_or_else(|| gid.to_string(), |r| r.get(0)))
}

/// Adds newly stored points events to their customers' chain balances (a merged card's to
/// the customer it became), all in a few statements, except the spends of redemptions whose
/// hold already took the points.
pub(super) fn count_points(
    tx: &mut postgres::Transaction<'_>,
    events: &[&OutboxEvent],
    till_id: &str,
) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Points {
        customer: String,
        points: i64,
        hold: Option<String>,
        #[serde(default)]
        kind: String,
        #[serde(default)]
        visit: Option<String>,
    }
    let parsed: Vec<Points> = events
        .iter()
        .filter_map(|e| serde_json::from_str(&e.payload).ok())
        .collect();
    // A refund's reversal made without asking (on a till before it joined the chain) still
    // counts against what the sale's later refunds may take back.
    for e in events {
        let Ok(p) = serde_json::from_str::<Points>(&e.payload) else {
            continue;
        };
        if let (Some(visit), None, "refund") = (&p.visit, &p.hold, p.kind.as_str()) {
            tx.execute(
                "INSERT INTO holds (key, customer, points, till_id, granted, balance, visit)
                 VALUES ($1, $2, $3, $4, true, 0, $5) ON CONFLICT DO NOTHING",
                &[&e.key, &p.customer, &-p.points, &till_id, visit],
            )?;
        }
    }
    let holds: Vec<&str> = parsed.iter().filter_map(|p| p.hold.as_deref()).collect();
    let held: std::collections::HashSet<String> = if holds.is_empty() {
        Default::default()
    } else {
        tx.query(
            "SELECT key FROM holds WHERE key = ANY($1) AND granted AND NOT released",
            &[&holds],
        )?
        .into_iter()
        .map(|r| r.get(0))
        .collect()
    };
    let cards: Vec<&str> = parsed.iter().map(|p| p.customer.as_str()).collect();
    let merged: std::collections::HashMap<String, String> = tx
        .query(
            "SELECT gone, kept FROM merges WHERE gone = ANY($1)",
            &[&cards],
        )?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut delta: std::collections::BTreeMap<&str, i64> = Default::default();
    for p in &parsed {
        if p.hold.as_ref().is_some_and(|h| held.contains(h)) {
            continue;
        }
        let customer = merged.get(&p.customer).unwrap_or(&p.customer);
        *delta.entry(customer.as_str()).or_default() += p.points;
    }
    if delta.is_empty() {
        return Ok(());
    }
    let (customers, points): (Vec<&str>, Vec<i64>) = delta.into_iter().unzip();
    tx.execute(
        "INSERT INTO balances (customer, points)
         SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (customer) DO UPDATE SET points = balances.points + excluded.points",
        &[&customers, &points],
    )?;
    Ok(())
}

/// A refund's points reversal, as a till asks the central store for it.
#[derive(Debug, Clone, Copy)]
pub struct Reversal<'a> {
    /// The customer's global id.
    pub customer: &'a str,
    /// The refunded sale's global id, and the points it earned.
    pub visit: &'a str,
    pub earned: i64,
    /// What the refund would take back: its due points, floored at the balance the till knows.
    pub points: i64,
}

/// The central store's answer to a redemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// The points are taken; `balance` is what the customer has left across the chain.
    Granted { balance: i64 },
    /// Not enough points across the chain: `balance` is what there is.
    Refused { balance: i64 },
}

impl Central {
    /// Takes `points` from `customer`'s chain balance under `key`, only if they are there,
    /// in one transaction. Asking again with the same key gets the first answer.
    pub fn redeem(
        &mut self,
        key: &str,
        customer: &str,
        points: i64,
        till_id: &str,
    ) -> Result<Hold> {
        let mut tx = self.client.transaction()?;
        let answer = |granted: bool, balance: i64| {
            if granted {
                Hold::Granted { balance }
            } else {
                Hold::Refused { balance }
            }
        };
        if let Some(r) =
            tx.query_opt("SELECT granted, balance FROM holds WHERE key = $1", &[&key])?
        {
            return Ok(answer(r.get(0), r.get(1)));
        }
        let customer = resolve(&mut tx, customer)?;
        let customer = customer.as_str();
        let taken = tx.query_opt(
            "UPDATE balances SET points = points - $2 WHERE customer = $1 AND points - $2 >= 0
             RETURNING points",
            &[&customer, &points],
        )?;
        let (granted, balance) = match taken {
            Some(r) => (true, r.get::<_, i64>(0)),
            None => {
                let have = tx
                    .query_opt(
                        "SELECT points FROM balances WHERE customer = $1",
                        &[&customer],
                    )?
                    .map_or(0, |r| r.get::<_, i64>(0));
                (false, have)
            }
        };
        tx.execute(
            "INSERT INTO holds (key, customer, points, till_id, granted, balance)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&key, &customer, &points, &till_id, &granted, &balance],
        )?;
        tx.commit()?;
        Ok(answer(granted, balance))
    }

    /// Takes up to `points` from `customer`'s chain balance under `key` for a refund of sale
    /// `visit`, which earned `earned` (what was spent already, in any shop, is not taken, nor
    /// more than the sale earned across all its refunds), in one transaction; returns what it
    /// took. Asking again with the same key gets the first answer.
    pub fn take_up_to(&mut self, key: &str, refund: &Reversal<'_>, till_id: &str) -> Result<i64> {
        let mut tx = self.client.transaction()?;
        if let Some(r) =
            tx.query_opt("SELECT points, granted FROM holds WHERE key = $1", &[&key])?
        {
            let (taken, granted): (i64, bool) = (r.get(0), r.get(1));
            return Ok(if granted { taken } else { 0 });
        }
        let customer = resolve(&mut tx, refund.customer)?;
        let have = tx
            .query_opt(
                "SELECT points FROM balances WHERE customer = $1 FOR UPDATE",
                &[&customer],
            )?
            .map_or(0, |r| r.get::<_, i64>(0));
        let reversed: i64 = tx
            .query_one(
                "SELECT COALESCE(SUM(points), 0)::BIGINT FROM holds WHERE visit = $1 AND granted",
                &[&refund.visit],
            )?
            .get(0);
        let taken = refund.points.min(have).min(refund.earned - reversed).max(0);
        tx.execute(
            "UPDATE balances SET points = points - $2 WHERE customer = $1",
            &[&customer, &taken],
        )?;
        let left = have - taken;
        tx.execute(
            "INSERT INTO holds (key, customer, points, till_id, granted, balance, visit)
             VALUES ($1, $2, $3, $4, true, $5, $6)",
            &[&key, &customer, &taken, &till_id, &left, &refund.visit],
        )?;
        tx.commit()?;
        Ok(taken)
    }

    /// Gives back a granted hold the till could not record (its spend will never come).
    pub fn release(&mut self, key: &str) -> Result<()> {
        let mut tx = self.client.transaction()?;
        if let Some(r) = tx.query_opt(
            "UPDATE holds SET released = true WHERE key = $1 AND granted AND NOT released
             RETURNING customer, points",
            &[&key],
        )? {
            let (customer, points): (String, i64) = (r.get(0), r.get(1));
            tx.execute(
                "UPDATE balances SET points = points + $2 WHERE customer = $1",
                &[&customer, &points],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A customer's points across the chain, as the central store counts them.
    pub fn balance(&mut self, customer: &str) -> Result<i64> {
        Ok(self
            .client
            .query_opt(
                "SELECT points FROM balances WHERE customer =
                   COALESCE((SELECT kept FROM merges WHERE gone = $1), $1)",
                &[&customer],
            )?
            .map_or(0, |r| r.get(0)))
    }
}
