import Foundation

/// A dynamic code that passed every check: who it names, and the colour it shows.
public struct VerifiedCode: Equatable, Sendable {
    public var issuer: String
    public var keyID: String
    /// The holder's document key; nil when the trust list has no seal key for this issuer's key
    /// (another region's), so the holder cannot be looked up here.
    public var holder: String?
    public var colour: CodeColour
    public var colourChangedAt: Date
    public var generatedAt: Date
}

/// The answer of verifying a dynamic code: refused with a reason, or verified.
public enum CodeCheck: Equatable, Sendable {
    case refused(Reason.Code)
    case verified(VerifiedCode)
}

extension CheckpointRules {
    /// How far ahead of the central store's clock a code may be dated: a phone's clock is seldom exact.
    public static let codeFutureAllowance: TimeInterval = 10

    /// Verifies a scanned code offline, in order: its issuer and key on the trust list (发码机构不在信任列表),
    /// its signature, then its age (二维码已过期，请刷新) against `maxCodeAgeSeconds`. `now` is this console's
    /// clock; the skew the last sync measured turns it into the central store's.
    public func verify(_ code: SignedCode, trust: CodeTrust, at now: Date) -> CodeCheck {
        let centralNow = now.addingTimeInterval(trust.skew)
        guard let key = trust.keys.first(where: { $0.issuer == code.issuer && $0.keyID == code.keyID }),
              key.isTrusted(at: centralNow) else { return .refused(.codeUntrusted) }
        guard LibCrypto.ed25519Verify(code.signature, of: Array(code.signedText.utf8), publicKey: key.publicKey) else {
            return .refused(.codeForged)
        }
        let age = centralNow.timeIntervalSince(code.generatedAt)
        if age > TimeInterval(maxCodeAgeSeconds) { return .refused(.codeExpired) }
        if -age > Self.codeFutureAllowance { return .refused(.codeFuture) }
        let holder = key.sealKey.flatMap { sealKey in
            LibCrypto.sivOpen(code.sealedHolder, key: sealKey, associatedData: SignedCode.sealContext(
                issuer: code.issuer, keyID: code.keyID, generatedAt: code.generatedAt))
        }.flatMap { String(validating: $0, as: UTF8.self) }
        return .verified(VerifiedCode(issuer: code.issuer, keyID: code.keyID, holder: holder, colour: code.colour,
                                      colourChangedAt: code.colourChangedAt, generatedAt: code.generatedAt))
    }
}

extension VerifiedCode {
    /// The record to judge the holder by. With the holder in the cache: the cache's record, showing the
    /// newer of the code's colour and the cache's, except that a registration this console has not yet
    /// sent always wins (the issuer cannot know of it). Without: the code's colour alone, for a holder
    /// from another region (外地码), with no test on record.
    public func record(cached: PersonRecord?, unsentRegistration: Bool) -> PersonRecord {
        guard var record = cached else {
            return PersonRecord(document: holder ?? "", nameMasked: "", colour: colour, colourChangedAt: colourChangedAt)
        }
        if !unsentRegistration, colourChangedAt > record.colourChangedAt {
            record.colour = colour
            record.colourChangedAt = colourChangedAt
        }
        return record
    }

    /// As above, looking the holder up with `person` and asking `hasUnsentRegistration` only for one
    /// found; also whether the cache had them.
    public func record(person: (String) throws -> PersonRecord?,
                       hasUnsentRegistration: (String) throws -> Bool) rethrows -> (record: PersonRecord, cached: Bool) {
        guard let holder, let cached = try person(holder) else {
            return (record(cached: nil, unsentRegistration: false), false)
        }
        return (record(cached: cached, unsentRegistration: try hasUnsentRegistration(holder)), true)
    }
}
