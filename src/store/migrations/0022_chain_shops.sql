-- Regulars schema version 22: which shop each of the chain's other tills belongs to, and each
-- shop's name, from the central store, so a receipt's page (at a page server, or any till)
-- names the shop that printed it rather than the one serving the page; and where the chain's
-- page servers open, for a till whose own address only opens in the shop.

CREATE TABLE chain_tills (
    till_id TEXT PRIMARY KEY,
    shop_id TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE chain_shops (
    shop_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE chain_page_servers (
    url TEXT PRIMARY KEY
) WITHOUT ROWID;

-- A till's outbox keeps every event it ever sent; its rejected ones are counted at every sync
-- (and every sale sent at once) without reading them all.
CREATE INDEX outbox_rejected ON outbox (seq) WHERE answer = 'rejected';
