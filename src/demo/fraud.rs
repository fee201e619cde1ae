//! The checks on the demo's history, and `demo --with-fraud`: each pattern the checks look for,
//! planted in the shop's last days through the operations a till uses (so each alert is raised
//! as at a real counter), and whether the checks found it.

use super::DemoError;
use crate::domain::checks::AlertKind;
use crate::domain::staff::{Actor, Role};
use crate::store::{NewCustomer, NewSale, Store, Tx};
use serde::Serialize;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// A pattern planted, and whether an alert of its kind with its events behind it was raised.
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    pub kind: AlertKind,
    /// The events planted ('visit:12', 'points:40', …).
    pub events: Vec<String>,
    pub found: bool,
}

/// The staff `--with-fraud` adds, with their PINs (the counter then asks for one).
pub const STAFF: [(&str, Role, &str); 2] = [
    ("Cara", Role::Cashier, "4071"),
    ("Owen", Role::Owner, "9020"),
];

/// Raises the alerts of a history loaded in bulk, computed from its rows once. How many.
pub fn check_history(store: &mut Store) -> Result<u64, DemoError> {
    Ok(store.write(|tx| tx.checks().raise_from_rows())? as u64)
}

/// The checks over the history just made: its alerts raised, and how many a week per 1,000
/// members (the checks' false alarms, when nothing was planted).
pub(super) fn count_alerts(
    store: &mut Store,
    plan: &super::DemoPlan,
    report: &mut super::DemoReport,
) -> Result<(), DemoError> {
    check_history(store)?;
    report.alerts = store.read(|tx| tx.checks().open_alerts())? as u64;
    let member_weeks = (report.customers.max(1) as f64 / 1000.0) * (f64::from(plan.days) / 7.0);
    report.alerts_per_1000_members_week = report.alerts as f64 / member_weeks;
    Ok(())
}

