-- Regulars central schema version 1: the chain's events, in the order the central store
-- took them (seq, the tills' cursor), each under its global idempotency key; events refused
-- because their key was taken by other content; and each till's last contact.
-- Kept to SQL that PostgreSQL-compatible distributed engines also accept.

CREATE TABLE events (
    seq         BIGSERIAL PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    shop_id     TEXT NOT NULL,
    till_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          BIGINT NOT NULL,
    payload     TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX events_till ON events (till_id, seq);

CREATE TABLE rejected (
    id          BIGSERIAL PRIMARY KEY,
    key         TEXT NOT NULL,
    till_id     TEXT NOT NULL,
    payload     TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tills (
    till_id      TEXT PRIMARY KEY,
    shop_id      TEXT NOT NULL,
    last_contact TIMESTAMPTZ NOT NULL,
    cursor       BIGINT NOT NULL,
    to_send      BIGINT NOT NULL,
    oldest_unsent BIGINT
);
