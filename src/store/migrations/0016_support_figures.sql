-- Regulars schema version 16: the support figures (does fixing a problem bring the customer
-- back?), kept up to date in the same transaction as the rows they sum, like the visit figures.
--
-- Each aggregate is defined once, as a view computing it from the raw rows (`*_fresh`); the
-- triggers below keep the tables equal to their views by taking a row's part away before it
-- changes and adding it back after, reading it through the same views, and
-- `regulars stats --rebuild` compares the two. Tickets count on the day they were opened; the
-- came-back figures count on the day the ticket was resolved (or opened, while it is not).
-- Day figures are kept at five sizes of block (1, 4, 16, 64 and 256 days: `level` 0 to 4), so a
-- range of any length reads at most a few dozen blocks. Only this till's own tickets (`origin IS NULL`)
-- count, as for the other figures; a customer's visit to any shop of the chain is a visit.

-- Who was signed in at the counter when the sale was made (ratings by staff on duty).
ALTER TABLE visits ADD COLUMN staff TEXT;

-- Referrals made within 7 days after the referrer redeemed a reward, against other times.
DROP INDEX redemptions_customer;
CREATE INDEX redemptions_customer ON redemptions (customer_id, at);

-- The effort a customer had to make: how often they came back about the same problem (their
-- own notes and each reopening), and how often the ticket was reopened.
ALTER TABLE tickets ADD COLUMN contacts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tickets_resolved ON tickets (resolved_at);

-- A later low rating of the same visit is the customer's word, not the shop's reply.
UPDATE ticket_events SET actor = 'customer'
WHERE actor IS NULL AND kind IN ('note', 'reopened') AND body LIKE 'Rated the visit %'
  AND ticket_id IN (SELECT id FROM tickets WHERE channel = 'rating');
UPDATE tickets SET first_reply_at = (
    SELECT MIN(e.at) FROM ticket_events e
    WHERE e.ticket_id = tickets.id AND e.kind IN ('note', 'waiting', 'resolved')
      AND COALESCE(e.actor, '') <> 'customer');

UPDATE tickets SET
    reopened = (SELECT COUNT(*) FROM ticket_events e
                WHERE e.ticket_id = tickets.id AND e.kind = 'reopened'),
    contacts = (SELECT COUNT(*) FROM ticket_events e
                WHERE e.ticket_id = tickets.id
                  AND (e.kind = 'reopened' OR (e.kind = 'note' AND e.actor = 'customer')));

CREATE TRIGGER ticket_contacts AFTER INSERT ON ticket_events
WHEN NEW.kind = 'reopened' OR (NEW.kind = 'note' AND NEW.actor = 'customer')
BEGIN
    UPDATE tickets SET contacts = contacts + 1, reopened = reopened + (NEW.kind = 'reopened')
    WHERE id = NEW.ticket_id;
END;

CREATE VIEW agg_levels AS
    SELECT 0 AS level, 1 AS width UNION ALL SELECT 1, 4 UNION ALL SELECT 2, 16
    UNION ALL SELECT 3, 64 UNION ALL SELECT 4, 256;

-- Each own ticket's counts. Outcomes of a ticket that was ever resolved: confirmed by the
-- customer; reopened (and not confirmed since); or left unconfirmed.
CREATE VIEW ticket_counts AS
SELECT id, opened_at / 86400 AS day, severity, channel,
       first_reply_at IS NOT NULL AS replied,
       status IN ('resolved', 'confirmed') AS resolved,
       status = 'confirmed' AS confirmed,
       reopened > 0 AND status <> 'confirmed' AS reopened,
       status = 'resolved' AND reopened = 0 AS unconfirmed,
       contacts,
       contacts > 0 AS contacted,
       customer_id IS NULL AS anonymous
FROM tickets WHERE origin IS NULL;

