import Foundation
import HealthCode

/// A deterministic made-up population for demonstrations: anyone in it is generated on demand from the seed and their index.
public struct DemoPopulation: Sequence, Sendable {
    public static let minimumPeople = 20
    /// The most people with distinct ID numbers this generator can make.
    public static let maximumPeople = DemoVocabulary.provinces.count * DemoVocabulary.cities
        * DemoVocabulary.counties * 1000

    public let people: Int
    public let seed: UInt64
    /// The moment the population's colours and tests are relative to.
    public let now: Date
    public let timeZone: TimeZone
    /// People to try at the console, each with what the console should do.
    public private(set) var samples: [DemoSample] = []

    /// `now` to the whole second, so written times read back unchanged.
    let clock: Date
    let today: CivilDate
    let identities: IndexPermutation
    let phoneNumbers: IndexPermutation
    /// The blocks of four people whose profiles are fixed, for the samples.
    let scriptedBlocks: [Int]

    /// Nil unless `people` is within `minimumPeople...maximumPeople` and `now` is after 1930.
    public init?(people: Int = 10_000, seed: UInt64, now: Date, timeZone: TimeZone) {
        guard (Self.minimumPeople...Self.maximumPeople).contains(people) else { return nil }
        let today = CivilDate(now, in: timeZone)
        guard today.year > 1930 else { return nil }
        self.people = people
        self.seed = seed
        self.now = now
        self.timeZone = timeZone
        self.today = today
        clock = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        var keys = SplitMix64(seed: seed, stream: .keys, index: 0)
        identities = IndexPermutation(size: Self.maximumPeople, key: keys.next())
        phoneNumbers = IndexPermutation(size: Self.maximumPeople, key: keys.next())
        let spacing = people / 4 / DemoScript.blocks.count
        let offset = Int(seed % UInt64(spacing))
        scriptedBlocks = DemoScript.blocks.indices.map { $0 * spacing + offset }
        samples = DemoScript.samples(in: self)
    }

    /// Person `index` (from 0) as the two feeds would carry them; nil outside `0..<people`.
    public func person(_ index: Int) -> (code: CodeRow, nat: NATRow?)? {
        guard (0..<people).contains(index) else { return nil }
        var rng = SplitMix64(seed: seed, stream: .person, index: index)
        return rows(index: index, profile: profile(index, using: &rng), using: &rng)
    }

    public func makeIterator() -> Iterator {
        Iterator(population: self)
    }

    /// Steps through the population in index order.
    public struct Iterator: IteratorProtocol {
        let population: DemoPopulation
        var index = 0

        public mutating func next() -> (code: CodeRow, nat: NATRow?)? {
            guard index < population.people else { return nil }
            index += 1
            return population.person(index - 1)
        }
    }

    public var underestimatedCount: Int { people }

    /// The profile of person `index`: scripted, a family member, or ordinary.
    func profile(_ index: Int, using rng: inout SplitMix64) -> DemoProfile {
        let block = index / 4
        let position = index % 4
        let family = familyPlan(block)
        if let script = scriptedBlocks.firstIndex(of: block) {
            return DemoScript.blocks[script][position].profile(block: block, surname: family.surname)
        }
        guard position < family.size else { return DemoProfile.ordinary(using: &rng) }
        return DemoProfile.familyMember(block: block, surname: family.surname, using: &rng)
    }

    /// How many of a block's four people share a proxy phone (0 for none), and their surname.
    func familyPlan(_ block: Int) -> (size: Int, surname: String) {
        var rng = SplitMix64(seed: seed, stream: .family, index: block)
        let surname = rng.pick(DemoVocabulary.surnames)
        guard rng.chance(12) else { return (0, surname) }
        let size = Swift.min(rng.pick(weighted: [(2, 45), (3, 35), (4, 20)]), people - block * 4)
        return (size >= 2 ? size : 0, surname)
    }
}
