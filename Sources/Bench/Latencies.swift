/// Durations of many repetitions of one operation, read back as percentiles.
public struct Latencies: Sendable {
    private var nanoseconds: [UInt64] = []
    private var sorted = true

    public init(capacity: Int = 0) {
        nanoseconds.reserveCapacity(capacity)
    }

    public var count: Int { nanoseconds.count }

    public mutating func add(_ duration: UInt64) {
        if let last = nanoseconds.last, duration < last { sorted = false }
        nanoseconds.append(duration)
    }

    /// The duration that `fraction` (0...1) of the repetitions did not exceed, in milliseconds (nearest rank).
    public mutating func percentile(_ fraction: Double) -> Double {
        guard !nanoseconds.isEmpty else { return 0 }
        if !sorted {
            nanoseconds.sort()
            sorted = true
        }
        let rank = Int((fraction * Double(nanoseconds.count)).rounded(.up))
        return Double(nanoseconds[min(max(rank, 1), nanoseconds.count) - 1]) / 1_000_000
    }

    /// p50, p99 and p99.9 in milliseconds.
    public mutating func summary() -> LatencySummary {
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
