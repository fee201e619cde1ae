-- Regulars central schema version 4: who is who across the chain.
--
-- * Each till's database has a random instance id; the first one to sync as a till id owns
--   it, and another database using the same till id is refused (two tills would otherwise
--   mix their events and card codes).
-- * A merged card (`gone`) leads to the customer it became (`kept`): its points are that
--   customer's, also those sent later by tills that had not heard of the merge yet.

ALTER TABLE till_numbers ADD COLUMN instance TEXT;

CREATE TABLE merges (
    gone TEXT PRIMARY KEY,
    kept TEXT NOT NULL
);
