import Foundation
import LocalStore
import Synchronization
import Sync

/// What the console's sync thread does for a gate between passes, alone: checkpoint the cache's
/// write-ahead logs on a connection of its own, at the sync's priority, so that no scan has to.
final class BackgroundCheckpoints: Sendable {
    private let cachePath: String
    private let interval: TimeInterval
    private let stopping = Mutex(false)
    private let done = DispatchSemaphore(value: 0)

    init(cachePath: String, interval: TimeInterval = 0.25) {
        self.cachePath = cachePath
        self.interval = interval
    }

    /// Starts checkpointing every `interval` seconds until `stop()`.
    func start() throws {
        let cache = try LocalCache(path: cachePath)
        nonisolated(unsafe) let owned = cache
        Thread.detachNewThread { [self] in
            BackgroundPriority.lowerCurrentThread()
            while !stopping.withLock({ $0 }) {
                owned.checkpointLog()
                Thread.sleep(forTimeInterval: interval)
            }
            done.signal()
        }
    }

    func stop() {
        stopping.withLock { $0 = true }
        done.wait()
    }
}
