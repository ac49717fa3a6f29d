import HealthCode

/// The fixed people the samples point at: three blocks of four, spread across the population.
enum DemoScript {
    /// One scripted person: who they are and the sample they stand for, if any.
    struct Entry {
        var sample: DemoSample.Kind?
        var age = DemoProfile.Age.adult
        var document = DemoProfile.DocumentKind.resident
        var family = false
        var colour = CodeColour.green
        var reason: String?
        var nat: DemoProfile.NATPlan

        func profile(block: Int, surname: String) -> DemoProfile {
            DemoProfile(age: age, document: document, phone: family ? .family(block: block) : .own, colour: colour,
                        reason: reason ?? (colour == .green ? "" : nil), nat: nat, surname: family ? surname : nil)
        }
    }

    static let fresh = DemoProfile.NATPlan.negative(hours: 4...22)

    static let blocks: [[Entry]] = [
        [
            Entry(sample: .proxyFamily, age: .elderly, family: true, nat: fresh),
            Entry(age: .elderly, family: true, nat: .negative(hours: 26...40)),
            Entry(age: .child, family: true, nat: .none),
            Entry(sample: .greenFreshNegative, nat: fresh),
        ],
        [
            Entry(sample: .greenOldNAT, nat: .negative(hours: 96...160)),
            Entry(sample: .greenPendingNAT, nat: .pending),
            Entry(sample: .greenNoNAT, nat: .none),
            Entry(sample: .yellow, colour: .yellow, reason: "密接居家隔离", nat: fresh),
        ],
        [
            Entry(sample: .red, colour: .red, reason: "确诊", nat: .positive),
            Entry(sample: .hongKongMacau, document: .hongKongMacau, nat: fresh),
            Entry(sample: .passport, document: .passport, nat: fresh),
            Entry(sample: .taiwan, document: .taiwan, nat: .negative(hours: 29...31)),
        ],
    ]

    /// One sample per kind, in `DemoSample.Kind` order, pointing at the scripted people of `population`.
    static func samples(in population: DemoPopulation) -> [DemoSample] {
        var queries: [DemoSample.Kind: String] = [:]
        for (script, entries) in blocks.enumerated() {
            for (position, entry) in entries.enumerated() {
                guard let kind = entry.sample,
                      let person = population.person(population.scriptedBlocks[script] * 4 + position)
                else { continue }
                queries[kind] = kind == .proxyFamily ? person.code.phone : person.code.document
            }
        }
        var rng = SplitMix64(seed: population.seed, stream: .script, index: 0)
        queries[.unknown] = ResidentNumber.make(region: DemoVocabulary.regionOutsidePopulation,
                                                birth: population.birthDate(.adult, using: &rng),
                                                sequence: rng.below(1000))
        return DemoSample.Kind.allCases.compactMap { kind in queries[kind].map { DemoSample(kind: kind, query: $0) } }
    }
}
