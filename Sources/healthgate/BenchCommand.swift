import Bench
import Foundation

/// `healthgate bench`: the city-scale benchmark, printed as a table or JSON.
enum BenchCommand: Command {
    static let help = """
        usage: healthgate bench [--people N] [--central sqlite:PATH|postgresql://…] [--json]

        Measures a console against a synthetic region of N people (default 1,000,000; valid ID
        numbers that belong to no one): the first sync into an empty cache, next to a baseline of
        the store's own export tool plus `sqlite3 .import`; 100,000 scans (lookup, rules, scan log);
        scans while another cache makes its first sync; an incremental sync of 100,000 changes; a
        push of 10,000 events; peak resident memory; and the console's cold start in a
        pseudo-terminal. Without --central it fills a central store of its own; a store given with
        --central must be empty or hold exactly N people from an earlier run, and is left filled.
        Caches and the benchmark's own store live in DATA/bench. Needs the sqlite3 and (for
        PostgreSQL) psql command-line tools. Build with -c release for figures worth keeping.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let people = try DemoCommand.number(arguments.option("--people"), "--people", default: 1_000_000,
                                            in: BenchRegionLimits.people)
        let json = arguments.flag("--json")
        try arguments.expectEnd()
        let folder = configuration.dataDirectory + "/bench"
        let central: BenchCentral = switch configuration.central {
        case .sqlite(let path) where path == configuration.dataDirectory + "/central.sqlite": .embedded(path: folder + "/central.sqlite")
        case .sqlite(let path): .embedded(path: path)
        case .postgresql(let url): .postgresql(url: url)
        }
        var benchmark = Benchmark(people: people, central: central, folder: folder,
                                  consoleBinary: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
        benchmark.progress = { Output.error("bench: " + $0) }
        let report: BenchReport
        do {
            report = try benchmark.run()
        } catch {
            throw Failure.store("bench: \(error)")
        }
        print(json ? report.json : report.table)
        return 0
    }
}
