-- Regulars schema version 3: staff with PINs (salted, stretched hashes), for signing in at the
-- counter and for the owner's approval of large refunds.

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('cashier', 'owner')),
    pin_salt   BLOB NOT NULL,
    pin_hash   BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
