import Foundation
import HealthCode
import Testing
import TestSupport
@testable import LocalStore

/// The console's cache: recording, the local flip and its voids, lookups and counts.
@Suite("The local cache")
struct LocalCacheTests {
    let folder = TemporaryDirectory()
    let document = "11010519491231002X"
    let checkpoint = Checkpoint(id: "CP-1", name: "东门")
    let noon = Date(timeIntervalSince1970: 1_764_216_000)

    func openCache() throws -> LocalCache { try LocalCache(path: folder.file("cache.sqlite")) }

    func change(_ seq: Int64, _ colour: CodeColour, phone: String? = nil, document: String? = nil, changedBy: UUID? = nil,
                at: Date? = nil) -> FeedChange {
        FeedChange(seq: seq, record: PersonRecord(
            document: document ?? self.document, nameMasked: "张*", phone: phone, colour: colour,
            colourChangedAt: at ?? noon.addingTimeInterval(-86_400)), changedBy: changedBy)
    }

    func cursor(_ position: Int) -> FeedCursor { FeedCursor(String(position)) }

    func fever(_ cache: LocalCache, colourBefore: CodeColour = .green) throws -> GateEvent {
        let readings = [Temperature(tenths: 381), Temperature(tenths: 380)]
        let verdict = Verdict(decision: .refuse, reasons: [Reason(.feverConfirmed, value: 380)], registers: true)
        let check = GateEvent.check(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王", document: document,
                                    colour: .yellow, verdict: verdict, readings: readings, complete: true)
        let registration = GateEvent.registration(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                                  document: document, colourBefore: colourBefore, readings: readings)
        try cache.record(check: check, registration: registration)
        return registration
    }

    @Test("a gate that leaves checkpoints to others checkpoints itself only past its bound; another connection's checkpoint does it")
    func checkpointsLeftToOthers() throws {
        let gate = try openCache()
        try gate.leaveCheckpointsToOthers()
        try gate.apply([change(1, .green)], cursor: cursor(1))
        for _ in 0..<300 { _ = try fever(gate) }
        let other = try openCache()
        let frames = { try other.events.queryFirst("PRAGMA wal_checkpoint(PASSIVE)") { $0.int(1) } ?? 0 }
        #expect(try frames() > 1000, "past SQLite's automatic checkpoint of 1,000 pages, nothing was checkpointed")
        other.checkpointLog()
        for _ in 0..<5 { _ = try fever(gate) }
        #expect(try frames() < 100, "after another connection's checkpoint, the log starts over")
        try gate.leaveCheckpointsToOthers(pagesBeforeOwnCheckpoint: 200)
        for _ in 0..<300 { _ = try fever(gate) }
        #expect(try frames() < 250, "with no one else checkpointing, the gate does past its bound")
    }

