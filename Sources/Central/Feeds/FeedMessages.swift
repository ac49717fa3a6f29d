import HealthCode

/// English text for why a document number is not one; never repeats the number.
enum FeedMessages {
    static func describe(_ problem: DocumentProblem) -> String {
        switch problem {
        case .otherDocument: "an HKM:, TW: or PP: number must have 5 to 20 letters or digits"
        case .residentID(let problem): describe(problem)
        }
    }

    static func describe(_ problem: IDProblem) -> String {
        switch problem {
        case .length(let count): "a resident ID number has 18 characters, this one has \(count)"
        case .notDigits: "the first 17 characters of a resident ID number must be digits"
        case .checkCharacter: "the last character must be a digit or X"
        case .region: "the first two digits are not a province code"
        case .birthDate: "the birth date in the number is not a real date"
        case .birthDateInFuture: "the birth date in the number is after today"
        case .checksum: "check character is wrong"
        }
    }
}
