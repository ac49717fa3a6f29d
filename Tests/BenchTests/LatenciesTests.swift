import Bench
import Testing

/// Percentiles read from the 1% buckets stay within 1% above the true figure.
@Suite("Latency percentiles")
struct LatenciesTests {
    @Test("1 µs to 1 ms in 1 µs steps: p50, p99 and p99.9 within 1% above the true ranks")
    func uniform() {
        var latencies = Latencies()
        for microseconds in (1...1000).reversed() { latencies.add(UInt64(microseconds) * 1000) }
        let summary = latencies.summary()
        #expect(summary.count == 1000)
        for (figure, truth) in [(summary.p50, 0.5), (summary.p99, 0.99), (summary.p999, 0.999)] {
            #expect(figure >= truth && figure <= truth * 1.0101, "\(figure) for \(truth)")
        }
    }

    @Test("no samples read as zero; one slow scan in a thousand shows at the top, not at p99")
    func outlier() {
        #expect(Latencies().percentile(0.99) == 0)
        var latencies = Latencies()
        for _ in 0..<999 { latencies.add(200_000) }
        latencies.add(50_000_000)
        #expect(latencies.percentile(0.99) < 0.21)
        #expect(latencies.percentile(1) > 49)
    }
}
