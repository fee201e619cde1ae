-- Regulars central schema version 5: each shop's name, as its tills last said it (their
-- `[shop] name`), so the chain's page servers name the shop a receipt came from.

CREATE TABLE shops (
    shop_id TEXT PRIMARY KEY,
    name    TEXT NOT NULL
);
