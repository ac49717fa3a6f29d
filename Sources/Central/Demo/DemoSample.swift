/// A person to try at the console: what to type and what the console should do.
public struct DemoSample: Equatable, Sendable {
    /// The property the sample stands for.
    public enum Kind: String, CaseIterable, Sendable {
        case greenFreshNegative, greenOldNAT, greenPendingNAT, greenNoNAT, yellow, red, proxyFamily,
             hongKongMacau, taiwan, passport, unknown

        public var label: String {
            switch self {
            case .greenFreshNegative: "green, fresh negative NAT"
            case .greenOldNAT: "green, negative NAT older than 72 h"
            case .greenPendingNAT: "green, NAT pending"
            case .greenNoNAT: "green, no NAT"
            case .yellow: "yellow code"
            case .red: "red code, positive NAT"
            case .proxyFamily: "proxy phone shared by a family of 3"
            case .hongKongMacau: "Hong Kong/Macau permit, green"
            case .taiwan: "Taiwan permit, green, NAT about 30 h old"
            case .passport: "foreign passport, green"
            case .unknown: "valid ID number not in the records"
            }
        }

        public var expected: String {
            switch self {
            case .greenFreshNegative, .hongKongMacau, .passport: "pass after a normal temperature"
            case .greenOldNAT: "refuse where a NAT within 72 h is required; else pass after a normal temperature"
            case .greenPendingNAT: "refuse where a NAT is required and pending results are not accepted"
            case .greenNoNAT: "refuse where a NAT is required; else pass after a normal temperature"
            case .yellow: "refuse (yellow code)"
            case .red: "refuse (red code, positive NAT)"
            case .proxyFamily: "three people listed under this phone; pick the one present"
            case .taiwan: "pass after a normal temperature where a NAT within 48 h or more is accepted"
            case .unknown: "no record: refuse, or register the person on the spot"
            }
        }
    }

    public var kind: Kind
    /// Short English description, e.g. `green, fresh negative NAT`.
    public var label: String
    /// What to type or scan: a document key, or a phone number for a family.
    public var query: String
    /// What the console should do, in English.
    public var expected: String

    public init(kind: Kind, query: String) {
        self.kind = kind
        label = kind.label
        self.query = query
        expected = kind.expected
    }
}
