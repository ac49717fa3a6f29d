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

    public init(online: Bool? = nil, lastSuccessAt: Date? = nil, backlog: Int = 0,
                running: Bool = false, lastError: String? = nil) {
        self.online = online
        self.lastSuccessAt = lastSuccessAt
        self.backlog = backlog
        self.running = running
        self.lastError = lastError
    }
}
