import Foundation
import HealthCode
import LocalStore

/// The central store every console syncs with: the authority for colours and tests, and the
/// collector of what consoles saw. The embedded SQLite file and PostgreSQL both implement it.
public protocol CentralStore: AnyObject {
    /// People whose state changed after `cursor`, at most `limit`, with the cursor after them. A store
    /// whose writers commit out of order must still never hand out a cursor past a change it has not shown.
    func changes(after cursor: FeedCursor, limit: Int) throws -> FeedPage
    /// Stores events, each id once (a retried upload is a no-op), applying registrations and voids
    /// to colours; returns a receipt for every event, in order, after the commit.
    func submit(_ events: [GateEvent]) throws -> [EventReceipt]
    /// One person by document key, straight from the store.
    func person(document: String) throws -> PersonRecord?
    /// Everyone registered under a proxy phone.
    func people(phone: String) throws -> [PersonRecord]
    /// Upserts the authority's code rows; unchanged rows and rows older than the stored colour change no colour.
    func importCodes(_ rows: [CodeRow]) throws -> ImportSummary
    /// Upserts test results, keeping each person's latest sample.
    func importNAT(_ rows: [NATRow]) throws -> ImportSummary
    /// Registers or updates a checkpoint.
    func saveCheckpoint(_ checkpoint: Checkpoint) throws
    func checkpoint(id: String) throws -> Checkpoint?
    /// The stored events, for reports and tests; oldest first.
    func events(limit: Int) throws -> [StoredEvent]
    /// The store's clock, to measure this console's skew.
    func serverTime() throws -> Date
    /// How many people the store holds.
    func peopleCount() throws -> Int
    /// Adds an issuer's key to the trust list; a key id the issuer already has is refused, and nothing changes.
    func registerIssuerKey(_ key: IssuerKey) throws
    /// Marks a key revoked at `at`; a key revoked before keeps its first time. False when there is no such key.
    func revokeIssuerKey(issuer: String, keyID: String, at: Date) throws -> Bool
    /// The whole trust list, revoked keys included, by issuer then key id.
    func issuerKeys() throws -> [IssuerKey]
    /// Moves a write-ahead log this process keeps for the store into the store's file, blocking no one:
    /// the sync thread calls it after each pass, as for the cache.
    func checkpointLog()
}

extension CentralStore {
    /// A store in a process of its own (PostgreSQL) checkpoints by itself.
    public func checkpointLog() {}
}

/// What an import changed.
public struct ImportSummary: Equatable, Sendable {
    /// Rows that changed or added a person.
    public var changed: Int
    /// Rows that matched what was stored already.
    public var unchanged: Int
    /// Rows older than what was stored, whose colour or test was therefore kept.
    public var stale: Int
    /// Test rows for documents with no code.
    public var unknownPeople: Int

    public init(changed: Int = 0, unchanged: Int = 0, stale: Int = 0, unknownPeople: Int = 0) {
        self.changed = changed
        self.unchanged = unchanged
        self.stale = stale
        self.unknownPeople = unknownPeople
    }
}

/// An event as the central store keeps it, with the time it arrived.
public struct StoredEvent: Equatable, Sendable {
    public var event: GateEvent
    public var receivedAt: Date

    public init(event: GateEvent, receivedAt: Date) {
        self.event = event
        self.receivedAt = receivedAt
    }
}

/// A central store that cannot be reached or used.
public struct CentralError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
