//! Store-level rules: stamps, expiry, refunds after spending, program versions, referral cap,
//! and two tills redeeming at once.

use crate::common::{DAY, T0, check_invariants, enroll, store, store_with};
use regulars::domain::program::Program;
use regulars::store::{NewSale, Store, StoreError};

fn sale(
    store: &mut Store,
    code: &str,
    amount: i64,
    at: i64,
    receipt: &str,
) -> regulars::store::SaleOutcome {
    store
        .write(|tx| {
            tx.counter().record_sale(&NewSale {
                amount,
                at,
                customer: Some(code.into()),
                receipt: Some(receipt.into()),
            })
        })
        .unwrap()
}

#[test]
fn tenth_visit_earns_a_voucher_and_a_full_refund_voids_it_unless_used() {
    let (_d, mut s) = store();
    let c = enroll(&mut s, "Anna", "0870000001", None);
    for i in 0..9 {
        assert_eq!(
            sale(&mut s, &c, 300, T0 + i, &format!("A{i}")).vouchers_issued,
            0
        );
    }
    let tenth = sale(&mut s, &c, 300, T0 + 10, "A9");
    assert_eq!(tenth.vouchers_issued, 1);
    let view = s.customer_view(&c, T0 + 11).unwrap();
    assert!(
        view.rewards_available
            .iter()
            .any(|r| r.pay_with == "voucher")
    );
    assert_eq!(
        view.progress[0].describe(),
        "10 more visits to Free coffee (stamp card)"
    );
    // Refunding the tenth visit in full takes the stamp and the unused voucher back.
    s.write(|tx| {
        tx.counter()
            .refund("A9", None, T0 + 20, &Default::default())
    })
    .unwrap();
    let view = s.customer_view(&c, T0 + 21).unwrap();
    assert_eq!(view.stamps, 9);
    assert!(
        !view
            .rewards_available
            .iter()
            .any(|r| r.pay_with == "voucher")
    );
    // Earn it again, use it, then refund: the used voucher stays used and no second one appears.
    assert_eq!(sale(&mut s, &c, 300, T0 + 30, "A10").vouchers_issued, 1);
    let r = s
        .write(|tx| tx.loyalty().redeem(&c, "coffee", T0 + 31, None))
        .unwrap();
    assert_eq!(r.paid_with, regulars::store::PaidWith::Voucher);
    s.write(|tx| {
        tx.counter()
            .refund("A10", None, T0 + 32, &Default::default())
    })
    .unwrap();
    assert_eq!(sale(&mut s, &c, 300, T0 + 40, "A11").vouchers_issued, 0);
    check_invariants(s.connection());
}

