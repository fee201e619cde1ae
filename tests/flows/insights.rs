//! `regulars insights`: the models of who is slipping away, from the command line.

use crate::chain::edit_config;
use crate::common::{db, rules, run, run_json};
use regulars::store::{NewCustomer, NewSale, Store};

const CDNOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/cdnow_customers_summary.csv"
);

#[test]
fn an_analyst_fits_both_models_to_a_summary_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = run_json(dir.path(), &["insights", "fit", "--summary", CDNOW]);
    let near = |got: &serde_json::Value, published: f64| {
        ((got.as_f64().unwrap() - published) / published).abs() <= 0.005
    };
    let b = &f["bgnbd"];
    assert!(
        near(&b["r"], 0.243) && near(&b["alpha"], 4.414) && near(&b["a"], 0.793),
        "{f}"
    );
    assert!(near(&b["b"], 2.426), "{f}");
    let g = &f["gamma_gamma"];
    assert!(
        near(&g["p"], 6.25) && near(&g["q"], 3.74) && near(&g["v"], 15.44),
        "{f}"
    );
    assert_eq!(f["repeat_buyers"], 946);

    // In the shop's language, with its numbers.
    edit_config(dir.path(), "[shop]\n", "[shop]\nlanguage = \"lv\"\n");
    let (code, out, err) = run(dir.path(), &["insights", "fit", "--summary", CDNOW]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2357 klienti: r = 0,2426") || out.contains("2 357 klienti: r = 0,2426"),
        "{out}"
    );

    // A table with a mistake: the line is named, nothing is fitted, exit code 2.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "frequency,recency,T\n1,2,5\n2,seven,5\n").unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["insights", "fit", "--summary", bad.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("Tabulas 3. rinda") && err.contains("seven"),
        "{err}"
    );
    let none = dir.path().join("none.csv");
    std::fs::write(&none, "frequency,recency,T\n0,0,5\n").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["insights", "fit", "--summary", none.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(err.contains("Neviens klients vēl nav atgriezies"), "{err}");
}

const DAY: i64 = 86_400;

/// A member enrolled `first` days ago who came every `gap` days, `visits` times.
fn regular(store: &mut Store, name: &str, first: i64, gap: i64, visits: i64, now: i64) -> String {
    let mut n = name
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let mut random = move || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        n >> 11
    };
    let new = NewCustomer {
        name: name.into(),
        ..NewCustomer::default()
    };
    let start = now - first * DAY;
    let code = store.enroll(&new, start, &mut random).unwrap().code;
    for i in 0..visits {
        let sale = NewSale {
            amount: 1_500,
            at: start + i * gap * DAY,
            customer: Some(code.clone()),
            receipt: None,
        };
        store.write(|t| t.counter().record_sale(&sale)).unwrap();
    }
    code
}

#[test]
fn a_small_shop_sees_its_regular_who_stopped_coming_on_a_grid() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let now = regulars::clock::now();
    // The shop offers a coffee to a regular found slipping away.
    edit_config(
        dir.path(),
        "[[program.rewards]]",
        "[program.welcome_back]\nreward = \"coffee\"\ndays = 30\n\n[[program.rewards]]",
    );
    let mut store = Store::open(&db(dir.path()), rules()).unwrap();
    // Weekly for ten weeks, then not for eight; weekly still; one visit only.
    let gone = regular(&mut store, "Anna Away", 17 * 7, 7, 10, now);
    let here = regular(&mut store, "Bea Here", 10 * 7, 7, 11, now);
    regular(&mut store, "Cian Once", 30, 1, 1, now);
    drop(store);

    let (code, out, _) = run(dir.path(), &["insights"]);
    assert_eq!(code, 0);
    assert!(out.contains("regulars insights refit"), "no fit yet: {out}");
    let refit = run_json(dir.path(), &["insights", "refit"]);
    assert_eq!(refit["method"], "grid", "{refit}");
    assert_eq!(
        (refit["members"].as_i64(), refit["repeat_members"].as_i64()),
        (Some(3), Some(2))
    );
    let list = run_json(dir.path(), &["insights"]);
    let codes: Vec<&str> = list["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, [gone.as_str()], "{list}");
    let (_, text, _) = run(dir.path(), &["insights"]);
    assert!(
        text.contains("recency/frequency grid") && text.contains("Anna Away"),
        "{text}"
    );
    assert!(text.contains("away longer than usual"), "{text}");
    // The counter is told when she is identified; Bea is not flagged.
    assert_eq!(
        run_json(dir.path(), &["customer", "show", &gone])["slipping"],
        true
    );
    assert_eq!(
        run_json(dir.path(), &["customer", "show", &here])["slipping"],
        false
    );
    // Anna holds the welcome-back coffee, and the counter says so; a second refit gives
    // no second one.
    assert_eq!(refit["offers"], 1, "{refit}");
    let (_, shown, _) = run(dir.path(), &["customer", "show", &gone]);
    assert!(shown.contains("welcome back offer: Free coffee"), "{shown}");
    let anna = run_json(dir.path(), &["customer", "show", &gone]);
    assert_eq!(anna["welcome_back"], "Free coffee", "{anna}");
    assert!(
        anna["rewards_available"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["reward_id"] == "coffee" && r["pay_with"] == "voucher"),
        "{anna}"
    );
    assert_eq!(run_json(dir.path(), &["insights", "refit"])["offers"], 0);
    // Her data-access export holds her scores; erasing her removes them.
    let export = run_json(dir.path(), &["customer", "export", &gone]);
    assert!(export["insights"]["slipping"] == 1, "{export}");
    run_json(dir.path(), &["customer", "erase", &gone, "--yes"]);
    assert_eq!(
        run_json(dir.path(), &["insights"])["members"],
        serde_json::json!([])
    );
}

