/// A resident identity card number (居民身份证号码, GB 11643-1999), validated.
public struct ResidentID: Hashable, Sendable {
    /// The 18 characters, upper-case X.
    public let number: String
    public let birthDate: CivilDate
    public let sex: Sex

    /// Province-level region codes (the first two digits) that exist.
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// Parses typed or scanned text; `today` bounds the birth date.
    public static func parse(_ raw: String, today: CivilDate) -> Result<ResidentID, IDProblem> {
        let text = Array(Normalization.document(raw))
        guard text.count == 18 else { return .failure(.length(text.count)) }
        let digits = text[0..<17].compactMap(\.digitValue)
        guard digits.count == 17 else { return .failure(.notDigits) }
        guard text[17].digitValue != nil || text[17] == "X" else { return .failure(.checkCharacter) }
        guard provinces.contains(digits[0] * 10 + digits[1]) else { return .failure(.region) }
        let number = { (range: Range<Int>) in range.reduce(0) { $0 * 10 + digits[$1] } }
        guard let birth = CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)),
              birth.year >= 1900 else { return .failure(.birthDate) }
        guard birth <= today else { return .failure(.birthDateInFuture) }
        guard checkCharacter(for: digits) == text[17] else { return .failure(.checksum) }
        return .success(ResidentID(
            number: String(text), birthDate: birth, sex: digits[16] % 2 == 1 ? .male : .female))
    }

    /// The check character (ISO 7064 MOD 11-2) for the first 17 digits.
    public static func checkCharacter(for digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// Age in whole years on `day`.
    public func age(on day: CivilDate) -> Int { birthDate.years(until: day) }
}

/// Why a typed resident ID number is not one.
public enum IDProblem: Error, Equatable, Sendable {
    case length(Int)
    case notDigits
    case checkCharacter
    case region
    case birthDate
    case birthDateInFuture
    case checksum

    /// A stable machine-readable code, also the key of its human text.
    public var code: String {
        switch self {
        case .length: "id_length"
        case .notDigits: "id_not_digits"
        case .checkCharacter: "id_check_character"
        case .region: "id_region"
        case .birthDate: "id_birth_date"
        case .birthDateInFuture: "id_birth_date_future"
        case .checksum: "id_checksum"
        }
    }
}

/// Sex as encoded in the 17th digit of an ID number.
public enum Sex: String, Codable, Sendable {
    case male, female
}

extension Character {
    /// 0–9 for an ASCII digit alone; nil for anything else, a digit with a combining mark included.
    var digitValue: Int? {
        guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
        return Int(ascii - 48)
    }

    var isASCIIDigit: Bool { digitValue != nil }

    var isASCIIUppercaseLetter: Bool { asciiValue.map { (65...90).contains($0) } ?? false }
}
