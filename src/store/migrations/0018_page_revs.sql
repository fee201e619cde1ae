-- Schema 18: change counters for the receipt pages.
--
-- A receipt page shows its visit (with its rating and tickets) and its member (points,
-- progress, tier, vouchers, choices of messages). Each counter moves whenever a row the page
-- reads from changes, whoever writes it (the counter, the CLI, the portal's forms, another
-- till of the chain), so the customer pages keep a page they rendered for as long as its
-- counters stand still. A visit or customer without a row here has never changed: rev 0.

CREATE TABLE page_visit_revs (
    visit_id INTEGER PRIMARY KEY,
    rev      INTEGER NOT NULL
);

CREATE TABLE page_customer_revs (
    customer_id INTEGER PRIMARY KEY,
    rev         INTEGER NOT NULL
);

-- The visit itself: a refund, a claim, a merge moving it to another member.
CREATE TRIGGER page_visit_update AFTER UPDATE ON visits BEGIN
    INSERT INTO page_visit_revs VALUES (NEW.id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;

CREATE TRIGGER page_rating_insert AFTER INSERT ON ratings BEGIN
    INSERT INTO page_visit_revs VALUES (NEW.visit_id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_rating_update AFTER UPDATE ON ratings BEGIN
    INSERT INTO page_visit_revs VALUES (NEW.visit_id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_rating_delete AFTER DELETE ON ratings BEGIN
    INSERT INTO page_visit_revs VALUES (OLD.visit_id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;

-- A ticket about the visit: opened, moved on, answered, moved to another visit, erased.
CREATE TRIGGER page_ticket_insert AFTER INSERT ON tickets WHEN NEW.visit_id IS NOT NULL BEGIN
    INSERT INTO page_visit_revs VALUES (NEW.visit_id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_ticket_update AFTER UPDATE ON tickets BEGIN
    INSERT INTO page_visit_revs
        SELECT id, 1 FROM visits WHERE id IN (NEW.visit_id, OLD.visit_id)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_ticket_delete AFTER DELETE ON tickets WHEN OLD.visit_id IS NOT NULL BEGIN
    INSERT INTO page_visit_revs VALUES (OLD.visit_id, 1)
        ON CONFLICT (visit_id) DO UPDATE SET rev = rev + 1;
END;

-- The member: balance, stamps, tier, name, language, birthday, erasure, merge.
CREATE TRIGGER page_customer_update AFTER UPDATE ON customers BEGIN
    INSERT INTO page_customer_revs VALUES (NEW.id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;

-- Their choices of messages.
CREATE TRIGGER page_consent_insert AFTER INSERT ON consents BEGIN
    INSERT INTO page_customer_revs VALUES (NEW.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_consent_update AFTER UPDATE ON consents BEGIN
    INSERT INTO page_customer_revs
        SELECT id, 1 FROM customers WHERE id IN (NEW.customer_id, OLD.customer_id)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;

-- Their vouchers (rewards ready) and points lots (expiry, the tier's year of points).
CREATE TRIGGER page_voucher_insert AFTER INSERT ON vouchers BEGIN
    INSERT INTO page_customer_revs VALUES (NEW.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_voucher_update AFTER UPDATE ON vouchers BEGIN
    INSERT INTO page_customer_revs
        SELECT id, 1 FROM customers WHERE id IN (NEW.customer_id, OLD.customer_id)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_points_insert AFTER INSERT ON points_events BEGIN
    INSERT INTO page_customer_revs VALUES (NEW.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;
CREATE TRIGGER page_points_update AFTER UPDATE ON points_events BEGIN
    INSERT INTO page_customer_revs
        SELECT id, 1 FROM customers WHERE id IN (NEW.customer_id, OLD.customer_id)
        ON CONFLICT (customer_id) DO UPDATE SET rev = rev + 1;
END;
