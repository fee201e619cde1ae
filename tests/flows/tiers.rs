//! Tiers by points earned in the last 12 months: up at once, down only at the review date,
//! the multiplier on what each sale earns, spending points never costs a tier, and the tier
//! on the counter's view, the receipt and in config.toml.

use crate::chain::edit_config;
use crate::common::{run, run_json, store_with};
use regulars::domain::program::Program;
use regulars::domain::tiers::{TierLevel, Tiers};
use regulars::store::{NewCustomer, NewSale, Store};

fn utc(y: i16, m: i8, d: i8) -> i64 {
    jiff::civil::date(y, m, d)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second()
}

fn program() -> Program {
    Program {
        tiers: Some(Tiers {
            base: "Regular".into(),
            levels: vec![
                TierLevel {
                    name: "Silver".into(),
                    from_points: 100,
                    multiplier_percent: 125,
                },
                TierLevel {
                    name: "Gold".into(),
                    from_points: 300,
                    multiplier_percent: 150,
                },
            ],
            review_month: 1,
            review_day: 1,
        }),
        // Points that never expire, so only the tier's own 12 months matter here.
        expiry_days: None,
        ..Program::default()
    }
}

fn sell(store: &mut Store, code: &str, amount: i64, at: i64) -> i64 {
    let sale = NewSale {
        amount,
        at,
        customer: Some(code.into()),
        receipt: None,
    };
    store
        .write(|t| t.counter().record_sale(&sale))
        .unwrap()
        .points_earned
}

fn tier(store: &mut Store, code: &str, at: i64) -> String {
    store
        .customer_view(code, at)
        .unwrap()
        .tier
        .unwrap()
        .place
        .name
}

#[test]
fn a_member_moves_up_at_once_and_down_only_at_the_review() {
    let (_dir, mut store) = store_with(&program());
    let mut n = 3u64;
    let mut random = move || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        n >> 11
    };
    let new = NewCustomer {
        name: "Zoë Byrne".into(),
        ..NewCustomer::default()
    };
    let zoe = store
        .enroll(&new, utc(2025, 3, 1), &mut random)
        .unwrap()
        .code;
    assert_eq!(tier(&mut store, &zoe, utc(2025, 3, 1)), "Regular");
    // 100.00 earns 100 points, at the base rate: Silver at once.
    assert_eq!(sell(&mut store, &zoe, 10_000, utc(2025, 3, 1) + 60), 100);
    assert_eq!(tier(&mut store, &zoe, utc(2025, 3, 1) + 120), "Silver");
    // Silver's ×1.25 on the next sales: 10.00 earns 12 (rounded down), 200.00 earns 250.
    assert_eq!(sell(&mut store, &zoe, 1_000, utc(2025, 3, 2)), 12);
    assert_eq!(sell(&mut store, &zoe, 20_000, utc(2025, 4, 1)), 250);
    let view = store.customer_view(&zoe, utc(2025, 4, 2)).unwrap();
    let t = view.tier.clone().unwrap();
    assert_eq!(
        (t.place.name.as_str(), t.earned, t.next),
        ("Gold", 362, None)
    );
    // Spending points does not cost the tier: it is what was earned, not the balance.
    store
        .write(|tx| tx.loyalty().redeem(&zoe, "beans", utc(2025, 4, 3), None))
        .unwrap();
    assert_eq!(tier(&mut store, &zoe, utc(2025, 4, 4)), "Gold");
    // A year and more later she has earned nothing in the last 12 months, but the review of
    // 1 January 2026 counted 2025's 362 points: Gold until the next review.
    assert_eq!(tier(&mut store, &zoe, utc(2026, 6, 1)), "Gold");
    assert_eq!(tier(&mut store, &zoe, utc(2026, 12, 31)), "Gold");
    // The review of 1 January 2027 counts 2026's: none, so back to Regular, with the way up.
    let view = store.customer_view(&zoe, utc(2027, 1, 2)).unwrap();
    let t = view.tier.clone().unwrap();
    assert_eq!(t.place.name, "Regular");
    assert_eq!(t.next, Some(("Silver".into(), 100)));
    assert_eq!(t.review_at, utc(2028, 1, 1));

    // The receipt and the counter say it in the shop's language.
    let lv = regulars::i18n::catalog().get("lv").unwrap();
    let block = regulars::printing::loyalty_block(lv, &view, 0);
    assert_eq!(block.progress[0], "Jūsu līmenis: Regular", "{block:?}");
    assert!(block.progress[1].contains("100"), "{block:?}");
    let gold = store.customer_view(&zoe, utc(2025, 4, 4)).unwrap();
    let en = regulars::i18n::catalog().get("en").unwrap();
    assert_eq!(
        en.tier(gold.tier.as_ref().unwrap()).0,
        "Gold tier: ×1.5 points"
    );
    crate::common::check_invariants(store.connection());
}

