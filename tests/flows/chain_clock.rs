//! A till whose clock is an hour behind the others': its sales, its redemption and its work on
//! another shop's ticket all count, nothing is lost or doubled, and its late-stamped change is
//! not lost to the earlier one it replaced.

use crate::common::{check_invariants, rules};
use crate::pg::Postgres;
use regulars::config::CentralConfig;
use regulars::domain::program::Program;
use regulars::domain::support::{Channel, Status};
use regulars::services::sync::{redeem_in_chain, sync_once};
use regulars::store::{NewCustomer, NewSale, NewTicket, Store};

fn till(url: &str, shop: &str, id: &str) -> (tempfile::TempDir, Store, CentralConfig) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("regulars.db"), rules()).unwrap();
    store.ensure_program(&Program::default(), 0).unwrap();
    let config = CentralConfig {
        url: url.to_string(),
        shop_id: shop.into(),
        till_id: id.into(),
        offline_redeem_allowance: 0,
        every: 30,
        shop_name: format!("Shop {shop}"),
        pages_url: None,
    };
    (dir, store, config)
}

fn sale(store: &mut Store, code: &str, amount: i64, at: i64) {
    let sale = NewSale {
        amount,
        at,
        customer: Some(code.into()),
        receipt: None,
    };
    store.write(|t| t.counter().record_sale(&sale)).unwrap();
}

type Till = (tempfile::TempDir, Store, CentralConfig);

/// A central store, Riga's and Dublin's tills, the time, and Anna enrolled in Riga.
fn two_tills() -> (Postgres, Till, Till, i64, String) {
    let pg = Postgres::start();
    regulars::central::Central::connect(&pg.url())
        .unwrap()
        .init()
        .unwrap();
    let (a, mut riga, riga_cfg) = till(&pg.url(), "riga", "riga-1");
    let b = till(&pg.url(), "dublin", "dublin-1");
    let now = regulars::clock::now();
    let mut random = {
        let mut n = 7u64;
        move || {
            n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            n >> 20
        }
    };
    let new = NewCustomer {
        name: "Anna".into(),
        ..NewCustomer::default()
    };
    let anna = riga.enroll(&new, now, &mut random).unwrap().code;
    (pg, (a, riga, riga_cfg), b, now, anna)
}

#[test]
fn a_till_with_its_clock_an_hour_behind_loses_nothing() {
    let (pg, (_a, mut riga, riga_cfg), (_b, mut dublin, dublin_cfg), now, anna) = two_tills();
    let behind = |t: i64| t - 3600;
    sale(&mut riga, &anna, 3_000, now);
    sync_once(&mut riga, &riga_cfg, now).unwrap();
    // Dublin's clock says an hour earlier: its sale "happened" before Riga's enrolment.
    sync_once(&mut dublin, &dublin_cfg, behind(now + 60)).unwrap();
    sale(&mut dublin, &anna, 5_000, behind(now + 60));
    let redeemed = redeem_in_chain(
        &mut dublin,
        &dublin_cfg,
        &anna,
        "coffee",
        behind(now + 90),
        None,
    );
    assert!(redeemed.is_ok(), "{redeemed:?}");
    sync_once(&mut riga, &riga_cfg, now + 120).unwrap();
    let balance = |s: &mut Store| s.customer_view(&anna, now + 200).unwrap().balance;
    assert_eq!(balance(&mut riga), 30 + 50 - 40);
    assert_eq!(balance(&mut dublin), 30 + 50 - 40);

    // Riga opens a ticket; Dublin, an hour behind, resolves it "before" it was opened.
    let ticket = riga
        .write(|t| {
            t.support().open_ticket(&NewTicket {
                customer: Some(anna.clone()),
                visit_id: None,
                channel: Channel::Phone,
                problem: None,
                summary: "Card does not scan".into(),
                contact_via: None,
                contact: None,
                severity: None,
                at: now + 300,
                actor: None,
                key: None,
            })
        })
        .unwrap();
    sync_once(&mut riga, &riga_cfg, now + 310).unwrap();
    sync_once(&mut dublin, &dublin_cfg, behind(now + 320)).unwrap();
    let there: i64 = dublin
        .connection()
        .query_row("SELECT id FROM tickets", [], |r| r.get(0))
        .unwrap();
    dublin
        .write(|t| {
            t.support().set_ticket_status(
                there,
                Status::Resolved,
                Some("New card"),
                None,
                None,
                behind(now + 330),
            )
        })
        .unwrap();
    sync_once(&mut dublin, &dublin_cfg, behind(now + 340)).unwrap();
    sync_once(&mut riga, &riga_cfg, now + 350).unwrap();
    let status = riga.read(|t| t.support().ticket(ticket.id)).unwrap().status;
    assert_eq!(
        status,
        Status::Resolved,
        "the later change wins, whatever the clock said"
    );
    for s in [&riga, &dublin] {
        check_invariants(s.connection());
        let sent: i64 = s
            .connection()
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE answer IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sent, 0);
    }
    crate::chain_identity::keys_once(&pg);
}

#[test]
fn a_language_set_in_two_shops_while_apart_ends_the_same_in_both() {
    let (_pg, (_a, mut riga, riga_cfg), (_b, mut dublin, dublin_cfg), now, anna) = two_tills();
    sync_once(&mut riga, &riga_cfg, now).unwrap();
    sync_once(&mut dublin, &dublin_cfg, now).unwrap();
    let language = |s: &Store| -> Option<String> {
        s.connection()
            .query_row("SELECT language FROM customers", [], |r| r.get(0))
            .unwrap()
    };
    let set = |s: &mut Store, tag: &str| {
        s.write(|t| t.people().set_customer_language(&anna, Some(tag)))
            .unwrap()
    };

    // Apart, each shop saves another language for her (in the same second, or not).
    set(&mut riga, "lv");
    set(&mut dublin, "sr-Latn");
    for _ in 0..2 {
        sync_once(&mut riga, &riga_cfg, now + 10).unwrap();
        sync_once(&mut dublin, &dublin_cfg, now + 10).unwrap();
    }
    let agreed = language(&riga);
    assert!(agreed.is_some());
    assert_eq!(language(&dublin), agreed, "both shops keep the same one");

    // Once they have heard of each other, the change made after the other's wins.
    set(&mut dublin, "te");
    sync_once(&mut dublin, &dublin_cfg, now + 20).unwrap();
    sync_once(&mut riga, &riga_cfg, now + 20).unwrap();
    set(&mut riga, "fil");
    sync_once(&mut riga, &riga_cfg, now + 30).unwrap();
    sync_once(&mut dublin, &dublin_cfg, now + 30).unwrap();
    assert_eq!(language(&riga).as_deref(), Some("fil"));
    assert_eq!(language(&dublin).as_deref(), Some("fil"));
    for s in [&riga, &dublin] {
        check_invariants(s.connection());
    }
}
