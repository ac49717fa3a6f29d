import Central
import Foundation
import HealthCode
import LocalStore
import Testing
import TestSupport

/// A way to make an empty central store for one test; every implementation is listed in `all`.
struct CentralFixture: CustomStringConvertible, Sendable {
    let description: String
    let make: @Sendable (_ folder: String) throws -> CentralStore

    static let embedded = CentralFixture(description: "embedded SQLite") { folder in
        try EmbeddedCentral(path: folder + "/central.sqlite")
    }

    static let all = [embedded]
}

/// The behaviour every central store must show, whatever it is built on.
@Suite("Central store contract")
struct CentralContractTests {
    let temporary = TemporaryDirectory()
    var folder: String { temporary.path }
    let checkpoint = Checkpoint(id: "CP-1", name: "东门")
    let monday = Date(timeIntervalSince1970: 1_764_000_000)

    func code(_ document: String, _ colour: CodeColour, phone: String? = nil, at: Date? = nil) -> CodeRow {
        CodeRow(document: document, nameMasked: "李*", phone: phone, colour: colour, reason: "",
                updatedAt: at ?? monday)
    }

    func registration(_ document: String, before: CodeColour, at: Date? = nil) -> GateEvent {
        GateEvent.registration(id: UUID(), at: at ?? monday.addingTimeInterval(3600), checkpoint: checkpoint,
                               operatorName: "王", document: document, colourBefore: before,
                               readings: [Temperature(tenths: 381), Temperature(tenths: 382)])
    }

    @Test("imported codes come out of the feed in order, and a re-import changes nothing", arguments: CentralFixture.all)
    func feedAndReimport(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        let rows = [code("11010519491231002X", .green), code("110105195001010015", .red)]
        #expect(try store.importCodes(rows) == ImportSummary(changed: 2))
        let first = try store.changes(after: .start, limit: 1)
        #expect(first.changes.map(\.record.document) == ["11010519491231002X"])
        #expect(!first.atEnd)
        let rest = try store.changes(after: first.next, limit: 10)
        #expect(rest.changes.map(\.record.colour) == [.red])
        #expect(rest.atEnd)
        #expect(try store.importCodes(rows) == ImportSummary(unchanged: 2))
        #expect(try store.changes(after: rest.next, limit: 10).changes.isEmpty)
    }

    @Test("an event uploaded twice is stored once, with the same receipt", arguments: CentralFixture.all)
    func idempotentIntake(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        let event = registration("11010519491231002X", before: .green)
        let first = try store.submit([event])
        let second = try store.submit([event])
        #expect(first == second)
        #expect(try store.events(limit: 10).count == 1)
        #expect(try store.person(document: "11010519491231002X")?.colour == .yellow)
    }

