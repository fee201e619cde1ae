//! `regulars demo`: a realistic, deterministic shop history for trying the product and for
//! measuring it at scale.
//!
//! Customers differ: many come once, some monthly, some weekly, a few almost daily, and each
//! stops coming after a while. Some are referred by regulars (a few try to refer themselves),
//! a small share of sales are refunded, members redeem rewards when they can, and anonymous
//! sales run alongside. The same seed gives the same history, relative to the day it runs.
//!
//! The history is made with the store's own rules in memory and loaded in bulk
//! ([`regulars::store::Bulk`](crate::store::Bulk)); [`generate_through_store`] makes the same
//! history through the operations a till uses, one transaction each, and the tests check that
//! both give the same database row for row.

use crate::domain::referral::ReferralStatus;
use crate::store::{BulkSale, NewCustomer, NewSale, Store, StoreError};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp, LogNormal};
use serde::Serialize;

const DAY: i64 = 86_400;
/// Events between progress bar updates.
const STEP: usize = 5_000;

pub mod fraud;
pub mod shops;
mod writers;
use writers::{Shop, Through};

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoPlan {
    pub customers: u32,
    pub days: u32,
    pub seed: u64,
    /// The history ends at this moment (unix seconds).
    pub end: i64,
    /// Where the customers' names come from (the shop's language's).
    pub names: &'static shops::Names,
}

/// What was generated.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DemoReport {
    pub customers: u64,
    pub visits: u64,
    pub anonymous_visits: u64,
    pub refunds: u64,
    pub redemptions: u64,
    pub referrals: u64,
    pub referrals_refused: u64,
    pub seconds: f64,
    /// Alerts the checks raise over the history (before anything is planted), and per 1,000
    /// members a week.
    pub alerts: u64,
    pub alerts_per_1000_members_week: f64,
    /// With `--with-fraud`: each pattern planted, and whether the checks found it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub planted: Vec<fraud::Planted>,
}

/// Why the demo did not run.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "this data folder already holds a shop ({customers} customers, {visits} visits): the demo \
         only fills an empty one, so nothing was changed; use --data DIR with a new folder"
    )]
    NotEmpty { customers: i64, visits: i64 },
    #[error("the demo needs at least 1 customer and 1 day")]
    Empty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Clone, Copy)]
enum Kind {
    /// A member's visit; the first one enrolls them.
    Visit { customer: u32 },
    /// A sale without a card.
    Anonymous,
    /// A refund of the sale generated as event `of`.
    Refund { of: u32, partial: bool },
}

#[derive(Clone, Copy)]
struct Event {
    at: i64,
    id: u32,
    kind: Kind,
}

struct Member {
    /// Typical basket in minor units.
    basket: f64,
    referrer: Option<u32>,
    self_referral: bool,
}

