/// Small text helpers that avoid Foundation's formatting and trimming, which are slow on Linux.
enum TextFormat {
    /// `value` in decimal, left-padded with zeros to `width` digits; `value` must not be negative.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `text` without leading and trailing white space or line breaks.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        let start = scalars.firstIndex { !isSpace($0) } ?? scalars.endIndex
        guard start < scalars.endIndex, let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
