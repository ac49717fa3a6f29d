import Foundation

/// One entry of the trust list: an issuer's (发码机构's) public key for signed dynamic codes.
public struct IssuerKey: Codable, Equatable, Sendable {
    /// The issuing authority, for example a province's code platform: `[A-Z0-9-]`, 1 to 16 characters.
    public var issuer: String
    /// The key's id within its issuer: 8 lowercase hex digits of the public key's SHA-256.
    public var keyID: String
    /// The raw 32-byte Ed25519 public key.
    public var publicKey: [UInt8]
    /// The 32-byte AES-SIV key that seals holder references in this key's codes; nil for an issuer
    /// whose holders this region cannot look up (another region's key registered by its public half).
    public var sealKey: [UInt8]?
    public var validFrom: Date
    /// Nil for no end.
    public var validTo: Date?
    /// Set once the key is revoked; codes signed with it are refused from the next sync on.
    public var revokedAt: Date?

    public init(issuer: String, keyID: String, publicKey: [UInt8], sealKey: [UInt8]? = nil,
                validFrom: Date, validTo: Date? = nil, revokedAt: Date? = nil) {
        self.issuer = issuer
        self.keyID = keyID
        self.publicKey = publicKey
        self.sealKey = sealKey
        self.validFrom = validFrom
        self.validTo = validTo
        self.revokedAt = revokedAt
    }

    /// Why this entry cannot join a trust list, or nil: the issuer and key id in the form codes carry
    /// them, keys of 32 bytes, and a validity that ends after it begins.
    public var problem: String? {
        if !SignedCode.isIssuer(Substring(issuer)) { return "issuer \"\(issuer)\" is not 1 to 16 of A-Z, 0-9 and -" }
        if !SignedCode.isKeyID(Substring(keyID)) {
            return "key id \"\(keyID)\" of issuer \(issuer) is not 8 lowercase hex digits"
        }
        if publicKey.count != LibCrypto.ed25519KeySize {
            return "the public key of issuer \(issuer) key \(keyID) has \(publicKey.count) bytes, not 32"
        }
        if let sealKey, sealKey.count != LibCrypto.sealKeySize {
            return "the seal key of issuer \(issuer) key \(keyID) has \(sealKey.count) bytes, not 32"
        }
        if let validTo, validTo <= validFrom { return "issuer \(issuer) key \(keyID) would expire before it becomes valid" }
        return nil
    }

    /// Whether codes signed with this key are trusted at `now`: not revoked, and within its validity.
    public func isTrusted(at now: Date) -> Bool {
        revokedAt == nil && validFrom <= now && validTo.map { now < $0 } ?? true
    }
}

/// What a console needs to verify dynamic codes offline: the trust list and the clock skew, both as of the last sync.
public struct CodeTrust: Equatable, Sendable {
    public var keys: [IssuerKey]
    /// The central store's clock minus this console's, measured at the last sync; 0 when never measured.
    public var skew: TimeInterval

    public init(keys: [IssuerKey] = [], skew: TimeInterval = 0) {
        self.keys = keys
        self.skew = skew
    }
}
