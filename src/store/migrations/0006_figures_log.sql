-- Regulars schema version 6: the owner's figures stay quick at millions of visits.
--
-- Which members' aggregates changed, in order. The figures keep an index of every member's
-- visiting days in memory; one read at version v re-reads only the members logged after v
-- instead of everyone. A NULL member means "everyone" (after a rebuild). Old entries are
-- pruned as new ones arrive; an index older than the oldest entry is read afresh.
CREATE TABLE agg_member_log (
    version     INTEGER PRIMARY KEY,
    customer_id INTEGER
);
INSERT INTO agg_member_log (version, customer_id)
    SELECT value + 1, NULL FROM agg_meta WHERE key = 'members_version';
DROP TABLE agg_meta;

-- Ratings, referrals and tickets are counted by when they were given, made or opened; the
-- referrals index covers every referral figure.
CREATE INDEX ratings_given ON ratings (first_at);
CREATE INDEX referrals_at ON referrals (at, status, referrer_id, reason);
CREATE INDEX tickets_opened ON tickets (opened_at);