#[test]
fn a_demo_shop_lists_the_regulars_who_stopped_coming() {
    let dir = tempfile::tempdir().unwrap();
    run_json(
        dir.path(),
        &["demo", "--customers", "1500", "--days", "365"],
    );
    let refit = run_json(dir.path(), &["insights", "refit"]);
    assert_eq!(refit["method"], "models", "{refit}");
    assert!(refit["slipping"].as_i64().unwrap() > 0, "{refit}");
    let now = regulars::clock::now();
    let list = run_json(dir.path(), &["insights", "--limit", "50"]);
    let members = list["members"].as_array().unwrap();
    assert!(!members.is_empty(), "{list}");
    let mut stakes = Vec::new();
    for m in members {
        let p = m["p_alive"].as_f64().unwrap();
        assert!(p < 0.5, "on the list while likely still a regular: {m}");
        assert!(m["visits"].as_i64().unwrap() >= 2, "{m}");
        // They have stayed away: none of them was in this week.
        assert!(now - m["last_visit_at"].as_i64().unwrap() > 7 * DAY, "{m}");
        stakes.push(m["at_stake"].as_i64().unwrap());
    }
    assert!(
        stakes.windows(2).all(|w| w[0] >= w[1]),
        "most at stake first: {stakes:?}"
    );
    let csv = dir.path().join("worth-a-call.csv");
    run_json(dir.path(), &["insights", "--csv", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("code,name,last_visit_at,visits"), "{text}");
    assert_eq!(text.lines().count(), 21, "a header and 20 members");
}

#[test]
fn a_history_the_models_cannot_settle_on_keeps_the_last_fit_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let now = regulars::clock::now();
    let scores = |dir: &std::path::Path| -> (i64, i64) {
        crate::common::connect(crate::common::db(dir))
            .unwrap()
            .query_row(
                "SELECT COUNT(*), COALESCE(MAX(fit_id), 0) FROM insights_scores",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let mut store = Store::open(&db(dir.path()), rules()).unwrap();
    for i in 0..5 {
        regular(&mut store, &format!("Early {i}"), 30, 30, 2, now - 3 * DAY);
    }
    drop(store);
    let first = run_json(dir.path(), &["insights", "refit"]);
    assert_eq!(first["method"], "grid");
    let kept = scores(dir.path());
    assert_eq!(kept.0, 5);

    // 250 more members, all alike: each came back just now, and none has ever dropped away.
    // The models cannot settle on such a history (the chance of dropping away runs to
    // zero): the refit says so, in the shop's language, and the last fit and scores stay.
    let mut store = Store::open(&db(dir.path()), rules()).unwrap();
    for i in 0..250 {
        regular(&mut store, &format!("Alike {i}"), 30, 30, 2, now);
    }
    drop(store);
    edit_config(dir.path(), "[shop]\n", "[shop]\nlanguage = \"lv\"\n");
    let (code, _, err) = run(dir.path(), &["insights", "refit"]);
    assert_ne!(code, 0);
    assert!(err.contains("Aprēķins nenostabilizējās"), "{err}");
    assert_eq!(
        scores(dir.path()),
        kept,
        "the scores of the fit before stay"
    );
    let list = run_json(dir.path(), &["insights"]);
    assert_eq!(list["fit"]["method"], "grid", "{list}");
    assert_eq!(list["fit"]["at"], first["at"], "{list}");
    let (_, text, _) = run(dir.path(), &["insights"]);
    assert!(
        text.contains("neizdevās"),
        "the owner sees the failed refit: {text}"
    );
}
