//! The customer pages in the customer's language: the browser's, the member's own, a choice
//! made on the page, else the shop's; errors in the same language; a new member keeps the
//! language they joined in.

use crate::portal::{Shop, form_token};

fn language_of(shop: &Shop, code: &str) -> Option<String> {
    crate::common::connect(crate::common::db(shop.path()))
        .unwrap()
        .query_row(
            "SELECT language FROM customers WHERE code = ?1",
            [code.replace('-', "")],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_page_speaks_the_browsers_language_else_the_shops() {
    let shop = Shop::new("");
    let (_, path) = shop.member_sale("Jānis Bērziņš", "+37120000001", "12,50");
    let lv = shop.get_with(&path, &[("Accept-Language", "de-DE,de;q=0.9,lv;q=0.8")]);
    assert_eq!(lv.status, 200);
    assert!(lv.body.contains("<html lang=\"lv\">"), "{}", lv.body);
    assert!(lv.body.contains("Sveiki, Jānis!"), "{}", lv.body);
    assert!(
        lv.body.contains("Atlikums: <strong>12 punktu</strong>"),
        "{}",
        lv.body
    );
    // The amount the Latvian way (a no-break space before the euro sign).
    assert!(lv.body.contains("12,50\u{a0}€"), "{}", lv.body);
    // The switch offers every language in its own name.
    for (tag, name) in [("en", "English"), ("lv", "Latviešu"), ("te", "తెలుగు")] {
        assert!(
            lv.body.contains(&format!(
                "href=\"?lang={tag}\" hreflang=\"{tag}\" lang=\"{tag}\""
            )),
            "{tag}"
        );
        assert!(lv.body.contains(name), "{name}");
    }
    let de = shop.get_with(&path, &[("Accept-Language", "de")]);
    assert!(de.body.contains("<html lang=\"en\">") && de.body.contains("Hi Jānis!"));

    // A shop in Belgrade: a browser that asks for nothing gets the shop's language.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nname = \"Кафана\"\nlanguage = \"sr-Cyrl\"\ncurrency = \"RSD\"\n",
    )
    .unwrap();
    let belgrade = Shop::in_dir(dir, "", "127.0.0.1:0");
    let (_, path) = belgrade.member_sale("Ђорђе Петровић", "+381601234567", "1.250,00");
    let sr = belgrade.get(&path);
    assert!(sr.body.contains("<html lang=\"sr-Cyrl\">"), "{}", sr.body);
    assert!(sr.body.contains("Здраво, Ђорђе!"), "{}", sr.body);
    assert!(sr.body.contains("1.250,00\u{a0}дин."), "{}", sr.body);
    assert!(sr.body.contains("1.250 поена"), "{}", sr.body);
}

#[test]
fn a_member_saves_their_language_and_a_choice_on_the_page_is_kept() {
    let shop = Shop::new("");
    let (code, path) = shop.member_sale("Srinivas Rao", "+919876543210", "1250");
    assert_eq!(language_of(&shop, &code), None, "not asked at the counter");
    let page = shop.get_with(&path, &[("Accept-Language", "lv")]);
    let form = form_token(&page.body);
    let saved = shop.post(
        &format!("{path}/language"),
        &[("form", &form), ("language", "te")],
    );
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(
        saved
            .cookie
            .as_deref()
            .unwrap_or("")
            .starts_with("lang=te;"),
        "{:?}",
        saved.cookie
    );
    assert_eq!(language_of(&shop, &code).as_deref(), Some("te"));
    // Without the cookie (another phone), the member's language beats the browser's.
    let te = shop.get_with(&path, &[("Accept-Language", "lv")]);
    assert!(te.body.contains("<html lang=\"te\">"), "{}", te.body);
    assert!(te.body.contains("నమస్కారం, Srinivas!"), "{}", te.body);
    assert!(
        te.body.contains("<strong>1,250 పాయింట్లు</strong>"),
        "{}",
        te.body
    );
    assert!(
        te.body.contains("option value=\"te\" lang=\"te\" selected"),
        "the form shows it"
    );
    // A choice on the page (a link of the switch) is kept in a cookie, and wins.
    let fil = shop.get_with(&format!("{path}?lang=fil"), &[("Accept-Language", "lv")]);
    assert!(fil.body.contains("<html lang=\"fil\">"), "{}", fil.body);
    let cookie = fil.cookie.expect("the choice is kept");
    assert!(
        cookie.starts_with("lang=fil;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let again = shop.get_with(&path, &[("Cookie", "lang=fil")]);
    assert!(again.body.contains("<html lang=\"fil\">"));
    assert_eq!(
        language_of(&shop, &code).as_deref(),
        Some("te"),
        "viewing stores nothing"
    );
    // A language that is not shipped is not stored; the form is refused like a bad link.
    let before = crate::common::fingerprint(&crate::common::db(shop.path()));
    let bad = shop.post(
        &format!("{path}/language"),
        &[("form", &form), ("language", "xx")],
    );
    assert_eq!(bad.status, 404);
    assert_eq!(
        crate::common::fingerprint(&crate::common::db(shop.path())),
        before
    );
}

#[test]
fn errors_speak_the_visitors_language() {
    let shop = Shop::new("");
    let path = shop.anonymous_sale("4.20");
    // Its last character changed (to another one: a token can end in X).
    let other = if path.ends_with('X') { 'Y' } else { 'X' };
    let forged = format!("{}{other}", &path[..path.len() - 1]);
    let en = shop.get(&forged);
    let lv = shop.get_with(&forged, &[("Accept-Language", "lv")]);
    assert_eq!((en.status, lv.status), (404, 404));
    assert!(lv.body.contains("Nav atrasts") && lv.body.contains("<html lang=\"lv\">"));
    let unknown = shop.get_with("/nothing/here", &[("Accept-Language", "sr-Latn")]);
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("Nije pronađeno"), "{}", unknown.body);
    // A form sent without its stars: the message in Telugu, nothing stored.
    let page = shop.get_with(&path, &[("Accept-Language", "te")]).body;
    let form = form_token(&page);
    let before = crate::common::fingerprint(&crate::common::db(shop.path()));
    let refused = shop.post_with(
        &format!("{path}/rating"),
        &[
            ("Accept-Language", "te"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &format!("form={form}"),
    );
    assert_eq!(refused.status, 400);
    assert!(
        refused.body.contains("1 నుండి 5 నక్షత్రాలు ఎంచుకుని"),
        "{}",
        refused.body
    );
    // A comment the store refuses (a pasted control character): the store's own refusal, in
    // Latvian, naming the comment.
    let page = shop.get_with(&path, &[("Accept-Language", "lv")]).body;
    let form = form_token(&page);
    let refused = shop.post_with(
        &format!("{path}/rating"),
        &[
            ("Accept-Language", "lv"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &format!("form={form}&stars=5&comment=Labi%07"),
    );
    assert_eq!(refused.status, 400);
    assert!(
        refused.body.contains("komentārs satur vadības zīmes"),
        "{}",
        refused.body
    );
    assert_eq!(
        crate::common::fingerprint(&crate::common::db(shop.path())),
        before
    );
}

#[test]
fn a_friend_who_joins_from_a_latvian_page_is_a_latvian_member() {
    let shop = Shop::new("");
    let (code, _) = shop.member_sale("<b>Anna</b>", "+37120000002", "5");
    let shown = crate::common::run_json(shop.path(), &["customer", "show", &code]);
    let referral = shown["referral_code"].as_str().unwrap().to_string();
    let join = shop.get_with(
        &format!("/join/{referral}"),
        &[("Accept-Language", "lv-LV")],
    );
    assert_eq!(join.status, 200);
    assert!(join.body.contains("<html lang=\"lv\">"), "{}", join.body);
    // The friend's name is text, never markup, also inside a message with emphasis.
    assert!(
        join.body.contains("&lt;b&gt;Anna&lt;/b&gt; jūs uzaicina"),
        "{}",
        join.body
    );
    assert!(!join.body.contains("<b>Anna"), "{}", join.body);
    let form = form_token(&join.body);
    let joined = shop.post(
        &format!("/join/{referral}"),
        &[
            ("form", form.as_str()),
            ("name", "Līga"),
            ("contact", "+37120000003"),
            ("language", "lv"),
        ],
    );
    assert_eq!(joined.status, 200, "{}", joined.body);
    assert!(
        joined.body.contains("Laipni lūdzam, Līga!"),
        "{}",
        joined.body
    );
    let lang: String = crate::common::connect(crate::common::db(shop.path()))
        .unwrap()
        .query_row(
            "SELECT language FROM customers WHERE name = 'Līga'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lang, "lv");
}
