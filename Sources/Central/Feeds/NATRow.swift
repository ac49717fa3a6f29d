import HealthCode

/// One row of the nucleic-acid test feed: a person's test and its result.
public struct NATRow: Equatable, Sendable {
    /// The canonical document key (`Document.key`).
    public var document: String
    public var nat: NATResult

    public init(document: String, nat: NATResult) {
        self.document = document
        self.nat = nat
    }
}
