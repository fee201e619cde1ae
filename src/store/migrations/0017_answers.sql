-- Regulars schema version 17: reusable answers. Staff keep how a ticket was resolved as an
-- answer for its kind of problem and pick one when resolving a similar ticket; the owner sees
-- the most common problems and their usual fixes. Answers are this till's own.
CREATE TABLE answers (
    id         INTEGER PRIMARY KEY,
    problem    TEXT NOT NULL,           -- a ticket's kind of problem; 'other' for none given
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    actor      TEXT,
    uses       INTEGER NOT NULL DEFAULT 0,  -- tickets resolved with it
    UNIQUE (problem, body)
);

-- The answer a ticket was resolved with, when it was one.
ALTER TABLE tickets ADD COLUMN answer_id INTEGER REFERENCES answers (id);

-- This till's own tickets by kind of problem, over its whole history.
CREATE TABLE agg_problems (
    problem TEXT PRIMARY KEY,
    tickets INTEGER NOT NULL
) WITHOUT ROWID;

CREATE VIEW agg_problems_fresh AS
SELECT COALESCE(problem, 'other'), COUNT(*) FROM tickets WHERE origin IS NULL GROUP BY 1;

INSERT INTO agg_problems SELECT * FROM agg_problems_fresh;

CREATE TRIGGER agg_problem_new AFTER INSERT ON tickets WHEN NEW.origin IS NULL
BEGIN
    INSERT INTO agg_problems VALUES (COALESCE(NEW.problem, 'other'), 1)
    ON CONFLICT DO UPDATE SET tickets = tickets + 1;
END;

CREATE TRIGGER agg_problem_changed AFTER UPDATE OF problem ON tickets WHEN NEW.origin IS NULL
BEGIN
    UPDATE agg_problems SET tickets = tickets - 1 WHERE problem = COALESCE(OLD.problem, 'other');
    INSERT INTO agg_problems VALUES (COALESCE(NEW.problem, 'other'), 1)
    ON CONFLICT DO UPDATE SET tickets = tickets + 1;
    DELETE FROM agg_problems WHERE tickets = 0;
END;

CREATE TRIGGER agg_problem_gone AFTER DELETE ON tickets WHEN OLD.origin IS NULL
BEGIN
    UPDATE agg_problems SET tickets = tickets - 1 WHERE problem = COALESCE(OLD.problem, 'other');
    DELETE FROM agg_problems WHERE tickets = 0;
END;
