import Foundation
import HealthCode
import Sync

/// Everything the console shows, changed only by `reduce`.
public struct ConsoleState: Equatable, Sendable {
    public let checkpoint: Checkpoint
    public let operatorName: String
    public let timeZone: TimeZone
    /// The latest tick's clock.
    public internal(set) var now: Date
    public internal(set) var size: Size
    /// The scan field (or the temperature typed into it).
    var input = ""
    var mode = Mode.scan
    var showsHelp = false
    /// The dead-letter list on screen (F3), newest first; nil while it is closed.
    var rejectedList: [RejectedEvent]?
    var notice: Notice?
    var check: ScreenCheck?
    /// Newest first; a check joins once the store has recorded it.
    var recent: [RecentCheck] = []
    /// Checks handed to the store and not yet confirmed recorded, oldest first.
    var unrecorded: [PendingRecord] = []
    /// A quit is waiting for `unrecorded` to be stored.
    var quitting = false
    var sync = SyncStatus()
    var counts = TodayCounts()
    var lastSyncPoll: Date?
    var lastCountsPoll: Date?

    /// The most characters the scan field or a correction note takes: more than a dynamic code has, so
    /// that an over-long scan is refused as such rather than cut to fit.
    static let inputLimit = 256
    /// How many recent checks are kept for the panel.
    static let recentLimit = 100
    /// How many refused events F3 reads; the overlay says how many of the rest it leaves out.
    static let rejectedLimit = 100

    public init(checkpoint: Checkpoint, operatorName: String, timeZone: TimeZone, now: Date,
                size: Size = .minimum) {
        self.checkpoint = checkpoint
        self.operatorName = operatorName
        self.timeZone = timeZone
        self.now = now
        self.size = size
    }

    /// The checkpoint's calendar day, which bounds birth dates and gives ages.
    var today: CivilDate { CivilDate(now, in: timeZone) }

    var rules: CheckpointRules { checkpoint.rules }
}
