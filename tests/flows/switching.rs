//! Switching to Regulars and away from it: customers, balances and stamps imported from files
//! written as Square, Loyverse and a spreadsheet write them; every bad row named by its line in
//! the shop's language with nothing imported; a dry run that leaves the database byte for byte;
//! the same file twice; and the round trip export → import into an empty shop.

use crate::common::{check_invariants, connect, db, fingerprint, run, run_json};
use std::path::Path;

/// A shop in Riga (calling code +371), speaking `language`.
fn riga(language: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!(
            "[shop]\nname = \"Kafejnīca\"\ncurrency = \"EUR\"\ncountry_code = \"+371\"\n\
             language = \"{language}\"\n"
        ),
    )
    .unwrap();
    run_json(dir.path(), &["stats"]);
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn find(dir: &Path, text: &str) -> serde_json::Value {
    let found = run_json(dir, &["customer", "find", text]);
    let list = found["customers"]
        .as_array()
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(list.len(), 1, "one customer for {text}: {found}");
    list[0].clone()
}

/// Square's customer export: its full header row, a BOM, CRLF line ends, quoted fields (one
/// with a comma, one with a line break), names in Latvian, Serbian Cyrillic and Telugu.
const SQUARE: &str = "\u{feff}Reference ID,First Name,Last Name,Email Address,Phone Number,\
Nickname,Company Name,Street Address 1,Street Address 2,City,State,Postal Code,Birthday,Memo,\
Square Customer ID,Creation Source,First Visit,Last Visit,Transaction Count,Lifetime Spend,\
Email Subscription Status,Instant Profile,Blocked from online booking\r\n\
,Līga,Ozola,liga@example.lv,+371 2612 3456,,,\"Brīvības iela 1, dz. 4\",,Rīga,,LV-1010,07-14,\
\"likes oat milk\r\nand cinnamon\",SQ001,Point of Sale,2024-01-05,2026-11-30,41,€312.50,\
Subscribed,No,No\r\n\
,Ђорђе,Петровић,djordje@example.rs,+381 64 123 4567,,,,,Beograd,,,,,SQ002,Directory,,,3,\
€20.00,Unknown,No,No\r\n\
,రవి,కుమార్,,+91 98480 22338,,,,,Hyderabad,,,02-29,,SQ003,Directory,,,1,€5.00,Unsubscribed,\
No,No\r\n";

