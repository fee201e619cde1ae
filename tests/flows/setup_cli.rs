//! `regulars setup` in a terminal: the window's first-run questions answered from stdin, as a
//! page server's or back office's owner would over SSH (answers piped here).

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `regulars setup` on `dir` with `answers` on stdin and the computer's locale `lang`.
fn setup(dir: &std::path::Path, lang: &str, answers: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data")
        .arg(dir)
        .arg("setup")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_questions_in_a_terminal_each_answer_saved_a_wrong_one_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The name; the suggested language (Latvian, from LANG); a wrong currency then the
    // suggestion; a stamp card; the first reward renamed, the third left out; the printer,
    // its profile and no scanner; the pages on the shop's Wi-Fi; a PIN; backups beside the data.
    let answers = "Kafejnīca Rīga\n\nEURO\n\n2\nKafija\n\n-\n\n\n\n\n1234\n\n";
    let (code, out, err) = setup(d, "lv_LV.UTF-8", answers);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        out.contains("“EURO” nav valūtas kods"),
        "refused in Latvian: {out}"
    );
    assert!(out.contains("Iestatīts."), "{out}");
    let text = std::fs::read_to_string(d.join("config.toml")).unwrap();
    for want in [
        "name = \"Kafejnīca Rīga\"",
        "language = \"lv\"",
        "currency = \"EUR\"",
        "country_code = \"+371\"",
        "name = \"Kafija\"",
        "name = \"Kūkas gabaliņš\"",
        "every = 10",
        "port = \"virtual\"",
        "# ISO code; amounts follow its decimals",
    ] {
        assert!(text.contains(want), "config.toml lacks {want}: {text}");
    }
    assert!(
        !text.contains("Kafijas pupiņu paka"),
        "the reward left out: {text}"
    );
    let staff = crate::common::run_json(d, &["staff", "list"]);
    assert_eq!(staff["staff"][0]["role"], "owner", "{staff}");
    assert!(
        d.join("backup-log.jsonl").exists(),
        "a first backup was made"
    );
    // The counter's command line works on what was saved.
    let (code, out, err) = crate::common::run(
        d,
        &["customer", "add", "--name", "Ilze", "--phone", "26123456"],
    );
    assert_eq!(code, 0, "{out}\n{err}");
}

#[test]
fn input_that_ends_takes_the_suggestions_for_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, err) = setup(d, "te_IN.UTF-8", "కాఫీ హౌస్\n");
    assert_eq!(code, 0, "{out}\n{err}");
    let text = std::fs::read_to_string(d.join("config.toml")).unwrap();
    assert!(text.contains("name = \"కాఫీ హౌస్\""), "{text}");
    assert!(text.contains("language = \"te\""), "{text}");
    assert!(text.contains("currency = \"INR\""), "{text}");
    assert!(text.contains("name = \"ఉచిత కాఫీ\""), "{text}");
}

#[test]
fn a_backup_folder_that_cannot_be_written_is_refused_and_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("shop");
    std::fs::create_dir(&d).unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    // Everything suggested, then a backups folder under a file: refused and asked again; the
    // input ends there, so the suggestion (beside the data) is taken.
    let answers = format!("Corner\n{}{}/backups\n", "\n".repeat(11), file.display());
    let (code, out, err) = setup(&d, "en_IE.UTF-8", &answers);
    assert_eq!(code, 0, "{out}\n{err}");
    let asked = out.matches("Where should backups go?").count();
    assert_eq!(asked, 2, "asked again after the refusal: {out}");
    let text = std::fs::read_to_string(d.join("config.toml")).unwrap();
    assert!(
        text.contains("name = \"Corner\""),
        "the answers before are kept: {text}"
    );
    assert!(
        !text.contains("a-file"),
        "the wrong folder is not kept: {text}"
    );
    let log = std::fs::read_to_string(d.join("backup-log.jsonl")).unwrap();
    assert!(
        log.contains(&d.join("backups").display().to_string()),
        "{log}"
    );
}
