import Foundation

/// Sync's threads run at a lower scheduling priority than the operator's screen: on a two-core
/// terminal a first sync's threads would otherwise take turns with the scan being judged.
public enum BackgroundPriority {
    /// Lowers the calling thread's priority to nice 10 (on Linux the nice value is per thread, and
    /// `who` 0 names the calling one).
    public static func lowerCurrentThread() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
    }
}