-- How long each own ticket waited for its first reply and its resolution, in minutes, kept as
-- the bucket it falls in (the lower bound of one of these 50 human steps: a minute at first,
-- then 15, 20, 30, 45 minutes, 1, 1¼, 1½, 2 hours… 1, 1¼, 1½, 2 days…), so a median is read
-- from a few hundred counts; `support_figures.rs` has the same list.
CREATE TABLE wait_buckets (minutes INTEGER PRIMARY KEY);
INSERT INTO wait_buckets VALUES (0), (1), (2), (3), (4), (5), (6), (8), (10), (12), (15), (20),
    (25), (30), (40), (45), (60), (75), (90), (120), (150), (180), (240), (300), (360), (480),
    (600), (720), (900), (1080), (1440), (1800), (2160), (2880), (3600), (4320), (5760), (7200),
    (8640), (10080), (14400), (20160), (30240), (40320), (60480), (86400), (129600), (172800),
    (259200), (525600);

CREATE VIEW ticket_waits AS
SELECT id, day, severity, channel, measure,
       (SELECT MAX(b.minutes) FROM wait_buckets b WHERE b.minutes <= m) AS minutes
FROM (SELECT id, opened_at / 86400 AS day, severity, channel, 'reply' AS measure,
             MAX(0, first_reply_at - opened_at) / 60 AS m
      FROM tickets WHERE origin IS NULL AND first_reply_at IS NOT NULL
      UNION ALL
      SELECT id, opened_at / 86400, severity, channel, 'resolve',
             MAX(0, resolved_at - opened_at) / 60
      FROM tickets WHERE origin IS NULL AND resolved_at IS NOT NULL);

-- Whether a member came back within 30 and 90 days after their ticket was resolved (or, while
-- it is not, after it was opened): a visit after that moment, at any shop of the chain.
CREATE VIEW ticket_backs AS
SELECT t.id, t.customer_id, COALESCE(t.resolved_at, t.opened_at) AS anchor,
       COALESCE(t.resolved_at, t.opened_at) / 86400 AS day,
       t.status = 'confirmed' AS confirmed,
       EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = t.customer_id
               AND v.at > COALESCE(t.resolved_at, t.opened_at)
               AND v.at <= COALESCE(t.resolved_at, t.opened_at) + 30 * 86400) AS back_30,
       EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = t.customer_id
               AND v.at > COALESCE(t.resolved_at, t.opened_at)
               AND v.at <= COALESCE(t.resolved_at, t.opened_at) + 90 * 86400) AS back_90
FROM tickets t WHERE t.origin IS NULL AND t.customer_id IS NOT NULL;

-- The reply and resolve targets in force (`[support] reply_within`, `resolve_within`, in
-- seconds), which the store sets from the configuration each time it opens (rebuilding the
-- overdue counts when they changed), so the counts by day follow them.
CREATE TABLE support_targets (
    severity INTEGER PRIMARY KEY,
    reply    INTEGER NOT NULL,
    resolve  INTEGER NOT NULL
);
INSERT INTO support_targets VALUES (1, 86400, 259200), (2, 86400, 259200), (3, 86400, 259200);

-- The days an own ticket is overdue at the day's end (its last second): from the day its
-- reply target passes until its first reply (or resolution), and from the day its resolve
-- target passes until its resolution, as [start, end) day numbers (1e9: not ended).
CREATE VIEW ticket_overdue_spans AS
SELECT id, a1, a2, b1, b2, MAX(a1, b1) AS lo, MIN(a2, b2) AS hi FROM (
    SELECT t.id, (t.opened_at + g.reply + 1) / 86400 AS a1,
           COALESCE(MIN(t.first_reply_at, t.resolved_at), t.first_reply_at, t.resolved_at,
                    1000000000 * 86400) / 86400 AS a2,
           (t.opened_at + g.resolve + 1) / 86400 AS b1,
           COALESCE(t.resolved_at, 1000000000 * 86400) / 86400 AS b2
    FROM tickets t JOIN support_targets g ON g.severity = t.severity
    WHERE t.origin IS NULL);

