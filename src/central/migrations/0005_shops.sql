-- Regulars central schema version 5: each shop's name, as its tills last said it (their
-- `[shop] name`), so the chain's page servers name the shop a receipt came from; and the
-- address each page server's pages open at, so a till whose receipts carry an address that
-- only opens in the shop can say where the chain's pages open from anywhere.

CREATE TABLE shops (
    shop_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
);

CREATE TABLE page_servers (
    till_id TEXT PRIMARY KEY,
    url     TEXT NOT NULL
);
