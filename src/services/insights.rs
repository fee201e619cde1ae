//! The daily work, on a thread of its own with its own connection to the store (the counter
//! never waits for it): the refit of who is slipping away, and the birthday and anniversary
//! vouchers due.

/// Whether a refit is due: never tried, or last tried on an earlier day (local time).
pub fn due(last_try: Option<i64>, now: i64) -> bool {
    let day = |t: i64| {
        jiff::Timestamp::from_second(t)
            .map(|ts| ts.to_zoned_datetime(jiff::tz::TimeZone::system()).date())
            .ok()
    };
    match last_try {
        None => true,
        Some(t) => day(t) < day(now),
    }
}

/// How the nightly job follows up resolved tickets: every `every` days, at most `most` times
/// (`[messages] follow_up_every_days`, `follow_ups`).
#[derive(Debug, Clone, Copy)]
pub struct FollowUps {
    pub every: i64,
    pub most: i64,
}

impl FollowUps {
    /// As the shop's settings say.
    pub fn of(config: &crate::config::Config) -> FollowUps {
        FollowUps {
            every: config.messages.follow_up_every_days,
            most: config.messages.follow_ups,
        }
    }
}

/// Starts the daily refit for the shop in `dir` on a thread of its own, its first check three
/// minutes after the start (the window and `serve` both run it).
pub fn start_worker(
    dir: &crate::datadir::DataDir,
    config: &crate::config::Config,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::io::Result<()> {
    let (opener, follow_ups) = (dir.store_opener(config), FollowUps::of(config));
    let first = std::time::Duration::from_secs(180);
    std::thread::Builder::new()
        .name("insights".into())
        .spawn(move || worker(opener, follow_ups, first, stop))
        .map(|_| ())
}

/// Refits once a day until `stop`, the first check `first_after` from now.
pub fn worker(
    opener: crate::datadir::StoreOpener,
    follow_ups: FollowUps,
    first_after: std::time::Duration,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let mut next = crate::clock::now() + first_after.as_secs() as i64;
    // The day the birthday and anniversary vouchers were last given (once a day: a write
    // that reads every member's enrolment date).
    let mut occasions_given: Option<i64> = None;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let now = crate::clock::now();
        if now >= next {
            next = now + 600;
            let outcome = opener
                .open(now)
                .map_err(|e| e.to_string())
                .and_then(|mut store| {
                    // Birthday and anniversary vouchers due today (given once each).
                    if occasions_given != Some(now.div_euclid(86_400)) {
                        let FollowUps { every, most } = follow_ups;
                        if let Err(e) =
                            store.write(|t| t.messages().queue_follow_ups(now, every, most))
                        {
                            eprintln!("ticket follow-ups: {e}");
                        }
                        match store.write(|t| t.loyalty().give_occasion_vouchers(now)) {
                            Ok(g) => {
                                occasions_given = Some(now.div_euclid(86_400));
                                if g.birthday + g.anniversary > 0 {
                                    eprintln!(
                                        "gave {} birthday and {} anniversary vouchers",
                                        g.birthday, g.anniversary
                                    );
                                }
                            }
                            Err(e) => eprintln!("birthday and anniversary vouchers: {e}"),
                        }
                    }
                    let last = store
                        .read(|t| t.figures().insights_last_try())
                        .map_err(|e| e.to_string())?;
                    if !due(last, now) {
                        return Ok(None);
                    }
                    store
                        .refit_insights(now)
                        .map(Some)
                        .map_err(|e| e.to_string())
                });
            match outcome {
                Ok(Some(r)) => match r.failed {
                    Some(e) => eprintln!("the nightly refit failed: {e}"),
                    None => eprintln!(
                        "refitted who is slipping away: {} members, {} worth a call",
                        r.members, r.slipping
                    ),
                },
                Ok(None) => {}
                Err(e) => eprintln!("the nightly refit failed: {e}"),
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refit_is_due_once_a_day() {
        let now = 1_800_000_000;
        assert!(due(None, now));
        assert!(!due(Some(now - 60), now));
        assert!(due(Some(now - 2 * 86_400), now));
    }
}
