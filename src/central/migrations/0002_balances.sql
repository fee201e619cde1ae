-- Regulars central schema version 2: every customer's points across the chain, kept as
-- points events arrive, and the holds that online redemptions take on them.
--
-- A redemption is decided here, in one transaction: the balance is lowered only where
-- `points >= cost` (two shops redeeming the same points at once: exactly one succeeds), and
-- the answer is kept under the till's key, so asking again gets the same answer. The spend
-- the till then records names its hold and is not counted a second time.

CREATE TABLE balances (
    customer TEXT PRIMARY KEY,
    points   BIGINT NOT NULL
);

CREATE TABLE holds (
    key        TEXT PRIMARY KEY,
    customer   TEXT NOT NULL,
    points     BIGINT NOT NULL,
    till_id    TEXT NOT NULL,
    granted    BOOLEAN NOT NULL,
    balance    BIGINT NOT NULL,       -- after a grant; what there was, for a refusal
    released   BOOLEAN NOT NULL DEFAULT false,
    decided_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
