-- Regulars schema version 2: the durable print queue. A receipt job is stored in the sale's
-- own transaction, before anything is sent; it stays pending while the printer is offline,
-- out of paper or open, and is marked sent only once the printer has taken it.

CREATE TABLE print_jobs (
    id         INTEGER PRIMARY KEY,
    visit_id   INTEGER REFERENCES visits (id),
    kind       TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint', 'test')),
    created_at INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    text       TEXT NOT NULL,             -- what the receipt says, for the screen and the log
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at    INTEGER
);
CREATE INDEX print_jobs_pending ON print_jobs (id) WHERE status = 'pending';
CREATE INDEX print_jobs_visit ON print_jobs (visit_id);
