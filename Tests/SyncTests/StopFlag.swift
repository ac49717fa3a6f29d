import Synchronization

/// A flag one thread raises and others poll, such as "the writers have finished".
final class StopFlag: Sendable {
    private let raised = Mutex(false)

    func raise() { raised.withLock { $0 = true } }

    var isRaised: Bool { raised.withLock { $0 } }
}