/// Generates the history into `store`, which must be empty: made in memory with the store's
/// rules, then written in one transaction (a bar shows each stage when `progress`).
pub fn generate(
    store: &mut Store,
    plan: &DemoPlan,
    progress: bool,
) -> Result<DemoReport, DemoError> {
    check_empty(store, plan)?;
    let started = std::time::Instant::now();
    store.bulk_load_mode()?;
    let mut bulk = store.bulk()?;
    bulk.reserve(plan.customers as usize, expected_visits(plan));
    let mut report = run(&mut bulk, shop_facts(store), plan, progress)?;
    let bar = crate::progress::bar(bulk.rows(), "writing", !progress);
    bulk.write(store, &mut |stage, done, of| {
        if bar.message() != stage {
            bar.set_message(stage.to_string());
            bar.set_length(of);
        }
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    report.seconds = started.elapsed().as_secs_f64();
    fraud::count_alerts(store, plan, &mut report)?;
    Ok(report)
}

/// The same history as [`generate`], made through the store's operations one transaction at
/// a time (many times slower): the reference the bulk load is compared with.
pub fn generate_through_store(
    store: &mut Store,
    plan: &DemoPlan,
    progress: bool,
) -> Result<DemoReport, DemoError> {
    check_empty(store, plan)?;
    let started = std::time::Instant::now();
    store.bulk_load_mode()?;
    let facts = shop_facts(store);
    let mut report = run(&mut Through(store), facts, plan, progress)?;
    report.seconds = started.elapsed().as_secs_f64();
    fraud::count_alerts(store, plan, &mut report)?;
    Ok(report)
}

fn check_empty(store: &mut Store, plan: &DemoPlan) -> Result<(), DemoError> {
    if plan.customers == 0 || plan.days == 0 {
        return Err(DemoError::Empty);
    }
    let before = store.stats(None, None, plan.end)?;
    if before.customers > 0 || before.visits > 0 {
        return Err(DemoError::NotEmpty {
            customers: before.customers,
            visits: before.visits,
        });
    }
    Ok(())
}

/// Roughly how many visits a plan makes (measured: 8.7 a customer over a year, 11.9 over
/// two), to make room for them at once.
fn expected_visits(plan: &DemoPlan) -> usize {
    let per_customer = 5.5 + 3.2 * f64::from(plan.days.min(3_650)) / 365.0;
    (f64::from(plan.customers) * per_customer) as usize
}

/// What the generator needs to know of the shop: its program and its currency's minor units.
fn shop_facts(store: &Store) -> (crate::domain::program::Program, f64) {
    (
        store
            .current_program()
            .cloned()
            .expect("the store has a program"),
        store.rules().currency.minor_per_major() as f64,
    )
}

/// Plays the plan's events, in time order, into `shop`.
fn run(
    shop: &mut impl Shop,
    (program, minor): (crate::domain::program::Program, f64),
    plan: &DemoPlan,
    progress: bool,
) -> Result<DemoReport, DemoError> {
    let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
    let end = plan.end - plan.end.rem_euclid(DAY);
    let start = end - i64::from(plan.days) * DAY;
    // Prices follow the program's unit ("1 point per 1.00", "per 100 dinars"): a basket is
    // about six and a half of them, whatever the currency.
    let unit = (program.earn.per_minor as f64).max(1.0);
    let (members, mut events) = plan_events(&mut rng, plan, start, end, unit);
    events.sort_by_key(|e| (e.at, e.id));
    let mut replay = Replay {
        cheapest: program
            .cheapest_reward()
            .map(|r| r.cost)
            .unwrap_or(i64::MAX),
        program: &program,
        plan,
        members: &members,
        minor,
        unit,
        rng,
        codes: vec![None; members.len()],
        emails: vec![None; members.len()],
        referral_codes: vec![None; members.len()],
        receipts: vec![0; events.len()],
        amounts: vec![0; events.len()],
        next_receipt: 1,
        report: DemoReport::default(),
    };
    let bar = crate::progress::bar(events.len() as u64, "demo", !progress);
    let mut swept_day = start / DAY;
    for (n, ev) in events.iter().enumerate() {
        if n % STEP == 0 {
            bar.set_position(n as u64);
        }
        if ev.at / DAY > swept_day {
            swept_day = ev.at / DAY;
            shop.expire_due(swept_day * DAY)?;
        }
        match ev.kind {
            Kind::Visit { customer } => replay.member_visit(shop, ev, customer as usize)?,
            Kind::Anonymous => replay.anonymous_visit(shop, ev)?,
            Kind::Refund { of, partial } => replay.refund(shop, ev, of as usize, partial)?,
        }
    }
    shop.expire_due(plan.end)?;
    bar.finish_and_clear();
    Ok(replay.report)
}

/// A plan being played: who has enrolled (their codes), each sale's receipt and amount, and
/// what was done so far.
struct Replay<'p> {
    program: &'p crate::domain::program::Program,
    plan: &'p DemoPlan,
    members: &'p [Member],
    /// Minor units per major, and the program's unit of spend, for baskets.
    minor: f64,
    unit: f64,
    cheapest: i64,
    rng: ChaCha8Rng,
    codes: Vec<Option<String>>,
    emails: Vec<Option<String>>,
    referral_codes: Vec<Option<String>>,
    /// Per event: the receipt number of its sale (0 for none) and the amount.
    receipts: Vec<u32>,
    amounts: Vec<i64>,
    next_receipt: u32,
    report: DemoReport,
}

impl Replay<'_> {
    /// A member's visit: enrolled at their first, a sale, and now and then a reward.
    fn member_visit(
        &mut self,
        shop: &mut impl Shop,
        ev: &Event,
        c: usize,
    ) -> Result<(), DemoError> {
        if self.codes[c].is_none() {
            self.enroll(shop, ev, c)?;
        }
        let amount = basket(&mut self.rng, self.members[c].basket, self.minor);
        let out = self.sell(shop, ev, amount, self.codes[c].clone())?;
        if out.referral == Some(ReferralStatus::Refused) {
            self.report.referrals_refused += 1;
        }
        let code = self.codes[c].clone().expect("enrolled above");
        let customer_id = out.customer_id.expect("a member's sale");
        let has_voucher = shop.unused_vouchers(customer_id)? > 0;
        if has_voucher && self.rng.random_bool(0.7) {
            let reward = self.program.stamps.as_ref().map(|s| s.reward.as_str());
            if let Some(reward) = reward {
                shop.redeem(&code, reward, ev.at + 1)?;
                self.report.redemptions += 1;
            }
        } else if out.balance >= self.cheapest && self.rng.random_bool(0.25) {
            let affordable: Vec<&str> = self
                .program
                .rewards
                .iter()
                .filter(|r| r.cost <= out.balance)
                .map(|r| r.id.as_str())
                .collect();
            let pick = affordable[self.rng.random_range(0..affordable.len())];
            shop.redeem(&code, pick, ev.at + 1)?;
            self.report.redemptions += 1;
        }
        Ok(())
    }

    /// A member's first visit: enrolled a minute before, with a friend's code when they were
    /// referred (and their friend's email, changed a little, when they refer themselves).
    fn enroll(&mut self, shop: &mut impl Shop, ev: &Event, c: usize) -> Result<(), DemoError> {
        let names = self.plan.names;
        let (first, last) = (
            self.rng.random_range(0..names.first.len()),
            self.rng.random_range(0..names.last.len()),
        );
        let name = names.full(first, last);
        let referrer = self.members[c].referrer.map(|r| r as usize);
        let email = match (self.members[c].self_referral, referrer) {
            (true, Some(r)) if self.emails[r].is_some() => {
                let e = self.emails[r].as_ref().expect("checked");
                Some(e.replacen('@', &format!("+again{c}@"), 1))
            }
            _ if self.rng.random_bool(0.5) => Some(format!("{}.{c}@example.org", ascii(&name))),
            _ => None,
        };
        let referred_by = referrer.and_then(|r| self.referral_codes[r].clone());
        let rng = &mut self.rng;
        let enrolled = shop.enroll(
            &NewCustomer {
                name,
                phone: Some(demo_phone(c as u64)),
                email: email.clone(),
                referred_by,
                language: None,
                birthday: None,
                consents: vec![],
                paper_stamps: 0,
            },
            ev.at - 60,
            &mut || rng.random::<u64>(),
        )?;
        if let Some(status) = enrolled.referral {
            self.report.referrals += 1;
            if status == ReferralStatus::Refused {
                self.report.referrals_refused += 1;
            }
        }
        self.report.customers += 1;
        self.codes[c] = Some(enrolled.code);
        self.emails[c] = email;
        self.referral_codes[c] = Some(enrolled.referral_code);
        Ok(())
    }

    /// A sale with the next receipt number.
    fn sell(
        &mut self,
        shop: &mut impl Shop,
        ev: &Event,
        amount: i64,
        customer: Option<String>,
    ) -> Result<BulkSale, DemoError> {
        self.amounts[ev.id as usize] = amount;
        self.receipts[ev.id as usize] = self.next_receipt;
        let out = shop.sale(&NewSale {
            amount,
            at: ev.at,
            customer,
            receipt: Some(format!("T{:08}", self.next_receipt)),
        })?;
        self.next_receipt += 1;
        self.report.visits += 1;
        Ok(out)
    }

    fn anonymous_visit(&mut self, shop: &mut impl Shop, ev: &Event) -> Result<(), DemoError> {
        let amount = basket(&mut self.rng, 550.0 / 100.0 * self.unit, self.minor);
        self.sell(shop, ev, amount, None)?;
        self.report.anonymous_visits += 1;
        Ok(())
    }

    /// A refund of an earlier sale, whole or half.
    fn refund(
        &mut self,
        shop: &mut impl Shop,
        ev: &Event,
        of: usize,
        partial: bool,
    ) -> Result<(), DemoError> {
        let receipt = self.receipts[of];
        if receipt == 0 {
            return Ok(());
        }
        let full = self.amounts[of];
        let amount = if partial && full > 1 {
            Some((full / 2).max(1))
        } else {
            None
        };
        shop.refund(&format!("T{receipt:08}"), amount, ev.at)?;
        self.report.refunds += 1;
        Ok(())
    }
}

