-- Messages to customers and the consent they rest on.
--
-- Consent is kept per customer and channel as a history: every giving and withdrawing with
-- its time, where it happened (the counter, a page, an import, an unsubscribe link, an SMS
-- STOP) and the exact words the customer was shown. The latest row of a channel is in force.
CREATE TABLE consents (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    given       INTEGER NOT NULL CHECK (given IN (0, 1)),
    at          INTEGER NOT NULL,
    source      TEXT NOT NULL
        CHECK (source IN ('counter', 'page', 'import', 'staff', 'unsubscribe', 'sms_stop')),
    wording     TEXT NOT NULL,
    language    TEXT,
    actor       TEXT,
    gid         TEXT,
    origin      TEXT
);
CREATE INDEX consents_customer ON consents (customer_id, channel, at, id);
CREATE UNIQUE INDEX consents_gid ON consents (gid) WHERE origin IS NOT NULL;

-- In a chain a consent travels to every till like a staff note, so the till the member
-- enrolled at (which sends them marketing) knows what they agreed to in any shop.
CREATE VIEW sync_consent AS
SELECT k.id, json_object(
    'gid', k.gid, 'customer', (SELECT gid FROM customers WHERE id = k.customer_id),
    'channel', k.channel, 'given', k.given, 'at', k.at, 'source', k.source,
    'wording', k.wording, 'language', k.language, 'actor', k.actor) AS payload
FROM consents k;

CREATE TRIGGER sync_consent_new AFTER INSERT ON consents
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'consent', NEW.at, NEW.id);
END;

-- The outbox: one row per message, its idempotency key unique, so a message is queued once
-- whatever retries the event that caused it. A marketing message's recipient is read when it
-- is sent (the customer's address then, if consent still holds); a ticket's message goes to
-- the contact given for that ticket. `claimed_until` keeps two senders off one message;
-- `state = 'sending'` is written just before the server is handed the message itself.
-- Every kind a message can be is listed in `domain::messages::Kind`.
CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    customer_id   INTEGER REFERENCES customers (id),
    ticket_id     INTEGER REFERENCES tickets (id),
    kind          TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient     TEXT,
    facts         TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    state         TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'unsure')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_at       INTEGER NOT NULL,
    claimed_until INTEGER NOT NULL DEFAULT 0,
    -- Why it did not go (yet): a code the owner reads in their language, what it is about,
    -- and the technical detail in the server's own words.
    problem       TEXT,
    problem_about TEXT,
    last_error    TEXT,
    state_at      INTEGER NOT NULL,
    sent_at       INTEGER,
    sent_to       TEXT,
    language      TEXT,
    subject       TEXT,
    body          TEXT
);
CREATE INDEX messages_due ON messages (next_at) WHERE state = 'queued';
CREATE INDEX messages_customer ON messages (customer_id, id);
CREATE INDEX messages_ticket ON messages (ticket_id) WHERE ticket_id IS NOT NULL;
