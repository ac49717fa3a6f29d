import Central
import Foundation
import LocalStore

/// Fetches the change feed on a thread of its own, up to two pages ahead of the page being applied,
/// so that the central store's time and the cache's overlap; each page is handed over in document
/// order, the order the cache applies it in. The central connection belongs to the
/// prefetcher from `start` until `stop` returns.
final class PagePrefetcher: @unchecked Sendable {
    private let central: CentralStore
    private let limit: Int
    private let condition = NSCondition()
    private var ready: [Result<FeedPage, Error>] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private static let depth = 2

    init(central: CentralStore, limit: Int) {
        self.central = central
        self.limit = limit
    }

    /// Starts fetching the pages after `cursor`, until the feed's end or an error.
    func start(after cursor: FeedCursor) {
        Thread.detachNewThread { [self] in
            BackgroundPriority.lowerCurrentThread()
            fetch(from: cursor)
            finished.signal()
        }
    }

    /// The next page, in order; throws the error the fetch met.
    func next() throws -> FeedPage {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty { condition.wait() }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops fetching and waits until the fetching thread has let go of the central connection.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    private func fetch(from start: FeedCursor) {
        var cursor = start
        while true {
            let result = Result {
                var page = try central.changes(after: cursor, limit: limit)
                page.changes = page.changes.inDocumentOrder()
                return page
            }
            condition.lock()
            while ready.count >= Self.depth && !stopped { condition.wait() }
            guard !stopped else {
                condition.unlock()
                return
            }
            ready.append(result)
            condition.broadcast()
            condition.unlock()
            guard case .success(let page) = result, !page.atEnd else { return }
            cursor = page.next
        }
    }
}
