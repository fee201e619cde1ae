-- Regulars schema version 25: switching from another system. Before this script runs, the
-- ledger's check is widened to take opening balances, kind 'opening' (see `WIDENED` in
-- store/mod.rs).
--
-- An import is a batch, named by the SHA-256 of the file's bytes: the same file imported again
-- finds its batch and changes nothing. What each row brings (an opening balance, opening
-- stamps) is keyed by the row's own fingerprint, so a corrected copy of a file credits the rows
-- that were already in once.
CREATE TABLE import_batches (
    id        INTEGER PRIMARY KEY,
    digest    TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    format    TEXT NOT NULL,
    actor     TEXT NOT NULL,
    at        INTEGER NOT NULL,
    created   INTEGER NOT NULL DEFAULT 0,
    matched   INTEGER NOT NULL DEFAULT 0,
    skipped   INTEGER NOT NULL DEFAULT 0,
    points    INTEGER NOT NULL DEFAULT 0,
    stamps    INTEGER NOT NULL DEFAULT 0
);

-- The batch an opening balance came with (the file's name is the event's reason, who imported
-- it its actor).
ALTER TABLE points_events ADD COLUMN batch_id INTEGER REFERENCES import_batches (id);

-- Stamps a customer had before Regulars: from an import, or from the paper card they show at
-- the counter (once per member). They count on the stamp card like stamped visits.
CREATE TABLE opening_stamps (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    at          INTEGER NOT NULL,
    stamps      INTEGER NOT NULL CHECK (stamps > 0),
    source      TEXT NOT NULL CHECK (source IN ('import', 'paper')),
    key         TEXT NOT NULL UNIQUE,
    batch_id    INTEGER REFERENCES import_batches (id),
    actor       TEXT,
    approved_by TEXT,
    gid         TEXT,
    origin      TEXT
);
CREATE INDEX opening_stamps_customer ON opening_stamps (customer_id);
CREATE UNIQUE INDEX opening_stamps_gid ON opening_stamps (gid) WHERE origin IS NOT NULL;

-- The calling code the customers' phones were last brought to (store/people/phones.rs): the
-- phones kept as bare digits are read again only when the shop's code changes, not at every
-- start.
CREATE TABLE phone_form (country_code TEXT NOT NULL);

-- In a chain opening stamps travel to every till like a stamped visit (an opening balance is
-- a points event and travels as one).
CREATE VIEW sync_opening_stamps AS
SELECT o.id, json_object(
    'gid', o.gid, 'customer', (SELECT gid FROM customers WHERE id = o.customer_id),
    'at', o.at, 'stamps', o.stamps, 'source', o.source, 'key', o.key, 'actor', o.actor,
    'approved_by', o.approved_by) AS payload
FROM opening_stamps o;

CREATE TRIGGER sync_opening_stamps_new AFTER INSERT ON opening_stamps
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'opening_stamps', NEW.at, NEW.id);
END;
