-- Regulars schema version 24: the customer's own messaging apps (WhatsApp, Viber, Telegram,
-- Messenger). Before this script runs, the checks on consents, messages and tickets are widened
-- to take the four apps (see `WIDENED` in store/mod.rs).
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
    last_heard_at INTEGER
);
CREATE UNIQUE INDEX chat_links_live_chat ON chat_links (channel, chat) WHERE unlinked_at IS NULL;
CREATE UNIQUE INDEX chat_links_live_member ON chat_links (customer_id, channel)
    WHERE unlinked_at IS NULL;

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
