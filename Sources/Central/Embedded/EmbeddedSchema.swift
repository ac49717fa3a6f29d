import LocalStore

/// The embedded central store's schema, one migration per version. Since version 3 the feed reads its
/// changes from `people_feed`, which holds every column it hands out in `seq` order: a pass's changes
/// come from consecutive index pages, not from one random page of the table each.
enum EmbeddedSchema {
    static let migrations = [
        Migration(1, """
            CREATE TABLE people (\(PersonColumns.table), authority_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
            CREATE UNIQUE INDEX people_seq ON people(seq);
            CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;
            CREATE TABLE feed (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, store TEXT NOT NULL);
            INSERT INTO feed (id, seq, store) VALUES (1, 0, lower(hex(randomblob(16))));
            CREATE TABLE events (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                checkpoint TEXT NOT NULL,
                document TEXT,
                at INTEGER NOT NULL,
                received_at INTEGER NOT NULL,
                payload TEXT NOT NULL,
                colour_before TEXT,
                voided_by TEXT
            );
            CREATE INDEX events_registrations ON events(document, received_at) WHERE kind = 'registration';
            CREATE INDEX events_checkpoint ON events(checkpoint, at);
            CREATE TABLE checkpoints (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                rules TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            """),
        Migration(2, IssuerKeyColumns.createTable),
        Migration(3, """
            DROP INDEX people_seq;
            CREATE INDEX people_feed ON people(seq, \(PersonColumns.list));
            """),
    ]
}
