import HealthCode

/// Writes resident ID numbers (GB 11643-1999) with their check character.
enum ResidentNumber {
    /// The 18 characters for a 6-digit region, a birth date and a 3-digit sequence (odd for men).
    static func make(region: Int, birth: (year: Int, month: Int, day: Int), sequence: Int) -> String {
        let body = TextFormat.zeroPadded(region, width: 6) + TextFormat.zeroPadded(birth.year, width: 4)
            + TextFormat.zeroPadded(birth.month, width: 2) + TextFormat.zeroPadded(birth.day, width: 2)
            + TextFormat.zeroPadded(sequence, width: 3)
        return body + String(ResidentID.checkCharacter(for: body.utf8.map { Int($0 - UInt8(ascii: "0")) }))
    }
}
