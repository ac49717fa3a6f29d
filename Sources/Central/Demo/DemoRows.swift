import Foundation
import HealthCode

/// Turns a demo person's profile into the rows the codes and test feeds would carry.
extension DemoPopulation {
    func rows(index: Int, profile: DemoProfile, using rng: inout SplitMix64) -> (code: CodeRow, nat: NATRow?) {
        let document = documentKey(index: index, profile: profile, using: &rng)
        let surname = profile.surname ?? rng.pick(DemoVocabulary.surnames)
        let givenLength = rng.chance(70) ? 2 : 1
        let name = surname + (0..<givenLength).map { _ in rng.pick(DemoVocabulary.givenCharacters) }.joined()
        let phone: String? = switch profile.phone {
        case .own: phoneNumber(owner: index)
        case .none: nil
        case .family(let block): phoneNumber(owner: block * 4)
        }
        let reason = profile.reason ?? rng.pick(weighted: DemoVocabulary.reasons(for: profile.colour))
        let changedSecondsAgo = switch profile.colour {
        case .green, .unknown: rng.inRange(86_400...42 * 86_400)
        case .yellow: rng.inRange(2 * 3600...7 * 86_400)
        case .red: rng.inRange(2 * 3600...14 * 86_400)
        }
        let code = CodeRow(document: document, nameMasked: Masking.name(name), phone: phone, colour: profile.colour,
                           reason: reason, updatedAt: ago(changedSecondsAgo))
        let nat = test(profile.nat, using: &rng).map { NATRow(document: document, nat: $0) }
        return (code, nat)
    }

    /// The document key; distinct for distinct indices, since each index has its own identity slot.
    func documentKey(index: Int, profile: DemoProfile, using rng: inout SplitMix64) -> String {
        let slot = identities(index)
        switch profile.document {
        case .resident:
            let sequence = slot % 1000
            let county = slot / 1000 % DemoVocabulary.counties + 1
            let city = slot / 1000 / DemoVocabulary.counties % DemoVocabulary.cities + 1
            let province = DemoVocabulary.provinces[slot / 1000 / DemoVocabulary.counties / DemoVocabulary.cities]
            let region = province * 10_000 + city * 100 + county
            return ResidentNumber.make(region: region, birth: birthDate(profile.age, using: &rng), sequence: sequence)
        case .hongKongMacau:
            return "HKM:" + (rng.chance(80) ? "H" : "M") + TextFormat.zeroPadded(slot, width: 8)
        case .taiwan:
            return "TW:" + TextFormat.zeroPadded(slot, width: 8)
        case .passport:
            return "PP:" + rng.pick(["E", "G", "K", "P"]) + TextFormat.zeroPadded(slot, width: 8)
        }
    }

    /// A birth date in the age group's years, never after today nor outside 1930–2024.
    func birthDate(_ age: DemoProfile.Age, using rng: inout SplitMix64) -> (year: Int, month: Int, day: Int) {
        let latest = Swift.min(DayNumber.of(year: 2024, month: 12, day: 31), DayNumber.of(today))
        let earliest = DayNumber.of(year: 1930, month: 1, day: 1)
        var low = DayNumber.of(year: age.birthYears.lowerBound, month: 1, day: 1)
        var high = Swift.min(DayNumber.of(year: age.birthYears.upperBound, month: 12, day: 31), latest)
        if high < low {
            (low, high) = (earliest, latest)
        }
        return DayNumber.civil(rng.inRange(low...high))
    }

    /// The phone of `owner`: the person themselves, or the first index of a family's block.
    func phoneNumber(owner: Int) -> String {
        var rng = SplitMix64(seed: seed, stream: .phone, index: owner)
        return rng.pick(DemoVocabulary.phonePrefixes) + TextFormat.zeroPadded(phoneNumbers(owner), width: 8)
    }

    func test(_ plan: DemoProfile.NATPlan, using rng: inout SplitMix64) -> NATResult? {
        let institution = rng.pick(DemoVocabulary.institutions)
        switch plan {
        case .none:
            return nil
        case .pending:
            return NATResult(sampledAt: ago(rng.inRange(3600...10 * 3600)), reportedAt: nil, outcome: .pending,
                             institution: institution)
        case .negative(let hours):
            let age = rng.inRange(hours.lowerBound * 3600...hours.upperBound * 3600 + 3599)
            let delay = rng.inRange(2 * 3600...Swift.min(8 * 3600, age - 600))
            return NATResult(sampledAt: ago(age), reportedAt: ago(age - delay), outcome: .negative,
                             institution: institution)
        case .positive:
            let age = rng.inRange(24 * 3600...96 * 3600)
            return NATResult(sampledAt: ago(age), reportedAt: ago(age - rng.inRange(4 * 3600...12 * 3600)),
                             outcome: .positive, institution: institution)
        }
    }

    func ago(_ seconds: Int) -> Date {
        clock.addingTimeInterval(-Double(seconds))
    }
}