#[test]
fn tiers_come_from_config_toml_and_a_bad_review_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let tiers = "[program.tiers]\nbase = \"Member\"\nreview = \"04-01\"\n\
                 [[program.tiers.levels]]\nname = \"Silver\"\nfrom_points = 20\nmultiplier = \"2\"\n\n";
    edit_config(
        dir.path(),
        "[[program.rewards]]",
        &format!("{tiers}[[program.rewards]]"),
    );
    let code = run_json(dir.path(), &["customer", "add", "--name", "Anna"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let show = run_json(dir.path(), &["customer", "show", &code]);
    assert_eq!(show["tier"]["name"], "Member", "{show}");
    let sale = run_json(
        dir.path(),
        &["sale", "record", "--amount", "25.00", "--customer", &code],
    );
    assert_eq!(
        sale["points_earned"], 25,
        "the base tier earns at the base rate"
    );
    let show = run_json(dir.path(), &["customer", "show", &code]);
    assert_eq!(show["tier"]["name"], "Silver", "{show}");
    let sale = run_json(
        dir.path(),
        &["sale", "record", "--amount", "10.00", "--customer", &code],
    );
    assert_eq!(sale["points_earned"], 20, "Silver doubles");

    let text = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        text.replace("review = \"04-01\"", "review = \"02-29\""),
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["customer", "show", &code]);
    assert_ne!(code, 0);
    assert!(err.contains("review date"), "{err}");
}

#[test]
fn the_customer_page_shows_the_tier_and_the_way_up() {
    let shop = crate::portal::Shop::new(
        "[program.tiers]\nbase = \"Regular\"\n[[program.tiers.levels]]\nname = \"Silver\"\n\
         from_points = 100\nmultiplier = \"1.25\"\n",
    );
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "30.00");
    let page = shop.get(&path);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<strong>Regular tier</strong>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("70 more points earned within 12 months to Silver"),
        "{}",
        page.body
    );
}

#[test]
fn the_printed_receipt_names_the_tier() {
    use crate::serial::{PTY, decode_png, start_sim, wait_for_pngs};
    let _g = PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("printer");
    let _sim = start_sim(dir.path(), &link, "generic-80mm");
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[printer]\nport = \"{}\"\nprofile = \"generic-80mm\"\n\
             [program.tiers]\nbase = \"Regular\"\n[[program.tiers.levels]]\nname = \"Silver\"\n\
             from_points = 20\nmultiplier = \"2\"\n",
            link.display()
        ),
    )
    .unwrap();
    let code = run_json(dir.path(), &["customer", "add", "--name", "Zoë Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let sale = run_json(
        dir.path(),
        &[
            "sale",
            "record",
            "--amount",
            "25.00",
            "--customer",
            &code,
            "--print",
        ],
    );
    assert!(sale["print"]["problem"].is_null(), "{sale}");
    let printed = wait_for_pngs(&dir.path().join("printed"), 1);
    // In the bytes sent to the printer, in what the printer read from them, and the QR on
    // the paper still opens the visit.
    let bytes = std::fs::read(printed[0].with_extension("bin")).unwrap();
    assert!(
        bytes.windows(18).any(|w| w == b"Your tier: Silver\n"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let text = std::fs::read_to_string(printed[0].with_extension("txt")).unwrap();
    assert!(text.contains("Your tier: Silver"), "{text}");
    assert_eq!(
        decode_png(&printed[0]),
        [sale["receipt_url"].as_str().unwrap()]
    );
}
