import Central
import Foundation
import HealthCode
import LocalStore
import Sync

/// `healthgate bench`: fills a central store with a synthetic region, then measures what a console does
/// with it, each figure next to a baseline taken in the same run where one exists.
public struct Benchmark {
    public var people: Int
    public var central: BenchCentral
    /// A folder of the benchmark's own for caches and baseline files; emptied of them as it goes.
    public var folder: String
    /// The console binary, for the cold start; nil leaves the cold start out.
    public var consoleBinary: String?
    public var scans = 100_000
    public var changes = 100_000
    public var events = 10_000
    public var coldStarts = 5
    /// Told what the benchmark is doing, one line at a time.
    public var progress: (String) -> Void = { _ in }

    public init(people: Int, central: BenchCentral, folder: String, consoleBinary: String?) {
        self.people = people
        self.central = central
        self.folder = folder
        self.consoleBinary = consoleBinary
    }

    static let checkpoint: Checkpoint = {
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 72
        return Checkpoint(id: "BENCH", name: "基准测试门岗", kind: .gate, rules: rules)
    }()

    public func run() throws -> BenchReport {
        let region = try BenchRegion(people: people, now: Date())
        try FileManager.default.createDirectory(atPath: folder + "/console", withIntermediateDirectories: true)
        let seedSeconds = try seed(region)
        let cachePath = folder + "/console/cache.sqlite"

        progress("first sync of \(people) people…")
        let firstSync = try measureFirstSync(into: cachePath)
        progress("baseline: export and sqlite3 .import…")
        settle()
        let baseline = try Baseline.firstSync(central, folder: folder)

        // Before the bench console's cache opens: a console has one cache open, not two.
        progress("lookups while another cache makes its first sync…")
        let during = try measureDuringFirstSync(region)

        progress("verdict latency: \(scans) scans…")
        let cache = try LocalCache(path: cachePath)
        try cache.saveCheckpoint(Self.checkpoint)
        let plan = ScanPlan(region: region, count: scans)
        ResidentMemory.resetPeak()
        try cache.leaveCheckpointsToOthers()
        let checkpoints = BackgroundCheckpoints(cachePath: cachePath)
        try checkpoints.start()
        settle()
        let verdicts = try latencies(GateLoop(cache: cache, checkpoint: Self.checkpoint), plan)
        checkpoints.stop()
        let verdictPeak = ResidentMemory.peak()
        let raw = try RawSelect.latencies(path: cachePath, plan: plan)

        progress("incremental sync of \(changes) changes…")
        try SyncEngine(cache: cache, central: try central.open()).run()
        try importInChunks(region.changes(changes, at: Date()))
        let incremental = try measureSync(cache, expecting: \.pulled)

        progress("push of \(events) events…")
        try queue(events, region: region, in: cache)
        let push = try measureSync(cache, expecting: \.pushed)

        var coldStart: [Double]?
        if let consoleBinary {
            progress("cold start, \(coldStarts) times…")
            settle()
            let arguments = ["--data-dir", folder + "/console", "--central", centralArgument, "--checkpoint", Self.checkpoint.id]
            coldStart = try (0..<coldStarts).map { _ in try ColdStart.measure(binary: consoleBinary, arguments: arguments) }
        }

        let peak = [firstSync.peakResidentBytes, verdictPeak, during.peakResidentBytes,
                    incremental.peakResidentBytes, push.peakResidentBytes].max() ?? 0
        return BenchReport(
            date: ISO8601DateFormatter().string(from: Date()), machine: Machine.describe(), store: central.name,
            people: people, seedSeconds: seedSeconds,
            firstSync: FirstSyncFigures(seconds: firstSync.seconds, checkpointSeconds: firstSync.checkpoint,
                                        peoplePerSecond: Double(people) / firstSync.seconds,
                                        peakResidentBytes: firstSync.peakResidentBytes, baseline: baseline),
            verdict: VerdictFigures(scans: verdicts.summary(), rawSelect: raw.summary(), peakResidentBytes: verdictPeak),
            duringFirstSync: during, incremental: incremental, push: push,
            coldStartMilliseconds: coldStart, peakResidentBytes: peak)
    }

    private var centralArgument: String {
        switch central {
        case .embedded(let path): "sqlite:" + path
        case .postgresql(let url): url
        }
    }

    /// Fills the central store with the region unless it already holds exactly that many people.
    private func seed(_ region: BenchRegion) throws -> Double? {
        try central.migrate()
        let store = try central.open()
        let held = try store.peopleCount()
        if held == people {
            progress("the central store already holds \(people) people; reusing them")
            return nil
        }
        guard held == 0 else {
            throw BenchError("the central store holds \(held) people, not \(people): give the benchmark an empty store")
        }
        try store.saveCheckpoint(Self.checkpoint)
        return try Stopwatch.time {
            try region.seed(into: store) { done in progress("central store: \(done) of \(people) people") }
        }.seconds
    }

