import Bench
import Foundation
import Testing
import TestSupport

/// The benchmark's code, run end to end on a tiny region against both central stores: every scenario
/// runs and reports what it did. The figures themselves are the benchmark's business, not the tests'.
@Suite("Benchmark smoke run", .serialized)
struct BenchmarkSmokeTests {
    let folder = TemporaryDirectory()

    func smallRun(_ central: BenchCentral) throws -> BenchReport {
        var benchmark = Benchmark(people: 400, central: central, folder: folder.file("bench"),
                                  consoleBinary: BuiltProducts.path("healthgate"))
        benchmark.scans = 300
        benchmark.changes = 120
        benchmark.events = 50
        benchmark.coldStarts = 1
        return try benchmark.run()
    }

    func expectComplete(_ report: BenchReport) throws {
        #expect(report.people == 400)
        #expect(report.firstSync.seconds > 0)
        #expect(report.firstSync.baseline.exportSeconds > 0 && report.firstSync.baseline.importSeconds > 0)
        #expect(report.verdict.scans.count == 300)
        #expect(report.verdict.rawSelect.count == 300)
        #expect(report.verdict.scans.p50 <= report.verdict.scans.p99 && report.verdict.scans.p99 <= report.verdict.scans.p999)
        #expect(report.duringFirstSync.syncSeconds > 0)
        #expect(report.incremental.count >= 120, "every changed person comes through the feed")
        #expect(report.push.count == 55, "50 checks and one registration per ten")
        #expect(report.coldStartMilliseconds?.count == 1)
        #expect(report.peakResidentBytes > 0)
        for figure in ["first sync", "verdict", "lookups during first sync", "incremental sync", "push", "peak RSS", "cold start"] {
            #expect(report.table.contains(figure))
        }
        let decoded = try JSONDecoder().decode(BenchReport.self, from: Data(report.json.utf8))
        #expect(decoded.people == 400 && decoded.push.count == 55)
    }

    @Test("against the embedded store: every scenario runs, and a second run reuses the filled store")
    func embedded() throws {
        let central = BenchCentral.embedded(path: folder.file("central.sqlite"))
        let first = try smallRun(central)
        try expectComplete(first)
        #expect(first.seedSeconds != nil)
        let second = try smallRun(central)
        #expect(second.seedSeconds == nil, "the store already held the region")
    }

    @Test("against PostgreSQL: every scenario runs")
    func postgresql() throws {
        let url = try PostgresServer.shared().makeDatabase()
        try expectComplete(try smallRun(.postgresql(url: url)))
    }

    @Test("a store holding other people is refused, not overwritten")
    func foreignStore() throws {
        let central = BenchCentral.embedded(path: folder.file("other.sqlite"))
        var small = Benchmark(people: 100, central: central, folder: folder.file("bench"), consoleBinary: nil)
        small.scans = 10
        small.changes = 10
        small.events = 10
        _ = try small.run()
        #expect(throws: BenchError.self) { _ = try smallRun(central) }
    }
}
