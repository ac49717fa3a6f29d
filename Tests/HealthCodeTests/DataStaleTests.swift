import Foundation
import Testing
import HealthCode

/// Tests of out-of-date data (数据过期): past the checkpoint's limit every pass needs confirming.
@Suite("The verdict on out-of-date data")
struct DataStaleTests {
    let reading = [Temperature(tenths: 365)]

    @Test("within the limit nothing is added")
    func fresh() {
        let verdict = CheckpointRules().judge(Fixture.record(.green), readings: reading, at: Fixture.now, dataAge: 59 * 60)
        #expect(verdict == Verdict(decision: .pass, reasons: []))
        #expect(!verdict.needsConfirmation)
    }

    @Test("past the limit a pass says so and needs confirming; the age is given in minutes")
    func stalePass() {
        let verdict = CheckpointRules().judge(Fixture.record(.green), readings: reading, at: Fixture.now, dataAge: 61 * 60)
        #expect(verdict.decision == .pass)
        #expect(verdict.reasons == [Reason(.dataStale, value: 61)])
        #expect(verdict.needsConfirmation)
    }

    @Test("a refusal on out-of-date data lists it too, and needs no confirmation")
    func staleRefusal() {
        let verdict = CheckpointRules().judge(Fixture.record(.red), readings: reading, at: Fixture.now, dataAge: 3 * 3600)
        #expect(verdict.decision == .refuse)
        #expect(verdict.reasons.map(\.code) == [.colourRed, .dataStale])
        #expect(!verdict.needsConfirmation)
    }

    @Test("no limit, or no sync age known, adds nothing")
    func noLimit() {
        var rules = CheckpointRules()
        rules.maxDataAgeMinutes = nil
        #expect(rules.judge(Fixture.record(.green), readings: reading, at: Fixture.now, dataAge: 86_400).reasons.isEmpty)
        #expect(CheckpointRules().judge(Fixture.record(.green), readings: reading, at: Fixture.now).reasons.isEmpty)
    }

    @Test("rules saved before the limit existed get the default; an explicit none stays none")
    func decoding() throws {
        let old = try JSONDecoder().decode(CheckpointRules.self, from: Data(#"{"feverThreshold": 37.3}"#.utf8))
        #expect(old.maxDataAgeMinutes == 60)
        let none = try JSONDecoder().decode(CheckpointRules.self, from: Data(#"{"maxDataAgeMinutes": null}"#.utf8))
        #expect(none.maxDataAgeMinutes == nil)
        var rules = CheckpointRules()
        rules.maxDataAgeMinutes = nil
        #expect(try JSONDecoder().decode(CheckpointRules.self, from: JSONEncoder().encode(rules)) == rules)
    }
}
