import Central
import Foundation
import HealthCode
import LocalStore
import Testing
import TestSupport

/// A checkpoint's login role may read people and send its own events, and nothing else.
@Suite("PostgreSQL checkpoint roles")
struct PostgresSecurityTests {
    let monday = Date(timeIntervalSince1970: 1_764_000_000)
    let document = "11010519491231002X"

    /// A migrated store with one green person and two checkpoints, each with its own role.
    func store() throws -> (admin: PostgresCentral, east: String, west: String, url: String) {
        let url = try PostgresServer.shared().makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let admin = try PostgresCentral(url: url)
        _ = try admin.importCodes([CodeRow(document: document, nameMasked: "张*", phone: nil, colour: .green,
                                           reason: "", updatedAt: monday)])
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let east = "hg_east_\(suffix)"
        let west = "hg_west_\(suffix)"
        try admin.addCheckpoint(Checkpoint(id: "EAST-\(suffix)", name: "东门"), role: east, password: "east-secret")
        try admin.addCheckpoint(Checkpoint(id: "WEST-\(suffix)", name: "西门"), role: west, password: "west-secret")
        return (admin, east, west, url)
    }

    func connect(_ url: String, as role: String) throws -> PostgresConnection {
        try PostgresConnection(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(role)"))
    }

    func registration(checkpoint: String) -> GateEvent {
        GateEvent.registration(id: UUID(), at: monday, checkpoint: Checkpoint(id: checkpoint, name: checkpoint),
                               operatorName: "王", document: document, colourBefore: .green,
                               readings: [Temperature(tenths: 382), Temperature(tenths: 383)])
    }

    func sqlState(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as PostgresError {
            return error.sqlState
        } catch {
            return "other: \(error)"
        }
    }

    @Test("a checkpoint's role reads people and the feed, and its registration turns green yellow")
    func allowed() throws {
        let (admin, east, _, url) = try store()
        let eastID = try #require(try admin.checkpointID(role: east))
        let console = try PostgresCentral(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(east)"))
        #expect(try console.person(document: document)?.colour == .green)
        var fed: [FeedChange] = []
        var cursor = FeedCursor.start
        _ = try Poll.until(10, every: 0.02) {
            let page = try console.changes(after: cursor, limit: 10)
            fed += page.changes
            cursor = page.next
            return page.atEnd && !fed.isEmpty
        }
        #expect(fed.count == 1, "another test's open transaction may hold the row back for a moment, not hide it")
        let event = registration(checkpoint: eastID)
        #expect(try console.submit([event]).map(\.eventID) == [event.id])
        #expect(try console.submit([event]).map(\.eventID) == [event.id], "a retried upload is a no-op")
        #expect(try admin.person(document: document)?.colour == .yellow)
        #expect(try console.events(limit: 10).count == 1)
    }

    @Test("it cannot send another checkpoint's events, nor read them")
    func otherCheckpoints() throws {
        let (admin, east, west, url) = try store()
        let westID = try #require(try admin.checkpointID(role: west))
        let westConsole = try PostgresCentral(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(west)"))
        _ = try westConsole.submit([registration(checkpoint: westID)])
        let eastConsole = try PostgresCentral(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(east)"))
        let forged = registration(checkpoint: westID)
        let eastID = try #require(try admin.checkpointID(role: east))
        let receipts = try eastConsole.submit([forged, registration(checkpoint: eastID)])
        #expect(receipts.first?.rejection != nil, "another checkpoint's event is refused")
        #expect(receipts.last?.receivedAt != nil, "and does not hold back the next one")
        #expect(try eastConsole.events(limit: 10).map(\.event.checkpointID) == [eastID], "west's events are invisible to east")
        let raw = try connect(url, as: east)
        #expect(try raw.query("SELECT count(*) FROM events WHERE checkpoint <> $1", [.text(eastID)]).int64(0, 0) == 0)
        #expect(sqlState { try raw.query("UPDATE events SET kind = 'check'") } == "42501")
        #expect(sqlState { try raw.query("DELETE FROM events") } == "42501")
    }

    @Test("it cannot change a colour directly, nor touch the schema")
    func noDirectWrites() throws {
        let (_, east, _, url) = try store()
        let raw = try connect(url, as: east)
        #expect(sqlState { try raw.query("UPDATE people SET colour = 'green'") } == "42501")
        #expect(sqlState { try raw.query("INSERT INTO people (document, name_masked, colour, colour_changed_at) VALUES ('x', 'x', 'green', 0)") } == "42501")
        #expect(sqlState { try raw.query("DELETE FROM people") } == "42501")
        #expect(sqlState { try raw.execute("CREATE TABLE sneaky (x int)") } == "42501")
        #expect(sqlState { try raw.execute("DROP TABLE people") } == "42501")
        #expect(sqlState { try raw.execute("ALTER TABLE people ADD COLUMN sneaky int") } == "42501")
        #expect(sqlState { try raw.query("UPDATE checkpoints SET rules = '{}'") } == "42501")
    }

    @Test("a role whose checkpoint was removed from the registry sees no events and sends none")
    func orphanRole() throws {
        let (admin, east, _, url) = try store()
        let eastID = try #require(try admin.checkpointID(role: east))
        let console = try PostgresCentral(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(east)"))
        _ = try console.submit([registration(checkpoint: eastID)])
        let administrator = try PostgresConnection(url: url)
        try administrator.query("DELETE FROM checkpoints WHERE id = $1", [.text(eastID)])
        #expect(try console.events(limit: 10).isEmpty)
        #expect(try console.submit([registration(checkpoint: eastID)]).first?.rejection != nil)
    }

    @Test("adding a checkpoint twice is refused unless replacing; only the password's verifier is stored")
    func addTwice() throws {
        let (admin, east, _, url) = try store()
        let eastID = try #require(try admin.checkpointID(role: east))
        #expect(throws: CentralError.self) {
            try admin.addCheckpoint(Checkpoint(id: eastID, name: "东门"), role: east, password: "another-secret")
        }
        try admin.addCheckpoint(Checkpoint(id: eastID, name: "东门"), role: east, password: "another-secret", replacing: true)
        let stored = try PostgresConnection(url: url).query("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [.text(east)])
        let verifier = try stored.optionalString(0, 0) ?? ""
        #expect(verifier.hasPrefix("SCRAM-SHA-256$") || verifier.hasPrefix("md5"))
        #expect(!verifier.contains("another-secret"))
    }

    @Test("it reads the trust list, and cannot register, revoke or remove a key")
    func trustListReadOnly() throws {
        let (admin, east, _, url) = try store()
        let key = IssuerKey(issuer: "GD", keyID: "1a2b3c4d", publicKey: [UInt8](repeating: 7, count: 32),
                            sealKey: [UInt8](repeating: 8, count: 32), validFrom: monday)
        try admin.registerIssuerKey(key)
        let console = try PostgresCentral(url: url.replacingOccurrences(of: "user=healthgate", with: "user=\(east)"))
        #expect(try console.issuerKeys() == [key])
        var other = key
        other.keyID = "0000ffff"
        #expect(sqlState { try console.registerIssuerKey(other) } == "42501")
        #expect(sqlState { _ = try console.revokeIssuerKey(issuer: "GD", keyID: "1a2b3c4d", at: monday) } == "42501")
        let raw = try connect(url, as: east)
        #expect(sqlState { try raw.query("DELETE FROM issuer_keys") } == "42501")
        #expect(try admin.issuerKeys() == [key])
    }
}