-- As changes of the count by day: +1 where a span starts, -1 where it ends, and the overlap
-- of the two spans once taken away.
CREATE VIEW ticket_overdue AS
SELECT id, a1 AS day, 1 AS delta FROM ticket_overdue_spans WHERE a1 < a2
UNION ALL SELECT id, a2, -1 FROM ticket_overdue_spans WHERE a1 < a2 AND a2 < 1000000000
UNION ALL SELECT id, b1, 1 FROM ticket_overdue_spans WHERE b1 < b2
UNION ALL SELECT id, b2, -1 FROM ticket_overdue_spans WHERE b1 < b2 AND b2 < 1000000000
UNION ALL SELECT id, lo, -1 FROM ticket_overdue_spans WHERE a1 < a2 AND b1 < b2 AND lo < hi
UNION ALL SELECT id, hi, 1 FROM ticket_overdue_spans
    WHERE a1 < a2 AND b1 < b2 AND lo < hi AND hi < 1000000000;

-- Ratings of this till's visits, by the visit's day, the staff member signed in, and whether
-- the member ever complained (a ticket of their own, not one a low rating opened).
CREATE VIEW rating_groups AS
SELECT r.visit_id, v.customer_id, v.at / 86400 AS day, COALESCE(v.staff, '') AS staff,
       CASE WHEN v.customer_id IS NULL THEN 'anonymous'
            WHEN EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = v.customer_id
                         AND t.channel <> 'rating') THEN 'complained'
            ELSE 'quiet' END AS grp,
       r.stars
FROM ratings r JOIN visits v ON v.id = r.visit_id WHERE v.origin IS NULL;

CREATE TABLE agg_ticket_days (
    level       INTEGER NOT NULL,
    block       INTEGER NOT NULL,
    severity    INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    tickets     INTEGER NOT NULL,
    replied     INTEGER NOT NULL,
    resolved    INTEGER NOT NULL,
    confirmed   INTEGER NOT NULL,
    reopened    INTEGER NOT NULL,
    unconfirmed INTEGER NOT NULL,
    contacts    INTEGER NOT NULL,
    contacted   INTEGER NOT NULL,
    anonymous   INTEGER NOT NULL,
    PRIMARY KEY (level, block, severity, channel)
) WITHOUT ROWID;

CREATE VIEW agg_ticket_days_fresh AS
SELECT l.level, c.day / l.width, c.severity, c.channel, COUNT(*), SUM(c.replied),
       SUM(c.resolved), SUM(c.confirmed), SUM(c.reopened), SUM(c.unconfirmed), SUM(c.contacts),
       SUM(c.contacted), SUM(c.anonymous)
FROM ticket_counts c, agg_levels l GROUP BY 1, 2, 3, 4;

CREATE TABLE agg_ticket_times (
    level   INTEGER NOT NULL,
    block   INTEGER NOT NULL,
    measure TEXT NOT NULL,        -- 'reply', 'resolve'
    dim     TEXT NOT NULL,        -- 's1'..'s3' (severity) or the channel
    minutes INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (level, block, measure, dim, minutes)
) WITHOUT ROWID;

CREATE VIEW agg_ticket_times_fresh AS
SELECT level, block, measure, dim, minutes, COUNT(*) FROM (
    SELECT l.level, w.day / l.width AS block, w.measure, 's' || w.severity AS dim, w.minutes
    FROM ticket_waits w, agg_levels l
    UNION ALL
    SELECT l.level, w.day / l.width, w.measure, w.channel, w.minutes
    FROM ticket_waits w, agg_levels l)
GROUP BY 1, 2, 3, 4, 5;

CREATE TABLE agg_ticket_back (
    level     INTEGER NOT NULL,
    block     INTEGER NOT NULL,
    confirmed INTEGER NOT NULL,
    tickets   INTEGER NOT NULL,
    back_30   INTEGER NOT NULL,
    back_90   INTEGER NOT NULL,
    PRIMARY KEY (level, block, confirmed)
) WITHOUT ROWID;

