import Foundation
import HealthCode

/// The console's own SQLite files: the region's people and sync state in one, what this console saw
/// (the scan log, registrations and the outbox) in another beside it, so the feed's bulk writes and
/// a scan's write never wait for each other.
public final class LocalCache {
    /// The people the feed brings, the feed cursor and the settings.
    public let database: Database
    /// The scan log, registrations and the outbox.
    public let events: Database

    /// Opens or creates the cache at `path` and its events file (see `eventsPath`), bringing both schemas up to date.
    public init(path: String) throws {
        database = try Database(path: path)
        try database.migrate(CacheSchema.migrations)
        events = try Database(path: Self.eventsPath(path))
        try events.migrate(EventsSchema.migrations)
    }

    /// The events file beside a cache file: `cache.sqlite` keeps its events in `cache.events.sqlite`.
    public static func eventsPath(_ path: String) -> String {
        (path.hasSuffix(".sqlite") ? String(path.dropLast(".sqlite".count)) : path) + ".events.sqlite"
    }

    // MARK: Lookups

    /// The person with this document key, with this console's unconfirmed registrations and voids applied.
    public func person(document: String) throws -> PersonRecord? {
        let change = try database.queryFirst(
            "SELECT \(PersonColumns.list) FROM people_current WHERE document = ?", [.text(document)], PersonColumns.change)
        return try change.map(withLocalEvents)
    }

    /// Everyone whose code was applied for under this phone (代申领), in document order; nil while a
    /// first sync fills the cache without the phone index (see `deferPhoneIndex`), when only the
    /// central store can answer.
    public func people(phone: String) throws -> [PersonRecord]? {
        guard try hasPhoneIndex() else { return nil }
        let changes = try database.query(
            "SELECT \(PersonColumns.list) FROM people_current WHERE phone = ? ORDER BY document LIMIT 50", [.text(phone)],
            PersonColumns.change)
        return try changes.map(withLocalEvents)
    }

    /// Drops the phone index of an empty cache before a first sync: the region then arrives in document
    /// order and fills the table page by page, where phone numbers in random order would touch a
    /// random index page per person. `buildPhoneIndex` sorts it in one go afterwards.
    public func deferPhoneIndex() throws {
        guard try database.queryFirst("SELECT 1 FROM people LIMIT 1", [], { _ in true }) == nil else { return }
        try database.execute("DROP INDEX IF EXISTS people_phone")
    }

    /// Builds the phone index if a first sync deferred it.
    public func buildPhoneIndex() throws {
        guard try !hasPhoneIndex() else { return }
        try database.transaction {
            try database.execute("CREATE INDEX IF NOT EXISTS people_phone ON people(phone) WHERE phone IS NOT NULL")
        }
    }

    private func hasPhoneIndex() throws -> Bool {
        try database.queryFirst("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'people_phone'", [], { _ in true }) ?? false
    }

    /// The number of people cached.
    public func peopleCount() throws -> Int {
        try database.queryFirst("SELECT count(*) FROM people_current") { $0.int(0) } ?? 0
    }

    /// Applies this console's registrations and voids that the feed does not reflect yet, so a local
    /// flip shows at once and an older central state never undoes it. The feed reflects an event once
    /// the central row names it as its last change, or changed at or after the store received it.
    private func withLocalEvents(_ change: FeedChange) throws -> PersonRecord {
        let local = try events.query("""
            SELECT r.id, r.colour_before, r.at, reg.received_at, r.voided_by, v.received_at
            FROM registrations r
            JOIN outbox reg ON reg.id = r.id
            LEFT JOIN outbox v ON v.id = r.voided_by
            WHERE r.document = ?
            ORDER BY r.at
            """, [.text(change.record.document)]) { row in
            (id: UUID(uuidString: row.string(0)), before: CodeColour(rawValue: row.string(1)) ?? .green,
             at: row.date(2), received: row.optionalDate(3),
             void: row.optionalString(4).flatMap(UUID.init(uuidString:)), voidReceived: row.optionalDate(5))
        }
        func reflected(_ id: UUID?, _ received: Date?) -> Bool {
            guard let received else { return false }
            return change.changedBy == id || change.record.colourChangedAt >= received
        }
        var record = change.record
        for event in local {
            guard let id = event.id else { continue }
            if event.void == nil {
                guard !reflected(id, event.received) else { continue }
                let colour = Registration.colour(after: record.colour)
                if colour != record.colour {
                    record.colour = colour
                    record.colourChangedAt = event.at
                }
            } else if !reflected(event.void, event.voidReceived),
                      let restored = Registration.colourAfterVoid(
                          lastChangedBy: change.changedBy, registration: id, colourBefore: event.before) {
                record.colour = restored
            }
        }
        return record
    }

