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

    static let postgres = CentralFixture(description: "PostgreSQL") { _ in
        let url = try PostgresServer.shared().makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        return try PostgresCentral(url: url)
    }

    static let all = [embedded, postgres]
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

    func key(_ issuer: String, _ keyID: String, fill: UInt8 = 1, seal: Bool = false, validTo: Date? = nil,
             revokedAt: Date? = nil) -> IssuerKey {
        IssuerKey(issuer: issuer, keyID: keyID, publicKey: [UInt8](repeating: fill, count: 32),
                  sealKey: seal ? [UInt8](repeating: fill &+ 1, count: 32) : nil, validFrom: monday,
                  validTo: validTo, revokedAt: revokedAt)
    }

    /// Reads the feed from `cursor`, a page at a time, until it has shown at least `count` changes and
    /// reached its end. On a shared server another test's open transaction may hold a change back for
    /// a moment, so an end short of `count` is read again, for at most ten seconds.
    func drain(_ store: CentralStore, from cursor: FeedCursor, expecting count: Int, page: Int = 10) throws
        -> (changes: [FeedChange], cursor: FeedCursor) {
        var changes: [FeedChange] = []
        var cursor = cursor
        let deadline = Date().addingTimeInterval(10)
        while true {
            let next = try store.changes(after: cursor, limit: page)
            changes += next.changes
            cursor = next.next
            if next.atEnd && (changes.count >= count || Date() > deadline) { return (changes, cursor) }
            if next.atEnd { Thread.sleep(forTimeInterval: 0.02) }
        }
    }

    @Test("imported codes come out of the feed a page at a time, and a re-import changes nothing", arguments: CentralFixture.all)
    func feedAndReimport(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        let rows = [code("11010519491231002X", .green), code("110105195001010015", .red)]
        #expect(try store.peopleCount() == 0)
        #expect(try store.importCodes(rows) == ImportSummary(changed: 2))
        #expect(try store.peopleCount() == 2)
        let first = try drain(store, from: .start, expecting: 2, page: 1)
        #expect(first.changes.map(\.record.document) == ["11010519491231002X", "110105195001010015"])
        #expect(first.changes.map(\.record.colour) == [.green, .red])
        #expect(try store.importCodes(rows) == ImportSummary(unchanged: 2))
        _ = try store.importCodes([code("110105195001010023", .yellow)])
        let after = try drain(store, from: first.cursor, expecting: 1)
        #expect(after.changes.map(\.record.document) == ["110105195001010023"], "the re-import put nothing on the feed")
        #expect(try store.peopleCount() == 3)
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

    @Test("a batch mixing an event sent before, new events and awkward text stores each once, receipts in order",
          arguments: CentralFixture.all)
    func mixedBatch(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green), code("110105195001010015", .green)])
        let sent = registration("11010519491231002X", before: .green)
        let earlier = try store.submit([sent])
        let check = GateEvent.check(id: UUID(), at: monday, checkpoint: checkpoint, operatorName: "王 \"班长\" \\ 1",
                                    document: nil, colour: .unknown, verdict: Verdict(decision: .refuse, reasons: [Reason(.noRecord)]),
                                    readings: [], complete: true)
        let batch = [check, sent, registration("110105195001010015", before: .green)]
        let receipts = try store.submit(batch)
        #expect(receipts.map(\.eventID) == batch.map(\.id))
        #expect(receipts.allSatisfy { $0.receivedAt != nil && $0.rejection == nil })
        #expect(receipts[1] == earlier[0], "the event sent before keeps its first receipt")
        let stored = try store.events(limit: 10).map(\.event)
        #expect(stored.count == 3)
        #expect(stored.first { $0.id == check.id } == check)
        #expect(try store.person(document: "110105195001010015")?.colour == .yellow)
    }

    @Test("a registration turns green yellow and publishes it; yellow and red stay", arguments: CentralFixture.all)
    func registrationRule(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([
            code("11010519491231002X", .green), code("110105195001010015", .yellow), code("110105195001010023", .red),
        ])
        let cursor = try drain(store, from: .start, expecting: 3).cursor
        let green = registration("11010519491231002X", before: .green)
        let receipts = try store.submit([
            green, registration("110105195001010015", before: .yellow), registration("110105195001010023", before: .red),
        ])
        let feed = try drain(store, from: cursor, expecting: 1).changes
        #expect(feed.count == 1)
        #expect(feed.first?.record.colour == .yellow)
        #expect(feed.first?.changedBy == green.id)
        #expect(receipts.map(\.eventID) == [green.id] + receipts.dropFirst().map(\.eventID))
        #expect(receipts.allSatisfy { $0.receivedAt != nil && $0.rejection == nil })
        let received = try #require(receipts.first?.receivedAt)
        #expect(feed.first.map { $0.record.colourChangedAt >= received } == true, "the feed row reflects the receipt")
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

    @Test("a file naming a document twice applies its rows in order: the last wins, an older one is stale",
          arguments: CentralFixture.all)
    func duplicateCodes(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        let file = [
            code("11010519491231002X", .green), code("110105195001010015", .yellow),
            code("11010519491231002X", .red, at: monday.addingTimeInterval(60)),
            code("11010519491231002X", .yellow, at: monday.addingTimeInterval(-60)),
            code("110105195001010015", .yellow), code("110105195001010015", .green),
        ]
        #expect(try store.importCodes(file) == ImportSummary(changed: 4, unchanged: 1, stale: 1))
        #expect(try store.person(document: "11010519491231002X")?.colour == .red)
        #expect(try store.person(document: "110105195001010015")?.colour == .green)
        #expect(try store.importCodes(file) == ImportSummary(changed: 2, unchanged: 2, stale: 2),
                "each row counts against the state the row before it left")
        #expect(try store.person(document: "110105195001010015")?.colour == .green)
    }

    @Test("a registration applies on top of each row of a file older than it; a void restores the last row's colour",
          arguments: CentralFixture.all)
    func registrationUnderDuplicateCodes(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green), code("110105195001010015", .green)])
        let first = registration("11010519491231002X", before: .green)
        let second = registration("110105195001010015", before: .green)
        _ = try store.submit([first, second])
        #expect(try store.importCodes([
            code("11010519491231002X", .red, at: monday.addingTimeInterval(60)),
            code("11010519491231002X", .green, at: monday.addingTimeInterval(120)),
            code("110105195001010015", .green, at: monday.addingTimeInterval(60)),
            code("110105195001010015", .red, at: monday.addingTimeInterval(120)),
        ]) == ImportSummary(changed: 3, unchanged: 1))
        #expect(try store.person(document: "11010519491231002X")?.colour == .yellow)
        #expect(try store.person(document: "11010519491231002X")?.reason == "检查点体温异常登记")
        #expect(try store.person(document: "110105195001010015")?.colour == .red)
        _ = try store.submit([GateEvent.void(id: UUID(), at: monday.addingTimeInterval(10_800), checkpoint: checkpoint,
                                             operatorName: "王", registration: first, note: "误登记")])
        #expect(try store.person(document: "11010519491231002X")?.colour == .green, "the colour the last row set")
    }

    @Test("tests naming a person twice in one file apply in order; each row of an unknown person is counted",
          arguments: CentralFixture.all)
    func duplicateTests(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        _ = try store.importCodes([code("11010519491231002X", .green)])
        let pending = NATResult(sampledAt: monday, reportedAt: nil, outcome: .pending, institution: "甲医院")
        let reported = NATResult(sampledAt: monday, reportedAt: monday.addingTimeInterval(3600), outcome: .negative,
                                 institution: "甲医院")
        let corrected = NATResult(sampledAt: monday, reportedAt: monday.addingTimeInterval(7200), outcome: .positive,
                                  institution: "甲医院")
        let summary = try store.importNAT([pending, reported, pending, reported, corrected].map {
            NATRow(document: "11010519491231002X", nat: $0)
        } + [NATRow(document: "110105195001010015", nat: pending), NATRow(document: "110105195001010015", nat: reported)])
        #expect(summary == ImportSummary(changed: 3, unchanged: 1, stale: 1, unknownPeople: 2))
        #expect(try store.person(document: "11010519491231002X")?.nat == corrected)
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

    @Test("registered issuer keys come back whole, by issuer then key id, revoked ones included", arguments: CentralFixture.all)
    func registerAndList(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        #expect(try store.issuerKeys().isEmpty)
        let keys = [
            key("GD", "ffff0000", fill: 3, seal: true, validTo: monday.addingTimeInterval(86_400 * 365)),
            key("BJ", "1a2b3c4d", fill: 1, revokedAt: monday.addingTimeInterval(60)),
            key("GD", "0000ffff", fill: 2),
            key("GD1", "12345678", fill: 5),
            key("GD-2", "12345678", fill: 4),
        ]
        for key in keys { try store.registerIssuerKey(key) }
        #expect(try store.issuerKeys() == [keys[1], keys[2], keys[0], keys[4], keys[3]], "byte order, whatever the collation")
    }

    @Test("a key id its issuer already has is refused in one line, and nothing changes", arguments: CentralFixture.all)
    func duplicateKey(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        let first = key("GD", "1a2b3c4d", fill: 1)
        try store.registerIssuerKey(first)
        let error = #expect(throws: CentralError.self) { try store.registerIssuerKey(key("GD", "1a2b3c4d", fill: 9, seal: true)) }
        #expect(error?.description == "issuer GD already has key 1a2b3c4d")
        #expect(try store.issuerKeys() == [first])
        try store.registerIssuerKey(key("SH", "1a2b3c4d", fill: 9))
        #expect(try store.issuerKeys().count == 2, "another issuer may use the same key id")
    }

    @Test("a key the trust list cannot keep is refused in one line", arguments: CentralFixture.all)
    func malformedKey(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        var short = key("GD", "1a2b3c4d")
        short.publicKey.removeLast()
        var badSeal = key("GD", "1a2b3c4d")
        badSeal.sealKey = [1, 2, 3]
        let refused = [key("gd", "1a2b3c4d"), key("GD", "1A2B3C4D"), key("GD", "1a2b3c"), short, badSeal,
                       key("GD", "1a2b3c4d", validTo: monday)]
        for bad in refused {
            let error = #expect(throws: CentralError.self) { try store.registerIssuerKey(bad) }
            #expect(error?.description.contains("\n") == false)
        }
        #expect(try store.issuerKeys().isEmpty)
    }

    @Test("revoking sets the time once; a second revoke keeps the first; an unknown key is not revoked",
          arguments: CentralFixture.all)
    func revoke(_ fixture: CentralFixture) throws {
        let store = try fixture.make(folder)
        try store.registerIssuerKey(key("GD", "1a2b3c4d"))
        try store.registerIssuerKey(key("GD", "0000ffff"))
        let first = monday.addingTimeInterval(3600)
        #expect(try store.revokeIssuerKey(issuer: "GD", keyID: "1a2b3c4d", at: first))
        #expect(try store.revokeIssuerKey(issuer: "GD", keyID: "1a2b3c4d", at: first.addingTimeInterval(60)))
        let stored = try store.issuerKeys()
        #expect(stored.map(\.revokedAt) == [nil, first], "the other key stays trusted")
        #expect(try store.revokeIssuerKey(issuer: "GD", keyID: "99999999", at: first) == false)
        #expect(try store.revokeIssuerKey(issuer: "SH", keyID: "1a2b3c4d", at: first) == false)
        #expect(try store.issuerKeys() == stored)
    }
}
