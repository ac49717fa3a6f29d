/// An identity document a person shows: a resident ID, or another document matched as typed.
public enum Document: Hashable, Sendable {
    case resident(ResidentID)
    /// 港澳居民来往内地通行证, written `HKM:…`.
    case hongKongMacau(String)
    /// 台湾居民来往大陆通行证, written `TW:…`.
    case taiwan(String)
    /// A passport, written `PP:…`.
    case passport(String)

    static let prefixes: [(String, @Sendable (String) -> Document)] = [
        ("HKM:", Document.hongKongMacau), ("TW:", Document.taiwan), ("PP:", Document.passport),
    ]

    /// The canonical text stored and matched: the 18-character number, or `PREFIX:NUMBER`.
    public var key: String {
        switch self {
        case .resident(let id): id.number
        case .hongKongMacau(let number): "HKM:" + number
        case .taiwan(let number): "TW:" + number
        case .passport(let number): "PP:" + number
        }
    }

    /// Sex, for a resident ID.
    public var sex: Sex? {
        if case .resident(let id) = self { return id.sex }
        return nil
    }

    /// Age on a day, for a resident ID.
    public func age(on day: CivilDate) -> Int? {
        if case .resident(let id) = self { return id.age(on: day) }
        return nil
    }

    /// Parses any document; a text without a known prefix is read as a resident ID.
    public static func parse(_ raw: String, today: CivilDate) -> Result<Document, DocumentProblem> {
        let text = Normalization.document(raw)
        for (prefix, make) in prefixes where text.hasPrefix(prefix) {
            let number = String(text.dropFirst(prefix.count))
            guard (5...20).contains(number.count),
                  number.allSatisfy({ $0.isASCIIDigit || $0.isASCIIUppercaseLetter })
            else { return .failure(.otherDocument) }
            return .success(make(number))
        }
        return ResidentID.parse(text, today: today).map(Document.resident).mapError(DocumentProblem.residentID)
    }
}

/// Why a typed document is not one.
public enum DocumentProblem: Error, Equatable, Sendable {
    case residentID(IDProblem)
    case otherDocument

    public var code: String {
        switch self {
        case .residentID(let problem): problem.code
        case .otherDocument: "document_number"
        }
    }
}
