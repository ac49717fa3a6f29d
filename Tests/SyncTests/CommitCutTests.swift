import Foundation
import LocalStore
import Sync
import Testing
import TestSupport
@testable import Central

/// A PostgreSQL connection cut after the server committed an upload and before the console heard of it.
@Suite("Sync with the acknowledgement lost")
struct CommitCutTests {
    let temporary = TemporaryDirectory()

    @Test("the upload committed but unacknowledged stays queued; the retry stores nothing twice and drains the outbox")
    func cutAfterCommit() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let url = try server.makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let documents = try PeopleRows.seed(url, prefix: "PP:C", count: 400)
        let proxy = try PostgresProxy(serverSocket: "\(server.directory)/.s.PGSQL.\(server.port)")
        defer { proxy.shutDown() }
        let relayed = proxy.url(database: String(url.dropFirst("postgresql:///".count).prefix { $0 != "?" }))
        let gate = try LocalCache(path: temporary.file("gate.sqlite"))
        let queued = try QueuedEvents.queue(in: gate, documents: Array(documents.prefix(300)))

        proxy.cutAfterCommit(passing: 2)
        let cut = try PostgresCentral(url: relayed)
        let failure = #expect(throws: PostgresError.self) {
            try SyncEngine(cache: gate, central: cut, pushBatch: 100).run()
        }
        #expect(failure?.isConnectionLost == true, "\(String(describing: failure))")
        #expect(proxy.cuts == 1)
        let direct = try PostgresCentral(url: url)
        #expect(try direct.events(limit: 1000).count == 300, "three batches committed")
        #expect(try gate.backlog() == 400, "only the two acknowledged batches are marked sent")

        let retry = SyncEngine(cache: gate, central: try PostgresCentral(url: relayed), pushBatch: 100)
        let summary = try retry.run()
        #expect(summary.pushed == 400)
        #expect(summary.backlog == 0)
        let stored = try direct.events(limit: 1000)
        #expect(stored.count == queued.count, "every event once")
        #expect(Set(stored.map(\.event.id)) == Set(queued))
        let receipts = try gate.events.query("SELECT id, received_at FROM outbox", []) { row in
            (row.string(0), row.optionalDate(1))
        }
        let centralReceipts = Dictionary(uniqueKeysWithValues: stored.map { ($0.event.id.uuidString, $0.receivedAt) })
        #expect(receipts.allSatisfy { centralReceipts[$0.0] == $0.1 }, "the retry got the first receipts back")
        let everyone = try PeopleRows.central(direct.connection)
        #expect(everyone.filter { $0.record.colour == .yellow }.count == 300, "each registration applied")
        #expect(PeopleRows.mismatches(cache: try PeopleRows.cache(gate), central: everyone) == 0, "the cache equals central")
    }
}
