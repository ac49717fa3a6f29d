import Foundation
import LocalStore
import Synchronization
import Sync

/// A first sync on a thread of its own, at the console's sync priority, opening its own cache and central
/// connections as the console's sync does.
final class BackgroundSync: Sendable {
    private let cachePath: String
    private let central: BenchCentral
    private let outcome = Mutex<(seconds: Double, failure: String?)?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(cachePath: String, central: BenchCentral) {
        self.cachePath = cachePath
        self.central = central
    }

    func start() {
        Thread.detachNewThread { [self] in
            BackgroundPriority.lowerCurrentThread()
            let start = Stopwatch.now()
            var failure: String?
            do {
                try SyncEngine(cache: try LocalCache(path: cachePath), central: try central.open()).run()
            } catch {
                failure = String(describing: error)
            }
            let seconds = Double(Stopwatch.now() - start) / 1_000_000_000
            outcome.withLock { $0 = (seconds, failure) }
            done.signal()
        }
    }

    var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Waits for the sync to end; its seconds and, if it failed, why.
    func wait() -> (seconds: Double, failure: String?) {
        done.wait()
        return outcome.withLock { $0! }
    }
}
