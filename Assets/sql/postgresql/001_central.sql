-- healthgate central store, schema version 1.
-- Times are whole milliseconds since 1970 (bigint), as in the consoles' caches.

CREATE TABLE healthgate_schema (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- Names this store: a console whose feed cursor names another store re-syncs in full.
CREATE TABLE feed_identity (
    id integer PRIMARY KEY CHECK (id = 1),
    store uuid NOT NULL
);
INSERT INTO feed_identity (id, store) VALUES (1, gen_random_uuid());

CREATE SEQUENCE people_version;

CREATE TABLE people (
    document text PRIMARY KEY,
    name_masked text NOT NULL,
    phone text,
    colour text NOT NULL CHECK (colour IN ('green', 'yellow', 'red')),
    reason text NOT NULL DEFAULT '',
    colour_changed_at bigint NOT NULL,
    changed_by uuid,
    nat_sampled_at bigint,
    nat_reported_at bigint,
    nat_result text CHECK (nat_result IN ('negative', 'positive', 'pending')),
    nat_institution text,
    seq bigint NOT NULL DEFAULT nextval('people_version'),
    -- The transaction that wrote the row last: the feed hands out a row only once every
    -- transaction that could still write before it has finished.
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    authority_at bigint NOT NULL DEFAULT 0
);
CREATE INDEX people_phone ON people (phone) WHERE phone IS NOT NULL;
CREATE INDEX people_feed ON people (txid, document);

CREATE FUNCTION people_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval('people_version');
    NEW.txid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER people_stamp_insert BEFORE INSERT ON people
    FOR EACH ROW EXECUTE FUNCTION people_stamp();
CREATE TRIGGER people_stamp_update BEFORE UPDATE ON people
    FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION people_stamp();

CREATE TABLE events (
    id uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('check', 'registration', 'void')),
    checkpoint text NOT NULL,
    document text,
    at bigint NOT NULL,
    received_at bigint NOT NULL,
    payload text NOT NULL,
    colour_before text,
    voided_by uuid
);
CREATE INDEX events_checkpoint ON events (checkpoint, at);
CREATE INDEX events_registrations ON events (document, received_at) WHERE kind = 'registration';

CREATE TABLE checkpoints (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('gate', 'market', 'transit')),
    rules text NOT NULL,
    updated_at bigint NOT NULL
);
