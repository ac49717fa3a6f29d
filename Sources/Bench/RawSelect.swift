import CSQLite
import Foundation
import LocalStore

/// The verdict's yardstick: a prepared SQLite point select of a person's columns, straight through the C API.
enum RawSelect {
    static func latencies(path: String, plan: ScanPlan) throws -> Latencies {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            sqlite3_close(handle)
            throw BenchError("raw select: cannot open \(path)")
        }
        defer { sqlite3_close(handle) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "SELECT \(PersonColumns.list) FROM people WHERE document = ?", -1, &statement, nil) == SQLITE_OK
        else { throw BenchError("raw select: \(String(cString: sqlite3_errmsg(handle)))") }
        defer { sqlite3_finalize(statement) }
        var latencies = Latencies()
        var checksum = 0
        for key in plan {
            let start = Stopwatch.now()
            sqlite3_bind_text(statement, 1, key, -1, hg_sqlite_transient())
            while sqlite3_step(statement) == SQLITE_ROW {
                for column in 0..<sqlite3_column_count(statement) { checksum &+= Int(sqlite3_column_bytes(statement, column)) }
            }
            sqlite3_reset(statement)
            latencies.add(Stopwatch.now() - start)
        }
        guard checksum > 0 else { throw BenchError("raw select: no person found") }
        return latencies
    }
}
