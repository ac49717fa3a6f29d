import Foundation
import HealthCode
import LocalStore

/// The central store as one SQLite file: the default for a single site and for demos.
///
/// SQLite serialises writers, so feed versions are handed out in commit order and a reader that
/// remembers the highest version it saw never skips a change.
public final class EmbeddedCentral: CentralStore {
    let database: Database
    private let tables: EmbeddedTables
    private let clock: @Sendable () -> Date

    /// Opens or creates the store at `path`; the folder must exist.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder) else {
            throw CentralError("central store unreachable: folder \(folder) does not exist")
        }
        do {
            database = try Database(path: path)
            // A checkpoint waits for the disk twice; at SQLite's default of 1,000 pages a push of 10,000
            // events made three of them. The sync thread checkpoints after every pass (`checkpointLog`);
            // this bound is for long imports and for processes that do not sync.
            try database.execute("PRAGMA wal_autocheckpoint = 10000")
            try database.migrate(EmbeddedSchema.migrations)
        } catch let error as SQLiteError {
            throw CentralError("central store \(path): \(error.message)")
        }
        tables = EmbeddedTables(database: database)
        self.clock = clock
    }

    /// The cursor is `STORE:VERSION`, the last feed version handed out by this store. A first sync
    /// reads everyone in document order instead (`STORE:VERSION:DOCUMENT`, the version when it began and
    /// the last document sent), so a new cache fills in key order; then it goes on from that version,
    /// which brings again whoever changed meanwhile.
    public func changes(after cursor: FeedCursor, limit: Int) throws -> FeedPage {
        guard let feed = try database.queryFirst("SELECT store, seq FROM feed WHERE id = 1", [], { ($0.string(0), $0.int64(1)) })
        else { throw CentralError("the feed counter is missing") }
        if cursor == .start { return try everyone(store: feed.0, from: feed.1, after: "", limit: limit) }
        let parts = cursor.token.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == feed.0, let position = Int64(parts[1]), position <= feed.1 else {
            throw FeedError.cursorNotServed("the cursor belongs to another store, or to this one before a rebuild")
        }
        if parts.count == 3 { return try everyone(store: feed.0, from: position, after: parts[2], limit: limit) }
        let changes = try database.query(Self.changesAfter, [.integer(position), .integer(Int64(limit))], PersonColumns.change)
        let next = FeedCursor("\(feed.0):\(changes.last?.seq ?? position)")
        return FeedPage(changes: changes, next: next, atEnd: changes.count < limit)
    }

    /// The feed's changes after a position, read from `people_feed` alone (see `EmbeddedSchema`).
    static let changesAfter = "SELECT \(PersonColumns.list) FROM people WHERE seq > ? ORDER BY seq LIMIT ?"

    /// A page of the full sync: people after `document` in document order; `version` is where the feed goes on.
    private func everyone(store: String, from version: Int64, after document: String, limit: Int) throws -> FeedPage {
        let changes = try database.query(
            "SELECT \(PersonColumns.list) FROM people WHERE document > ? ORDER BY document LIMIT ?",
            [.text(document), .integer(Int64(limit))], PersonColumns.change)
        guard changes.count == limit, let last = changes.last else {
            return FeedPage(changes: changes, next: FeedCursor("\(store):\(version)"), atEnd: false)
        }
        return FeedPage(changes: changes, next: FeedCursor("\(store):\(version):\(last.record.document)"), atEnd: false)
    }

    public func person(document: String) throws -> PersonRecord? {
        try tables.person(document)?.change.record
    }

    public func checkpointLog() {
        database.checkpointLog()
    }

    public func peopleCount() throws -> Int {
        try database.queryFirst("SELECT count(*) FROM people") { $0.int(0) } ?? 0
    }

    public func people(phone: String) throws -> [PersonRecord] {
        try database.query(
            "SELECT \(PersonColumns.list) FROM people WHERE phone = ? ORDER BY document", [.text(phone)],
            PersonColumns.change
        ).map(\.record)
    }

    public func submit(_ events: [GateEvent]) throws -> [EventReceipt] {
        try database.transaction {
            try events.map { try CentralLedger.intake($0, into: tables, at: clock()) }
        }
    }

    public func events(limit: Int) throws -> [StoredEvent] {
        try database.query(
            "SELECT payload, received_at FROM events ORDER BY rowid LIMIT ?", [.integer(Int64(limit))]
        ) { StoredEvent(event: try EventCoding.decode($0.string(0)), receivedAt: $0.date(1)) }
    }

    public func serverTime() throws -> Date { clock() }

    public func importCodes(_ rows: [CodeRow]) throws -> ImportSummary {
        try database.transaction { try CentralLedger.importCodes(rows, into: tables) }
    }

    public func importNAT(_ rows: [NATRow]) throws -> ImportSummary {
        try database.transaction { try CentralLedger.importTests(rows, into: tables) }
    }

    public func saveCheckpoint(_ checkpoint: Checkpoint) throws {
        let rules = String(decoding: try JSONEncoder().encode(checkpoint.rules), as: UTF8.self)
        try database.run("""
            INSERT INTO checkpoints (id, name, kind, rules, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                rules = excluded.rules, updated_at = excluded.updated_at
            """, [.text(checkpoint.id), .text(checkpoint.name), .text(checkpoint.kind.rawValue), .text(rules), SQLValue(clock())])
    }

    public func registerIssuerKey(_ key: IssuerKey) throws {
        try TrustListRules.check(key)
        let added = try database.run(IssuerKeyColumns.insert + " ON CONFLICT DO NOTHING", IssuerKeyColumns.values(key))
        if added == 0 { throw TrustListRules.duplicate(key) }
    }

    public func revokeIssuerKey(issuer: String, keyID: String, at: Date) throws -> Bool {
        try database.run(
            "UPDATE issuer_keys SET revoked_at = coalesce(revoked_at, ?) WHERE issuer = ? AND key_id = ?",
            [SQLValue(at), .text(issuer), .text(keyID)]) > 0
    }

    public func issuerKeys() throws -> [IssuerKey] {
        try database.query(IssuerKeyColumns.selectAll, [], IssuerKeyColumns.key)
    }

    public func checkpoint(id: String) throws -> Checkpoint? {
        try database.queryFirst("SELECT id, name, kind, rules FROM checkpoints WHERE id = ?", [.text(id)]) { row in
            Checkpoint(
                id: row.string(0), name: row.string(1), kind: Checkpoint.Kind(rawValue: row.string(2)) ?? .gate,
                rules: try JSONDecoder().decode(CheckpointRules.self, from: Data(row.string(3).utf8)))
        }
    }
}
