import Foundation
import Testing
@testable import HealthCode

/// The dynamic code (动态码): its form, the trust list, the signature and the screenshot rule.
@Suite("Signed dynamic codes, the trust list and screenshots")
struct SignedCodeTests {
    let issuer: CodeIssuer
    let rules = CheckpointRules()
    let changed = Fixture.hoursAgo(48)

    init() throws {
        issuer = try CodeIssuer(issuer: "GD", seed: Array(1...32), sealKey: Array(101...132))
    }

    var trust: CodeTrust { CodeTrust(keys: [issuer.trustEntry(validFrom: Fixture.hoursAgo(24 * 365))]) }

    func code(at generated: Date = Fixture.now, document: String = Fixture.sampleID,
              colour: CodeColour = .green, by signer: CodeIssuer? = nil) throws -> String {
        try (signer ?? issuer).issue(document: document, colour: colour, colourChangedAt: changed, at: generated)
    }

    /// The check of a scanned line at `now`: the refusal reason, nil for a verified code, or the scan problem.
    func outcome(_ text: String, trust: CodeTrust? = nil, at now: Date = Fixture.now) -> String {
        switch ScanInput.classify(text, today: Fixture.today) {
        case .code(let code):
            switch rules.verify(code, trust: trust ?? self.trust, at: now) {
            case .refused(let reason): return reason.rawValue
            case .verified: return "verified"
            }
        case .invalid(let problem): return problem.code
        case .document, .phone: return "not a code"
        }
    }

    func verified(_ text: String, at now: Date = Fixture.now) throws -> VerifiedCode {
        guard case .code(let code) = ScanInput.classify(text, today: Fixture.today),
              case .verified(let verified) = rules.verify(code, trust: trust, at: now) else {
            throw CryptoError("not verified")
        }
        return verified
    }

    @Test("a fresh code from a trusted issuer is verified, and names its holder, colour and times")
    func freshCodeVerifies() throws {
        let text = try code(colour: .yellow)
        let verified = try verified(text)
        #expect(verified.holder == Fixture.sampleID)
        #expect(verified.colour == .yellow)
        #expect(verified.colourChangedAt == changed)
        #expect(verified.generatedAt == Fixture.now)
        #expect(verified.issuer == "GD")
        #expect(verified.keyID == issuer.keyID)
    }

    @Test("a code is printable ASCII with the HG1 prefix, at most 200 characters for the longest issuer and document")
    func formFits() throws {
        let longest = try CodeIssuer(issuer: "ABCDEFGHIJKLMNOP", seed: Array(1...32), sealKey: Array(101...132))
        let text = try longest.issue(document: "HKM:" + String(repeating: "9", count: 20), colour: .red,
                                     colourChangedAt: Date(timeIntervalSince1970: 99_999_999_999),
                                     at: Date(timeIntervalSince1970: 99_999_999_999))
        #expect(text.hasPrefix("HG1:"))
        #expect(text.utf8.count <= SignedCode.maxLength)
        #expect(text.utf8.allSatisfy { (0x21...0x7E).contains($0) })
    }

    @Test("the ID number cannot be read from the code, and the holder reference changes with every refresh")
    func holderIsSealed() throws {
        let first = try code(at: Fixture.now)
        let next = try code(at: Fixture.now.addingTimeInterval(1))
        for text in [first, next] {
            #expect(!text.contains(Fixture.sampleID))
            #expect(!text.contains(String(Fixture.sampleID.prefix(6))))
        }
        #expect(first.split(separator: ".")[2] != next.split(separator: ".")[2])
    }

    @Test("every single-byte change to a valid code is refused")
    func everyByteChangeRefused() throws {
        let valid = Array(try code().utf8)
        var accepted: [String] = []
        for index in valid.indices {
            for byte in UInt8.min...UInt8.max where byte != valid[index] {
                var changed = valid
                changed[index] = byte
                let text = String(decoding: changed, as: UTF8.self)
                if outcome(text) == "verified" { accepted.append("\(index): \(byte)") }
            }
        }
        #expect(accepted.isEmpty)
    }

