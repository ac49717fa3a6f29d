import Foundation
import HealthCode
import LocalStore

/// The central store as one SQLite file: the default for a single site and for demos.
///
/// SQLite serialises writers, so feed positions are handed out in commit order and a reader
/// that remembers the highest position it saw never skips a change.
public final class EmbeddedCentral: CentralStore {
    let database: Database
    private let clock: @Sendable () -> Date

    /// Opens or creates the store at `path`; the folder must exist.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard folder.isEmpty || FileManager.default.fileExists(atPath: folder) else {
            throw CentralError("central store unreachable: folder \(folder) does not exist")
        }
        do {
            database = try Database(path: path)
            try database.migrate(EmbeddedSchema.migrations)
        } catch let error as SQLiteError {
            throw CentralError("central store \(path): \(error.message)")
        }
        self.clock = clock
    }

    /// The cursor is the last feed position handed out, as decimal text.
    public func changes(after cursor: FeedCursor, limit: Int) throws -> FeedPage {
        guard let position = cursor == .start ? 0 : Int64(cursor.token) else {
            throw CentralError("the cache's feed position \(cursor.token) is not one this store hands out")
        }
        let changes = try database.query(
            "SELECT \(PersonColumns.list) FROM people WHERE seq > ? ORDER BY seq LIMIT ?",
            [.integer(position), .integer(Int64(limit))], PersonColumns.change)
        let next = changes.last.map { FeedCursor(String($0.seq)) } ?? cursor
        return FeedPage(changes: changes, next: next, atEnd: changes.count < limit)
    }

    public func person(document: String) throws -> PersonRecord? {
        try stored(document)?.record
    }

    public func people(phone: String) throws -> [PersonRecord] {
        try database.query(
            "SELECT \(PersonColumns.list) FROM people WHERE phone = ? ORDER BY document", [.text(phone)],
            PersonColumns.change
        ).map(\.record)
    }

    // MARK: Events

    public func submit(_ events: [GateEvent]) throws -> [EventReceipt] {
        try database.transaction {
            try events.map(intake)
        }
    }

    private func intake(_ event: GateEvent) throws -> EventReceipt {
        if let known = try database.queryFirst(
            "SELECT received_at FROM events WHERE id = ?", [.text(event.id.uuidString)], { $0.date(0) }) {
            return EventReceipt(eventID: event.id, receivedAt: known)
        }
        let receivedAt = Date(timeIntervalSince1970: Double(SQLValue.milliseconds(clock())) / 1000)
        let effect: (seq: Int64?, colourBefore: CodeColour?) = switch event.kind {
        case .check: (nil, nil)
        case .registration: try applyRegistration(event, at: receivedAt)
        case .void: (try applyVoid(event, at: receivedAt), nil)
        }
        try database.run("""
            INSERT INTO events (id, kind, checkpoint, document, at, received_at, payload, feed_seq, colour_before)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .text(event.id.uuidString), .text(event.kind.rawValue), .text(event.checkpointID),
                SQLValue(event.document), SQLValue(event.at), SQLValue(receivedAt),
                .text(try EventCoding.encode(event)), SQLValue(effect.seq), SQLValue(effect.colourBefore?.rawValue),
            ])
        return EventReceipt(eventID: event.id, receivedAt: receivedAt)
    }

    /// Green turns yellow; any other colour stays. Returns the person's feed position afterwards and
    /// the colour this store had before, which a void restores.
    private func applyRegistration(_ event: GateEvent, at receivedAt: Date) throws -> (seq: Int64?, colourBefore: CodeColour?) {
        guard let document = event.document, var current = try stored(document) else { return (nil, nil) }
        let before = current.record.colour
        let colour = Registration.colour(after: before)
        guard colour != before else { return (current.seq, before) }
        current.record.colour = colour
        current.record.reason = Self.registrationReason
        current.record.colourChangedAt = receivedAt
        current.changedBy = event.id
        return (try write(current), before)
    }

    /// Restores the colour a registration changed, unless a later change intervened.
    private func applyVoid(_ event: GateEvent, at receivedAt: Date) throws -> Int64? {
        guard let registration = event.voids else { return nil }
        try database.run(
            "UPDATE events SET voided_by = ? WHERE id = ? AND kind = 'registration' AND voided_by IS NULL",
            [.text(event.id.uuidString), .text(registration.uuidString)])
        guard let document = event.document, var current = try stored(document) else { return nil }
        guard let before = try database.queryFirst(
                  "SELECT colour_before FROM events WHERE id = ? AND kind = 'registration'", [.text(registration.uuidString)],
                  { $0.optionalString(0).flatMap(CodeColour.init(rawValue:)) }) ?? nil,
              let restored = Registration.colourAfterVoid(
                  lastChangedBy: current.changedBy, registration: registration, colourBefore: before)
        else { return current.seq }
        current.record.colour = restored
        current.record.reason = "异常登记已撤销：\(event.note ?? "")"
        current.record.colourChangedAt = receivedAt
        current.changedBy = event.id
        return try write(current)
    }

    /// The reason a registration gives for the colour it sets.
    static let registrationReason = "检查点体温异常登记"

    public func events(limit: Int) throws -> [StoredEvent] {
        try database.query(
            "SELECT payload, received_at, feed_seq FROM events ORDER BY rowid LIMIT ?", [.integer(Int64(limit))]
        ) { StoredEvent(event: try EventCoding.decode($0.string(0)), receivedAt: $0.date(1), feedSeq: $0.optionalInt64(2)) }
    }

    // MARK: The authority's feeds

    /// An authority row replaces the colour unless the authority already said something newer; a
    /// registration received after the row's time still applies on top of it.
    public func importCodes(_ rows: [CodeRow]) throws -> ImportSummary {
        try database.transaction {
            var summary = ImportSummary()
            for row in rows {
                let current = try stored(row.document)
                if current != nil, let authorityAt = try authorityTime(row.document), row.updatedAt < authorityAt {
                    summary.stale += 1
                    continue
                }
                var next = current ?? FeedChange(seq: 0, record: PersonRecord(
                    document: row.document, nameMasked: row.nameMasked, colour: row.colour, colourChangedAt: row.updatedAt))
                next.record.nameMasked = row.nameMasked
                next.record.phone = row.phone
                next.record.colour = row.colour
                next.record.reason = row.reason
                next.record.colourChangedAt = row.updatedAt
                next.changedBy = nil
                if let registration = try laterRegistration(row.document, after: row.updatedAt) {
                    try database.run("UPDATE events SET colour_before = ? WHERE id = ?",
                                     [.text(row.colour.rawValue), .text(registration.id.uuidString)])
                    let colour = Registration.colour(after: row.colour)
                    if colour != row.colour {
                        next.record.colour = colour
                        next.record.reason = Self.registrationReason
                        next.record.colourChangedAt = registration.receivedAt
                        next.changedBy = registration.id
                    }
                }
                if let current, next.record == current.record, next.changedBy == current.changedBy {
                    summary.unchanged += 1
                } else {
                    _ = try write(next)
                    summary.changed += 1
                }
                try database.run("UPDATE people SET authority_at = ? WHERE document = ?",
                                 [SQLValue(row.updatedAt), .text(row.document)])
            }
            return summary
        }
    }

    /// When the authority last set this person's colour.
    private func authorityTime(_ document: String) throws -> Date? {
        try database.queryFirst("SELECT authority_at FROM people WHERE document = ?", [.text(document)]) { $0.date(0) }
    }

    /// The newest registration of this person, not voided, received after `time`.
    private func laterRegistration(_ document: String, after time: Date) throws -> (id: UUID, receivedAt: Date)? {
        try database.queryFirst("""
            SELECT id, received_at FROM events
            WHERE document = ? AND kind = 'registration' AND voided_by IS NULL AND received_at > ?
            ORDER BY received_at DESC LIMIT 1
            """, [.text(document), SQLValue(time)]) { row in
            UUID(uuidString: row.string(0)).map { (id: $0, receivedAt: row.date(1)) }
        } ?? nil
    }

    public func importNAT(_ rows: [NATRow]) throws -> ImportSummary {
        try database.transaction {
            var summary = ImportSummary()
            for row in rows {
                guard var current = try stored(row.document) else {
                    summary.unknownPeople += 1
                    continue
                }
                if let existing = current.record.nat, existing.sampledAt > row.nat.sampledAt
                    || existing.sampledAt == row.nat.sampledAt && existing.outcome != .pending && row.nat.outcome == .pending {
                    summary.stale += 1
                } else if current.record.nat == row.nat {
                    summary.unchanged += 1
                } else {
                    current.record.nat = row.nat
                    _ = try write(current)
                    summary.changed += 1
                }
            }
            return summary
        }
    }

    // MARK: Checkpoints

    public func saveCheckpoint(_ checkpoint: Checkpoint) throws {
        let rules = String(decoding: try JSONEncoder().encode(checkpoint.rules), as: UTF8.self)
        try database.run("""
            INSERT INTO checkpoints (id, name, kind, rules, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                rules = excluded.rules, updated_at = excluded.updated_at
            """, [.text(checkpoint.id), .text(checkpoint.name), .text(checkpoint.kind.rawValue), .text(rules), SQLValue(clock())])
    }

    public func checkpoint(id: String) throws -> Checkpoint? {
        try database.queryFirst("SELECT id, name, kind, rules FROM checkpoints WHERE id = ?", [.text(id)]) { row in
            Checkpoint(
                id: row.string(0), name: row.string(1), kind: Checkpoint.Kind(rawValue: row.string(2)) ?? .gate,
                rules: try JSONDecoder().decode(CheckpointRules.self, from: Data(row.string(3).utf8)))
        }
    }

    // MARK: Rows

    private func stored(_ document: String) throws -> FeedChange? {
        try database.queryFirst(
            "SELECT \(PersonColumns.list) FROM people WHERE document = ?", [.text(document)], PersonColumns.change)
    }

    /// Writes every shared column and keeps `authority_at`, which only imports set.
    static let upsert = PersonColumns.upsert.replacingOccurrences(of: "INSERT OR REPLACE", with: "INSERT")
        + " ON CONFLICT(document) DO UPDATE SET "
        + PersonColumns.list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0 != "document" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// Writes a person at the next feed position and returns that position.
    private func write(_ change: FeedChange) throws -> Int64 {
        guard let seq = try database.queryFirst("UPDATE feed SET seq = seq + 1 WHERE id = 1 RETURNING seq", [], { $0.int64(0) })
        else { throw CentralError("the feed counter is missing") }
        var next = change
        next.seq = seq
        try database.run(Self.upsert, PersonColumns.values(next))
        return seq
    }
}
