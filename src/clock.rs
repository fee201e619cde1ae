//! The wall clock and local time, at the edges only (the domain gets time passed in).

/// Now, as unix seconds.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
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
