-- Regulars schema version 9: who is who across the chain.
--
-- * Each till's database has its own random `instance`, which the central store ties to the
--   till id at the first sync: a second database calling itself the same till is refused.
-- * Two cards of one person (the same phone enrolled offline at two shops) are merged: the
--   card that goes keeps its rows' history but points to the customer it became
--   (`merged_into`); its visits, points, vouchers, tickets and notes move to that customer.
--   The merge travels to the other tills as the gone card's customer event.
-- * A visit another till made keeps the number on its receipt (`origin_receipt`: the till's
--   receipt number, or `V<id>` for a counter sale), so it can be refunded in any shop.
-- * The merge list: pairs of customers found to share a phone or email, by id.
-- * Ratings, tickets and staff notes are events of the chain too (below).

ALTER TABLE sync_state ADD COLUMN instance TEXT;
UPDATE sync_state SET instance = lower(hex(randomblob(16)));

ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers (id);

-- * Receipt QR codes signed with the chain's secret name the visit chain-wide (the till's
--   number and its visit id, `origin_token` on other tills), so any shop's pages open them.
ALTER TABLE sync_state ADD COLUMN chain_secret TEXT;
ALTER TABLE visits ADD COLUMN origin_token INTEGER;
CREATE UNIQUE INDEX visits_origin_token ON visits (origin_token) WHERE origin_token IS NOT NULL;

ALTER TABLE visits ADD COLUMN origin_receipt TEXT;
CREATE INDEX visits_origin_receipt ON visits (origin_receipt) WHERE origin_receipt IS NOT NULL;

ALTER TABLE sync_problems ADD COLUMN customer_a INTEGER;
ALTER TABLE sync_problems ADD COLUMN customer_b INTEGER;

DROP VIEW sync_customer;
CREATE VIEW sync_customer AS
SELECT c.id, json_object(
    'gid', c.gid, 'code', c.code, 'referral_code', c.referral_code, 'name', c.name,
    'phone', c.phone, 'email', c.email, 'language', c.language, 'enrolled_at', c.enrolled_at,
    'erased_at', c.erased_at, 'shop', (SELECT shop_id FROM sync_state),
    'merged_into', (SELECT gid FROM customers m WHERE m.id = c.merged_into)) AS payload
FROM customers c;

DROP VIEW sync_visit;
CREATE VIEW sync_visit AS
SELECT v.id, json_object(
    'gid', v.gid, 'customer', (SELECT gid FROM customers WHERE id = v.customer_id),
    'at', v.at, 'amount', v.amount, 'receipt', v.receipt_no, 'points_earned', v.points_earned,
    'refunded', v.refunded, 'claimed_at', v.claimed_at,
    'label', COALESCE(v.origin_receipt, v.receipt_no, 'V' || v.id),
    'token_id', COALESCE(v.origin_token, CASE WHEN v.origin IS NULL AND v.id < 1073741824
        THEN ((SELECT till_number FROM sync_state) << 30) | v.id END),
    'shop', CASE WHEN v.origin IS NULL THEN (SELECT shop_id FROM sync_state) END) AS payload
FROM visits v;

-- Ratings, tickets with their history, and staff notes travel to every till too, so a
-- customer's timeline is whole in every shop. A rating is the visit's: it is named by the
-- visit's global id. The outbox is rebuilt to take the new kinds, and the triggers that
-- write to it (version 8's, unchanged) with it.
DROP TRIGGER sync_customer_new;
DROP TRIGGER sync_customer_changed;
DROP TRIGGER sync_visit_new;
DROP TRIGGER sync_visit_changed;
DROP TRIGGER sync_points_new;
CREATE TABLE outbox_new (
    seq      INTEGER PRIMARY KEY,
    key      TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('customer', 'visit', 'points', 'rating', 'ticket',
                                           'ticket_event', 'note', 'refund')),
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

ALTER TABLE tickets ADD COLUMN gid TEXT;
ALTER TABLE tickets ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX tickets_gid ON tickets (gid) WHERE origin IS NOT NULL;
ALTER TABLE ticket_events ADD COLUMN gid TEXT;
ALTER TABLE ticket_events ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX ticket_events_gid ON ticket_events (gid) WHERE origin IS NOT NULL;
ALTER TABLE customer_notes ADD COLUMN gid TEXT;
ALTER TABLE customer_notes ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX customer_notes_gid ON customer_notes (gid) WHERE origin IS NOT NULL;

CREATE VIEW sync_rating AS
SELECT r.visit_id AS id, json_object(
    'visit', (SELECT gid FROM visits WHERE id = r.visit_id), 'stars', r.stars,
    'comment', r.comment, 'first_at', r.first_at, 'updated_at', r.updated_at) AS payload
FROM ratings r;

CREATE VIEW sync_ticket AS
SELECT t.id, json_object(
    'gid', t.gid, 'customer', (SELECT gid FROM customers WHERE id = t.customer_id),
    'visit', (SELECT gid FROM visits WHERE id = t.visit_id), 'opened_at', t.opened_at,
    'channel', t.channel, 'problem', t.problem, 'summary', t.summary,
    'contact_via', t.contact_via, 'contact', t.contact, 'severity', t.severity,
    'status', t.status, 'status_at', t.status_at, 'resolved_at', t.resolved_at,
    'actor', t.actor) AS payload
FROM tickets t;

CREATE VIEW sync_ticket_event AS
SELECT e.id, json_object(
    'gid', e.gid, 'ticket', (SELECT gid FROM tickets WHERE id = e.ticket_id), 'at', e.at,
    'kind', e.kind, 'body', e.body, 'actor', e.actor) AS payload
FROM ticket_events e;

CREATE VIEW sync_note AS
SELECT n.id, json_object(
    'gid', n.gid, 'customer', (SELECT gid FROM customers WHERE id = n.customer_id),
    'at', n.at, 'body', n.body, 'actor', n.actor) AS payload
FROM customer_notes n;

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

-- A refund on a chain's till takes its points back once the central store has said how many
-- are left across the chain (other shops may be spending the same balance): until then the
-- reversal is pending.
ALTER TABLE refunds ADD COLUMN reversal_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX refunds_pending ON refunds (id) WHERE reversal_pending = 1;

-- Each refund is an event of its own (a visit's refunded amount is the sum of its refunds,
-- wherever they were made: two shops refunding parts of one sale while apart add up, capped
-- at the sale's amount). A refund another till made has no points of its own here: its
-- points reversal arrives as that till's points event.
ALTER TABLE refunds ADD COLUMN gid TEXT;
ALTER TABLE refunds ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX refunds_gid ON refunds (gid) WHERE origin IS NOT NULL;

CREATE VIEW sync_refund AS
SELECT r.id, json_object(
    'gid', r.gid, 'visit', (SELECT gid FROM visits WHERE id = r.visit_id), 'at', r.at,
    'amount', r.amount, 'actor', r.actor) AS payload
FROM refunds r;

CREATE TRIGGER sync_refund_new AFTER INSERT ON refunds
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'refund', NEW.at, NEW.id);
END;
