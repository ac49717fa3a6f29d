import Foundation

/// Hides personal data for display: nothing shown on screen or logged is a full name or ID.
public enum Masking {
    /// 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜; a one-character name shows as is.
    public static func name(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespacesAndNewlines))
        switch chars.count {
        case 0, 1: return String(chars)
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }

    /// The first four and last four characters kept, the rest as `*`; eight or fewer are all hidden but the last two.
    public static func document(_ key: String) -> String {
        let chars = Array(key)
        guard chars.count > 8 else {
            return String(repeating: "*", count: max(0, chars.count - 2)) + String(chars.suffix(2))
        }
        return String(chars.prefix(4)) + String(repeating: "*", count: chars.count - 8) + String(chars.suffix(4))
    }

    /// A rejected scan as it may be shown: a document masked; a dynamic code, which holds no ID number but
    /// is long, cut to its start.
    public static func scanned(_ text: String) -> String {
        if SignedCode.isCode(text) { return text.count > 12 ? String(text.prefix(12)) + "…" : text }
        return document(Normalization.document(text))
    }

    /// 138****5678.
    public static func phone(_ phone: String) -> String {
        let chars = Array(phone)
        guard chars.count == 11 else { return document(phone) }
        return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
    }
}
