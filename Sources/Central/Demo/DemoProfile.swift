import HealthCode

/// Everything decided about one demo person before their rows are written.
struct DemoProfile {
    /// Which birth years a person's ID number gets.
    enum Age {
        case adult, elderly, child

        var birthYears: ClosedRange<Int> {
            switch self {
            case .adult: 1960...2004
            case .elderly: 1930...1955
            case .child: 2012...2024
            }
        }
    }

    /// The kind of document the person is known by.
    enum DocumentKind {
        case resident, hongKongMacau, taiwan, passport
    }

    /// Whose phone is on the person's code.
    enum PhonePlan {
        case own, none
        /// The proxy applicant's phone, shared by the family in this block (代申领).
        case family(block: Int)
    }

    /// The latest test, as hours before now.
    enum NATPlan {
        case none, pending
        case negative(hours: ClosedRange<Int>)
        case positive
    }

    var age: Age
    var document = DocumentKind.resident
    var phone: PhonePlan
    var colour = CodeColour.green
    /// The reason for the colour; drawn from the colour's list when nil.
    var reason: String?
    var nat: NATPlan
    /// A family's shared surname; drawn when nil.
    var surname: String?

    /// A person not in a family: any age, mostly resident, mostly green.
    static func ordinary(using rng: inout SplitMix64) -> DemoProfile {
        let age = rng.pick(weighted: [(Age.child, 15), (.adult, 65), (.elderly, 20)])
        let foreign = rng.below(1000) < 12
        let document = foreign ? rng.pick(weighted: [(DocumentKind.hongKongMacau, 2), (.taiwan, 1), (.passport, 1)])
            : .resident
        let phone = rng.chance(age == .adult ? 88 : 55) ? PhonePlan.own : .none
        return healthy(age: foreign ? .adult : age, document: document, phone: phone, using: &rng)
    }

    /// A member of a proxy-phone family: elderly or a child, under the family's phone and surname.
    static func familyMember(block: Int, surname: String, using rng: inout SplitMix64) -> DemoProfile {
        let age = rng.chance(60) ? Age.elderly : .child
        var profile = healthy(age: age, document: .resident, phone: .family(block: block), using: &rng)
        profile.surname = surname
        return profile
    }

    /// A colour, a reason and a test drawn in the population's proportions.
    static func healthy(age: Age, document: DocumentKind, phone: PhonePlan, using rng: inout SplitMix64) -> DemoProfile {
        let colour = rng.pick(weighted: [(CodeColour.green, 85), (.yellow, 10), (.red, 5)])
        let reason = rng.pick(weighted: DemoVocabulary.reasons(for: colour))
        let nat = DemoVocabulary.infections.contains(reason) ? NATPlan.positive : rng.pick(weighted: [
            (NATPlan.negative(hours: 3...23), 42), (.negative(hours: 24...47), 15), (.negative(hours: 48...71), 10),
            (.negative(hours: 72...168), 10), (.pending, 6), (.none, 17),
        ])
        return DemoProfile(age: age, document: document, phone: phone, colour: colour, reason: reason, nat: nat)
    }
}
