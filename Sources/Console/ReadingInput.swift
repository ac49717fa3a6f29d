import HealthCode

/// Tells a typed temperature (`36.5`, `365`, `37℃`) from the next person's scan.
enum ReadingInput {
    /// Short digits with at most one dot and an optional ℃/°C/C suffix: a reading, even an implausible one.
    static func looksLikeReading(_ raw: String) -> Bool {
        let text = Temperature.withoutUnit(raw)
        guard let first = text.first, first.isASCII, first.isNumber, text.count <= 5 else { return false }
        return text.filter { $0 == "." }.count <= 1 && text.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
    }
}
