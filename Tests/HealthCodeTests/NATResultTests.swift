import Foundation
import Testing
import HealthCode

/// Tests of the latest nucleic-acid test (核酸检测) and its age.
@Suite("The latest nucleic-acid test (核酸检测) and its age")
struct NATResultTests {
    @Test("age is in whole hours from sampling", arguments: [
        (0.0, 0), (0.99, 0), (1.0, 1), (30.0, 30), (30.99, 30), (47.5, 47), (48.0, 48), (168.0, 168),
    ])
    func ageFromSampling(hours: Double, whole: Int) {
        let test = Fixture.negativeTest(sampledHoursAgo: hours, reportedHoursAgo: 0)
        #expect(test.ageHours(at: Fixture.now) == whole)
        #expect(test.ageHours(at: Fixture.now, from: .sampling) == whole)
    }

    @Test("age counts from the report when the rule says so")
    func ageFromReport() {
        let test = Fixture.negativeTest(sampledHoursAgo: 40, reportedHoursAgo: 20.5)
        #expect(test.ageHours(at: Fixture.now, from: .sampling) == 40)
        #expect(test.ageHours(at: Fixture.now, from: .report) == 20)
    }

    @Test("a pending test has no report: its age counts from sampling")
    func pendingFallsBackToSampling() {
        let test = Fixture.pendingTest(sampledHoursAgo: 10)
        #expect(test.reportedAt == nil)
        #expect(test.ageHours(at: Fixture.now, from: .report) == 10)
    }

    @Test("outcomes are read in English and Chinese", arguments: [
        ("negative", NATResult.Outcome.negative), ("阴性", .negative), ("NEG", .negative), (" Negative ", .negative),
        ("positive", .positive), ("阳性", .positive), ("pos", .positive),
        ("pending", .pending), ("待出结果", .pending), ("检测中", .pending),
    ])
    func outcomeText(text: String, outcome: NATResult.Outcome) {
        #expect(NATResult.Outcome(text: text) == outcome)
    }

    @Test("an unknown outcome text is not read", arguments: ["", "maybe", "阴", "未知"])
    func unknownOutcome(text: String) {
        #expect(NATResult.Outcome(text: text) == nil)
    }

    @Test("a test round-trips through JSON")
    func codable() throws {
        for test in [Fixture.negativeTest(sampledHoursAgo: 30), Fixture.pendingTest(sampledHoursAgo: 2)] {
            let data = try JSONEncoder().encode(test)
            #expect(try JSONDecoder().decode(NATResult.self, from: data) == test)
        }
    }
}
