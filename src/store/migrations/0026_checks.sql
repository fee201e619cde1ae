-- Regulars schema version 26: checks on what does not add up (loyalty fraud and mistakes).
--
-- A member of staff may have a loyalty card of their own: points it earns from sales they rang
-- up themselves are an alert.
ALTER TABLE staff ADD COLUMN card_id INTEGER REFERENCES customers (id);

-- An alert is raised once: `bucket` names the check, whom it is about and the day, week or
-- event it belongs to; a later event of the same bucket joins the alert (alert_events) and
-- brings its finding up to date. `finding` is the domain's `Finding` as JSON: the figures the
-- owner's words are made of. Acknowledged alerts keep who acknowledged them and their note.
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('busy_card', 'own_card', 'adjustments',
                    'refund_after_redeem', 'claims', 'split_sales', 'after_hours',
                    'referral_burst')),
    bucket      TEXT NOT NULL UNIQUE,
    customer_id INTEGER REFERENCES customers (id),
    staff       TEXT,
    at          INTEGER NOT NULL,       -- the event that raised it
    last_at     INTEGER NOT NULL,       -- the latest event that joined it
    finding     TEXT NOT NULL,
    acked_at    INTEGER,
    acked_by    TEXT,
    note        TEXT,
    emailed_at  INTEGER                 -- sent in the owner's daily summary
);
CREATE INDEX alerts_open ON alerts (at) WHERE acked_at IS NULL;
CREATE INDEX alerts_at ON alerts (at);

-- The events behind an alert: 'visit:ID' (a sale), 'claim:ID' (a receipt claimed later),
-- 'redemption:ID', 'points:ID' (an adjustment), 'refund:ID', 'referral:ID'.
CREATE TABLE alert_events (
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    event    TEXT NOT NULL,
    at       INTEGER NOT NULL,
    PRIMARY KEY (alert_id, event)
) WITHOUT ROWID;

-- A card's transactions in a day, and a contact's claims in a week, are counted from these.
CREATE INDEX redemptions_customer_at ON redemptions (customer_id, at);
CREATE INDEX visits_claimed ON visits (customer_id, claimed_at) WHERE claimed_at IS NOT NULL;
CREATE INDEX points_events_adjust ON points_events (actor, at) WHERE kind = 'adjust';
CREATE INDEX referrals_referrer_at ON referrals (referrer_id, at);
