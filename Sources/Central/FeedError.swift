/// A change feed that cannot go on from where a console stands.
public enum FeedError: Error, Equatable, CustomStringConvertible {
    /// The cursor belongs to another store, or to this one before it was rebuilt or restored: the
    /// console must sync again from the start.
    case cursorNotServed(String)

    public var description: String {
        switch self {
        case .cursorNotServed(let why): "the central store cannot continue this console's feed (\(why)); syncing again in full"
        }
    }
}
