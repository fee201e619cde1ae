-- Regulars central schema version 4: who is who across the chain.
--
-- * Each till's database has a random instance id; the first one to sync as a till id owns
--   it, and another database using the same till id is refused (two tills would otherwise
--   mix their events and card codes).
-- * The chain's secret, which signs receipt QR codes so any shop's customer pages open any
--   shop's receipts (written once by `regulars central init`, handed to each till at sync).
-- * Merged cards are one customer, counted under the smallest id among them (`kept`; each
--   other card, `gone`, points straight at it), whatever order the merges arrive in: points
--   sent later for any of the cards, by tills that had not heard of the merge, count there.

ALTER TABLE till_numbers ADD COLUMN instance TEXT;

CREATE TABLE merges (
    gone TEXT PRIMARY KEY,
    kept TEXT NOT NULL
);

CREATE TABLE chain (
    secret TEXT NOT NULL      -- 64 hex digits
);

-- A refund's points reversal is a hold too, naming its sale: the reversals of one sale, from
-- every shop, never take back more than the sale earned.
ALTER TABLE holds ADD COLUMN visit TEXT;
CREATE INDEX holds_visit ON holds (visit) WHERE visit IS NOT NULL;
