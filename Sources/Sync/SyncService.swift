import Central
import Foundation
import LocalStore
import Synchronization

/// Runs sync passes on a background thread and publishes their status; the UI only reads it.
public final class SyncService: Sendable {
    private let cachePath: String
    private let openCentral: @Sendable () throws -> CentralStore
    private let interval: TimeInterval
    private let maxBackoff: TimeInterval
    private let clock: @Sendable () -> Date
    private let published: Mutex<SyncStatus>
    private let stopping = Mutex(false)
    /// Set by `syncNow` until the next pass starts, so a burst of requests wakes the thread once.
    private let requested = Mutex(false)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// How many recent changes a pass folds into the people table afterwards, under a second's work at
    /// city scale: a larger backlog folds over the next passes, and `stop` is never kept waiting long.
    static let foldPerPass = 20_000

    /// `openCentral` is called on the sync thread, again after every failure.
    public init(cachePath: String, openCentral: @escaping @Sendable () throws -> CentralStore,
                interval: TimeInterval = 15, maxBackoff: TimeInterval = 120,
                clock: @escaping @Sendable () -> Date = Date.init, lastSuccessAt: Date? = nil) {
        self.cachePath = cachePath
        self.openCentral = openCentral
        self.interval = interval
        self.maxBackoff = maxBackoff
        self.clock = clock
        published = Mutex(SyncStatus(lastSuccessAt: lastSuccessAt))
    }

    /// The latest status; never blocks on a pass.
    public func status() -> SyncStatus {
        published.withLock { $0 }
    }

    /// Starts the background thread.
    public func start() {
        let thread = Thread { [self] in
            BackgroundPriority.lowerCurrentThread()
            loop()
        }
        thread.name = "healthgate-sync"
        thread.start()
    }

    /// Asks for a pass now instead of at the next interval.
    public func syncNow() {
        let first = requested.withLock { already in
            defer { already = true }
            return !already
        }
        if first { wake.signal() }
    }

    /// Stops the thread after the pass under way, waiting at most `timeout` seconds.
    public func stop(timeout: TimeInterval = 5) {
        stopping.withLock { $0 = true }
        wake.signal()
        _ = finished.wait(timeout: .now() + timeout)
    }

    /// The wait before the next pass: the interval after a success; after failures, a doubling wait
    /// capped at `maxBackoff`, spread by jitter so that consoles cut off together do not return together.
    func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return interval }
        let capped = min(maxBackoff, interval * pow(2, Double(failures - 1)))
        return capped * Double.random(in: 0.5...1.0)
    }

    private func loop() {
        defer { finished.signal() }
        var central: CentralStore?
        var cache: LocalCache?
        var failures = 0
        while !stopping.withLock({ $0 }) {
            requested.withLock { $0 = false }
            published.withLock { $0.running = true }
            do {
                let local = try cache ?? LocalCache(path: cachePath)
                cache = local
                let store = try central ?? openCentral()
                central = store
                let summary = try SyncEngine(cache: local, central: store, clock: clock).run { progress in
                    let people = progress.firstSync ? progress.pulled : nil
                    published.withLock { $0.firstSyncProgress = people }
                }
                failures = 0
                let now = clock()
                let rejected = try local.rejectedCount()
                published.withLock {
                    $0 = SyncStatus(online: true, lastSuccessAt: now, backlog: summary.backlog, running: false,
                                    clockSkew: summary.clockSkew, rejected: rejected)
                }
            } catch {
                central = nil
                failures += 1
                let backlog = (try? cache?.backlog()) ?? nil
                published.withLock {
                    $0.online = false
                    $0.running = false
                    $0.firstSyncProgress = nil
                    $0.lastError = String(describing: error)
                    if let backlog { $0.backlog = backlog }
                }
            }
            // A fold that fails leaves its changes where lookups read them; the next pass folds them.
            _ = try? cache?.foldRecentChanges(limit: Self.foldPerPass)
            cache?.checkpointLog()
            central?.checkpointLog()
            _ = wake.wait(timeout: .now() + delay(afterFailures: failures))
        }
    }
}