CREATE VIEW agg_ticket_back_fresh AS
SELECT l.level, b.day / l.width, b.confirmed, COUNT(*), SUM(b.back_30), SUM(b.back_90)
FROM ticket_backs b, agg_levels l GROUP BY 1, 2, 3;

CREATE TABLE agg_overdue_days (
    level INTEGER NOT NULL,
    block INTEGER NOT NULL,
    delta INTEGER NOT NULL,
    PRIMARY KEY (level, block)
) WITHOUT ROWID;

CREATE VIEW agg_overdue_days_fresh AS
SELECT l.level, o.day / l.width, SUM(o.delta) FROM ticket_overdue o, agg_levels l
GROUP BY 1, 2 HAVING SUM(o.delta) <> 0;

CREATE TABLE agg_rating_days (
    day   INTEGER NOT NULL,
    grp   TEXT NOT NULL,
    staff TEXT NOT NULL,
    stars INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (day, grp, staff, stars)
) WITHOUT ROWID;

CREATE VIEW agg_rating_days_fresh AS
SELECT day, grp, staff, stars, COUNT(*) FROM rating_groups GROUP BY 1, 2, 3, 4;

INSERT INTO agg_ticket_days SELECT * FROM agg_ticket_days_fresh;
INSERT INTO agg_ticket_times SELECT * FROM agg_ticket_times_fresh;
INSERT INTO agg_ticket_back SELECT * FROM agg_ticket_back_fresh;
INSERT INTO agg_rating_days SELECT * FROM agg_rating_days_fresh;
INSERT INTO agg_overdue_days SELECT * FROM agg_overdue_days_fresh;

-- A ticket's part in the figures: added when it is opened; taken away before it changes and
-- added back after. Blocks left empty are removed, so the tables stay equal to their views.
CREATE TRIGGER agg_ticket_new AFTER INSERT ON tickets WHEN NEW.origin IS NULL
BEGIN
    INSERT INTO agg_ticket_days
    SELECT l.level, c.day / l.width, c.severity, c.channel, 1, c.replied, c.resolved, c.confirmed, c.reopened, c.unconfirmed, c.contacts, c.contacted, c.anonymous
    FROM ticket_counts c, agg_levels l WHERE c.id = NEW.id
    ON CONFLICT DO UPDATE SET
        tickets = tickets + excluded.tickets,
        replied = replied + excluded.replied,
        resolved = resolved + excluded.resolved,
        confirmed = confirmed + excluded.confirmed,
        reopened = reopened + excluded.reopened,
        unconfirmed = unconfirmed + excluded.unconfirmed,
        contacts = contacts + excluded.contacts,
        contacted = contacted + excluded.contacted,
        anonymous = anonymous + excluded.anonymous;
    INSERT INTO agg_ticket_times
    SELECT level, block, measure, dim, minutes, COUNT(*) FROM (
        SELECT l.level, w.day / l.width AS block, w.measure, 's' || w.severity AS dim, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = NEW.id
        UNION ALL
        SELECT l.level, w.day / l.width, w.measure, w.channel, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = NEW.id)
    WHERE true GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, COUNT(*), SUM(b.back_30), SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    INSERT INTO agg_overdue_days
    SELECT l.level, o.day / l.width, SUM(o.delta) FROM ticket_overdue o, agg_levels l
    WHERE o.id = NEW.id GROUP BY 1, 2 HAVING SUM(o.delta) <> 0
    ON CONFLICT DO UPDATE SET delta = delta + excluded.delta;
    DELETE FROM agg_overdue_days WHERE delta = 0;
END;

