import Central
import Foundation
import HealthCode
import LocalStore
import Testing
import TestSupport
@testable import Sync

/// Push, pull and the background service, with faults injected between them and the central store.
@Suite("Sync")
struct SyncTests {
    let temporary = TemporaryDirectory()
    var folder: String { temporary.path }
    let checkpoint = Checkpoint(id: "CP-1", name: "东门")
    let monday = Date(timeIntervalSince1970: 1_764_000_000)
    let document = "11010519491231002X"

    func central() throws -> EmbeddedCentral { try EmbeddedCentral(path: folder + "/central.sqlite") }
    func cache(_ name: String) throws -> LocalCache { try LocalCache(path: folder + "/" + name + ".sqlite") }

    func population(_ store: CentralStore, count: Int) throws {
        let rows = (0..<count).map { index in
            CodeRow(document: String(format: "PP:E%08d", index), nameMasked: "赵*", phone: nil,
                    colour: index % 10 == 0 ? .yellow : .green, reason: "", updatedAt: monday)
        }
        _ = try store.importCodes(rows + [CodeRow(document: document, nameMasked: "张*三", phone: nil, colour: .green,
                                                 reason: "", updatedAt: monday)])
    }

    func register(_ cache: LocalCache) throws {
        let readings = [Temperature(tenths: 385), Temperature(tenths: 386)]
        let verdict = Verdict(decision: .refuse, reasons: [Reason(.feverConfirmed, value: 386)], registers: true)
        try cache.record(
            check: GateEvent.check(id: UUID(), at: monday.addingTimeInterval(60), checkpoint: checkpoint, operatorName: "王",
                                   document: document, colour: .yellow, verdict: verdict, readings: readings, complete: true),
            registration: GateEvent.registration(id: UUID(), at: monday.addingTimeInterval(60), checkpoint: checkpoint,
                                                 operatorName: "王", document: document, colourBefore: .green, readings: readings))
    }

    @Test("a registration reaches every other console after sync")
    func registrationTravels() throws {
        let store = try central()
        try population(store, count: 50)
        let gate = try cache("gate")
        let station = try cache("station")
        try SyncEngine(cache: gate, central: store).run()
        try SyncEngine(cache: station, central: store).run()
        try register(gate)
        #expect(try gate.person(document: document)?.colour == .yellow)
        #expect(try station.person(document: document)?.colour == .green)
        let summary = try SyncEngine(cache: gate, central: store).run()
        #expect(summary.pushed == 2)
        #expect(summary.backlog == 0)
        try SyncEngine(cache: station, central: store).run()
        #expect(try station.person(document: document)?.colour == .yellow)
        #expect(try gate.person(document: document)?.colour == .yellow)
    }

    @Test("with the central store unreachable, sync fails with a message and the outbox keeps every event")
    func unreachable() throws {
        let gate = try cache("gate")
        try register(gate)
        let missing = folder + "/no-such-folder/central.sqlite"
        #expect(throws: CentralError.self) { _ = try EmbeddedCentral(path: missing) }
        let service = SyncService(cachePath: folder + "/gate.sqlite", openCentral: { try EmbeddedCentral(path: missing) },
                                  interval: 0.05, maxBackoff: 0.05)
        service.start()
        defer { service.stop() }
        let deadline = Date().addingTimeInterval(10)
        while service.status().online != false && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let status = service.status()
        #expect(status.online == false)
        #expect(status.lastError?.contains("unreachable") == true)
        #expect(status.backlog == 2)
        #expect(try gate.backlog() == 2)
    }

