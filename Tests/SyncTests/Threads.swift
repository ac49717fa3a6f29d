import Foundation
import Synchronization

/// Bodies running on threads of their own, as independent database clients do, until `wait` collects their results.
final class Threads<Value: Sendable>: Sendable {
    private let results: Mutex<[Result<Value, any Error>?]>
    private let group = DispatchGroup()

    /// Starts every body at once.
    init(_ bodies: [@Sendable () throws -> Value]) {
        results = Mutex(Array(repeating: nil, count: bodies.count))
        for (index, body) in bodies.enumerated() {
            group.enter()
            Thread { [self] in
                let result = Result { try body() }
                results.withLock { $0[index] = result }
                group.leave()
            }.start()
        }
    }

    /// The bodies' results, in order; a body still running after `timeout` seconds counts as failed.
    func wait(timeout: TimeInterval = 120) -> [Result<Value, any Error>] {
        _ = group.wait(timeout: .now() + timeout)
        return results.withLock { $0.map { $0 ?? .failure(ThreadsError.stillRunning(after: timeout)) } }
    }
}

/// A thread that did not finish in time.
enum ThreadsError: Error, CustomStringConvertible {
    case stillRunning(after: TimeInterval)

    var description: String {
        switch self {
        case .stillRunning(let seconds): "a thread was still running after \(Int(seconds)) seconds"
        }
    }
}
