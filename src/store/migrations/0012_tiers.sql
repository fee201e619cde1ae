-- Tiers: the tier a member holds and when they reached it (or when a review last decided
-- it). The tier itself is worked out from the points earned whenever it is read, so a
-- review date needs no job to have run; these keep where a member stood between reviews.
ALTER TABLE customers ADD COLUMN tier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN tier_at INTEGER;
