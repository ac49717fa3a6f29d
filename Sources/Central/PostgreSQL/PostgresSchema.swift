import Assets
import Foundation

/// The central store's schema in PostgreSQL: the numbered files in `Assets/sql/postgresql/`.
enum PostgresSchema {
    /// One numbered SQL file.
    struct Migration {
        let version: Int
        let sql: String
    }

    /// The migrations shipped with this build, in order.
    static func migrations() throws -> [Migration] {
        guard let folder = Assets.url("sql/postgresql") else {
            throw CentralError("the PostgreSQL schema files are missing from the Assets bundle")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try names.map { name in
            guard let version = Int(name.prefix { $0.isNumber }) else {
                throw CentralError("schema file \(name) does not start with its version number")
            }
            return Migration(version: version, sql: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The newest version this build knows.
    static func known() throws -> Int { try migrations().map(\.version).max() ?? 0 }

    /// The version the store is at; 0 for a database without the healthgate schema.
    static func version(of connection: PostgresConnection) throws -> Int {
        let exists = try connection.query("SELECT to_regclass('healthgate_schema') IS NOT NULL")
        guard try exists.bool(0, 0) else { return 0 }
        return try connection.query("SELECT coalesce(max(version), 0) FROM healthgate_schema").int(0, 0)
    }

    /// Applies every migration newer than the store's version in one transaction (all or none), under
    /// an advisory lock so two administrators cannot run them at once. Returns the versions applied.
    @discardableResult
    static func migrate(_ connection: PostgresConnection) throws -> [Int] {
        try connection.transaction {
            try connection.query("SELECT pg_advisory_xact_lock(7164830221)")
            let current = try version(of: connection)
            let known = try known()
            guard current <= known else { throw CentralError(newer(current, known)) }
            var applied: [Int] = []
            for migration in try migrations() where migration.version > current {
                try connection.execute(migration.sql)
                try connection.query("INSERT INTO healthgate_schema (version) VALUES ($1)", [.integer(Int64(migration.version))])
                applied.append(migration.version)
            }
            return applied
        }
    }

    /// Refuses a store whose schema this build does not know.
    static func check(_ connection: PostgresConnection) throws {
        let current = try version(of: connection)
        let known = try known()
        if current == 0 {
            throw CentralError("this PostgreSQL database has no healthgate schema: run healthgate central migrate")
        }
        if current < known {
            throw CentralError("the central store has schema version \(current), older than this healthgate's \(known): "
                + "run healthgate central migrate")
        }
        if current > known { throw CentralError(newer(current, known)) }
    }

    private static func newer(_ current: Int, _ known: Int) -> String {
        "the central store has schema version \(current), newer than this healthgate knows (\(known)): upgrade healthgate"
    }
}
