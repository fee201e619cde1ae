-- The owner who approved a refund above the limit or a points adjustment, in a field of its
-- own (it was written into the actor's name, in English: "Cara (approved by Owen)"), and in
-- the events other tills receive.
ALTER TABLE refunds ADD COLUMN approved_by TEXT;
ALTER TABLE points_events ADD COLUMN approved_by TEXT;

DROP VIEW sync_points;
CREATE VIEW sync_points AS
SELECT e.id, json_object(
    'gid', e.gid, 'customer', (SELECT gid FROM customers WHERE id = e.customer_id),
    'at', e.at, 'kind', e.kind, 'points', e.points, 'expires_at', e.expires_at,
    'visit', (SELECT gid FROM visits WHERE id = e.visit_id), 'reason', e.reason,
    'actor', e.actor, 'approved_by', e.approved_by, 'hold', e.hold,
    'lots', json((SELECT json_group_array(json_array(l.gid, a.points))
             FROM points_allocations a JOIN points_events l ON l.id = a.lot_id
             WHERE a.spend_id = e.id))) AS payload
FROM points_events e;

DROP VIEW sync_refund;
CREATE VIEW sync_refund AS
SELECT r.id, json_object(
    'gid', r.gid, 'visit', (SELECT gid FROM visits WHERE id = r.visit_id), 'at', r.at,
    'amount', r.amount, 'actor', r.actor, 'approved_by', r.approved_by) AS payload
FROM refunds r;
