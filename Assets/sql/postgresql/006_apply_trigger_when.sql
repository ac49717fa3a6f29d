-- healthgate central store, schema version 6: the trigger that applies registrations and voids
-- fires only for them. A check changes no colour, yet calling the SECURITY DEFINER function for
-- every checked person was most of the cost of storing a batch of checks.

DROP TRIGGER events_apply ON events;
CREATE TRIGGER events_apply AFTER INSERT ON events FOR EACH ROW
    WHEN (NEW.kind IN ('registration', 'void')) EXECUTE FUNCTION healthgate_apply_event();
