import Foundation
import Synchronization
import Testing
import TestSupport
@testable import LocalStore

/// The connection wrapper: transactions, migrations, values.
@Suite("The SQLite wrapper")
struct DatabaseTests {
    let folder = TemporaryDirectory()

    func open() throws -> Database { try Database(path: folder.file("test.sqlite")) }

    @Test("a failed transaction leaves nothing behind")
    func rollback() throws {
        let database = try open()
        try database.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        #expect(throws: SQLiteError.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                try database.run("INSERT INTO t VALUES (?)", [nil])
            }
        }
        #expect(try database.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 0)
    }

    @Test("a nested transaction rolls back alone")
    func savepoint() throws {
        let database = try open()
        try database.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        try database.transaction {
            try database.run("INSERT INTO t VALUES (?)", [1])
            _ = try? database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [2])
                throw SQLiteError(code: 1, message: "inner failure")
            }
        }
        #expect(try database.query("SELECT x FROM t") { $0.int(0) } == [1])
    }

    @Test("a commit that fails rolls back whole, and the next transaction commits normally")
    func failedCommit() throws {
        let database = try open()
        try database.execute("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        #expect(throws: SQLiteError.self) {
            try database.transaction {
                try database.run("INSERT INTO parent VALUES (1)")
                try database.run("INSERT INTO child VALUES (2)")
            }
        }
        #expect(try database.queryFirst("SELECT count(*) FROM parent") { $0.int(0) } == 0)
        try database.transaction { try database.run("INSERT INTO parent VALUES (3)") }
        let other = try Database(path: folder.file("test.sqlite"))
        #expect(try other.queryFirst("SELECT count(*) FROM parent") { $0.int(0) } == 1, "committed, visible to another connection")
    }

    @Test("migrations run once each and record the version")
    func migrations() throws {
        let database = try open()
        let steps = [Migration(1, "CREATE TABLE a (x)"), Migration(2, "CREATE TABLE b (y)")]
        try database.migrate(steps)
        try database.migrate(steps)
        #expect(try database.schemaVersion() == 2)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(0) } == ["a", "b"])
    }

    @Test("connections opening one new file at once apply each migration once between them")
    func concurrentMigrations() throws {
        let path = folder.file("shared.sqlite")
        let steps = (1...5).map { Migration($0, "CREATE TABLE t\($0) (x)") }
        nonisolated(unsafe) let connections = try (0..<8).map { _ in try Database(path: path) }
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: connections.count) { index in
            do {
                try connections[index].migrate(steps)
            } catch {
                errors.withLock { $0.append(String(describing: error)) }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let database = try Database(path: path)
        #expect(try database.schemaVersion() == 5)
        #expect(try database.queryFirst("SELECT count(*) FROM sqlite_master WHERE type = 'table'") { $0.int(0) } == 5)
    }

    @Test("connections opening one new file at once all open it")
    func concurrentOpens() throws {
        let path = folder.file("opened.sqlite")
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                _ = try Database(path: path)
            } catch {
                errors.withLock { $0.append(String(describing: error)) }
            }
        }
        #expect(errors.withLock { $0 } == [])
    }

    @Test("a file from a newer schema is refused")
    func newerSchema() throws {
        let database = try open()
        try database.migrate([Migration(1, "CREATE TABLE a (x)"), Migration(2, "CREATE TABLE b (y)")])
        #expect(throws: MigrationError.self) { try database.migrate([Migration(1, "CREATE TABLE a (x)")]) }
    }

    @Test("values round-trip: text with CJK, integers, null, dates to the millisecond")
    func values() throws {
        let database = try open()
        try database.execute("CREATE TABLE t (a TEXT, b INTEGER, c TEXT, d INTEGER)")
        let date = Date(timeIntervalSince1970: 1_764_200_000.123)
        try database.run("INSERT INTO t VALUES (?, ?, ?, ?)", ["张*三", 42, nil, SQLValue(date)])
        let row = try database.queryFirst("SELECT a, b, c, d FROM t") { ($0.string(0), $0.int(1), $0.optionalString(2), $0.date(3)) }
        #expect(row?.0 == "张*三")
        #expect(row?.1 == 42)
        #expect(row?.2 == nil)
        #expect(row.map { abs($0.3.timeIntervalSince(date)) < 0.001 } == true)
    }

    @Test("a wrong number of arguments is an error, not a crash")
    func argumentCount() throws {
        let database = try open()
        try database.execute("CREATE TABLE t (a)")
        #expect(throws: SQLiteError.self) { try database.run("INSERT INTO t VALUES (?)", []) }
    }

    @Test("the file is in WAL mode")
    func wal() throws {
        let database = try open()
        #expect(try database.queryFirst("PRAGMA journal_mode") { $0.string(0) } == "wal")
    }
}
