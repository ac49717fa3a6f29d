import Foundation
import HealthCode
import LocalStore

/// What the console does for each scan, without the screen: read the input, look the person up in the
/// cache, judge them by the checkpoint's rules with a normal reading, and write the check to the scan log
/// and the outbox in one transaction.
struct GateLoop {
    let cache: LocalCache
    let checkpoint: Checkpoint
    let reading = Temperature(tenths: 365)

    /// One scan; returns whether the person was found.
    @discardableResult
    func scan(_ typed: String, at now: Date) throws -> Bool {
        guard case .document(let document) = ScanInput.classify(typed, today: CivilDate(now, in: .current)) else {
            throw BenchError("the benchmark typed an invalid document")
        }
        let record = try cache.person(document: document.key)
        let verdict = checkpoint.rules.judge(record, readings: [reading], at: now, dataAge: 0)
        let check = GateEvent.check(id: .newEventID(), at: now, checkpoint: checkpoint, operatorName: "bench",
                                    document: document.key, colour: record?.colour ?? .unknown, verdict: verdict,
                                    readings: [reading], complete: true)
        try cache.record(check: check)
        return record != nil
    }
}

/// The scans a latency run types: 90% people of the region, 10% people the cache does not hold, in a
/// fixed pseudo-random order.
struct ScanPlan: Sequence {
    let region: BenchRegion
    let count: Int

    func makeIterator() -> AnyIterator<String> {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var done = 0
        return AnyIterator {
            guard done < count else { return nil }
            done += 1
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Int(truncatingIfNeeded: state >> 33)
            return draw % 10 == 0 ? region.outsider(draw / 10) : region.document(draw % region.people)
        }
    }
}
