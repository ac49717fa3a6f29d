import Foundation
import HealthCode
import LocalStore

/// The people columns in PostgreSQL, in the order `change(_:_:)` reads them.
enum PostgresPeople {
    static let list = PersonColumns.list + ", authority_at, txid::text"

    /// Reads one row selected with `list`.
    static func person(_ result: PostgresResult, _ row: Int) throws -> (person: StoredPerson, txid: String) {
        func date(_ column: Int) throws -> Date { Date(timeIntervalSince1970: Double(try result.int64(row, column)) / 1000) }
        func optionalDate(_ column: Int) throws -> Date? {
            try result.optionalInt64(row, column).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
        var nat: NATResult?
        if let sampled = try optionalDate(7),
           let outcome = try result.optionalString(row, 9).flatMap(NATResult.Outcome.init(rawValue:)) {
            nat = NATResult(sampledAt: sampled, reportedAt: try optionalDate(8), outcome: outcome,
                            institution: try result.optionalString(row, 10) ?? "")
        }
        let record = PersonRecord(
            document: try result.string(row, 0), nameMasked: try result.string(row, 1), phone: try result.optionalString(row, 2),
            colour: CodeColour(rawValue: try result.string(row, 3)) ?? .unknown, reason: try result.string(row, 4),
            colourChangedAt: try date(5), nat: nat)
        let change = FeedChange(seq: try result.int64(row, 11), record: record,
                                changedBy: try result.optionalString(row, 6).flatMap(UUID.init(uuidString:)))
        return (StoredPerson(change: change, authorityAt: try date(12)), try result.string(row, 13))
    }

    /// The values of the shared columns but `seq`, which the store's trigger sets, for an upsert.
    static func values(_ change: FeedChange) -> [PostgresValue] {
        let record = change.record
        func milliseconds(_ date: Date?) -> PostgresValue { date.map { .integer(SQLValue.milliseconds($0)) } ?? .null }
        return [
            .text(record.document), .text(record.nameMasked), PostgresValue(record.phone), .text(record.colour.rawValue),
            .text(record.reason), milliseconds(record.colourChangedAt), PostgresValue(change.changedBy?.uuidString),
            milliseconds(record.nat?.sampledAt), milliseconds(record.nat?.reportedAt),
            PostgresValue(record.nat?.outcome.rawValue), PostgresValue(record.nat?.institution),
        ]
    }

    /// Inserts or updates a person's shared columns; the trigger stamps the version and transaction.
    static let upsert = """
        INSERT INTO people (document, name_masked, phone, colour, reason, colour_changed_at, changed_by,
                            nat_sampled_at, nat_reported_at, nat_result, nat_institution)
        VALUES ($1, $2, $3, $4, $5, $6, $7::uuid, $8, $9, $10, $11)
        ON CONFLICT (document) DO UPDATE SET
            name_masked = excluded.name_masked, phone = excluded.phone, colour = excluded.colour,
            reason = excluded.reason, colour_changed_at = excluded.colour_changed_at, changed_by = excluded.changed_by,
            nat_sampled_at = excluded.nat_sampled_at, nat_reported_at = excluded.nat_reported_at,
            nat_result = excluded.nat_result, nat_institution = excluded.nat_institution
        """
}
