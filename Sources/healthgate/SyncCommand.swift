import Foundation
import Sync

/// `healthgate sync`: one pass of sync, with a summary.
enum SyncCommand: Command {
    static let help = """
        usage: healthgate sync [--retry-refused]

        Pushes this console's queued events (checks, registrations, voids) to the central store,
        then pulls every change since the last sync into the local cache. Each batch commits on
        its own: an interrupted sync loses nothing and the next one resumes.
        Events the store refuses for good (another checkpoint's, or data it cannot take) are set
        aside and listed in the console (F3); --retry-refused puts them back in the queue first,
        for after the store's configuration was put right. A clock more than 2 minutes off the
        store's is reported. Exits 3 when the central store cannot be reached; queued events
        stay queued.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let retryRefused = arguments.flag("--retry-refused")
        try arguments.expectEnd()
        if retryRefused {
            print("put \(try configuration.openCache().requeueRejected()) refused events back in the queue")
        }
        let summary = try pass(configuration, progress: true)
        if summary.restarted { print("the central store could not continue this cache's feed: synced again in full") }
        print("synced: pushed \(summary.pushed) events, pulled \(summary.pulled) changes; "
            + "\(summary.backlog) events queued")
        if summary.rejected > 0 {
            print("\(summary.rejected) events refused by the central store for good: set aside (F3 in the console)")
        }
        if let skew = summary.clockSkew, abs(skew) > 120 {
            print("this clock is \(Int(abs(skew) / 60)) minutes \(skew > 0 ? "behind" : "ahead of") the central store's: check NTP")
        }
        return 0
    }

    /// One pass against the configured stores; failures become one-line store errors.
    static func pass(_ configuration: Configuration, progress: Bool = false) throws -> SyncSummary {
        let cache = try configuration.openCache()
        let central = try configuration.openCentral()
        do {
            let summary = try SyncEngine(cache: cache, central: central).run { summary in
                if progress && summary.pulled > 0 && summary.pulled % 100_000 == 0 {
                    FileHandle.standardError.write(Data("  pulled \(summary.pulled) changes…\n".utf8))
                }
            }
            try cache.foldRecentChanges()
            cache.checkpointLog()
            central.checkpointLog()
            return summary
        } catch {
            throw Failure.store("sync failed: \(error); queued events stay queued")
        }
    }
}