    @Test("a connection lost between the central commit and the mark leaves no duplicate")
    func lostAcknowledgement() throws {
        let store = try central()
        try population(store, count: 5)
        let gate = try cache("gate")
        try register(gate)
        let faulty = FaultyCentral(store)
        faulty.failAfterCommit = true
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: faulty).run() }
        #expect(try gate.backlog() == 2, "not marked: the acknowledgement never came")
        faulty.failAfterCommit = false
        try SyncEngine(cache: gate, central: faulty).run()
        #expect(try gate.backlog() == 0)
        #expect(try store.events(limit: 100).count == 2)
        #expect(try store.person(document: document)?.colour == .yellow)
    }

    @Test("a pull cut mid-way keeps the batches it committed and resumes to equal central")
    func interruptedPull() throws {
        let store = try central()
        try population(store, count: 999)
        let gate = try cache("gate")
        let faulty = FaultyCentral(store)
        faulty.failChangesAfterCalls = 3
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: faulty, pullBatch: 100).run() }
        #expect(try gate.peopleCount() == 300)
        try SyncEngine(cache: gate, central: store, pullBatch: 100).run()
        #expect(try gate.peopleCount() == 1000)
        let centralRows = try store.changes(after: .start, limit: 2000).changes.map(\.record)
        let cachedRows = try centralRows.map { try gate.person(document: $0.document) }
        #expect(cachedRows == centralRows)
    }

    @Test("the background service syncs on its own and reports online")
    func service() throws {
        let store = try central()
        try population(store, count: 10)
        let path = folder + "/gate.sqlite"
        try register(try LocalCache(path: path))
        let centralPath = folder + "/central.sqlite"
        let service = SyncService(cachePath: path, openCentral: { try EmbeddedCentral(path: centralPath) }, interval: 0.05)
        service.start()
        defer { service.stop() }
        let deadline = Date().addingTimeInterval(10)
        while service.status().online != true && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(service.status().online == true)
        #expect(service.status().backlog == 0)
        #expect(try store.person(document: document)?.colour == .yellow)
    }

    @Test("the background service folds a pass's changes into the people table after the pass")
    func serviceFolds() throws {
        let store = try central()
        try population(store, count: 10)
        let path = folder + "/gate.sqlite"
        let centralPath = folder + "/central.sqlite"
        let service = SyncService(cachePath: path, openCentral: { try EmbeddedCentral(path: centralPath) }, interval: 0.05)
        service.start()
        defer { service.stop() }
        let gate = try LocalCache(path: path)
        #expect(try Poll.until(10) { try gate.peopleCount() == 11 }, "the first sync")
        _ = try store.importCodes([CodeRow(document: document, nameMasked: "张*三", phone: nil, colour: .red,
                                           reason: "密接", updatedAt: monday.addingTimeInterval(3600))])
        let folded = try Poll.until(10) {
            try gate.recentChangeCount() == 0
                && gate.database.queryFirst("SELECT colour FROM people WHERE document = ?", [.text(document)]) { $0.string(0) } == "red"
        }
        #expect(folded, "the change reached the people table itself")
        #expect(try gate.person(document: document)?.colour == .red)
    }

    @Test("a push that fails does not hold back the pull: colours still arrive, events stay queued")
    func failedPushStillPulls() throws {
        let store = try central()
        try population(store, count: 20)
        let gate = try cache("gate")
        try register(gate)
        let faulty = FaultyCentral(store)
        faulty.failSubmit = true
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: faulty).run() }
        #expect(try gate.peopleCount() == 21)
        #expect(try gate.backlog() == 2)
        #expect(try gate.person(document: document)?.colour == .yellow, "the unsent registration still shows")
    }

    @Test("a central store rebuilt from scratch: the console syncs again in full and keeps its outbox")
    func rebuiltStore() throws {
        let first = try central()
        try population(first, count: 30)
        let gate = try cache("gate")
        try SyncEngine(cache: gate, central: first).run()
        let faulty = FaultyCentral(first)
        faulty.failSubmit = true
        try register(gate)
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: faulty).run() }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: folder + "/central.sqlite" + suffix) }
        let rebuilt = try central()
        try population(rebuilt, count: 5)
        let summary = try SyncEngine(cache: gate, central: rebuilt).run()
        #expect(summary.restarted)
        #expect(try gate.peopleCount() == 6, "only the rebuilt store's people")
        #expect(summary.backlog == 0)
        #expect(try rebuilt.events(limit: 10).count == 2, "the outbox survived and was delivered")
        #expect(try rebuilt.person(document: document)?.colour == .yellow)
    }

    @Test("an online lookup answers within its deadline, and a late answer is kept for the next scan")
    func onlineLookup() throws {
        let path = folder + "/central.sqlite"
        try population(try central(), count: 3)
        let quick = OnlineLookup(openCentral: { try EmbeddedCentral(path: path) })
        #expect(quick.person(document: document, timeout: 5)?.colour == .green)
        #expect(quick.person(document: "PP:E99999999", timeout: 5) == nil)
        let slow = OnlineLookup(openCentral: {
            let faulty = FaultyCentral(try EmbeddedCentral(path: path))
            faulty.lookupDelay = 0.5
            return faulty
        })
        #expect(slow.person(document: document, timeout: 0.05) == nil, "the gate does not wait")
        Thread.sleep(forTimeInterval: 1)
        // Asked again each second for at most ten: on a loaded machine the late answer may land after the first second.
        #expect(Poll.until(10, every: 1) { slow.person(document: document, timeout: 0.05)?.colour == .green },
                "the late answer was kept")
        let unreachable = OnlineLookup(openCentral: { try EmbeddedCentral(path: folder + "/missing/central.sqlite") })
        #expect(unreachable.person(document: document, timeout: 5) == nil)
    }

    func issuerKey(_ keyID: String) -> IssuerKey {
        IssuerKey(issuer: "GD", keyID: keyID, publicKey: [UInt8](repeating: 7, count: 32),
                  sealKey: [UInt8](repeating: 8, count: 32), validFrom: monday)
    }

    @Test("a key registered centrally reaches the console at the next pass, its revocation at the one after, with the skew")
    func trustListTravels() throws {
        let store = try EmbeddedCentral(path: folder + "/central.sqlite", clock: { [monday] in monday.addingTimeInterval(90) })
        try population(store, count: 5)
        let gate = try cache("gate")
        let key = issuerKey("1a2b3c4d")
        try store.registerIssuerKey(key)
        let summary = try SyncEngine(cache: gate, central: store, clock: { monday }).run()
        #expect(summary.clockSkew == 90)
        #expect(try gate.codeTrust() == CodeTrust(keys: [key], skew: 90))
        let revokedAt = monday.addingTimeInterval(3600)
        #expect(try store.revokeIssuerKey(issuer: "GD", keyID: "1a2b3c4d", at: revokedAt))
        try store.registerIssuerKey(issuerKey("5e6f7a8b"))
        try SyncEngine(cache: gate, central: store, clock: { monday.addingTimeInterval(30) }).run()
        let trust = try gate.codeTrust()
        #expect(trust.keys.map(\.keyID) == ["1a2b3c4d", "5e6f7a8b"])
        #expect(trust.keys.first?.revokedAt == revokedAt)
        #expect(trust.skew == 60, "the skew measured at the latest pass")
    }

    @Test("a push that fails still brings the trust list; a pull that fails keeps the one the cache had")
    func trustListAndFaults() throws {
        let store = try central()
        try population(store, count: 20)
        let gate = try cache("gate")
        try store.registerIssuerKey(issuerKey("1a2b3c4d"))
        try register(gate)
        let faulty = FaultyCentral(store)
        faulty.failSubmit = true
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: faulty).run() }
        #expect(try gate.codeTrust().keys.map(\.keyID) == ["1a2b3c4d"])
        #expect(try store.revokeIssuerKey(issuer: "GD", keyID: "1a2b3c4d", at: monday))
        let cut = FaultyCentral(store)
        cut.failChangesAfterCalls = 0
        #expect(throws: CentralError.self) { try SyncEngine(cache: gate, central: cut).run() }
        #expect(try gate.codeTrust().keys.first?.revokedAt == nil, "the revocation waits for a pass that pulls")
        try SyncEngine(cache: gate, central: store).run()
        #expect(try gate.codeTrust().keys.first?.revokedAt == monday)
    }

    @Test("a code from another region's issuer is refused until its key arrives by sync, then shows as 外地码")
    func otherIssuerAcceptedAfterSync() throws {
        let store = try EmbeddedCentral(path: folder + "/central.sqlite", clock: { [monday] in monday })
        try population(store, count: 5)
        let gate = try cache("gate")
        try SyncEngine(cache: gate, central: store, clock: { monday }).run()
        let guangdong = try CodeIssuer(issuer: "GD", seed: Array(1...32), sealKey: Array(101...132))
        let code = try guangdong.issue(document: "44010619800101001X", colour: .yellow, colourChangedAt: monday,
                                       at: monday.addingTimeInterval(20))
        guard case .code(let scanned) = ScanInput.classify(code, today: CivilDate(monday, in: .gmt)) else {
            throw CentralError("not read as a code")
        }
        let rules = CheckpointRules()
        let at = monday.addingTimeInterval(30)
        #expect(rules.verify(scanned, trust: try gate.codeTrust(), at: at) == .refused(.codeUntrusted))
        try store.registerIssuerKey(guangdong.trustEntry(validFrom: monday))
        try SyncEngine(cache: gate, central: store, clock: { monday }).run()
        guard case .verified(let verified) = rules.verify(scanned, trust: try gate.codeTrust(), at: at) else {
            throw CentralError("refused after the key arrived")
        }
        #expect(try gate.person(document: verified.holder ?? "") == nil, "the holder is not in this region's cache")
        let record = verified.record(cached: nil, unsentRegistration: false)
        #expect(record.colour == .yellow)
        #expect(rules.judge(record, readings: [], at: at).decision == .refuse)
    }
}
