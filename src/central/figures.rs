//! The chain's figures for the owner, per shop and together, from the events every till sent.

use super::{Central, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

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
    /// Members who joined in the range (a person with two cards, merged, once).
    pub new_members: i64,
    pub points_earned: i64,
    pub points_redeemed: i64,
    /// Visits in the range that were rated, and their stars added up.
    pub ratings: i64,
    pub stars: i64,
    /// Tickets opened in the range, and of them those resolved or confirmed now.
    pub tickets: i64,
    pub tickets_resolved: i64,
}

impl ShopFigures {
    /// The average rating, when any visit was rated.
    pub fn average_rating(&self) -> Option<f64> {
        (self.ratings > 0).then(|| self.stars as f64 / self.ratings as f64)
    }
}

/// The chain's figures: each shop's, and all shops' together (where a member who visited two
/// shops counts once).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChainFigures {
    pub shops: Vec<ShopFigures>,
    pub total: ShopFigures,
}

#[derive(Deserialize)]
struct Visit {
    gid: String,
    customer: Option<String>,
    at: i64,
    amount: i64,
    refunded: i64,
}

#[derive(Deserialize)]
struct Refund {
    gid: String,
    visit: String,
    amount: i64,
}

#[derive(Deserialize)]
struct Points {
    at: i64,
    kind: String,
    points: i64,
}

#[derive(Deserialize)]
struct Customer {
    gid: String,
    enrolled_at: i64,
}

#[derive(Deserialize)]
struct Rating {
    visit: Option<String>,
    stars: i64,
}

#[derive(Deserialize)]
struct Ticket {
    gid: String,
    opened_at: i64,
    status: String,
}

/// What the chain's events say, each thing under the shop whose till first sent it, in its
/// latest state.
#[derive(Default)]
struct Latest {
    visits: HashMap<String, (String, Visit)>,
    /// Refund gid → (visit gid, amount): each refund once, however often it was sent.
    refunds: HashMap<String, (String, i64)>,
    customers: HashMap<String, (String, i64)>,
    ratings: HashMap<String, i64>,
    tickets: HashMap<String, (String, Ticket)>,
}

impl Latest {
    fn take(&mut self, shop: String, kind: &str, payload: &str) {
        fn first(shop: String, held: Option<&String>) -> String {
            held.cloned().unwrap_or(shop)
        }
        match kind {
            "visit" => {
                if let Ok(v) = serde_json::from_str::<Visit>(payload) {
                    let shop = first(shop, self.visits.get(&v.gid).map(|h| &h.0));
                    self.visits.insert(v.gid.clone(), (shop, v));
                }
            }
            "refund" => {
                if let Ok(r) = serde_json::from_str::<Refund>(payload) {
                    self.refunds.insert(r.gid, (r.visit, r.amount));
                }
            }
            "customer" => {
                if let Ok(c) = serde_json::from_str::<Customer>(payload) {
                    self.customers.entry(c.gid).or_insert((shop, c.enrolled_at));
                }
            }
            "rating" => {
                if let Ok(Rating {
                    visit: Some(v),
                    stars,
                }) = serde_json::from_str::<Rating>(payload)
                {
                    self.ratings.insert(v, stars);
                }
            }
            "ticket" => {
                if let Ok(t) = serde_json::from_str::<Ticket>(payload) {
                    let shop = first(shop, self.tickets.get(&t.gid).map(|h| &h.0));
                    self.tickets.insert(t.gid.clone(), (shop, t));
                }
            }
            _ => {}
        }
    }
}

