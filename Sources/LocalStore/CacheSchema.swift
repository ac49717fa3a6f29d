/// The schema of the cache's people file, one migration per version.
enum CacheSchema {
    static let migrations = [
        Migration(1, """
            CREATE TABLE people (\(PersonColumns.table)) WITHOUT ROWID;
            CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;
            CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            """),
        Migration(2, IssuerKeyColumns.createTable),
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
