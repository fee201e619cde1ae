-- When a ticket first heard back from the shop: a staff note, a step by staff (waiting on the
-- customer, resolved), or a message sent to the customer (kept in the ticket's history as a
-- note by the channel). A ticket resolved before any reply has its resolution as its first
-- reply. The targets (`[support] reply_within`, `resolve_within`) count from its opening.
ALTER TABLE tickets ADD COLUMN first_reply_at INTEGER;

UPDATE tickets SET first_reply_at = (
    SELECT MIN(e.at) FROM ticket_events e
    WHERE e.ticket_id = tickets.id AND e.kind IN ('note', 'waiting', 'resolved')
      AND COALESCE(e.actor, '') <> 'customer');

-- Every way an event arrives (the counter, the command line, another till of the chain).
CREATE TRIGGER ticket_first_reply AFTER INSERT ON ticket_events
WHEN NEW.kind IN ('note', 'waiting', 'resolved') AND COALESCE(NEW.actor, '') <> 'customer'
BEGIN
    UPDATE tickets SET first_reply_at = NEW.at
    WHERE id = NEW.ticket_id AND (first_reply_at IS NULL OR first_reply_at > NEW.at);
END;
