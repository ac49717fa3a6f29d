import Foundation

/// A body temperature in tenths of a degree Celsius, as an infrared thermometer shows it.
public struct Temperature: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    /// The range a real reading falls in; anything outside asks for the reading again.
    public static let plausible = Temperature(tenths: 340)...Temperature(tenths: 430)

    /// Reads `36.5`, `365` (36.5), `37`, full-width digits and a `℃`, `°C` or `C` suffix.
    public static func parse(_ raw: String) -> Result<Temperature, TemperatureProblem> {
        let text = withoutUnit(raw)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(digitValues)
        guard parts.count <= 2, let whole = parts[0], (1...3).contains(whole.count) else { return .failure(.unreadable) }
        let tenths: Int
        if parts.count == 2 {
            guard let fraction = parts[1], (1...2).contains(fraction.count) else { return .failure(.unreadable) }
            let hundredths = number(whole) * 100 + number(fraction) * (fraction.count == 1 ? 10 : 1)
            tenths = (hundredths + 5) / 10
        } else if whole.count == 3 {
            tenths = number(whole)
        } else {
            tenths = number(whole) * 10
        }
        let reading = Temperature(tenths: tenths)
        guard plausible.contains(reading) else { return .failure(.implausible(reading)) }
        return .success(reading)
    }

    /// The text half-width, upper-cased, without spaces and without one `℃`, `°C`, `C` or `°` suffix.
    public static func withoutUnit(_ raw: String) -> String {
        var text = Normalization.halfWidth(raw).uppercased().filter { !$0.isWhitespace }
        if let suffix = ["℃", "°C", "C", "°"].first(where: text.hasSuffix) {
            text.removeLast(suffix.count)
        }
        return text
    }

    /// The values of a run of ASCII digits, or nil when any character is something else
    /// (a digit carrying a combining mark included).
    private static func digitValues(_ text: Substring) -> [Int]? {
        var values: [Int] = []
        for character in text {
            guard let ascii = character.asciiValue, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) else { return nil }
            values.append(Int(ascii - UInt8(ascii: "0")))
        }
        return values
    }

    /// The number the digits write, most significant first.
    private static func number(_ digits: [Int]) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    public static func < (a: Temperature, b: Temperature) -> Bool { a.tenths < b.tenths }

    /// `37.3`.
    public var description: String { "\(tenths / 10).\(tenths % 10)" }

    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        tenths = Int((value * 10).rounded())
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(tenths) / 10)
    }
}

/// Why a typed temperature is not taken.
public enum TemperatureProblem: Error, Equatable, Sendable {
    case unreadable
    case implausible(Temperature)

    public var code: String {
        switch self {
        case .unreadable: "temperature_unreadable"
        case .implausible: "temperature_implausible"
        }
    }
}
