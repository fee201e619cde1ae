-- Regulars schema version 1: customers, program versions, visits, the points ledger,
-- refunds, redemptions, stamp-card vouchers and referrals. Times are unix seconds (UTC),
-- money is integer minor units, points are integers.

CREATE TABLE programs (
    id             INTEGER PRIMARY KEY,
    effective_from INTEGER NOT NULL,
    rules          TEXT NOT NULL              -- the program as JSON
);

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    referral_code TEXT NOT NULL UNIQUE,
    name          TEXT,                       -- NULL once erased
    phone         TEXT UNIQUE,                -- normalised
    email         TEXT UNIQUE,                -- normalised
    notes         TEXT,
    enrolled_at   INTEGER NOT NULL,
    erased_at     INTEGER,
    balance       INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),  -- cache of SUM(points_events.points)
    stamps        INTEGER NOT NULL DEFAULT 0 CHECK (stamps >= 0)
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

CREATE TABLE visits (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    amount        INTEGER NOT NULL CHECK (amount > 0),
    customer_id   INTEGER REFERENCES customers (id),
    receipt_no    TEXT UNIQUE,               -- the till's receipt number: recording it twice is a no-op
    program_id    INTEGER NOT NULL REFERENCES programs (id),
    points_earned INTEGER NOT NULL DEFAULT 0 CHECK (points_earned >= 0),
    stamped       INTEGER NOT NULL DEFAULT 0, -- 1 while it counts on the stamp card
    refunded      INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount)
);
CREATE INDEX visits_customer ON visits (customer_id, at);
CREATE INDEX visits_at ON visits (at);

-- The ledger: append-only. Positive events are lots; `remaining` is what later spends have not
-- consumed yet (points - SUM(points_allocations.points)), kept in the same transaction.
CREATE TABLE points_events (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    at              INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'refund', 'referral', 'adjust', 'expire')),
    points          INTEGER NOT NULL CHECK (points <> 0),
    idempotency_key TEXT NOT NULL UNIQUE,
    visit_id        INTEGER REFERENCES visits (id),
    expires_at      INTEGER,
    remaining       INTEGER CHECK (remaining >= 0 AND remaining <= points),
    reason          TEXT,
    actor           TEXT
);
CREATE INDEX points_events_customer ON points_events (customer_id, at);
CREATE INDEX points_lots_open ON points_events (customer_id, expires_at) WHERE remaining > 0;
CREATE INDEX points_lots_expiring ON points_events (expires_at) WHERE remaining > 0;

-- Which lots each spend (redeem, refund, expire, negative adjust) consumed.
CREATE TABLE points_allocations (
    spend_id INTEGER NOT NULL REFERENCES points_events (id),
    lot_id   INTEGER NOT NULL REFERENCES points_events (id),
    points   INTEGER NOT NULL CHECK (points > 0),
    PRIMARY KEY (spend_id, lot_id)
) WITHOUT ROWID;

CREATE TABLE refunds (
    id              INTEGER PRIMARY KEY,
    visit_id        INTEGER NOT NULL REFERENCES visits (id),
    at              INTEGER NOT NULL,
    amount          INTEGER NOT NULL CHECK (amount > 0),
    points_due      INTEGER NOT NULL,          -- prorated points the refund should take back
    points_reversed INTEGER NOT NULL,          -- what it took (floored at the balance)
    actor           TEXT
);
CREATE INDEX refunds_visit ON refunds (visit_id);

CREATE TABLE vouchers (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    reward_id   TEXT NOT NULL,
    issued_at   INTEGER NOT NULL,
    visit_id    INTEGER REFERENCES visits (id),
    used_at     INTEGER,
    voided_at   INTEGER
);
CREATE INDEX vouchers_customer ON vouchers (customer_id);

CREATE TABLE redemptions (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    at          INTEGER NOT NULL,
    reward_id   TEXT NOT NULL,
    reward_name TEXT NOT NULL,
    points      INTEGER NOT NULL,              -- 0 when paid with a stamp-card voucher
    voucher_id  INTEGER REFERENCES vouchers (id),
    event_id    INTEGER REFERENCES points_events (id),
    actor       TEXT
);
CREATE INDEX redemptions_customer ON redemptions (customer_id);

CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    referrer_id INTEGER NOT NULL REFERENCES customers (id),
    friend_id   INTEGER REFERENCES customers (id),
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'rewarded', 'refused')),
    reason      TEXT,                          -- why refused
    detail      TEXT,                          -- what was offered, for the owner's review
    decided_at  INTEGER,
    visit_id    INTEGER REFERENCES visits (id) -- the friend's first qualifying purchase
);
CREATE UNIQUE INDEX referrals_one_per_friend ON referrals (friend_id) WHERE status <> 'refused';
CREATE INDEX referrals_friend ON referrals (friend_id, status);
CREATE INDEX referrals_referrer ON referrals (referrer_id, status, decided_at);
