import Foundation
import HealthCode
import Testing
@testable import Console

/// The effect layer: gate events get ids, checkpoint and operator; service errors become events.
@Suite struct EffectRunnerTests {
    func runner(_ gate: FakeGate) -> EffectRunner {
        var next = 0
        return EffectRunner(service: gate, checkpoint: Fixtures.gate(), operatorName: "李四", timeZone: Fixtures.beijing) {
            next += 1
            return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", next)) ?? UUID()
        }
    }

    @Test func aRegistrationIsRecordedWithItsCheckInOneCall() {
        let gate = FakeGate()
        let verdict = Verdict(decision: .refuse, reasons: [Reason(.feverConfirmed, value: 378)], registers: true)
        let log = CheckLog(at: Fixtures.noon, document: Fixtures.zhang, colour: .green, verdict: verdict,
                           readings: [Temperature(tenths: 376), Temperature(tenths: 378)], complete: true)
        let events = runner(gate).perform(.record(log))
        #expect(events == [.recorded(log), .counts(TodayCounts())])
        #expect(gate.records.count == 1)
        let (check, registration) = (gate.records[0].check, gate.records[0].registration)
        #expect(check.id.uuidString.hasSuffix("000000000001"))
        #expect(registration?.id.uuidString.hasSuffix("000000000002") == true)
        #expect(registration?.kind == .registration)
        #expect(registration?.colour == .green)
        #expect(registration?.checkpointID == "cp-east-gate")
    }

    @Test func checkAndRegistrationAreTheDomainsEventsAsTheCommandLineMakesThem() throws {
        let gate = FakeGate()
        let verdict = Verdict(decision: .refuse, reasons: [Reason(.feverConfirmed, value: 378)], registers: true)
        let readings = [Temperature(tenths: 376), Temperature(tenths: 378)]
        let log = CheckLog(at: Fixtures.noon, document: Fixtures.zhang, colour: .green, verdict: verdict,
                           readings: readings, complete: true)
        _ = runner(gate).perform(.record(log))
        let record = try #require(gate.records.first)
        #expect(record.check == GateEvent.check(
            id: record.check.id, at: Fixtures.noon, checkpoint: Fixtures.gate(), operatorName: "李四",
            document: Fixtures.zhang, colour: .green, verdict: verdict, readings: readings, complete: true))
        let registration = try #require(record.registration)
        #expect(registration == GateEvent.registration(
            id: registration.id, at: Fixtures.noon, checkpoint: Fixtures.gate(), operatorName: "李四",
            document: Fixtures.zhang, colourBefore: .green, readings: readings))
    }

    @Test func aVoidIsTheDomainsVoidEvent() throws {
        let gate = FakeGate()
        let registration = GateEvent.registration(id: UUID(), at: Fixtures.noon, checkpoint: Fixtures.gate(),
                                                  operatorName: "李四", document: Fixtures.zhang, colourBefore: .green,
                                                  readings: [Temperature(tenths: 380)])
        gate.latestRegistration = registration
        let at = Fixtures.noon.addingTimeInterval(60)
        _ = runner(gate).perform(.void(registration: registration, note: "读数错误", at: at))
        let void = try #require(gate.voids.first)
        #expect(void == GateEvent.void(id: void.id, at: at, checkpoint: Fixtures.gate(), operatorName: "李四",
                                       registration: registration, note: "读数错误"))
    }

    @Test func aPlainCheckHasNoRegistration() {
        let gate = FakeGate()
        let log = CheckLog(at: Fixtures.noon, document: Fixtures.li, colour: .yellow,
                           verdict: Verdict(decision: .refuse, reasons: [Reason(.colourYellow)]), readings: [], complete: true)
        _ = runner(gate).perform(.record(log))
        #expect(gate.records.count == 1)
        #expect(gate.records[0].registration == nil)
    }

    @Test func aThrowingServiceBecomesOneFailedEvent() {
        let gate = FakeGate()
        gate.failing = true
        let log = CheckLog(at: Fixtures.noon, document: Fixtures.li, colour: .yellow,
                           verdict: Verdict(decision: .refuse, reasons: []), readings: [], complete: true)
        let events = runner(gate).perform(.record(log))
        #expect(events.count == 1)
        guard case .recordFailed(let failed, let failure) = events.first else {
            Issue.record("expected a failure, got \(events)")
            return
        }
        #expect(failed == log)
        #expect(failure.operation == .record)
        #expect(failure.detail == "disk I/O error")
    }

    @Test func theLastRegistrationComesWithItsPerson() {
        let gate = FakeGate()
        gate.people = [Fixtures.person(Fixtures.zhang, name: "张*三", colour: .yellow)]
        let registration = GateEvent(id: UUID(), kind: .registration, checkpointID: "cp-east-gate", operatorName: "李四",
                                     at: Fixtures.noon, document: Fixtures.zhang, colour: .green)
        gate.latestRegistration = registration
        let events = runner(gate).perform(.loadLastRegistration)
        #expect(events == [.lastRegistration(registration, person: gate.people[0])])
    }
}
