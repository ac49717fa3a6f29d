import Foundation
import Testing
import HealthCode

/// Tests of a checkpoint's own rules (该检查口通行规则).
@Suite("A checkpoint's own rules (该检查口通行规则)")
struct CheckpointRulesTests {
    private func decode(_ json: String) throws -> CheckpointRules {
        try JSONDecoder().decode(CheckpointRules.self, from: Data(json.utf8))
    }

    @Test("defaults: fever at 37.3, temperature required, no test required, pending not accepted, only green passes")
    func defaults() {
        let rules = CheckpointRules()
        #expect(rules.feverThreshold == Temperature(tenths: 373))
        #expect(rules.temperature == .required)
        #expect(rules.maxNATAgeHours == nil)
        #expect(rules.natAgeFrom == .sampling)
        #expect(rules.acceptPending == false)
        #expect(rules.passingColours == [.green])
    }

    @Test("a reading at or above the threshold is abnormal", arguments: [
        (36.5, false), (37.2, false), (37.3, true), (37.4, true), (39.0, true),
    ])
    func abnormalAtThreshold(degrees: Double, abnormal: Bool) {
        #expect(CheckpointRules().isAbnormal(t(degrees)) == abnormal)
    }

    @Test("a checkpoint's own threshold moves the line")
    func ownThreshold() {
        var rules = CheckpointRules()
        rules.feverThreshold = t(37.5)
        #expect(!rules.isAbnormal(t(37.4)))
        #expect(rules.isAbnormal(t(37.5)))
    }

    @Test("rules round-trip through JSON")
    func roundTrip() throws {
        var rules = CheckpointRules()
        rules.feverThreshold = t(37.5)
        rules.temperature = .optional
        rules.maxNATAgeHours = 48
        rules.natAgeFrom = .report
        rules.acceptPending = true
        rules.passingColours = [.green, .yellow]
        let decoded = try JSONDecoder().decode(CheckpointRules.self, from: JSONEncoder().encode(rules))
        #expect(decoded == rules)
        #expect(decoded != CheckpointRules())
    }

    @Test("default rules round-trip through JSON")
    func defaultRoundTrip() throws {
        let decoded = try JSONDecoder().decode(CheckpointRules.self, from: JSONEncoder().encode(CheckpointRules()))
        #expect(decoded == CheckpointRules())
    }

    @Test("an empty object decodes to the defaults")
    func emptyDecodesToDefaults() throws {
        #expect(try decode("{}") == CheckpointRules())
    }

    @Test("a partial rule set keeps the defaults for the missing keys")
    func partialDecode() throws {
        let rules = try decode(#"{"maxNATAgeHours": 48, "passingColours": ["green", "yellow"]}"#)
        #expect(rules.maxNATAgeHours == 48)
        #expect(rules.passingColours == [.green, .yellow])
        #expect(rules.feverThreshold == t(37.3))
        #expect(rules.temperature == .required)
        #expect(rules.natAgeFrom == .sampling)
        #expect(rules.acceptPending == false)
    }

    @Test("each key decodes on its own, the rest default")
    func eachKey() throws {
        var expected = CheckpointRules()
        expected.feverThreshold = t(37.5)
        #expect(try decode(#"{"feverThreshold": 37.5}"#) == expected)

        expected = CheckpointRules()
        expected.temperature = .off
        #expect(try decode(#"{"temperature": "off"}"#) == expected)

        expected = CheckpointRules()
        expected.natAgeFrom = .report
        #expect(try decode(#"{"natAgeFrom": "report"}"#) == expected)

        expected = CheckpointRules()
        expected.acceptPending = true
        #expect(try decode(#"{"acceptPending": true}"#) == expected)

        expected = CheckpointRules()
        expected.maxNATAgeHours = 168
        #expect(try decode(#"{"maxNATAgeHours": 168}"#) == expected)
    }

    @Test("a value that is not a rule is refused, not defaulted", arguments: [
        #"{"temperature": "sometimes"}"#,
        #"{"passingColours": ["purple"]}"#,
        #"{"maxNATAgeHours": "48h"}"#,
        #"{"feverThreshold": "hot"}"#,
    ])
    func badValue(json: String) {
        #expect(throws: DecodingError.self) { try decode(json) }
    }

    @Test("a checkpoint carries its kind and rules through JSON")
    func checkpointRoundTrip() throws {
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 72
        let checkpoint = Checkpoint(id: "whsq-01", name: "武汉市某小区东门", kind: .market, rules: rules)
        let decoded = try JSONDecoder().decode(Checkpoint.self, from: JSONEncoder().encode(checkpoint))
        #expect(decoded == checkpoint)
        let plain = Checkpoint(id: "gate", name: "门岗")
        #expect(plain.kind == .gate)
        #expect(plain.rules == CheckpointRules())
    }
}
