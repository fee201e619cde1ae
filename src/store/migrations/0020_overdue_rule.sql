-- Regulars schema version 20: the overdue spans come from the domain's rule (the
-- `overdue_span` function the store registers on each connection), instead of the view saying
-- the rule a second time. The spans, and so the counts already kept, are the same.

DROP VIEW ticket_overdue_spans;
CREATE VIEW ticket_overdue_spans AS
SELECT id, a1, a2, b1, b2, MAX(a1, b1) AS lo, MIN(a2, b2) AS hi FROM (
    SELECT id, reply_from / 86400 AS a1, COALESCE(reply_until, 1000000000 * 86400) / 86400 AS a2,
           resolve_from / 86400 AS b1, COALESCE(resolve_until, 1000000000 * 86400) / 86400 AS b2
    FROM (
        SELECT t.id,
               overdue_span('reply_from', g.reply, g.resolve, t.opened_at, t.first_reply_at, t.resolved_at) AS reply_from,
               overdue_span('reply_until', g.reply, g.resolve, t.opened_at, t.first_reply_at, t.resolved_at) AS reply_until,
               overdue_span('resolve_from', g.reply, g.resolve, t.opened_at, t.first_reply_at, t.resolved_at) AS resolve_from,
               overdue_span('resolve_until', g.reply, g.resolve, t.opened_at, t.first_reply_at, t.resolved_at) AS resolve_until
        FROM tickets t JOIN support_targets g ON g.severity = t.severity
        WHERE t.origin IS NULL));
