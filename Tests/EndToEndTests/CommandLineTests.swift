import Foundation
import Testing
import TestSupport

/// The command line as a user meets it: exit codes, one-line errors, no full ID in output that is not asked for.
@Suite("The command line")
struct CommandLineTests {
    let data = NSTemporaryDirectory() + "healthgate-cli-" + UUID().uuidString

    func healthgate(_ arguments: String..., stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try Binary.run(["--data-dir", data] + arguments)
    }

    @Test("id: valid and invalid numbers, one line each, exit 1 when any is invalid")
    func idCommand() throws {
        let result = try healthgate("--lang", "en", "id", "11010519491231002x", "110105194912310021", "garbage")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "valid\t11010519491231002X\tfemale\t1949-12-31")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("invalid\t") })
        #expect(result.status == 1)
    }

    @Test("usage errors exit 2 with one line and a pointer to --help")
    func usage() throws {
        let unknown = try healthgate("frobnicate")
        #expect(unknown.status == 2)
        let badOption = try healthgate("check", "11010519491231002X", "--colour", "green")
        #expect(badOption.status == 2)
        #expect(badOption.err.contains("unknown option --colour"))
        #expect(!badOption.err.contains("Fatal error"))
    }

    @Test("every command answers --help")
    func help() throws {
        for command in ["console", "check", "sync", "import", "demo", "id", "checkpoint"] {
            let result = try Binary.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.out.contains("usage: healthgate"), "\(command)")
        }
    }

    @Test("a CSV with a bad row is rejected whole, naming the line; --skip-bad imports the rest")
    func importRejectsBadRows() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let file = data + "/codes.csv"
        try """
            document,name,phone,colour,reason,updated_at
            11010519491231002X,张三,,green,,2026-11-20T08:00:00+08:00
            110105194912310021,李四,,green,,2026-11-20T08:00:00+08:00
            110105195001010015,王五,,purple,,2026-11-20T08:00:00+08:00
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let rejected = try healthgate("import", "codes", file)
        #expect(rejected.status == 1)
        #expect(rejected.err.contains(":3:"))
        #expect(rejected.err.contains(":4:"))
        #expect(!rejected.err.contains("110105194912310021"), "no full ID number in messages")
        #expect(try healthgate("sync").out.contains("pulled 0 changes"), "nothing was imported")
        let skipped = try healthgate("import", "codes", file, "--skip-bad")
        #expect(skipped.status == 0)
        #expect(skipped.out.contains("1 changed"))
        let again = try healthgate("import", "codes", file, "--skip-bad")
        #expect(again.out.contains("0 changed, 1 unchanged"))
    }

    @Test("check: a garbage temperature is refused before anything is recorded")
    func garbageTemperature() throws {
        let result = try healthgate("check", "11010519491231002X", "--temp", "365C0")
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").count == 1)
    }

    @Test("check: a person only the central store knows is registered, and shows yellow at once on the next check")
    func checkAsksCentral() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        try """
            document,name,phone,colour,reason,updated_at
            11010519491231002X,张三,,green,,2026-01-05T08:00:00+08:00
            """.write(toFile: data + "/codes.csv", atomically: true, encoding: .utf8)
        #expect(try healthgate("import", "codes", data + "/codes.csv").status == 0)
        let fever = try healthgate("--lang", "en", "check", "11010519491231002X", "--temp", "38.5", "--temp", "38.6", "--json")
        #expect(fever.status == 1)
        #expect(fever.out.contains("\"registered\" : true"))
        #expect(fever.out.contains("\"colour\" : \"yellow\""))
        #expect(!fever.out.contains("11010519491231002X"), "masked in the output")
        let again = try healthgate("check", "11010519491231002X", "--temp", "36.5", "--json")
        #expect(again.out.contains("\"colour\" : \"yellow\""), "the local flip shows before any sync")
    }

    @Test("demo --csv writes the two feeds, and import takes them back")
    func demoFeeds() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let folder = data + "/feeds"
        #expect(try healthgate("demo", "--people", "40", "--csv", folder).status == 0)
        let codes = try healthgate("import", "codes", folder + "/codes.csv")
        #expect(codes.status == 0, "\(codes.err)")
        #expect(codes.out.contains("40 changed"))
        #expect(try healthgate("import", "nat", folder + "/nat.csv").status == 0)
    }

    @Test("PostgreSQL central: migrate, demo, and a registration at one console reaches another")
    func postgresCentral() throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let url = try PostgresServer.shared().makeDatabase()
        let gate = ["--data-dir", data + "/gate", "--central", url]
        let station = ["--data-dir", data + "/station", "--central", url]
        let unmigrated = try Binary.run(gate + ["sync"])
        #expect(unmigrated.status == 3)
        #expect(unmigrated.err.contains("central migrate"))
        #expect(try Binary.run(gate + ["central", "migrate"]).out.contains("applied schema versions 1"))
        #expect(try Binary.run(gate + ["demo", "--people", "60"]).status == 0)
        let id = try Binary.run(gate + ["demo", "--people", "60", "--samples"]).out
            .split(separator: "\n").first { $0.contains("green, fresh negative") }?
            .split(separator: " ").first { $0.count == 18 }.map(String.init) ?? ""
        #expect(id.count == 18)
        #expect(try Binary.run(gate + ["check", id, "--temp", "38.0", "--temp", "38.2"]).status == 1)
        #expect(try Binary.run(gate + ["sync"]).status == 0)
        var seen = (status: Int32(0), out: "", err: "")
        let deadline = Date().addingTimeInterval(20)
        repeat {
            #expect(try Binary.run(station + ["sync"]).status == 0)
            seen = try Binary.run(station + ["check", id, "--temp", "36.4", "--json"])
        } while !seen.out.contains("\"colour\" : \"yellow\"") && Date() < deadline
        #expect(seen.out.contains("\"colour\" : \"yellow\""), "another console sees it after sync: \(seen.out) \(seen.err)")
    }
}
