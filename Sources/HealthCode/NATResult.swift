import Foundation

/// The latest nucleic-acid test (核酸检测) on a person's code page.
public struct NATResult: Codable, Equatable, Sendable {
    /// What the laboratory found, or that it has not reported yet.
    public enum Outcome: String, Codable, CaseIterable, Sendable {
        case negative, positive, pending

        public init?(text: String) {
            switch text.lowercased().trimmingCharacters(in: .whitespaces) {
            case "negative", "阴性", "neg": self = .negative
            case "positive", "阳性", "pos": self = .positive
            case "pending", "待出结果", "检测中": self = .pending
            default: return nil
            }
        }
    }

    public var sampledAt: Date
    /// When the result was reported; nil while pending.
    public var reportedAt: Date?
    public var outcome: Outcome
    public var institution: String

    public init(sampledAt: Date, reportedAt: Date?, outcome: Outcome, institution: String) {
        self.sampledAt = sampledAt
        self.reportedAt = reportedAt
        self.outcome = outcome
        self.institution = institution
    }

    /// Whole hours from sampling (or from the report, where the rule says so and there is one) to `now`.
    public func ageHours(at now: Date, from basis: NATAgeBasis = .sampling) -> Int {
        Int((age(at: now, from: basis) / 3600).rounded(.down))
    }

    /// The exact age, for judging a limit: "within 48 hours" ends at 48 h 0 min, not at 48 h 59 min.
    func age(at now: Date, from basis: NATAgeBasis) -> TimeInterval {
        let start = basis == .report ? (reportedAt ?? sampledAt) : sampledAt
        return now.timeIntervalSince(start)
    }
}

/// Which moment a checkpoint counts a test's age from.
public enum NATAgeBasis: String, Codable, CaseIterable, Sendable {
    case sampling, report
}
