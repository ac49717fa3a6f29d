import Foundation

/// A language the console speaks; zh-Hans is the default.
public enum Language: String, CaseIterable, Sendable {
    case simplifiedChinese = "zh-Hans"
    case english = "en"
    case traditionalChinese = "zh-Hant"

    /// Reads `zh-Hans`, `en`, `zh-Hant` (any case, `_` for `-`), or nil.
    public init?(tag: String) {
        let folded = tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-").lowercased()
        guard let match = Language.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }
}
