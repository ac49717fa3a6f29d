import Central
import Foundation
import HealthCode
import Synchronization

/// Asks the central store for a person the cache does not have, waiting no longer than a deadline so
/// the gate never waits on the network; an answer that comes after the deadline is kept for the next scan.
public final class OnlineLookup: Sendable {
    /// Where one question stands between the asking thread and the lookup thread.
    private enum Question<T> {
        case waiting
        case abandoned
        case answered(T?)
    }

    private let openCentral: @Sendable () throws -> CentralStore
    private let queue = DispatchQueue(label: "healthgate-lookup")
    private let connection = Mutex<CentralStore?>(nil)
    private let late = Mutex<[String: PersonRecord]>([:])

    /// `openCentral` is called on the lookup thread, again after a failure.
    public init(openCentral: @escaping @Sendable () throws -> CentralStore) {
        self.openCentral = openCentral
    }

    /// The person with this document key from the central store, or nil when there is none, the store
    /// cannot be reached, or it does not answer within `timeout` seconds.
    public func person(document: String, timeout: TimeInterval) -> PersonRecord? {
        if let early = late.withLock({ $0.removeValue(forKey: document) }) { return early }
        let found = ask(timeout: timeout, { try $0.person(document: document) }) { [self] found in
            if let found = found ?? nil { self.late.withLock { $0[document] = found } }
        }
        return found ?? nil
    }

    /// Everyone the central store has under this phone, or nil when it cannot be reached in time.
    public func people(phone: String, timeout: TimeInterval) -> [PersonRecord]? {
        ask(timeout: timeout, { try $0.people(phone: phone) }) { _ in }
    }

    /// Asks on the lookup thread and waits at most `timeout`; an answer that comes later goes to `late`.
    private func ask<T: Sendable>(timeout: TimeInterval, _ question: @escaping @Sendable (CentralStore) throws -> T,
                                  late: @escaping @Sendable (T?) -> Void) -> T? {
        let state = Mutex(Question<T>.waiting)
        let answered = DispatchSemaphore(value: 0)
        queue.async { [self] in
            let found = ask(question)
            let abandoned = state.withLock { state -> Bool in
                if case .abandoned = state { return true }
                state = .answered(found)
                return false
            }
            if abandoned { late(found) }
            answered.signal()
        }
        _ = answered.wait(timeout: .now() + timeout)
        return state.withLock { state in
            if case .answered(let found) = state { return found }
            state = .abandoned
            return nil
        }
    }

    /// Runs on the lookup thread; a failed store is dropped and opened again next time.
    private func ask<T: Sendable>(_ question: @Sendable (CentralStore) throws -> T) -> T? {
        connection.withLock { store in
            do {
                let central = try store ?? openCentral()
                store = central
                return try question(central)
            } catch {
                store = nil
                return nil
            }
        }
    }
}