    @Test("a code signed with another key under this key's id is refused as forged")
    func wrongKeyRefused() throws {
        let impostor = try CodeIssuer(issuer: "GD", seed: Array(repeating: 7, count: 32), sealKey: Array(101...132))
        var fields = try code(by: impostor).split(separator: ".").map(String.init)
        fields[1] = issuer.keyID
        let signed = fields.dropLast().joined(separator: ".")
        let signature = try LibCrypto.ed25519Sign(Array(signed.utf8), seed: Array(repeating: 7, count: 32))
        #expect(outcome(signed + "." + Base64URL.encode(signature)) == "code_forged")
    }

    @Test("a revoked key, or one past its validity, is not trusted")
    func revokedOrExpiredKeyRefused() throws {
        var revoked = trust
        revoked.keys[0].revokedAt = Fixture.hoursAgo(1)
        #expect(outcome(try code(), trust: revoked) == "code_untrusted")
        var ended = trust
        ended.keys[0].validTo = Fixture.hoursAgo(1)
        #expect(outcome(try code(), trust: ended) == "code_untrusted")
        var notYet = trust
        notYet.keys[0].validFrom = Fixture.now.addingTimeInterval(3600)
        #expect(outcome(try code(), trust: notYet) == "code_untrusted")
    }

    @Test("an issuer not on the trust list is refused (发码机构不在信任列表)")
    func unknownIssuerRefused() throws {
        let stranger = try CodeIssuer(issuer: "XJ", seed: Array(repeating: 9, count: 32), sealKey: Array(101...132))
        #expect(outcome(try code(by: stranger)) == "code_untrusted")
        #expect(outcome(try code(), trust: CodeTrust()) == "code_untrusted")
    }

    @Test("a screenshot: the same code is verified within the checkpoint's maximum age and refused after it")
    func screenshotRefused() throws {
        let text = try code(at: Fixture.now)
        #expect(outcome(text, at: Fixture.now.addingTimeInterval(60)) == "verified")
        #expect(outcome(text, at: Fixture.now.addingTimeInterval(61)) == "code_expired")
        var strict = rules
        strict.maxCodeAgeSeconds = 15
        guard case .code(let parsed) = ScanInput.classify(text, today: Fixture.today) else { throw CryptoError("no code") }
        #expect(strict.verify(parsed, trust: trust, at: Fixture.now.addingTimeInterval(16)) == .refused(.codeExpired))
    }

    @Test("a code dated ahead of the central clock is refused beyond the allowance")
    func futureCodeRefused() throws {
        let allowance = CheckpointRules.codeFutureAllowance
        #expect(outcome(try code(at: Fixture.now.addingTimeInterval(allowance))) == "verified")
        #expect(outcome(try code(at: Fixture.now.addingTimeInterval(allowance + 1))) == "code_future")
    }

    @Test("the clock skew measured at sync is allowed for: a console five minutes slow still judges age right")
    func skewAllowedFor() throws {
        let text = try code(at: Fixture.now)
        let slowConsole = Fixture.now.addingTimeInterval(-300 + 30)
        var skewed = trust
        skewed.skew = 300
        #expect(outcome(text, trust: skewed, at: slowConsole) == "verified")
        #expect(outcome(text, trust: trust, at: slowConsole) == "code_future")
        #expect(outcome(text, trust: skewed, at: slowConsole.addingTimeInterval(31)) == "code_expired")
    }

    @Test("every truncation of a valid code is refused as malformed")
    func truncatedRefused() throws {
        let text = try code()
        for length in SignedCode.prefix.count..<text.count {
            #expect(outcome(String(text.prefix(length))) == "code_malformed", "truncated at \(length)")
        }
    }

    @Test("a code longer than 200 characters is refused as too long")
    func tooLongRefused() throws {
        #expect(outcome(try code() + String(repeating: "A", count: 60)) == "code_too_long")
    }

