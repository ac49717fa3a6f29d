import CSQLite
import Foundation

/// One SQLite connection: WAL, a busy timeout, cached prepared statements and `BEGIN IMMEDIATE` writers.
///
/// A connection belongs to one thread at a time; open another for another thread. Transactions of
/// this process's connections to one file take turns through a `WriterQueue`.
public final class Database {
    private let connection: OpaquePointer
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0
    private let writers: WriterQueue?

    /// Opens (creating if needed) the database at `path`.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle)
            sqlite3_close_v2(handle)
            throw error
        }
        connection = handle
        writers = WriterQueue.forFile(path)
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try useWriteAheadLog(waitingUpTo: busyTimeoutMilliseconds)
        try execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
    }

    /// Puts the file in WAL mode. Connections opening a new file at once race to convert it, and SQLite
    /// answers the others busy at once rather than through the busy timeout (two readers each waiting
    /// for the other's lock would never finish), so this asks again until the timeout has passed.
    private func useWriteAheadLog(waitingUpTo milliseconds: Int32) throws {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        while true {
            do {
                return try execute("PRAGMA journal_mode = WAL")
            } catch let error as SQLiteError where error.code & 0xff == SQLITE_BUSY && Date() < deadline {
                usleep(1_000)
            }
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(connection)
    }

    /// Runs one or more statements without arguments.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text)
        }
    }

    /// Runs one statement with arguments and returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        while try statement.step() {}
        return Int(sqlite3_changes(connection))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        var rows: [T] = []
        while try statement.step() { rows.append(try map(Row(statement: statement.handle))) }
        return rows
    }

    /// Runs a query and maps its first row, if any.
    public func queryFirst<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> T? {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        defer { statement.finish() }
        return try statement.step() ? map(Row(statement: statement.handle)) : nil
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction (a savepoint when nested): all of it or none,
    /// also when the commit itself fails.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let outermost = transactionDepth == 0
        let savepoint = "hg_\(transactionDepth)"
        if outermost { writers?.acquire() }
        defer { if outermost { writers?.release() } }
        try run(outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try run(outermost ? "COMMIT" : "RELEASE \(savepoint)")
            return result
        } catch {
            if outermost {
                if sqlite3_get_autocommit(connection) == 0 { try? execute("ROLLBACK") }
            } else {
                try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            }
            throw error
        }
    }

    /// Applies the migrations newer than the file's `user_version`, each in its own transaction. The
    /// version read under the write lock decides, so connections opening a new file at once (the gate's
    /// and the sync thread's) apply each migration once between them.
    public func migrate(_ migrations: [Migration]) throws {
        let current = try schemaVersion()
        guard let newest = migrations.map(\.version).max() else { return }
        guard current <= newest else { throw MigrationError.newerSchema(found: current, known: newest) }
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > current {
            try transaction {
                guard try schemaVersion() < migration.version else { return }
                try execute(migration.sql)
                try execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    /// Copies what the write-ahead log holds into the database file as far as readers allow, without
    /// waiting for or blocking anyone: for a connection that checkpoints by itself (`PRAGMA wal_autocheckpoint = 0`).
    public func checkpointLog() {
        sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int {
        try queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    /// The cached prepared statement for `sql`, for a loop that runs it many times (see `Statement.run`).
    public func statement(_ sql: String) throws -> Statement {
        try prepared(sql)
    }

    private func prepared(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(sql: sql, connection: connection)
        statements[sql] = statement
        return statement
    }
}

/// One numbered step of a schema.
public struct Migration: Sendable {
    public let version: Int
    public let sql: String

    public init(_ version: Int, _ sql: String) {
        self.version = version
        self.sql = sql
    }
}

/// A database file written by a newer healthgate than this one.
public enum MigrationError: Error, CustomStringConvertible {
    case newerSchema(found: Int, known: Int)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            "the database has schema version \(found), newer than this healthgate knows (\(known)); upgrade healthgate"
        }
    }
}
