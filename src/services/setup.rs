//! The first-run questions that do more than write `config.toml`, shared by the window's
//! assistant and `regulars setup`: the public address checked as a setting, the owner added
//! with the PIN typed, the backups' folder with a first backup made there at once.

use crate::config::{Change, Config};
use crate::datadir::DataDir;
use crate::i18n::Words;

/// A USB stick's folder, where one is plugged in (`/media/<user>/<stick>`), for the backups'
/// suggestion.
pub fn usb_folder() -> Option<String> {
    let user = std::env::var("USER").unwrap_or_default();
    [format!("/media/{user}"), format!("/run/media/{user}")]
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten())
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .map(|p| p.join("regulars-backups").display().to_string())
}

/// The public address as a change (empty: the key goes, receipts carry the shop's network
/// address), or what is wrong with it.
pub fn pages_change(url: &str, w: &Words) -> Result<Change, String> {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        return Ok(Change::remove("portal", "public_url"));
    }
    let ok = url.split_once("://").is_some_and(|(scheme, rest)| {
        matches!(scheme, "http" | "https") && !rest.is_empty() && !rest.contains(' ')
    });
    if ok {
        Ok(Change::set("portal", "public_url", url))
    } else {
        Err(w.t_args("set-bad-address", &[("example", "https://…".into())]))
    }
}

/// Gives the owner the PIN typed (empty: nothing). The owner is added once; going back to the
/// step and typing another PIN changes it.
pub fn save_pin(dir: &DataDir, config: &Config, pin: &str, w: &Words) -> Result<(), String> {
    let pin = pin.trim();
    if pin.is_empty() {
        return Ok(());
    }
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(w.t("store-error-pin"));
    }
    let name = w.t("setup-owner-name");
    let now = crate::clock::now();
    let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
    store
        .write(|tx| {
            let c = tx.counter();
            match c.staff()?.into_iter().find(|s| s.name == name) {
                Some(owner) => c.set_staff_pin(owner.id, pin, rand::random()),
                None => c
                    .add_staff(
                        &name,
                        crate::domain::staff::Role::Owner,
                        pin,
                        rand::random(),
                        now,
                    )
                    .map(|_| ()),
            }
        })
        .map_err(|e| crate::services::errors::store_error(w, &e))
}

/// Makes the first backup where the settings now say; what it made, or why not.
pub fn first_backup(dir: &DataDir, config: &Config) -> Result<String, String> {
    let w = config.shop.words();
    // The database is made now if the counter has not opened yet: its backup is that of an
    // empty shop, but a folder that cannot be written is found today.
    dir.open_store(config, crate::clock::now())
        .map_err(|e| e.to_string())?;
    crate::backups::schedule::run_once(dir, config, crate::clock::now())
        .map(|l| {
            w.t_args(
                "set-backup-made",
                &[
                    ("when", w.date_time(l.at).into()),
                    ("path", l.path.display().to_string().into()),
                ],
            )
        })
        .map_err(|e| crate::services::errors::backup_error(w.0, &e))
}

/// Saves `to` as the backups' folder and makes a first backup there at once; a folder no
/// backup can go to is not kept (the one before comes back). The configuration saved and what
/// was made, in the shop's words; or why not.
pub fn backups_folder(dir: &DataDir, to: &str, w: &Words) -> Result<(Config, String), String> {
    let path = dir.config_path();
    let before = crate::config::shown(&crate::config::written(&path), "backup", "to");
    let config = crate::config::save_changes(&path, &[backup_change(to)])
        .map_err(|e| w.t_args("setup-not-saved", &[("error", e.to_string().into())]))?;
    match first_backup(dir, &config) {
        Ok(made) => Ok((config, made)),
        Err(e) => {
            let back = backup_change(before.as_deref().unwrap_or(""));
            let _ = crate::config::save_changes(&path, &[back]);
            Err(e)
        }
    }
}

/// The backups folder as a change (empty: `backups/` in the data folder).
pub fn backup_change(to: &str) -> Change {
    match to.trim() {
        "" => Change::remove("backup", "to"),
        to => Change::set("backup", "to", to),
    }
}

/// What a backup holds, in the shop's words: customers, visits and the newest sale.
pub fn holds(w: &crate::i18n::Language, h: &crate::store::Inspection) -> String {
    let newest = match h.newest_sale {
        Some(at) => w.t_args("cli-backup-newest", &[("when", w.date_time(at).into())]),
        None => w.t("cli-backup-no-sales"),
    };
    w.t_args(
        "cli-backup-holds",
        &[
            ("customers", h.customers.into()),
            ("visits", h.visits.into()),
            ("newest", newest.into()),
        ],
    )
}

/// Puts the shop back as it is in `file` (see `backups::restore`: checked first, refused while
/// anything else has the shop open, the shop as it was kept beside it), and says so.
pub fn restore(dir: &DataDir, config: &Config, file: &std::path::Path) -> Result<String, String> {
    let w = config.shop.words();
    let now = crate::clock::now();
    let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
    let r = crate::backups::restore(
        dir,
        &mut store,
        file,
        config.backup.passphrase.as_deref(),
        now,
    )
    .map_err(|e| crate::services::errors::backup_error(w.0, &e))?;
    Ok(restored_words(w.0, file, &r))
}

/// What a restore put back and where the shop as it was is kept, in the shop's words (the
/// window's Settings and `regulars restore`).
pub fn restored_words(
    w: &crate::i18n::Language,
    file: &std::path::Path,
    r: &crate::backups::Restored,
) -> String {
    w.t_args(
        "cli-restored",
        &[
            ("path", file.display().to_string().into()),
            ("holds", holds(w, &r.holds).into()),
            ("kept", r.kept.display().to_string().into()),
        ],
    )
}
