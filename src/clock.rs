//! The wall clock and local time, at the edges only (the domain gets time passed in). Every
//! layer reads the time through [`now`].

/// Moves the clock, for tests of whole programs: `REGULARS_CLOCK_OFFSET=+86400` runs the
/// program a day ahead, so a test sees "later" without waiting for it.
pub const OFFSET_VAR: &str = "REGULARS_CLOCK_OFFSET";

/// Now, as unix seconds (moved by [`OFFSET_VAR`] when it is set).
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second() + offset()
}

/// The clock's offset, read from the environment once per process: the clock is read on
/// every sale and every page served.
fn offset() -> i64 {
    static OFFSET: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *OFFSET.get_or_init(|| {
        std::env::var(OFFSET_VAR)
            .ok()
            .and_then(|s| s.trim().trim_start_matches('+').parse::<i64>().ok())
            .unwrap_or(0)
    })
}

/// A moment in the shop's local time, for people: `2026-11-23 14:05`.
pub fn local_time(ts: i64) -> String {
    jiff::Timestamp::from_second(ts)
        .map(|t| {
            t.to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| ts.to_string())
}