/// Decides who comes when: members' visits, anonymous sales and refunds, unsorted.
fn plan_events(
    rng: &mut ChaCha8Rng,
    plan: &DemoPlan,
    start: i64,
    end: i64,
    unit: f64,
) -> (Vec<Member>, Vec<Event>) {
    let span = end - start;
    let lifetime = Exp::new(1.0 / 240.0).expect("positive rate");
    let basket_dist = LogNormal::new((6.5f64).ln(), 0.45).expect("valid");
    let mut members = Vec::with_capacity(plan.customers as usize);
    let mut events: Vec<Event> = Vec::new();
    let push = |events: &mut Vec<Event>, at: i64, kind: Kind| {
        let id = events.len() as u32;
        events.push(Event { at, id, kind });
        id
    };
    let mut regulars: Vec<(i64, u32)> = Vec::new();
    // Enrolment times first, so referrers can be chosen among earlier customers.
    let mut enrol: Vec<i64> = (0..plan.customers)
        .map(|_| start + rng.random_range(0..span))
        .collect();
    enrol.sort_unstable();
    for (i, first_at) in enrol.into_iter().enumerate() {
        let i = i as u32;
        let kind = rng.random::<f64>();
        // Mean days between visits: one-off, occasional, weekly regulars, near-daily.
        let (mean_gap, is_regular) = match kind {
            k if k < 0.45 => (150.0, false),
            k if k < 0.80 => (28.0, false),
            k if k < 0.97 => (7.0, true),
            _ => (2.5, true),
        };
        let referrer = if !regulars.is_empty() && rng.random_bool(0.12) {
            let (_, r) = regulars[rng.random_range(0..regulars.len())];
            Some(r)
        } else {
            None
        };
        members.push(Member {
            basket: basket_dist.sample(rng) * unit,
            referrer,
            self_referral: referrer.is_some() && rng.random_bool(0.03),
        });
        let stop = (first_at + (lifetime.sample(rng) * DAY as f64) as i64).min(end - 1);
        let gap = Exp::new(1.0 / mean_gap).expect("positive rate");
        let mut at = opening_hours(rng, first_at);
        let mut visits = 0;
        // The first visit always happens: it is when they enrolled.
        while (visits == 0 || at <= stop) && at < end && visits < 2_000 {
            let id = push(&mut events, at, Kind::Visit { customer: i });
            if rng.random_bool(0.015) {
                let later = within_hours(at + rng.random_range(3_600..3 * DAY));
                if later < end {
                    push(
                        &mut events,
                        later,
                        Kind::Refund {
                            of: id,
                            partial: rng.random_bool(0.5),
                        },
                    );
                }
            }
            if rng.random_bool(0.35) {
                let anon_day = start + rng.random_range(0..span);
                let anon_at = opening_hours(rng, anon_day);
                push(&mut events, anon_at.min(end - 1), Kind::Anonymous);
            }
            visits += 1;
            let next = at + ((gap.sample(rng) + 0.5) * DAY as f64) as i64;
            at = opening_hours(rng, next);
        }
        if is_regular {
            regulars.push((first_at, i));
        }
    }
    (members, events)
}

