-- Regulars schema version 24: the customer's own messaging apps (WhatsApp, Viber, Telegram,
-- Messenger). Before this script runs, the checks on consents, messages and tickets are widened
-- to take the four apps, and ticket events to take "open" (a ticket waiting on the customer,
-- open again when they answer) (see `WIDENED` in store/mod.rs).
--
-- A member links a chat with the shop from their visit page: the button carries a one-time
-- code, the app brings it back with the chat's id (a Telegram chat, a Viber user, a Messenger
-- page-scoped id, a WhatsApp number). A live link is the member's address on that app; a code
-- links once (`code` is unique, kept after the link ends). `last_heard_at` is the customer's
-- last message in the chat: WhatsApp's and Messenger's 24-hour windows count from it.
CREATE TABLE chat_links (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    channel       TEXT NOT NULL CHECK (channel IN ('whatsapp', 'viber', 'telegram', 'messenger')),
    chat          TEXT NOT NULL,
    code          TEXT NOT NULL UNIQUE,
    linked_at     INTEGER NOT NULL,
    -- Ended: the customer blocked the bot, unsubscribed, linked the chat to another card, or
    -- was erased.
    unlinked_at   INTEGER,
    unlinked_why  TEXT,
    last_heard_at INTEGER,
    gid           TEXT,
    origin        TEXT
);
CREATE UNIQUE INDEX chat_links_gid ON chat_links (gid) WHERE origin IS NOT NULL;
CREATE UNIQUE INDEX chat_links_live_chat ON chat_links (channel, chat) WHERE unlinked_at IS NULL;
CREATE UNIQUE INDEX chat_links_live_member ON chat_links (customer_id, channel)
    WHERE unlinked_at IS NULL;

-- In a chain a link travels to every till like a consent: the machine that hears from the app
-- (a till, or the page server behind the public address) links the chat, and the member's
-- home till, which sends them reward news, has the address. Its end travels too, whichever
-- till saw it. (What the member wrote travels as the ticket's events.)
CREATE VIEW sync_chat_link AS
SELECT l.id, json_object(
    'gid', l.gid, 'customer', (SELECT gid FROM customers WHERE id = l.customer_id),
    'channel', l.channel, 'chat', l.chat, 'code', l.code, 'linked_at', l.linked_at,
    'unlinked_at', l.unlinked_at, 'unlinked_why', l.unlinked_why,
    'last_heard_at', l.last_heard_at) AS payload
FROM chat_links l;

CREATE TRIGGER sync_chat_link_new AFTER INSERT ON chat_links
WHEN NEW.origin IS NULL AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'chat_link', NEW.linked_at, NEW.id);
END;

CREATE TRIGGER sync_chat_link_ended AFTER UPDATE OF unlinked_at ON chat_links
WHEN OLD.unlinked_at IS NULL AND NEW.unlinked_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM sync_state WHERE applying = 0)
BEGIN
    INSERT INTO outbox (key, kind, at, row_id)
    VALUES (printf('%011x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
            || lower(hex(randomblob(10))), 'chat_link', NEW.unlinked_at, NEW.id);
END;

-- What customers wrote in their chats, each once (the platform's own message id is the key, so
-- a webhook delivered again is recorded once), with the ticket it went to. A message from a
-- chat linked to no one is kept for the owner with no customer, never matched by guess.
CREATE TABLE chat_inbound (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    platform_id TEXT NOT NULL,
    chat        TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers (id),
    ticket_id   INTEGER REFERENCES tickets (id),
    at          INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (channel, platform_id)
);
CREATE INDEX chat_inbound_unknown ON chat_inbound (at) WHERE customer_id IS NULL;

-- Where the till's long polling of a platform stands (Telegram's `getUpdates` offset).
CREATE TABLE chat_polls (
    channel TEXT PRIMARY KEY,
    next    INTEGER NOT NULL
);
