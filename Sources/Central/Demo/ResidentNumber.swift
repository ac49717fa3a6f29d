/// Writes resident ID numbers (GB 11643-1999) with their ISO 7064 MOD 11-2 check character.
enum ResidentNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// The 18 characters for a 6-digit region, a birth date and a 3-digit sequence (odd for men).
    static func make(region: Int, birth: (year: Int, month: Int, day: Int), sequence: Int) -> String {
        let body = TextFormat.zeroPadded(region, width: 6) + TextFormat.zeroPadded(birth.year, width: 4)
            + TextFormat.zeroPadded(birth.month, width: 2) + TextFormat.zeroPadded(birth.day, width: 2)
            + TextFormat.zeroPadded(sequence, width: 3)
        let sum = zip(body.utf8, weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        return body + String(checkCharacters[sum % 11])
    }
}
