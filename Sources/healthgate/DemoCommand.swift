import Central
import Foundation
import HealthCode

/// `healthgate demo`: a deterministic population in the central store, synced into the cache.
enum DemoCommand: Command {
    static let help = """
        usage: healthgate demo [--people N] [--seed S] [--samples] [--csv DIR]

        Fills the central store with a deterministic demo population (default 10,000 people,
        seed 1): every colour; fresh, stale, pending and missing test results; proxy-phone
        families. Sets this console's checkpoint to the demo gate (negative test within 72 h)
        unless one is configured, syncs the cache, and prints a sample query for each case.
        With --samples, prints the sample queries for that size and seed and changes nothing.
        With --csv DIR, writes the population as the authority's two feeds, DIR/codes.csv and
        DIR/nat.csv (for `healthgate import`), and changes nothing else.
        The data are synthetic: the ID numbers are valid in form but belong to no one.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let people = try number(arguments.option("--people"), "--people", default: 10_000, in: DemoPopulation.minimumPeople...DemoPopulation.maximumPeople)
        let seed = try number(arguments.option("--seed"), "--seed", default: 1, in: 0...Int.max)
        let samplesOnly = arguments.flag("--samples")
        let csvFolder = try arguments.option("--csv")
        try arguments.expectEnd()
        if samplesOnly {
            print(samples(try population(people: people, seed: UInt64(seed))))
            return 0
        }
        if let csvFolder {
            try writeFeeds(try population(people: people, seed: UInt64(seed)), to: csvFolder)
            print("demo: \(people) people written to \(csvFolder)/codes.csv and \(csvFolder)/nat.csv")
            return 0
        }
        let population = try build(configuration, people: people, seed: UInt64(seed))
        print("demo: \(people) people (seed \(seed)) in the central store, synced into \(configuration.cachePath)")
        print(samples(population))
        return 0
    }

    /// Writes the population to the central store, registers the demo checkpoint and syncs the cache.
    static func build(_ configuration: Configuration, people: Int, seed: UInt64) throws -> DemoPopulation {
        let population = try population(people: people, seed: seed)
        let cache = try configuration.openCache()
        let central = try configuration.openCentral()
        do {
            var codes: [CodeRow] = []
            var tests: [NATRow] = []
            for (code, nat) in population {
                codes.append(code)
                if let nat { tests.append(nat) }
                if codes.count == 5000 {
                    _ = try central.importCodes(codes)
                    _ = try central.importNAT(tests)
                    codes.removeAll(keepingCapacity: true)
                    tests.removeAll(keepingCapacity: true)
                }
            }
            _ = try central.importCodes(codes)
            _ = try central.importNAT(tests)
            let checkpoint = try cache.checkpoint() ?? Checkpoint.demo
            try cache.saveCheckpoint(checkpoint)
            try central.saveCheckpoint(checkpoint)
            try demoIssuerKey(configuration, central)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.store("demo: \(error)")
        }
        _ = try SyncCommand.pass(configuration)
        return population
    }

    /// The issuer of the demo's dynamic codes.
    static let demoIssuer = "DEMO"

    /// A key for the demo issuer, made once, so that `code issue` and `code show` work on demo data at once.
    private static func demoIssuerKey(_ configuration: Configuration, _ central: CentralStore) throws {
        let trusted = try central.issuerKeys().filter { $0.issuer == demoIssuer && $0.isTrusted(at: Date()) }
        let files = IssuerKeyFile.all(in: IssuerKeyFile.folder(configuration), issuer: demoIssuer)
        guard !files.contains(where: { file in trusted.contains { $0.keyID == file.issuer.keyID } }) else { return }
        _ = try IssuerKeyFile.create(issuer: demoIssuer, validDays: nil, configuration: configuration, central: central)
    }

    static func population(people: Int, seed: UInt64) throws -> DemoPopulation {
        guard let population = DemoPopulation(people: people, seed: seed, now: Date(), timeZone: .current) else {
            throw UsageError("--people takes \(DemoPopulation.minimumPeople) to \(DemoPopulation.maximumPeople)")
        }
        return population
    }

    /// Writes the population as the two CSV feeds, streaming row by row.
    static func writeFeeds(_ population: DemoPopulation, to folder: String) throws {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.invalid("cannot create \(folder): \(error.localizedDescription)")
        }
        let codesPath = folder + "/codes.csv"
        let natPath = folder + "/nat.csv"
        guard files.createFile(atPath: codesPath, contents: nil), files.createFile(atPath: natPath, contents: nil),
              let codes = FileHandle(forWritingAtPath: codesPath), let tests = FileHandle(forWritingAtPath: natPath)
        else { throw Failure.invalid("cannot write to \(folder)") }
        defer {
            try? codes.close()
            try? tests.close()
        }
        let newline = CSVWriter.newline
        codes.write(Data((CodesFeed.header + newline).utf8))
        tests.write(Data((NATFeed.header + newline).utf8))
        for (code, nat) in population {
            codes.write(Data((CodesFeed.line(code, in: population.timeZone) + newline).utf8))
            if let nat { tests.write(Data((NATFeed.line(nat, in: population.timeZone) + newline).utf8)) }
        }
    }

    /// The sample table printed after a demo build.
    static func samples(_ population: DemoPopulation) -> String {
        let width = population.samples.map(\.label.count).max() ?? 0
        let rows = population.samples.map { sample in
            "  " + sample.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + sample.query + "  (" + sample.expected + ")"
        }
        return (["sample queries (type them into the console, or: healthgate check QUERY):"] + rows).joined(separator: "\n")
    }

    static func number(_ text: String?, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
