//! The command line's support side, devices and mistakes in the shop's language: a shop in
//! Belgrade works a ticket, reads a timeline and is told what went wrong in Serbian.

use crate::common::{run, run_json};

fn belgrade() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nname = \"Кафана Код Ђорђа\"\ncurrency = \"RSD\"\nlanguage = \"sr-Cyrl\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_ticket_and_a_timeline_read_in_serbian() {
    let dir = belgrade();
    let d = dir.path();
    // A reply by SMS goes to the card's number.
    let c = run_json(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Ђорђе Петровић",
            "--phone",
            "+381641234567",
        ],
    );
    let code = c["code"].as_str().unwrap();
    let (exit, _, err) = run(
        d,
        &[
            "sale",
            "record",
            "--amount",
            "250,00",
            "--customer",
            code,
            "--receipt",
            "B-7",
        ],
    );
    assert_eq!(exit, 0, "{err}");
    let (exit, out, err) = run(
        d,
        &[
            "ticket",
            "add",
            "--customer",
            code,
            "--receipt",
            "B-7",
            "--summary",
            "Хладна супа",
            "--severity",
            "3",
            "--contact-via",
            "sms",
        ],
    );
    assert_eq!(exit, 0, "{err}");
    assert!(out.starts_with("Захтев је отворен.\n#1"), "{out}");
    assert!(out.contains("[отворен] приоритет"), "{out}");
    assert!(out.contains("хитност 3 · Ђорђе Петровић"), "{out}");
    assert!(out.contains("· телефонски позив · посета V1"), "{out}");
    assert!(out.contains("одговор: SMS порука"), "{out}");
    let (_, out, _) = run(d, &["ticket", "resolve", "1", "--note", "Извинили смо се"]);
    assert!(out.starts_with("Решено. Купац то може да потврди"), "{out}");
    let (_, out, _) = run(d, &["ticket", "show", "1"]);
    assert!(out.contains("[решен]"), "{out}");
    assert!(out.contains("отворен"), "{out}");
    assert!(out.contains("решен: Извинили смо се"), "{out}");
    let (_, out, _) = run(d, &["ticket", "list"]);
    assert_eq!(out.trim(), "Ниједан захтев не одговара.");
    let (_, out, _) = run(d, &["customer", "note", code, "Воли кисело млеко"]);
    assert!(out.starts_with("Белешка је додата"), "{out}");
    let (_, out, _) = run(d, &["customer", "timeline", code]);
    for line in [
        "Учланио се у програм лојалности",
        "Посета V1: 250,00\u{a0}дин. (рачун B-7), +250 поена",
        "Отворен захтев #1 (телефонски позив) у вези са посетом V1: Хладна супа",
        "Захтев #1 решен: Извинили смо се",
        "Белешка: Воли кисело млеко",
    ] {
        assert!(out.contains(line), "{line:?} not in:\n{out}");
    }
    assert!(!out.contains("Ticket") && !out.contains("Visit"), "{out}");
    // JSON stays language-neutral: the facts, not the words.
    let json = run_json(d, &["customer", "timeline", code]);
    let entries = json["timeline"].as_array().unwrap();
    let ticket = entries.iter().find(|e| e["kind"] == "ticket").unwrap();
    assert_eq!(ticket["channel"], "phone");
    assert_eq!(ticket["summary"], "Хладна супа");
    let visit = entries.iter().find(|e| e["kind"] == "visit").unwrap();
    assert_eq!(visit["amount"], 25000);
}

#[test]
fn mistakes_devices_and_the_scanner_are_told_in_serbian() {
    let dir = belgrade();
    let d = dir.path();
    let before = run_json(d, &["stats"]).to_string();
    for (args, exit, says) in [
        (
            &["sale", "refund", "--receipt", "B-404"][..],
            2,
            "грешка: нема продаје са бројем рачуна „B-404”",
        ),
        (
            &["sale", "record", "--amount", "1,234"][..],
            2,
            "грешка: „1,234” има више децимала него што их има RSD (2)",
        ),
        (
            &["ticket", "list", "--status", "stuck"][..],
            2,
            "грешка: --status stuck: користите open, waiting",
        ),
        (
            &["ticket", "resolve", "9"][..],
            2,
            "грешка: захтев #9 не постоји",
        ),
        (&["scan"][..], 2, "грешка: нема порта скенера"),
        (
            &["stats", "--from", "2026-13-01"][..],
            2,
            "грешка: --from '2026-13-01' није датум",
        ),
    ] {
        let (code, out, err) = run(d, args);
        assert_eq!(code, exit, "{args:?}: {out} {err}");
        assert!(
            err.starts_with(says),
            "{args:?}: expected {says:?} in {err}"
        );
    }
    // Nothing was recorded by any of them.
    assert_eq!(run_json(d, &["stats"]).to_string(), before);
    let (_, out, _) = run(d, &["devices"]);
    assert!(out.starts_with("Серијски портови: "), "{out}");
    assert!(out.contains("\nUSB штампачи: "), "{out}");
    assert!(out.contains("Профили штампача: "), "{out}");
}

