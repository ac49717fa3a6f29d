-- healthgate central store, schema version 3: the authority's feeds imported in the server.
-- The client COPYs a file's rows into a temporary table (staged_codes or staged_tests), then one
-- of these functions applies them row by row with the rules the embedded store applies through
-- CentralLedger; the central store contract tests hold the two to the same behaviour.

-- An authority row replaces the colour unless the authority already said something newer; a
-- registration received after the row's time still applies on top of it.
CREATE FUNCTION healthgate_import_codes(OUT changed integer, OUT unchanged integer, OUT stale integer)
    LANGUAGE plpgsql SET search_path = public, pg_temp
    AS $$
DECLARE
    row_ record;
    person people%ROWTYPE;
    existed boolean;
    registration record;
    colour_ text;
    reason_ text;
    changed_at bigint;
    changed_by_ uuid;
BEGIN
    changed := 0;
    unchanged := 0;
    stale := 0;
    FOR row_ IN SELECT * FROM staged_codes ORDER BY line LOOP
        SELECT * INTO person FROM people WHERE document = row_.document FOR UPDATE;
        existed := FOUND;
        IF existed AND row_.updated_at < person.authority_at THEN
            stale := stale + 1;
            CONTINUE;
        END IF;
        colour_ := row_.colour;
        reason_ := row_.reason;
        changed_at := row_.updated_at;
        changed_by_ := NULL;
        SELECT id, received_at INTO registration FROM events
        WHERE document = row_.document AND kind = 'registration' AND voided_by IS NULL AND received_at > row_.updated_at
        ORDER BY received_at DESC LIMIT 1;
        IF FOUND THEN
            UPDATE events SET colour_before = row_.colour WHERE id = registration.id;
            IF row_.colour = 'green' THEN
                colour_ := 'yellow';
                reason_ := '检查点体温异常登记';
                changed_at := registration.received_at;
                changed_by_ := registration.id;
            END IF;
        END IF;
        IF existed AND (person.name_masked, person.phone, person.colour, person.reason, person.colour_changed_at, person.changed_by)
                IS NOT DISTINCT FROM (row_.name_masked, row_.phone, colour_, reason_, changed_at, changed_by_) THEN
            unchanged := unchanged + 1;
            UPDATE people SET authority_at = row_.updated_at
            WHERE document = row_.document AND authority_at <> row_.updated_at;
        ELSE
            INSERT INTO people (document, name_masked, phone, colour, reason, colour_changed_at, changed_by, authority_at)
            VALUES (row_.document, row_.name_masked, row_.phone, colour_, reason_, changed_at, changed_by_, row_.updated_at)
            ON CONFLICT (document) DO UPDATE SET
                name_masked = excluded.name_masked, phone = excluded.phone, colour = excluded.colour,
                reason = excluded.reason, colour_changed_at = excluded.colour_changed_at,
                changed_by = excluded.changed_by, authority_at = excluded.authority_at;
            changed := changed + 1;
        END IF;
    END LOOP;
END
$$;

-- Each person keeps the latest sample; for the same sample, a reported result beats a pending one.
CREATE FUNCTION healthgate_import_tests(OUT changed integer, OUT unchanged integer, OUT stale integer,
                                        OUT unknown integer)
    LANGUAGE plpgsql SET search_path = public, pg_temp
    AS $$
DECLARE
    row_ record;
    person people%ROWTYPE;
BEGIN
    changed := 0;
    unchanged := 0;
    stale := 0;
    unknown := 0;
    FOR row_ IN SELECT * FROM staged_tests ORDER BY line LOOP
        SELECT * INTO person FROM people WHERE document = row_.document FOR UPDATE;
        IF NOT FOUND THEN
            unknown := unknown + 1;
        ELSIF person.nat_sampled_at IS NOT NULL AND (person.nat_sampled_at > row_.sampled_at
                OR (person.nat_sampled_at = row_.sampled_at AND person.nat_result <> 'pending' AND row_.result = 'pending')) THEN
            stale := stale + 1;
        ELSIF (person.nat_sampled_at, person.nat_reported_at, person.nat_result, person.nat_institution)
                IS NOT DISTINCT FROM (row_.sampled_at, row_.reported_at, row_.result, row_.institution) THEN
            unchanged := unchanged + 1;
        ELSE
            UPDATE people SET nat_sampled_at = row_.sampled_at, nat_reported_at = row_.reported_at,
                nat_result = row_.result, nat_institution = row_.institution
            WHERE document = row_.document;
            changed := changed + 1;
        END IF;
    END LOOP;
END
$$;
