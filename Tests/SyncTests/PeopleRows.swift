import Foundation
import LocalStore
@testable import Central

/// The people rows of a PostgreSQL central store and of a console's cache: seeded in bulk, and read whole to compare.
enum PeopleRows {
    /// Inserts `count` green people, documents `prefix` and six digits, in one statement as an authority's first
    /// load would; returns their documents.
    static func seed(_ url: String, prefix: String, count: Int) throws -> [String] {
        try PostgresConnection(url: url).query("""
            INSERT INTO people (document, name_masked, colour, reason, colour_changed_at)
            SELECT $1::text || lpad(i::text, 6, '0'), '赵*', 'green', '', 1764000000000
            FROM generate_series(1, $2::bigint) AS i
            """, [.text(prefix), .integer(Int64(count))])
        return (1...count).map { prefix + String(format: "%06d", $0) }
    }

    /// Every person in the central store, in document order, with their feed versions.
    static func central(_ connection: PostgresConnection) throws -> [FeedChange] {
        let result = try connection.query("SELECT \(PostgresPeople.list) FROM people")
        return try (0..<result.rowCount).map { try PostgresPeople.person(result, $0).person.change }
            .sorted { $0.record.document < $1.record.document }
    }

    /// Every person in the cache as the feed left them, in document order.
    static func cache(_ cache: LocalCache) throws -> [FeedChange] {
        try cache.database.query("SELECT \(PersonColumns.list) FROM people_current", [], PersonColumns.change)
            .sorted { $0.record.document < $1.record.document }
    }

    /// How many people the cache lacks, holds in another state than central, or holds though central does not.
    static func mismatches(cache: [FeedChange], central: [FeedChange]) -> Int {
        let cached = Dictionary(uniqueKeysWithValues: cache.map { ($0.record.document, $0) })
        let known = Set(central.map(\.record.document))
        return central.filter { cached[$0.record.document] != $0 }.count + cached.keys.filter { !known.contains($0) }.count
    }
}
