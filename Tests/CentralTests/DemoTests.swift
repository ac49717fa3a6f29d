import Foundation
import HealthCode
import Testing
@testable import Central

private let now = Date(timeIntervalSince1970: 1_795_775_400)  // 2026-11-27T18:30:00+08:00
private let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
private let today = CivilDate(now, in: shanghai)

private func population(_ people: Int, seed: UInt64 = 7) throws -> DemoPopulation {
    try #require(DemoPopulation(people: people, seed: seed, now: now, timeZone: shanghai))
}

private func hours(_ nat: NATResult) -> Double {
    now.timeIntervalSince(nat.sampledAt) / 3600
}

/// A population's people, read once, with lookups by document and by phone.
private struct Everyone {
    let people: [(code: CodeRow, nat: NATRow?)]
    let byDocument: [String: (code: CodeRow, nat: NATRow?)]
    let byPhone: [String: [CodeRow]]

    init(_ population: DemoPopulation) {
        people = Array(population)
        byDocument = Dictionary(people.map { ($0.code.document, $0) }, uniquingKeysWith: { first, _ in first })
        byPhone = Dictionary(grouping: people.map(\.code).filter { $0.phone != nil }, by: { $0.phone ?? "" })
    }
}

/// Tests of the demo population: deterministic, valid, every case present.
@Suite struct DemoTests {
    @Test func sameInputsGiveTheSamePeopleAndSamples() throws {
        let one = try population(500)
        let two = try population(500)
        let other = try population(500, seed: 8)
        for index in [0, 1, 77, 250, 499] {
            #expect(one.person(index)?.code == two.person(index)?.code)
            #expect(one.person(index)?.nat == two.person(index)?.nat)
        }
        #expect(one.samples == two.samples)
        #expect(Array(one).map(\.code) == Array(two).map(\.code))
        #expect(Array(one).map(\.code.document) != Array(other).map(\.code.document))
    }

    @Test func sizesOutsideTheRangeAreRefused() {
        #expect(DemoPopulation(people: 19, seed: 1, now: now, timeZone: shanghai) == nil)
        #expect(DemoPopulation(people: DemoPopulation.maximumPeople + 1, seed: 1, now: now, timeZone: shanghai) == nil)
        #expect(DemoPopulation(people: 20, seed: 1, now: now, timeZone: shanghai)?.person(20) == nil)
    }

    @Test func documentsAreValidUniqueAndVaried() throws {
        let everyone = Everyone(try population(5000))
        #expect(everyone.people.count == 5000)
        #expect(everyone.byDocument.count == 5000)
        var residents: [ResidentID] = []
        var others = 0
        for person in everyone.people {
            switch Document.parse(person.code.document, today: today) {
            case .success(.resident(let id)):
                #expect(id.number == person.code.document)
                #expect((1930...2024).contains(id.birthDate.year))
                residents.append(id)
            case .success(let document):
                #expect(document.key == person.code.document)
                others += 1
            case .failure(let problem):
                Issue.record("invalid document: \(problem)")
            }
        }
        #expect((20...150).contains(others))
        let ages = residents.map { $0.age(on: today) }
        #expect(ages.contains { $0 < 14 } && ages.contains { $0 > 70 } && ages.contains { (30...50).contains($0) })
        let men = residents.filter { $0.sex == .male }.count
        #expect((2000...3000).contains(men))
        #expect(Set(residents.map { $0.number.prefix(2) }).count > 25)
    }

    @Test func namesAreMaskedChinese() throws {
        for (code, _) in try population(300) {
            #expect(code.nameMasked == Masking.name(code.nameMasked))
            #expect(code.nameMasked.contains("*"))
            #expect(code.nameMasked.unicodeScalars.first.map { $0.value >= 0x4E00 } == true)
        }
    }

    @Test func coloursAndTestsAreMixed() throws {
        let everyone = Everyone(try population(5000))
        let colours = Dictionary(grouping: everyone.people, by: \.code.colour).mapValues(\.count)
        #expect((4000...4500).contains(colours[.green] ?? 0))
        #expect((350...650).contains(colours[.yellow] ?? 0))
        #expect((150...350).contains(colours[.red] ?? 0))
        #expect(colours[.unknown] == nil)
        #expect(everyone.people.allSatisfy { $0.code.colour == .green || !$0.code.reason.isEmpty })
        #expect(everyone.people.allSatisfy { $0.code.updatedAt <= now && $0.code.updatedAt > now - 43 * 86_400 })
        let tests = everyone.people.compactMap(\.nat?.nat)
        let negatives = tests.filter { $0.outcome == .negative }.map(hours)
        #expect(negatives.contains { $0 < 24 })
        #expect(negatives.contains { (24..<48).contains($0) })
        #expect(negatives.contains { (48..<72).contains($0) })
        #expect(negatives.contains { $0 >= 72 })
        #expect(tests.contains { $0.outcome == .pending && $0.reportedAt == nil })
        #expect(tests.allSatisfy { ($0.reportedAt ?? now) <= now && $0.sampledAt <= ($0.reportedAt ?? now) })
        #expect(everyone.people.contains { $0.nat == nil })
        let positives = everyone.people.filter { $0.nat?.nat.outcome == .positive }
        #expect(!positives.isEmpty)
        #expect(positives.allSatisfy { $0.code.colour == .red })
        #expect(everyone.people.contains { $0.code.colour == .red && $0.nat?.nat.outcome != .positive })
        #expect(everyone.people.allSatisfy { $0.nat == nil || $0.nat?.document == $0.code.document })
    }

