import Foundation

/// The code's colour (一码三色), plus `unknown` when no record is found (未查询到).
public enum CodeColour: String, Codable, CaseIterable, Comparable, Sendable {
    case green, yellow, red, unknown

    /// Severity order: green < yellow < red; unknown sorts last.
    var rank: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .red: 2
        case .unknown: 3
        }
    }

    public static func < (a: CodeColour, b: CodeColour) -> Bool { a.rank < b.rank }

    /// Reads `green`/`yellow`/`red` or 绿/黄/红 (as an authority's CSV may write them).
    public init?(text: String) {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "green", "绿", "绿码": self = .green
        case "yellow", "黄", "黄码": self = .yellow
        case "red", "红", "红码": self = .red
        default: return nil
        }
    }
}
