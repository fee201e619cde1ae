-- Regulars schema version 5: aggregates for the owner's figures, kept up to date in the same
-- transaction as the rows they summarise, so no figure has to read every visit. Days are UTC
-- day numbers (unix seconds / 86400). `regulars stats --rebuild` recomputes them from the raw
-- rows and says whether they matched.

-- Per day: visits and spend, members' and anonymous; refunds count on the day of the sale.
CREATE TABLE agg_days (
    day           INTEGER PRIMARY KEY,
    visits        INTEGER NOT NULL,
    member_visits INTEGER NOT NULL,
    member_spend  INTEGER NOT NULL,
    anon_spend    INTEGER NOT NULL,
    refunded      INTEGER NOT NULL
);

-- Per member and day they visited.
CREATE TABLE agg_customer_days (
    customer_id INTEGER NOT NULL,
    day         INTEGER NOT NULL,
    visits      INTEGER NOT NULL,
    spend       INTEGER NOT NULL,
    PRIMARY KEY (customer_id, day)
) WITHOUT ROWID;

-- Per member, over their whole history.
CREATE TABLE agg_customers (
    customer_id INTEGER PRIMARY KEY,
    first_day   INTEGER NOT NULL,
    last_day    INTEGER NOT NULL,
    visits      INTEGER NOT NULL,
    spend       INTEGER NOT NULL,
    refunded    INTEGER NOT NULL
);
CREATE INDEX agg_customers_spend ON agg_customers ((spend - refunded) DESC);
CREATE INDEX agg_customers_visits ON agg_customers (visits DESC);

-- Bumped whenever a member's aggregates change, so a figures index read earlier is known stale.
CREATE TABLE agg_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO agg_meta VALUES ('members_version', 0);

-- Points by day and kind of event (earn, redeem, refund, referral, adjust, expire).
CREATE TABLE agg_points_days (
    day    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    points INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
) WITHOUT ROWID;

INSERT INTO agg_days
    SELECT at / 86400, COUNT(*), COUNT(customer_id),
           COALESCE(SUM(CASE WHEN customer_id IS NOT NULL THEN amount END), 0),
           COALESCE(SUM(CASE WHEN customer_id IS NULL THEN amount END), 0),
           SUM(refunded)
    FROM visits GROUP BY at / 86400;
INSERT INTO agg_customer_days
    SELECT customer_id, at / 86400, COUNT(*), SUM(amount)
    FROM visits WHERE customer_id IS NOT NULL GROUP BY customer_id, at / 86400;
INSERT INTO agg_customers
    SELECT customer_id, MIN(at / 86400), MAX(at / 86400), COUNT(*), SUM(amount), SUM(refunded)
    FROM visits WHERE customer_id IS NOT NULL GROUP BY customer_id;
INSERT INTO agg_points_days
    SELECT at / 86400, kind, SUM(points) FROM points_events GROUP BY at / 86400, kind;