/// A scanner on a pseudo-terminal: what it reads, and what it refuses, in Latvian.
#[test]
fn the_scanner_command_speaks_latvian() {
    use std::io::Write;
    let _g = crate::serial::PTY.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("config.toml"), "[shop]\nlanguage = \"lv\"\n").unwrap();
    let (mut master, slave) =
        regulars::devices::transport::pty_with_link(&d.join("scanner")).expect("a pseudo-terminal");
    let port = d.join("scanner");
    let reader = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(d)
        .args(["scan", "--port", port.to_str().unwrap(), "--count", "3"])
        .args(["--seconds", "20"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    for frame in [&b"4006381333931\r"[..], b"\x01\x02\r", b"12345\r"] {
        master.write_all(frame).unwrap();
        master.flush().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let out = reader.wait_with_output().unwrap();
    drop(slave);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().any(|l| l.starts_with("Klausās ")),
        "{stderr}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "prece EAN-13 4006381333931",
            "noraidīts: kodā ir vadības rakstzīmes: pārbaudiet skenera sufiksa iestatījumu",
            "nezināms kods '12345': 5 cipari nav preces svītrkoda garums",
        ],
        "{stderr}"
    );
}

/// Refusals the store words for the case (an empty ticket, a PIN, a birthday, an adjustment)
/// reach a Latvian shop in Latvian, with the exit code of a mistake and nothing recorded.
#[test]
fn a_latvian_shops_refusals_are_latvian() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("config.toml"),
        "[shop]\nname = \"Kafejnīca\"\nlanguage = \"lv\"\n",
    )
    .unwrap();
    let c = run_json(d, &["customer", "add", "--name", "Līga Ozola"]);
    let code = c["code"].as_str().unwrap();
    let before = crate::common::fingerprint(&crate::common::db(d));
    for (args, says) in [
        (
            &["ticket", "add", "--customer", code, "--summary", "   "][..],
            "kļūda: dažos vārdos pastāstiet, kas nogāja greizi",
        ),
        (
            &[
                "ticket",
                "add",
                "--customer",
                code,
                "--summary",
                "Auksta kafija",
                "--severity",
                "7",
            ][..],
            "kļūda: svarīgums ir 1 (neliels), 2 (parasts) vai 3 (steidzams)",
        ),
        (
            &["customer", "birthday", code, "13-45"][..],
            "kļūda: dzimšanas diena ir mēnesis un diena formā MM-DD",
        ),
        (
            &[
                "points",
                "adjust",
                "--customer",
                code,
                "--points",
                "0",
                "--reason",
                "x",
                "--by",
                "Anna",
            ][..],
            "kļūda: punktu korekcijai vajag punktu skaitu, kas nav nulle",
        ),
        (
            &[
                "staff", "add", "--name", "Anna", "--role", "owner", "--pin", "12",
            ][..],
            "kļūda: PIN ir no 4 līdz 8 cipariem",
        ),
    ] {
        let (exit, out, err) = run(d, args);
        assert_eq!(exit, 2, "{args:?}: {out} {err}");
        assert!(
            err.starts_with(says),
            "{args:?}: expected {says:?} in {err}"
        );
        assert!(!err.is_ascii(), "{args:?}: {err}");
    }
    assert_eq!(crate::common::fingerprint(&crate::common::db(d)), before);
    // A folder that cannot be written: the computer's fault, not the owner's (exit 1), said
    // in Latvian.
    let blocked = d.join("config.toml").join("figures");
    let (exit, out, err) = run(d, &["stats", "--csv", blocked.to_str().unwrap()]);
    assert_eq!(exit, 1, "{out}{err}");
    assert!(err.starts_with("kļūda: nevar ierakstīt"), "{err}");
}

#[test]
fn a_printer_profile_that_is_not_there_is_told_in_serbian() {
    let dir = belgrade();
    let d = dir.path();
    let config = std::fs::read_to_string(d.join("config.toml")).unwrap();
    std::fs::write(
        d.join("config.toml"),
        format!("{config}[printer]\nport = \"virtual\"\nprofile = \"nope\"\n"),
    )
    .unwrap();
    let (exit, _, err) = run(d, &["print", "test"]);
    assert_ne!(exit, 0);
    assert!(err.contains("не постоји printer профил „nope”"), "{err}");
    assert!(
        err.contains("generic-58mm") && err.contains("hardware"),
        "{err}"
    );
    // Nothing was queued for a printer that could not be described.
    assert!(
        !d.join("receipts").exists() || std::fs::read_dir(d.join("receipts")).unwrap().count() == 0
    );
}
