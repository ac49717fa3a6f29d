import Foundation
import HealthCode

/// The people columns shared by the cache and the embedded central store, and how a row maps to a record.
public enum PersonColumns {
    /// The column list, in the order `change(_:)` reads it.
    public static let list = """
        document, name_masked, phone, colour, reason, colour_changed_at, changed_by, \
        nat_sampled_at, nat_reported_at, nat_result, nat_institution, seq
        """

    private static func insert(into table: String) -> String {
        "INSERT INTO \(table) (\(list)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    }

    /// The `CREATE TABLE` body for a people table.
    public static let table = """
        document TEXT PRIMARY KEY NOT NULL,
        name_masked TEXT NOT NULL,
        phone TEXT,
        colour TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        colour_changed_at INTEGER NOT NULL,
        changed_by TEXT,
        nat_sampled_at INTEGER,
        nat_reported_at INTEGER,
        nat_result TEXT,
        nat_institution TEXT,
        seq INTEGER NOT NULL
        """

    /// Writes a whole person row unless one with the same document is there.
    public static let insertIfMissing = "\(insert(into: "people")) ON CONFLICT (document) DO NOTHING"

    /// Writes a whole person row, replacing the shared columns of any with the same document (the
    /// embedded store's `authority_at` stays).
    public static let upsert = "\(insert(into: "people")) \(replacing(phone: true))"

    /// `upsert`, except that an existing row keeps its phone: SQLite rewrites an index entry whenever its
    /// column is assigned, even the same value, so the cache sets a phone apart and only when it changed.
    public static let upsertKeepingPhone = "\(insert(into: "people")) \(replacing(phone: false))"

    /// `upsert` into the cache's table of recent changes (see `CacheSchema`).
    public static let upsertRecent = "\(insert(into: "people_recent")) \(replacing(phone: true))"

    private static func replacing(phone: Bool) -> String {
        """
        ON CONFLICT (document) DO UPDATE SET name_masked = excluded.name_masked,\(phone ? " phone = excluded.phone," : "")
            colour = excluded.colour, reason = excluded.reason, colour_changed_at = excluded.colour_changed_at,
            changed_by = excluded.changed_by, nat_sampled_at = excluded.nat_sampled_at,
            nat_reported_at = excluded.nat_reported_at, nat_result = excluded.nat_result,
            nat_institution = excluded.nat_institution, seq = excluded.seq
        """
    }

    /// Reads a row selected with `list`.
    public static func change(_ row: Row) -> FeedChange {
        var nat: NATResult?
        if let sampled = row.optionalDate(7), let outcome = row.optionalString(9).flatMap(NATResult.Outcome.init(rawValue:)) {
            nat = NATResult(sampledAt: sampled, reportedAt: row.optionalDate(8), outcome: outcome,
                            institution: row.optionalString(10) ?? "")
        }
        let record = PersonRecord(
            document: row.string(0), nameMasked: row.string(1), phone: row.optionalString(2),
            colour: CodeColour(rawValue: row.string(3)) ?? .unknown, reason: row.string(4),
            colourChangedAt: row.date(5), nat: nat)
        return FeedChange(seq: row.int64(11), record: record, changedBy: row.optionalString(6).flatMap(UUID.init(uuidString:)))
    }

    /// The values of `list`, in order, for an insert.
    public static func values(_ change: FeedChange) -> [SQLValue] {
        let record = change.record
        return [
            .text(record.document), .text(record.nameMasked), SQLValue(record.phone), .text(record.colour.rawValue),
            .text(record.reason), SQLValue(record.colourChangedAt), SQLValue(change.changedBy?.uuidString),
            SQLValue(record.nat?.sampledAt), SQLValue(record.nat?.reportedAt), SQLValue(record.nat?.outcome.rawValue),
            SQLValue(record.nat?.institution), .integer(change.seq),
        ]
    }
}
