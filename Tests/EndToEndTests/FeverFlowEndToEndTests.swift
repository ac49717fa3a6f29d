import Foundation
import Testing

/// The real binary in a real terminal: a person with fever turns yellow, and stays yellow after a restart and a sync.
@Suite("End to end, in tmux", .serialized)
struct FeverFlowEndToEndTests {
    let data = NSTemporaryDirectory() + "healthgate-e2e-" + UUID().uuidString
    let id = "11010519491231002X"

    func healthgate(_ arguments: String...) throws -> (status: Int32, out: String, err: String) {
        try Binary.run(["--data-dir", data] + arguments)
    }

    /// A central store with one green person who was tested two hours ago, synced into the cache.
    func prepare() throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let sampled = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-7200))
        try """
            document,name,phone,colour,reason,updated_at
            \(id),张三丰,13800138000,green,,2026-01-05T08:00:00+08:00
            """.write(toFile: data + "/codes.csv", atomically: true, encoding: .utf8)
        try """
            document,sampled_at,reported_at,result,institution
            \(id),\(sampled),\(sampled),negative,第一人民医院
            """.write(toFile: data + "/nat.csv", atomically: true, encoding: .utf8)
        for step in [["import", "codes", data + "/codes.csv"], ["import", "nat", data + "/nat.csv"],
                     ["checkpoint", "set", "--nat-max-hours", "72"], ["sync"]] {
            let result = try Binary.run(["--data-dir", data] + step)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.err)")
        }
    }

    func console() throws -> Tmux {
        try Tmux(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(Binary.path)' --data-dir '\(data)' --operator 王")
    }

    @Test("two abnormal readings make a registration that survives a restart and reaches another console")
    func feverFlow() throws {
        try prepare()
        defer { try? FileManager.default.removeItem(atPath: data) }

        let first = try console()
        #expect(try first.waitFor { $0.contains("演示小区门岗") }.contains("演示小区门岗"))
        try first.send(id, literal: true)
        try first.send("Enter")
        var screen = try first.waitFor { $0.contains("绿码") }
        #expect(screen.contains("绿码"))
        #expect(screen.contains("张*丰"))
        try first.send("38.2", literal: true)
        try first.send("Enter")
        screen = try first.waitFor { $0.contains("请复测") }
        #expect(screen.contains("请复测"))
        try first.send("384", literal: true)
        try first.send("Enter")
        screen = try first.waitFor { $0.contains("黄码") && $0.contains("不予放行") }
        #expect(screen.contains("黄码"))
        #expect(screen.contains("不予放行"))
        #expect(!screen.contains(id), "the full ID number must never be on screen")
        try first.send("F10")
        let deadline = Date().addingTimeInterval(10)
        while first.isAlive && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!first.isAlive, "F10 quits the console")

        let second = try console()
        try second.waitFor { $0.contains("演示小区门岗") }
        try second.send(id, literal: true)
        try second.send("Enter")
        screen = try second.waitFor { $0.contains("黄码") }
        #expect(screen.contains("黄码"), "still yellow after a restart")
        try second.send("F10")

        #expect(try healthgate("sync").status == 0)
        let other = data + "/other-console"
        let otherSync = try Binary.run(["--data-dir", other, "--central", "sqlite:" + data + "/central.sqlite", "sync"])
        #expect(otherSync.status == 0, "\(otherSync.err)")
        let check = try Binary.run(["--data-dir", other, "--central", "sqlite:" + data + "/central.sqlite",
                                    "check", id, "--temp", "36.5", "--json"])
        #expect(check.out.contains("\"colour\" : \"yellow\""), "another console sees yellow after sync: \(check.out)")
        #expect(check.status == 1, "a yellow code is refused")
    }
}