CREATE TRIGGER agg_ticket_before BEFORE UPDATE OF status, resolved_at, first_reply_at, reopened, contacts, customer_id, severity, channel, opened_at ON tickets
WHEN OLD.origin IS NULL
BEGIN
    INSERT INTO agg_ticket_days
    SELECT l.level, c.day / l.width, c.severity, c.channel, -1, -c.replied, -c.resolved, -c.confirmed, -c.reopened, -c.unconfirmed, -c.contacts, -c.contacted, -c.anonymous
    FROM ticket_counts c, agg_levels l WHERE c.id = OLD.id
    ON CONFLICT DO UPDATE SET
        tickets = tickets + excluded.tickets,
        replied = replied + excluded.replied,
        resolved = resolved + excluded.resolved,
        confirmed = confirmed + excluded.confirmed,
        reopened = reopened + excluded.reopened,
        unconfirmed = unconfirmed + excluded.unconfirmed,
        contacts = contacts + excluded.contacts,
        contacted = contacted + excluded.contacted,
        anonymous = anonymous + excluded.anonymous;
    INSERT INTO agg_ticket_times
    SELECT level, block, measure, dim, minutes, -COUNT(*) FROM (
        SELECT l.level, w.day / l.width AS block, w.measure, 's' || w.severity AS dim, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = OLD.id
        UNION ALL
        SELECT l.level, w.day / l.width, w.measure, w.channel, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = OLD.id)
    WHERE true GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, -COUNT(*), -SUM(b.back_30), -SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    INSERT INTO agg_overdue_days
    SELECT l.level, o.day / l.width, -SUM(o.delta) FROM ticket_overdue o, agg_levels l
    WHERE o.id = OLD.id GROUP BY 1, 2 HAVING SUM(o.delta) <> 0
    ON CONFLICT DO UPDATE SET delta = delta + excluded.delta;
END;

CREATE TRIGGER agg_ticket_after AFTER UPDATE OF status, resolved_at, first_reply_at, reopened, contacts, customer_id, severity, channel, opened_at ON tickets
WHEN NEW.origin IS NULL
BEGIN
    INSERT INTO agg_ticket_days
    SELECT l.level, c.day / l.width, c.severity, c.channel, 1, c.replied, c.resolved, c.confirmed, c.reopened, c.unconfirmed, c.contacts, c.contacted, c.anonymous
    FROM ticket_counts c, agg_levels l WHERE c.id = NEW.id
    ON CONFLICT DO UPDATE SET
        tickets = tickets + excluded.tickets,
        replied = replied + excluded.replied,
        resolved = resolved + excluded.resolved,
        confirmed = confirmed + excluded.confirmed,
        reopened = reopened + excluded.reopened,
        unconfirmed = unconfirmed + excluded.unconfirmed,
        contacts = contacts + excluded.contacts,
        contacted = contacted + excluded.contacted,
        anonymous = anonymous + excluded.anonymous;
    INSERT INTO agg_ticket_times
    SELECT level, block, measure, dim, minutes, COUNT(*) FROM (
        SELECT l.level, w.day / l.width AS block, w.measure, 's' || w.severity AS dim, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = NEW.id
        UNION ALL
        SELECT l.level, w.day / l.width, w.measure, w.channel, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = NEW.id)
    WHERE true GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, COUNT(*), SUM(b.back_30), SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.id = NEW.id GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    DELETE FROM agg_ticket_days WHERE tickets = 0 AND ((level = 0 AND block = OLD.opened_at / 86400) OR (level = 1 AND block = OLD.opened_at / 86400 / 4) OR (level = 2 AND block = OLD.opened_at / 86400 / 16)
            OR (level = 3 AND block = OLD.opened_at / 86400 / 64) OR (level = 4 AND block = OLD.opened_at / 86400 / 256));
    DELETE FROM agg_ticket_times WHERE n = 0 AND ((level = 0 AND block = OLD.opened_at / 86400) OR (level = 1 AND block = OLD.opened_at / 86400 / 4) OR (level = 2 AND block = OLD.opened_at / 86400 / 16)
            OR (level = 3 AND block = OLD.opened_at / 86400 / 64) OR (level = 4 AND block = OLD.opened_at / 86400 / 256));
    DELETE FROM agg_ticket_back WHERE tickets = 0
        AND ((level = 0 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400) OR (level = 1 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 4) OR (level = 2 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 16)
            OR (level = 3 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 64) OR (level = 4 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 256));
    INSERT INTO agg_overdue_days
    SELECT l.level, o.day / l.width, SUM(o.delta) FROM ticket_overdue o, agg_levels l
    WHERE o.id = NEW.id GROUP BY 1, 2 HAVING SUM(o.delta) <> 0
    ON CONFLICT DO UPDATE SET delta = delta + excluded.delta;
    DELETE FROM agg_overdue_days WHERE delta = 0;
