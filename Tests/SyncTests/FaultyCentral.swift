import Central
import Foundation
import HealthCode
import LocalStore

/// A central store that fails where a test tells it to, passing everything else through.
final class FaultyCentral: CentralStore {
    let inner: CentralStore
    var failAfterCommit = false
    var failSubmit = false
    /// Seconds each person lookup takes.
    var lookupDelay: TimeInterval = 0
    var failChangesAfterCalls: Int?
    private var changeCalls = 0

    init(_ inner: CentralStore) { self.inner = inner }

    func changes(after cursor: FeedCursor, limit: Int) throws -> FeedPage {
        changeCalls += 1
        if let limit = failChangesAfterCalls, changeCalls > limit { throw CentralError("connection cut mid-pull") }
        return try inner.changes(after: cursor, limit: limit)
    }

    func submit(_ events: [GateEvent]) throws -> [EventReceipt] {
        if failSubmit { throw CentralError("the central store refused the upload") }
        let receipts = try inner.submit(events)
        if failAfterCommit { throw CentralError("connection lost after the commit") }
        return receipts
    }

    func person(document: String) throws -> PersonRecord? {
        Thread.sleep(forTimeInterval: lookupDelay)
        return try inner.person(document: document)
    }
    func people(phone: String) throws -> [PersonRecord] { try inner.people(phone: phone) }
    func importCodes(_ rows: [CodeRow]) throws -> ImportSummary { try inner.importCodes(rows) }
    func importNAT(_ rows: [NATRow]) throws -> ImportSummary { try inner.importNAT(rows) }
    func saveCheckpoint(_ checkpoint: Checkpoint) throws { try inner.saveCheckpoint(checkpoint) }
    func checkpoint(id: String) throws -> Checkpoint? { try inner.checkpoint(id: id) }
    func events(limit: Int) throws -> [StoredEvent] { try inner.events(limit: limit) }
    func serverTime() throws -> Date { try inner.serverTime() }
    func peopleCount() throws -> Int { try inner.peopleCount() }
    func registerIssuerKey(_ key: IssuerKey) throws { try inner.registerIssuerKey(key) }
    func revokeIssuerKey(issuer: String, keyID: String, at: Date) throws -> Bool {
        try inner.revokeIssuerKey(issuer: issuer, keyID: keyID, at: at)
    }
    func issuerKeys() throws -> [IssuerKey] { try inner.issuerKeys() }
}
