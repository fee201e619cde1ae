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

ALTER TABLE sync_state ADD COLUMN instance TEXT;
UPDATE sync_state SET instance = lower(hex(randomblob(16)));

ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers (id);

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
    'shop', CASE WHEN v.origin IS NULL THEN (SELECT shop_id FROM sync_state) END) AS payload
FROM visits v;