END;

CREATE TRIGGER agg_ticket_gone BEFORE DELETE ON tickets WHEN OLD.origin IS NULL
BEGIN
    INSERT INTO agg_ticket_days
    SELECT l.level, c.day / l.width, c.severity, c.channel, -1, -c.replied, -c.resolved, -c.confirmed, -c.reopened, -c.unconfirmed, -c.contacts, -c.contacted, -c.anonymous
    FROM ticket_counts c, agg_levels l WHERE c.id = OLD.id
    ON CONFLICT DO UPDATE SET
        tickets = tickets + excluded.tickets,
        replied = replied + excluded.replied,
        resolved = resolved + excluded.resolved,
        confirmed = confirmed + excluded.confirmed,
        reopened = reopened + excluded.reopened,
        unconfirmed = unconfirmed + excluded.unconfirmed,
        contacts = contacts + excluded.contacts,
        contacted = contacted + excluded.contacted,
        anonymous = anonymous + excluded.anonymous;
    INSERT INTO agg_ticket_times
    SELECT level, block, measure, dim, minutes, -COUNT(*) FROM (
        SELECT l.level, w.day / l.width AS block, w.measure, 's' || w.severity AS dim, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = OLD.id
        UNION ALL
        SELECT l.level, w.day / l.width, w.measure, w.channel, w.minutes
        FROM ticket_waits w, agg_levels l WHERE w.id = OLD.id)
    WHERE true GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, -COUNT(*), -SUM(b.back_30), -SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.id = OLD.id GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    INSERT INTO agg_overdue_days
    SELECT l.level, o.day / l.width, -SUM(o.delta) FROM ticket_overdue o, agg_levels l
    WHERE o.id = OLD.id GROUP BY 1, 2 HAVING SUM(o.delta) <> 0
    ON CONFLICT DO UPDATE SET delta = delta + excluded.delta;
END;

CREATE TRIGGER agg_ticket_gone_after AFTER DELETE ON tickets WHEN OLD.origin IS NULL
BEGIN
    DELETE FROM agg_ticket_days WHERE tickets = 0 AND ((level = 0 AND block = OLD.opened_at / 86400) OR (level = 1 AND block = OLD.opened_at / 86400 / 4) OR (level = 2 AND block = OLD.opened_at / 86400 / 16)
            OR (level = 3 AND block = OLD.opened_at / 86400 / 64) OR (level = 4 AND block = OLD.opened_at / 86400 / 256));
    DELETE FROM agg_ticket_times WHERE n = 0 AND ((level = 0 AND block = OLD.opened_at / 86400) OR (level = 1 AND block = OLD.opened_at / 86400 / 4) OR (level = 2 AND block = OLD.opened_at / 86400 / 16)
            OR (level = 3 AND block = OLD.opened_at / 86400 / 64) OR (level = 4 AND block = OLD.opened_at / 86400 / 256));
    DELETE FROM agg_ticket_back WHERE tickets = 0
        AND ((level = 0 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400) OR (level = 1 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 4) OR (level = 2 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 16)
            OR (level = 3 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 64) OR (level = 4 AND block = COALESCE(OLD.resolved_at, OLD.opened_at) / 86400 / 256));
    DELETE FROM agg_overdue_days WHERE delta = 0;
END;

-- A member's visit may be the one that brings them back after a ticket of theirs resolved (or
-- opened) up to 90 days before it.
CREATE TRIGGER agg_back_visit_before BEFORE INSERT ON visits WHEN NEW.customer_id IS NOT NULL
BEGIN
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, -COUNT(*), -SUM(b.back_30), -SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.customer_id = NEW.customer_id AND b.anchor < NEW.at AND b.anchor >= NEW.at - 90 * 86400 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
END;

