//! SQL functions the schema calls, registered on every connection the store opens: they are
//! the domain's rules, so the schema's views do not say them a second time.

use crate::domain::support::overdue_spans;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// Registers the schema's functions on `conn` (the store does it on every connection it opens;
/// another program reading the views through its own connection calls this first).
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    // `overdue_span(part, reply, resolve, opened_at, first_reply_at, resolved_at)`: one end
    // of a ticket's overdue spans (`reply_from`, `reply_until`, `resolve_from`,
    // `resolve_until`; NULL for an end not reached), by `domain::support::overdue_spans`.
    conn.create_scalar_function(
        "overdue_span",
        6,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let part: String = ctx.get(0)?;
            let spans = overdue_spans(
                ctx.get(1)?,
                ctx.get(2)?,
                ctx.get(3)?,
                ctx.get(4)?,
                ctx.get(5)?,
            );
            let [reply, resolve] = spans;
            Ok(match part.as_str() {
                "reply_from" => Some(reply.from),
                "reply_until" => reply.until,
                "resolve_from" => Some(resolve.from),
                "resolve_until" => resolve.until,
                other => {
                    return Err(rusqlite::Error::UserFunctionError(
                        format!("overdue_span: no part {other:?}").into(),
                    ));
                }
            })
        },
    )
}