    /// Keeps a person the central store answered for directly, until the feed brings them: a local
    /// registration of them then shows at once. A row the feed already brought is left alone.
    public func adopt(_ record: PersonRecord) throws {
        try database.run(PersonColumns.insertIfMissing, PersonColumns.values(FeedChange(seq: 0, record: record)))
    }

    // MARK: Recording what the console saw

    /// Stores a check in the scan log and the outbox and, with a registration, the registration too: one transaction.
    public func record(check: GateEvent, registration: GateEvent? = nil) throws {
        try events.transaction {
            try events.run("""
                INSERT INTO scan_log (id, at, checkpoint, operator, document, colour, decision, reasons, readings, complete)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                    .text(check.id.uuidString), SQLValue(check.at), .text(check.checkpointID), .text(check.operatorName),
                    SQLValue(check.document), SQLValue(check.colour?.rawValue), SQLValue(check.decision?.rawValue),
                    .text(check.reasons.map(\.code.rawValue).joined(separator: ",")),
                    .text(check.readings.map(\.description).joined(separator: ",")), SQLValue(check.complete),
                ])
            try enqueue(check)
            if let registration {
                guard registration.kind == .registration, let document = registration.document else {
                    throw CacheError.notARegistration
                }
                try events.run("""
                    INSERT INTO registrations (id, document, at, colour_before, event) VALUES (?, ?, ?, ?, ?)
                    """, [
                        .text(registration.id.uuidString), .text(document), SQLValue(registration.at),
                        .text((registration.colour ?? .green).rawValue), .text(EventCoding.encode(registration)),
                    ])
                try enqueue(registration)
            }
        }
    }

    /// This console's latest registration that has not been voided.
    public func lastRegistration() throws -> GateEvent? {
        try events.queryFirst(
            "SELECT event FROM registrations WHERE voided_by IS NULL ORDER BY at DESC, rowid DESC LIMIT 1"
        ) { try EventCoding.decode($0.string(0)) }
    }

    /// Whether this console registered the document and the central store has not yet received it (nor a void of it).
    public func hasUnsentRegistration(document: String) throws -> Bool {
        try events.queryFirst("""
            SELECT 1 FROM registrations r JOIN outbox o ON o.id = r.id
            WHERE r.document = ? AND r.voided_by IS NULL AND o.received_at IS NULL LIMIT 1
            """, [.text(document)]) { _ in true } ?? false
    }

    /// Stores and queues a void, withdrawing its registration's colour change locally.
    public func void(_ event: GateEvent) throws {
        guard event.kind == .void, let registration = event.voids else { throw CacheError.notAVoid }
        try events.transaction {
            let changed = try events.run(
                "UPDATE registrations SET voided_by = ? WHERE id = ? AND voided_by IS NULL",
                [.text(event.id.uuidString), .text(registration.uuidString)])
            guard changed == 1 else { throw CacheError.nothingToVoid }
            try enqueue(event)
        }
    }

    private func enqueue(_ event: GateEvent) throws {
        try events.run(
            "INSERT INTO outbox (id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
            [.text(event.id.uuidString), .text(event.kind.rawValue), .text(EventCoding.encode(event)), SQLValue(event.at)])
    }

    /// Passes, refusals and registrations logged since `start` (the start of today).
    public func counts(since start: Date) throws -> (passed: Int, refused: Int, registered: Int) {
        let since = SQLValue(start)
        let decided = try events.queryFirst("""
            SELECT coalesce(sum(decision = 'pass'), 0), coalesce(sum(decision = 'refuse'), 0)
            FROM scan_log WHERE at >= ? AND complete = 1
            """, [since]) { ($0.int(0), $0.int(1)) } ?? (0, 0)
        let registered = try events.queryFirst(
            "SELECT count(*) FROM registrations WHERE at >= ? AND voided_by IS NULL", [since]) { $0.int(0) } ?? 0
        return (decided.0, decided.1, registered)
    }

    // MARK: Sync

    /// Unsent events, oldest first; a row that no longer reads as an event is set aside as refused.
    /// With `through`, only events queued up to that position (see `lastQueuedPosition`).
    public func unsentEvents(limit: Int, through last: Int64 = .max, at now: Date) throws -> [GateEvent] {
        let rows = try events.query("""
            SELECT id, payload FROM outbox WHERE sent_at IS NULL AND rejected_at IS NULL AND position <= ?
            ORDER BY position LIMIT ?
            """, [.integer(last), .integer(Int64(limit))]
        ) { (id: $0.string(0), event: try? EventCoding.decode($0.string(1))) }
        for row in rows where row.event == nil {
            try events.run("UPDATE outbox SET rejected_at = ?, rejection = ? WHERE id = ?",
                             [SQLValue(now), "the queued event cannot be read", .text(row.id)])
        }
        return rows.compactMap(\.event)
    }

    /// The queue position of the newest event, sent or not; 0 for an empty queue.
    public func lastQueuedPosition() throws -> Int64 {
        try events.queryFirst("SELECT coalesce(max(position), 0) FROM outbox") { $0.int64(0) } ?? 0
    }

    /// Events waiting to be sent.
    public func backlog() throws -> Int {
        try events.queryFirst("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND rejected_at IS NULL") { $0.int(0) } ?? 0
    }

    /// Events the central store refused for good (the dead-letter list), newest first.
    public func rejectedEvents(limit: Int) throws -> [(event: GateEvent?, reason: String, at: Date)] {
        try events.query(
            "SELECT payload, rejection, rejected_at FROM outbox WHERE rejected_at IS NOT NULL ORDER BY rejected_at DESC LIMIT ?",
            [.integer(Int64(limit))]
        ) { (try? EventCoding.decode($0.string(0)), $0.string(1), $0.date(2)) }
    }

    /// Puts the refused events back in the queue (after a store's configuration was put right);
    /// returns how many.
    public func requeueRejected() throws -> Int {
        try events.run("UPDATE outbox SET rejected_at = NULL, rejection = NULL WHERE rejected_at IS NOT NULL")
    }

    /// How many events the central store refused for good.
    public func rejectedCount() throws -> Int {
        try events.queryFirst("SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL") { $0.int(0) } ?? 0
    }

    /// Marks events sent after the central store committed them, or set aside when it refused them.
    public func markSent(_ receipts: [EventReceipt], at now: Date) throws {
        try events.transaction {
            for receipt in receipts {
                if let rejection = receipt.rejection {
                    try events.run(
                        "UPDATE outbox SET rejected_at = ?, rejection = ? WHERE id = ? AND sent_at IS NULL",
                        [SQLValue(now), .text(rejection), .text(receipt.eventID.uuidString)])
                } else {
                    try events.run(
                        "UPDATE outbox SET sent_at = ?, received_at = ? WHERE id = ? AND sent_at IS NULL",
                        [SQLValue(now), SQLValue(receipt.receivedAt), .text(receipt.eventID.uuidString)])
                }
            }
        }
    }

    /// Applies one page of the change feed in document order and moves the cursor: into `people` while a
    /// first sync fills it (the phone index deferred, see `deferPhoneIndex`), into `people_recent` after
    /// (see `CacheSchema`). The page commits in slices of `slice` people, so another writer waits for one
    /// slice at most; the last slice moves the cursor. Each change is a person's whole state, so a page
    /// cut short by a crash is simply applied again.
    public func apply(_ changes: [FeedChange], cursor: FeedCursor, slice: Int = 500) throws {
        let ordered = changes.inDocumentOrder()
        let write = try hasPhoneIndex() ? recentWriter() : peopleWriter(phoneIndexed: false)
        var start = 0
        repeat {
            let end = min(start + slice, ordered.count)
            try database.transaction {
                for change in ordered[start..<end] { try write(change) }
                if end == ordered.count { try setSetting("cursor", cursor.token) }
            }
            start = end
        } while start < ordered.count
    }

    /// Moves up to `limit` recent changes into `people`, in document order and slices of `slice`, each
    /// slice in one transaction; returns how many moved. A lookup finds the same state before, during and
    /// after, and a fold cut short leaves the rest for the next.
    @discardableResult
    public func foldRecentChanges(limit: Int = .max, slice: Int = 500) throws -> Int {
        let write = try peopleWriter(phoneIndexed: hasPhoneIndex())
        let remove = try database.statement("DELETE FROM people_recent WHERE document = ?")
        var folded = 0
        while folded < limit {
            let wanted = min(slice, limit - folded)
            let moved = try database.transaction {
                let changes = try database.query(
                    "SELECT \(PersonColumns.list) FROM people_recent ORDER BY document LIMIT ?",
                    [.integer(Int64(wanted))], PersonColumns.change)
                for change in changes {
                    try write(change)
                    try remove.run([.text(change.record.document)])
                }
                return changes.count
            }
            folded += moved
            if moved < wanted { break }
        }
        return folded
    }

    /// How many changes wait in `people_recent` to be folded into `people`.
    public func recentChangeCount() throws -> Int {
        try database.queryFirst("SELECT count(*) FROM people_recent") { $0.int(0) } ?? 0
    }

    /// Writes a change over a person's row in `people`. Where the phone index exists, a phone is written
    /// only where it changed, leaving the index alone otherwise.
    private func peopleWriter(phoneIndexed: Bool) throws -> (FeedChange) throws -> Void {
        guard phoneIndexed else {
            let upsert = try database.statement(PersonColumns.upsert)
            return { try upsert.run(PersonColumns.values($0)) }
        }
        let upsert = try database.statement(PersonColumns.upsertKeepingPhone)
        let phone = try database.statement("UPDATE people SET phone = ? WHERE document = ? AND phone IS NOT ?")
        return { change in
            try upsert.run(PersonColumns.values(change))
            try phone.run([SQLValue(change.record.phone), .text(change.record.document), SQLValue(change.record.phone)])
        }
    }

    /// Writes a change into `people_recent`, over an earlier one of the same person there.
    private func recentWriter() throws -> (FeedChange) throws -> Void {
        let upsert = try database.statement(PersonColumns.upsertRecent)
        return { try upsert.run(PersonColumns.values($0)) }
    }

    /// Readies this connection to apply the feed: a page cache of 6 MB, which keeps most inner pages of
    /// a city's B-tree in memory so that a change reads one page, not three; and checkpoints of the
    /// write-ahead log left to `checkpointLog()`, called between pages, outside any transaction.
    public func prepareForFeed() throws {
        try database.execute("PRAGMA cache_size = -6144; PRAGMA wal_autocheckpoint = 0")
    }

    /// Leaves this connection's checkpoints to another thread's `checkpointLog()`, so that a scan seldom
    /// waits for one: for the console's gate, whose sync thread checkpoints after every pass. A checkpoint
    /// beside a writer that never pauses cannot finish, and the log could then never start over: past
    /// `pagesBeforeOwnCheckpoint` pages, the gate finishes one itself (little is left to copy by then).
    public func leaveCheckpointsToOthers(pagesBeforeOwnCheckpoint: Int = 10_000) throws {
        try database.execute("PRAGMA wal_autocheckpoint = \(pagesBeforeOwnCheckpoint)")
        try events.execute("PRAGMA wal_autocheckpoint = \(pagesBeforeOwnCheckpoint)")
    }

    /// Moves both files' write-ahead logs into the database files as far as readers allow, without
    /// blocking anyone: the sync thread does it after each pass, so a scan seldom has to.
    public func checkpointLog() {
        database.checkpointLog()
        events.checkpointLog()
    }

    /// Forgets the central store's people and the cursor, keeping everything this console saw and its
    /// outbox: for a store that cannot continue the feed, before a full sync.
    public func restartFeed() throws {
        try database.transaction {
            try database.run("DELETE FROM people")
            try database.run("DELETE FROM people_recent")
            try setSetting("cursor", FeedCursor.start.token)
        }
    }

    /// The feed position this cache has applied up to.
    public func cursor() throws -> FeedCursor {
        try setting("cursor").map(FeedCursor.init) ?? .start
    }

    /// When a sync last completed.
    public func lastSyncAt() throws -> Date? {
        try setting("last_sync_at").flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    public func setLastSyncAt(_ date: Date) throws {
        try setSetting("last_sync_at", String(date.timeIntervalSince1970))
    }

    // MARK: Trust list

    /// Replaces the whole trust list and the clock skew measured with it, in one transaction.
    public func replaceTrust(_ keys: [IssuerKey], skew: TimeInterval) throws {
        try database.transaction {
            try database.run("DELETE FROM issuer_keys")
            for key in keys {
                try database.run(IssuerKeyColumns.insert, IssuerKeyColumns.values(key))
            }
            try setSetting("clock_skew", String(skew))
        }
    }

    /// The trust list and clock skew as of the last sync that brought them; no keys and no skew before the first.
    public func codeTrust() throws -> CodeTrust {
        let keys = try database.query(IssuerKeyColumns.selectAll, [], IssuerKeyColumns.key)
        return CodeTrust(keys: keys, skew: try setting("clock_skew").flatMap(Double.init) ?? 0)
    }

    // MARK: Settings

    /// This console's checkpoint and its rules.
    public func checkpoint() throws -> Checkpoint? {
        try setting("checkpoint").map { try JSONDecoder().decode(Checkpoint.self, from: Data($0.utf8)) }
    }

    public func saveCheckpoint(_ checkpoint: Checkpoint) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try setSetting("checkpoint", String(decoding: try encoder.encode(checkpoint), as: UTF8.self))
    }

    func setting(_ key: String) throws -> String? {
        try database.queryFirst("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.string(0) }
    }

    func setSetting(_ key: String, _ value: String) throws {
        try database.run(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }
}

/// A cache call that cannot be carried out as asked.
public enum CacheError: Error, Equatable, CustomStringConvertible {
    case notARegistration
    case notAVoid
    case nothingToVoid

    public var description: String {
        switch self {
        case .notARegistration: "the event is not a registration with a document"
        case .notAVoid: "the event is not a void of a registration"
        case .nothingToVoid: "that registration is unknown here or already voided"
        }
    }
}
