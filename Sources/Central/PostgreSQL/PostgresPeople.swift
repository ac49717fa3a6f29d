import Foundation
import HealthCode
import LocalStore

/// The people columns in PostgreSQL, in the order `change(_:_:)` reads them.
enum PostgresPeople {
    static let list = PersonColumns.list + ", authority_at, txid::text"

    /// Reads one row selected with `list`: the person as the store keeps them, and the writing transaction.
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
}