#[test]
fn a_square_export_is_read_by_its_own_headers() {
    let dir = riga("en");
    let d = dir.path();
    let file = write(d, "square.csv", SQUARE);
    let plan = run_json(
        d,
        &[
            "import",
            "customers",
            &file,
            "--format",
            "square",
            "--dry-run",
        ],
    );
    assert_eq!(plan["rows"].as_array().unwrap().len(), 3, "{plan}");
    assert!(plan["bad"].as_array().unwrap().is_empty(), "{plan}");
    assert!(
        plan["ignored"]
            .as_array()
            .unwrap()
            .contains(&"Square Customer ID".into())
    );
    let (code, out, err) = run(d, &["import", "customers", &file, "--format", "square"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("3 new customers"), "{out}");
    let liga = find(d, "26123456");
    assert_eq!(liga["name"], "Līga Ozola");
    assert_eq!(liga["phone"], "+37126123456");
    assert_eq!(find(d, "djordje@example.rs")["name"], "Ђорђе Петровић");
    assert_eq!(find(d, "+919848022338")["name"], "రవి కుమార్");
    // Square's "Subscribed" says nothing of when or how: no consent is invented.
    let conn = connect(db(d)).unwrap();
    let consents: i64 = conn
        .query_row("SELECT COUNT(*) FROM consents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(consents, 0);
    let birthday: String = conn
        .query_row(
            "SELECT birthday FROM customers WHERE phone = '+37126123456'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(birthday, "07-14");
    check_invariants(&conn);
}

#[test]
fn loyverse_balances_become_opening_balances() {
    let dir = riga("en");
    let d = dir.path();
    // One of them is a regular already, enrolled at the counter with the number written the
    // national way.
    let anna = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Anna Bērziņa",
            "--phone",
            "2000 0001",
        ],
    );
    let file = write(
        d,
        "loyverse.csv",
        "Customer name,Email,Phone,Address,City,Region,Postal code,Country,Customer code,Note,\
         First visit,Last visit,Total visits,Total spent,Points balance\n\
         Anna Bērziņa,,+371 2000 0001,,,,,,,,2024-01-01,2026-11-01,12,120.00,40.00\n\
         Jānis Kalniņš,janis@example.lv,,,,,,LV,C0002,,2024-02-01,2026-10-01,3,30.00,12.50\n",
    );
    let out = run_json(
        d,
        &[
            "import",
            "customers",
            &file,
            "--format",
            "loyverse",
            "--by",
            "Ilze",
        ],
    );
    assert_eq!(out["batch"]["created"], 1, "{out}");
    assert_eq!(out["batch"]["matched"], 1, "{out}");
    assert_eq!(out["batch"]["points"], 52, "{out}");
    let shown = run_json(d, &["customer", "show", anna["code"].as_str().unwrap()]);
    assert_eq!(shown["balance"], 40);
    assert_eq!(find(d, "janis@example.lv")["balance"], 12);
    let conn = connect(db(d)).unwrap();
    let (kind, reason, actor, batch, visits): (String, String, String, i64, i64) = conn
        .query_row(
            "SELECT kind, reason, actor, batch_id, (SELECT COUNT(*) FROM visits)
             FROM points_events ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        (
            kind.as_str(),
            reason.as_str(),
            actor.as_str(),
            batch,
            visits
        ),
        ("opening", "loyverse.csv", "Ilze", 1, 0),
        "an opening balance, never a sale"
    );
    assert_eq!(run_json(d, &["stats"])["points_outstanding"], 52);
    check_invariants(&conn);
}

/// A file with bad rows of every kind, for a shop speaking `language`.
const BAD: &str = "name,phone,email,points,stamps,birthday\n\
Anna,2612 3456,anna@example.lv,10,,\n\
Ben,12ab,,5,,\n\
Cara,,cara@,,,\n\
Dan,,,-4,,\n\
Eve,,,,,31.02.\n\
Fay,+371 2612 3456,,,,\n\
Gus,,,,2x,\n";

#[test]
fn every_bad_row_is_named_and_nothing_is_imported() {
    for (language, says) in [
        (
            "en",
            [
                "line 3: '12ab' is not a phone number",
                "line 4: 'cara@' is not an email",
                "line 5: points cannot be negative",
                "line 6: birthday '31.02.' is not a date",
                "line 7: the same phone as line 2",
                "line 8: stamps '2x' are not a whole number",
            ],
        ),
        (
            "lv",
            [
                "rinda 3: '12ab' nav tālruņa numurs",
                "rinda 4: 'cara@' nav e-pasta adrese",
                "rinda 5: punkti nevar būt negatīvi",
                "rinda 6: dzimšanas diena '31.02.' nav datums",
                "rinda 7: tas pats tālrunis kā rindā 2",
                "rinda 8: zīmogi '2x' nav vesels skaitlis",
            ],
        ),
    ] {
        let dir = riga(language);
        let d = dir.path();
        let file = write(d, "bad.csv", BAD);
        let before = fingerprint(&db(d));
        let (code, out, err) = run(d, &["import", "customers", &file]);
        assert_eq!(code, 2, "{out}{err}");
        for line in says {
            assert!(err.contains(line), "'{line}' in: {err}");
        }
        assert_eq!(
            before,
            fingerprint(&db(d)),
            "a refused import changed nothing"
        );
        // The good ones, with the bad ones listed.
        let (code, out, err) = run(d, &["import", "customers", &file, "--skip-bad"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains(says[0]), "{out}");
        let imported: i64 = connect(db(d))
            .unwrap()
            .query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))
            .unwrap();
        assert_eq!(imported, 1);
    }
}

