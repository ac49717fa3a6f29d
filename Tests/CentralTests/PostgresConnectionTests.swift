import Central
import Foundation
import Testing
import TestSupport

/// The libpq wrapper against a throw-away PostgreSQL: values, errors, transactions, COPY and lost connections.
@Suite("PostgreSQL connection")
struct PostgresConnectionTests {
    let url: String
    let connection: PostgresConnection

    init() throws {
        url = try PostgresServer.shared().makeDatabase()
        connection = try PostgresConnection(url: url)
        try connection.execute("""
            create table person (
                id bigint primary key, name text not null, note text, active boolean, seen timestamptz);
            """)
    }

    func count(_ table: String = "person") throws -> Int {
        try connection.query("select count(*) from \(table)").int(0, 0)
    }

    @Test("values round-trip through parameters: CJK, NULL, the largest integers, booleans, milliseconds")
    func roundTrip() throws {
        let seen = Date(timeIntervalSince1970: 1_714_552_496.789)
        let early = Date(timeIntervalSince1970: -1.5)
        let rows: [[PostgresValue]] = [
            [.integer(.max), .text("张三 𠀀 Zoë 🙂"), .null, .bool(true), .date(seen)],
            [.integer(.min), .text(""), .text("備註"), .bool(false), .date(early)],
            [0, "李四", nil, nil, nil],
        ]
        for row in rows {
            let inserted = try connection.query("insert into person values ($1, $2, $3, $4, $5)", row)
            #expect(inserted.affectedRows == 1)
        }
        let result = try connection.query("""
            select id, name, note, active, (extract(epoch from seen) * 1000)::bigint from person order by id
            """)
        #expect(result.rowCount == 3 && result.columnCount == 5)
        #expect(try result.columnName(1) == "name")
        #expect(try result.int64(0, 0) == .min && result.int64(2, 0) == .max && result.int(1, 0) == 0)
        #expect(try result.string(2, 1) == "张三 𠀀 Zoë 🙂" && result.string(0, 1) == "" && result.string(1, 1) == "李四")
        #expect(try result.optionalString(0, 2) == "備註" && result.optionalString(2, 2) == nil)
        #expect(try result.isNull(1, 3) && !result.isNull(2, 3))
        #expect(try result.bool(2, 3) && !result.bool(0, 3) && result.optionalBool(1, 3) == nil)
        #expect(try result.date(2, 4) == seen && result.date(0, 4) == early && result.optionalDate(1, 4) == nil)
        let sameInstant = try connection.query("select $1 = timestamptz '2024-05-01 16:34:56.789+08'", [.date(seen)])
        #expect(try sameInstant.bool(0, 0))
    }

