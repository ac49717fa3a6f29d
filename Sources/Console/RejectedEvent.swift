import Foundation
import HealthCode

/// One entry of the dead-letter list: an event the central store refused for good, kept aside so it never
/// blocks the queue, and shown on F3.
public struct RejectedEvent: Equatable, Sendable {
    /// The refused event; nil when its stored payload could not be read.
    public var event: GateEvent?
    /// The central store's reason, as it gave it.
    public var reason: String
    /// When the refusal came back.
    public var at: Date

    public init(event: GateEvent?, reason: String, at: Date) {
        self.event = event
        self.reason = reason
        self.at = at
    }
}