impl Central {
    /// Each shop's figures for `[from, to)` (unix seconds), from the events every till has
    /// sent: a visit, an enrolment or a ticket counts in the shop whose till first sent it, in
    /// its latest state (a visit with every shop's refunds, never past its amount; a rating
    /// with the visit it rates); points count in the shop whose till sent them; merged cards
    /// count as one member. Shops sorted by name.
    pub fn shop_figures(&mut self, from: i64, to: i64) -> Result<ChainFigures> {
        let range = from..to;
        // Every shop that has a till, also one with nothing in the range.
        let mut shops: BTreeMap<String, ShopFigures> = self
            .client
            .query("SELECT DISTINCT shop_id FROM tills", &[])?
            .into_iter()
            .map(|r| (r.get(0), ShopFigures::default()))
            .collect();
        let merged: HashMap<String, String> = self
            .client
            .query("SELECT gone, kept FROM merges", &[])?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let person = |gid: &String| merged.get(gid).unwrap_or(gid).clone();
        let rows = self.client.query(
            "SELECT shop_id, kind, payload FROM events
             WHERE kind IN ('visit', 'refund', 'points', 'customer', 'rating', 'ticket')
             ORDER BY seq",
            &[],
        )?;
        let mut latest = Latest::default();
        for r in rows {
            let (shop, kind, payload): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            if kind != "points" {
                latest.take(shop, &kind, &payload);
            } else if let Ok(p) = serde_json::from_str::<Points>(&payload)
                && range.contains(&p.at)
            {
                let f = shops.entry(shop).or_default();
                match p.kind.as_str() {
                    "earn" | "referral" => f.points_earned += p.points,
                    "redeem" => f.points_redeemed -= p.points,
                    _ => {}
                }
            }
        }
        let mut refunded: HashMap<&str, i64> = HashMap::new();
        for (visit, amount) in latest.refunds.values() {
            *refunded.entry(visit.as_str()).or_default() += amount;
        }
        let mut per_member: HashMap<(String, String), i64> = HashMap::new();
        let mut in_chain: HashMap<String, i64> = HashMap::new();
        for (shop, v) in latest.visits.values() {
            if !range.contains(&v.at) {
                continue;
            }
            let f = shops.entry(shop.clone()).or_default();
            f.visits += 1;
            f.sales += v.amount;
            let back = refunded.get(v.gid.as_str()).copied().unwrap_or(0);
            f.refunds += back.max(v.refunded).min(v.amount);
            if let Some(stars) = latest.ratings.get(&v.gid) {
                f.ratings += 1;
                f.stars += stars;
            }
            if let Some(c) = &v.customer {
                *per_member.entry((shop.clone(), person(c))).or_default() += 1;
                *in_chain.entry(person(c)).or_default() += 1;
            }
        }
        for ((shop, _), n) in per_member {
            let f = shops.entry(shop).or_default();
            f.members += 1;
            f.returning += i64::from(n >= 2);
        }
        for (gid, (shop, at)) in &latest.customers {
            if range.contains(at) && !merged.contains_key(gid) {
                shops.entry(shop.clone()).or_default().new_members += 1;
            }
        }
        for (shop, t) in latest.tickets.values() {
            if range.contains(&t.opened_at) {
                let f = shops.entry(shop.clone()).or_default();
                f.tickets += 1;
                f.tickets_resolved +=
                    i64::from(matches!(t.status.as_str(), "resolved" | "confirmed"));
            }
        }
        Ok(together(shops, &in_chain))
    }
}

/// The shops' figures in order of name, and all of them added up, where a member who came
/// to two shops is one member.
fn together(shops: BTreeMap<String, ShopFigures>, in_chain: &HashMap<String, i64>) -> ChainFigures {
    let shops: Vec<ShopFigures> = shops
        .into_iter()
        .map(|(shop_id, f)| ShopFigures { shop_id, ..f })
        .collect();
    let mut total = ShopFigures::default();
    for s in &shops {
        total.visits += s.visits;
        total.sales += s.sales;
        total.refunds += s.refunds;
        total.new_members += s.new_members;
        total.points_earned += s.points_earned;
        total.points_redeemed += s.points_redeemed;
        total.ratings += s.ratings;
        total.stars += s.stars;
        total.tickets += s.tickets;
        total.tickets_resolved += s.tickets_resolved;
    }
    total.members = in_chain.len() as i64;
    total.returning = in_chain.values().filter(|n| **n >= 2).count() as i64;
    ChainFigures { shops, total }
}