    @Test("non-ASCII garbage is refused", arguments: ["HG1:健康码", "HG1:GD.\u{00}", "HG1:\u{FFFD}\u{FFFD}"])
    func nonASCIIRefused(text: String) {
        #expect(outcome(text) == "code_not_ascii")
    }

    @Test("garbage without the prefix is not read as a code")
    func garbageIsNoCode() {
        #expect(outcome("\u{FFFD}G1:abc") == "scan_unrecognised")
    }

    @Test("a key without a seal key verifies codes but cannot name the holder (another region's)")
    func foreignHolderUnknown() throws {
        var foreign = trust
        foreign.keys[0].sealKey = nil
        guard case .code(let parsed) = ScanInput.classify(try code(), today: Fixture.today),
              case .verified(let verified) = rules.verify(parsed, trust: foreign, at: Fixture.now) else {
            throw CryptoError("not verified")
        }
        #expect(verified.holder == nil)
        #expect(verified.colour == .green)
    }

    @Test("the colour shown is the newer of the code's and the cache's")
    func newerColourShown() throws {
        let verified = try verified(try code(colour: .red))
        let older = PersonRecord(document: Fixture.sampleID, nameMasked: "张*丰", colour: .green,
                                 colourChangedAt: changed.addingTimeInterval(-3600))
        #expect(verified.record(cached: older, unsentRegistration: false).colour == .red)
        let newer = PersonRecord(document: Fixture.sampleID, nameMasked: "张*丰", colour: .yellow,
                                 colourChangedAt: changed.addingTimeInterval(3600))
        #expect(verified.record(cached: newer, unsentRegistration: false).colour == .yellow)
    }

    @Test("a registration this console has not sent yet always wins over the code's colour")
    func unsentRegistrationWins() throws {
        let verified = try verified(try code(colour: .green))
        let registered = PersonRecord(document: Fixture.sampleID, nameMasked: "张*丰", colour: .yellow,
                                      colourChangedAt: changed.addingTimeInterval(-60))
        #expect(verified.record(cached: registered, unsentRegistration: true).colour == .yellow)
        #expect(verified.record(cached: registered, unsentRegistration: false).colour == .green)
    }

    @Test("a holder not in the cache is judged by the code's colour alone, with no test on record")
    func holderNotCached() throws {
        let record = try verified(try code(colour: .green)).record(cached: nil, unsentRegistration: false)
        #expect(record.colour == .green)
        #expect(record.nat == nil)
        #expect(record.document == Fixture.sampleID)
    }

    @Test("base64url is strict: only the spelling the encoder writes is read back")
    func base64URLStrict() {
        for count in 0...20 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(Base64URL.decode(Substring(Base64URL.encode(bytes))) == bytes)
        }
        #expect(Base64URL.decode("AB") == nil)
        #expect(Base64URL.decode("AA") == [0])
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("AA==") == nil)
    }

    @Test("Ed25519 and AES-SIV agree with libcrypto's published behaviour: RFC 8032 test 1")
    func rfc8032() throws {
        let seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        #expect(try LibCrypto.ed25519PublicKey(seed: seed)
            == hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        let signature = try LibCrypto.ed25519Sign([], seed: seed)
        #expect(signature == hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
        let sealed = try LibCrypto.sivSeal([1, 2, 3], key: Array(1...32), associatedData: [9])
        #expect(LibCrypto.sivOpen(sealed, key: Array(1...32), associatedData: [9]) == [1, 2, 3])
        #expect(LibCrypto.sivOpen(sealed, key: Array(1...32), associatedData: [8]) == nil)
    }

    private func hex(_ text: String) -> [UInt8] {
        stride(from: 0, to: text.count, by: 2).map { offset in
            let start = text.index(text.startIndex, offsetBy: offset)
            return UInt8(text[start..<text.index(start, offsetBy: 2)], radix: 16)!
        }
    }
}