    private func measureFirstSync(into path: String) throws -> (seconds: Double, checkpoint: Double, peakResidentBytes: Int) {
        removeDatabase(path)
        let cache = try LocalCache(path: path)
        let store = try central.open()
        settle()
        ResidentMemory.resetPeak()
        let (summary, seconds) = try Stopwatch.time { try SyncEngine(cache: cache, central: store).run() }
        guard summary.pulled >= people else {
            throw BenchError("the first sync brought \(summary.pulled) people, not \(people)")
        }
        let checkpoint = Stopwatch.time { cache.checkpointLog() }.seconds
        return (seconds, checkpoint, ResidentMemory.peak())
    }

    /// Scans against a second cache while its first sync runs on another thread, as a new console does.
    private func measureDuringFirstSync(_ region: BenchRegion) throws -> DuringSyncFigures {
        let path = folder + "/during.sqlite"
        removeDatabase(path)
        defer { removeDatabase(path) }
        let gate = try LocalCache(path: path)
        try gate.saveCheckpoint(Self.checkpoint)
        try gate.leaveCheckpointsToOthers()
        let loop = GateLoop(cache: gate, checkpoint: Self.checkpoint)
        let sync = BackgroundSync(cachePath: path, central: central)
        settle()
        ResidentMemory.resetPeak()
        sync.start()
        var latencies = Latencies()
        var found = 0
        let keys = ScanPlan(region: region, count: Int.max).makeIterator()
        while !sync.isFinished, let key = keys.next() {
            let start = Stopwatch.now()
            if try loop.scan(key, at: Date()) { found += 1 }
            latencies.add(Stopwatch.now() - start)
        }
        let (seconds, failure) = sync.wait()
        if let failure { throw BenchError("the first sync under scans failed: \(failure)") }
        return DuringSyncFigures(scans: latencies.summary(), found: found, syncSeconds: seconds,
                                 peakResidentBytes: ResidentMemory.peak())
    }

    /// One sync pass of the bench console's cache, timed, and then the fold and the checkpoint the
    /// console's sync thread makes after a pass, each timed on its own; `expecting` names the count it reports.
    private func measureSync(_ cache: LocalCache, expecting count: KeyPath<SyncSummary, Int>) throws -> CountedFigure {
        let store = try central.open()
        settle()
        ResidentMemory.resetPeak()
        let (summary, seconds) = try Stopwatch.time { try SyncEngine(cache: cache, central: store).run() }
        let fold = try Stopwatch.time { try cache.foldRecentChanges() }.seconds
        let checkpoint = Stopwatch.time {
            cache.checkpointLog()
            store.checkpointLog()
        }.seconds
        return CountedFigure(count: summary[keyPath: count], seconds: seconds, foldSeconds: fold, checkpointSeconds: checkpoint,
                             peakResidentBytes: ResidentMemory.peak())
    }

    private func latencies(_ loop: GateLoop, _ plan: ScanPlan) throws -> Latencies {
        var latencies = Latencies()
        for key in plan {
            let start = Stopwatch.now()
            try loop.scan(key, at: Date())
            latencies.add(Stopwatch.now() - start)
        }
        return latencies
    }

    private func importInChunks(_ rows: [CodeRow]) throws {
        let store = try central.open()
        for start in stride(from: 0, to: rows.count, by: 50_000) {
            _ = try store.importCodes(Array(rows[start..<min(start + 50_000, rows.count)]))
        }
    }

    /// Queues `count` checks, one in ten with an abnormal registration, as a busy gate would between syncs.
    private func queue(_ count: Int, region: BenchRegion, in cache: LocalCache) throws {
        let now = Date()
        let fever = [Temperature(tenths: 385), Temperature(tenths: 386)]
        for index in 0..<count {
            let document = region.document(index * 7919 % region.people)
            let registers = index % 10 == 0
            let verdict = Verdict(decision: registers ? .refuse : .pass, reasons: [])
            let check = GateEvent.check(id: .newEventID(), at: now, checkpoint: Self.checkpoint, operatorName: "bench",
                                        document: document, colour: .green, verdict: verdict,
                                        readings: registers ? fever : [Temperature(tenths: 365)], complete: true)
            let registration = registers
                ? GateEvent.registration(id: .newEventID(), at: now, checkpoint: Self.checkpoint, operatorName: "bench",
                                         document: document, colourBefore: .green, readings: fever)
                : nil
            try cache.record(check: check, registration: registration)
        }
    }

    /// Waits until the kernel has written out what the steps before left dirty in its cache (`sync(2)`),
    /// so that no timed step pays for another's writes: an incremental pass for the first syncs before
    /// it, or for the authority's import into a store on the same machine.
    private func settle() {
        sync()
    }

    /// Removes a cache: its people file and its events file, with their write-ahead logs.
    private func removeDatabase(_ path: String) {
        for file in [path, LocalCache.eventsPath(path)] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
    }
}