/// A refund in opening hours: one made after closing waits for the next morning (07:00 to
/// 09:00), as at a real counter.
fn within_hours(at: i64) -> i64 {
    let t = at.rem_euclid(DAY);
    if (7 * 3600..19 * 3600).contains(&t) {
        return at;
    }
    let next_morning = if t < 7 * 3600 { at - t } else { at - t + DAY };
    next_morning + 7 * 3600 + at.rem_euclid(2 * 3600)
}

/// Moves a moment into opening hours (07:00 to 19:00) on its day.
fn opening_hours(rng: &mut ChaCha8Rng, at: i64) -> i64 {
    let day = at - at.rem_euclid(DAY);
    day + 7 * 3_600 + rng.random_range(0..12 * 3_600)
}

/// One sale's amount around a customer's typical basket, to 10 minor units.
fn basket(rng: &mut ChaCha8Rng, typical: f64, minor: f64) -> i64 {
    let factor = LogNormal::new(0.0, 0.25).expect("valid").sample(rng);
    let step = (minor / 10.0).max(1.0);
    let amount = ((typical * factor) / step).round() * step;
    amount.max(minor) as i64
}

/// A unique, valid-looking phone number per customer index.
fn demo_phone(i: u64) -> String {
    format!("+35380{:08}", (i * 48_271 + 12_345) % 100_000_000)
}

/// An email address's local part for a name: lower-case ASCII, dots for spaces; a name in
/// another script becomes "member".
fn ascii(s: &str) -> String {
    let local: String = s
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('.'),
            'á' | 'à' => Some('a'),
            'é' | 'ë' => Some('e'),
            'í' => Some('i'),
            'ó' => Some('o'),
            'ü' => Some('u'),
            '\'' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect();
    if local.is_ascii() {
        local
    } else {
        "member".to_string()
    }
}
