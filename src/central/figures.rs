//! The chain's figures for the owner, per shop and together, from the events every till sent.

use super::{Central, Result};

/// One shop's figures across the chain's events (see [`Central::shop_figures`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ShopFigures {
    pub shop_id: String,
    pub visits: i64,
    /// Minor units.
    pub sales: i64,
    pub refunds: i64,
    /// Members with a visit in the range, and those with two or more.
    pub members: i64,
    pub returning: i64,
    pub points_earned: i64,
    pub points_redeemed: i64,
}

/// The chain's figures: each shop's, and all shops' together (where a member who visited two
/// shops counts once).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChainFigures {
    pub shops: Vec<ShopFigures>,
    pub total: ShopFigures,
}

impl Central {
    /// Each shop's figures for visits in `[from, to)` (unix seconds), from the events every
    /// till has sent: a visit counts in the shop whose till first sent it, with its latest
    /// refund; points count in the shop whose till sent them. Shops sorted by name.
    pub fn shop_figures(&mut self, from: i64, to: i64) -> Result<ChainFigures> {
        #[derive(serde::Deserialize)]
        struct Visit {
            gid: String,
            customer: Option<String>,
            at: i64,
            amount: i64,
            refunded: i64,
        }
        #[derive(serde::Deserialize)]
        struct Points {
            at: i64,
            kind: String,
            points: i64,
        }
        use std::collections::{BTreeMap, HashMap};
        // gid → (the shop that first sent it, its latest state).
        let mut visits: HashMap<String, (String, Visit)> = HashMap::new();
        // Every shop that has a till, also one with nothing in the range.
        let mut shops: BTreeMap<String, ShopFigures> = self
            .client
            .query("SELECT DISTINCT shop_id FROM tills", &[])?
            .into_iter()
            .map(|r| (r.get(0), ShopFigures::default()))
            .collect();
        let rows = self.client.query(
            "SELECT shop_id, kind, payload FROM events WHERE kind IN ('visit', 'points') ORDER BY seq",
            &[],
        )?;
        for r in rows {
            let (shop, kind, payload): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            if kind == "visit" {
                let Ok(v) = serde_json::from_str::<Visit>(&payload) else {
                    continue;
                };
                let first = visits.get(&v.gid).map(|(s, _)| s.clone()).unwrap_or(shop);
                visits.insert(v.gid.clone(), (first, v));
            } else if let Ok(p) = serde_json::from_str::<Points>(&payload)
                && (from..to).contains(&p.at)
            {
                let f = shops.entry(shop.clone()).or_default();
                match p.kind.as_str() {
                    "earn" | "referral" => f.points_earned += p.points,
                    "redeem" => f.points_redeemed -= p.points,
                    _ => {}
                }
            }
        }
        let mut per_member: HashMap<(String, String), i64> = HashMap::new();
        let mut in_chain: HashMap<String, i64> = HashMap::new();
        for (shop, v) in visits.values() {
            if !(from..to).contains(&v.at) {
                continue;
            }
            let f = shops.entry(shop.clone()).or_default();
            f.visits += 1;
            f.sales += v.amount;
            f.refunds += v.refunded;
            if let Some(c) = &v.customer {
                *per_member.entry((shop.clone(), c.clone())).or_default() += 1;
                *in_chain.entry(c.clone()).or_default() += 1;
            }
        }
        for ((shop, _), n) in per_member {
            let f = shops.entry(shop).or_default();
            f.members += 1;
            f.returning += i64::from(n >= 2);
        }
        let shops: Vec<ShopFigures> = shops
            .into_iter()
            .map(|(shop_id, f)| ShopFigures { shop_id, ..f })
            .collect();
        let mut total = ShopFigures::default();
        for s in &shops {
            total.visits += s.visits;
            total.sales += s.sales;
            total.refunds += s.refunds;
            total.points_earned += s.points_earned;
            total.points_redeemed += s.points_redeemed;
        }
        total.members = in_chain.len() as i64;
        total.returning = in_chain.values().filter(|n| **n >= 2).count() as i64;
        Ok(ChainFigures { shops, total })
    }
}
