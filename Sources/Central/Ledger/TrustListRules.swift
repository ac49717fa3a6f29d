import Foundation
import HealthCode

/// What every central store checks before a key joins the trust list, and how it says no.
enum TrustListRules {
    /// Refuses a key whose fields the trust list cannot keep or a console could not use.
    static func check(_ key: IssuerKey) throws {
        if let problem = key.problem { throw CentralError(problem) }
    }

    /// The refusal of a key id its issuer already has.
    static func duplicate(_ key: IssuerKey) -> CentralError {
        CentralError("issuer \(key.issuer) already has key \(key.keyID)")
    }
}