/// Plants every pattern in the days before `end`, each on a new member; what was found.
pub fn plant(store: &mut Store, end: i64) -> Result<Vec<Planted>, DemoError> {
    let checks = store.rules().checks.clone();
    let program = store.current_program().cloned().unwrap_or_default();
    let unit = program.earn.per_minor.max(1);
    // Three days before the end, at the shop's local midnight.
    let base = end - 3 * DAY;
    let midnight = base - i64::from(checks.local(base).minute) * 60 - base.rem_euclid(60);
    let at = |day: i64, hours: f64| midnight + day * DAY + (hours * HOUR as f64) as i64;
    let mut n = 0u64;
    let mut planted = vec![];
    store.write(|tx| {
        let mut member = |tx: &Tx<'_>, name: &str, referred_by: Option<&str>, when: i64| {
            n += 1;
            let mut seed = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            tx.people().enroll(
                &NewCustomer {
                    name: name.into(),
                    phone: Some(format!("+35387990{n:04}")),
                    email: None,
                    referred_by: referred_by.map(str::to_string),
                    language: None,
                    birthday: None,
                    consents: vec![],
                    paper_stamps: 0,
                },
                when,
                &mut || {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    seed >> 11
                },
            )
        };
        let sale = |tx: &Tx<'_>, code: Option<&str>, amount: i64, when: i64, by: Option<&str>| {
            tx.counter().record_sale_by(
                &NewSale {
                    amount,
                    at: when,
                    customer: code.map(str::to_string),
                    receipt: None,
                },
                by,
            )
        };
        for (i, (name, role, pin)) in STAFF.iter().enumerate() {
            tx.counter()
                .add_staff(name, *role, pin, [i as u8 + 7; 16], at(-30, 9.0))?;
        }
        // A cashier's own card, on sales she rings up for others.
        let cara = member(tx, "Cara (staff)", None, at(-20, 9.0))?;
        tx.checks().set_staff_card("Cara", Some(&cara.code))?;
        let mut events = vec![];
        for (i, amount) in [14, 23, 10].into_iter().enumerate() {
            let v = sale(
                tx,
                Some(&cara.code),
                amount * unit,
                at(0, 11.0 + i as f64),
                Some("Cara"),
            )?;
            events.push(format!("visit:{}", v.visit_id));
        }
        planted.push((AlertKind::OwnCard, events));
        // A card passed around: eight transactions in a day.
        let busy = member(tx, "Busy Card", None, at(-10, 9.0))?;
        let mut events = vec![];
        for i in 0..8 {
            let v = sale(
                tx,
                Some(&busy.code),
                (6 + i) * unit,
                at(1, 9.0 + i as f64),
                Some("Cara"),
            )?;
            events.push(format!("visit:{}", v.visit_id));
        }
        planted.push((AlertKind::BusyCard, events));
        // Points by hand, again and again, by one person in a week.
        let friend = member(tx, "Owen's friend", None, at(-10, 9.5))?;
        let mut events = vec![];
        for i in 0..7 {
            let a = tx.loyalty().adjust(
                &friend.code,
                25,
                "goodwill",
                &Actor::named(Some("Owen")),
                None,
                at(0, 10.0) + i * 2 * HOUR,
            )?;
            events.push(format!("points:{}", a.event_id));
        }
        planted.push((AlertKind::Adjustments, events));
        // A big sale, its points spent on a reward, then the sale refunded.
        let refunder = member(tx, "Refund After Reward", None, at(-10, 10.0))?;
        let big = sale(
            tx,
            Some(&refunder.code),
            160 * unit,
            at(0, 12.0),
            Some("Cara"),
        )?;
        // The dearest reward the sale's points pay for.
        let reward = program
            .rewards
            .iter()
            .filter(|r| r.cost <= big.points_earned)
            .max_by_key(|r| r.cost)
            .map_or_else(|| "coffee".to_string(), |r| r.id.clone());
        tx.loyalty()
            .redeem(&refunder.code, &reward, at(0, 12.2), Some("Cara"))?;
        let r = tx.counter().refund(
            &format!("V{}", big.visit_id),
            None,
            at(1, 10.0),
            &Actor::named(Some("Cara")),
        )?;
        planted.push((
            AlertKind::RefundAfterRedeem,
            vec![format!("refund:{}", r.refund_id)],
        ));
        // Receipts left behind, claimed by one phone; and one claimed four days late.
        let mut left = vec![];
        for i in 0..5 {
            left.push(sale(tx, None, (8 + i) * unit, at(0, 13.0 + i as f64 * 0.3), None)?.visit_id);
        }
        let late = sale(tx, None, 13 * unit, at(-4, 15.0), None)?.visit_id;
        let mut seed = 77u64;
        let mut random = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 11
        };
        for (i, v) in left.iter().enumerate() {
            tx.support().claim_visit(
                *v,
                "Receipt Collector",
                "+353879999001",
                at(1, 18.0 + i as f64 * 0.1),
                &mut random,
            )?;
        }
        planted.push((
            AlertKind::Claims,
            left.iter().map(|v| format!("claim:{v}")).collect(),
        ));
        tx.support().claim_visit(
            late,
            "Late Claimer",
            "+353879999002",
            at(1, 16.0),
            &mut random,
        )?;
        planted.push((AlertKind::Claims, vec![format!("claim:{late}")]));
        // One bill split in three, each just over the stamp card's minimum.
        let splitter = member(tx, "Split Bill", None, at(-10, 11.0))?;
        let min = program.min_spend_minor.max(1);
        let mut events = vec![];
        for i in 0..3 {
            let v = sale(
                tx,
                Some(&splitter.code),
                min + min * i / 20,
                at(1, 14.0) + i * 300,
                Some("Cara"),
            )?;
            events.push(format!("visit:{}", v.visit_id));
        }
        planted.push((AlertKind::SplitSales, events));
        // A sale on a card at twenty to midnight.
        let night = member(tx, "Night Owl", None, at(-10, 11.5))?;
        let v = sale(tx, Some(&night.code), 15 * unit, at(1, 23.67), Some("Cara"))?;
        planted.push((AlertKind::AfterHours, vec![format!("visit:{}", v.visit_id)]));
        // One member "referring" eight new members in a week.
        let ring = member(tx, "Referral Ring", None, at(-10, 12.0))?;
        let mut events = vec![];
        for i in 0..8 {
            let friend = member(
                tx,
                &format!("Ring Friend {i}"),
                Some(&ring.referral_code),
                at(0, 9.0) + i * 3 * HOUR,
            )?;
            if let Some(r) = friend.referral {
                events.push(format!("referral:{}", r.referral_id));
            }
        }
        planted.push((AlertKind::ReferralBurst, events));
        Ok(())
    })?;
    let alerts = store.alerts(true, usize::MAX >> 1)?;
    Ok(planted
        .into_iter()
        .map(|(kind, events)| Planted {
            found: alerts
                .iter()
                .any(|a| a.kind == kind && events.iter().all(|e| a.events.contains(e))),
            kind,
            events,
        })
        .collect())
}
