/// The schema of the cache's people file, one migration per version. A first sync fills `people`;
/// later passes append to `people_recent` (rows in arrival order, a unique index on the document), so a
/// change writes next to the last one instead of into a random page of a city's B-tree, and
/// `LocalCache.foldRecentChanges` moves them into `people` after the pass. Lookups read the view
/// `people_current`: each person's newest state, from either table. `people_recent` has no phone index:
/// most people have a phone, and a second random index took a third of a pass; a phone lookup reads the
/// table whole instead, which the fold keeps small.
enum CacheSchema {
    static let migrations = [
        Migration(1, """
            CREATE TABLE people (\(PersonColumns.table)) WITHOUT ROWID;
            CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;
            CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            """),
        Migration(2, IssuerKeyColumns.createTable),
        Migration(3, """
            CREATE TABLE people_recent (\(PersonColumns.table));
            CREATE VIEW people_current AS
                SELECT \(PersonColumns.list) FROM people_recent
                UNION ALL SELECT \(PersonColumns.list) FROM people p
                WHERE NOT EXISTS (SELECT 1 FROM people_recent r WHERE r.document = p.document);
            """),
    ]
}

/// The schema of the cache's events file (what this console saw), one migration per version.
enum EventsSchema {
    static let migrations = [
        Migration(1, """
            CREATE TABLE scan_log (
                id TEXT PRIMARY KEY NOT NULL,
                at INTEGER NOT NULL,
                checkpoint TEXT NOT NULL,
                operator TEXT NOT NULL,
                document TEXT,
                colour TEXT,
                decision TEXT,
                reasons TEXT NOT NULL,
                readings TEXT NOT NULL,
                complete INTEGER NOT NULL
            );
            CREATE INDEX scan_log_at ON scan_log(at);
            CREATE TABLE registrations (
                id TEXT PRIMARY KEY NOT NULL,
                document TEXT NOT NULL,
                at INTEGER NOT NULL,
                colour_before TEXT NOT NULL,
                event TEXT NOT NULL,
                voided_by TEXT
            );
            CREATE INDEX registrations_document ON registrations(document);
            CREATE TABLE outbox (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                sent_at INTEGER,
                received_at INTEGER,
                rejected_at INTEGER,
                rejection TEXT
            );
            CREATE INDEX outbox_unsent ON outbox(position) WHERE sent_at IS NULL AND rejected_at IS NULL;
            """),
    ]
}
