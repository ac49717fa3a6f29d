import CLibPQ
import Foundation

/// One PostgreSQL connection through libpq: parameterised statements, transactions and `COPY`, with typed errors.
///
/// A connection belongs to one thread at a time; open another for another thread. Server notices and warnings
/// are dropped rather than printed on stderr, where they would tear the console's screen.
public final class PostgresConnection {
    private(set) var handle: OpaquePointer?
    private let secrets: [String]
    private var transactionDepth = 0

    /// Connects with any libpq URL (`postgresql://…`) or keyword string (`host=… dbname=…`); what it leaves out
    /// comes from the `PG*` environment variables and libpq's defaults, `sslmode` included. A `connect_timeout`
    /// in the URL wins over `connectTimeoutSeconds`. The client encoding is always UTF-8.
    public init(url: String, connectTimeoutSeconds: Int = 5) throws {
        secrets = PostgresURL.secrets(in: url)
        let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
        let values = [String(connectTimeoutSeconds), "healthgate", url, "UTF8"]
        let connection = Self.withCStrings(keywords + [nil]) { keywords in
            Self.withCStrings(values + [nil]) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else { throw PostgresError.connectionFailed(message: "libpq is out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
            PQfinish(connection)
            throw PostgresError.connectionFailed(message: PostgresURL.scrub(PostgresError.oneLine(message), secrets: secrets))
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit { close() }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        PQfinish(handle)
        handle = nil
    }

    /// True while the connection is open and has not broken.
    public var isConnected: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// The password's verifier as the server stores it (SCRAM-SHA-256 where the server uses it),
    /// made here so that the clear password never reaches the server or its log.
    public func encryptedPassword(_ password: String, role: String) throws -> String {
        let connection = try open()
        guard let encrypted = PQencryptPasswordConn(connection, password, role, nil) else {
            throw PostgresError.invalidUse(message: "libpq could not encrypt the password: "
                + (PQerrorMessage(connection).map { String(cString: $0) } ?? ""))
        }
        defer { PQfreemem(encrypted) }
        return String(cString: encrypted)
    }

    /// Runs one or more statements without parameters: DDL, `SET`, a migration script.
    public func execute(_ sql: String) throws {
        let connection = try open()
        _ = try finish(PQexec(connection, sql))
    }

    /// Runs one statement whose values travel as parameters `$1`, `$2`, … and never as SQL text.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresResult {
        let connection = try open()
        guard parameters.count <= 65535 else {
            throw PostgresError.invalidUse(message: "\(parameters.count) parameters; PostgreSQL takes at most 65535")
        }
        if let index = parameters.firstIndex(where: { $0.text?.utf8.contains(0) == true }) {
            throw PostgresError.invalidUse(message: "parameter $\(index + 1) holds a NUL character, which PostgreSQL text cannot store")
        }
        let types = parameters.map(\.typeOID)
        let result = Self.withCStrings(parameters.map(\.text)) { values in
            PQexecParams(connection, sql, Int32(parameters.count), types, values, nil, nil, 0)
        }
        return try finish(result)
    }

    /// Runs `body` in a transaction (a savepoint when nested): all of it or none, also when the commit fails
    /// or when `body` swallowed the error of a statement that aborted the transaction.
    /// `isolation` applies to the outermost transaction only.
    public func transaction<T>(_ isolation: PostgresIsolation? = nil, _ body: () throws -> T) throws -> T {
        let outermost = transactionDepth == 0
        guard outermost || isolation == nil else {
            throw PostgresError.invalidUse(message: "a nested transaction cannot set its own isolation level")
        }
        let savepoint = "hg_\(transactionDepth)"
        try execute(outermost ? "BEGIN" + (isolation.map { " ISOLATION LEVEL \($0.rawValue)" } ?? "") : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            if outermost { try commit() } else { try execute("RELEASE SAVEPOINT \(savepoint)") }
            return result
        } catch {
            if outermost {
                rollbackIfOpen()
            } else {
                try? execute("ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
            }
            throw error
        }
    }

    /// Makes the server cancel any later statement that runs longer than `milliseconds`; 0 turns the limit off.
    /// A cancelled statement fails with SQLSTATE 57014.
    public func setStatementTimeout(milliseconds: Int) throws {
        try query("select set_config('statement_timeout', $1, false)", [.text(String(max(0, milliseconds)))])
    }

    /// The open libpq handle, or `connectionLost` once closed.
    func open() throws -> OpaquePointer {
        guard let handle else { throw PostgresError.connectionLost(message: "the connection is closed") }
        return handle
    }

    /// Wraps a successful result, or turns a failed one (or none) into the matching error.
    func finish(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else { throw failure(nil) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(handle: result)
        case PGRES_COPY_IN, PGRES_COPY_OUT:
            PQclear(result)
            abandonCopy(status)
            throw PostgresError.invalidUse(message: "COPY FROM STDIN goes through copyIn; COPY TO STDOUT is not supported")
        default:
            let error = failure(result)
            PQclear(result)
            throw error
        }
    }

    /// The error a failed result (or a missing one) stands for: `connectionLost` when the connection broke.
    func failure(_ result: OpaquePointer?) -> PostgresError {
        let primary = result.flatMap { PQresultErrorField($0, hg_pq_diag_message_primary()) }
            ?? result.flatMap { PQresultErrorMessage($0) }.flatMap { $0.pointee == 0 ? nil : $0 }
            ?? handle.flatMap { PQerrorMessage($0) }
        let message = PostgresURL.scrub(PostgresError.oneLine(primary.map { String(cString: $0) } ?? ""), secrets: secrets)
        guard isConnected else { return .connectionLost(message: message) }
        let sqlState = result.flatMap { PQresultErrorField($0, hg_pq_diag_sqlstate()) }.map { String(cString: $0) } ?? ""
        return .queryFailed(sqlState: sqlState, message: message)
    }

    /// Reads and frees every pending result, leaving the connection ready for the next statement.
    func drainResults() {
        guard let handle else { return }
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    private func abandonCopy(_ status: ExecStatusType) {
        guard let handle else { return }
        if status == PGRES_COPY_IN {
            PQputCopyEnd(handle, "healthgate does not copy in outside copyIn")
        } else {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 { PQfreemem(buffer) }
        }
        drainResults()
    }

    private func commit() throws {
        if let handle, PQtransactionStatus(handle) == PQTRANS_INERROR {
            throw PostgresError.queryFailed(
                sqlState: "25P02", message: "a statement in the transaction failed, so the transaction was rolled back")
        }
        try execute("COMMIT")
    }

    private func rollbackIfOpen() {
        guard let handle, isConnected else { return }
        let status = PQtransactionStatus(handle)
        if status == PQTRANS_INTRANS || status == PQTRANS_INERROR { try? execute("ROLLBACK") }
    }

    /// Calls `body` with NUL-terminated copies of `strings` (nil stays nil) that live for the call only.
    private static func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return try body(copies.map { $0.map { UnsafePointer($0) } })
    }
}

/// The isolation level of a transaction.
public enum PostgresIsolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}