    @Test("a check and its registration are written together: scan log, registration and two outbox rows")
    func recordTogether() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        _ = try fever(cache)
        #expect(try cache.backlog() == 2)
        #expect(try cache.events.queryFirst("SELECT count(*) FROM scan_log") { $0.int(0) } == 1)
        #expect(try cache.lastRegistration()?.document == document)
    }

    @Test("a registration that cannot be stored takes its check with it")
    func atomic() throws {
        let cache = try openCache()
        let check = GateEvent(id: UUID(), kind: .check, checkpointID: "CP-1", operatorName: "王", at: noon)
        let broken = GateEvent(id: UUID(), kind: .registration, checkpointID: "CP-1", operatorName: "王", at: noon)
        #expect(throws: CacheError.notARegistration) { try cache.record(check: check, registration: broken) }
        #expect(try cache.backlog() == 0)
        #expect(try cache.events.queryFirst("SELECT count(*) FROM scan_log") { $0.int(0) } == 0)
    }

    @Test("a registration turns green yellow at once, and an older central state does not undo it")
    func localFlip() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        let registration = try fever(cache)
        #expect(try cache.person(document: document)?.colour == .yellow)
        try cache.apply([change(2, .green)], cursor: cursor(2))
        #expect(try cache.person(document: document)?.colour == .yellow)
        try cache.markSent([EventReceipt(eventID: registration.id, receivedAt: noon)], at: noon)
        #expect(try cache.person(document: document)?.colour == .yellow, "sent, but the feed has not brought it back yet")
        try cache.apply([change(3, .yellow, changedBy: registration.id)], cursor: cursor(3))
        #expect(try cache.person(document: document)?.colour == .yellow)
        try cache.apply([change(4, .green)], cursor: cursor(4))
        #expect(try cache.person(document: document)?.colour == .yellow, "an authority row older than the receipt")
        try cache.apply([change(5, .green, at: noon.addingTimeInterval(3600))], cursor: cursor(5))
        #expect(try cache.person(document: document)?.colour == .green, "a newer authority decision decides again")
    }

    @Test("a red code stays red after a registration")
    func redStaysRed() throws {
        let cache = try openCache()
        try cache.apply([change(1, .red)], cursor: cursor(1))
        _ = try fever(cache, colourBefore: .red)
        #expect(try cache.person(document: document)?.colour == .red)
    }

    @Test("a void withdraws the local flip, and a void of a registration central applied restores the colour before")
    func void() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        let registration = try fever(cache)
        try cache.markSent([EventReceipt(eventID: registration.id, receivedAt: noon)], at: noon)
        try cache.apply([change(2, .yellow, changedBy: registration.id)], cursor: cursor(2))
        let void = GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                  registration: registration, note: "测温枪故障")
        try cache.void(void)
        #expect(try cache.person(document: document)?.colour == .green)
        #expect(try cache.lastRegistration() == nil)
        #expect(throws: CacheError.nothingToVoid) { try cache.void(void) }
    }

    @Test("a phone finds everyone registered under it")
    func phone() throws {
        let cache = try openCache()
        try cache.apply([
            change(1, .green, phone: "13800138000", document: "11010519491231002X"),
            change(2, .yellow, phone: "13800138000", document: "110105195001010015"),
            change(3, .green, phone: "13900139000", document: "110105195001010023"),
        ], cursor: cursor(3))
        #expect(try cache.people(phone: "13800138000")?.map(\.document) == ["11010519491231002X", "110105195001010015"])
    }

    @Test("today's counts: passes, refusals, registrations; incomplete checks are not counted")
    func counts() throws {
        let cache = try openCache()
        for (decision, complete) in [(Verdict.Decision.pass, true), (.pass, true), (.refuse, true), (.measure, false)] {
            try cache.record(check: GateEvent.check(
                id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王", document: document, colour: .green,
                verdict: Verdict(decision: decision, reasons: []), readings: [], complete: complete))
        }
        _ = try fever(cache)
        let counts = try cache.counts(since: noon.addingTimeInterval(-3600))
        #expect(counts.passed == 2)
        #expect(counts.refused == 2)
        #expect(counts.registered == 1)
        #expect(try cache.counts(since: noon.addingTimeInterval(60)).passed == 0)
    }

    @Test("the checkpoint and the cursor survive reopening")
    func persistence() throws {
        var rules = CheckpointRules()
        rules.maxNATAgeHours = 48
        try openCache().saveCheckpoint(Checkpoint(id: "CP-9", name: "地铁站", kind: .transit, rules: rules))
        try openCache().apply([change(7, .green)], cursor: cursor(7))
        let reopened = try openCache()
        #expect(try reopened.checkpoint()?.rules.maxNATAgeHours == 48)
        #expect(try reopened.cursor() == cursor(7))
    }

    @Test("a void of a registration that was never sent withdraws the flip; both then travel")
    func voidBeforeSending() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        let registration = try fever(cache)
        try cache.void(GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                      registration: registration, note: "误登记"))
        #expect(try cache.person(document: document)?.colour == .green)
        #expect(try cache.unsentEvents(limit: 10, at: noon).map(\.kind) == [.check, .registration, .void])
    }

    @Test("a pass can take only what was queued when it began: later events wait for the next")
    func queuedThrough() throws {
        let cache = try openCache()
        #expect(try cache.lastQueuedPosition() == 0)
        try cache.apply([change(1, .green)], cursor: cursor(1))
        _ = try fever(cache)
        let last = try cache.lastQueuedPosition()
        try cache.void(GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                      registration: try #require(try cache.lastRegistration()), note: "误登记"))
        #expect(try cache.unsentEvents(limit: 10, through: last, at: noon).map(\.kind) == [.check, .registration])
        #expect(try cache.unsentEvents(limit: 10, at: noon).map(\.kind) == [.check, .registration, .void])
    }

    @Test("a void sent but not yet back through the feed keeps showing the colour before")
    func voidSentNotPulled() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        let registration = try fever(cache)
        try cache.markSent([EventReceipt(eventID: registration.id, receivedAt: noon)], at: noon)
        try cache.apply([change(2, .yellow, changedBy: registration.id)], cursor: cursor(2))
        let void = GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                  registration: registration, note: "误登记")
        try cache.void(void)
        try cache.markSent([EventReceipt(eventID: void.id, receivedAt: noon)], at: noon)
        #expect(try cache.person(document: document)?.colour == .green)
        try cache.apply([change(3, .green, changedBy: void.id)], cursor: cursor(3))
        #expect(try cache.person(document: document)?.colour == .green)
    }

    @Test("two registrations of one person: voiding the later one still leaves the earlier flip")
    func twoRegistrations() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        _ = try fever(cache)
        let second = try fever(cache)
        try cache.void(GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                      registration: second, note: "重复登记"))
        #expect(try cache.person(document: document)?.colour == .yellow)
    }

    @Test("a person the central store answered for is kept until the feed brings them, and the feed wins")
    func adopt() throws {
        let cache = try openCache()
        try cache.adopt(change(9, .green).record)
        _ = try fever(cache)
        #expect(try cache.person(document: document)?.colour == .yellow)
        try cache.apply([change(5, .red)], cursor: cursor(5))
        try cache.adopt(change(9, .green).record)
        #expect(try cache.person(document: document)?.colour == .red)
    }

    @Test("an outbox event keeps every field through its JSON form, times to the millisecond")
    func eventCoding() throws {
        let event = GateEvent(id: UUID(), kind: .check, checkpointID: "CP-1", operatorName: "王",
                              at: Date(timeIntervalSince1970: 1_764_216_000.25), document: document, colour: .green,
                              decision: .remeasure, reasons: [Reason(.fever, value: 381)],
                              readings: [Temperature(tenths: 381)], complete: false, note: "备注")
        #expect(try EventCoding.decode(EventCoding.encode(event)) == event)
    }

    @Test("the hand-written JSON is the object Foundation's encoder makes, also for awkward text and absent fields",
          arguments: [
              GateEvent(id: UUID(), kind: .check, checkpointID: "CP-\"1\"\\", operatorName: "王\n\t\u{1}",
                        at: Date(timeIntervalSince1970: 1_764_216_000.123_456), document: nil, colour: nil,
                        decision: .refuse, reasons: [Reason(.noRecord), Reason(.natTooOld, value: 80)],
                        readings: [], complete: true),
              GateEvent(id: UUID(), kind: .void, checkpointID: "CP-1", operatorName: "op",
                        at: Date(timeIntervalSince1970: 1_764_216_000), document: "HKM:H12345678",
                        readings: [Temperature(tenths: 385), Temperature(tenths: 360)], voids: UUID(), note: "误登记 / 已复核"),
          ])
    func eventJSONMatchesFoundation(_ event: GateEvent) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        let foundation = try JSONSerialization.jsonObject(with: encoder.encode(event)) as? NSDictionary
        let ours = try JSONSerialization.jsonObject(with: Data(EventCoding.encode(event).utf8)) as? NSDictionary
        #expect(ours != nil && ours == foundation)
        #expect(try EventCoding.decode(EventCoding.encode(event)) == event)
    }

    @Test("the hand reader of queued events reads what Foundation's decoder reads, and refuses what it refuses",
          arguments: [
              #"{"at":1764216000123,"checkpointID":"CP-1","complete":true,"id":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F","kind":"check","operatorName":"王","readings":[38.5,36],"reasons":[{"code":"fever","value":385},{"code":"no_record"}]}"#,
              #"{ "at" : 1.764216e12, "checkpointID" : "CP-\"1\"", "complete" : false, "document" : null, "id" : "E621E1F8-C36C-495A-93FC-0C247A3E6E5F", "kind" : "void", "note" : "\u8bef\u767b\u8bb0 \ud83d\ude00 \/ \n", "operatorName" : "op", "readings" : [ ], "reasons" : [ ], "voids" : "C2D1F6B0-0A8B-4C55-9E0F-6F1B7E2A9D11" }"#,
              #"{"at":1,"checkpointID":"CP-1","complete":true,"id":"not-a-uuid","kind":"check","operatorName":"o","readings":[],"reasons":[]}"#,
              #"{"at":1,"checkpointID":"CP-1","complete":"yes","id":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F","kind":"check","operatorName":"o","readings":[],"reasons":[]}"#,
              #"{"at":1,"checkpointID":"CP-1","complete":true,"id":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F","kind":"check","operatorName":"o","readings":[],"reasons":[{"code":"fever","value":38.5}]}"#,
              #"{"at":1,"checkpointID":"CP-1","complete":true,"id":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F","kind":"check","operatorName":"o","readings":[],"reasons":[]"#,
              #"{"at":1,"checkpointID":"CP-1","complete":true,"id":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F","kind":"scan","operatorName":"o","readings":[],"reasons":[]}"#,
          ])
    func eventReadingMatchesFoundation(_ text: String) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        let foundation = try? decoder.decode(GateEvent.self, from: Data(text.utf8))
        #expect(EventReading.event(text) == foundation)
        #expect((try? EventCoding.decode(text)) == foundation)
    }

    @Test("a refused event leaves the queue for the dead-letter list, and can be put back")
    func refused() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        let registration = try fever(cache)
        try cache.markSent([EventReceipt(eventID: registration.id, rejection: "permission denied")], at: noon)
        #expect(try cache.backlog() == 1, "only the check is still queued")
        #expect(try cache.unsentEvents(limit: 10, at: noon).map(\.kind) == [.check])
        #expect(try cache.rejectedEvents(limit: 10).map(\.reason) == ["permission denied"])
        #expect(try cache.person(document: document)?.colour == .yellow, "the local flip stays")
        #expect(try cache.requeueRejected() == 1)
        #expect(try cache.backlog() == 2)
        #expect(try cache.rejectedCount() == 0)
    }

    func key(_ issuer: String, _ keyID: String, seal: Bool = false, validTo: Date? = nil, revokedAt: Date? = nil) -> IssuerKey {
        IssuerKey(issuer: issuer, keyID: keyID, publicKey: (0..<32).map { UInt8($0) },
                  sealKey: seal ? (0..<32).map { UInt8(255 - $0) } : nil, validFrom: noon.addingTimeInterval(-86_400),
                  validTo: validTo, revokedAt: revokedAt)
    }

    @Test("the trust list keeps every field of its keys, with and without the optional ones, through reopening")
    func trustRoundTrip() throws {
        #expect(try openCache().codeTrust() == CodeTrust(), "no keys and no skew before the first sync")
        let keys = [
            key("BJ", "0000ffff"),
            key("GD", "1a2b3c4d", seal: true, validTo: noon.addingTimeInterval(86_400 * 365), revokedAt: noon),
        ]
        try openCache().replaceTrust(keys, skew: -2.345)
        #expect(try openCache().codeTrust() == CodeTrust(keys: keys, skew: -2.345))
    }

    @Test("replacing the trust list drops the keys no longer listed and keeps the newest skew")
    func trustReplace() throws {
        let cache = try openCache()
        try cache.replaceTrust([key("BJ", "0000ffff"), key("GD", "1a2b3c4d")], skew: 1.5)
        let revoked = key("GD", "1a2b3c4d", revokedAt: noon)
        try cache.replaceTrust([revoked], skew: 0.25)
        #expect(try cache.codeTrust() == CodeTrust(keys: [revoked], skew: 0.25))
        try cache.replaceTrust([], skew: 0)
        #expect(try cache.codeTrust() == CodeTrust())
    }

    @Test("a stored key that no longer decodes is refused in one line, not handed out")
    func damagedKey() throws {
        let cache = try openCache()
        try cache.replaceTrust([key("GD", "1a2b3c4d")], skew: 0)
        try cache.database.run("UPDATE issuer_keys SET public_key = 'AAEC'")
        let error = #expect(throws: DamagedKeyError.self) { try cache.codeTrust() }
        #expect(error?.description == "the stored public key of issuer GD key 1a2b3c4d is not 32 bytes in base64")
    }

    @Test("a cache file from before the trust list gains it and keeps its people")
    func trustMigration() throws {
        let path = folder.file("cache.sqlite")
        try Database(path: path).migrate([CacheSchema.migrations[0]])
        try openCache().apply([change(1, .green)], cursor: cursor(1))
        let cache = try openCache()
        #expect(try cache.database.schemaVersion() == CacheSchema.migrations.map(\.version).max())
        #expect(try cache.peopleCount() == 1)
        #expect(try cache.codeTrust() == CodeTrust())
    }

    @Test("an unsent registration is reported until the store receives it or it is voided")
    func unsentRegistration() throws {
        let cache = try openCache()
        try cache.apply([change(1, .green)], cursor: cursor(1))
        #expect(try cache.hasUnsentRegistration(document: document) == false)
        let registration = try fever(cache)
        #expect(try cache.hasUnsentRegistration(document: document))
        #expect(try cache.hasUnsentRegistration(document: "110105195001010015") == false, "only that document's")
        try cache.markSent([EventReceipt(eventID: registration.id, receivedAt: noon)], at: noon)
        #expect(try cache.hasUnsentRegistration(document: document) == false)
        let second = try fever(cache)
        #expect(try cache.hasUnsentRegistration(document: document))
        try cache.void(GateEvent.void(id: UUID(), at: noon, checkpoint: checkpoint, operatorName: "王",
                                      registration: second, note: "误登记"))
        #expect(try cache.hasUnsentRegistration(document: document) == false, "voided, even before the void is sent")
        let refused = try fever(cache)
        try cache.markSent([EventReceipt(eventID: refused.id, rejection: "permission denied")], at: noon)
        #expect(try cache.hasUnsentRegistration(document: document), "refused by the store: never received, the local flip stays")
    }
}