    @Test("an array parameter keeps every element: quotes, backslashes, braces, commas, NULL, CJK and JSON")
    func arrayRoundTrip() throws {
        let items: [String?] = ["plain", "say \"hi\"", "back\\slash\\", "{a,b}", "", nil, "NULL", "张三 🙂",
                                #"{"note":"a \"b\" \\ c"}"#]
        let result = try connection.query("select item from unnest($1::text[]) with ordinality as a (item, position) order by position", [.array(items)])
        #expect(result.rowCount == items.count)
        for (row, item) in items.enumerated() { #expect(try result.optionalString(row, 0) == item) }
    }

    @Test("an injection attempt is stored and matched as plain text")
    func injectionStaysData() throws {
        let hostile = "x'); drop table person; --"
        try connection.query("insert into person (id, name) values ($1, $2)", [1, .text(hostile)])
        #expect(try connection.query("select name from person where name = $1", [.text(hostile)]).string(0, 0) == hostile)
        #expect(try connection.query("select id from person where name = $1", ["' or '1'='1"]).rowCount == 0)
        #expect(try count() == 1)
    }

    @Test("a refused statement carries its SQLSTATE and leaves the connection usable")
    func sqlStateAndRecovery() throws {
        try connection.query("insert into person (id, name) values ($1, $2)", [7, "王五"])
        let error = #expect(throws: PostgresError.self) {
            try connection.query("insert into person (id, name) values ($1, $2)", [7, "赵六"])
        }
        #expect(error?.sqlState == "23505")
        #expect(error?.isConnectionLost == false)
        #expect(error?.description.contains("\n") == false)
        #expect(try connection.query("select name from person where id = $1", [7]).string(0, 0) == "王五")
        #expect(connection.isConnected)
    }

    @Test("a failed transaction leaves nothing behind, even when the body swallowed the error")
    func transactionRollsBackWhole() throws {
        #expect(throws: PostgresError.self) {
            try connection.transaction {
                try connection.query("insert into person (id, name) values ($1, $2)", [1, "a"])
                try connection.query("insert into person (id, name) values ($1, $2)", [1, "b"])
            }
        }
        let swallowed = #expect(throws: PostgresError.self) {
            try connection.transaction(.serializable) {
                try connection.query("insert into person (id, name) values ($1, $2)", [2, "c"])
                _ = try? connection.query("insert into person (id, name) values ($1, $2)", [2, "d"])
            }
        }
        #expect(swallowed?.sqlState == "25P02")
        #expect(try count() == 0)
    }

    @Test("a failed nested transaction rolls back to its savepoint and the outer one commits")
    func nestedTransaction() throws {
        try connection.transaction {
            try connection.query("insert into person (id, name) values ($1, $2)", [1, "outer"])
            _ = try? connection.transaction {
                try connection.query("insert into person (id, name) values ($1, $2)", [2, "inner"])
                try connection.query("insert into person (id, name) values ($1, $2)", [1, "clash"])
            }
        }
        #expect(try connection.query("select id from person").rowCount == 1)
        #expect(try count() == 1)
    }

    @Test("COPY streams 10,000 awkward rows in and they come back exactly")
    func copyRoundTrip() throws {
        let awkward = ["a,b", "say \"hi\"", "line\nbreak", "tab\there", "back\\slash", "\\N", "\\.", "cr\r\n", "", "边检 ✓"]
        let rows: [[PostgresValue]] = (0..<10_000).map { index in
            let note: PostgresValue = index % 7 == 0 ? .null : .text(awkward[index % awkward.count] + String(index))
            return [.integer(Int64(index)), .text(awkward[(index / 3) % awkward.count]), note, .bool(index % 2 == 0), .null]
        }
        #expect(try connection.copyIn("copy person (id, name, note, active, seen) from stdin", rows: rows) == 10_000)
        let result = try connection.query("select id, name, note, active from person order by id")
        #expect(result.rowCount == 10_000)
        for (index, row) in rows.enumerated() {
            let back: [PostgresValue] = [
                .integer(try result.int64(index, 0)), .text(try result.string(index, 1)),
                PostgresValue(try result.optionalString(index, 2)), .bool(try result.bool(index, 3)), .null,
            ]
            guard back == row else {
                Issue.record("row \(index) came back as \(back), not \(row)")
                return
            }
        }
    }

    @Test("a COPY the server refuses copies nothing and reports why; a malformed row never reaches the server")
    func copyFailures() throws {
        let clash = #expect(throws: PostgresError.self) {
            try connection.copyIn("copy person (id, name) from stdin", rows: [[1, "a"], [2, "b"], [1, "c"]])
        }
        #expect(clash?.sqlState == "23505")
        let short = #expect(throws: PostgresError.self) {
            try connection.copyIn("copy person (id, name) from stdin", rows: [[1, "a"], [2]])
        }
        #expect(short?.description.contains("row 1 has 1 fields") == true)
        #expect(throws: PostgresError.self) {
            try connection.copyIn("copy person (id, name) from stdin", rows: [[1, "nul\u{0}inside"]])
        }
        #expect(try count() == 0)
        #expect(try connection.copyIn("copy person (id, name) from stdin", rows: [[3, "ok"]]) == 1)
    }

    @Test("misreading a value is an error, not a crash")
    func misuse() throws {
        try connection.query("insert into person (id, name) values ($1, $2)", [1, "钱七"])
        let result = try connection.query("select id, name, note from person")
        #expect(throws: PostgresError.self) { try result.int64(0, 1) }
        #expect(throws: PostgresError.self) { try result.string(0, 2) }
        #expect(throws: PostgresError.self) { try result.string(1, 0) }
        #expect(throws: PostgresError.self) { try result.string(0, 3) }
        #expect(throws: PostgresError.self) { try result.date(0, 1) }
        #expect(throws: PostgresError.self) { try connection.query("select $1", ["nul\u{0}"]) }
        #expect(throws: PostgresError.self) { try connection.query("copy person (id) from stdin") }
        #expect(try count() == 1)
    }

    @Test("a statement over the timeout is cancelled with 57014 and the connection carries on")
    func statementTimeout() throws {
        try connection.setStatementTimeout(milliseconds: 50)
        let error = #expect(throws: PostgresError.self) { try connection.query("select pg_sleep(5)") }
        #expect(error?.sqlState == "57014")
        try connection.setStatementTimeout(milliseconds: 0)
        #expect(try connection.query("select 1").int(0, 0) == 1)
    }

    @Test("a connection terminated by another session reports that it was lost")
    func terminatedConnection() throws {
        let pid = try connection.query("select pg_backend_pid()").int64(0, 0)
        let administrator = try PostgresConnection(url: url)
        #expect(try administrator.query("select pg_terminate_backend($1::int, 5000)", [.integer(pid)]).bool(0, 0))
        let error = #expect(throws: PostgresError.self) { try connection.query("select 1") }
        #expect(error?.isConnectionLost == true)
        #expect(!connection.isConnected)
        let again = #expect(throws: PostgresError.self) { try connection.query("select 1") }
        #expect(again?.isConnectionLost == true)
    }

    @Test("a closed connection refuses work as lost")
    func closedConnection() throws {
        connection.close()
        let error = #expect(throws: PostgresError.self) { try connection.execute("select 1") }
        #expect(error?.isConnectionLost == true)
    }

    @Test("a failed connection is one line without the password", arguments: [
        "postgresql://u:secret@127.0.0.1:1/db",
        "host=127.0.0.1 port=1 user=u password=secret",
        "host=127.0.0.1 port=1 user=u password='secret'",
        "postgresql://u@127.0.0.1:1/db?password=secret&sslmode=disable",
        "postgresql://u:secret@127.0.0.1:1/db?bogus_option=secret",
        "postgresql://u:secret@[::1/db",
    ])
    func connectionFailure(_ url: String) {
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: url, connectTimeoutSeconds: 2) }
        guard let error else { return }
        #expect(!error.description.contains("secret"))
        #expect(!error.description.contains("\n"))
        #expect(!error.isConnectionLost)
        #expect(error.description.hasPrefix("cannot connect to PostgreSQL: "))
    }

    @Test("redaction hides URL userinfo passwords and password parameters, quoted or not")
    func redaction() {
        #expect(PostgresURL.redacted("postgresql://gate:s3cr%40t@db.example:5432/hg?sslmode=require")
                == "postgresql://gate:***@db.example:5432/hg?sslmode=require")
        #expect(PostgresURL.redacted("postgres://gate@db/hg?password=pw&sslpassword=key&sslmode=verify-full")
                == "postgres://gate@db/hg?password=***&sslpassword=***&sslmode=verify-full")
        #expect(PostgresURL.redacted("host=db password = 'it\\'s a secret' user=gate")
                == "host=db password = *** user=gate")
        #expect(PostgresURL.redacted("host=db password=a&b user=gate") == "host=db password=*** user=gate")
        #expect(PostgresURL.redacted("postgresql:///hg?host=/run/postgresql") == "postgresql:///hg?host=/run/postgresql")
    }
}
