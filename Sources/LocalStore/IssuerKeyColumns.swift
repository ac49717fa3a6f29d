import Foundation
import HealthCode

/// The trust list's `issuer_keys` rows as the cache and the embedded central store keep them: keys in
/// base64 text, times in milliseconds since 1970.
public enum IssuerKeyColumns {
    /// The columns, in the order `values` binds them and `key` reads them.
    public static let list = "issuer, key_id, public_key, seal_key, valid_from, valid_to, revoked_at"

    /// The table, as both stores create it (each in its schema's second migration).
    public static let createTable = """
        CREATE TABLE issuer_keys (
            issuer TEXT NOT NULL,
            key_id TEXT NOT NULL,
            public_key TEXT NOT NULL,
            seal_key TEXT,
            valid_from INTEGER NOT NULL,
            valid_to INTEGER,
            revoked_at INTEGER,
            PRIMARY KEY (issuer, key_id)
        ) WITHOUT ROWID;
        """

    /// Inserts one key, bound with `values`.
    public static let insert = "INSERT INTO issuer_keys (\(list)) VALUES (?, ?, ?, ?, ?, ?, ?)"
    /// Every key, by issuer and key id, read with `key`.
    public static let selectAll = "SELECT \(list) FROM issuer_keys ORDER BY issuer, key_id"

    /// The values for `insert`.
    public static func values(_ key: IssuerKey) -> [SQLValue] {
        [.text(key.issuer), .text(key.keyID), .text(Data(key.publicKey).base64EncodedString()),
         SQLValue(key.sealKey.map { Data($0).base64EncodedString() }), SQLValue(key.validFrom), SQLValue(key.validTo),
         SQLValue(key.revokedAt)]
    }

    /// A key from a row of `SELECT list`; a key that does not decode to 32 bytes is refused, not passed on.
    public static func key(_ row: Row) throws -> IssuerKey {
        let issuer = row.string(0), keyID = row.string(1)
        return IssuerKey(
            issuer: issuer, keyID: keyID, publicKey: try bytes(row.string(2), "public", issuer, keyID),
            sealKey: try row.optionalString(3).map { try bytes($0, "seal", issuer, keyID) },
            validFrom: row.date(4), validTo: row.optionalDate(5), revokedAt: row.optionalDate(6))
    }

    private static func bytes(_ base64: String, _ name: String, _ issuer: String, _ keyID: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: base64), data.count == 32 else {
            throw DamagedKeyError(description: "the stored \(name) key of issuer \(issuer) key \(keyID) is not 32 bytes in base64")
        }
        return [UInt8](data)
    }
}

/// A stored trust-list row that no longer reads as a key.
public struct DamagedKeyError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
