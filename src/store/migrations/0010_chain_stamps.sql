-- Stamp cards count across the chain: a visit's event says whether it put a stamp on the
-- card, and a reward paid with a stamp-card voucher is an event of its own ('voucher'), so
-- every till holds the same vouchers for a customer and knows which are used. The outbox is
-- rebuilt once more, this time without a list of kinds in its schema (the kinds are those
-- `store::sync` knows), so a later kind needs no rebuild; the triggers that write to it are
-- version 9's, unchanged, dropped and made again because SQLite will not rename a table
-- under triggers that name it.
-- A customer's details (name, phone, email, language) changed at two tills while apart: the
-- change stamped later wins at every till, whatever order they arrive in. Each change here
-- is stamped after the one it replaces, so a till whose clock is behind cannot lose it.
ALTER TABLE customers ADD COLUMN details_at INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER customer_details_at AFTER UPDATE OF name, phone, email, language ON customers
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    UPDATE customers SET details_at = MAX(CAST(strftime('%s', 'now') AS INTEGER),
                                          OLD.details_at + 1)
    WHERE id = NEW.id;
END;

DROP VIEW sync_customer;
CREATE VIEW sync_customer AS
SELECT c.id, json_object(
    'gid', c.gid, 'code', c.code, 'referral_code', c.referral_code, 'name', c.name,
    'phone', c.phone, 'email', c.email, 'language', c.language, 'enrolled_at', c.enrolled_at,
    'erased_at', c.erased_at, 'shop', (SELECT shop_id FROM sync_state),
    'merged_into', (SELECT gid FROM customers m WHERE m.id = c.merged_into),
    'details_at', c.details_at) AS payload
FROM customers c;

ALTER TABLE redemptions ADD COLUMN gid TEXT;
ALTER TABLE redemptions ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX redemptions_gid ON redemptions (gid) WHERE origin IS NOT NULL;

DROP VIEW sync_visit;
CREATE VIEW sync_visit AS
SELECT v.id, json_object(
    'gid', v.gid, 'customer', (SELECT gid FROM customers WHERE id = v.customer_id),
    'at', v.at, 'amount', v.amount, 'receipt', v.receipt_no, 'points_earned', v.points_earned,
    'refunded', v.refunded, 'claimed_at', v.claimed_at,
    'stamped', json(CASE WHEN v.stamped THEN 'true' ELSE 'false' END),
    'label', COALESCE(v.origin_receipt, v.receipt_no, 'V' || v.id),
    'token_id', COALESCE(v.origin_token, CASE WHEN v.origin IS NULL AND v.id < 1073741824
        THEN ((SELECT till_number FROM sync_state) << 30) | v.id END),
    'shop', CASE WHEN v.origin IS NULL THEN (SELECT shop_id FROM sync_state) END) AS payload
FROM visits v;

CREATE VIEW sync_voucher AS
SELECT r.id, json_object(
    'gid', r.gid, 'customer', (SELECT gid FROM customers WHERE id = r.customer_id),
    'at', r.at, 'reward', r.reward_id, 'reward_name', r.reward_name, 'actor', r.actor) AS payload
FROM redemptions r WHERE r.voucher_id IS NOT NULL;
DROP TRIGGER sync_customer_new;
DROP TRIGGER sync_customer_changed;
DROP TRIGGER sync_visit_new;
DROP TRIGGER sync_visit_changed;
DROP TRIGGER sync_points_new;
DROP TRIGGER sync_rating_new;
DROP TRIGGER sync_rating_changed;
DROP TRIGGER sync_ticket_new;
DROP TRIGGER sync_ticket_changed;
DROP TRIGGER sync_ticket_event_new;
DROP TRIGGER sync_note_new;
DROP TRIGGER sync_refund_new;
CREATE TABLE outbox_new (
    seq      INTEGER PRIMARY KEY,
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL,
    at       INTEGER NOT NULL,
    row_id   INTEGER NOT NULL,
    payload  TEXT,
    sent_at  INTEGER,
    answer   TEXT CHECK (answer IN ('stored', 'duplicate', 'rejected'))
);
INSERT INTO outbox_new SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

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

CREATE TRIGGER sync_visit_changed AFTER UPDATE OF claimed_at, customer_id ON visits
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

CREATE TRIGGER sync_rating_new AFTER INSERT ON ratings
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'rating', NEW.updated_at, NEW.visit_id);
END;

CREATE TRIGGER sync_rating_changed AFTER UPDATE OF stars, comment ON ratings
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'rating', NEW.updated_at, NEW.visit_id);
END;

CREATE TRIGGER sync_ticket_new AFTER INSERT ON tickets
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'ticket', NEW.opened_at, NEW.id);
END;

CREATE TRIGGER sync_ticket_changed
AFTER UPDATE OF status, customer_id, summary, contact ON tickets
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'ticket', NEW.status_at, NEW.id);
END;

CREATE TRIGGER sync_ticket_event_new AFTER INSERT ON ticket_events
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'ticket_event', NEW.at, NEW.id);
END;

CREATE TRIGGER sync_note_new AFTER INSERT ON customer_notes
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'note', NEW.at, NEW.id);
END;

CREATE TRIGGER sync_refund_new AFTER INSERT ON refunds
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'refund', NEW.at, NEW.id);
END;

CREATE TRIGGER sync_voucher_new AFTER INSERT ON redemptions
WHEN NEW.voucher_id IS NOT NULL AND NEW.origin IS NULL
     AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'voucher', NEW.at, NEW.id);
END;
