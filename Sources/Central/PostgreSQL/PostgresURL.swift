import Foundation

/// Hides the passwords in a libpq connection URL or keyword string so it can be printed or logged.
public enum PostgresURL {
    /// The mask that replaces every password.
    static let mask = "***"

    /// `url` with the `user:password@` part of a URL and every `…password=value` parameter masked.
    public static func redacted(_ url: String) -> String {
        scan(url).redacted
    }

    /// The password values `url` holds, as written and percent-decoded, so that error text can be scrubbed of them.
    static func secrets(in url: String) -> [String] {
        let found = scan(url).secrets
        return Array(Set(found + found.compactMap { $0.removingPercentEncoding })).filter { !$0.isEmpty }
    }

    /// `text` with every occurrence of the given secrets masked, longest first.
    static func scrub(_ text: String, secrets: [String]) -> String {
        secrets.sorted { $0.count > $1.count }.reduce(text) { $0.replacingOccurrences(of: $1, with: mask) }
    }

    private static func scan(_ url: String) -> (redacted: String, secrets: [String]) {
        let isURL = url.hasPrefix("postgresql://") || url.hasPrefix("postgres://")
        var text = url
        var secrets: [String] = []
        if isURL { maskUserInfo(&text, secrets: &secrets) }
        maskPasswordParameters(&text, endingAt: isURL ? "&#" : " \t\r\n", secrets: &secrets)
        return (text, secrets)
    }

    /// Masks the password in `scheme://user:password@host`; the userinfo ends at the last `@` before the query.
    private static func maskUserInfo(_ text: inout String, secrets: inout [String]) {
        guard let schemeEnd = text.range(of: "://")?.upperBound else { return }
        let authorityEnd = text[schemeEnd...].firstIndex(where: { $0 == "?" || $0 == "#" }) ?? text.endIndex
        guard let at = text[schemeEnd..<authorityEnd].lastIndex(of: "@"),
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return }
        let password = text.index(after: colon)..<at
        secrets.append(String(text[password]))
        text.replaceSubrange(password, with: mask)
    }

    /// Masks the value of every key ending in `password` (`password`, `sslpassword`), quoted or not.
    private static func maskPasswordParameters(_ text: inout String, endingAt terminators: String, secrets: inout [String]) {
        var searchStart = text.startIndex
        while let key = text.range(of: "password", options: .caseInsensitive, range: searchStart..<text.endIndex) {
            var cursor = key.upperBound
            skipSpaces(text, &cursor)
            guard cursor < text.endIndex, text[cursor] == "=" else {
                searchStart = key.upperBound
                continue
            }
            cursor = text.index(after: cursor)
            skipSpaces(text, &cursor)
            let valueEnd = text[cursor...].first == "'"
                ? quotedEnd(text, from: cursor)
                : text[cursor...].firstIndex(where: { terminators.contains($0) }) ?? text.endIndex
            secrets.append(String(text[cursor..<valueEnd]))
            text.replaceSubrange(cursor..<valueEnd, with: mask)
            searchStart = text.index(cursor, offsetBy: mask.count)
        }
    }

    private static func skipSpaces(_ text: String, _ cursor: inout String.Index) {
        while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" { cursor = text.index(after: cursor) }
    }

    /// The index just past the closing quote of a `'…'` value with `\`-escapes, or the end of the text.
    private static func quotedEnd(_ text: String, from quote: String.Index) -> String.Index {
        var cursor = text.index(after: quote)
        while cursor < text.endIndex {
            switch text[cursor] {
            case "\\":
                cursor = text.index(after: cursor)
                if cursor < text.endIndex { cursor = text.index(after: cursor) }
            case "'":
                return text.index(after: cursor)
            default:
                cursor = text.index(after: cursor)
            }
        }
        return text.endIndex
    }
}
