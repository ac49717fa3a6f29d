/// What one line from the scan field is: a document, a proxy applicant's phone number, a dynamic
/// code from a phone's screen, or garbage.
public enum ScanInput: Equatable, Sendable {
    case document(Document)
    /// The mobile number of the relative who applied on someone's behalf (代申领).
    case phone(String)
    /// A signed dynamic code (`HG1:…`), well formed but not yet verified.
    case code(SignedCode)
    case invalid(ScanProblem)

    /// Classifies a scanned or typed line.
    public static func classify(_ raw: String, today: CivilDate) -> ScanInput {
        let padded = [raw.utf8.first, raw.utf8.last].contains { $0.map { $0 <= 0x20 } ?? false }
        let scanned = padded ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        if SignedCode.isCode(scanned) {
            switch SignedCode.parse(scanned) {
            case .success(let code): return .code(code)
            case .failure(let problem): return .invalid(.code(problem))
            }
        }
        let text = Normalization.document(raw)
        if text.isEmpty { return .invalid(.empty) }
        if text.count == 11, text.first == "1", text.allSatisfy(\.isASCIIDigit) { return .phone(text) }
        let looksLikeID = text.count >= 15 && text.count <= 19
            && text.dropLast().allSatisfy(\.isASCIIDigit)
        let hasPrefix = Document.prefixes.contains { text.hasPrefix($0.0) }
        guard looksLikeID || hasPrefix else { return .invalid(.unrecognised) }
        switch Document.parse(text, today: today) {
        case .success(let document): return .document(document)
        case .failure(let problem): return .invalid(.document(problem))
        }
    }
}

/// Why a scanned line cannot be looked up.
public enum ScanProblem: Error, Equatable, Sendable {
    case empty
    case unrecognised
    case document(DocumentProblem)
    case code(CodeProblem)

    public var code: String {
        switch self {
        case .empty: "scan_empty"
        case .unrecognised: "scan_unrecognised"
        case .document(let problem): problem.code
        case .code(let problem): problem.code
        }
    }
}
