import Central
import Foundation
import HealthCode

/// `healthgate import codes|nat FILE`: the authority's CSV feeds into the central store.
enum ImportCommand: Command {
    static let help = """
        usage: healthgate import codes FILE [--skip-bad]
               healthgate import nat FILE [--skip-bad]

        Loads one of the health authority's CSV feeds (RFC 4180, UTF-8, a BOM tolerated) into the
        central store. Times are ISO 8601 with an offset (2026-11-27T08:30:00+08:00).
          codes: document,name,phone,colour,reason,updated_at
          nat:   document,sampled_at,reported_at,result,institution
        A file with any bad row is rejected whole, listing every bad row's line and reason;
        --skip-bad imports the good rows and reports the rest. Re-importing a file is harmless.
        Names are stored masked. Exits 1 when rows are bad, 3 when the store fails.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let skipBad = arguments.flag("--skip-bad")
        let words = try arguments.positionals()
        guard words.count == 2, let feed = words.first, feed == "codes" || feed == "nat" else {
            throw UsageError("import takes codes or nat, then one file")
        }
        let path = words[1]
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.invalid("cannot read \(path)")
        }
        let today = CivilDate(Date(), in: .current)
        let central = try configuration.openCentral()
        let problems: [FeedProblem]
        let summary: ImportSummary
        switch feed {
        case "codes":
            let parsed = CodesFeed.parse(data, today: today)
            problems = parsed.problems
            summary = try load(parsed.rows, problems, skipBad, path) { try central.importCodes($0) }
        default:
            let parsed = NATFeed.parse(data, today: today)
            problems = parsed.problems
            summary = try load(parsed.rows, problems, skipBad, path) { try central.importNAT($0) }
        }
        var line = "imported \(feed) from \(path): \(summary.changed) changed, \(summary.unchanged) unchanged"
        if summary.stale > 0 { line += ", \(summary.stale) older than the stored data (kept the stored)" }
        if summary.unknownPeople > 0 { line += ", \(summary.unknownPeople) for people with no code (skipped)" }
        if !problems.isEmpty { line += "; \(problems.count) bad rows skipped" }
        print(line)
        return 0
    }

    /// Reports bad rows; imports the good ones only when there are none or `--skip-bad` is given.
    static func load<Row>(_ rows: [Row], _ problems: [FeedProblem], _ skipBad: Bool, _ path: String,
                          _ write: ([Row]) throws -> ImportSummary) throws -> ImportSummary {
        for problem in problems {
            FileHandle.standardError.write(Data("\(path):\(problem.line): \(problem.message)\n".utf8))
        }
        if !problems.isEmpty && !skipBad {
            let bad = problems.count == 1 ? "1 bad row" : "\(problems.count) bad rows"
            let hint = rows.isEmpty ? "" : " (fix them, or use --skip-bad to import the \(rows.count) good ones)"
            throw Failure.invalid("\(path): \(bad); nothing imported" + hint)
        }
        do {
            return try write(rows)
        } catch {
            throw Failure.store("import failed, nothing imported: \(error)")
        }
    }
}
