-- Regulars central schema version 3: a number for each till (1 to 1023), handed out when it
-- first syncs. The first two characters of the card codes a till makes are its number, so
-- two tills never make the same code, offline or not.

CREATE TABLE till_numbers (
    till_id TEXT PRIMARY KEY,
    number  INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 1023)
);
