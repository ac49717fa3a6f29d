import Foundation
import LocalStore
import Spawn

/// The first sync's yardstick, taken in the same run: the store's own tool exports every person in key
/// order (`psql \copy`, or the `sqlite3` shell for the embedded store), and `sqlite3 .import` loads
/// that sorted file into a table with the cache's primary key.
enum Baseline {
    /// The columns a first sync brings, in the cache's order.
    static let columns = PersonColumns.list.replacingOccurrences(of: "\n", with: " ")

    static func firstSync(_ central: BenchCentral, folder: String) throws -> BaselineFigures {
        let csv = folder + "/baseline.csv"
        let database = folder + "/baseline.sqlite"
        defer {
            for file in [csv, database, database + "-journal"] { try? FileManager.default.removeItem(atPath: file) }
        }
        let export = try Stopwatch.time { try self.export(central, to: csv, folder: folder) }.seconds
        let load = try Stopwatch.time {
            try tool(["sqlite3", "-batch", "-cmd", "CREATE TABLE people (\(PersonColumns.table)) WITHOUT ROWID;",
                      database, ".import --csv \(csv) people"], folder: folder)
        }.seconds
        return BaselineFigures(exportSeconds: export, importSeconds: load)
    }

    private static func export(_ central: BenchCentral, to csv: String, folder: String) throws {
        let select = "SELECT \(columns) FROM people ORDER BY document"
        switch central {
        case .embedded(let path):
            try tool(["sqlite3", "-batch", "-csv", "-cmd", ".output \(csv)", "file:\(path)?mode=ro", select], folder: folder)
        case .postgresql(let url):
            try tool(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", "\\copy (\(select)) TO '\(csv)' WITH (FORMAT csv)"],
                     folder: folder)
        }
    }

    /// Runs a command-line tool, failing with its last output line; a missing tool names its Debian package.
    private static func tool(_ arguments: [String], folder: String) throws {
        let log = folder + "/baseline.log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let result: (status: Int32, output: String)
        do {
            result = try ChildProcess.run(arguments, outputFile: log)
        } catch {
            throw BenchError("the baseline needs \(arguments[0]): apt-get install \(arguments[0] == "psql" ? "postgresql-client" : "sqlite3")")
        }
        guard result.status == 0 else {
            let last = result.output.split(whereSeparator: \.isNewline).last.map(String.init) ?? "exit \(result.status)"
            throw BenchError("baseline \(arguments[0]) failed: \(last)")
        }
    }
}

/// The baseline's two steps, in seconds.
public struct BaselineFigures: Codable, Equatable, Sendable {
    public var exportSeconds: Double
    public var importSeconds: Double
    public var seconds: Double { exportSeconds + importSeconds }
}
