import Foundation
import HealthCode
import LocalStore
@testable import Central

/// A console's data and its PostgreSQL central store for the kill test: a region loaded in bulk, an outbox filled
/// in one transaction, and both stores' people read whole to compare.
enum SyncKillFixture {
    /// Inserts `count` green people in one statement; returns their documents.
    static func seed(_ connection: PostgresConnection, count: Int) throws -> [String] {
        try connection.query("""
            INSERT INTO people (document, name_masked, colour, reason, colour_changed_at)
            SELECT 'PP:K' || lpad(i::text, 6, '0'), '赵*', 'green', '', 1764000000000
            FROM generate_series(1, $1::bigint) AS i
            """, [.integer(Int64(count))])
        return (1...count).map { "PP:K" + String(format: "%06d", $0) }
    }

    /// Events the cache has marked sent.
    static func sent(_ cache: LocalCache) throws -> Int {
        try cache.events.queryFirst("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL") { $0.int(0) } ?? 0
    }

    /// Events the central store holds.
    static func stored(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) FROM events").int(0, 0)
    }

    /// Transactions that have written to central's database and not yet ended, other than the caller's.
    static func openTransactions(_ connection: PostgresConnection) throws -> Int {
        try connection.query("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """).int(0, 0)
    }

    /// True when the cache holds exactly central's people, each at central's version.
    static func cacheEqualsCentral(_ cache: LocalCache, _ connection: PostgresConnection) throws -> Bool {
        let result = try connection.query("SELECT \(PostgresPeople.list) FROM people")
        let central = try (0..<result.rowCount).map { try PostgresPeople.person(result, $0).person.change }
        let cached = try cache.database.query("SELECT \(PersonColumns.list) FROM people_current", [], PersonColumns.change)
        return Dictionary(uniqueKeysWithValues: central.map { ($0.record.document, $0) })
            == Dictionary(uniqueKeysWithValues: cached.map { ($0.record.document, $0) })
    }
}
