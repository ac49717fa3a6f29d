import Foundation
import Testing
import HealthCode

/// Rules built up from the defaults, one setting at a time.
private func rules(_ change: (inout CheckpointRules) -> Void = { _ in }) -> CheckpointRules {
    var rules = CheckpointRules()
    change(&rules)
    return rules
}

private let within48Hours = rules { $0.maxNATAgeHours = 48 }

/// Tests of the verdict: colour (亮码).
@Suite("The verdict: colour (亮码)")
struct ColourVerdictTests {
    @Test("no record found (未查询到): refuse, no record")
    func noRecord() {
        let verdict = CheckpointRules().judge(nil, readings: [t(36.5)], at: Fixture.now)
        #expect(verdict == Verdict(decision: .refuse, reasons: [Reason(.noRecord)]))
        #expect(!verdict.registers)
    }

    @Test("a record whose colour is unknown is refused as no record")
    func unknownColour() {
        let verdict = CheckpointRules().judge(Fixture.record(.unknown), readings: [t(36.5)], at: Fixture.now)
        #expect(verdict == Verdict(decision: .refuse, reasons: [Reason(.noRecord)]))
    }

    @Test("green with a normal reading passes (亮码+测温 后放行)")
    func greenPasses() {
        let verdict = CheckpointRules().judge(Fixture.record(.green), readings: [t(36.5)], at: Fixture.now)
        #expect(verdict == Verdict(decision: .pass, reasons: []))
    }

    @Test("yellow and red are refused with their colour, whatever the reading", arguments: [
        (CodeColour.yellow, Reason.Code.colourYellow), (.red, .colourRed),
    ])
    func yellowAndRedRefused(colour: CodeColour, reason: Reason.Code) {
        for readings in [[t(36.5)], []] {
            let verdict = CheckpointRules().judge(Fixture.record(colour), readings: readings, at: Fixture.now)
            #expect(verdict == Verdict(decision: .refuse, reasons: [Reason(reason)]))
        }
    }

    @Test("a checkpoint that admits yellow (restricted pass) passes yellow but still refuses red")
    func passingColoursAdmitYellow() {
        let lenient = rules { $0.passingColours = [.green, .yellow] }
        #expect(lenient.judge(Fixture.record(.yellow), readings: [t(36.5)], at: Fixture.now).decision == .pass)
        #expect(lenient.judge(Fixture.record(.green), readings: [t(36.5)], at: Fixture.now).decision == .pass)
        #expect(lenient.judge(Fixture.record(.red), readings: [t(36.5)], at: Fixture.now)
                == Verdict(decision: .refuse, reasons: [Reason(.colourRed)]))
    }

    @Test("green refused where green is not a passing colour")
    func greenNotPassing() {
        let odd = rules { $0.passingColours = [.yellow] }
        #expect(odd.judge(Fixture.record(.green), readings: [t(36.5)], at: Fixture.now)
                == Verdict(decision: .refuse, reasons: [Reason(.colourGreen)]))
    }
}

/// Tests of the verdict: nucleic-acid test (核酸).
@Suite("The verdict: nucleic-acid test (核酸)")
struct NATVerdictTests {
    private func judge(_ rules: CheckpointRules, _ nat: NATResult?, colour: CodeColour = .green) -> Verdict {
        rules.judge(Fixture.record(colour, nat: nat), readings: [t(36.5)], at: Fixture.now)
    }

    @Test("with no test rule, a missing or old test does not matter")
    func noRule() {
        #expect(judge(CheckpointRules(), nil).decision == .pass)
        #expect(judge(CheckpointRules(), Fixture.negativeTest(sampledHoursAgo: 24 * 30)).decision == .pass)
    }

    @Test("a required test that is missing refuses")
    func missing() {
        #expect(judge(within48Hours, nil) == Verdict(decision: .refuse, reasons: [Reason(.natMissing)]))
    }

    @Test("a negative test within the limit passes", arguments: [0.0, 1.0, 30.0, 47.99, 48.0])
    func recentEnough(hours: Double) {
        #expect(judge(within48Hours, Fixture.negativeTest(sampledHoursAgo: hours)).decision == .pass)
    }

