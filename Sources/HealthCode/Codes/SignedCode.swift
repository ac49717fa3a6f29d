import Foundation

/// A dynamic health code as scanned, parsed but not yet trusted:
/// `HG1:ISSUER.KEY.HOLDER.COLOUR.CHANGED.GENERATED.SIGNATURE`.
///
/// `HOLDER` is the holder's document key sealed with the key's AES-SIV seal key (base64url), so the
/// ID number cannot be read from the code, and it changes with every refresh. `COLOUR` is `G`, `Y`
/// or `R`; `CHANGED` and `GENERATED` are Unix seconds; `SIGNATURE` is the Ed25519 signature (base64url)
/// of everything before its dot. At most 200 printable ASCII characters.
public struct SignedCode: Equatable, Sendable {
    public static let prefix = "HG1:"
    public static let maxLength = 200
    /// The longest document key a holder reference carries (`HKM:` and 20 characters).
    static let maxHolderLength = 24

    public var issuer: String
    public var keyID: String
    /// The holder's document key, sealed.
    var sealedHolder: [UInt8]
    public var colour: CodeColour
    public var colourChangedAt: Date
    public var generatedAt: Date
    /// The text the signature covers.
    var signedText: String
    var signature: [UInt8]

    /// Whether a scanned line is meant as a dynamic code rather than a document or a phone.
    public static func isCode(_ text: String) -> Bool { text.hasPrefix(prefix) }

    /// Reads a scanned line; only its form is checked here, not its issuer, signature or age.
    public static func parse(_ text: String) -> Result<SignedCode, CodeProblem> {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return .failure(.notASCII) }
        guard bytes.count <= maxLength else { return .failure(.tooLong) }
        guard text.hasPrefix(prefix) else { return .failure(.malformed) }
        let fields = text.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 7,
              let issuer = Self.issuer(fields[0]),
              let keyID = Self.keyID(fields[1]),
              let sealed = Base64URL.decode(fields[2]),
              (LibCrypto.sivTagSize + 1...LibCrypto.sivTagSize + maxHolderLength).contains(sealed.count),
              let colour = Self.colour(fields[3]),
              let changed = Self.seconds(fields[4]),
              let generated = Self.seconds(fields[5]),
              let signature = Base64URL.decode(fields[6]),
              signature.count == LibCrypto.ed25519SignatureSize
        else { return .failure(.malformed) }
        let signedText = String(text.dropLast(fields[6].count + 1))
        return .success(SignedCode(issuer: issuer, keyID: keyID, sealedHolder: sealed, colour: colour,
                                   colourChangedAt: changed, generatedAt: generated,
                                   signedText: signedText, signature: signature))
    }

    /// What the holder reference is bound to besides the seal key: the issuer, key and moment of the code.
    static func sealContext(issuer: String, keyID: String, generatedAt: Date) -> [UInt8] {
        Array("\(issuer).\(keyID).\(unixSeconds(generatedAt))".utf8)
    }

    static func colourLetter(_ colour: CodeColour) -> String? {
        switch colour {
        case .green: "G"
        case .yellow: "Y"
        case .red: "R"
        case .unknown: nil
        }
    }

    static func unixSeconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func isIssuer(_ text: Substring) -> Bool {
        (1...16).contains(text.utf8.count) && text.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }

    private static func issuer(_ text: Substring) -> String? { isIssuer(text) ? String(text) : nil }

    static func isKeyID(_ text: Substring) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
    }

    private static func keyID(_ text: Substring) -> String? { isKeyID(text) ? String(text) : nil }

    private static func colour(_ text: Substring) -> CodeColour? {
        [CodeColour.green, .yellow, .red].first { colourLetter($0) == String(text) }
    }

    /// Unix seconds written without leading zeros, at most 11 digits.
    private static func seconds(_ text: Substring) -> Date? {
        guard (1...11).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              text.utf8.first != UInt8(ascii: "0") || text.utf8.count == 1,
              let value = Int64(text) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(value))
    }
}

/// Why a scanned dynamic code cannot even be read.
public enum CodeProblem: Error, Equatable, Sendable {
    /// Characters outside printable ASCII, as a garbled scan gives.
    case notASCII
    case tooLong
    /// Not the HG1 form: a field missing, truncated or out of shape.
    case malformed

    public var code: String {
        switch self {
        case .notASCII: "code_not_ascii"
        case .tooLong: "code_too_long"
        case .malformed: "code_malformed"
        }
    }
}
