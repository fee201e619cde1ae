-- Birthday, enrolment-anniversary and welcome-back rewards. A birthday is day and month only, kept only
-- with the customer's consent (when and where it was given). A voucher now has a kind: the
-- stamp card's, or an occasion's, which is given once a year (`year`) and can be used until
-- `valid_until`. A voucher's use in another shop names its kind and year.
ALTER TABLE customers ADD COLUMN birthday TEXT;            -- 'MM-DD'
ALTER TABLE customers ADD COLUMN birthday_consent_at INTEGER;
ALTER TABLE customers ADD COLUMN birthday_source TEXT;     -- counter, page, import
CREATE INDEX customers_birthday ON customers (birthday) WHERE birthday IS NOT NULL;

ALTER TABLE vouchers ADD COLUMN kind TEXT NOT NULL DEFAULT 'stamps'
    CHECK (kind IN ('stamps', 'birthday', 'anniversary', 'welcome_back'));
ALTER TABLE vouchers ADD COLUMN year INTEGER;
ALTER TABLE vouchers ADD COLUMN valid_until INTEGER;
CREATE UNIQUE INDEX vouchers_occasion ON vouchers (customer_id, kind, year)
    WHERE kind <> 'stamps';

DROP VIEW sync_voucher;
CREATE VIEW sync_voucher AS
SELECT r.id, json_object(
    'gid', r.gid, 'customer', (SELECT gid FROM customers WHERE id = r.customer_id),
    'at', r.at, 'reward', r.reward_id, 'reward_name', r.reward_name, 'actor', r.actor,
    'kind', v.kind, 'year', v.year, 'valid_until', v.valid_until) AS payload
FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id;

-- A birthday reaches every till of the chain like the other details: the later change wins.
DROP TRIGGER sync_customer_changed;
CREATE TRIGGER sync_customer_changed
AFTER UPDATE OF name, phone, email, language, erased_at, birthday ON customers
WHEN EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'customer', CAST(strftime('%s', 'now') AS INTEGER),
            NEW.id);
END;

DROP TRIGGER customer_details_at;
CREATE TRIGGER customer_details_at
AFTER UPDATE OF name, phone, email, language, birthday ON customers
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
    'details_at', c.details_at, 'birthday', c.birthday,
    'birthday_consent_at', c.birthday_consent_at, 'birthday_source', c.birthday_source) AS payload
FROM customers c;
