import Central
import Foundation
import HealthCode

/// The benchmark's synthetic region: the demo generator's deterministic people (valid ID numbers that
/// belong to no one), plus people of the same generator who are not in the region, for cache misses.
struct BenchRegion {
    let people: Int
    private let population: DemoPopulation
    private let outsiders: DemoPopulation
    static let outsiderCount = 10_000

    init(people: Int, now: Date) throws {
        guard let population = DemoPopulation(people: people, seed: 7, now: now, timeZone: .current),
              let outsiders = DemoPopulation(people: people + Self.outsiderCount, seed: 7, now: now, timeZone: .current)
        else { throw BenchError("--people takes \(DemoPopulation.minimumPeople) to \(DemoPopulation.maximumPeople - Self.outsiderCount)") }
        self.people = people
        self.population = population
        self.outsiders = outsiders
    }

    /// The document key of person `index` of the region.
    func document(_ index: Int) -> String {
        population.person(index)!.code.document
    }

    /// The document key of someone outside the region: a cache miss.
    func outsider(_ index: Int) -> String {
        outsiders.person(people + index % Self.outsiderCount)!.code.document
    }

    /// Imports the region into `central` through the authority's import, `chunk` people at a time,
    /// each chunk in document order (as an authority's export would be), which spares the store's
    /// B-tree most random writes.
    func seed(into central: CentralStore, chunk: Int = 250_000, progress: (Int) -> Void) throws {
        var codes: [CodeRow] = []
        var tests: [NATRow] = []
        var done = 0
        func flush() throws {
            codes.sort { $0.document < $1.document }
            tests.sort { $0.document < $1.document }
            _ = try central.importCodes(codes)
            _ = try central.importNAT(tests)
            done += codes.count
            codes.removeAll(keepingCapacity: true)
            tests.removeAll(keepingCapacity: true)
            progress(done)
        }
        for (code, nat) in population {
            codes.append(code)
            if let nat { tests.append(nat) }
            if codes.count == chunk { try flush() }
        }
        if !codes.isEmpty { try flush() }
    }

    /// `count` authority rows that change the colour of people spread evenly over the region.
    func changes(_ count: Int, at now: Date) -> [CodeRow] {
        let stride = max(people / max(count, 1), 1)
        return (0..<min(count, people)).map { step in
            var row = population.person(step * stride % people)!.code
            row.colour = row.colour == .green ? .yellow : .green
            row.reason = row.colour == .green ? "" : "密接"
            row.updatedAt = now
            return row
        }
    }
}

/// A benchmark that cannot run; the description is one line.
public struct BenchError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}

/// The sizes a benchmark region can take.
public enum BenchRegionLimits {
    public static let people = DemoPopulation.minimumPeople...(DemoPopulation.maximumPeople - BenchRegion.outsiderCount)
}