CREATE TRIGGER agg_back_visit_after AFTER INSERT ON visits WHEN NEW.customer_id IS NOT NULL
BEGIN
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, COUNT(*), SUM(b.back_30), SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.customer_id = NEW.customer_id AND b.anchor < NEW.at AND b.anchor >= NEW.at - 90 * 86400 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
END;

-- A visit that changes hands (an anonymous receipt claimed, two members merged).
CREATE TRIGGER agg_visit_moved_before BEFORE UPDATE OF customer_id, staff ON visits
BEGIN
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, -COUNT(*), -SUM(b.back_30), -SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.customer_id IN (OLD.customer_id, NEW.customer_id) AND b.anchor < OLD.at AND b.anchor >= OLD.at - 90 * 86400 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, -COUNT(*) FROM rating_groups g
    WHERE g.visit_id = OLD.id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER agg_visit_moved_after AFTER UPDATE OF customer_id, staff ON visits
BEGIN
    INSERT INTO agg_ticket_back
    SELECT l.level, b.day / l.width, b.confirmed, COUNT(*), SUM(b.back_30), SUM(b.back_90)
    FROM ticket_backs b, agg_levels l WHERE b.customer_id IN (OLD.customer_id, NEW.customer_id) AND b.anchor < OLD.at AND b.anchor >= OLD.at - 90 * 86400 GROUP BY 1, 2, 3
    ON CONFLICT DO UPDATE SET tickets = tickets + excluded.tickets,
        back_30 = back_30 + excluded.back_30, back_90 = back_90 + excluded.back_90;
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, COUNT(*) FROM rating_groups g
    WHERE g.visit_id = NEW.id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM agg_rating_days WHERE n = 0 AND day = OLD.at / 86400;
END;

-- Ratings, and the group of a member's ratings when they first complain.
CREATE TRIGGER agg_rating_new AFTER INSERT ON ratings
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, COUNT(*) FROM rating_groups g
    WHERE g.visit_id = NEW.visit_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER agg_rating_before BEFORE UPDATE OF stars ON ratings
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, -COUNT(*) FROM rating_groups g
    WHERE g.visit_id = OLD.visit_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER agg_rating_after AFTER UPDATE OF stars ON ratings
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, COUNT(*) FROM rating_groups g
    WHERE g.visit_id = NEW.visit_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM agg_rating_days WHERE n = 0
        AND day = (SELECT at / 86400 FROM visits WHERE id = NEW.visit_id);
END;

CREATE TRIGGER agg_complaint_before BEFORE INSERT ON tickets
WHEN NEW.customer_id IS NOT NULL AND NEW.channel <> 'rating'
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, -COUNT(*) FROM rating_groups g
    WHERE g.customer_id = NEW.customer_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER agg_complaint_after AFTER INSERT ON tickets
WHEN NEW.customer_id IS NOT NULL AND NEW.channel <> 'rating'
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, COUNT(*) FROM rating_groups g
    WHERE g.customer_id = NEW.customer_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM agg_rating_days WHERE n = 0
        AND day IN (SELECT day FROM rating_groups WHERE customer_id = NEW.customer_id);
END;

CREATE TRIGGER agg_complaint_moved_before BEFORE UPDATE OF customer_id, channel ON tickets
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, -COUNT(*) FROM rating_groups g
    WHERE g.customer_id IN (OLD.customer_id, NEW.customer_id) GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER agg_complaint_moved_after AFTER UPDATE OF customer_id, channel ON tickets
BEGIN
    INSERT INTO agg_rating_days
    SELECT g.day, g.grp, g.staff, g.stars, COUNT(*) FROM rating_groups g
    WHERE g.customer_id IN (OLD.customer_id, NEW.customer_id) GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
    DELETE FROM agg_rating_days WHERE n = 0 AND day IN (
        SELECT day FROM rating_groups WHERE customer_id IN (OLD.customer_id, NEW.customer_id));
END;
