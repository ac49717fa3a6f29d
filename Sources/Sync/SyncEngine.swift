import Central
import Foundation
import HealthCode
import LocalStore

/// One pass of sync: push the outbox, then pull the change feed into the cache. Its cache connection
/// checkpoints the write-ahead log between pages, where no scan ever waits for it.
public final class SyncEngine {
    /// How many applied changes go into the write-ahead log between two checkpoints: each checkpoint
    /// waits for the disk twice, so one per page would make a large pull wait mostly for the disk.
    static let changesPerCheckpoint = 250_000

    let cache: LocalCache
    let central: CentralStore
    let clock: () -> Date
    let pushBatch: Int
    let pullBatch: Int

    public init(cache: LocalCache, central: CentralStore, clock: @escaping () -> Date = Date.init,
                pushBatch: Int = 500, pullBatch: Int = 2000) {
        self.cache = cache
        self.central = central
        self.clock = clock
        self.pushBatch = pushBatch
        self.pullBatch = pullBatch
        try? cache.prepareForFeed()
    }

    /// Pushes every queued event, then pulls every change, then the whole trust list with the clock
    /// skew; each batch commits on its own, so an interrupted pass loses nothing and the next one
    /// resumes where it stopped. A failed push does not hold back the pull: colours and revoked keys
    /// keep arriving, and the push error is thrown after them.
    @discardableResult
    public func run(progress: (SyncSummary) -> Void = { _ in }) throws -> SyncSummary {
        var summary = SyncSummary()
        let skew = try measureSkew()
        summary.clockSkew = skew
        var pushError: Error?
        do {
            try push(&summary, progress)
        } catch {
            pushError = error
        }
        try pull(&summary, progress)
        try cache.replaceTrust(try central.issuerKeys(), skew: skew)
        if let pushError { throw pushError }
        try cache.setLastSyncAt(clock())
        summary.backlog = try cache.backlog()
        return summary
    }

    /// The store's clock minus this console's, taken at the middle of the round trip.
    private func measureSkew() throws -> TimeInterval {
        let sent = clock()
        let server = try central.serverTime()
        let back = clock()
        return server.timeIntervalSince(sent.addingTimeInterval(back.timeIntervalSince(sent) / 2))
    }

    /// Pushes what was queued when the pass began: a gate that scans faster than the store takes its
    /// events must not keep the pass from ever pulling; the rest goes in the next pass.
    private func push(_ summary: inout SyncSummary, _ progress: (SyncSummary) -> Void) throws {
        let last = try cache.lastQueuedPosition()
        while true {
            let events = try cache.unsentEvents(limit: pushBatch, through: last, at: clock())
            guard !events.isEmpty else { return }
            let receipts = try central.submit(events)
            try cache.markSent(receipts, at: clock())
            summary.pushed += receipts.filter { $0.rejection == nil }.count
            summary.rejected += receipts.filter { $0.rejection != nil }.count
            progress(summary)
        }
    }

    /// Pulls pages until the feed's end, fetching the next pages while one is applied; a store that cannot
    /// continue the cursor is synced again in full, once. A first sync builds the phone index at the end,
    /// and until then phones are asked of the central store. A large pull checkpoints the write-ahead log
    /// now and then; the checkpoint after a pass is the caller's (`LocalCache.checkpointLog`), off the clock
    /// of the changes it brought.
    private func pull(_ summary: inout SyncSummary, _ progress: (SyncSummary) -> Void) throws {
        summary.firstSync = try cache.cursor() == .start
        if summary.firstSync { try cache.deferPhoneIndex() }
        var page = try firstPage(&summary)
        let prefetcher = PagePrefetcher(central: central, limit: pullBatch)
        let prefetching = !page.atEnd
        if prefetching { prefetcher.start(after: page.next) }
        defer { if prefetching { prefetcher.stop() } }
        while true {
            try cache.apply(page.changes, cursor: page.next)
            if (summary.pulled + page.changes.count) / Self.changesPerCheckpoint > summary.pulled / Self.changesPerCheckpoint {
                cache.checkpointLog()
            }
            summary.pulled += page.changes.count
            progress(summary)
            if page.atEnd { break }
            page = try prefetcher.next()
        }
        try cache.buildPhoneIndex()
    }

    /// The first page after the cache's cursor; when the store cannot continue it, the cache starts over.
    private func firstPage(_ summary: inout SyncSummary) throws -> FeedPage {
        do {
            return try central.changes(after: try cache.cursor(), limit: pullBatch)
        } catch FeedError.cursorNotServed where !summary.restarted {
            try cache.restartFeed()
            try cache.deferPhoneIndex()
            summary.restarted = true
            summary.firstSync = true
            return try central.changes(after: .start, limit: pullBatch)
        }
    }
}

/// What one sync pass did.
public struct SyncSummary: Equatable, Sendable {
    public var pushed = 0
    public var pulled = 0
    /// Events still queued afterwards.
    public var backlog = 0
    /// True when the store could not continue the cursor and the cache was synced again in full.
    public var restarted = false
    /// True while the pass pulls the whole region into an empty cache.
    public var firstSync = false
    /// Events the store refused for good in this pass.
    public var rejected = 0
    /// The central store's clock minus this console's.
    public var clockSkew: TimeInterval?

    public init() {}
}
