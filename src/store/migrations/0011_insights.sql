-- Who is slipping away: each refit of the models of repeat visits and spend (or of the
-- recency/frequency grid used instead while a shop is too small for a stable fit), and each
-- member's scores from the latest good one. A refit that fails is kept with why, and the
-- scores stay those of the fit before.
CREATE TABLE insights_fits (
    id             INTEGER PRIMARY KEY,
    at             INTEGER NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('models', 'grid')),
    members        INTEGER NOT NULL,             -- members with a visit
    repeat_members INTEGER NOT NULL,             -- of them, those who came back
    params         TEXT,                         -- JSON, for 'models'
    log_likelihood REAL,
    error          TEXT                          -- why it failed; NULL for a good fit
);

CREATE TABLE insights_scores (
    customer_id      INTEGER PRIMARY KEY REFERENCES customers (id),
    fit_id           INTEGER NOT NULL REFERENCES insights_fits (id),
    p_alive          REAL,                       -- NULL under the grid
    previous_p_alive REAL,                       -- at the good fit before
    visits_30        REAL NOT NULL,
    visits_90        REAL NOT NULL,
    spend            INTEGER NOT NULL,           -- expected spend per visit, minor units
    at_stake         INTEGER NOT NULL,           -- spend in 90 days while still a regular
    slipping         INTEGER NOT NULL            -- 1: on the list worth a call
) WITHOUT ROWID;
CREATE INDEX insights_scores_slipping ON insights_scores (slipping, at_stake);
