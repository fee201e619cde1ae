-- Regulars schema version 8: this till as one of a chain's (see `regulars central init`).
--
-- Every row other tills must see gets a global id (`gid`, random, so a till restored from a
-- backup never reuses one) and, in the same transaction as the write, an outbox row with a
-- random idempotency key; triggers write both, so no write path can forget. They fire only
-- once this till has joined a chain (a `sync_state` row) and never for rows another till
-- wrote (`applying`, set while those are applied here). `origin` names the till a row came
-- from (NULL: this one).

CREATE TABLE sync_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    till_id      TEXT NOT NULL,
    shop_id      TEXT NOT NULL,
    applying     INTEGER NOT NULL DEFAULT 0,
    cursor       INTEGER NOT NULL DEFAULT 0,   -- the central store's last event applied here
    last_contact INTEGER,                      -- when the central store last answered
    offline_since INTEGER,                     -- first failed attempt since that answer
    last_error   TEXT
);

CREATE TABLE outbox (
    seq      INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL,
    at       INTEGER NOT NULL,
    payload  TEXT NOT NULL,
    ref      TEXT,                              -- the gid of the row it describes
    sent_at  INTEGER,
    answer   TEXT CHECK (answer IN ('stored', 'duplicate', 'rejected'))
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_ref ON outbox (ref) WHERE sent_at IS NULL;

-- What applying another till's events could not do exactly (a spend beyond the points known
-- here, a phone already enrolled here), for `regulars sync status` and the merge list.
CREATE TABLE sync_problems (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    detail   TEXT NOT NULL
);

ALTER TABLE customers ADD COLUMN gid TEXT;
ALTER TABLE customers ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX customers_gid ON customers (gid);
ALTER TABLE visits ADD COLUMN gid TEXT;
ALTER TABLE visits ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX visits_gid ON visits (gid);
ALTER TABLE points_events ADD COLUMN gid TEXT;
ALTER TABLE points_events ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX points_events_gid ON points_events (gid);
-- An online redemption's spend names the central store's hold that already took its points.
ALTER TABLE points_events ADD COLUMN hold TEXT;

-- The payloads, one place for the triggers and for a till's first sync (its whole history).
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
    'shop', COALESCE(v.origin, (SELECT shop_id FROM sync_state))) AS payload
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
WHEN NEW.gid IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    UPDATE customers SET gid = lower(hex(randomblob(8))) WHERE id = NEW.id;
    INSERT INTO outbox (key, kind, at, payload)
    SELECT lower(hex(randomblob(16))), 'customer', NEW.enrolled_at, payload
    FROM sync_customer WHERE id = NEW.id;
END;

CREATE TRIGGER sync_customer_changed
AFTER UPDATE OF name, phone, email, language, erased_at ON customers
WHEN NEW.gid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, payload)
    SELECT lower(hex(randomblob(16))), 'customer', CAST(strftime('%s', 'now') AS INTEGER), payload
    FROM sync_customer WHERE id = NEW.id;
END;

CREATE TRIGGER sync_visit_new AFTER INSERT ON visits
WHEN NEW.gid IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    UPDATE visits SET gid = lower(hex(randomblob(8))) WHERE id = NEW.id;
    INSERT INTO outbox (key, kind, at, payload)
    SELECT lower(hex(randomblob(16))), 'visit', NEW.at, payload FROM sync_visit WHERE id = NEW.id;
END;

CREATE TRIGGER sync_visit_changed AFTER UPDATE OF refunded, claimed_at, customer_id ON visits
WHEN NEW.gid IS NOT NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, payload)
    SELECT lower(hex(randomblob(16))), 'visit', CAST(strftime('%s', 'now') AS INTEGER), payload
    FROM sync_visit WHERE id = NEW.id;
END;

CREATE TRIGGER sync_points_new AFTER INSERT ON points_events
WHEN NEW.gid IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    UPDATE points_events SET gid = lower(hex(randomblob(8))) WHERE id = NEW.id;
    INSERT INTO outbox (key, kind, at, payload, ref)
    SELECT lower(hex(randomblob(16))), 'points', NEW.at, payload,
           (SELECT gid FROM points_events WHERE id = NEW.id)
    FROM sync_points WHERE id = NEW.id;
END;

-- A spend names the lots it consumed, so every till takes the same points from the same lots.
CREATE TRIGGER sync_points_lot AFTER INSERT ON points_allocations
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    UPDATE outbox SET payload = json_set(payload, '$.lots', json(
        (SELECT json_group_array(json_array(l.gid, a.points))
         FROM points_allocations a JOIN points_events l ON l.id = a.lot_id
         WHERE a.spend_id = NEW.spend_id)))
    WHERE sent_at IS NULL AND ref = (SELECT gid FROM points_events WHERE id = NEW.spend_id);
END;

CREATE TRIGGER sync_points_hold AFTER UPDATE OF hold ON points_events
WHEN NEW.gid IS NOT NULL
BEGIN
    UPDATE outbox SET payload = json_set(payload, '$.hold', NEW.hold)
    WHERE sent_at IS NULL AND ref = NEW.gid;
END;
