import Foundation

/// What the status line shows about sync, published by the sync service and read by the console.
public struct SyncStatus: Equatable, Sendable {
    /// Whether the last attempt reached the central store; nil before the first attempt.
    public var online: Bool?
    public var lastSuccessAt: Date?
    /// Events waiting in the outbox.
    public var backlog: Int
    /// Set while a pass is under way.
    public var running: Bool
    /// The last failure, one line, for the status line; nil after a success.
    public var lastError: String?
    /// The central store's clock minus this console's, measured at the last sync.
    public var clockSkew: TimeInterval?
    /// Events the central store refused for good: kept aside, shown, never blocking the queue.
    public var rejected: Int
    /// People received so far in a first sync under way; nil otherwise.
    public var firstSyncProgress: Int?

    public init(online: Bool? = nil, lastSuccessAt: Date? = nil, backlog: Int = 0,
                running: Bool = false, lastError: String? = nil, clockSkew: TimeInterval? = nil,
                rejected: Int = 0, firstSyncProgress: Int? = nil) {
        self.online = online
        self.lastSuccessAt = lastSuccessAt
        self.backlog = backlog
        self.running = running
        self.lastError = lastError
        self.clockSkew = clockSkew
        self.rejected = rejected
        self.firstSyncProgress = firstSyncProgress
    }

    /// A skew the status line warns about: more than two minutes either way.
    public var clockSkewed: Bool { clockSkew.map { abs($0) > 120 } ?? false }
}
