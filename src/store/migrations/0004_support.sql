-- Regulars schema version 4: what happens after the visit. Ratings (one per visit), support
-- tickets with their history, staff notes on customers, and claims of anonymous receipts.
-- Everything references the visit where one is known, so support history joins back to it.

CREATE TABLE ratings (
    visit_id   INTEGER PRIMARY KEY REFERENCES visits (id),
    stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment    TEXT,
    first_at   INTEGER NOT NULL,             -- changes are allowed for 7 days after this
    updated_at INTEGER NOT NULL
);

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER REFERENCES customers (id),  -- NULL for an anonymous receipt's visit
    visit_id        INTEGER REFERENCES visits (id),     -- NULL when not about one purchase
    opened_at       INTEGER NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('portal', 'rating', 'counter', 'phone', 'email')),
    problem         TEXT,
    summary         TEXT NOT NULL,
    contact_via     TEXT CHECK (contact_via IN ('phone', 'email', 'sms', 'in_store')),
    contact         TEXT,                               -- how to reach them, when they gave it
    severity        INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
    status          TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'resolved', 'confirmed')),
    status_at       INTEGER NOT NULL,
    resolved_at     INTEGER,
    idempotency_key TEXT UNIQUE,
    actor           TEXT
);
CREATE INDEX tickets_customer ON tickets (customer_id, opened_at);
CREATE INDEX tickets_visit ON tickets (visit_id);
CREATE INDEX tickets_status ON tickets (status, status_at);

CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at        INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'waiting', 'resolved', 'confirmed', 'reopened')),
    body      TEXT,
    actor     TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);

CREATE TABLE customer_notes (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    at          INTEGER NOT NULL,
    body        TEXT NOT NULL,
    actor       TEXT
);
CREATE INDEX customer_notes_customer ON customer_notes (customer_id, at);

-- Set when an anonymous receipt's points were claimed from its page (once per receipt).
ALTER TABLE visits ADD COLUMN claimed_at INTEGER;
