use super::*;

const LANGS: [&str; 6] = ["en", "fil", "lv", "sr-Cyrl", "sr-Latn", "te"];

fn read(format: Format, text: &str) -> Parsed {
    parse(
        text.as_bytes(),
        &Reading {
            format,
            country_code: Some("+371"),
            languages: &LANGS,
            now: 1_800_000_000,
        },
    )
    .expect("a file")
}

#[test]
fn generic_rows_are_normalised() {
    let p = read(
        Format::Generic,
        "name,phone,email,points,stamps,birthday,language\r\n\
         Līga Ozola,2612 3456,LIGA@Example.LV,120,3,1990-07-14,lv\r\n\
         \"Ana, Petrović\",+381 64 123 4567,,0,,03-01,sr_Latn\r\n\
         \"Ben\r\nJones\",,,,,,\r\n\
         Cara,,,,,,\r\n",
    );
    assert!(p.bad.is_empty(), "{:?}", p.bad);
    let r = &p.rows[0];
    assert_eq!(r.line, 2);
    assert_eq!(r.name.as_deref(), Some("Līga Ozola"));
    assert_eq!(r.phone.as_deref(), Some("+37126123456"));
    assert_eq!(r.email.as_deref(), Some("liga@example.lv"));
    assert_eq!((r.points, r.stamps), (120, 3));
    assert_eq!(r.birthday.as_deref(), Some("07-14"));
    assert_eq!(r.language.as_deref(), Some("lv"));
    assert_eq!(p.rows[1].name.as_deref(), Some("Ana, Petrović"));
    assert_eq!(p.rows[1].language.as_deref(), Some("sr-Latn"));
    assert_ne!(p.rows[0].key, p.rows[1].key);
    assert_eq!(
        (p.rows[2].line, p.rows[3].line),
        (4, 6),
        "a quoted line end counts"
    );
}

#[test]
fn every_bad_row_is_named_by_its_line() {
    let p = read(
        Format::Generic,
        "name,phone,email,points,birthday\n\
         Anna,12ab,,5,\n\
         Ben,,ben@,,\n\
         Cara,,,-4,\n\
         Dan,,,,13-45\n\
         Eve,26123456,,,\n\
         Fay,2612 3456,,,\n\
         ,,,7,\n",
    );
    let lines: Vec<(u64, &RowFault)> = p
        .bad
        .iter()
        .flat_map(|b| b.faults.iter().map(move |f| (b.line, f)))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                2,
                &RowFault::Phone {
                    text: "12ab".into()
                }
            ),
            (
                3,
                &RowFault::Email {
                    text: "ben@".into()
                }
            ),
            (4, &RowFault::NegativePoints { text: "-4".into() }),
            (
                5,
                &RowFault::Birthday {
                    text: "13-45".into()
                }
            ),
            (7, &RowFault::SamePhone { line: 6 }),
            (8, &RowFault::Nobody),
        ]
    );
    assert_eq!(p.rows.len(), 1);
}

#[test]
fn square_names_and_bom() {
    let p = read(
        Format::Square,
        "\u{feff}Reference ID,First Name,Last Name,Email Address,Phone Number,Nickname,\
         Company Name,Birthday,Square Customer ID,Email Subscription Status\r\n\
         ,Ivan,Јовановић,ivan@example.rs,+381641234567,,,02-29,SQ1,Subscribed\r\n\
         ,,,,+371 2000 0001,Nik,,,SQ2,Unknown\r\n",
    );
    assert!(p.bad.is_empty(), "{:?}", p.bad);
    assert_eq!(p.rows[0].name.as_deref(), Some("Ivan Јовановић"));
    assert_eq!(p.rows[0].birthday.as_deref(), Some("02-29"));
    assert!(p.rows[0].consents.is_empty(), "a status is no consent");
    assert_eq!(p.rows[1].name.as_deref(), Some("Nik"));
    assert!(p.ignored.contains(&"Square Customer ID".to_string()));
    assert!(p.read.contains(&"First Name".to_string()));
}

#[test]
fn loyverse_points_with_decimals() {
    let p = read(
        Format::Loyverse,
        "Customer name,Email,Phone,Customer code,Points balance,Total visits\n\
         రవి,ravi@example.in,,C1,12.50,4\n",
    );
    assert!(p.bad.is_empty(), "{:?}", p.bad);
    assert_eq!(p.rows[0].points, 12);
    assert_eq!(p.rows[0].name.as_deref(), Some("రవి"));
}

#[test]
fn consents_need_when_and_how() {
    let p = read(
        Format::Generic,
        "name,email,email_consent_at,email_consent_how,sms_consent_at\n\
         Anna,anna@example.com,2024-05-01,signed form,\n\
         Ben,ben@example.com,,,2024-01-01\n\
         Cara,cara@example.com,2099-01-01,form,\n\
         Dan,dan@example.com,yesterday,form,\n",
    );
    assert_eq!(
        p.rows[0].consents,
        vec![PriorConsent {
            channel: Channel::Email,
            at: 1_714_521_600,
            how: "signed form".into()
        }]
    );
    let faults: Vec<_> = p
        .bad
        .iter()
        .map(|b| (b.line, b.faults[0].clone()))
        .collect();
    assert_eq!(
        faults,
        vec![
            (
                3,
                RowFault::ConsentHalf {
                    channel: Channel::Sms
                }
            ),
            (
                4,
                RowFault::ConsentDate {
                    channel: Channel::Email,
                    text: "2099-01-01".into()
                }
            ),
            (
                5,
                RowFault::ConsentDate {
                    channel: Channel::Email,
                    text: "yesterday".into()
                }
            ),
        ]
    );
}

#[test]
fn files_that_cannot_be_read() {
    let how = Reading {
        format: Format::Square,
        country_code: None,
        languages: &LANGS,
        now: 0,
    };
    assert_eq!(parse(b"\xff\xfe", &how).unwrap_err(), FileFault::NotText);
    assert!(matches!(
        parse(b"Square Customer ID,Memo\n1,x\n", &how),
        Err(FileFault::NoColumns { .. })
    ));
    let p = parse(
        b"First Name,Email Address\nAnna,anna@example.com\nBen,b@example.com,7\n",
        &how,
    )
    .unwrap();
    assert_eq!(p.rows.len(), 1);
    assert_eq!(
        p.bad[0].faults,
        vec![RowFault::Cells {
            found: 3,
            header: 2
        }]
    );
}

#[test]
fn cells_written_safe_are_read_back() {
    let p = read(Format::Generic, "name,points\n'=HYPERLINK(1),3\n");
    assert_eq!(p.rows[0].name.as_deref(), Some("=HYPERLINK(1)"));
}
