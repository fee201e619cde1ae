-- Regulars schema version 8: this till as one of a chain's (see `regulars central init`).
--
-- Every write other tills must see adds, in the same transaction, an outbox row naming the
-- row (`row_id`) under an idempotency key (the time in milliseconds and 80 random bits, so a
-- till restored from a backup never reuses one, and each write touches the last page of the
-- outbox only); triggers write it, so no write path can forget, and only once this till has
-- joined a chain (a `sync_state` row), never for what another till wrote (rows it made,
-- `origin`, and changes while they are applied here, `applying`). When an event is first sent, its row gets a global
-- id (`gid`: the row id in hex and 32 random bits) and the event its content (`payload`,
-- from the views below), which never changes after: a resend is byte for byte the same. Only
-- other tills' rows need an index on their gid: this till's own begin with their row id.

CREATE TABLE sync_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    till_id      TEXT NOT NULL,
    shop_id      TEXT NOT NULL,
    applying     INTEGER NOT NULL DEFAULT 0,
    cursor       INTEGER NOT NULL DEFAULT 0,   -- the central store's last event applied here
    sent_through INTEGER NOT NULL DEFAULT 0,   -- the outbox is answered up to this seq
    till_number  INTEGER,                      -- from the central store: new codes begin with it
    last_contact INTEGER,                      -- when the central store last answered
    offline_since INTEGER,                     -- first failed attempt since that answer
    last_error   TEXT
);

CREATE TABLE outbox (
    seq      INTEGER PRIMARY KEY,
    key      TEXT NOT NULL,                     -- unique: the time and 80 random bits
    kind     TEXT NOT NULL CHECK (kind IN ('customer', 'visit', 'points')),
    at       INTEGER NOT NULL,
    row_id   INTEGER NOT NULL,                  -- the row it describes, in its kind's table
    payload  TEXT,                              -- written when first sent
    sent_at  INTEGER,
    answer   TEXT CHECK (answer IN ('stored', 'duplicate', 'rejected'))
);

-- What applying another till's events could not do exactly (a spend beyond the points known
-- here, a phone already enrolled here), for `regulars sync status` and the merge list.
CREATE TABLE sync_problems (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    detail   TEXT NOT NULL
);

-- Redemptions asked of the central store and not recorded here yet. One left behind (a crash,
-- a lost answer) is given back to the central store by a later sync, so no points are lost.
CREATE TABLE holds_pending (
    key TEXT PRIMARY KEY,
    at  INTEGER NOT NULL
);

ALTER TABLE customers ADD COLUMN gid TEXT;
ALTER TABLE customers ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX customers_gid ON customers (gid) WHERE origin IS NOT NULL;
ALTER TABLE visits ADD COLUMN gid TEXT;
ALTER TABLE visits ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX visits_gid ON visits (gid) WHERE origin IS NOT NULL;
ALTER TABLE points_events ADD COLUMN gid TEXT;
ALTER TABLE points_events ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX points_events_gid ON points_events (gid) WHERE origin IS NOT NULL;
-- An online redemption's spend names the central store's hold that already took its points.
ALTER TABLE points_events ADD COLUMN hold TEXT;

-- The payloads, by row id. A spend names the lots it consumed, so every till takes the same
-- points from the same lots.
CREATE VIEW sync_customer AS
SELECT c.id, json_object(
    'gid', c.gid, 'code', c.code, 'referral_code', c.referral_code, 'name', c.name,
    'phone', c.phone, 'email', c.email, 'language', c.language, 'enrolled_at', c.enrolled_at,
    'erased_at', c.erased_at, 'shop', (SELECT shop_id FROM sync_state)) AS payload
FROM customers c;

CREATE VIEW sync_visit AS
SELECT v.id, json_object(
    'gid', v.gid, 'customer', (SELECT gid FROM customers WHERE id = v.customer_id),
    'at', v.at, 'amount', v.amount, 'receipt', v.receipt_no, 'points_earned', v.points_earned,
    'refunded', v.refunded, 'claimed_at', v.claimed_at,
    'shop', CASE WHEN v.origin IS NULL THEN (SELECT shop_id FROM sync_state) END) AS payload
FROM visits v;

CREATE VIEW sync_points AS
SELECT e.id, json_object(
    'gid', e.gid, 'customer', (SELECT gid FROM customers WHERE id = e.customer_id),
    'at', e.at, 'kind', e.kind, 'points', e.points, 'expires_at', e.expires_at,
    'visit', (SELECT gid FROM visits WHERE id = e.visit_id), 'reason', e.reason,
    'actor', e.actor, 'hold', e.hold,
    'lots', json((SELECT json_group_array(json_array(l.gid, a.points))
             FROM points_allocations a JOIN points_events l ON l.id = a.lot_id
             WHERE a.spend_id = e.id))) AS payload
FROM points_events e;

CREATE TRIGGER sync_customer_new AFTER INSERT ON customers
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'customer', NEW.enrolled_at,
            NEW.id);
END;

CREATE TRIGGER sync_customer_changed
AFTER UPDATE OF name, phone, email, language, erased_at ON customers
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'customer', CAST(strftime('%s', 'now') AS INTEGER),
            NEW.id);
END;

CREATE TRIGGER sync_visit_new AFTER INSERT ON visits
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'visit', NEW.at,
            NEW.id);
END;

CREATE TRIGGER sync_visit_changed AFTER UPDATE OF refunded, claimed_at, customer_id ON visits
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'visit', CAST(strftime('%s', 'now') AS INTEGER),
            NEW.id);
END;

CREATE TRIGGER sync_points_new AFTER INSERT ON points_events
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'points', NEW.at,
            NEW.id);
END;