#[test]
fn soonest_expiring_points_are_spent_first_and_expired_points_leave() {
    let p = Program {
        expiry_days: Some(30),
        ..Program::default()
    };
    let (_d, mut s) = store_with(&p);
    let c = enroll(&mut s, "Anna", "0870000001", None);
    sale(&mut s, &c, 3000, T0, "old"); // 30 points expiring T0+30d
    sale(&mut s, &c, 2000, T0 + 20 * DAY, "new"); // 20 points expiring T0+50d
    // 40 points: takes all 30 old ones, then 10 new.
    s.write(|tx| tx.loyalty().redeem(&c, "coffee", T0 + 21 * DAY, None))
        .unwrap();
    let remaining: Vec<i64> = s
        .connection()
        .prepare("SELECT remaining FROM points_events WHERE kind = 'earn' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(remaining, [0, 10]);
    // After 50 days the rest expires, shown at once and recorded by the next write.
    assert_eq!(s.customer_view(&c, T0 + 51 * DAY).unwrap().balance, 0);
    let expired = s
        .write(|tx| tx.loyalty().expire_due(None, T0 + 51 * DAY))
        .unwrap();
    assert_eq!(expired, 10);
    assert_eq!(
        s.write(|tx| tx.loyalty().expire_due(None, T0 + 52 * DAY))
            .unwrap(),
        0
    );
    check_invariants(s.connection());
}

#[test]
fn refund_after_spending_is_floored_at_zero_and_spent_rewards_stay() {
    let (_d, mut s) = store();
    let c = enroll(&mut s, "Anna", "0870000001", None);
    sale(&mut s, &c, 4500, T0, "R1"); // 45 points
    s.write(|tx| tx.loyalty().redeem(&c, "coffee", T0 + 1, None))
        .unwrap(); // 40 spent, 5 left
    let r = s
        .write(|tx| tx.counter().refund("R1", None, T0 + 2, &Default::default()))
        .unwrap();
    assert_eq!(r.points_due, 45);
    assert_eq!(r.points_reversed, 5);
    assert_eq!(r.balance, 0);
    let redemptions: i64 = s
        .connection()
        .query_row("SELECT COUNT(*) FROM redemptions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(redemptions, 1);
    check_invariants(s.connection());
}

#[test]
fn points_follow_the_program_in_force_at_the_sale() {
    let (_d, mut s) = store();
    let c = enroll(&mut s, "Anna", "0870000001", None);
    assert_eq!(sale(&mut s, &c, 1000, T0, "P1").points_earned, 10);
    let mut doubled = Program::default();
    doubled.earn.points = 2;
    s.ensure_program(&doubled, T0 + DAY).unwrap();
    assert_eq!(sale(&mut s, &c, 1000, T0 + 2 * DAY, "P2").points_earned, 20);
    // A refund of the first sale takes back what it earned under its own program.
    let r = s
        .write(|tx| {
            tx.counter()
                .refund("P1", None, T0 + 3 * DAY, &Default::default())
        })
        .unwrap();
    assert_eq!(r.points_reversed, 10);
    // Re-registering the same program is a no-op.
    let before = s
        .connection()
        .query_row("SELECT COUNT(*) FROM programs", [], |r| r.get::<_, i64>(0))
        .unwrap();
    s.ensure_program(&doubled, T0 + 4 * DAY).unwrap();
    let after = s
        .connection()
        .query_row("SELECT COUNT(*) FROM programs", [], |r| r.get::<_, i64>(0))
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn referral_cap_refuses_and_records() {
    let mut p = Program::default();
    p.referral.cap_per_30_days = 2;
    let (_d, mut s) = store_with(&p);
    let anna = enroll(&mut s, "Anna", "0870000001", None);
    let anna_ref = s.customer_view(&anna, T0).unwrap().referral_code;
    let mut statuses = Vec::new();
    for i in 0..3 {
        let friend = enroll(
            &mut s,
            &format!("Friend {i}"),
            &format!("08610000{i:02}"),
            Some(&anna_ref),
        );
        let out = sale(&mut s, &friend, 500, T0 + i, &format!("F{i}"));
        statuses.push(out.referral.unwrap().status.as_str());
    }
    assert_eq!(statuses, ["rewarded", "rewarded", "refused"]);
    // 31 days later the cap has room again.
    let late = enroll(&mut s, "Late", "0862000000", Some(&anna_ref));
    let out = sale(&mut s, &late, 500, T0 + 31 * DAY, "F9");
    assert_eq!(out.referral.unwrap().status.as_str(), "rewarded");
    assert_eq!(s.customer_view(&anna, T0 + 31 * DAY).unwrap().balance, 150);
    let refused = s.referrals(Some("refused"), 10).unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].reason.as_deref(), Some("cap_reached"));
    check_invariants(s.connection());
}

#[test]
fn two_tills_redeeming_at_once_never_overspend() {
    for round in 0..10 {
        let (dir, mut s) = store();
        let c = enroll(&mut s, "Anna", "0870000001", None);
        sale(&mut s, &c, 6000, T0, "R1"); // 60 points: one coffee (40), not two
        let path = dir.path().join("regulars.db");
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (path, c, barrier) = (path.clone(), c.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut till = Store::open(&path, crate::common::rules()).unwrap();
                    till.ensure_program(&Program::default(), 0).unwrap();
                    barrier.wait();
                    till.write(|tx| tx.loyalty().redeem(&c, "coffee", T0 + 1, None))
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, 1, "round {round}: {results:?}");
        assert!(results.iter().any(|r| matches!(
            r,
            Err(StoreError::NotEnoughPoints {
                needed: 40,
                balance: 20,
                ..
            })
        )));
        assert_eq!(s.customer_view(&c, T0 + 2).unwrap().balance, 20);
        check_invariants(s.connection());
    }
}

/// The owner who approved an adjustment travels with it to the chain's other tills, in a field
/// of its own; an event from a till older than that field (no `approved_by`) still applies.
#[test]
fn the_approver_reaches_other_tills_and_older_events_still_apply() {
    use regulars::domain::chain::RemoteEvent;
    use regulars::domain::staff::Actor;
    let (_a_dir, mut riga) = store();
    let (b_dir, mut dublin) = store();
    riga.write(|tx| tx.chain().join_chain("riga-1", "riga"))
        .unwrap();
    dublin
        .write(|tx| tx.chain().join_chain("dublin-1", "dublin"))
        .unwrap();
    let anna = enroll(&mut riga, "Anna", "0861234567", None);
    let by = Actor {
        name: Some("Cara".into()),
        approved_by: Some("Owen".into()),
    };
    riga.write(|tx| {
        tx.loyalty()
            .adjust(&anna, 25, "card forgotten", &by, None, T0)
    })
    .unwrap();
    let sent = riga.read(|tx| tx.chain().outbox(100)).unwrap();
    let as_remote = |payload: String, e: &regulars::domain::chain::OutboxEvent, seq| RemoteEvent {
        seq,
        key: e.key.clone(),
        till_id: "riga-1".into(),
        kind: e.kind.clone(),
        payload,
        shop_id: "riga".into(),
    };
    let events: Vec<RemoteEvent> = sent
        .iter()
        .zip(1..)
        .map(|(e, seq)| as_remote(e.payload.clone(), e, seq))
        .collect();
    let points = sent.iter().find(|e| e.kind == "points").unwrap();
    assert!(
        points.payload.contains("\"approved_by\":\"Owen\""),
        "{}",
        points.payload
    );
    dublin
        .write(|tx| tx.chain().apply_remote(&events, T0 + 1))
        .unwrap();
    let kept: (String, String) = dublin
        .connection()
        .query_row(
            "SELECT actor, approved_by FROM points_events WHERE kind = 'adjust'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kept, ("Cara".into(), "Owen".into()));
    // The same kind of event from an older till, which never wrote the field.
    let mut older: serde_json::Value = serde_json::from_str(&points.payload).unwrap();
    older.as_object_mut().unwrap().remove("approved_by");
    older["gid"] = "riga-1:older".into();
    let older = as_remote(older.to_string(), points, 1_000);
    let before = crate::common::fingerprint(&crate::common::db(b_dir.path()));
    let applied = dublin
        .write(|tx| tx.chain().apply_remote(&[older], T0 + 2))
        .unwrap();
    assert_ne!(
        crate::common::fingerprint(&crate::common::db(b_dir.path())),
        before
    );
    assert_eq!(applied.problems, 0, "{applied:?}");
    let approvers: Vec<Option<String>> = dublin
        .connection()
        .prepare("SELECT approved_by FROM points_events WHERE kind = 'adjust' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(approvers, [Some("Owen".to_string()), None]);
}
