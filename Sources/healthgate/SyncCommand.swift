import Foundation
import Sync

/// `healthgate sync`: one pass of sync, with a summary.
enum SyncCommand: Command {
    static let help = """
        usage: healthgate sync

        Pushes this console's queued events (checks, registrations, voids) to the central store,
        then pulls every change since the last sync into the local cache. Each batch commits on
        its own: an interrupted sync loses nothing and the next one resumes.
        Exits 3 when the central store cannot be reached; queued events stay queued.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        try arguments.expectEnd()
        let summary = try pass(configuration, progress: true)
        if summary.restarted { print("the central store could not continue this cache's feed: synced again in full") }
        print("synced: pushed \(summary.pushed) events, pulled \(summary.pulled) changes; "
            + "\(summary.backlog) events queued")
        return 0
    }

    /// One pass against the configured stores; failures become one-line store errors.
    static func pass(_ configuration: Configuration, progress: Bool = false) throws -> SyncSummary {
        let cache = try configuration.openCache()
        let central = try configuration.openCentral()
        do {
            return try SyncEngine(cache: cache, central: central).run { summary in
                if progress && summary.pulled > 0 && summary.pulled % 100_000 == 0 {
                    FileHandle.standardError.write(Data("  pulled \(summary.pulled) changes…\n".utf8))
                }
            }
        } catch {
            throw Failure.store("sync failed: \(error); queued events stay queued")
        }
    }
}
