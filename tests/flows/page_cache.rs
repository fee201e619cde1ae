//! The page cache of the customer pages, over real HTTP against a real data folder: a page
//! served twice is rendered once with a fresh form token each time; every change a page
//! shows — made by its own forms, by the CLI in another process, or by another connection
//! to the store — shows on the next load; a page whose time comes (a claim window closing,
//! a rating becoming final) is made again; and a forged token for a kept page is answered
//! with the same 404 as any other, without the cache being asked.

use crate::common::run_json;
use crate::portal::{Shop, all_not_found, altered, form_token};
use regulars::datadir::DataDir;
use std::sync::atomic::Ordering;

/// Opens `path` and returns the page, checking whether it came from the cache.
fn load(shop: &Shop, path: &str, from_cache: bool) -> String {
    let before = shop.portal.page_counts();
    let a = shop.get(path);
    assert_eq!(a.status, 200, "{}", a.body);
    let after = shop.portal.page_counts();
    assert_eq!(
        (after.hits - before.hits, after.misses - before.misses),
        if from_cache { (1, 0) } else { (0, 1) },
        "{path} served {} the cache",
        if from_cache { "from" } else { "without" }
    );
    a.body
}

#[test]
fn a_page_served_twice_is_rendered_once_with_a_fresh_form_token() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let first = load(&shop, &path, false);
    let again = load(&shop, &path, true);
    assert_eq!(first, again, "the same second, the same page");
    assert!(
        again.contains("Hi Ann!") && again.contains("<svg"),
        "{again}"
    );
    // Later, the kept page carries a token of its own time, and it works.
    shop.offset.store(90, Ordering::SeqCst);
    let later = load(&shop, &path, true);
    let form = form_token(&later);
    assert_ne!(form, form_token(&first));
    assert_eq!(
        later.replace(&form, "TOKEN"),
        first.replace(&form_token(&first), "TOKEN"),
        "only the form tokens differ"
    );
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "5")],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    // Each language is its own rendering of the same view; both are kept.
    let lv = load(&shop, &format!("{path}?lang=lv"), false);
    assert!(lv.contains("lang=\"lv\""));
    load(&shop, &format!("{path}?lang=lv"), true);
    load(&shop, &format!("{path}?lang=en"), false);
    load(&shop, &format!("{path}?lang=en"), true);
}

#[test]
fn a_rating_a_claim_and_a_new_sale_show_on_the_next_load() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let page = load(&shop, &path, false);
    assert!(
        page.contains("Balance: <strong>5 points</strong>"),
        "{page}"
    );
    load(&shop, &path, true);

    // A rating through the page's form.
    let form = form_token(&page);
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form), ("stars", "4")],
    );
    assert_eq!(a.status, 303);
    let page = load(&shop, &path, false);
    assert!(page.contains("You rated it 4 out of 5"), "{page}");
    load(&shop, &path, true);

    // A rating changed by another connection to the store (the counter, another till).
    let data = DataDir::resolve(Some(shop.path().to_path_buf())).unwrap();
    let config = data.config().unwrap();
    let mut store = data.open_store(&config, regulars::clock::now()).unwrap();
    let visit = shop.count("SELECT MAX(id) FROM visits");
    store
        .write(|tx| {
            tx.support()
                .rate_visit(visit, 5, "", regulars::clock::now())
        })
        .unwrap();
    let page = load(&shop, &path, false);
    assert!(page.contains("You rated it 5 out of 5"), "{page}");

    // A new sale for the member (the CLI, another process): this page's balance moves.
    run_json(
        shop.path(),
        &["sale", "record", "--amount", "7.00", "--customer", &code],
    );
    let page = load(&shop, &path, false);
    assert!(
        page.contains("Balance: <strong>12 points</strong>"),
        "{page}"
    );
    load(&shop, &path, true);

    // Points by hand, and the member's erasure.
    run_json(
        shop.path(),
        &[
            "points",
            "adjust",
            "--customer",
            &code,
            "--points",
            "3",
            "--reason",
            "sorry",
            "--by",
            "Mia",
        ],
    );
    let page = load(&shop, &path, false);
    assert!(
        page.contains("Balance: <strong>15 points</strong>"),
        "{page}"
    );
    run_json(shop.path(), &["customer", "erase", &code, "--yes"]);
    let page = load(&shop, &path, false);
    assert!(!page.contains("Ann"), "{page}");

    // An anonymous receipt, kept, then claimed through its form.
    let path = shop.anonymous_sale("12.00");
    let page = load(&shop, &path, false);
    assert!(page.contains("Claim 12 points"), "{page}");
    load(&shop, &path, true);
    let a = shop.post(
        &format!("{path}/claim"),
        &[
            ("form", &form_token(&page)),
            ("contact", "+353871111111"),
            ("name", "Robert"),
        ],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = load(&shop, &path, false);
    assert!(
        page.contains("Hi Robert!") && !page.contains("Claim 12 points"),
        "{page}"
    );
}

