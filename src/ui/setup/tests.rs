//! The assistant's steps driven without a window: refusals, suggestions, the backups step.

use super::*;

#[test]
fn a_wrong_answer_is_refused_at_its_step_in_the_shops_language_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let mut a = SetupAssistant::new(path.clone(), Some("lv-LV".into()));
    assert_eq!(a.language(), "lv");
    assert_eq!(a.currency, "EUR");
    assert_eq!(a.rewards[0].name, "Bezmaksas kafija");
    // No name: refused, nothing written.
    assert!(matches!(a.advance(), Outcome::Asking));
    assert_eq!(a.step, Step::Name);
    assert!(
        a.error().unwrap().contains("veikala nosaukumu"),
        "{:?}",
        a.error()
    );
    assert!(!path.exists());
    a.name = "Kafejnīca".into();
    a.advance();
    a.advance();
    assert_eq!(a.step, Step::Currency);
    let before = std::fs::read_to_string(&path).unwrap();
    a.currency = "EURO".into();
    a.advance();
    assert_eq!(a.step, Step::Currency);
    assert!(
        a.error().unwrap().contains("“EURO” nav valūtas kods"),
        "{:?}",
        a.error()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // Corrected, and the rest skipped: the suggestions.
    a.currency = "eur".into();
    let Outcome::Finished(config) = a.skip_rest() else {
        panic!("{:?}", a.error());
    };
    assert_eq!(config.shop.name, "Kafejnīca");
    assert_eq!(config.shop.currency.code(), "EUR");
    assert_eq!(config.shop.country_code.as_deref(), Some("+371"));
    assert_eq!(config.program.rewards[0].name, "Bezmaksas kafija");
}

#[test]
fn a_backup_folder_that_cannot_be_written_is_refused_and_not_kept() {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir(root.path().join("shop")).unwrap();
    let dir = crate::datadir::DataDir::resolve(Some(root.path().join("shop"))).unwrap();
    let mut a = SetupAssistant::for_dir(&dir, Some("lv-LV".into()));
    a.name = "Kafejnīca".into();
    while a.step != Step::Backups {
        assert!(matches!(a.advance(), Outcome::Asking), "{:?}", a.error());
        assert_eq!(a.error(), None);
    }
    let file = root.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    a.later.backup_to = file.join("backups").display().to_string();
    a.advance();
    assert_eq!(a.step, Step::Backups, "refused: the step stays");
    assert!(a.error().is_some());
    let config = Config::load(&dir.config_path()).unwrap();
    assert_eq!(config.backup.to, None, "the wrong folder is not kept");
    // Left empty: backups/ beside the data, and one is made at once.
    a.later.backup_to.clear();
    a.advance();
    assert_eq!(a.step, Step::Done, "{:?}", a.error());
    assert!(a.later.backed_up.is_some());
    assert!(dir.root().join("backup-log.jsonl").exists());
}

#[test]
fn the_suggestions_follow_the_computer_and_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = SetupAssistant::new(dir.path().join("config.toml"), Some("te-IN".into()));
    assert_eq!((a.language(), a.currency.as_str()), ("te", "INR"));
    a.move_language(1);
    assert_ne!(a.language(), "te");
    assert_ne!(a.rewards[0].name, "ఉచిత కాఫీ", "the names follow the language");
    let a = SetupAssistant::new(dir.path().join("config.toml"), None);
    assert_eq!((a.language(), a.currency.as_str()), ("en", "EUR"));
}

#[test]
fn the_display_step_saves_the_pole_display_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let mut a = SetupAssistant::new(path.clone(), Some("en-IE".into()));
    a.name = "Corner Coffee".into();
    while a.step != Step::Display {
        assert!(matches!(a.advance(), Outcome::Asking), "{:?}", a.error());
    }
    a.devices.display_port = "/dev/ttyUSB2".into();
    a.devices.display_profile = "cd5220".into();
    a.advance();
    assert_eq!(a.step, Step::Pages, "{:?}", a.error());
    let config = Config::load(&path).unwrap();
    assert_eq!(config.display.port.as_deref(), Some("/dev/ttyUSB2"));
    assert_eq!(config.display.profile, "cd5220");
    // Back to it (Up) and none chosen: the port goes.
    a.step = Step::Display;
    a.devices.display_port.clear();
    a.advance();
    assert_eq!(Config::load(&path).unwrap().display.port, None);
}
