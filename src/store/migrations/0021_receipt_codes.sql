-- Regulars schema version 21: a short code for each receipt, printed under its QR, that opens
-- the same page from `{public_url}/c/{code}` when the QR will not scan. Receipts printed
-- before have none.

ALTER TABLE visits ADD COLUMN receipt_code TEXT;
CREATE UNIQUE INDEX visits_receipt_code ON visits (receipt_code) WHERE receipt_code IS NOT NULL;

-- The code travels with the visit to every till of the chain (and its page servers), so it
-- opens the receipt's page wherever the customer types it.
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
    'shop', CASE WHEN v.origin IS NULL THEN (SELECT shop_id FROM sync_state) END,
    'receipt_code', v.receipt_code) AS payload
FROM visits v;
