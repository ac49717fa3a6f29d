import Foundation

/// Steps through ASCII bytes reading fixed-width numbers and literal characters.
struct DigitScanner {
    let chars: [UInt8]
    var index = 0

    var atEnd: Bool { index == chars.count }

    /// Exactly `width` digits as a number.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= chars.count else { return nil }
        var value = 0
        for byte in chars[index..<index + width] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += width
        return value
    }

    /// One to `limit` digits read as a decimal fraction (`5` → 0.5).
    mutating func digits(upTo limit: Int) -> Double? {
        var value = 0
        var count = 0
        while index < chars.count, count < limit, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) {
            value = value * 10 + Int(chars[index] - UInt8(ascii: "0"))
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        return Double(value) / pow(10, Double(count))
    }

    /// Steps over `literal` if it comes next.
    mutating func skip(_ literal: Unicode.Scalar) -> Bool {
        guard index < chars.count, chars[index] == UInt8(ascii: literal) else { return false }
        index += 1
        return true
    }
}
