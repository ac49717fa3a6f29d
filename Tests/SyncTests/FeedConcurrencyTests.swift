import Foundation
import HealthCode
import LocalStore
import Sync
import Testing
import TestSupport
@testable import Central

/// The PostgreSQL change feed while writers commit out of version order: consoles syncing throughout end up equal to central.
@Suite("Feed under concurrent writers")
struct FeedConcurrencyTests {
    let temporary = TemporaryDirectory()
    let writers = 6
    let transactionsPerWriter = 80
    let consoles = 3
    let checkpoint = Checkpoint(id: "CP-W", name: "北门")

    /// What a console did: its sync passes, and how far its cache stood from central once the writers had stopped.
    struct ConsoleRun: Sendable {
        var passes: Int
        var mismatches: Int
        var rows: Int
    }

    @Test("consoles syncing while writers hold transactions open and commit out of order miss no change")
    func noChangeMissed() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let url = try server.makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let hot = try PeopleRows.seed(url, prefix: "PP:H", count: 300)
        let done = StopFlag()
        let folder = temporary.path
        let consoleThreads = Threads<ConsoleRun>((0..<consoles).map { index in
            { [self] in try console(url: url, path: folder + "/console-\(index).sqlite", done: done) }
        })
        let observer = Threads<Int>([{ [self] in try naiveReader(url: url, done: done) }])
        let writerThreads = Threads<Int>((0..<writers).map { index in
            { [self] in try writer(index, url: url, hot: hot) }
        })
        let committed = writerThreads.wait()
        done.raise()
        let runs = consoleThreads.wait()
        let missedByNaive = observer.wait()

        for result in committed {
            #expect(try result.get() == transactionsPerWriter)
        }
        for (index, result) in runs.enumerated() {
            let run = try result.get()
            #expect(run.mismatches == 0, "console \(index), after \(run.passes) passes: \(run.mismatches) of \(run.rows) people differ from central")
            #expect(run.rows == 300 + writers * (1 + transactionsPerWriter / 4))
        }
        #expect(try missedByNaive[0].get() > 0,
                "the workload commits out of version order: a reader remembering the highest version it saw misses rows")
    }

    /// Short transactions on shared people, and every fourth one held open while the others commit: it adds a
    /// newcomer, registers them and updates the writer's own person, then sleeps before its commit.
    func writer(_ index: Int, url: String, hot: [String]) throws -> Int {
        let central = try PostgresCentral(url: url)
        let own = "PP:O\(index)"
        _ = try central.importCodes([CodeRow(document: own, nameMasked: "孙*", phone: nil, colour: .green, reason: "",
                                             updatedAt: Date())])
        var committed = 0
        for step in 0..<transactionsPerWriter {
            let person = hot[(index * 53 + step * 17) % hot.count]
            switch step % 4 {
            case 0:
                try central.connection.transaction {
                    let newcomer = "PP:N\(index)-\(step)"
                    _ = try central.importCodes([CodeRow(document: newcomer, nameMasked: "钱*", phone: nil, colour: .green,
                                                         reason: "", updatedAt: Date())])
                    _ = try central.submit([registration(newcomer)])
                    _ = try central.importNAT([NATRow(document: own, nat: sample(index, step))])
                    Thread.sleep(forTimeInterval: 0.01 * Double(1 + step % 5))
                }
            case 1:
                _ = try central.submit([registration(person)])
            case 2:
                _ = try central.importNAT([NATRow(document: person, nat: sample(index, step))])
            default:
                let colour: CodeColour = [.green, .yellow, .red][step % 3]
                _ = try central.importCodes([CodeRow(document: person, nameMasked: "赵*", phone: nil, colour: colour,
                                                     reason: "复核", updatedAt: Date())])
            }
            committed += 1
        }
        return committed
    }

    /// Syncs in a loop while the writers run, then until its cache equals central, for at most 30 seconds.
    func console(url: String, path: String, done: StopFlag) throws -> ConsoleRun {
        let cache = try LocalCache(path: path)
        let central = try PostgresCentral(url: url)
        let engine = SyncEngine(cache: cache, central: central, pullBatch: 40)
        var passes = 0
        while !done.isRaised {
            try engine.run()
            passes += 1
            Thread.sleep(forTimeInterval: 0.005)
        }
        var mismatches = 0
        var rows = 0
        _ = try Poll.until(30, every: 0.02) {
            try engine.run()
            passes += 1
            let everyone = try PeopleRows.central(central.connection)
            rows = everyone.count
            mismatches = PeopleRows.mismatches(cache: try PeopleRows.cache(cache), central: everyone)
            return mismatches == 0
        }
        return ConsoleRun(passes: passes, mismatches: mismatches, rows: rows)
    }

    /// Follows the people table the naive way, remembering the highest version seen; returns how many final rows
    /// it never saw.
    func naiveReader(url: String, done: StopFlag) throws -> Int {
        let connection = try PostgresConnection(url: url)
        var seen = Set<String>()
        var highest: Int64 = 0
        func read() throws {
            let result = try connection.query("SELECT document, seq FROM people WHERE seq > $1 ORDER BY seq",
                                              [.integer(highest)])
            for row in 0..<result.rowCount {
                let seq = try result.int64(row, 1)
                seen.insert("\(try result.string(row, 0))@\(seq)")
                highest = max(highest, seq)
            }
        }
        while !done.isRaised {
            try read()
            Thread.sleep(forTimeInterval: 0.002)
        }
        try read()
        let final = try connection.query("SELECT document, seq FROM people")
        return try (0..<final.rowCount).filter { !seen.contains("\(try final.string($0, 0))@\(try final.int64($0, 1))") }.count
    }

    func registration(_ document: String) -> GateEvent {
        GateEvent.registration(id: UUID(), at: Date(), checkpoint: checkpoint, operatorName: "李", document: document,
                               colourBefore: .green, readings: [Temperature(tenths: 383), Temperature(tenths: 384)])
    }

    func sample(_ writer: Int, _ step: Int) -> NATResult {
        NATResult(sampledAt: Date(), reportedAt: Date(), outcome: step % 8 == 2 ? .positive : .negative,
                  institution: "检测机构\(writer)")
    }
}
