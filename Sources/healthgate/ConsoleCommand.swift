import Console
import Foundation
import LocalStore
import Sync

/// `healthgate` / `healthgate console`: the checkpoint console, with sync in the background.
enum ConsoleCommand: Command {
    static let help = """
        usage: healthgate [console] [global options]

        Opens the checkpoint console in this terminal (80x24 at least, UTF-8 locale). Scan or
        type an ID, a HKM:/TW:/PP: document or a proxy applicant's phone, then Enter or Tab;
        type a temperature when asked. F1 shows the keys, F2 voids the last registration,
        F10 or Ctrl-Q quits. Sync with the central store runs in the background; the console
        works from the local cache when the central store cannot be reached.
        On an empty data folder with the default central store, demo data are built first.
        Set NO_COLOR to draw without colours.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        try arguments.expectEnd()
        var demoPeople: Int?
        if isFirstRun(configuration) {
            Output.error("first run: building demo data (10,000 people) in \(configuration.dataDirectory)…")
            let population = try DemoCommand.build(configuration, people: 10_000, seed: 1)
            FileHandle.standardError.write(Data((DemoCommand.samples(population) + "\n").utf8))
            demoPeople = population.people
        }
        let cache = try configuration.openCache()
        let checkpoint = try configuration.checkpoint(in: cache)
        let central = configuration.central
        let sync = SyncService(cachePath: configuration.cachePath, openCentral: { try central.open() },
                               lastSuccessAt: try cache.lastSyncAt())
        try cache.leaveCheckpointsToOthers()
        sync.start()
        defer { sync.stop() }
        do {
            let online = OnlineLookup(openCentral: { try central.open() })
            try runConsole(service: LocalGate(cache: cache, sync: sync, online: online), checkpoint: checkpoint,
                           operatorName: configuration.operatorName, language: configuration.language,
                           timeZone: .current, now: Date.init, demoPeople: demoPeople)
        } catch let error as ConsoleError {
            throw Failure.invalid(error.description)
        }
        return 0
    }

    /// True on a data folder with neither a cache nor the default central file: the demo is built first.
    static func isFirstRun(_ configuration: Configuration) -> Bool {
        guard case .sqlite(let path) = configuration.central, path == configuration.dataDirectory + "/central.sqlite"
        else { return false }
        let files = FileManager.default
        return !files.fileExists(atPath: configuration.cachePath) && !files.fileExists(atPath: path)
    }
}
