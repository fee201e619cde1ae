-- Regulars schema version 23: a page server started from a copy of another's database (a
-- till's backup, or another page server's copy) knows which of the central store's events
-- the copied till or server sent are in the copy already: those up to `copied_through`. It
-- does not read them again, which for a till that made the whole history would be all of it.

ALTER TABLE sync_state ADD COLUMN copied_till TEXT;
ALTER TABLE sync_state ADD COLUMN copied_through INTEGER NOT NULL DEFAULT 0;