#[test]
fn a_refund_and_a_ticket_moving_on_show_on_the_next_load() {
    let shop = Shop::new("");
    let s = run_json(
        shop.path(),
        &["sale", "record", "--amount", "20.00", "--receipt", "R-7"],
    );
    let path = crate::portal::visit_path(&s);
    let page = load(&shop, &path, false);
    assert!(!page.contains("refunded"), "{page}");
    load(&shop, &path, true);
    run_json(
        shop.path(),
        &["sale", "refund", "--receipt", "R-7", "--amount", "5.00"],
    );
    let page = load(&shop, &path, false);
    assert!(page.contains("€5.00 refunded"), "{page}");

    // A ticket opened from the page, then resolved by staff with the CLI.
    let a = shop.post(
        &format!("{path}/help"),
        &[
            ("form", &form_token(&page)),
            ("problem", "quality"),
            ("details", "The bread was stale"),
            ("contact_via", "email"),
            ("contact", "ann@example.com"),
        ],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = load(&shop, &path, false);
    assert!(page.contains("The bread was stale"), "{page}");
    load(&shop, &path, true);
    run_json(
        shop.path(),
        &[
            "ticket", "resolve", "1", "--note", "Refunded", "--by", "Mia",
        ],
    );
    let page = load(&shop, &path, false);
    assert!(page.contains("The shop marked this as sorted"), "{page}");
}

#[test]
fn a_page_is_made_again_when_its_time_comes() {
    let shop = Shop::new("");
    // An anonymous receipt can be claimed for 30 days.
    let path = shop.anonymous_sale("12.00");
    assert!(load(&shop, &path, false).contains("Claim 12 points"));
    shop.offset.store(29 * 86_400, Ordering::SeqCst);
    assert!(load(&shop, &path, true).contains("Claim 12 points"));
    shop.offset.store(31 * 86_400, Ordering::SeqCst);
    let page = load(&shop, &path, false);
    assert!(
        page.contains("this one is older") && !page.contains("Claim 12 points"),
        "{page}"
    );

    // A rating can be changed for seven days after it was first given.
    shop.offset.store(0, Ordering::SeqCst);
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let page = load(&shop, &path, false);
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form_token(&page)), ("stars", "4")],
    );
    assert_eq!(a.status, 303);
    let page = load(&shop, &path, false);
    assert!(
        !page.contains("Ratings can be changed for 7 days"),
        "{page}"
    );
    shop.offset.store(6 * 86_400, Ordering::SeqCst);
    load(&shop, &path, true);
    shop.offset.store(8 * 86_400, Ordering::SeqCst);
    let page = load(&shop, &path, false);
    assert!(page.contains("Ratings can be changed for 7 days"), "{page}");
}

#[test]
fn a_forged_token_for_a_kept_page_gets_the_same_404_without_asking_the_cache() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    load(&shop, &path, false);
    load(&shop, &path, true);
    let token = path.trim_start_matches("/r/").to_string();
    // The same visit id with its MAC altered, and a well-signed token for no visit.
    let altered = altered(&token);
    let secret = DataDir::resolve(Some(shop.path().to_path_buf()))
        .unwrap()
        .secret()
        .unwrap();
    let unknown = secret.sign_visit(999_999);
    let before = shop.portal.page_counts();
    all_not_found(&shop, &[altered.as_str(), &token[..23], unknown.as_str()]);
    assert_eq!(
        shop.portal.page_counts(),
        before,
        "the cache is never asked about a token that does not verify or a visit that is not there"
    );
    // The real page is still served from the cache.
    load(&shop, &path, true);
}

