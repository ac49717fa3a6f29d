import Foundation
import Synchronization

/// Hands the write lock of one database file to this process's connections in arrival order, so a short
/// write (a scan) waits for at most the write in progress instead of SQLite's busy-handler sleeps.
final class WriterQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var nextTicket: UInt64 = 0
    private var serving: UInt64 = 0

    private static let queues = Mutex<[String: WriterQueue]>([:])

    /// The one queue of the file at `path` in this process; nil for an in-memory database.
    static func forFile(_ path: String) -> WriterQueue? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let key = String(cString: resolved)
        return queues.withLock { queues in
            if let queue = queues[key] { return queue }
            let queue = WriterQueue()
            queues[key] = queue
            return queue
        }
    }

    func acquire() {
        condition.lock()
        let ticket = nextTicket
        nextTicket += 1
        while serving != ticket { condition.wait() }
        condition.unlock()
    }

    func release() {
        condition.lock()
        serving += 1
        condition.broadcast()
        condition.unlock()
    }
}
