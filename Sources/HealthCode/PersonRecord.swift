import Foundation

/// What the central authority says about one person: the colour, why, and the latest test.
public struct PersonRecord: Codable, Equatable, Sendable {
    /// The document key (`Document.key`).
    public var document: String
    public var nameMasked: String
    /// The proxy applicant's phone (代申领), if the code was applied for by a relative.
    public var phone: String?
    public var colour: CodeColour
    /// The authority's reason for the colour (赋码原因).
    public var reason: String
    public var colourChangedAt: Date
    public var nat: NATResult?

    public init(document: String, nameMasked: String, phone: String? = nil, colour: CodeColour,
                reason: String = "", colourChangedAt: Date, nat: NATResult? = nil) {
        self.document = document
        self.nameMasked = nameMasked
        self.phone = phone
        self.colour = colour
        self.reason = reason
        self.colourChangedAt = colourChangedAt
        self.nat = nat
    }
}