    @Test func familiesShareAPhoneAndOthersHaveTheirOwnOrNone() throws {
        let everyone = Everyone(try population(5000))
        let shared = everyone.byPhone.values.filter { $0.count > 1 }
        #expect(shared.count > 50)
        #expect(shared.allSatisfy { (2...4).contains($0.count) })
        #expect(Set(shared.map(\.count)) == [2, 3, 4])
        for family in shared {
            #expect(Set(family.map { $0.nameMasked.prefix(1) }).count == 1, "a family shares a surname")
            for member in family {
                let age = Document.parse(member.document, today: today).map { $0.age(on: today) ?? -1 }
                #expect((try? age.get()).map { $0 < 16 || $0 >= 70 } == true)
            }
        }
        #expect(everyone.byPhone.values.filter { $0.count == 1 }.count > 2500)
        #expect(everyone.people.filter { $0.code.phone == nil }.count > 300)
        for phone in everyone.byPhone.keys {
            #expect(ScanInput.classify(phone, today: today) == .phone(phone))
        }
    }

    @Test(arguments: [20, 21, 101, 5000])
    func everySampleHasItsProperty(people: Int) throws {
        let population = try population(people, seed: UInt64(people))
        let everyone = Everyone(population)
        #expect(population.samples.map(\.kind) == DemoSample.Kind.allCases)
        for sample in population.samples {
            #expect(!sample.label.isEmpty && !sample.expected.isEmpty)
            let found = everyone.byDocument[sample.query]
            let nat = found?.nat?.nat
            switch sample.kind {
            case .greenFreshNegative:
                #expect(found?.code.colour == .green && nat?.outcome == .negative && nat.map(hours).map { $0 < 24 } == true)
            case .greenOldNAT:
                #expect(found?.code.colour == .green && nat?.outcome == .negative && nat.map(hours).map { $0 > 72 } == true)
            case .greenPendingNAT:
                #expect(found?.code.colour == .green && nat?.outcome == .pending)
            case .greenNoNAT:
                #expect(found?.code.colour == .green && found != nil && nat == nil)
            case .yellow:
                #expect(found?.code.colour == .yellow)
            case .red:
                #expect(found?.code.colour == .red && nat?.outcome == .positive)
            case .proxyFamily:
                #expect(ScanInput.classify(sample.query, today: today) == .phone(sample.query))
                #expect(everyone.byPhone[sample.query]?.count == 3)
            case .hongKongMacau:
                #expect(sample.query.hasPrefix("HKM:") && found?.code.colour == .green)
            case .taiwan:
                #expect(sample.query.hasPrefix("TW:") && nat.map(hours).map { (24..<48).contains($0) } == true)
            case .passport:
                #expect(sample.query.hasPrefix("PP:") && found?.code.colour == .green)
            case .unknown:
                #expect(found == nil)
                guard case .success(.resident) = Document.parse(sample.query, today: today) else {
                    Issue.record("the unknown sample is not a valid ID number")
                    continue
                }
            }
        }
    }

    @Test func aPopulationOfTenMillionIsGeneratedOnDemand() throws {
        let population = try population(10_000_000)
        #expect(population.samples.count == DemoSample.Kind.allCases.count)
        let last = try #require(population.person(9_999_999))
        #expect((try? Document.parse(last.code.document, today: today).get()) != nil)
        #expect(population.underestimatedCount == 10_000_000)
    }

    @Test func demoRowsSurviveTheFeeds() throws {
        let people = Array(try population(400))
        let codes = [CodesFeed.header] + people.map { CodesFeed.line($0.code, in: shanghai) }
        let tests = [NATFeed.header] + people.compactMap(\.nat).map { NATFeed.line($0, in: shanghai) }
        let codeParse = CodesFeed.parse(Data(codes.joined(separator: CSVWriter.newline).utf8), today: today)
        let natParse = NATFeed.parse(Data(tests.joined(separator: CSVWriter.newline).utf8), today: today)
        #expect(codeParse.problems == [])
        #expect(natParse.problems == [])
        #expect(codeParse.rows == people.map(\.code))
        #expect(natParse.rows == people.compactMap(\.nat))
    }
}
