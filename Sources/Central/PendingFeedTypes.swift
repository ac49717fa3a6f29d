import Foundation
import HealthCode

public struct CodeRow: Equatable, Sendable {
    public var document: String
    public var nameMasked: String
    public var phone: String?
    public var colour: CodeColour
    public var reason: String
    public var updatedAt: Date
}

public struct NATRow: Equatable, Sendable {
    public var document: String
    public var nat: NATResult
}
