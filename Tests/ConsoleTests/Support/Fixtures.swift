import Foundation
import HealthCode
@testable import Console

/// Valid ID numbers, people and rules the tests share.
enum Fixtures {
    static let beijing = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
    /// 2022-06-01 12:00:00 in Beijing.
    static let noon = Date(timeIntervalSince1970: 1_654_056_000)

    /// An 18-character resident ID: the 17 digits given plus the right check character.
    static func residentID(_ first17: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return first17 + String(Array("10X98765432")[sum % 11])
    }

    /// Born 1988-03-07, male (sequence 123).
    static let zhang = residentID("42010219880307123")
    /// Born 1995-11-20, female (sequence 246).
    static let li = residentID("42010619951120246")
    /// Born 2015-01-09, male (sequence 135).
    static let wang = residentID("42010620150109135")
    static let relativePhone = "13812345678"

    static func negativeTest(hoursAgo: Double) -> NATResult {
        NATResult(sampledAt: noon.addingTimeInterval(-hoursAgo * 3600),
                  reportedAt: noon.addingTimeInterval(-(hoursAgo - 8) * 3600),
                  outcome: .negative, institution: "武汉协和医院")
    }

    static func person(_ document: String, name: String, colour: CodeColour, phone: String? = nil,
                       reason: String = "", nat: NATResult? = negativeTest(hoursAgo: 30)) -> PersonRecord {
        PersonRecord(document: document, nameMasked: name, phone: phone, colour: colour, reason: reason,
                     colourChangedAt: noon.addingTimeInterval(-86_400 * 3), nat: nat)
    }

    /// A community gate: temperature required, negative test within 48 hours.
    static func gate(temperature: CheckpointRules.TemperaturePolicy = .required) -> Checkpoint {
        var rules = CheckpointRules()
        rules.temperature = temperature
        rules.maxNATAgeHours = 48
        return Checkpoint(id: "cp-east-gate", name: "东湖小区北门", rules: rules)
    }
}
