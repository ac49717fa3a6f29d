import Central
import Foundation
import HealthCode

/// `healthgate demo`: a deterministic population in the central store, synced into the cache.
enum DemoCommand: Command {
    static let help = """
        usage: healthgate demo [--people N] [--seed S] [--samples]

        Fills the central store with a deterministic demo population (default 10,000 people,
        seed 1): every colour; fresh, stale, pending and missing test results; proxy-phone
        families. Sets this console's checkpoint to the demo gate (negative test within 72 h)
        unless one is configured, syncs the cache, and prints a sample query for each case.
        With --samples, prints the sample queries for that size and seed and changes nothing.
        The data are synthetic: the ID numbers are valid in form but belong to no one.
        """

    static func run(_ arguments: inout Arguments, _ configuration: Configuration) throws -> Int32 {
        let people = try number(arguments.option("--people"), "--people", default: 10_000, in: DemoPopulation.minimumPeople...DemoPopulation.maximumPeople)
        let seed = try number(arguments.option("--seed"), "--seed", default: 1, in: 0...Int.max)
        let samplesOnly = arguments.flag("--samples")
        try arguments.expectEnd()
        if samplesOnly {
            print(samples(try population(people: people, seed: UInt64(seed))))
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
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.store("demo: \(error)")
        }
        _ = try SyncCommand.pass(configuration)
        return population
    }

    static func population(people: Int, seed: UInt64) throws -> DemoPopulation {
        guard let population = DemoPopulation(people: people, seed: seed, now: Date(), timeZone: .current) else {
            throw UsageError("--people takes \(DemoPopulation.minimumPeople) to \(DemoPopulation.maximumPeople)")
        }
        return population
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