    @Test("a registration turns green yellow and publishes it; yellow and red stay", arguments: CentralFixture.all)
    func registrationRule(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([
            code("11010519491231002X", .green), code("110105195001010015", .yellow), code("110105195001010023", .red),
        ])
        let cursor = try store.changes(after: .start, limit: 10).next
        let green = registration("11010519491231002X", before: .green)
        let receipts = try store.submit([
            green, registration("110105195001010015", before: .yellow), registration("110105195001010023", before: .red),
        ])
        let feed = try store.changes(after: cursor, limit: 10).changes
        #expect(feed.count == 1)
        #expect(feed.first?.record.colour == .yellow)
        #expect(feed.first?.changedBy == green.id)
        #expect(receipts.map(\.eventID).count == 3)
        #expect(feed.first.map { $0.record.colourChangedAt >= receipts[0].receivedAt } == true,
                "the feed row reflects the receipt")
        #expect(try store.person(document: "110105195001010015")?.colour == .yellow)
        #expect(try store.person(document: "110105195001010023")?.colour == .red)
    }

    @Test("a void restores the colour, unless a later change intervened", arguments: CentralFixture.all)
    func voids(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green), code("110105195001010015", .green)])
        let first = registration("11010519491231002X", before: .green)
        let second = registration("110105195001010015", before: .green)
        _ = try store.submit([first, second])
        _ = try store.importCodes([code("110105195001010015", .red, at: monday.addingTimeInterval(7200))])
        let later = monday.addingTimeInterval(10_800)
        _ = try store.submit([
            GateEvent.void(id: UUID(), at: later, checkpoint: checkpoint, operatorName: "王", registration: first, note: "误登记"),
            GateEvent.void(id: UUID(), at: later, checkpoint: checkpoint, operatorName: "王", registration: second, note: "误登记"),
        ])
        #expect(try store.person(document: "11010519491231002X")?.colour == .green)
        #expect(try store.person(document: "110105195001010015")?.colour == .red)
    }

    @Test("re-importing the authority's row keeps a registration made since; a newer row decides again",
          arguments: CentralFixture.all)
    func registrationAndAuthority(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        _ = try store.submit([registration("11010519491231002X", before: .green)])
        #expect(try store.importCodes([code("11010519491231002X", .green)]) == ImportSummary(unchanged: 1))
        #expect(try store.person(document: "11010519491231002X")?.colour == .yellow)
        #expect(try store.importCodes([code("11010519491231002X", .green, at: monday.addingTimeInterval(-60))])
            == ImportSummary(stale: 1))
        let later = Date().addingTimeInterval(3600)
        #expect(try store.importCodes([code("11010519491231002X", .green, at: later)]) == ImportSummary(changed: 1))
        #expect(try store.person(document: "11010519491231002X")?.colour == .green, "the authority cleared the person after the registration")
    }

    @Test("an authority red set before a registration but imported after it is not lost", arguments: CentralFixture.all)
    func redImportedLate(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        _ = try store.submit([registration("11010519491231002X", before: .green)])
        _ = try store.importCodes([code("11010519491231002X", .red, at: Date().addingTimeInterval(-600))])
        #expect(try store.person(document: "11010519491231002X")?.colour == .red)
    }

    @Test("a void restores the store's own colour, not the one the console had cached", arguments: CentralFixture.all)
    func voidRestoresCentralColour(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        let stale = registration("11010519491231002X", before: .yellow)
        _ = try store.submit([stale])
        _ = try store.submit([GateEvent.void(id: UUID(), at: monday.addingTimeInterval(7200), checkpoint: checkpoint,
                                             operatorName: "王", registration: stale, note: "误登记")])
        #expect(try store.person(document: "11010519491231002X")?.colour == .green)
    }

    @Test("tests: the latest sample is kept; tests of unknown people are counted, not stored", arguments: CentralFixture.all)
    func tests(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        let newer = NATResult(sampledAt: monday, reportedAt: monday.addingTimeInterval(3600), outcome: .negative, institution: "甲医院")
        let older = NATResult(sampledAt: monday.addingTimeInterval(-86_400), reportedAt: nil, outcome: .pending, institution: "乙医院")
        let summary = try store.importNAT([
            NATRow(document: "11010519491231002X", nat: newer), NATRow(document: "11010519491231002X", nat: older),
            NATRow(document: "110105195001010015", nat: newer),
        ])
        #expect(summary == ImportSummary(changed: 1, stale: 1, unknownPeople: 1))
        #expect(try store.person(document: "11010519491231002X")?.nat == newer)
    }

    @Test("a phone finds the whole family; a checkpoint is stored with its rules", arguments: CentralFixture.all)
    func phoneAndCheckpoint(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([
            code("11010519491231002X", .green, phone: "13800138000"), code("110105195001010015", .green, phone: "13800138000"),
        ])
        #expect(try store.people(phone: "13800138000").count == 2)
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 48
        try store.saveCheckpoint(Checkpoint(id: "CP-2", name: "超市入口", kind: .market, rules: rules))
        #expect(try store.checkpoint(id: "CP-2")?.rules.maxNATAgeHours == 48)
        #expect(try store.checkpoint(id: "CP-3") == nil)
    }
}
