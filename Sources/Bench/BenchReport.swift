import Foundation

/// Every figure of one benchmark run, with where and when it ran.
public struct BenchReport: Codable, Sendable {
    public var date: String
    public var machine: String
    public var store: String
    public var people: Int
    /// Seconds spent filling the central store, or nil when it already held the region.
    public var seedSeconds: Double?

    public var firstSync: FirstSyncFigures
    public var verdict: VerdictFigures
    public var duringFirstSync: DuringSyncFigures
    public var incremental: CountedFigure
    public var push: CountedFigure
    /// Milliseconds from exec to the first frame, one per start; nil when no console binary was given.
    public var coldStartMilliseconds: [Double]?
    /// The highest resident size over every measured scenario.
    public var peakResidentBytes: Int
}

public struct FirstSyncFigures: Codable, Sendable {
    public var seconds: Double
    /// The checkpoint after the pass, as with `CountedFigure`.
    public var checkpointSeconds: Double
    public var peoplePerSecond: Double
    public var peakResidentBytes: Int
    public var baseline: BaselineFigures
    /// The first sync's time over the baseline's.
    public var ratio: Double { seconds / baseline.seconds }
}

public struct VerdictFigures: Codable, Sendable {
    public var scans: LatencySummary
    public var rawSelect: LatencySummary
    public var peakResidentBytes: Int
    /// The verdict's p99 over the raw select's.
    public var p99Ratio: Double { scans.p99 / max(rawSelect.p99, 0.000_001) }
}

public struct DuringSyncFigures: Codable, Sendable {
    public var scans: LatencySummary
    /// How many of the scans found their person (the cache fills as they run).
    public var found: Int
    public var syncSeconds: Double
    public var peakResidentBytes: Int
}

/// How many items one sync pass handled and how long it took; then how long the fold of its recent
/// changes into the people table and the checkpoint of the write-ahead log took, which the console's
/// sync thread makes after the pass, blocking no one.
public struct CountedFigure: Codable, Sendable {
    public var count: Int
    public var seconds: Double
    public var foldSeconds: Double
    public var checkpointSeconds: Double
    public var peakResidentBytes: Int
}

extension BenchReport {
    /// The report as a table: every figure next to its target at ten million people.
    public var table: String {
        func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        func ms(_ value: Double) -> String { String(format: "%.3f ms", value) }
        func s(_ value: Double) -> String { String(format: "%.2f s", value) }
        func mark(_ met: Bool) -> String { met ? "ok" : "MISSED" }
        var rows: [(String, String, String, String)] = []
        rows.append(("first sync", "\(s(firstSync.seconds)), \(Int(firstSync.peoplePerSecond)) people/s (then checkpoint \(s(firstSync.checkpointSeconds)))",
                     "≤ 1.25 × baseline \(s(firstSync.baseline.seconds)) (export \(s(firstSync.baseline.exportSeconds)) + import \(s(firstSync.baseline.importSeconds))): \(String(format: "%.2f", firstSync.ratio))×",
                     mark(firstSync.ratio <= 1.25)))
        rows.append(("verdict", "p50 \(ms(verdict.scans.p50)), p99 \(ms(verdict.scans.p99)), p99.9 \(ms(verdict.scans.p999))",
                     "p99 ≤ 1 ms and ≤ 5 × raw select p99 \(ms(verdict.rawSelect.p99)): \(String(format: "%.1f", verdict.p99Ratio))×",
                     mark(verdict.scans.p99 <= 1 && verdict.p99Ratio <= 5)))
        rows.append(("lookups during first sync",
                     "p50 \(ms(duringFirstSync.scans.p50)), p99 \(ms(duringFirstSync.scans.p99)), p99.9 \(ms(duringFirstSync.scans.p999)) (\(duringFirstSync.scans.count) scans)",
                     "p99 ≤ 5 ms", mark(duringFirstSync.scans.p99 <= 5)))
        rows.append(("incremental sync", "\(incremental.count) changes in \(s(incremental.seconds)) (then fold \(s(incremental.foldSeconds)), checkpoint \(s(incremental.checkpointSeconds)))", "100,000 in ≤ 1 s",
                     mark(incremental.seconds <= 1 * Double(max(incremental.count, 1)) / 100_000)))
        rows.append(("push", "\(push.count) events in \(s(push.seconds)) (then fold \(s(push.foldSeconds)), checkpoint \(s(push.checkpointSeconds)))", "10,000 in ≤ 1 s",
                     mark(push.seconds <= 1 * Double(max(push.count, 1)) / 10_000)))
        rows.append(("peak RSS", mb(peakResidentBytes), "≤ 64 MB", mark(peakResidentBytes <= 64 * 1_048_576)))
        if let starts = coldStartMilliseconds, let median = starts.sorted().dropFirst(starts.count / 2).first {
            rows.append(("cold start", "median \(ms(median)) of \(starts.count), max \(ms(starts.max() ?? 0))", "≤ 150 ms",
                         mark(median <= 150)))
        } else {
            rows.append(("cold start", "not measured", "≤ 150 ms", "-"))
        }
        let widths = (rows.map(\.0.count).max() ?? 0, rows.map { $0.1.count }.max() ?? 0)
        let header = "healthgate bench: \(people) people, \(store) central store, \(date)\n\(machine)\n"
            + (seedSeconds.map { "central store filled in \(s($0))\n" } ?? "central store already held the region\n")
        return header + rows.map { name, figure, target, met in
            name.padding(toLength: widths.0, withPad: " ", startingAt: 0) + "  "
                + figure.padding(toLength: widths.1, withPad: " ", startingAt: 0) + "  " + met + "  (target: " + target + ")"
        }.joined(separator: "\n")
    }

    /// The report as JSON, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
