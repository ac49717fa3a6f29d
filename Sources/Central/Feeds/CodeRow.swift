import Foundation
import HealthCode

/// One row of the codes feed: a person's colour as the authority assigned it.
public struct CodeRow: Equatable, Sendable {
    /// The canonical document key (`Document.key`).
    public var document: String
    /// The name masked with `Masking.name`; the full name is not kept.
    public var nameMasked: String
    /// The 11-digit mobile number the code was applied with, if any (the proxy applicant's for 代申领).
    public var phone: String?
    public var colour: CodeColour
    /// The authority's reason for the colour (赋码原因).
    public var reason: String
    /// When the authority last changed the code.
    public var updatedAt: Date

    public init(document: String, nameMasked: String, phone: String?, colour: CodeColour,
                reason: String, updatedAt: Date) {
        self.document = document
        self.nameMasked = nameMasked
        self.phone = phone
        self.colour = colour
        self.reason = reason
        self.updatedAt = updatedAt
    }
}
