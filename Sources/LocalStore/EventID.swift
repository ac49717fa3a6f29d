import Foundation
import HealthCode

/// Identifiers for the events a console records, from the system's random source.
extension UUID {
    /// `version4(using:)` with `SystemRandomNumberGenerator`, for every check, registration and void.
    public static func newEventID() -> UUID {
        var random = SystemRandomNumberGenerator()
        return version4(using: &random)
    }
}
