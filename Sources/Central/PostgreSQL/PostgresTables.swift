import Foundation
import HealthCode
import LocalStore

/// The PostgreSQL store's people rows for the authority's feeds; a person read here is locked until
/// the transaction ends, so concurrent writers of one person take turns.
struct PostgresTables: CentralTables {
    let connection: PostgresConnection

    func person(_ document: String) throws -> StoredPerson? {
        let result = try connection.query(
            "SELECT \(PostgresPeople.list) FROM people WHERE document = $1 FOR UPDATE", [.text(document)])
        return result.rowCount == 0 ? nil : try PostgresPeople.person(result, 0).person
    }

    func write(_ person: FeedChange, authorityAt: Date?) throws {
        try connection.query(PostgresPeople.upsert, PostgresPeople.values(person))
        if let authorityAt { try setAuthorityTime(person.record.document, authorityAt) }
    }

    func setAuthorityTime(_ document: String, _ time: Date) throws {
        try connection.query("UPDATE people SET authority_at = $1 WHERE document = $2 AND authority_at <> $1",
                             [.integer(SQLValue.milliseconds(time)), .text(document)])
    }



    func setColourBefore(registration: UUID, _ colour: CodeColour) throws {
        try connection.query("UPDATE events SET colour_before = $1 WHERE id = $2::uuid",
                             [.text(colour.rawValue), .text(registration.uuidString)])
    }

    func latestRegistration(of document: String, receivedAfter time: Date) throws -> (id: UUID, receivedAt: Date)? {
        let result = try connection.query("""
            SELECT id::text, received_at FROM events
            WHERE document = $1 AND kind = 'registration' AND voided_by IS NULL AND received_at > $2
            ORDER BY received_at DESC LIMIT 1
            """, [.text(document), .integer(SQLValue.milliseconds(time))])
        guard result.rowCount > 0, let id = UUID(uuidString: try result.string(0, 0)) else { return nil }
        return (id, Date(timeIntervalSince1970: Double(try result.int64(0, 1)) / 1000))
    }
}