#[test]
fn a_dry_run_leaves_the_database_byte_for_byte() {
    let dir = riga("en");
    let d = dir.path();
    run_json(
        d,
        &["customer", "add", "--name", "Anna", "--phone", "2612 3456"],
    );
    let file = write(
        d,
        "a.csv",
        "name,phone,points\nAnna,26123456,5\nBen,26123457,7\n",
    );
    let before = std::fs::read(db(d)).unwrap();
    let plan = run_json(d, &["import", "customers", &file, "--dry-run"]);
    let actions: Vec<&str> = plan["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["matched", "new"]);
    let (_, text, _) = run(d, &["import", "customers", &file, "--dry-run"]);
    assert!(text.contains("Dry run: nothing was changed"), "{text}");
    assert!(
        std::fs::read(db(d)).unwrap() == before,
        "the file's bytes changed"
    );
}

#[test]
fn the_same_file_twice_imports_once() {
    let dir = riga("en");
    let d = dir.path();
    let text = "name,phone,points,stamps\nAnna,26123456,50,4\nBen,26123457,7,\n";
    let file = write(d, "a.csv", text);
    run_json(d, &["import", "customers", &file]);
    let once = fingerprint(&db(d));
    let again = run_json(d, &["import", "customers", &file]);
    assert_eq!(again["already"], true);
    assert_eq!(
        once,
        fingerprint(&db(d)),
        "the second import changed something"
    );
    // A corrected copy with one row more: Anna and Ben are matched and their balances are
    // not added again; Cara is new.
    let file = write(d, "b.csv", &format!("{text}Cara,26123458,9,\n"));
    let out = run_json(d, &["import", "customers", &file]);
    assert_eq!(
        (
            &out["batch"]["created"],
            &out["batch"]["matched"],
            &out["batch"]["points"]
        ),
        (&1.into(), &2.into(), &9.into()),
        "{out}"
    );
    let anna = find(d, "26123456");
    assert_eq!(
        (anna["balance"].as_i64(), anna["stamps"].as_i64()),
        (Some(50), Some(4))
    );
    check_invariants(&connect(db(d)).unwrap());
}

#[test]
fn exported_customers_import_into_an_empty_shop_as_they_were() {
    let dir = riga("en");
    let d = dir.path();
    let a = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "=HYPERLINK(\"http://evil.example/\",\"x\")",
            "--phone",
            "2612 3456",
            "--email",
            "anna@example.lv",
            "--language",
            "lv",
            "--birthday",
            "07-14",
        ],
    );
    let anna = a["code"].as_str().unwrap().to_string();
    run_json(
        d,
        &[
            "customer",
            "consent",
            &anna,
            "email",
            "give",
            "--wording",
            "Reward news by email",
        ],
    );
    for i in 0..12 {
        run_json(
            d,
            &[
                "sale",
                "record",
                "--amount",
                "5.00",
                "--customer",
                &anna,
                "--receipt",
                &format!("R{i}"),
            ],
        );
    }
    // Ten stamps made a voucher; it is used, so two stamps are left on the card.
    run_json(
        d,
        &[
            "reward",
            "redeem",
            "--customer",
            &anna,
            "--reward",
            "coffee",
        ],
    );
    let b = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Ben",
            "--email",
            "ben@example.lv",
        ],
    );
    let ben = b["code"].as_str().unwrap().to_string();
    let file = d.join("customers.csv");
    let out = run_json(d, &["export", "customers", file.to_str().unwrap()]);
    assert_eq!(out["customers"], 2);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("'=HYPERLINK"),
        "a formula is written safe: {text}"
    );

    let empty = riga("en");
    let e = empty.path();
    run_json(e, &["import", "customers", file.to_str().unwrap()]);
    for code in [&anna, &ben] {
        let (was, now) = (
            run_json(d, &["customer", "show", code]),
            run_json(e, &["customer", "show", code]),
        );
        // The card's count starts again from what is left on it: the same progress to the next
        // reward and the same vouchers unused.
        for k in [
            "name",
            "phone",
            "email",
            "balance",
            "progress",
            "rewards_available",
        ] {
            assert_eq!(was[k], now[k], "{k} of {code}");
        }
    }
    let consent = |dir: &Path| -> (String, String, String) {
        connect(db(dir))
            .unwrap()
            .query_row(
                "SELECT channel, wording, c.birthday || c.language FROM consents
                 JOIN customers c ON c.id = customer_id WHERE given",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    };
    assert_eq!(consent(d), consent(e));
    check_invariants(&connect(db(e)).unwrap());
}

#[test]
fn a_paper_card_brought_later_is_counted_once_with_the_owners_pin_above_the_limit() {
    use crate::counter_ui::{fill, harness, press, step_until};
    let dir = riga("en");
    let d = dir.path();
    run_json(
        d,
        &[
            "staff", "add", "--name", "Ilze", "--role", "cashier", "--pin", "1234",
        ],
    );
    run_json(
        d,
        &[
            "staff", "add", "--name", "Marta", "--role", "owner", "--pin", "9876",
        ],
    );
    let code = run_json(
        d,
        &["customer", "add", "--name", "Anna", "--phone", "26123456"],
    )["code"]
        .as_str()
        .unwrap()
        .to_string();
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Staff PIN", "1234");
    press(&mut h, "Sign in (Enter)");
    step_until(&mut h, "Ilze signed in", |a| {
        a.counter.staffing().signed_in.is_some()
    });
    let what = regulars::devices::scanner::classify(&code);
    h.state().counter.scan_typed(&code, what);
    step_until(&mut h, "Anna on screen", |a| {
        a.counter.state().customer.is_some()
    });
    press(&mut h, "Stamps from a paper card");
    h.run_steps(2);
    let notice = |h: &egui_kittest::Harness<'static, regulars::ui::CounterApp>| {
        h.state()
            .counter
            .state()
            .notice
            .clone()
            .map(|n| (n.ok, n.text))
    };
    // Twelve is more than a full card (ten): the cashier alone is refused, nothing kept.
    fill(&mut h, "Stamps on the paper card", "12");
    press(&mut h, "Add paper stamps");
    step_until(&mut h, "the refusal", |a| {
        a.counter.state().notice.as_ref().is_some_and(|n| !n.ok)
    });
    let (_, said) = notice(&h).unwrap();
    assert!(said.contains("more than 10 stamps"), "{said}");
    assert_eq!(run_json(d, &["customer", "show", &code])["stamps"], 0);
    // With the owner's PIN typed beside them.
    fill(&mut h, "Stamps on the paper card", "12");
    fill(&mut h, "Owner PIN for more stamps", "9876");
    press(&mut h, "Add paper stamps");
    step_until(&mut h, "the stamps", |a| {
        a.counter
            .state()
            .customer
            .as_ref()
            .is_some_and(|c| c.stamps == 12)
    });
    let (ok, said) = notice(&h).unwrap();
    assert!(
        ok && said.contains("12 stamps from the paper card"),
        "{said}"
    );
    let conn = connect(db(d)).unwrap();
    let (actor, approved): (String, String) = conn
        .query_row("SELECT actor, approved_by FROM opening_stamps", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((actor.as_str(), approved.as_str()), ("Ilze", "Marta"));
    // Once per member.
    fill(&mut h, "Stamps on the paper card", "2");
    press(&mut h, "Add paper stamps");
    step_until(&mut h, "the second refusal", |a| {
        a.counter
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| !n.ok && n.text.contains("credited already"))
    });
    check_invariants(&conn);
}
