import LocalStore

/// Where a console stands in the PostgreSQL feed, written into the opaque cursor token.
///
/// A full sync reads every row written by transactions older than a horizon (the oldest transaction
/// still running), in document order, and also every row stamped with a transaction id the server has
/// not reached yet: rows restored from another cluster's backup. After it, the feed reads windows of
/// transaction ids `[low, high)`, `high` being the oldest transaction still running when the window
/// opened: every writer in the window has finished, so a row committed late with an early version
/// number can never be passed over.
enum PostgresFeedCursor: Equatable {
    case full(store: String, horizon: String, afterDocument: String)
    case live(store: String, low: String, high: String?, after: (txid: String, document: String)?)

    static func == (a: PostgresFeedCursor, b: PostgresFeedCursor) -> Bool { a.token == b.token }

    var store: String {
        switch self {
        case .full(let store, _, _), .live(let store, _, _, _): store
        }
    }

    /// `pg1|full|STORE|HORIZON|AFTER` or `pg1|live|STORE|LOW|HIGH|TXID|DOCUMENT`; documents hold no `|`.
    var token: String {
        switch self {
        case .full(let store, let horizon, let after):
            ["pg1", "full", store, horizon, after].joined(separator: "|")
        case .live(let store, let low, let high, let after):
            ["pg1", "live", store, low, high ?? "", after?.txid ?? "", after?.document ?? ""].joined(separator: "|")
        }
    }

    init?(_ cursor: FeedCursor) {
        let parts = cursor.token.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count > 1 ? parts[1] : nil, parts.count) {
        case ("pg1", "full", 5):
            self = .full(store: parts[2], horizon: parts[3], afterDocument: parts[4])
        case ("pg1", "live", 7):
            self = .live(store: parts[2], low: parts[3], high: parts[4].isEmpty ? nil : parts[4],
                         after: parts[5].isEmpty ? nil : (parts[5], parts[6]))
        default:
            return nil
        }
    }

    var cursor: FeedCursor { FeedCursor(token) }
}
