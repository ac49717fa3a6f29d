-- healthgate central store, schema version 4: the authority's feeds applied set-based.
-- Same functions, same results, same rules as version 3's row loops (and as CentralLedger, held to it
-- by the contract tests), in a few statements per file instead of a few per row. What a row does
-- depends only on the stored person and on the file's earlier rows for the same document, so window
-- functions over (document, line) give each row the outcome the loop gave it, and each person is
-- written once, with what the document's last applied row left. One difference: a document whose
-- rows changed it and then changed it back to exactly the stored row is not rewritten, where the loop
-- wrote it twice, so it keeps its place on the feed.
--
-- A call touches a few hundred thousand of millions of people. Both functions reach them by key, in
-- key order (nested loops over the indexes; the planner would rather scan every person), sort in
-- memory, and skip JIT compilation, which costs more than it saves here.

-- An authority row replaces the colour unless the authority already said something newer; a
-- registration received after the row's time still applies on top of it.
CREATE OR REPLACE FUNCTION healthgate_import_codes(OUT changed integer, OUT unchanged integer, OUT stale integer)
    LANGUAGE plpgsql SET search_path = public, pg_temp
    SET enable_hashjoin = off SET enable_mergejoin = off SET work_mem = '256MB' SET jit = off
    AS $$
BEGIN
    -- Lock the file's people first, so that a registration made meanwhile waits and applies on top of
    -- the import, and the statement below reads them, and their registrations, as they stand.
    PERFORM FROM (SELECT document FROM staged_codes ORDER BY document) s
        JOIN people p USING (document) FOR UPDATE OF p;
    WITH applied AS (
        -- The rows the loop applied; each one changed the person unless it left the state the one
        -- before it left (the previous applied row of the file, or else the stored person).
        SELECT *, coalesce(lag(state) OVER w, stored) IS DISTINCT FROM state AS is_changed,
               lead(line) OVER w IS NULL AS is_last
        FROM (
            -- Each row as the loop would write it: the authority's colour, turned yellow from green
            -- by the document's latest live registration received after the row's time. The row is
            -- stale when the stored authority time or an earlier row of the file for the document is
            -- newer: every row that is not stale moves the authority time up to its own.
            SELECT s.line, s.document, p.document IS NOT NULL AS known, s.colour AS authority_colour,
                   s.updated_at, r.id AS registration,
                   ROW(s.name_masked, s.phone,
                       CASE WHEN yellowed THEN 'yellow' ELSE s.colour END,
                       CASE WHEN yellowed THEN '检查点体温异常登记' ELSE s.reason END,
                       CASE WHEN yellowed THEN r.received_at ELSE s.updated_at END,
                       CASE WHEN yellowed THEN r.id END) AS state,
                   CASE WHEN p.document IS NOT NULL
                       THEN ROW(p.name_masked, p.phone, p.colour, p.reason, p.colour_changed_at, p.changed_by) END
                       AS stored,
                   p.authority_at AS stored_at,
                   s.updated_at < greatest(p.authority_at, max(s.updated_at) OVER (
                       PARTITION BY s.document ORDER BY s.line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
                       AS is_stale
            FROM (SELECT * FROM staged_codes ORDER BY document, line) s
            LEFT JOIN people p USING (document)
            LEFT JOIN LATERAL (
                SELECT id, received_at FROM events e
                WHERE e.document = s.document AND kind = 'registration' AND voided_by IS NULL
                    AND received_at > s.updated_at
                ORDER BY received_at DESC LIMIT 1) r ON true
            CROSS JOIN LATERAL (SELECT r.id IS NOT NULL AND s.colour = 'green' AS yellowed) y
        ) staged
        WHERE is_stale IS NOT TRUE
        WINDOW w AS (PARTITION BY document ORDER BY line)
    ), registered AS (
        -- A registration takes as its colour before the authority's colour of the last row applied under it.
        UPDATE events e SET colour_before = last.authority_colour
        FROM (SELECT DISTINCT ON (registration) registration, authority_colour FROM applied
              WHERE registration IS NOT NULL ORDER BY registration, line DESC) last
        WHERE e.id = last.registration AND e.colour_before IS DISTINCT FROM last.authority_colour
    ), updated AS (
        -- The document's last applied row, where it differs from the stored person; an unchanged row
        -- moves only the authority time.
        UPDATE people p SET name_masked = (a.state).f1, phone = (a.state).f2, colour = (a.state).f3,
            reason = (a.state).f4, colour_changed_at = (a.state).f5, changed_by = (a.state).f6,
            authority_at = a.updated_at
        FROM applied a
        WHERE p.document = a.document AND a.is_last AND a.known
            AND (a.stored IS DISTINCT FROM a.state OR a.stored_at <> a.updated_at)
    ), inserted AS (
        -- A new person, as the loop inserted them: should another import have added them meanwhile,
        -- this one's row replaces theirs.
        INSERT INTO people (document, name_masked, phone, colour, reason, colour_changed_at, changed_by, authority_at)
        SELECT document, (state).f1, (state).f2, (state).f3, (state).f4, (state).f5, (state).f6, updated_at
        FROM applied
        WHERE is_last AND NOT known
        ON CONFLICT (document) DO UPDATE SET
            name_masked = excluded.name_masked, phone = excluded.phone, colour = excluded.colour,
            reason = excluded.reason, colour_changed_at = excluded.colour_changed_at,
            changed_by = excluded.changed_by, authority_at = excluded.authority_at
    )
    SELECT count(*) FILTER (WHERE is_changed), count(*) FILTER (WHERE NOT is_changed),
           (SELECT count(*) FROM staged_codes) - count(*)
    INTO changed, unchanged, stale
    FROM applied;
END
$$;

-- Each person keeps the latest sample; for the same sample, a reported result beats a pending one.
CREATE OR REPLACE FUNCTION healthgate_import_tests(OUT changed integer, OUT unchanged integer, OUT stale integer,
                                                   OUT unknown integer)
    LANGUAGE plpgsql SET search_path = public, pg_temp
    SET enable_hashjoin = off SET enable_mergejoin = off SET work_mem = '256MB' SET jit = off
    AS $$
BEGIN
    WITH applied AS (
        -- The rows the loop applied, and the rows of unknown people (all of a document's rows, so
        -- they stay out of the known people's windows); each applied row changed the result unless
        -- it equals the one before it (the previous applied row of the file, or else the stored result).
        SELECT *, coalesce(lag(state) OVER w, stored) IS DISTINCT FROM state AS is_changed,
               lead(line) OVER w IS NULL AS is_last
        FROM (
            -- A result ranks by sample time, then reported over pending (rank = 2 × sampled_at, + 1
            -- when reported). A row is stale when the stored result or an earlier row of the file for
            -- the same person ranks higher: every row that is not stale leaves its own rank.
            SELECT s.line, s.document, p.document IS NOT NULL AS known,
                   ROW(s.sampled_at, s.reported_at, s.result, s.institution) AS state,
                   ROW(p.nat_sampled_at, p.nat_reported_at, p.nat_result, p.nat_institution) AS stored,
                   p.document IS NOT NULL AND s.sampled_at * 2 + (s.result <> 'pending')::int < greatest(
                       p.nat_sampled_at * 2 + (p.nat_result <> 'pending')::int,
                       max(s.sampled_at * 2 + (s.result <> 'pending')::int) OVER (
                           PARTITION BY s.document ORDER BY s.line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
                       AS is_stale
            FROM (SELECT * FROM staged_tests ORDER BY document, line) s
            -- Locked as read, so that another import of the same person waits for this one.
            LEFT JOIN LATERAL (SELECT * FROM people WHERE document = s.document FOR UPDATE) p ON true
        ) staged
        WHERE is_stale IS NOT TRUE
        WINDOW w AS (PARTITION BY document ORDER BY line)
    ), updated AS (
        -- The person's last applied row, where it differs from the stored result.
        UPDATE people p SET nat_sampled_at = (a.state).f1, nat_reported_at = (a.state).f2,
            nat_result = (a.state).f3, nat_institution = (a.state).f4
        FROM applied a
        WHERE p.document = a.document AND a.is_last AND a.known AND a.stored IS DISTINCT FROM a.state
    )
    SELECT count(*) FILTER (WHERE known AND is_changed), count(*) FILTER (WHERE known AND NOT is_changed),
           (SELECT count(*) FROM staged_tests) - count(*), count(*) FILTER (WHERE NOT known)
    INTO changed, unchanged, stale, unknown
    FROM applied;
END
$$;