    @Test("a test older than the limit refuses with its age in hours", arguments: [(49.0, 49), (60.5, 60), (200.0, 200)])
    func tooOld(hours: Double, age: Int) {
        #expect(judge(within48Hours, Fixture.negativeTest(sampledHoursAgo: hours))
                == Verdict(decision: .refuse, reasons: [Reason(.natTooOld, value: age)]))
    }

    @Test("'within 48 hours' means 48 hours: 48 h 30 min is too old, even though it shows as 48 hours")
    func partHourPastTheLimit() {
        let verdict = judge(within48Hours, Fixture.negativeTest(sampledHoursAgo: 48.5))
        #expect(verdict == Verdict(decision: .refuse, reasons: [Reason(.natTooOld, value: 48)]))
        #expect(judge(within48Hours, Fixture.negativeTest(sampledHoursAgo: 48 + 1.0 / 3600)).decision == .refuse)
    }

    @Test("the 7-day rule (003) accepts 168 hours and refuses 169", arguments: [(168.0, true), (169.0, false)])
    func sevenDays(hours: Double, passes: Bool) {
        let weekly = rules { $0.maxNATAgeHours = 168 }
        #expect((judge(weekly, Fixture.negativeTest(sampledHoursAgo: hours)).decision == .pass) == passes)
    }

    @Test("a positive test is always refused, with or without a test rule")
    func positive() {
        for rules in [CheckpointRules(), within48Hours, rules { $0.passingColours = [.green, .yellow, .red] }] {
            #expect(judge(rules, Fixture.positiveTest(sampledHoursAgo: 2))
                    == Verdict(decision: .refuse, reasons: [Reason(.natPositive)]))
        }
    }

    @Test("a pending test is refused where a test is required, unless the checkpoint accepts pending")
    func pending() {
        let recent = Fixture.pendingTest(sampledHoursAgo: 5)
        #expect(judge(within48Hours, recent) == Verdict(decision: .refuse, reasons: [Reason(.natPending)]))
        let acceptsPending = rules { $0.maxNATAgeHours = 48; $0.acceptPending = true }
        #expect(judge(acceptsPending, recent) == Verdict(decision: .pass, reasons: []))
    }

    @Test("an accepted pending test still has to be recent, counted from sampling")
    func acceptedPendingTooOld() {
        let acceptsPending = rules { $0.maxNATAgeHours = 48; $0.acceptPending = true; $0.natAgeFrom = .report }
        #expect(judge(acceptsPending, Fixture.pendingTest(sampledHoursAgo: 60))
                == Verdict(decision: .refuse, reasons: [Reason(.natTooOld, value: 60)]))
    }

    @Test("with no test rule, a pending test does not matter")
    func pendingWithoutRule() {
        #expect(judge(CheckpointRules(), Fixture.pendingTest(sampledHoursAgo: 5)).decision == .pass)
    }

    @Test("age counts from sampling by default, from the report where the checkpoint says so")
    func ageBasis() {
        let test = Fixture.negativeTest(sampledHoursAgo: 60, reportedHoursAgo: 20)
        #expect(judge(within48Hours, test) == Verdict(decision: .refuse, reasons: [Reason(.natTooOld, value: 60)]))
        let fromReport = rules { $0.maxNATAgeHours = 48; $0.natAgeFrom = .report }
        #expect(judge(fromReport, test).decision == .pass)
        let reportedLate = Fixture.negativeTest(sampledHoursAgo: 80, reportedHoursAgo: 50)
        #expect(judge(fromReport, reportedLate) == Verdict(decision: .refuse, reasons: [Reason(.natTooOld, value: 50)]))
    }
}

/// Tests of the verdict: temperature (测温) and the two-step fever check (004 Q8).
@Suite("The verdict: temperature (测温) and the two-step fever check (004 Q8)")
struct TemperatureVerdictTests {
    private func judge(_ readings: [Temperature], rules: CheckpointRules = CheckpointRules(),
                       colour: CodeColour = .green) -> Verdict {
        rules.judge(Fixture.record(colour), readings: readings, at: Fixture.now)
    }

    @Test("a required temperature not yet taken asks to measure (请测温)")
    func requiredMissing() {
        #expect(judge([]) == Verdict(decision: .measure, reasons: [Reason(.temperatureMissing)]))
    }

    @Test("a refused person is not asked to measure first")
    func refusedBeforeMeasuring() {
        #expect(judge([], colour: .red) == Verdict(decision: .refuse, reasons: [Reason(.colourRed)]))
        #expect(judge([], rules: within48Hours) == Verdict(decision: .refuse, reasons: [Reason(.natMissing)]))
    }

    @Test("an optional temperature passes without a reading, but a fever still counts")
    func optional() {
        let optional = rules { $0.temperature = .optional }
        #expect(judge([], rules: optional) == Verdict(decision: .pass, reasons: []))
        #expect(judge([t(38.0)], rules: optional) == Verdict(decision: .remeasure, reasons: [Reason(.fever, value: 380)]))
    }

