import Foundation
import HealthCode

/// What every central store checks before a key joins the trust list, and how it says no.
enum TrustListRules {
    /// Refuses a key whose fields the trust list cannot keep or a console could not use.
    static func check(_ key: IssuerKey) throws {
        guard (1...16).contains(key.issuer.utf8.count),
              key.issuer.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            throw CentralError("issuer \"\(key.issuer)\" is not 1 to 16 of A-Z, 0-9 and -")
        }
        guard key.keyID.utf8.count == 8,
              key.keyID.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw CentralError("key id \"\(key.keyID)\" of issuer \(key.issuer) is not 8 lowercase hex digits")
        }
        guard key.publicKey.count == 32 else {
            throw CentralError("the public key of issuer \(key.issuer) key \(key.keyID) has \(key.publicKey.count) bytes, not 32")
        }
        if let seal = key.sealKey, seal.count != 32 {
            throw CentralError("the seal key of issuer \(key.issuer) key \(key.keyID) has \(seal.count) bytes, not 32")
        }
        if let end = key.validTo, end <= key.validFrom {
            throw CentralError("issuer \(key.issuer) key \(key.keyID) would expire before it becomes valid")
        }
    }

    /// The refusal of a key id its issuer already has.
    static func duplicate(_ key: IssuerKey) -> CentralError {
        CentralError("issuer \(key.issuer) already has key \(key.keyID)")
    }
}
