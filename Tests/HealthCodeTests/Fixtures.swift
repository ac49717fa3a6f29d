import Foundation
import HealthCode

/// Shared test data: a fixed "today", a fixed clock, and a GB 11643 check-character
/// calculator written independently of the code under test.
enum Fixture {
    /// The day the console thinks it is.
    static let today = CivilDate(year: 2024, month: 3, day: 15)!

    /// The console's clock: 2024-03-15 08:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_710_489_600)

    static func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    /// ISO 7064 MOD 11-2 as GB 11643 prints it.
    static func checkCharacter(for first17: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        precondition(first17.count == 17)
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    /// A number with a correct check character, whatever else is wrong with it.
    static func residentNumber(region: String = "420106", birth: String, sequence: String = "123") -> String {
        let first17 = region + birth + sequence
        return first17 + String(checkCharacter(for: first17))
    }

    /// The well-known sample: Beijing Chaoyang, born 1949-12-31, female.
    static let sampleID = "11010519491231002X"

    static func record(_ colour: CodeColour, nat: NATResult? = nil) -> PersonRecord {
        PersonRecord(document: sampleID, nameMasked: "张*丰", colour: colour,
                     colourChangedAt: hoursAgo(24 * 30), nat: nat)
    }

    static func negativeTest(sampledHoursAgo hours: Double, reportedHoursAgo report: Double? = nil) -> NATResult {
        NATResult(sampledAt: hoursAgo(hours), reportedAt: hoursAgo(report ?? max(0, hours - 6)),
                  outcome: .negative, institution: "武汉市第一医院")
    }

    static func pendingTest(sampledHoursAgo hours: Double) -> NATResult {
        NATResult(sampledAt: hoursAgo(hours), reportedAt: nil, outcome: .pending, institution: "武汉市第一医院")
    }

    static func positiveTest(sampledHoursAgo hours: Double) -> NATResult {
        NATResult(sampledAt: hoursAgo(hours), reportedAt: hoursAgo(max(0, hours - 6)),
                  outcome: .positive, institution: "武汉市第一医院")
    }
}

/// `36.5` → Temperature(tenths: 365), to keep readings legible in tests.
func t(_ degrees: Double) -> Temperature { Temperature(tenths: Int((degrees * 10).rounded())) }