#[test]
fn every_change_a_page_shows_moves_its_stamp_and_no_other_does() {
    let shop = Shop::new("");
    let (ann, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let visit = shop.count("SELECT MAX(id) FROM visits");
    let data = DataDir::resolve(Some(shop.path().to_path_buf())).unwrap();
    let config = data.config().unwrap();
    let mut store = data.open_store(&config, regulars::clock::now()).unwrap();
    let mut stamp = move || {
        store
            .read(|tx| tx.support().page_stamp(visit))
            .unwrap()
            .unwrap()
    };
    let mut last = stamp();
    let mut moved = |what: &str, expected: bool| {
        let now = stamp();
        assert_eq!(now != last, expected, "{what}: {last:?} then {now:?}");
        last = now;
    };
    let d = shop.path();
    // Writes about someone else leave the page as it is.
    let (bob, _) = shop.member_sale("Bob Walsh", "+353871234999", "9.00");
    moved("another member's sale", false);
    shop.anonymous_sale("3.00");
    moved("an anonymous sale", false);
    run_json(d, &["customer", "consent", &ann, "sms", "give"]);
    moved("a consent to SMS", true);
    run_json(d, &["customer", "birthday", &ann, "03-14"]);
    moved("a birthday", true);
    run_json(
        d,
        &["sale", "record", "--amount", "200.00", "--customer", &ann],
    );
    moved("the member's next sale", true);
    let rewards = run_json(d, &["reward", "list"]);
    let reward = rewards["rewards"][0]["id"].as_str().unwrap().to_string();
    run_json(
        d,
        &["reward", "redeem", "--customer", &ann, "--reward", &reward],
    );
    moved("a redemption", true);
    run_json(d, &["customer", "merge", &ann, &bob]);
    moved("a merge of another card into the member's", true);
    let page = shop.get(&path).body;
    assert!(page.contains("Hi Ann!"), "{page}");
}

/// Opens `path` until it comes from the cache without a read of the store (tests beside this
/// one commit to their own stores in this process, and each commit anywhere in it makes the
/// next load read again), and returns the page.
fn load_unread(shop: &Shop, path: &str) -> String {
    for _ in 0..100 {
        let before = shop.portal.page_counts();
        let a = shop.get(path);
        assert_eq!(a.status, 200, "{}", a.body);
        if shop.portal.page_counts().unread > before.unread {
            return a.body;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{path} was never served without reading the store");
}

/// Opens `path` until the page contains `text` (within five seconds).
fn load_until(shop: &Shop, path: &str, text: &str) -> String {
    let mut page = String::new();
    for _ in 0..50 {
        page = shop.get(path).body;
        if page.contains(text) {
            return page;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{path} never showed {text}: {page}");
}

#[test]
fn at_a_page_server_a_kept_page_needs_no_read_until_something_is_committed() {
    let shop = Shop::watching_commits();
    let (code, path) = shop.member_sale("Ann Byrne", "+353871234567", "5.00");
    let first = load(&shop, &path, false);
    let again = load_unread(&shop, &path);
    assert_eq!(
        again.replace(&form_token(&again), "TOKEN"),
        first.replace(&form_token(&first), "TOKEN"),
        "the same page"
    );

    // The page's own form commits in this process: the next load reads, and shows it.
    let a = shop.post(
        &format!("{path}/rating"),
        &[("form", &form_token(&again)), ("stars", "4")],
    );
    assert_eq!(a.status, 303, "{}", a.body);
    let page = load(&shop, &path, false);
    assert!(page.contains("You rated it 4 out of 5"), "{page}");
    load_unread(&shop, &path);

    // Another process's commit (the CLI) is noticed within a second or so.
    run_json(
        shop.path(),
        &["sale", "record", "--amount", "7.00", "--customer", &code],
    );
    load_until(&shop, &path, "Balance: <strong>12 points</strong>");
    let page = load_unread(&shop, &path);
    assert!(
        page.contains("Balance: <strong>12 points</strong>"),
        "{page}"
    );

    // A forged token never reaches the kept page, even with nothing committed.
    assert_eq!(shop.get(&altered(&path)).status, 404);
}
