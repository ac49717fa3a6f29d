import Foundation

/// Waiting, with a deadline, for a condition that another thread or process brings about.
public enum Poll {
    /// Checks `condition` every `interval` seconds until it holds or `seconds` have passed; returns whether it held.
    public static func until(_ seconds: TimeInterval, every interval: TimeInterval = 0.005,
                             _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
