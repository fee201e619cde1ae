-- Regulars schema version 21: a short code for each receipt, printed under its QR, that opens
-- the same page from `{public_url}/c/{code}` when the QR will not scan. Receipts printed
-- before have none.

ALTER TABLE visits ADD COLUMN receipt_code TEXT;
CREATE UNIQUE INDEX visits_receipt_code ON visits (receipt_code) WHERE receipt_code IS NOT NULL;