    @Test("with temperature off, readings are ignored")
    func off() {
        let off = rules { $0.temperature = .off }
        #expect(judge([], rules: off) == Verdict(decision: .pass, reasons: []))
        #expect(judge([t(39.0)], rules: off) == Verdict(decision: .pass, reasons: []))
        let twice = judge([t(39.0), t(39.2)], rules: off)
        #expect(twice == Verdict(decision: .pass, reasons: []))
        #expect(!twice.registers)
    }

    @Test("one abnormal reading sends the person to re-measure (请复测), with the reading", arguments: [37.3, 37.8, 40.1])
    func oneAbnormal(degrees: Double) {
        let verdict = judge([t(degrees)])
        #expect(verdict == Verdict(decision: .remeasure, reasons: [Reason(.fever, value: t(degrees).tenths)]))
        #expect(!verdict.registers)
    }

    @Test("exactly at the threshold is abnormal; just below is normal")
    func atThreshold() {
        #expect(judge([t(37.3)]).decision == .remeasure)
        #expect(judge([t(37.2)]).decision == .pass)
        let strict = rules { $0.feverThreshold = t(37.5) }
        #expect(judge([t(37.4)], rules: strict).decision == .pass)
        #expect(judge([t(37.5)], rules: strict).decision == .remeasure)
    }

    @Test("two abnormal readings in a row confirm the fever: refuse and register (异常登记)")
    func twoAbnormal() {
        let verdict = judge([t(37.8), t(37.6)])
        #expect(verdict.decision == .refuse)
        #expect(verdict.reasons == [Reason(.feverConfirmed, value: 376)])
        #expect(verdict.registers)
    }

    @Test("abnormal then normal passes")
    func abnormalThenNormal() {
        let verdict = judge([t(37.5), t(36.8)])
        #expect(verdict == Verdict(decision: .pass, reasons: []))
        #expect(!verdict.registers)
    }

    @Test("normal then abnormal is a first abnormal reading")
    func normalThenAbnormal() {
        #expect(judge([t(36.8), t(37.5)]) == Verdict(decision: .remeasure, reasons: [Reason(.fever, value: 375)]))
    }

    @Test("abnormal readings with a normal one between are not consecutive")
    func notConsecutive() {
        let verdict = judge([t(37.5), t(36.8), t(37.4)])
        #expect(verdict.decision == .remeasure)
        #expect(!verdict.registers)
    }

    @Test("only the last two readings count")
    func lastTwo() {
        #expect(judge([t(36.5), t(37.9), t(38.0)]).registers)
        #expect(judge([t(38.0), t(38.0), t(36.6)]).decision == .pass)
    }
}

/// Tests that the verdict lists every reason.
@Suite("The verdict lists every reason")
struct AccumulatedReasonTests {
    @Test("yellow and a stale test are both listed")
    func yellowAndStale() {
        let record = Fixture.record(.yellow, nat: Fixture.negativeTest(sampledHoursAgo: 60))
        #expect(within48Hours.judge(record, readings: [t(36.5)], at: Fixture.now)
                == Verdict(decision: .refuse, reasons: [Reason(.colourYellow), Reason(.natTooOld, value: 60)]))
    }

    @Test("red and a positive test are both listed, even with no test rule")
    func redAndPositive() {
        let record = Fixture.record(.red, nat: Fixture.positiveTest(sampledHoursAgo: 3))
        #expect(CheckpointRules().judge(record, readings: [t(36.5)], at: Fixture.now)
                == Verdict(decision: .refuse, reasons: [Reason(.colourRed), Reason(.natPositive)]))
    }

    @Test("a refused person with a first abnormal reading is refused, the fever listed too")
    func refusedWithFever() {
        let record = Fixture.record(.yellow, nat: nil)
        #expect(within48Hours.judge(record, readings: [t(38.1)], at: Fixture.now)
                == Verdict(decision: .refuse, reasons: [Reason(.colourYellow), Reason(.natMissing), Reason(.fever, value: 381)]))
    }

    @Test("a confirmed fever on a refused code still registers, with every reason")
    func confirmedOnYellow() {
        let record = Fixture.record(.yellow, nat: Fixture.negativeTest(sampledHoursAgo: 60))
        let verdict = within48Hours.judge(record, readings: [t(38.1), t(38.3)], at: Fixture.now)
        #expect(verdict == Verdict(decision: .refuse,
                                   reasons: [Reason(.colourYellow), Reason(.natTooOld, value: 60), Reason(.feverConfirmed, value: 383)],
                                   registers: true))
    }
}
