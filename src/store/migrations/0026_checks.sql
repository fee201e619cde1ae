-- Regulars schema version 26: checks on what does not add up (loyalty fraud and mistakes).
--
-- A member of staff may have a loyalty card of their own: points it earns from sales they rang
-- up themselves are an alert.
ALTER TABLE staff ADD COLUMN card_id INTEGER REFERENCES customers (id);

-- An alert is raised once: `bucket` names the check, whom it is about and the day, week or
-- event it belongs to; a later event of the same bucket joins the alert (alert_events) and
-- brings its finding up to date. `finding` is the domain's `Finding` as JSON: the figures the
-- owner's words are made of. Acknowledged alerts keep who acknowledged them and their note.
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('busy_card', 'own_card', 'adjustments',
                    'refund_after_redeem', 'claims', 'split_sales', 'after_hours',
                    'referral_burst')),
    bucket      TEXT NOT NULL UNIQUE,
    customer_id INTEGER REFERENCES customers (id),
    staff       TEXT,
    at          INTEGER NOT NULL,       -- the event that raised it
    last_at     INTEGER NOT NULL,       -- the latest event that joined it
    finding     TEXT NOT NULL,
    acked_at    INTEGER,
    acked_by    TEXT,
    note        TEXT,
    emailed_at  INTEGER,                -- sent in the owner's daily summary
    events      INTEGER NOT NULL DEFAULT 0  -- how many rows of alert_events it has
);
CREATE INDEX alerts_open ON alerts (at) WHERE acked_at IS NULL;
CREATE INDEX alerts_at ON alerts (at);

-- The events behind an alert: 'visit:ID' (a sale), 'claim:ID' (a receipt claimed later),
-- 'redemption:ID', 'points:ID' (an adjustment), 'refund:ID', 'referral:ID'.
CREATE TABLE alert_events (
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    event    TEXT NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (alert_id, event)
) WITHOUT ROWID;

-- A card's transactions in a day, and a contact's claims in a week, are counted from these.
CREATE INDEX redemptions_customer_at ON redemptions (customer_id, at);
CREATE INDEX visits_claimed ON visits (customer_id, claimed_at) WHERE claimed_at IS NOT NULL;
CREATE INDEX points_events_adjust ON points_events (actor, at) WHERE kind = 'adjust';
CREATE INDEX referrals_referrer_at ON referrals (referrer_id, at);
-- A refunded sale's points spent on rewards: the spends of its earn lot, and their rewards.
CREATE INDEX points_allocations_lot ON points_allocations (lot_id);
CREATE INDEX redemptions_event ON redemptions (event_id) WHERE event_id IS NOT NULL;

-- In a chain each shop's alerts are its own: a till sends its alerts (when raised, and again
-- when acknowledged) so the chain's view lists every shop's; other tills do not take them in.
ALTER TABLE alerts ADD COLUMN gid TEXT;
ALTER TABLE alerts ADD COLUMN origin TEXT;

CREATE VIEW sync_alert AS
SELECT a.id, json_object(
    'gid', a.gid, 'kind', a.kind, 'bucket', a.bucket,
    'customer', (SELECT gid FROM customers WHERE id = a.customer_id),
    'card', (SELECT code FROM customers WHERE id = a.customer_id),
    'name', (SELECT name FROM customers WHERE id = a.customer_id),
    'staff', a.staff, 'at', a.at, 'last_at', a.last_at, 'finding', json(a.finding),
    'events', json((SELECT json_group_array(event) FROM
        (SELECT event FROM alert_events WHERE alert_id = a.id ORDER BY at, event))),
    'acked_at', a.acked_at, 'acked_by', a.acked_by, 'note', a.note) AS payload
FROM alerts a;

CREATE TRIGGER sync_alert_new AFTER INSERT ON alerts
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'alert', NEW.at, NEW.id);
END;

CREATE TRIGGER sync_alert_acked AFTER UPDATE OF acked_at ON alerts
WHEN OLD.acked_at IS NULL AND NEW.acked_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'alert', NEW.acked_at, NEW.id);
END;
