import Central
import Foundation
import LocalStore
import Sync
import Testing
import TestSupport

/// The PostgreSQL server stopped under running sync services, mid-pull and mid-push, then started again.
@Suite("Sync across a server restart")
struct ServerRestartTests {
    let temporary = TemporaryDirectory()
    let people = 10_000
    let registered = 1_000

    @Test("sync fails with a clear error, keeps the outbox and, after the restart, delivers every event once")
    func stoppedMidPullAndMidPush() throws {
        let server = try PostgresServer(crashSafe: true)
        defer { server.stop() }
        let url = try server.makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let documents = try PeopleRows.seed(url, prefix: "PP:R", count: people)
        let gatePath = temporary.file("gate.sqlite")
        let stationPath = temporary.file("station.sqlite")
        let gate = try LocalCache(path: gatePath)
        let station = try LocalCache(path: stationPath)
        let queued = try QueuedEvents.queue(in: gate, documents: Array(documents.prefix(registered)))
        let open: @Sendable () throws -> CentralStore = { try PostgresCentral(url: url) }
        let gateService = SyncService(cachePath: gatePath, openCentral: open, interval: 0.02, maxBackoff: 0.2)
        let stationService = SyncService(cachePath: stationPath, openCentral: open, interval: 0.02, maxBackoff: 0.2)
        defer {
            gateService.stop()
            stationService.stop()
        }

        stationService.start()
        #expect(try Poll.until(60) { (1..<people).contains(try station.peopleCount()) }, "the station is mid-pull")
        try server.halt()
        let pulledBeforeStop = try station.peopleCount()
        expectOffline(stationService)
        #expect(try station.peopleCount() >= pulledBeforeStop, "the pages pulled before the stop are kept")
        try server.resume()

        gateService.start()
        var watcher = try PostgresConnection(url: url)
        #expect(try Poll.until(60) { (1..<queued.count).contains(try centralEvents(watcher)) }, "the gate is mid-push")
        try server.halt()
        expectOffline(gateService)
        #expect(try gate.backlog() > 0, "the outbox keeps what central has not acknowledged")
        #expect(gateService.status().backlog > 0)
        try server.resume()

        watcher = try PostgresConnection(url: url)
        #expect(try centralEvents(watcher) >= queued.count - gate.backlog(), "nothing is marked sent that central lacks")
        let settled = try Poll.until(60, every: 0.05) {
            let everyone = try PeopleRows.central(watcher)
            let gateMismatches = PeopleRows.mismatches(cache: try PeopleRows.cache(gate), central: everyone)
            let stationMismatches = PeopleRows.mismatches(cache: try PeopleRows.cache(station), central: everyone)
            let backlog = try gate.backlog()
            return gateService.status().online == true && stationService.status().online == true
                && backlog == 0 && gateMismatches == 0 && stationMismatches == 0
        }
        #expect(settled, "both consoles caught up with central after the restart")
        let stored = try PostgresCentral(url: url).events(limit: queued.count + 10).map(\.event.id)
        #expect(stored.count == queued.count, "every event once")
        #expect(Set(stored) == Set(queued))
        #expect(try gate.backlog() == 0)
        #expect(try PeopleRows.central(watcher).filter { $0.record.colour == .yellow }.count == registered)
    }

    /// Waits for a service's pass to fail on the stopped server, and checks that it says so in one line.
    func expectOffline(_ service: SyncService) {
        let failed = Poll.until(30) { service.status().online == false }
        #expect(failed, "the pass failed while the server was down")
        let message = service.status().lastError ?? ""
        #expect(message.contains("PostgreSQL"), "\(message)")
        #expect(!message.contains("\n"))
    }

    func centralEvents(_ connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) FROM events").int(0, 0)
    }
}
