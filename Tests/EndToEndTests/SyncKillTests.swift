import Central
import Foundation
import LocalStore
import Testing
import TestSupport

/// `healthgate sync` killed with SIGKILL in the middle of its batches, then run again.
@Suite("Sync killed mid-batch")
struct SyncKillTests {
    let data = TemporaryDirectory()
    let people = 8_000
    let registered = 1_000

    /// Where a kill lands.
    enum Stage {
        /// Between an upload batch's commit in central and its mark in the cache: the test holds the cache's
        /// write lock, so the mark waits, and kills once central has the batch.
        case betweenUploadAndMark
        /// While an upload batch's transaction is open in central.
        case uploadOpen
        /// As soon as another upload batch shows in central.
        case uploaded
        /// As soon as another pulled page shows in the cache.
        case pulled
    }

    @Test("killed mid-push and mid-pull, then restarted: every event in central once, the queue drained, the cache equal to central")
    func killedMidBatch() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let url = try server.makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let watcher = try PostgresConnection(url: url)
        let documents = try SyncKillFixture.seed(watcher, count: people)
        let cache = try LocalCache(path: data.file("cache.sqlite"))
        let queued = try QueuedEvents.queue(in: cache, documents: Array(documents.prefix(registered)))
        let locker = try Database(path: LocalCache.eventsPath(data.file("cache.sqlite")))
        let sync = ["--data-dir", data.path, "--central", url, "sync"]

        let stages: [Stage] = [.betweenUploadAndMark, .uploadOpen, .uploaded, .pulled, .pulled]
        var kills = 0
        for stage in stages {
            let stored = try SyncKillFixture.stored(watcher)
            let pulled = try cache.peopleCount()
            if stage == .betweenUploadAndMark { try locker.execute("BEGIN IMMEDIATE") }
            let process = try start(sync)
            _ = try Poll.until(60, every: 0.002) {
                guard process.isRunning else { return true }
                switch stage {
                case .betweenUploadAndMark, .uploaded: return try SyncKillFixture.stored(watcher) > stored
                case .uploadOpen: return try SyncKillFixture.openTransactions(watcher) > 0
                case .pulled: return try cache.peopleCount() > pulled
                }
            }
            let running = process.isRunning
            if running { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if stage == .betweenUploadAndMark {
                try locker.execute("ROLLBACK")
                #expect(try SyncKillFixture.stored(watcher) - SyncKillFixture.sent(cache) == 500,
                        "one batch is in central but not marked sent")
            }
            guard running else {
                Issue.record("the sync finished before the kill at \(stage)")
                break
            }
            #expect(process.terminationReason == .uncaughtSignal)
            kills += 1
            #expect(try SyncKillFixture.sent(cache) <= SyncKillFixture.stored(watcher), "nothing is marked sent that central lacks")
        }
        #expect(kills == stages.count)

        var last = (status: Int32(-1), out: "", err: "")
        let settled = try Poll.until(30, every: 0.1) {
            last = try Binary.run(sync)
            let equal = try SyncKillFixture.cacheEqualsCentral(cache, watcher)
            return last.status == 0 && equal
        }
        #expect(settled, "\(last.out) \(last.err)")
        #expect(last.out.contains("0 events queued"))
        #expect(try cache.backlog() == 0)
        let stored = try PostgresCentral(url: url).events(limit: queued.count + 10).map(\.event.id)
        #expect(stored.count == queued.count, "every event once")
        #expect(Set(stored) == Set(queued))
        #expect(try watcher.query("SELECT count(*) FROM people WHERE colour = 'yellow'").int(0, 0) == registered)
    }

    /// Starts healthgate with its output discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
