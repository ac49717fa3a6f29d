import Foundation
import HealthCode
import Testing
import TestSupport
@testable import Central

/// What only the embedded store does: it keeps its write-ahead log in this process.
@Suite("Embedded central store")
struct EmbeddedCentralTests {
    let temporary = TemporaryDirectory()

    func fileSize(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    @Test("a large import stays in the write-ahead log until the sync thread's checkpoint moves it into the file")
    func checkpointAfterAPass() throws {
        let path = temporary.path + "/central.sqlite"
        let store = try EmbeddedCentral(path: path)
        let at = Date(timeIntervalSince1970: 1_764_000_000)
        let rows = (0..<3_000).map { index in
            CodeRow(document: String(format: "HKM:H%08d", index), nameMasked: "李*", phone: nil, colour: .green,
                    reason: "", updatedAt: at)
        }
        _ = try store.importCodes(rows)
        let before = try fileSize(path)
        #expect(try fileSize(path + "-wal") > before, "the import's pages wait in the log")
        store.checkpointLog()
        #expect(try fileSize(path) > before + 100_000, "and reach the file at the checkpoint")
        #expect(try store.peopleCount() == 3_000)
    }

    @Test("the feed reads a pass's changes from its covering index alone, never from the table")
    func feedReadsTheIndex() throws {
        let store = try EmbeddedCentral(path: temporary.path + "/central.sqlite")
        let plan = try store.database.query("EXPLAIN QUERY PLAN " + EmbeddedCentral.changesAfter, [.integer(0), .integer(10)]) {
            $0.string(3)
        }
        #expect(plan == ["SEARCH people USING COVERING INDEX people_feed (seq>?)"])
    }
}
