import Foundation
import Synchronization

/// SIGTERM, SIGHUP and SIGINT ask the console to stop: it logs any open check and restores the
/// terminal, instead of dying mid-draw or spinning on a terminal that has gone away.
enum StopSignals {
    /// Set by a signal handler, read by the console loop.
    static let requested = Atomic<Bool>(false)

    /// Installs the handlers and unblocks the signals (a parent may have left them blocked); call
    /// after the terminal is set up, so that these replace any it installed.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            signal(signalNumber) { _ in StopSignals.requested.store(true, ordering: .relaxed) }
            sigaddset(&signals, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
