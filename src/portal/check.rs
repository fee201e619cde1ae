//! The pages started for a moment to see where phones can open them, before the counter or
//! `regulars serve` runs them (the first-run assistant and `regulars setup`).

use super::{Portal, Settings};

/// Starts the pages with the saved settings (before the counter or `serve` runs them) and fetches them at `url` (empty: the address
/// receipts will carry) as a phone would; says where they open, in the shop's words.
pub fn start_and_check(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    url: &str,
) -> (bool, String) {
    use crate::services::reach;
    let w = config.shop.words();
    let now = crate::clock::now();
    let url = match url.trim() {
        "" => config.portal.public_url.clone(),
        u => u.to_string(),
    };
    // The database is made (or brought up to date) before the pages open it too.
    if let Err(e) = dir.open_store(config, now) {
        return (false, e.to_string());
    }
    let started = Settings::from_config(dir, config)
        .map_err(|e| e.to_string())
        .and_then(|s| Portal::start(&config.portal.bind, s).map_err(|e| e.to_string()));
    let portal = match started {
        Ok(p) => p,
        Err(e) => return (false, w.t_args("portal-status-off", &[("error", e.into())])),
    };
    let known = dir.secret().map_err(|e| e.to_string()).and_then(|secret| {
        let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
        reach::known(secret, &mut store).map_err(|e| e.to_string())
    });
    let said = match known {
        Ok(known) => {
            let checked = reach::check(&url, &known, now);
            (checked.reachable, reach::check_words(&w, &checked))
        }
        Err(e) => (false, e),
    };
    drop(portal);
    said
}
