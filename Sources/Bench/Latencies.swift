import Foundation

/// Durations of many repetitions of one operation, counted in buckets 1% wide (from 100 ns up), so
/// that a run of any length takes the same few kilobytes; read back as percentiles.
public struct Latencies: Sendable {
    private static let floor = 100.0
    private static let ratio = log(1.01)
    private static let bucketCount = 2400
    private var counts = [Int](repeating: 0, count: bucketCount)
    public private(set) var count = 0

    public init() {}

    public mutating func add(_ nanoseconds: UInt64) {
        let bucket = Int((log(max(Double(nanoseconds), Self.floor) / Self.floor) / Self.ratio).rounded(.down))
        counts[min(bucket, Self.bucketCount - 1)] += 1
        count += 1
    }

    /// The duration that `fraction` (0...1) of the repetitions did not exceed, in milliseconds: the
    /// upper edge of the bucket holding that rank, so at most 1% above the true figure.
    public func percentile(_ fraction: Double) -> Double {
        guard count > 0 else { return 0 }
        let rank = max(Int((fraction * Double(count)).rounded(.up)), 1)
        var seen = 0
        for (bucket, number) in counts.enumerated() {
            seen += number
            if seen >= rank { return Self.floor * exp(Double(bucket + 1) * Self.ratio) / 1_000_000 }
        }
        return 0
    }

    /// p50, p99 and p99.9 in milliseconds.
    public func summary() -> LatencySummary {
        LatencySummary(count: count, p50: percentile(0.5), p99: percentile(0.99), p999: percentile(0.999))
    }
}

/// The percentiles a latency figure reports, in milliseconds.
public struct LatencySummary: Codable, Equatable, Sendable {
    public var count: Int
    public var p50: Double
    public var p99: Double
    public var p999: Double
}
