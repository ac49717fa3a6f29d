import CLibPQ
import Foundation

/// The rows a statement returned, in text format, read by zero-based row and column index.
///
/// Timestamps are read with `date`, from epoch milliseconds the SQL returns as a number:
/// `select (extract(epoch from at) * 1000)::bigint`.
public final class PostgresResult {
    private let handle: OpaquePointer

    /// Number of rows returned.
    public let rowCount: Int
    /// Number of columns returned.
    public let columnCount: Int
    /// Rows inserted, updated, deleted, copied or selected, as `PQcmdTuples` reports; 0 when the command has no count.
    public let affectedRows: Int

    init(handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        columnCount = Int(PQnfields(handle))
        affectedRows = PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
    }

    deinit { PQclear(handle) }

    /// The name of a column.
    public func columnName(_ column: Int) throws -> String {
        try checkColumn(column)
        return PQfname(handle, Int32(column)).map { String(cString: $0) } ?? ""
    }

    public func isNull(_ row: Int, _ column: Int) throws -> Bool {
        try checkCell(row, column)
        return PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    public func optionalString(_ row: Int, _ column: Int) throws -> String? {
        try isNull(row, column) ? nil : PQgetvalue(handle, Int32(row), Int32(column)).map { String(cString: $0) } ?? ""
    }

    public func string(_ row: Int, _ column: Int) throws -> String {
        try required(optionalString(row, column), row, column)
    }

    public func optionalInt64(_ row: Int, _ column: Int) throws -> Int64? {
        try optionalString(row, column).map { text in
            guard let number = Int64(text) else { throw mismatch(row, column, expected: "an integer") }
            return number
        }
    }

    public func int64(_ row: Int, _ column: Int) throws -> Int64 {
        try required(optionalInt64(row, column), row, column)
    }

    public func int(_ row: Int, _ column: Int) throws -> Int {
        Int(try int64(row, column))
    }

    public func optionalBool(_ row: Int, _ column: Int) throws -> Bool? {
        try optionalString(row, column).map { text in
            switch text {
            case "t": return true
            case "f": return false
            default: throw mismatch(row, column, expected: "a boolean")
            }
        }
    }

    public func bool(_ row: Int, _ column: Int) throws -> Bool {
        try required(optionalBool(row, column), row, column)
    }

    /// A date from a column of epoch milliseconds.
    public func optionalDate(_ row: Int, _ column: Int) throws -> Date? {
        try optionalString(row, column).map { text in
            guard let milliseconds = Int64(text) else {
                throw mismatch(row, column, expected: "epoch milliseconds, (extract(epoch from …) * 1000)::bigint")
            }
            return PostgresTime.date(milliseconds: milliseconds)
        }
    }

    /// A date from a column of epoch milliseconds.
    public func date(_ row: Int, _ column: Int) throws -> Date {
        try required(optionalDate(row, column), row, column)
    }

    private func required<T>(_ value: T?, _ row: Int, _ column: Int) throws -> T {
        guard let value else { throw PostgresError.invalidUse(message: "\(cell(row, column)) is NULL") }
        return value
    }

    private func mismatch(_ row: Int, _ column: Int, expected: String) -> PostgresError {
        .invalidUse(message: "\(cell(row, column)) is not \(expected)")
    }

    private func cell(_ row: Int, _ column: Int) -> String {
        let name = PQfname(handle, Int32(column)).map { String(cString: $0) } ?? "?"
        return "row \(row) column \(column) (\(name))"
    }

    private func checkColumn(_ column: Int) throws {
        guard (0..<columnCount).contains(column) else {
            throw PostgresError.invalidUse(message: "column \(column) is out of range 0..<\(columnCount)")
        }
    }

    private func checkCell(_ row: Int, _ column: Int) throws {
        try checkColumn(column)
        guard (0..<rowCount).contains(row) else {
            throw PostgresError.invalidUse(message: "row \(row) is out of range 0..<\(rowCount)")
        }
    }
}
