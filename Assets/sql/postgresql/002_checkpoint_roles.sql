-- healthgate central store, schema version 2: one login role per checkpoint, row-level security,
-- and registrations applied by the store itself, so a checkpoint's role never writes a colour.

-- The group every checkpoint's login role belongs to. Roles are per cluster: the first database
-- migrated creates it, and a migration running at the same time elsewhere finds it there.
DO $$
BEGIN
    CREATE ROLE healthgate_checkpoint NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

ALTER TABLE checkpoints ADD COLUMN role text UNIQUE;
ALTER TABLE events ADD COLUMN voids uuid;
ALTER TABLE events ALTER COLUMN received_at SET DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint;

-- The checkpoint the connected role stands for; NULL for an administrator.
CREATE FUNCTION healthgate_own_checkpoint() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT id FROM checkpoints WHERE role = session_user $$;

-- An abnormal registration turns green yellow (any other colour stays); a void restores the
-- colour its registration changed, unless a later change intervened. The console-side rule is
-- HealthCode's Registration; the embedded store applies it through CentralLedger; the central
-- store contract tests hold the two to the same behaviour.
CREATE FUNCTION healthgate_apply_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
    AS $$
DECLARE
    person people%ROWTYPE;
    registration events%ROWTYPE;
BEGIN
    IF NEW.kind = 'registration' AND NEW.document IS NOT NULL THEN
        SELECT * INTO person FROM people WHERE document = NEW.document FOR UPDATE;
        IF FOUND THEN
            UPDATE events SET colour_before = person.colour WHERE id = NEW.id;
            IF person.colour = 'green' THEN
                UPDATE people SET colour = 'yellow', reason = '检查点体温异常登记',
                    colour_changed_at = NEW.received_at, changed_by = NEW.id
                WHERE document = NEW.document;
            END IF;
        END IF;
    ELSIF NEW.kind = 'void' AND NEW.voids IS NOT NULL THEN
        UPDATE events SET voided_by = NEW.id
        WHERE id = NEW.voids AND kind = 'registration' AND checkpoint = NEW.checkpoint AND voided_by IS NULL
        RETURNING * INTO registration;
        IF FOUND AND registration.colour_before IS NOT NULL THEN
            SELECT * INTO person FROM people WHERE document = registration.document FOR UPDATE;
            IF FOUND AND person.changed_by = registration.id THEN
                UPDATE people SET colour = registration.colour_before,
                    reason = '异常登记已撤销：' || coalesce(NEW.payload::jsonb ->> 'note', ''),
                    colour_changed_at = NEW.received_at, changed_by = NEW.id
                WHERE document = registration.document;
            END IF;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER events_apply AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION healthgate_apply_event();

-- What a checkpoint's role may do: read people, tests and the feed; insert and read its own events.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO healthgate_checkpoint;
GRANT SELECT ON people, feed_identity, healthgate_schema TO healthgate_checkpoint;
GRANT SELECT, INSERT ON events TO healthgate_checkpoint;
GRANT SELECT ON checkpoints TO healthgate_checkpoint;

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_own_checkpoint ON events FOR ALL TO healthgate_checkpoint
    USING (checkpoint = healthgate_own_checkpoint())
    WITH CHECK (checkpoint = healthgate_own_checkpoint());
CREATE POLICY events_administrator ON events FOR ALL TO PUBLIC
    USING (NOT pg_has_role(session_user, 'healthgate_checkpoint', 'MEMBER'))
    WITH CHECK (NOT pg_has_role(session_user, 'healthgate_checkpoint', 'MEMBER'));

ALTER TABLE checkpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY checkpoints_own ON checkpoints FOR SELECT TO healthgate_checkpoint
    USING (role = session_user);
CREATE POLICY checkpoints_administrator ON checkpoints FOR ALL TO PUBLIC
    USING (NOT pg_has_role(session_user, 'healthgate_checkpoint', 'MEMBER'))
    WITH CHECK (NOT pg_has_role(session_user, 'healthgate_checkpoint', 'MEMBER'));

-- Registers a checkpoint with a login role for its consoles (an administrator runs this). The
-- password arrives already encrypted (a SCRAM verifier made by the client), never in clear.
CREATE FUNCTION healthgate_add_checkpoint(checkpoint_id text, checkpoint_name text, checkpoint_kind text,
                                          checkpoint_rules text, role_name text, role_password text,
                                          updated bigint) RETURNS void
    LANGUAGE plpgsql SET search_path = public
    AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', role_name, role_password);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE healthgate_checkpoint', role_name, role_password);
    END IF;
    INSERT INTO checkpoints (id, name, kind, rules, updated_at, role)
    VALUES (checkpoint_id, checkpoint_name, checkpoint_kind, checkpoint_rules, updated, role_name)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, rules = excluded.rules,
        updated_at = excluded.updated_at, role = excluded.role;
END
$$;
REVOKE ALL ON FUNCTION healthgate_add_checkpoint(text, text, text, text, text, text, bigint) FROM PUBLIC;
