import Foundation

/// A body temperature in tenths of a degree Celsius, as an infrared thermometer shows it.
public struct Temperature: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) { self.tenths = tenths }

    /// The range a real reading falls in; anything outside asks for the reading again.
    public static let plausible = Temperature(tenths: 340)...Temperature(tenths: 430)

    /// Reads `36.5`, `365` (36.5), `37`, full-width digits and a `℃`, `°C` or `C` suffix.
    public static func parse(_ raw: String) -> Result<Temperature, TemperatureProblem> {
        var text = Normalization.halfWidth(raw).uppercased().filter { !$0.isWhitespace }
        for suffix in ["℃", "°C", "C", "°"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !parts[0].isEmpty, parts[0].count <= 3 else { return .failure(.unreadable) }
        var tenths: Int
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count) else { return .failure(.unreadable) }
            let hundredths = Int(parts[0])! * 100 + Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))!
            tenths = (hundredths + 5) / 10
        } else if parts[0].count == 3 {
            tenths = Int(parts[0])!
        } else {
            tenths = Int(parts[0])! * 10
        }
        let reading = Temperature(tenths: tenths)
        guard plausible.contains(reading) else { return .failure(.implausible(reading)) }
        return .success(reading)
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
