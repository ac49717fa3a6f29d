import Foundation
import HealthCode
import LocalStore

/// The embedded store's rows in SQLite; writers are serialised, so feed versions follow commit order.
struct EmbeddedTables: CentralTables {
    let database: Database

    func person(_ document: String) throws -> StoredPerson? {
        try database.queryFirst(
            "SELECT \(PersonColumns.list), authority_at FROM people WHERE document = ?", [.text(document)]
        ) { StoredPerson(change: PersonColumns.change($0), authorityAt: $0.date(12)) }
    }

    func write(_ person: FeedChange, authorityAt: Date?) throws {
        guard let seq = try database.queryFirst("UPDATE feed SET seq = seq + 1 WHERE id = 1 RETURNING seq", [], { $0.int64(0) })
        else { throw CentralError("the feed counter is missing") }
        var next = person
        next.seq = seq
        try database.run(PersonColumns.upsert, PersonColumns.values(next))
        if let authorityAt { try setAuthorityTime(person.record.document, authorityAt) }
    }

    func setAuthorityTime(_ document: String, _ time: Date) throws {
        try database.run("UPDATE people SET authority_at = ? WHERE document = ?", [SQLValue(time), .text(document)])
    }

    func receivedAt(event: UUID) throws -> Date? {
        try database.queryFirst("SELECT received_at FROM events WHERE id = ?", [.text(event.uuidString)]) { $0.date(0) }
    }

    func insert(_ event: GateEvent, receivedAt: Date, colourBefore: CodeColour?) throws {
        try database.run("""
            INSERT INTO events (id, kind, checkpoint, document, at, received_at, payload, colour_before)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .text(event.id.uuidString), .text(event.kind.rawValue), .text(event.checkpointID),
                SQLValue(event.document), SQLValue(event.at), SQLValue(receivedAt),
                .text(EventCoding.encode(event)), SQLValue(colourBefore?.rawValue),
            ])
    }

    func registration(_ id: UUID) throws -> (checkpoint: String, colourBefore: CodeColour?)? {
        try database.queryFirst(
            "SELECT checkpoint, colour_before FROM events WHERE id = ? AND kind = 'registration'", [.text(id.uuidString)]
        ) { (checkpoint: $0.string(0), colourBefore: $0.optionalString(1).flatMap(CodeColour.init(rawValue:))) }
    }

    func markVoided(registration: UUID, by void: UUID) throws {
        try database.run("UPDATE events SET voided_by = ? WHERE id = ? AND voided_by IS NULL",
                         [.text(void.uuidString), .text(registration.uuidString)])
    }

    func setColourBefore(registration: UUID, _ colour: CodeColour) throws {
        try database.run("UPDATE events SET colour_before = ? WHERE id = ?",
                         [.text(colour.rawValue), .text(registration.uuidString)])
    }

    func latestRegistration(of document: String, receivedAfter time: Date) throws -> (id: UUID, receivedAt: Date)? {
        try database.queryFirst("""
            SELECT id, received_at FROM events
            WHERE document = ? AND kind = 'registration' AND voided_by IS NULL AND received_at > ?
            ORDER BY received_at DESC LIMIT 1
            """, [.text(document), SQLValue(time)]) { row in
            UUID(uuidString: row.string(0)).map { (id: $0, receivedAt: row.date(1)) }
        } ?? nil
    }
}
