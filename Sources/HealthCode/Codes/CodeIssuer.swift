import Foundation

/// An issuer's signing half of one key: makes the signed dynamic codes its holders' phones show.
public struct CodeIssuer: Sendable {
    public let issuer: String
    public let keyID: String
    /// The 32-byte Ed25519 private seed: kept in the issuer's key file, never sent anywhere.
    public let privateSeed: [UInt8]
    public let publicKey: [UInt8]
    public let sealKey: [UInt8]

    /// The issuer's key from its private seed and seal key; the key id is derived from the public key.
    public init(issuer: String, seed: [UInt8], sealKey: [UInt8]) throws {
        guard SignedCode.isIssuer(Substring(issuer)) else {
            throw CryptoError("an issuer id is 1 to 16 of A-Z, 0-9 and -")
        }
        guard sealKey.count == LibCrypto.sealKeySize else {
            throw CryptoError("a seal key has \(LibCrypto.sealKeySize) bytes")
        }
        self.issuer = issuer
        privateSeed = seed
        self.sealKey = sealKey
        publicKey = try LibCrypto.ed25519PublicKey(seed: seed)
        keyID = Self.keyID(of: publicKey)
    }

    /// A key's id: the first 8 hex digits of its public key's SHA-256.
    public static func keyID(of publicKey: [UInt8]) -> String {
        LibCrypto.sha256(publicKey).prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The trust-list entry for this key, valid from `validFrom`.
    public func trustEntry(validFrom: Date, validTo: Date? = nil) -> IssuerKey {
        IssuerKey(issuer: issuer, keyID: keyID, publicKey: publicKey, sealKey: sealKey,
                  validFrom: validFrom, validTo: validTo)
    }

    /// A fresh code for the holder of `document` (a document key), showing `colour` as changed at
    /// `colourChangedAt`, generated at `generatedAt`.
    public func issue(document: String, colour: CodeColour, colourChangedAt: Date, at generatedAt: Date) throws -> String {
        guard let letter = SignedCode.colourLetter(colour) else { throw CryptoError("a code shows green, yellow or red") }
        let holder = Array(document.utf8)
        guard (1...SignedCode.maxHolderLength).contains(holder.count) else {
            throw CryptoError("a holder's document key has 1 to \(SignedCode.maxHolderLength) characters")
        }
        let sealed = try LibCrypto.sivSeal(holder, key: sealKey, associatedData: SignedCode.sealContext(
            issuer: issuer, keyID: keyID, generatedAt: generatedAt))
        let signed = SignedCode.prefix + [issuer, keyID, Base64URL.encode(sealed), letter,
                                          String(SignedCode.unixSeconds(colourChangedAt)),
                                          String(SignedCode.unixSeconds(generatedAt))].joined(separator: ".")
        let signature = try LibCrypto.ed25519Sign(Array(signed.utf8), seed: privateSeed)
        return signed + "." + Base64URL.encode(signature)
    }
}
