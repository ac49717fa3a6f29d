import Foundation
import HealthCode

public struct CodeRow: Equatable, Sendable {
    public var document: String
    public var nameMasked: String
    public var phone: String?
    public var colour: CodeColour
    public var reason: String
    public var updatedAt: Date
    public init(document: String, nameMasked: String, phone: String?, colour: CodeColour, reason: String, updatedAt: Date) {
        self.document = document; self.nameMasked = nameMasked; self.phone = phone; self.colour = colour; self.reason = reason; self.updatedAt = updatedAt
    }
}

public struct NATRow: Equatable, Sendable {
    public var document: String
    public var nat: NATResult
    public init(document: String, nat: NATResult) { self.document = document; self.nat = nat }
}
